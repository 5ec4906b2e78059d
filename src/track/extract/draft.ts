import type { Product } from "../../types";
import { plainText } from "../../catalog/decode-entities";
import { parseAvailability } from "../../catalog/availability";
import { parsePrice } from "../../catalog/price";
import { vetHttpUrl } from "../../url";
import { warnOnce } from "../../log";

/** A partial product from one source, before sources are merged; any field may be missing. */
export type Draft = { [K in keyof Product]?: Product[K] | undefined };

/** The first item of a list, or the value itself. */
export const first = (v: unknown): any => (Array.isArray(v) ? v[0] : v);

/**
 * Text of a string or number with entities decoded and whitespace collapsed; undefined when empty.
 * JSON-LD may give a list (the first counts) or a language-tagged `{ "@value": … }`.
 */
export const text = (v: unknown): string | undefined => plainText(first(v)?.["@value"] ?? first(v));

/** A URL made absolute against `base`; an unsafe one (`javascript:`) is kept as written for `unsafe`. */
export const absolute = (v: unknown, base: string): string | undefined => {
  const t = text(first(v));
  return t && (vetHttpUrl(t, base) ?? t);
};

/**
 * A number from structured data: a plain decimal string is machine format ("1.500" is 1.5, as
 * schema.org requires), anything else is read as a shop-formatted price. Of a list (a price marked
 * twice), the first.
 */
export const num = (v: unknown): number | undefined => {
  const x = first(v);
  return typeof x == "string" && /^\s*\d+(\.\d+)?\s*$/.test(x) ? +x : parsePrice(x);
};

/**
 * Cleans the raw fields one source found (names as in `Product`) into a draft. Only known keys
 * are read, so hostile keys in page data (`__proto__`) never reach the result.
 */
export const draft = (r: Record<string, any>, base: string): Draft => {
  const c = r.category;
  const cur = text(r.currency)?.toUpperCase();
  const cat = (Array.isArray(c) ? c.map(text) : text(c)?.split(/\s*[<>|]\s*|\s\/\s/) ?? []).filter((x): x is string => !!x);
  return {
    id: text(r.id),
    sku: text(r.sku),
    title: text(r.title),
    url: absolute(r.url, base),
    image: absolute(r.image, base),
    brand: text(first(r.brand)),
    price: num(r.price),
    compareAtPrice: num(r.compareAtPrice),
    currency: cur && /^[A-Z]{3}$/.test(cur) ? cur : undefined,
    availability: parseAvailability(r.availability ?? r.available),
    category: cat.length ? cat : undefined,
    rating: num(r.rating),
    ratingCount: num(r.ratingCount),
    groupId: text(r.groupId),
  };
};

/**
 * Parses JSON written into the page; invalid JSON is reported once and gives undefined, so one
 * broken block never stops the others. Raw control characters (line breaks inside strings) are
 * common in hand-written blocks and invalid JSON: read as spaces they cost nothing.
 */
export const json = (s: string | null): any => {
  try {
    // eslint-disable-next-line no-control-regex
    return JSON.parse(("" + s).replace(/[\u0000-\u001f]/g, " "));
  } catch (e) {
    warnOnce("markup-json", "invalid product JSON in the page was skipped", e);
  }
};
