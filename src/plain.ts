import { isUnsafeKey } from "./privacy/is-safe";

/**
 * A deep copy of JSON-like data, as a JSON round trip would make it, without trusting the host's
 * `toJSON` methods: Prototype.js (still on old Magento 1 shops) adds one to every array that turns
 * it into a string. Functions, symbols and `undefined` members are dropped (`null` in arrays),
 * non-finite numbers become `null`, dates their ISO string. Throws, as `JSON.stringify` would, on a
 * cycle (past 64 levels) or a BigInt, and on a key that could reach a prototype.
 * @example plain({ a: [1, undefined], f() {} }) // { a: [1, null] }
 */
export const plain = (value: unknown, depth = 0): unknown => {
  if (depth > 64) throw new RangeError("too deep");
  if (typeof value == "number") return isFinite(value) ? value : null;
  if (typeof value == "bigint") throw new TypeError("BigInt");
  if (!value || typeof value != "object") return typeof value == "function" || typeof value == "symbol" ? undefined : value;
  if (value instanceof Date) return isFinite(+value) ? value.toISOString() : null;
  if (Array.isArray(value)) return value.map((x) => plain(x, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (isUnsafeKey(key)) throw new TypeError(key);
    const v = plain((value as Record<string, unknown>)[key], depth + 1);
    if (v !== undefined) out[key] = v;
  }
  return out;
};

/**
 * `JSON.stringify` without the page's `toJSON` methods (see `plain`): a replacer that hands back
 * each value as it is, so a date is written as an empty object too. Throws as `JSON.stringify` does.
 * @example stringify({ items: [1] }) // '{"items":[1]}', also where Prototype.js gave arrays a toJSON
 */
export const stringify = (value: unknown): string =>
  JSON.stringify(value, function (this: Record<string, unknown>, key) {
    return this[key];
  });
