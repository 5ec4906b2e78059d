import type { RawItem } from "./normalize-product";
import { parseRows } from "./parse-rows";

/**
 * The items of a Google Merchant TSV or Meta catalog CSV/TSV feed, when parsing one: the header
 * row names the attributes (with or without `g:`, any case, words joined by `_` or spaces), `#`
 * comment lines before it (Meta's `# ref_application_id`) are skipped, and a tab in the header
 * line means TSV.
 * @example [...fromDelimited("id,title,price\n1,Tent,49.00 USD")] // [{ id: "1", title: "Tent", price: "49.00 USD" }]
 */
export function* fromDelimited(text: string): Generator<RawItem> {
  // `.` stops at `\r` and `\n` alike, and `\s` eats either line end (CRLF files have both).
  const body = text.replace(/^(?:\s*#.*)+\s*/, "");
  let head: string[] | undefined;
  for (const row of parseRows(body, /^.*\t/.test(body) ? "\t" : ",")) {
    // Merchant Center also takes plain English headers: "sale price" is `sale_price`.
    if (!head) head = row.map((h) => h.trim().toLowerCase().replace(/^g:/, "").replace(/\s+/g, "_"));
    else if (row.join("").trim()) {
      const item: RawItem = Object.create(null);
      head.forEach((h, i) => (item[h] = row[i]));
      yield item;
    }
  }
}
