import { beforeEach, describe, expect, it, vi } from "vitest";
import { decodeEntities } from "../../../src/catalog/decode-entities";
import { normalizeProduct } from "../../../src/catalog/normalize-product";
import { parseCatalog, parseCatalogChunked } from "../../../src/catalog/parse-catalog";
import { parseRows } from "../../../src/catalog/parse-rows";
import { _resetWarnings } from "../../../src/log";
import { feed } from "./helpers";

const base = "https://shop.example/catalog.json";

beforeEach(() => {
  _resetWarnings();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("catalog validation", () => {
  it("drops duplicates, bad prices and items missing an id, title or link, with one summary warning", () => {
    const { products, dropped, reasons } = parseCatalog(feed("shopkeeper-feed.json"), { baseUrl: base });
    expect(products.map((p) => p.id)).toEqual(["1", "2", "7", "8"]);
    expect(dropped).toBe(7);
    expect(reasons).toEqual({ duplicate: 1, price: 2, title: 1, url: 1, id: 2 });
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining("7 of 11 catalog items dropped"), reasons);
  });

  it("keeps a product without a price, and a list price only when above the price", () => {
    const { products } = parseCatalog(feed("shopkeeper-feed.json"), { baseUrl: base });
    expect(products[2]).toEqual({ id: "7", title: "Gift Card", url: "https://shop.example/p/gift-card" });
    expect(products[3]).toEqual({ id: "8", title: "Belt", url: "https://shop.example/p/belt", price: 30 });
  });

  it("caps strings, category depth and tag counts", () => {
    const p = normalizeProduct(
      { id: "x".repeat(500), title: "T".repeat(400), url: "/p", brand: "B".repeat(200), category: "1>2>3>4>5>6>7>8", tags: Array.from({ length: 30 }, (_, i) => "tag" + i + "z".repeat(80)) },
      base,
    );
    if (typeof p == "string") throw Error(p);
    expect(p.id).toHaveLength(200);
    expect(p.title).toHaveLength(300);
    expect(p.brand).toHaveLength(100);
    expect(p.category).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(p.tags).toHaveLength(20);
    expect(p.tags![0]).toHaveLength(60);
  });

  it("keeps at most maxItems products and counts the rest", () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: i, title: "P" + i, url: "/p/" + i }));
    const { products, reasons } = parseCatalog(JSON.stringify(items), { baseUrl: base, maxItems: 4 });
    expect(products).toHaveLength(4);
    expect(reasons).toEqual({ cap: 6 });
  });

  it("never lets __proto__ keys of a feed touch prototypes", () => {
    const csv = "id,title,link,__proto__,constructor\n1,Cap,/cap,polluted,bad\n";
    const { products } = parseCatalog(csv, { baseUrl: base });
    expect(products).toEqual([{ id: "1", title: "Cap", url: "https://shop.example/cap" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const json = parseCatalog('[{"id":1,"title":"Cap","url":"/cap","__proto__":{"polluted":1}}]', { baseUrl: base });
    expect(json.products[0]).toEqual({ id: "1", title: "Cap", url: "https://shop.example/cap" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("upper-cases currencies and leaves out ones that are not ISO codes", () => {
    const { products } = parseCatalog('[{"id":1,"title":"A","url":"/a","price":1,"currency":"pkr"},{"id":2,"title":"B","url":"/b","price":1,"currency":"rupees"}]', { baseUrl: base });
    expect(products[0]!.currency).toBe("PKR");
    expect(products[1]).not.toHaveProperty("currency");
  });
});

describe("parseCatalogChunked", () => {
  it("gives the same result as parseCatalog, yielding to the event loop between slices", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i}\tItem ${i}\thttps://shop.example/p/${i}\t${i}.00 USD`);
    const tsv = "id\ttitle\tlink\tprice\n" + rows.join("\n");
    let clock = 0;
    const timeout = vi.spyOn(globalThis, "setTimeout");
    const result = await parseCatalogChunked(tsv, { baseUrl: base, now: () => (clock += 10) });
    const yields = timeout.mock.calls.length;
    timeout.mockRestore();
    expect(result).toEqual(parseCatalog(tsv, { baseUrl: base }));
    expect(result.products).toHaveLength(1000);
    // 10 slices of 100 rows, 10 ms each on this clock, a yield once 25 ms have passed: 3 yields.
    expect(yields).toBe(3);
  });

  it("yields at every pause without a clock", async () => {
    const body = JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: i, title: "P", url: "/p" + i })));
    const timeout = vi.spyOn(globalThis, "setTimeout");
    const { products } = await parseCatalogChunked(body, { baseUrl: base });
    expect(timeout).toHaveBeenCalledTimes(5);
    expect(products).toHaveLength(500);
  });
});

describe("decodeEntities", () => {
  it("decodes named, numeric and double-escaped entities", () => {
    expect(decodeEntities("Tom &amp;amp; Jerry &#8211; &lt;3 &#x263A; &quot;hi&quot;")).toBe('Tom & Jerry – <3 ☺ "hi"');
    expect(decodeEntities("&amp;#8211; &amp;lt;b&amp;gt;")).toBe("– <b>");
  });

  it("decodes the typographic names and accented letters shop titles carry, escaped twice or not", () => {
    expect(decodeEntities("Caf&amp;eacute; &Ccedil;a &Uuml;ber &ntilde; &copy; &euro;5 &frac12; &amp;amp;hellip;")).toBe("Café Ça Über ñ © €5 ½ …");
  });

  it("leaves unknown entities, prototype names and impossible code points as written", () => {
    expect(decodeEntities("&bogus; &constructor; &etoString; &#x110000;")).toBe("&bogus; &constructor; &etoString; &#x110000;");
  });
});

describe("parseRows", () => {
  it("follows RFC 4180 quoting", () => {
    expect([...parseRows('a,"b, ""c""\nd",e\r\n1,,3\n', ",")]).toEqual([["a", 'b, "c"\nd', "e"], ["1", "", "3"]]);
  });

  it("ends rows at a lone carriage return", () => {
    expect([...parseRows("a,b\rc,d", ",")]).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("keeps a stray quote inside an unquoted field and a trailing empty field", () => {
    expect([...parseRows('5" screen\tx\t', "\t")]).toEqual([['5" screen', "x", ""]]);
  });
});

describe("JSON feeds, one element at a time", () => {
  it("reads every element of the products array, whatever brackets and quotes its strings hold", async () => {
    const { jsonItems } = await import("../../../src/catalog/json-items");
    const body = '{"meta":{"products":[0]},"products":[{"id":1,"title":"a ] b } \\"[c\\" \\\\"},{"id":"2","tags":["x]"]},null,"odd",7]}';
    expect([...jsonItems(body)]).toEqual([{ id: 1, title: 'a ] b } "[c" \\' }, { id: "2", tags: ["x]"] }, null, "odd", 7]);
  });

  it("reads a bare array, and throws on a body without one or cut short", async () => {
    const { jsonItems } = await import("../../../src/catalog/json-items");
    expect([...jsonItems(' [{"id":1}] ')]).toEqual([{ id: 1 }]);
    expect(() => [...jsonItems('{"items":[]}')]).toThrow(SyntaxError);
    expect(() => [...jsonItems('{"products":[{"id":1},{"id"')]).toThrow(SyntaxError);
  });
});
