import { warnOnce } from "../log";
import type { Product, ShopkeeperConfig } from "../types";
import { fromDelimited } from "./from-delimited";
import { fromMerchantXml } from "./from-merchant-xml";
import { fromShopify } from "./from-shopify";
import { fromShopkeeper } from "./from-shopkeeper";
import { fromWooCommerce } from "./from-woocommerce";
import { jsonItems } from "./json-items";
import { normalizeProduct } from "./normalize-product";
import type { RawItem } from "./normalize-product";

/** A feed format, as `data-catalog-format` or `catalogFormat` names it; `auto` reads the content. */
export type CatalogFormat = NonNullable<ShopkeeperConfig["catalogFormat"]>;

/** Normalised products, and how many feed items were dropped, by reason. */
export interface CatalogResult {
  products: Product[];
  dropped: number;
  /** Drop counts by reason: `id`, `title`, `url`, `price` (missing or invalid), `duplicate` (an id seen before), `cap` (over `maxItems`). */
  reasons: Record<string, number>;
}

/** Options of `parseCatalog()`. */
export interface ParseCatalogOptions {
  format?: CatalogFormat;
  /** Relative links and Shopify handles are resolved against it. */
  baseUrl: string;
  /** Products kept at most; later ones are dropped as `cap`. Default 100,000. */
  maxItems?: number;
}

/**
 * The raw items of a feed body: the first character picks JSON, XML (Google Merchant RSS/Atom)
 * or delimited text (Merchant TSV, Meta CSV/TSV). JSON is Shopify when `format` says so or its
 * first product has `variants`, WooCommerce when `format` says so or it has `prices`, else the
 * Shopkeeper feed.
 */
function* rawItems(body: string, format?: CatalogFormat): Iterable<RawItem> {
  const first = body.trimStart()[0];
  if (first == "<") return yield* fromMerchantXml(body);
  if (first != "{" && first != "[") return yield* fromDelimited(body);
  // One element at a time (see jsonItems); the first decides the adapter.
  let adapt: ((data: unknown) => Iterable<RawItem>) | undefined;
  for (const item of jsonItems(body)) {
    const one = Object(item);
    // A named format is taken at its word: a Shopkeeper product may have a field called `variants`.
    const guess = !format || format == "auto";
    adapt ??= format == "shopify" || (guess && "variants" in one) ? fromShopify : format == "woocommerce" || (guess && "prices" in one) ? fromWooCommerce : fromShopkeeper;
    yield* adapt([item]);
  }
}

/**
 * Starts a catalog parser for a feed read in several bodies (the pages of a paginated feed): ids
 * stay unique across pages and variants merge into their group. `add` is a generator that
 * pauses every 100 items so a caller can yield to the page between chunks.
 * @example const parser = createCatalogParser(); for (const _ of parser.add(page1, url)); parser.done().products
 */
export const createCatalogParser = (maxItems = 1e5) => {
  const r: CatalogResult = { products: [], dropped: 0, reasons: {} };
  const ids = new Set<string>();
  const groups = new Map<string, Product>();
  // Groups whose price is an in-stock variant's.
  const buyable = new Set<Product>();
  const inStock = (p: Product) => p.availability != "out_of_stock";
  const drop = (why: string) => (r.dropped++, (r.reasons[why] = (r.reasons[why] ?? 0) + 1));
  const parser = {
    /** Raw items read so far, kept or not. */
    seen: 0,
    /** The result so far, growing as bodies are added. */
    result: r,
    *add(body: string, baseUrl: string, format?: CatalogFormat): Generator<void> {
      for (const raw of rawItems(body, format)) {
        const p = normalizeProduct(raw, baseUrl);
        let group: Product | undefined;
        if (typeof p == "string") drop(p);
        else if ((group = groups.get(p.groupId!))) {
          // Variants collapse into the first one seen, in stock if any is, at the lowest price a
          // visitor can buy: an out-of-stock variant's sale price is no offer.
          const ok = inStock(p);
          const first = ok && !buyable.has(group);
          if (p.price != null && (first || (ok == buyable.has(group) && !(group.price! <= p.price)))) {
            group.price = p.price;
            if (p.compareAtPrice) group.compareAtPrice = p.compareAtPrice;
            else delete group.compareAtPrice;
            // The card links to (and shows) a variant that can be bought.
            if (first) (buyable.add(group), Object.assign(group, { url: p.url }, p.image && { image: p.image }));
          }
          if (p.availability && (p.availability == "in_stock" || !group.availability)) group.availability = p.availability;
          // The variant still names its group: a page showing it, an event about it.
          for (const k of [p.id, p.sku, ...(p.variantIds ?? [])]) if (k && k != group.id) (group.variantIds ??= []).push(k);
        } else if (ids.has(p.id)) drop("duplicate");
        else if (r.products.length >= maxItems) drop("cap");
        else {
          ids.add(p.id);
          if (p.groupId) groups.set(p.groupId, p);
          if (p.price != null && inStock(p)) buyable.add(p);
          r.products.push(p);
        }
        if (++parser.seen % 100 == 0) yield;
      }
    },
    /** The result so far, with one console summary of what was dropped and why. */
    done(): CatalogResult {
      if (r.dropped) warnOnce("catalog-dropped", `${r.dropped} of ${parser.seen} catalog items dropped, by reason:`, r.reasons);
      return r;
    },
  };
  return parser;
};

const fail = (error: unknown): CatalogResult => (warnOnce("catalog-parse", "catalog not parsed", error), { products: [], dropped: 0, reasons: {} });

/**
 * Parses a feed body (Shopkeeper JSON, Shopify `/products.json`, WooCommerce Store API, Google
 * Merchant RSS or TSV, Meta CSV/TSV) into normalised products, in one go. Never throws: an
 * unreadable body gives no products and one console warning; bad items are dropped and summed
 * up in one warning. For large feeds in a page prefer `parseCatalogChunked`.
 * @example parseCatalog(body, { baseUrl: "https://shop.example/products.json" }).products
 */
export const parseCatalog = (body: string, options: ParseCatalogOptions): CatalogResult => {
  try {
    const parser = createCatalogParser(options.maxItems);
    for (const _ of parser.add(body, options.baseUrl, options.format));
    return parser.done();
  } catch (error) {
    return fail(error);
  }
};

/**
 * Waits for the next task, so the page can paint and handle input between chunks of work:
 * `scheduler.yield()` where it exists, a zero timeout elsewhere.
 */
export const nextTask = (): Promise<unknown> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));

/**
 * Runs a parser generator, yielding to the event loop whenever 25 ms have passed on `now` (at
 * every pause without a clock), so no task of a large feed runs long (one `JSON.parse` of a JSON
 * body is the exception).
 */
export const drain = async (steps: Generator<void>, now?: () => number): Promise<void> => {
  let t = now?.();
  for (const _ of steps) if (!now || now() - t! > 25) await nextTask(), (t = now?.());
};

/**
 * Parses a feed body like `parseCatalog`, pausing for the next task whenever a slice of work
 * passes 25 ms on `now` (default: pause every 100 items), so a large XML or CSV feed never
 * blocks the page for long. Resolves, never rejects.
 * @example await parseCatalogChunked(body, { baseUrl: location.href, now: () => performance.now() })
 */
export const parseCatalogChunked = async (body: string, options: ParseCatalogOptions & { now?: () => number }): Promise<CatalogResult> => {
  try {
    const parser = createCatalogParser(options.maxItems);
    await drain(parser.add(body, options.baseUrl, options.format), options.now);
    return parser.done();
  } catch (error) {
    return fail(error);
  }
};
