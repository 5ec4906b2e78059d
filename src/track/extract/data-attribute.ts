import { draft, json, type Draft } from "./draft";

/**
 * Reads `data-shopkeeper-product='{"id":"sku-1","title":"Tee","price":20,"currency":"EUR"}'` from
 * any element: the shop's own statement about a product (keys as in `Product`), trusted over
 * every markup source.
 */
export const readDataAttribute = (doc: Document, base: string): Draft[] =>
  [...doc.querySelectorAll("[data-shopkeeper-product]")]
    .map((el) => json(el.getAttribute("data-shopkeeper-product")))
    .filter((o) => o && typeof o == "object")
    .map((o) => draft(o, base));
