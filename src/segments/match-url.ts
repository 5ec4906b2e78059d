// `location.pathname` is percent-encoded, while shops write Urdu or Arabic paths as they read
// them: both sides are compared decoded (a malformed escape stays as written).
const decode = (s: string): string => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

/**
 * True when the path of `url` (origin, query and hash ignored) matches `pattern` in full, where
 * `*` stands for any run of characters, slashes included. Percent-escapes match the characters
 * they stand for.
 * @example matchUrl("/products/*", "https://shop.example/products/red-shoe?x=1") // true
 */
export const matchUrl = (pattern: string, url: string): boolean => {
  const path = decode(url.replace(/^[a-z][\w+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*/s, "") || "/");
  return new RegExp(`^${decode(pattern).split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s").test(path);
};
