/**
 * True when the path of `url` (origin, query and hash ignored) matches `pattern` in full, where
 * `*` stands for any run of characters, slashes included.
 * @example matchUrl("/products/*", "https://shop.example/products/red-shoe?x=1") // true
 */
export const matchUrl = (pattern: string, url: string): boolean => {
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*/s, "") || "/";
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s").test(path);
};
