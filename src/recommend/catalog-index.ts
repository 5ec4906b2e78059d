import type { Product } from "../types";
import { priceBand } from "../profile/price-band";

/**
 * What ranking reads from each product, computed once per catalog array. Brands, tags and
 * price bands are numbered words (0 is "none") and category paths numbered prefix lists, so a
 * ranking pass reads typed arrays instead of hashing strings.
 */
export interface CatalogIndex {
  /** Catalog position of each id. */
  _at: Map<string, number>;
  /** Catalog position of each sku, group id, url and variant id, built on the first id `_at` does not know. */
  _alias?: Map<string, number>;
  /** Word numbers of lower-cased brands, tags and price bands. */
  _word: Map<string, number>;
  /** Distinct category paths as lower-cased prefixes, broadest first. */
  _paths: string[][];
  _path: Int32Array;
  _brand: Int32Array;
  _band: Int32Array;
  _tags: number[][];
  /** Popularity squashed to 0–1 (log scale). */
  _pop: Float64Array;
  /** Positions of products with a popularity signal, most popular first. */
  _order: number[];
  _n: number;
}

const cache = new WeakMap<Product[], CatalogIndex>();

/**
 * Lower-cased category path prefixes joined with " > ", broadest first: the keys of
 * `profile.affinity.category`, compared without case.
 * @example prefixes(["Shoes", "Running"]) // ["shoes", "shoes > running"]
 */
export const prefixes = (path: string[] = []): string[] => {
  let k = "";
  return path.map((c, i) => (k = (i ? k + " > " : "") + low(c)));
};

/** Any value as lower-cased text, the form index words and category keys are compared in. */
export const low = (s: unknown) => String(s).toLowerCase();

/**
 * The index of a catalog, built on first use and reused while the array keeps its length
 * (a catalog that grows in place is indexed again).
 * @example getIndex(catalog)._order[0] // the position of the most popular product
 */
export const getIndex = (catalog: Product[]): CatalogIndex => {
  const steps = indexSteps(catalog);
  let step;
  while (!(step = steps.next()).done);
  return step.value;
};

/**
 * Builds the index like `getIndex`, pausing every 2,000 products, so a caller can spread a large
 * catalog's first build over several tasks (`drain`) before ranking needs it.
 */
export function* indexSteps(catalog: Product[]): Generator<void, CatalogIndex> {
  let x = cache.get(catalog);
  if (x && x._n == catalog.length) return x;
  const n = catalog.length;
  const word = new Map([["", 0]]);
  const pathAt = new Map<string, number>();
  const num = (s: unknown) => {
    const l = low(s ?? "");
    return word.get(l) ?? (word.set(l, word.size), word.size - 1);
  };
  const raw = new Float64Array(n);
  x = { _at: new Map(), _word: word, _paths: [], _path: new Int32Array(n), _brand: new Int32Array(n), _band: new Int32Array(n), _tags: [], _pop: new Float64Array(n), _order: [], _n: n };
  let max = 0;
  for (let i = 0; i < n; i++) {
    const p = catalog[i]!;
    const key = (p.category ?? []).join("\n");
    let j = pathAt.get(key);
    if (j == null) pathAt.set(key, (j = x._paths.push(prefixes(p.category)) - 1));
    x._at.set(p.id, i);
    x._path[i] = j;
    x._brand[i] = num(p.brand);
    x._band[i] = num(p.price == null ? "" : priceBand(p.price));
    x._tags.push((p.tags ?? []).map(num));
    // The feed's popularity, else rating × rating count.
    const v = (raw[i] = Math.max(0, p.popularity ?? (p.rating ?? 0) * (p.ratingCount ?? 0)) || 0);
    if (v > max) max = v;
    if (v) x._order.push(i);
    if (i % 2000 == 1999) yield;
  }
  for (let i = 0; i < n; i++) x._pop[i] = max ? Math.log1p(raw[i]!) / Math.log1p(max) : 0;
  // A stable sort: equally popular products keep their catalog order.
  x._order.sort((a, b) => raw[b]! - raw[a]!);
  cache.set(catalog, x);
  return x;
}

/**
 * The catalog position of a product named by its id, or else by its sku, group id, url, a
 * variant's id or sku (`variantIds`), or its url with a fragment: pages and dataLayer events name
 * products by whichever they have (a Shopify page's JSON-LD gives the selected variant's sku or
 * the page's `@id`, `/products/x#product`; the feed the product id), and the feed's id wins where
 * they clash.
 * @example productAt(getIndex(catalog), catalog, "SKU-1") // 0 when catalog[0].sku is "SKU-1"
 */
export const productAt = (ix: CatalogIndex, catalog: Product[], id: string): number | undefined =>
  ix._at.get(id) ?? (ix._alias ??= aliases(catalog)).get(id) ?? ix._alias.get(id.replace(/#.*/, ""));

// The first product with each sku, group id and url.
const aliases = (catalog: Product[]): Map<string, number> => {
  const alias = new Map<string, number>();
  catalog.forEach((p, i) => [p.sku, p.groupId, p.url, ...(p.variantIds ?? [])].forEach((key) => key && !alias.has(key) && alias.set(key, i)));
  return alias;
};
