const NAMED: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/**
 * Decodes HTML entities when reading text out of a feed. `&amp;` goes first and as often as it
 * repeats, because real Merchant and WooCommerce feeds escape twice (`&amp;amp;`,
 * `&amp;#8211;`). Only the entities feeds use are known; others stay as written.
 * @example decodeEntities("Tom &amp;amp; Jerry &#8211; &lt;3") // "Tom & Jerry – <3"
 */
export const decodeEntities = (text: string): string =>
  text.replace(/&(amp;)+/gi, "&").replace(/&(?:#(x?)([\da-f]+)|(lt|gt|quot|apos|nbsp));/gi, (all, hex?: string, code?: string, name?: string) => {
    const n = parseInt(code!, hex ? 16 : 10);
    return name ? NAMED[name.toLowerCase()]! : n < 0x110000 ? String.fromCodePoint(n) : all;
  });
