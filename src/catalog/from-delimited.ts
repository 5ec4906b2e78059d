import type { RawItem } from "./normalize-product";
import { parseRows } from "./parse-rows";

/**
 * The items of a Google Merchant TSV or Meta catalog CSV/TSV feed, when parsing one: the header
 * row names the attributes (with or without `g:`, any case), `#` comment lines before it
 * (Meta's `# ref_application_id`) are skipped, and a tab in the header line means TSV.
 * @example [...fromDelimited("id,title,price\n1,Tent,49.00 USD")] // [{ id: "1", title: "Tent", price: "49.00 USD" }]
 */
export function* fromDelimited(text: string): Generator<RawItem> {
  const body = text.replace(/^(?:\s*#.*\n)+/, "");
  let head: string[] | undefined;
  for (const row of parseRows(body, /^.*\t/.test(body) ? "\t" : ",")) {
    if (!head) head = row.map((h) => h.trim().toLowerCase().replace(/^g:/, ""));
    else if (row.join("").trim()) {
      const item: RawItem = Object.create(null);
      head.forEach((h, i) => (item[h] = row[i]));
      yield item;
    }
  }
}
