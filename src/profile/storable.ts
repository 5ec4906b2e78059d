import { itemsOf } from "./fold";

// Characters of text, keys and numbers an event keeps besides its items: room for a 2,000-character
// survey answer, not for a product's HTML description.
const BUDGET = 8000;

/**
 * What the stored ring of recent events keeps of an event's props: `items` as the fold reads them,
 * the rest two levels deep (survey answers, UTM parameters) within a budget of about 8,000
 * characters. A page that passes a whole platform product (HTML description, variants, images)
 * to `track()` stored 20 KB per event, and the ring is rewritten on every flush.
 * @example storableProps({ items: [shopifyProduct], value: 10 }) // { items: [{ id, title, url, price, ... }], value: 10 }
 */
export const storableProps = (props: Record<string, unknown>): Record<string, unknown> => {
  let left = BUDGET;
  const keep = (v: unknown, depth: number): unknown => {
    if (typeof v == "string") {
      const text = v.slice(0, left);
      left -= text.length;
      return text;
    }
    if (!v || typeof v != "object") return (left -= 8), v;
    if (depth > 2) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (left <= 0) break;
      left -= key.length;
      const kept = depth || key != "items" ? keep((v as Record<string, unknown>)[key], depth + 1) : undefined;
      if (kept !== undefined) out[key] = kept;
    }
    return Array.isArray(v) ? Object.values(out) : out;
  };
  const out = keep(props, 0) as Record<string, unknown>;
  if ("items" in props) out.items = itemsOf(props);
  return out;
};
