/**
 * URL vetting for everything that comes from data (catalog, config, page markup).
 * Renderers show a link or an image only when this returns a string.
 */

// Invisible and control characters that browsers ignore inside a scheme (`java\u0000script:`).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;

/**
 * Returns the normalised absolute `http(s):` URL, or undefined for anything else
 * (`javascript:`, `data:`, credentials, garbage).
 * @example vetHttpUrl("/p/1", "https://shop.example/") // "https://shop.example/p/1"
 */
export const vetHttpUrl = (raw: unknown, base?: string): string | undefined => {
  if (typeof raw !== "string" || raw.length > 2048) return undefined;
  const squeezed = raw.replace(INVISIBLE, "").toLowerCase();
  if (/^(javascript|vbscript|data|blob|file):/.test(squeezed)) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
};
