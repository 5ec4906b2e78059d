import type { Availability } from "../types";

/**
 * Normalises a stock value from any source: schema.org URLs (`https://schema.org/InStock`),
 * bare or spaced words (`InStock`, `in stock`, `in_stock`, `instock`, `SoldOut`, `PreOrder`,
 * `BackOrder`...) and booleans (`available: true`). Undefined when the value says nothing known.
 * Limited, discontinued and online/in-store-only stock read as their nearest state.
 * @example parseAvailability("http://schema.org/InStock") // "in_stock"
 */
export const parseAvailability = (input: unknown): Availability | undefined => {
  // A boolean reads as its word, which the patterns below know.
  if (typeof input != "string" && typeof input != "boolean") return undefined;
  // Only the last path segment of a URL counts, squeezed to letters: "Out of stock" -> "outofstock".
  const s = ("" + input).toLowerCase().split("/").pop()!.replace(/[^a-z]/g, "");
  return /^(outof|soldout|discontinued|(not|un)avail|false|oos$)/.test(s)
    ? "out_of_stock"
    : /^pre(order|sale)/.test(s)
      ? "preorder"
      : /^(back|madeto)order/.test(s)
        ? "backorder"
        : /^(instock|avail|limited|online|instore|true|yes)/.test(s)
          ? "in_stock"
          : undefined;
};
