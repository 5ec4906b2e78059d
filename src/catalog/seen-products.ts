import type { Product, ViewedProduct } from "../types";

// What a view record keeps that a product card can show, in the order cards have always had them.
const KEPT = ["image", "price", "currency", "category", "brand", "availability"] as const;

/**
 * Products the visitor looked at, as a catalog: the zero-config install recommends from these
 * when the shop gives no feed. Entries without a title or a link cannot make a card and are left out.
 */
export const viewedToProducts = (viewed: ViewedProduct[]): Product[] =>
  viewed
    .filter((v) => v.title && v.url)
    .map((v) => {
      const product: Record<string, unknown> = { id: v.id, title: v.title, url: v.url, popularity: v.views };
      // Only the fields the record holds: no empty text, but a price of 0 is a price.
      for (const k of KEPT) if (v[k] != null && v[k] !== "") product[k] = v[k];
      return product as unknown as Product;
    });
