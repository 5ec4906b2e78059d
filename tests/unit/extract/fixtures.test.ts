import { describe, expect, it } from "vitest";
import type { Product } from "../../../src/types";
import { extractPage } from "../../../src/track/extract/index";
import { fixtureFiles, loadPage } from "./load";

type Expected = { [K in "id" | "title" | "price" | "currency" | "compareAtPrice" | "availability" | "brand"]?: Product[K] | undefined };

const BASE = "https://shop.example/p/page";
const costco = "https://www.costco.com/afa-stainless-33-inch-sink-and-semi-pro-faucet-combo.product.100432602.html";
const etsy = "https://www.etsy.com/es/listing/550571276/el-original-he-y-hay-calabaza-decoracion";
const keystick = { id: "A1686", title: "Keystick Wall Sconce", price: 120, compareAtPrice: 150, currency: "USD", availability: "in_stock", brand: "Rejuvenation" } as const;

// The product each real page shows, or null when it has no product markup. Fields absent from a
// row are absent from the result (a missing brand is asserted missing).
const TABLE: Record<string, Expected | null> = {
  "structured-data/monsterpetsupplies.microdata-product.html": { id: BASE, title: "Johnsons 4 Fleas Cats & Kittens Tablets", price: 5.29, currency: "GBP", availability: "in_stock", brand: "Johnsons" },
  "structured-data/retailer-costco.head-extract.html": { id: costco, title: "AFA Stainless 33-inch Sink and Semi Pro Faucet Combo", price: 329.99, currency: "USD", availability: "in_stock" },
  "structured-data/retailer-costco.microdata-product.html": { id: "1275464", title: "AFA Stainless 33-inch Sink and Semi Pro Faucet Combo", price: undefined, currency: undefined, brand: "AFA" },
  // JSON-LD (EUR 43.90) wins over OpenGraph ("48,00" USD): the price keeps its own currency.
  "structured-data/retailer-etsy.head-extract.html": { id: etsy, title: "EL original he y hay calabaza / decoración de otoño / estera de bienvenida / pintado a mano, felpudo personalizado / lindo felpudo / doormat al aire libre / decoración del porche", price: 43.9, currency: "EUR", availability: "in_stock", brand: "OliveCreativeCompany" },
  "structured-data/retailer-jossandmain.head-extract.html": { id: "J001109161", title: "Duprey 4-Light Lantern Pendant", price: 98.99, currency: "USD", availability: "in_stock" },
  "structured-data/retailer-overstock.head-extract.html": { id: "34092028", title: "Certified International Elegance Canape Plates, Set of 6", price: 31.49, currency: "USD", availability: "in_stock", brand: "Certified International" },
  // `"price": {}` is no price; the currency of the broken offer is all that is left.
  "structured-data/retailer-potterybarn.head-extract.html": { id: BASE, title: "Tully Sconce", price: undefined, currency: "USD", availability: "out_of_stock" },
  // JSON-LD says 150.00, OpenGraph 120.00 with a standard price of 150.00: a sale.
  "structured-data/retailer-rejuvenation.head-extract.html": keystick,
  "structured-data/retailer-wayfair.head-extract.html": { id: "W005759888", title: "Penhook 20.47'' Wide Armchair", price: 111.99, currency: "USD", availability: "in_stock", brand: "Wade Logan®" },
  "structured-data/schemaorg-acme-anvil.microdata.html": { id: BASE, title: "Executive Anvil", price: 119.99, currency: "USD", availability: "in_stock", brand: "ACME" },
  "structured-data/sfcc-fye-og-product.head-extract.html": { id: "fye.000000032429335302", title: "Better Off Dead [Exclusive Blu-ray Steelbook] - New on Blu-ray Disc | FYE", price: 17.99, currency: "USD", availability: "in_stock" },
  // Only `og:type=product` and a custom dataLayer: no product is invented.
  "html-pages/retailer-globalindustrial.product-page.html": null,
  "html-pages/retailer-rejuvenation.product-page.html": keystick,
};

describe("extractPage on real pages", () => {
  const files = ["structured-data", "html-pages"].flatMap((dir) => fixtureFiles(dir).map((f) => `${dir}/${f}`));

  it("has an expected row for every fixture file", () => {
    expect(files.filter((f) => !(f in TABLE))).toEqual([]);
  });

  it.each(files)("%s", (file) => {
    const { products } = extractPage(loadPage(file), BASE);
    const row = TABLE[file];
    if (!row) return expect(products).toEqual([]);
    expect(products).toHaveLength(1);
    const p = products[0]!;
    const { id, title, price, compareAtPrice, currency, availability, brand } = p;
    expect({ id, title, price, compareAtPrice, currency, availability, brand }).toEqual({ compareAtPrice: undefined, availability: undefined, brand: undefined, ...row });
    expect(p.unsafe).toBeUndefined();
  });

  it("never takes the visitor's query or hash into a product id", () => {
    const p = extractPage(loadPage("structured-data/retailer-potterybarn.head-extract.html"), BASE + "?fbclid=IwAR0x&email=jane%40x.com#reviews").products[0]!;
    expect([p.id, p.url]).toEqual([BASE, BASE]);
  });

  it("keeps the shop's own address on a real page opened from a campaign link", () => {
    const canonical = "https://www.rejuvenation.com/catalog/products/keystick-wall-sconce-aged-brass";
    const { products } = extractPage(loadPage("html-pages/retailer-rejuvenation.product-page.html"), "https://www.rejuvenation.com/catalog/products/keystick-wall-sconce-aged-brass.html?cm_ven=email&email=jane%40x.com");
    expect(products.map((p) => [p.id, p.url])).toEqual([["A1686", canonical]]);
  });

  it("reads the category path from the breadcrumb", () => {
    const found = extractPage(loadPage("structured-data/retailer-overstock.head-extract.html"), BASE);
    expect(found.breadcrumb).toEqual(["Home Goods", "Kitchen & Dining", "Dinnerware", "Plates"]);
    expect(found.products[0]!.category).toEqual(["Home Goods", "Kitchen & Dining", "Dinnerware", "Plates"]);
  });

  it("prefers the product's own category over the breadcrumb", () => {
    const found = extractPage(loadPage("structured-data/retailer-etsy.head-extract.html"), BASE);
    expect(found.products[0]!.category).toEqual(["Hogar y decoración", "Decoración del hogar"]);
    expect(found.products[0]!.rating).toBeCloseTo(4.83, 2);
    expect(found.products[0]!.ratingCount).toBe(1027);
  });

  it("reads microdata offers of an AggregateOffer at the lowest price", () => {
    const p = extractPage(loadPage("structured-data/monsterpetsupplies.microdata-product.html"), BASE).products[0]!;
    expect(p.image).toBe("https://res.cloudinary.com/monsterpetsupplies/image/upload/f_auto,c_pad,w_500,h_500,q_75/q_100/v1481710164/cat_kitten_flea_tabs_3_eaunpi.jpg");
  });

  it("makes a relative microdata image absolute", () => {
    const p = extractPage(loadPage("structured-data/schemaorg-acme-anvil.microdata.html"), BASE).products[0]!;
    expect(p.image).toBe("https://shop.example/p/anvil_executive.jpg");
    expect([p.rating, p.ratingCount]).toEqual([4.4, 89]);
  });
});
