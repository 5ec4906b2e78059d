import type { Product } from "../types";
import { vetHttpUrl } from "../url";
import { parseAvailability } from "./availability";
import { decodeEntities, plainText } from "./decode-entities";
import { parseMoney } from "./price";
import { saleRuns } from "./sale-window";

/**
 * One feed item as an adapter hands it over: the Shopkeeper feed keys (`title`, `url`, `image`,
 * `price`, `compareAtPrice`, ...) or their aliases (`name`, `link`, `permalink`, `image_link`,
 * `images[0].src`, `sale_price`, `product_type`, `item_group_id`, `vendor`, `is_in_stock`).
 * Values are untrusted and loosely typed.
 */
export type RawItem = Record<string, unknown>;

/** Why an item was dropped: the keys of a parse result's `reasons`. */
export type DropReason = "id" | "title" | "url" | "price";

// Plain text: entities decoded, whitespace collapsed, capped. Numbers (ids) become strings;
// `{ name }` objects (WooCommerce categories and tags) give their name.
const text = (v: unknown, max: number) => plainText(v && typeof v == "object" ? (v as { name?: unknown }).name : v, max);

// An array, or a string split on `sep` ("A > B > C", "a, b"), as at most `n` texts.
const list = (v: unknown, sep: string, n: number, max: number): (string | undefined)[] =>
  (Array.isArray(v) ? v : typeof v == "string" ? decodeEntities(v).split(sep) : []).map((x) => text(x, max)).filter(Boolean).slice(0, n);

const num = (v: unknown, top = 1 / 0): number | undefined => {
  const n = v === "" || typeof v == "object" ? NaN : Number(v);
  return n >= 0 && n <= top ? n : undefined;
};

/**
 * Turns one raw feed item into a `Product`, or names why it cannot be one: no id, title or link,
 * or a price that is given but is not a non-negative number. Links are made absolute against
 * `base`; a link that is not http(s), or a title with markup, is kept as given and flagged in
 * `unsafe` for the renderer. A sale price becomes `price` and the list price `compareAtPrice`,
 * unless its `sale_price_effective_date` window has not started or is over.
 * @example normalizeProduct({ id: 7, name: "Tent", link: "/p/7", price: "49.00 USD" }, "https://shop.example/")
 */
export const normalizeProduct = (r: RawItem, base: string): Product | DropReason => {
  const unsafe: Product["unsafe"] = [];
  const id = text(r.id, 200);
  const title = text(r.title ?? r.name, 300);
  const url = text(r.url ?? r.link ?? r.permalink, 2048);
  const image = text(r.image ?? r.image_link ?? (r.images as { src?: unknown }[] | undefined)?.[0]?.src, 2048);
  // "49.00 USD", "49.00" or 49 alike; anything else (`{}`, "NaN RWF") has no amount. The currency
  // tells whether "12.345" is twelve (KWD) or twelve thousand.
  const given = parseMoney(r.price, r.currency);
  const currency = ("" + (r.currency ?? given.currency ?? "")).toUpperCase();
  const sale = saleRuns(r.sale_price_effective_date, Date.now()) ? parseMoney(r.sale_price, currency).amount! : NaN;
  let price = given.amount!;
  let was = parseMoney(r.compareAtPrice, currency).amount!;
  if (!id || !title || !url) return id ? (title ? "url" : "title") : "id";
  if (r.price != null && r.price !== "" && !(price >= 0)) return "price";
  if (sale >= 0 && !(sale >= price)) (was = price), (price = sale);
  if (/<[a-z/!?]/i.test(title)) unsafe.push("title");
  const out: Record<string, unknown> = {
    id,
    title,
    url: vetHttpUrl(url, base) ?? (unsafe.push("url"), url),
    image: image && (vetHttpUrl(image, base) ?? (unsafe.push("image"), image)),
    price,
    compareAtPrice: was > price ? was : undefined,
    currency: /^[A-Z]{3}$/.test(currency) ? currency : undefined,
    // An empty column (delimited feeds) gives way to the next; Google's taxonomy may be given as
    // a bare id ("594"), which names nothing a visitor could read.
    category: list(r.category || r.product_type || (/[^\d\s]/.test(r.google_product_category as string) && r.google_product_category), ">", 6, 100),
    brand: text(r.brand ?? r.vendor, 100),
    tags: list(r.tags, ",", 20, 60),
    availability: parseAvailability(r.availability ?? r.is_in_stock),
    rating: num(r.rating, 5),
    ratingCount: num(r.ratingCount),
    popularity: num(r.popularity),
    related: list(r.related, ",", 50, 200),
    sku: text(r.sku, 100),
    groupId: text(r.groupId ?? r.item_group_id, 200),
    variantIds: list(r.variantIds, ",", 100, 200),
    unsafe,
  };
  for (const k of Object.keys(out)) if (out[k] == null || (out[k] as []).length === 0) delete out[k];
  return out as unknown as Product;
};
