import type { RawItem } from "./normalize-product";

/**
 * The items of a Shopkeeper JSON feed, when parsing one: `{ "products": [...] }` or a bare array
 * of product objects in the normalised `Product` shape (aliases are read by the normaliser).
 * Shopify and WooCommerce JSON use their own adapters.
 * @example fromShopkeeper({ products: [{ id: "1", title: "Tent", url: "/p/1" }] })
 */
export const fromShopkeeper = (data: unknown): RawItem[] => {
  const list = Array.isArray(data) ? data : (data as { products?: unknown } | null)?.products;
  // Every entry stays an item, so one that is not an object is counted as dropped, not lost.
  return Array.isArray(list) ? list.map(Object) : [];
};
