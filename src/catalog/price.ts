import { compact } from "../compact";

// One number: digit groups joined by `.`, `,`, `'`, `’`, by a space when exactly three digits
// follow (a thousands group), or by a separator and a space before cents ("119. 95"), so
// "6.75 2 pieces" stops at 6.75 while "1 234,50" stays whole. A percentage is not a price.
const NUM = /\d+(?:(?:[.,]\s(?=\d\d?(?!\d))|[.,'’]|\s(?=\d{3}(?!\d)))\d+)*(?!\s?[\d%])/;

// ISO 4217 currencies with three decimals, where "12.345" is twelve and a bit.
const THREE = /^(KWD|BHD|OMR|JOD|TND|LYD|IQD)$/i;

/**
 * Reads a price from a number (as it is) or a shop-formatted string ("$1,234.50", "1.234,50 €",
 * "1 234,50", "1'234.50", "۲٬۵۰۰ روپے", "from 10 to 20" gives 10); with `minorUnits` the value is in
 * minor units ("1105" with 2 gives 11.05). Undefined for garbage, negatives and non-finite values.
 * A lone separator followed by exactly three digits is read as a thousands separator ("1.500" is
 * 1500), unless `currency` has three decimals ("1.500" in KWD is 1.5).
 * @example parsePrice("1.234,50 €") // 1234.5
 */
export const parsePrice = (input: unknown, minorUnits?: number, currency?: unknown): number | undefined => {
  // NaN until a number is read: neither finite nor a price.
  let n = NaN;
  if (typeof input == "number") n = input;
  else if (typeof input == "string") {
    // Arabic-Indic and Extended Arabic-Indic (Urdu, Persian) digits, with the Arabic percent,
    // decimal and thousands signs that follow them in Unicode, read as their ASCII twins.
    const a = input.replace(/[\u0660-\u066c\u06f0-\u06f9]/g, (c) => "0123456789%.,"[c.charCodeAt(0) & 15]!);
    // Exponent notation is no shop's price: "1e308" must not read as 1.
    if (/\de[+-]?\d/i.test(a)) return undefined;
    // "35€ 99": a lone euro sign standing where the decimal separator goes.
    const s = /€.*€/.test(a) ? a : a.replace(/(\d)\s?€\s?(\d\d?)(?!\d)/, "$1.$2");
    // ".75" and "$.75" are cents, but the dot of "Rs.1,299" ends an abbreviation.
    const m = NUM.exec(s.replace(/(^|[^\p{L}\d.,])[.,]+(?=\d)/u, "$10."));
    if (!m) return /\bfree\b/i.test(s) ? 0 : undefined;
    if (/[-−][^\s\d]{0,3}$/.test(s.slice(0, m.index))) return undefined;
    const t = m[0].replace(/[^\d.,]/g, "");
    // The last separator is decimal when 1-2 or 4+ digits follow it, or when the other separator
    // came before it ("123,456.789"); a lone one before exactly three digits groups thousands
    // except in a three-decimal currency ("1,000,000" groups them in any currency).
    const d = /([.,])(\d+)$/.exec(t);
    const dec = d && (d[2]!.length != 3 || t.includes(d[1] == "." ? "," : ".") || (THREE.test("" + currency) && t.indexOf(d[1]!) == d.index));
    n = +(dec ? t.slice(0, d.index).replace(/\D/g, "") + "." + d[2] : t.replace(/\D/g, ""));
  }
  if (!isFinite(n) || n < 0) return undefined;
  return minorUnits ? n / 10 ** minorUnits : n;
};

/**
 * Splits a feed money string into amount and ISO currency: "15.00 USD", "USD 15", "320000 RWF";
 * a number is the amount as it is. `fallback` is the currency when the string names none
 * ("12.345" with KWD is 12.345).
 * @example parseMoney("15.00 USD") // { amount: 15, currency: "USD" }
 */
export const parseMoney = (input: unknown, fallback?: unknown): { amount?: number; currency?: string } => {
  const currency = typeof input == "string" ? /(?:^|[^A-Za-z])([A-Z]{3})(?![A-Za-z])/.exec(input)?.[1] : undefined;
  const amount = parsePrice(input, 0, currency ?? fallback);
  return compact({ amount, currency });
};
