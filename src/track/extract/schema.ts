import type { Availability } from "../../types";
import { absolute, draft, first, text, type Draft } from "./draft";

/** What the schema.org walk found: products, list items and the first breadcrumb trail. */
export interface SchemaFound {
  products: Draft[];
  list: Draft[];
  crumbs?: { name?: string | undefined; url?: string | undefined }[];
}

const all = (v: unknown): any[] => (v == null ? [] : Array.isArray(v) ? v : [v]);

// "Product", "schema:Product", "http://schema.org/Product", or a list of them: matched by regex.
const type = (n: any): string => "" + n?.["@type"];

// Offers may nest (an AggregateOffer holding Offers): every level counts, the lowest price wins.
const offers = (o: unknown): any[] => all(o).flatMap((x) => (x && typeof x == "object" ? [x, ...offers(x.offers)] : []));

const lowest = (ds: Draft[]) => ds.reduce<Draft | undefined>((b, d) => (d.price !== undefined && !(b?.price! <= d.price) ? d : b), undefined);

const stock = (ds: Draft[]): Availability | undefined => ds.find((d) => d.availability == "in_stock")?.availability ?? ds.find((d) => d.availability)?.availability;

/**
 * One schema.org `Product` (or `ProductGroup`, its variants collapsed into one product: lowest
 * price of those in stock, in stock when any variant is, `groupId` set) as a draft. The id prefers `sku`, then
 * `productID`, then `@id`, then `url`: the most stable key a shop gives.
 */
const product = (n: any, base: string): Draft => {
  const offs = offers(n.offers).map((o) => {
    // WooCommerce gives prices only as `priceSpecification[]`: the sale price first, the list
    // price flagged with `priceType` (ListPrice, StrikethroughPrice).
    const specs = all(o.priceSpecification);
    const list = specs.find((s) => /list|strike|srp/i.test(s?.priceType));
    const cur = specs.find((s) => s != list);
    return draft(
      {
        // BigCommerce puts a price range in non-standard `minPrice`/`maxPrice`.
        price: o.price ?? o.lowPrice ?? o.minPrice ?? cur?.price ?? cur?.minPrice,
        compareAtPrice: list?.price,
        currency: o.priceCurrency ?? cur?.priceCurrency ?? list?.priceCurrency,
        availability: first(o.availability),
        sku: o.sku,
      },
      base,
    );
  });
  const variants = all(n.hasVariant).filter((v) => v && typeof v == "object").map((v) => product(v, base));
  const each = [...offs, ...variants];
  // As in a feed: the lowest price a visitor can buy, and of every offer only when none can be bought.
  const best = lowest(each.filter((d) => d.availability != "out_of_stock")) ?? lowest(each);
  const r = first(n.aggregateRating);
  const sku = text(n.sku) ?? (offs.length == 1 ? offs[0]!.sku : undefined);
  const d = draft(
    {
      sku,
      title: n.name,
      url: n.url,
      image: first(n.image)?.url ?? first(n.image)?.contentUrl ?? n.image,
      brand: first(n.brand)?.name ?? n.brand,
      category: n.category,
      rating: r?.ratingValue,
      ratingCount: r?.ratingCount ?? r?.reviewCount,
      groupId: variants.length ? (n.productGroupID ?? n.sku ?? n["@id"]) : n.inProductGroupWithID,
    },
    base,
  );
  d.id = sku ?? text(n.productID) ?? text(n.productGroupID) ?? absolute(n["@id"], base) ?? d.url;
  d.price = best?.price;
  d.compareAtPrice = best?.compareAtPrice;
  d.currency = (best ?? offs[0])?.currency;
  d.availability = stock(each);
  for (const k of ["title", "image", "brand", "category"] as const) d[k] ??= variants[0]?.[k] as never;
  return d;
};

/**
 * Walks schema.org data (parsed JSON-LD blocks or microdata read into the same shape) and
 * collects `Product`/`ProductGroup` nodes anywhere (objects, arrays, `@graph`, `mainEntity`),
 * `ItemList` items as list products and the first `BreadcrumbList`.
 */
export const readSchema = (roots: unknown[], base: string): SchemaFound => {
  const found: SchemaFound = { products: [], list: [] };
  // Real markup nests a few levels; a hostile block nested thousands deep must not overflow the
  // stack and take the page's other blocks down with it.
  const walk = (n: any, depth = 0): void => {
    if (!n || typeof n != "object" || depth > 32) return;
    if (Array.isArray(n)) return n.forEach((x) => walk(x, depth + 1));
    const t = type(n);
    if (/Product/.test(t)) found.products.push(product(n, base));
    else if (/BreadcrumbList/.test(t)) {
      found.crumbs ??= all(n.itemListElement).map((li) => ({ name: text(li?.name ?? li?.item?.name), url: absolute(li?.item?.["@id"] ?? li?.item?.url ?? li?.item ?? li?.url, base) }));
    } else if (/ItemList/.test(t))
      for (const li of all(n.itemListElement)) {
        const it = li?.item ?? li;
        found.list.push(/Product/.test(type(it)) ? product(it, base) : draft({ title: it?.name ?? li?.name, url: it?.url ?? it?.["@id"] ?? it }, base));
      }
    else for (const k of Object.keys(n)) walk(n[k], depth + 1);
  };
  walk(roots);
  return found;
};
