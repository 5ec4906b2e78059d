/**
 * True when `key` is the record's own, as `Object.hasOwn` (which Safari lacks before 15.4) says.
 * @example has({ a: 1 }, "toString") // false
 */
export const has = (record: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * Reads a record entry only when it is the record's own (never `toString` from the prototype).
 * @example own({ a: 1 }, "constructor") // undefined
 */
export const own = <T>(record: Record<string, T>, key: string): T | undefined => (has(record, key) ? record[key] : undefined);

/** True for keys that must never be written into a record (prototype pollution): the store's own check. */
export { isUnsafeKey as isBadKey } from "../privacy/is-safe";
