import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMoney, parsePrice } from "../../../src/catalog/price";

describe("parsePrice", () => {
  it.each([
    [12.5, 12.5],
    ["56.00", 56],
    ["$1,234.50", 1234.5],
    ["1.234,50 €", 1234.5],
    ["1 234,50", 1234.5],
    ["1\u202f234,50 €", 1234.5],
    ["1'234.50 CHF", 1234.5],
    ["EUR 43,90", 43.9],
    ["£7 - £12", 7],
    ["from 10.00 to 20.00", 10],
    ["1.500", 1500],
    ["123,456.789 OMR", 123456.789],
    ["35€ 99", 35.99],
    ["$119. 95", 119.95],
    ["Free!", 0],
    ["$.75", 0.75],
    ["Rs.1,299", 1299],
    ["PKR.1,500", 1500],
    ["Dhs.1,250", 1250],
    ["١٢٣٫٤٥", 123.45],
    ["١٬٢٣٤٫٥٠ ر.س.", 1234.5],
    ["۲٬۵۰۰ روپے", 2500],
    ["Rs ۲,۵۰۰", 2500],
  ])("reads %j as %j", (input, expected) => {
    expect(parsePrice(input)).toBe(expected);
  });

  it.each([[{}], [[]], [null], [undefined], ["garbage"], ["-5.00"], ["-$5"], [-1], [NaN], [Infinity], ["40% OFF"], ["٤٠٪ خصم"], ["1e308"], ["2.5E-3"]])("gives undefined for %j", (input) => {
    expect(parsePrice(input)).toBeUndefined();
  });

  it("reads a lone separator before three digits as decimal in a three-decimal currency, repeated ones as thousands", () => {
    expect(parsePrice("12.500", 0, "KWD")).toBe(12.5);
    expect(parsePrice("1,000,000", 0, "KWD")).toBe(1000000);
    expect(parsePrice("1.000.000", 0, "JOD")).toBe(1000000);
  });

  it("reads minor units", () => {
    expect(parsePrice("1105", 2)).toBe(11.05);
    expect(parsePrice(1105, 2)).toBe(11.05);
    expect(parsePrice("320000", 0)).toBe(320000);
  });
});

describe("parseMoney", () => {
  it.each([
    ["15.00 USD", { amount: 15, currency: "USD" }],
    ["320000 RWF", { amount: 320000, currency: "RWF" }],
    ["USD 15", { amount: 15, currency: "USD" }],
    ["1.234,50 EUR", { amount: 1234.5, currency: "EUR" }],
    ["12.00", { amount: 12 }],
    ["USD", { currency: "USD" }],
  ])("splits %j", (input, expected) => {
    expect(parseMoney(input)).toEqual(expected);
  });
});

// scrapinghub/price-parser's real-world strings: every case runs; these few are known exceptions.
const EXCEPTIONS: Record<string, string> = {
  // A lone separator before exactly three digits is read as thousands ("1.500 €" is far more
  // common than a three-decimal currency); without currency knowledge the dinar cannot be told.
  " 423.923 KD": "three-decimal currency with a single separator",
  // The same input is expected as 75333 in one table and 0.75333 / 75.333 (with an explicit
  // separator hint this API does not take) in another: no reading satisfies all.
  "$.75,333": "contradictory expectations upstream",
  "$..75,333": "contradictory expectations upstream",
  "1250€600": "upstream passes decimal_separator='€'; without the hint 1250 is the reading",
  // Upstream's own expected failures: prose where the price is not the first number.
  "3 Ausgaben für nur 14,85 EUR": "upstream xfail: the first number is a quantity",
  "Buy Now - 2 Litre Was $120.00 Now $60.00": "upstream xfail: the first number is a size",
  "Цена: уточняйте (мин. заказ: 1 )": "upstream xfail: the only number is an order minimum",
  "50 - $2.00 100 - $2.75 400 - $4.50 1,000 - $9.00 2,000 - $17.00 3,000 - $24.00 10,000 - $75.00": "upstream xfail: quantity tiers",
  "July, 2004": "upstream xfail: a date",
  "15.08.2017": "upstream xfail: a date",
  "25-09": "upstream xfail: a date",
  "16.00 ft": "upstream xfail: a length",
  "Free Shipping on Orders $49+.": "upstream xfail: a shipping threshold",
};

describe("parsePrice on price-parser's real-world examples", () => {
  const file = resolve(__dirname, "../../../../shared/fixtures/price-strings/price-parser-real-world-examples.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, { price_raw: string | null; expected_amount: string | number | null }[]>;
  const cases = Object.entries(data).flatMap(([group, list]) => (group == "_meta" ? [] : list.map((c) => ({ group, ...c }))));

  it("reads every case but the documented exceptions", () => {
    const failures: string[] = [];
    for (const c of cases) {
      const expected = c.expected_amount == null ? undefined : +c.expected_amount;
      // The conversion lost the number of the "currencies to be added" group: the input has no digits.
      if (c.group == "PRICE_PARSING_EXAMPLES_XFAIL_CURRENCIES_TO_BE_ADDED" && !/\d/.test(c.price_raw ?? "")) continue;
      if (c.price_raw! in EXCEPTIONS) continue;
      const got = parsePrice(c.price_raw);
      if (got !== expected) failures.push(`${c.group}: ${JSON.stringify(c.price_raw)} expected ${expected}, got ${got}`);
    }
    expect(cases.length).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it("lists only exceptions that still fail", () => {
    const fixed = Object.keys(EXCEPTIONS).filter((raw) => {
      const c = cases.find((x) => x.price_raw == raw)!;
      return parsePrice(raw) === (c.expected_amount == null ? undefined : +c.expected_amount);
    });
    expect(fixed).toEqual([]);
  });
});
