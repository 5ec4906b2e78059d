import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCatalog } from "../../../src/catalog/parse-catalog";
import { _resetWarnings } from "../../../src/log";
import { feed } from "./helpers";

beforeEach(() => {
  _resetWarnings();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

const byId = (body: string, baseUrl: string, format?: "shopify" | "woocommerce" | "google" | "meta" | "shopkeeper") => {
  const result = parseCatalog(body, format ? { baseUrl, format } : { baseUrl });
  return { ...result, at: Object.fromEntries(result.products.map((p) => [p.id, p])) };
};

describe("Shopify /products.json", () => {
  const { products, at, reasons } = byId(feed("shopify-products.json"), "https://summit.example/products.json?limit=250&page=1");

  it("collapses variants into one product: lowest price, in stock if any variant is", () => {
    expect(at["7712001"]).toEqual({
      id: "7712001",
      title: "Trail Runner 3 & Gaiters",
      url: "https://summit.example/products/trail-runner-3",
      image: "https://cdn.shopify.com/s/files/1/trail-runner-3.jpg?v=1",
      price: 119,
      compareAtPrice: 149,
      category: ["Shoes", "Running"],
      brand: "Summit Co.",
      tags: ["trail", "running", "waterproof"],
      availability: "in_stock",
      sku: "TR3-42-BL",
      groupId: "7712001",
      // Every variant's id and sku, so a page or event naming the one chosen finds the product.
      variantIds: ["41001", "TR3-43-BL", "41002", "TR3-44-RD", "41003"],
    });
  });

  it("reads comma-separated tags, an empty compare-at price and no image", () => {
    expect(at["7712002"]).toMatchObject({ price: 12.5, tags: ["kitchen", "camping", "enamel"], availability: "out_of_stock" });
    expect(at["7712002"]).not.toHaveProperty("compareAtPrice");
    expect(at["7712002"]).not.toHaveProperty("image");
    expect(at["7712002"]).not.toHaveProperty("category");
  });

  it("keeps a markup title and a javascript: image as given, flagged", () => {
    expect(at["7712003"]).toMatchObject({ title: "<img src=x onerror=alert(1)>Headlamp", image: "javascript:alert(1)", unsafe: ["title", "image"], price: 35 });
    expect(at["7712003"]).not.toHaveProperty("compareAtPrice");
  });

  it("drops a product without a handle, as having no link", () => {
    expect(products.map((p) => p.id)).toEqual(["7712001", "7712002", "7712003"]);
    expect(reasons).toEqual({ url: 1 });
  });
});

describe("WooCommerce Store API", () => {
  it("reads prices in minor units, the sale price first", () => {
    const { at } = byId(feed("woocommerce-products.json"), "https://woo.example/wp-json/wc/store/v1/products");
    expect(at["34"]).toEqual({
      id: "34",
      title: "Beanie with Logo – Winter",
      url: "https://woo.example/product/beanie-with-logo/",
      image: "https://woo.example/wp-content/uploads/beanie-with-logo.jpg",
      price: 18,
      compareAtPrice: 20,
      currency: "USD",
      category: ["Accessories"],
      tags: ["winter"],
      availability: "in_stock",
      rating: 4.5,
      ratingCount: 2,
      sku: "Woo-beanie-logo",
    });
  });

  it("leaves out the rating of an unreviewed product and drops an unnamed one", () => {
    const { at, reasons } = byId(feed("woocommerce-products.json"), "https://woo.example/");
    expect(at["35"]).toMatchObject({ price: 45, availability: "out_of_stock", ratingCount: 0 });
    expect(at["35"]).not.toHaveProperty("rating");
    expect(at["35"]).not.toHaveProperty("compareAtPrice");
    expect(reasons).toEqual({ title: 1 });
  });

  it("reads a zero-decimal currency", () => {
    const { at } = byId(feed("woocommerce-jpy.json"), "https://woo.example.jp/");
    expect(at["501"]).toMatchObject({ price: 3980, compareAtPrice: 4980, currency: "JPY", category: ["お茶"], rating: 5, ratingCount: 12 });
  });
});

describe("Google Merchant RSS", () => {
  const { at, reasons, products } = byId(feed("google-merchant.xml"), "https://outdoor.example/feed.xml");

  it("decodes double-escaped entities and merges variants by item_group_id, priced and linked as the variant in stock", () => {
    // Green is out of stock at a sale price of 199 (was 249); orange is in stock at 239.
    expect(at["TENT-2P-GRN"]).toEqual({
      id: "TENT-2P-GRN",
      title: "Dome Tent 2P & Footprint",
      url: "https://outdoor.example/tents/dome-2p?variant=orange",
      image: "https://outdoor.example/img/dome-2p-orange.jpg",
      price: 239,
      currency: "USD",
      category: ["Camping", "Tents", "Dome Tents"],
      brand: "Summit Co.",
      availability: "in_stock",
      groupId: "TENT-2P",
      variantIds: ["TENT-2P-ORG"],
    });
    expect(at["TENT-2P-ORG"]).toBeUndefined();
  });

  it("reads CDATA titles and every availability spelling", () => {
    expect(at["STOVE-1"]).toMatchObject({ title: "Pocket Stove – Titanium", price: 59.9, currency: "EUR", availability: "preorder", brand: "Lumen & Co" });
    expect(at["LAMP-1"]!.availability).toBe("backorder");
  });

  it("keeps a hostile title as text and a javascript: link as given, both flagged", () => {
    expect(at["LAMP-1"]).toMatchObject({ title: "<script>alert(1)</script> Lantern", url: "javascript:alert(document.cookie)", unsafe: ["title", "url"] });
  });

  it("drops a negative price and a missing id", () => {
    expect(reasons).toEqual({ price: 1, id: 1 });
    expect(products).toHaveLength(3);
  });
});

describe("Google Merchant TSV", () => {
  const { at, reasons } = byId(feed("google-merchant.tsv"), "https://outdoor.example/feed.tsv", "google");

  it("reads the header row as attribute names and resolves relative links", () => {
    expect(at["BAG-20"]).toEqual({
      id: "BAG-20",
      title: "Day Pack 20L",
      url: "https://outdoor.example/bags/20",
      image: "https://outdoor.example/img/bag20.jpg",
      price: 79,
      currency: "USD",
      category: ["Bags", "Day Packs"],
      brand: "Summit Co.",
      availability: "in_stock",
    });
    expect(at["BAG-30"]).toMatchObject({ title: "Day Pack 30L & Rain Cover", url: "https://outdoor.example/bags/30", price: 89, compareAtPrice: 99, availability: "out_of_stock" });
  });

  it("keeps the first of two rows with one id", () => {
    expect(at["BAG-20"]!.title).toBe("Day Pack 20L");
    expect(reasons.duplicate).toBe(1);
  });
});

describe("Meta catalog CSV", () => {
  const { at, reasons, products } = byId(feed("meta-catalog.csv"), "https://kigali.example/catalog.csv", "meta");

  it("skips comment lines and reads quoted fields with commas, quotes and newlines", () => {
    expect(at["KIT-001"]).toMatchObject({ title: "Igitenge Dress, Blue", brand: "Inzozi", category: ["Clothing", "Dresses"] });
  });

  it("reads zero-decimal prices like 320000 RWF, with the sale price", () => {
    expect(at["KIT-001"]).toMatchObject({ price: 280000, compareAtPrice: 320000, currency: "RWF", availability: "in_stock", groupId: "KIT" });
    expect(at["BSK-9"]).toMatchObject({ price: 45000, currency: "RWF" });
  });

  it("collapses the variants of a group", () => {
    expect(at["KIT-002"]).toBeUndefined();
    expect(products.map((p) => p.id)).toEqual(["KIT-001", "BSK-9"]);
  });

  it("drops a NaN price and a missing id", () => {
    expect(reasons).toEqual({ price: 1, id: 1 });
  });

  it("reads the same file with CRLF line ends", () => {
    const crlf = byId(feed("meta-catalog.csv").replace(/\r?\n/g, "\r\n"), "https://kigali.example/catalog.csv", "meta");
    expect(crlf.products.map((p) => p.id)).toEqual(["KIT-001", "BSK-9"]);
    expect(crlf.at["KIT-001"]).toMatchObject({ title: "Igitenge Dress, Blue", price: 280000, compareAtPrice: 320000, groupId: "KIT" });
  });
});

describe("Shopkeeper JSON feed", () => {
  const { at } = byId(feed("shopkeeper-feed.json"), "https://shop.example/catalog.json");

  it("reads the normalised shape, numeric ids as strings", () => {
    expect(at["1"]).toEqual({
      id: "1",
      title: "Canvas Tote",
      url: "https://shop.example/p/tote",
      image: "https://shop.example/img/tote.jpg",
      price: 24,
      compareAtPrice: 30,
      currency: "EUR",
      category: ["Bags", "Totes"],
      brand: "Atelier",
      tags: ["canvas", "gift"],
      availability: "in_stock",
      rating: 4.6,
      ratingCount: 31,
      popularity: 120,
      related: ["2", "3"],
      sku: "TOTE-1",
    });
  });

  it("reads the aliases name, link, image_link, sale_price and a category string", () => {
    expect(at["2"]).toEqual({
      id: "2",
      title: "Leather Wallet",
      url: "https://shop.example/p/wallet",
      image: "https://shop.example/img/wallet.jpg",
      price: 39,
      compareAtPrice: 45,
      currency: "EUR",
      category: ["Accessories", "Wallets"],
      tags: ["leather", "gift"],
      availability: "out_of_stock",
    });
  });

  it("accepts a bare array", () => {
    const { products } = parseCatalog('[{"id":9,"title":"Cap","url":"/cap"}]', { baseUrl: "https://shop.example/" });
    expect(products).toEqual([{ id: "9", title: "Cap", url: "https://shop.example/cap" }]);
  });
});

describe("format detection", () => {
  it("reads a Shopify page named by format even when its first product has no variants", () => {
    const { products } = parseCatalog('{"products":[{"id":1,"title":"A","handle":"a"}]}', { baseUrl: "https://s.example/products.json", format: "shopify" });
    expect(products[0]!.url).toBe("https://s.example/products/a");
  });

  it("takes a Shopkeeper feed named by format at its word, whatever its fields are called", () => {
    const body = '{"products":[{"id":"V-1","title":"Tee","url":"/tee","variants":["S","M"]},{"id":"V-2","title":"Cap","url":"/cap","prices":{"x":1}}]}';
    expect(parseCatalog(body, { baseUrl: "https://s.example/", format: "shopkeeper" }).products.map((p) => p.id)).toEqual(["V-1", "V-2"]);
  });

  it("gives no products and one warning for a body it cannot read", () => {
    const result = parseCatalog("{ not json", { baseUrl: "https://s.example/" });
    expect(result).toEqual({ products: [], dropped: 0, reasons: {} });
    expect(console.warn).toHaveBeenCalledTimes(1);
  });
});

describe("Google Merchant TSV with g: headers and Atom feeds", () => {
  it("strips the g: prefix of header names in any case", () => {
    const tsv = "G:ID\tg:title\tg:link\tg:price\tg:availability\n7\tLamp\thttps://s.example/7\t15.00 USD\tin_stock\n";
    expect(parseCatalog(tsv, { baseUrl: "https://s.example/" }).products).toEqual([{ id: "7", title: "Lamp", url: "https://s.example/7", price: 15, currency: "USD", availability: "in_stock" }]);
  });

  it("reads header names written in plain English", () => {
    const tsv = "id\ttitle\tlink\tprice\tsale price\timage link\titem group id\tproduct type\n7\tLamp\t/7\t15.00 USD\t12.00 USD\t/7.jpg\tL\tHome > Lights\n";
    expect(parseCatalog(tsv, { baseUrl: "https://s.example/" }).products).toEqual([
      { id: "7", title: "Lamp", url: "https://s.example/7", image: "https://s.example/7.jpg", price: 12, compareAtPrice: 15, currency: "USD", category: ["Home", "Lights"], groupId: "L" },
    ]);
  });

  it("reads google product category when no product type is given", () => {
    const tsv = "id\ttitle\tlink\tGoogle Product Category\n7\tLamp\t/7\tHome & Garden > Lighting\n";
    expect(parseCatalog(tsv, { baseUrl: "https://s.example/" }).products[0]!.category).toEqual(["Home & Garden", "Lighting"]);
  });

  it("reads google product category when the product type column is empty", () => {
    const tsv = "id\ttitle\tlink\tproduct type\tgoogle product category\n7\tLamp\t/7\t\tHome & Garden > Lighting\n";
    expect(parseCatalog(tsv, { baseUrl: "https://s.example/" }).products[0]!.category).toEqual(["Home & Garden", "Lighting"]);
  });

  // Google's taxonomy id ("594" is Lighting) names no category a visitor could read.
  it("takes no category from a numeric google product category", () => {
    const tsv = "id\ttitle\tlink\tgoogle product category\n7\tLamp\t/7\t594\n";
    expect(parseCatalog(tsv, { baseUrl: "https://s.example/" }).products[0]).not.toHaveProperty("category");
  });

  it("reads the entries of an Atom feed", () => {
    const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0"><entry><g:id>8</g:id><g:title>Mat</g:title><g:link>https://s.example/8</g:link></entry></feed>';
    expect(parseCatalog(atom, { baseUrl: "https://s.example/" }).products).toEqual([{ id: "8", title: "Mat", url: "https://s.example/8" }]);
  });

  it("takes an Atom entry's alternate link element, not its self link, when there is no g:link", () => {
    const entry = (links: string) => `<entry><g:id>8</g:id><title>Mat</title>${links}</entry>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom">${entry('<link rel="self" href="/feed/8"/><link href="/p/8?a=1&amp;b=2"/>')}${entry("<link rel='alternate' type='text/html' href='/p/9'/>").replace(">8<", ">9<")}</feed>`;
    expect(parseCatalog(atom, { baseUrl: "https://s.example/" }).products.map((p) => p.url)).toEqual(["https://s.example/p/8?a=1&b=2", "https://s.example/p/9"]);
  });
});

describe("sale_price_effective_date", () => {
  const row = (dates: string) => `id\ttitle\tlink\tprice\tsale_price\tsale_price_effective_date\n1\tTent\t/1\t100 USD\t80 USD\t${dates}\n`;
  const priceOn = (dates: string) => {
    const [p] = parseCatalog(row(dates), { baseUrl: "https://s.example/" }).products;
    return [p!.price, p!.compareAtPrice];
  };
  beforeEach(() => void vi.useFakeTimers({ now: Date.parse("2026-11-28T12:00:00Z"), toFake: ["Date"] }));
  afterEach(() => void vi.useRealTimers());

  it("applies the sale price inside its window, offsets written with or without a colon", () => {
    expect(priceOn("2026-11-27T00:00-0500/2026-11-30T23:59-05:00")).toEqual([80, 100]);
    expect(priceOn("")).toEqual([80, 100]);
  });

  it("shows the regular price before the window opens and after it closes", () => {
    expect(priceOn("2026-11-29T00:00Z/2026-12-01T00:00Z")).toEqual([100, undefined]);
    expect(priceOn("2026-11-01T00:00+0100/2026-11-27T23:59+0100")).toEqual([100, undefined]);
  });

  it("keeps the sale when the window cannot be read", () => {
    expect(priceOn("Black Friday")).toEqual([80, 100]);
  });
});

describe("three-decimal prices", () => {
  const one = (item: Record<string, unknown>, format?: "woocommerce") =>
    parseCatalog(JSON.stringify([{ id: 1, title: "Oud", url: "/oud", ...item }]), { baseUrl: "https://s.example/", ...(format ? { format } : {}) }).products[0];

  it("takes a number as it is", () => {
    expect(one({ price: 12.345 })).toMatchObject({ price: 12.345 });
  });

  it("reads WooCommerce minor units of a three-decimal currency", () => {
    expect(one({ name: "Oud", permalink: "/oud", prices: { price: "12345", regular_price: "15000", currency_code: "KWD", currency_minor_unit: 3 } }, "woocommerce")).toMatchObject({ price: 12.345, compareAtPrice: 15, currency: "KWD" });
  });

  it("reads a lone separator before three digits as decimal in KWD, BHD, OMR...", () => {
    expect(one({ price: "12.345", currency: "KWD" })).toMatchObject({ price: 12.345 });
    expect(one({ price: "1.500 BHD", sale_price: "1,250 BHD" })).toMatchObject({ price: 1.25, compareAtPrice: 1.5, currency: "BHD" });
  });

  it("still reads it as thousands elsewhere", () => {
    expect(one({ price: "1.500 EUR" })).toMatchObject({ price: 1500 });
    expect(one({ price: "1.500" })).toMatchObject({ price: 1500 });
  });
});
