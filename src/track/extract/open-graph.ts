import { parsePrice } from "../../catalog/price";
import { draft, type Draft } from "./draft";

/**
 * Reads an OpenGraph product (`og:type` `product`, `product.item`, `og:product`...) from the
 * meta tags. Shop-formatted amounts ("1.234,50") are parsed as prices; `og:price:standard_amount`
 * is the list price, and a `product:sale_price` makes the regular price the list price. A page
 * without an OpenGraph price yields nothing: many sites mark every page `og:type=product`.
 */
export const readOpenGraph = (doc: Document, base: string): Draft[] => {
  // `og:price:amount` and `product:price:amount` mean the same: keep the first, by bare name.
  const m: Record<string, string | null> = {};
  doc.querySelectorAll("meta").forEach((el) => {
    const k = /^(og|product):(.+)/i.exec(el.getAttribute("property") ?? el.getAttribute("name") ?? "")?.[2]!.toLowerCase();
    if (k) m[k] ??= el.getAttribute("content");
  });
  // The currency tells whether "12.500" is twelve (KWD) or twelve thousand.
  const cur = m["price:currency"];
  const sale = parsePrice(m["sale_price:amount"], 0, m["sale_price:currency"] ?? cur);
  const amount = parsePrice(m["price:amount"], 0, cur);
  const price = sale ?? amount;
  return /product/i.test(m.type!) && price !== undefined
    ? [
        draft(
          {
            sku: m.retailer_item_id,
            title: m.title,
            // Shops tag the address they offer for sharing (?utm_source=OpenGraph): the page is the same.
            url: m.url?.replace(/[?#].*/, ""),
            image: m.image,
            brand: m.brand,
            price,
            compareAtPrice: sale === undefined ? parsePrice(m["price:standard_amount"], 0, cur) : amount,
            currency: (sale === undefined ? undefined : m["sale_price:currency"]) ?? cur,
            availability: m.availability,
          },
          base,
        ),
      ]
    : [];
};
