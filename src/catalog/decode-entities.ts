import { own } from "../profile/own";

// The named entities shop titles carry, beyond XML's five. Accented letters (`&eacute;`,
// `&Ccedil;`) are composed from their letter and mark instead of listed one by one.
const NAMED: Record<string, string> = {
  lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", ndash: "–", mdash: "—", hellip: "…", lsquo: "‘", rsquo: "’",
  ldquo: "“", rdquo: "”", laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™", euro: "€", pound: "£", yen: "¥",
  cent: "¢", times: "×", deg: "°", plus: "+", minus: "−", middot: "·", bull: "•", frac12: "½", szlig: "ß", num: "#",
};
const MARKS: Record<string, string> = { grave: "\u0300", acute: "\u0301", circ: "\u0302", tilde: "\u0303", uml: "\u0308", ring: "\u030a", cedil: "\u0327" };

/**
 * Decodes HTML entities when reading text out of a feed. `&amp;` goes first and as often as it
 * repeats, because real Merchant and WooCommerce feeds escape twice (`&amp;amp;`,
 * `&amp;#8211;`). Unknown names stay as written.
 * @example decodeEntities("Caf&amp;eacute; &amp;amp; Tea &#8211; &lt;3") // "Café & Tea – <3"
 */
export const decodeEntities = (text: string): string =>
  text.replace(/&(amp;)+/gi, "&").replace(/&(?:#(x?)([\da-f]+)|([a-z]+\d*));/gi, (all, hex?: string, code?: string, name?: string) => {
    if (name) {
      const [, letter, mark] = /^([a-z])([a-z]+)$/i.exec(name) ?? [];
      const combining = own(MARKS, mark!);
      return own(NAMED, name) ?? own(NAMED, name.toLowerCase()) ?? (combining ? (letter + combining).normalize() : all);
    }
    const n = parseInt(code!, hex ? 16 : 10);
    return n < 0x110000 ? String.fromCodePoint(n) : all;
  });

/**
 * Feed or page text as plain text: a string or number with entities decoded and whitespace
 * collapsed, cut to `max` characters; undefined when that leaves nothing (or for any other value).
 * @example plainText(" Caf&eacute;\n au lait ") // "Café au lait"
 */
export const plainText = (v: unknown, max?: number): string | undefined =>
  typeof v == "string" || typeof v == "number" ? decodeEntities("" + v).replace(/\s+/g, " ").trim().slice(0, max) || undefined : undefined;
