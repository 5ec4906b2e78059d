/** Keys that reach or replace a prototype when an untrusted object is copied key by key. */
const UNSAFE = ["__proto__", "constructor", "prototype"];

/**
 * True for `__proto__`, `constructor` and `prototype`: copy loops over untrusted objects skip them.
 * @example isUnsafeKey("__proto__") // true
 */
export const isUnsafeKey = (key: string): boolean => UNSAFE.includes(key);

/**
 * True when no own key at any depth (32 levels at most) could pollute a prototype; scalars are
 * safe. Stored data and event properties are checked with it before they are trusted.
 * @example isSafe(JSON.parse('{"a":{"__proto__":{}}}')) // false
 */
export const isSafe = (value: unknown, depth = 0): boolean =>
  typeof value != "object" ||
  !value ||
  (depth < 32 && Object.keys(value).every((key) => !isUnsafeKey(key) && isSafe((value as Record<string, unknown>)[key], depth + 1)));
