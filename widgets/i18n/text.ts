/**
 * Makes a data string (product title, config label) safe to show as text: removes bidi
 * overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) that could reorder the text
 * around it, turns control characters into spaces (line breaks too, unless `lines`), trims, and
 * cuts at `max` UTF-16 units without splitting a surrogate pair. Render the result inside
 * `<bdi dir="auto">`.
 * @example cleanText("\u202Eevil\u202C  shoe") // "evil  shoe"
 */
export function cleanText(s: string | undefined, max = 200, lines?: boolean): string {
  // eslint-disable-next-line no-control-regex
  let r = String(s ?? "").replace(/[\u202a-\u202e\u2066-\u2069]/g, "").replace(lines ? /[\0-\t\v-\x1f\x7f-\x9f]/g : /[\0-\x1f\x7f-\x9f]/g, " ").trim();
  if (r.length > max) r = r.slice(0, /[\ud800-\udbff]/.test(r[max - 1]!) ? max - 1 : max);
  return r;
}
