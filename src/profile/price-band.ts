/**
 * The price band key of a price: the power of two at or below it (`"64"` holds 64 up to 127.99),
 * `"0"` under 1. Log-scale bands need no currency table: neighbouring prices share a band in any
 * currency, and a band is always "about twice" the one below.
 * @example priceBand(80) // "64"
 */
export const priceBand = (price: number): string => String(price < 1 ? 0 : 2 ** Math.floor(Math.log2(price)));
