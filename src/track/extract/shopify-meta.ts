import { draft, type Draft } from "./draft";

/**
 * Reads Shopify's `ShopifyAnalytics.meta.product` (prices in integer cents, one entry per
 * variant): the product id, the lowest variant price, vendor and type.
 */
export const readShopifyMeta = (globals: { ShopifyAnalytics?: unknown } | undefined, base: string): Draft[] => {
  const meta = (globals?.ShopifyAnalytics as any)?.meta;
  const p = meta?.product;
  if (p?.id == null) return [];
  const vs: any[] = Array.isArray(p.variants) ? p.variants : [];
  const prices = vs.map((v) => v?.price).filter((c) => typeof c == "number" && c >= 0);
  const v = vs[0];
  return [
    draft(
      {
        id: p.id,
        // A variant's `name` is "Title - Variant title".
        title: ("" + (v?.name ?? "")).replace(" - " + v?.public_title, ""),
        brand: p.vendor,
        category: p.type,
        price: prices.length ? Math.min(...prices) / 100 : undefined,
        currency: meta.currency ?? (globals as any).Shopify?.currency?.active,
        groupId: p.id,
        sku: vs.length == 1 ? v?.sku : undefined,
      },
      base,
    ),
  ];
};
