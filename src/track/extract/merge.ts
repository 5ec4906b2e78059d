import type { Draft } from "./draft";

const keys = (d: Draft) => [d.id, d.sku, d.url].filter((k): k is string => !!k);

/**
 * Merges drafts from sources listed by precedence (highest first) into one draft per product.
 * Drafts are the same product when they share an id, sku or url, or when a source has a single
 * product and so far there is a single product (the product of a product page), unless either is
 * not `here`: one card linking to a related product is not the page's product. Fields fill in
 * field by field from lower sources. A price travels with its own currency: a lower source's
 * price, list price and currency count only in the same currency, and then the lower price wins and the highest price any
 * source gives (current or list) becomes `compareAtPrice`. Shops that show a sale in OpenGraph
 * often leave the list price as the JSON-LD price: sources that disagree are showing a sale. The
 * price of `low` is the low end of the variants' prices (Shopify's meta): it fills a missing price
 * and never makes a sale.
 */
export const mergeDrafts = (sources: Draft[][], here: (d: Draft) => boolean, low?: Draft): Draft[] => {
  const out: Draft[] = [];
  // Each id, sku and url to the first draft that has it: a page listing 5,000 products takes one
  // lookup per key, not a scan of every draft so far.
  const seen = new Map<string, Draft>();
  const note = (t: Draft) => keys(t).forEach((k) => seen.has(k) || seen.set(k, t));
  for (const list of sources)
    for (const d of list) {
      const t = keys(d).map((k) => seen.get(k)).find(Boolean) ?? (list.length == 1 && out.length == 1 && here(d) && here(out[0]!) ? out[0] : undefined);
      // The drafts themselves are merged into: `low` and `here` know them by identity.
      if (!t) {
        out.push(d);
        note(d);
        continue;
      }
      const p = d.price;
      if (t.price === undefined) Object.assign(t, { price: p, compareAtPrice: d.compareAtPrice, currency: p === undefined ? t.currency : d.currency });
      else if (p !== undefined && d.currency == t.currency && d != low) {
        const list = Math.max(t.compareAtPrice ?? 0, d.compareAtPrice ?? 0, t.price, p);
        t.price = Math.min(t.price, p);
        t.compareAtPrice = list > t.price ? list : undefined;
      }
      // Once priced, the price, list price and currency come from one source or the sale rule above:
      // a list price or currency filled in from another source would pair amounts across currencies.
      for (const k of Object.keys(d) as (keyof Draft)[]) if (t.price === undefined || !/rice|currency/.test(k)) t[k] ??= d[k] as never;
      note(t);
    }
  return out;
};
