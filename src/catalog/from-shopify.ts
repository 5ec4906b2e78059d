import { fromShopkeeper } from "./from-shopkeeper";
import type { RawItem } from "./normalize-product";

type ShopifyVariant = { id?: unknown; price?: unknown; compare_at_price?: unknown; available?: unknown; sku?: unknown };

/**
 * The items of a Shopify storefront `/products.json` page: one item per variant, grouped by the
 * product id so they collapse into one product (lowest price, in stock if any variant is). The
 * link is `/products/<handle>` on the feed's origin; the normaliser reads `vendor` as the brand,
 * `product_type` as the category and the first image.
 * @example fromShopify({ products: [{ id: 1, title: "Tent", handle: "tent", variants: [{ price: "49.00" }] }] })
 */
export const fromShopify = (data: unknown): RawItem[] =>
  fromShopkeeper(data).flatMap((p) => {
    const { variants: v, handle } = p as { variants?: ShopifyVariant[]; handle?: unknown };
    return (Array.isArray(v) && v.length ? v : [{} as ShopifyVariant]).map((v) => ({
      ...p,
      groupId: p.id,
      url: typeof handle == "string" ? "/products/" + encodeURIComponent(handle) : undefined,
      price: v?.price,
      compareAtPrice: v?.compare_at_price,
      availability: v?.available,
      sku: v?.sku,
      // The variant id, which pages (`?variant=`) and dataLayer events name.
      variantIds: [v?.id],
    }));
  });
