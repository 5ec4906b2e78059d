import { describe, expect, it } from "vitest";
import { extractPage } from "../../../src/track/extract/index";
import { ld, page } from "./load";

const URL_ = "https://shop.example/products/tee";
const one = (html: string, globals?: { ShopifyAnalytics?: unknown }) => {
  const { products } = extractPage(page(html), URL_, globals);
  expect(products).toHaveLength(1);
  return products[0]!;
};

describe("JSON-LD", () => {
  it("reads a Product inside @graph with an escaped @context and a relative @id", () => {
    const html = `<script type="application/ld+json">{"@context":"https:\\/\\/schema.org\\/","@graph":[{"@type":"WebPage","name":"Tee page"},{"@type":"Product","@id":"/products/tee#product","name":"Tee","offers":{"@type":"Offer","price":"20.00","priceCurrency":"eur"}}]}</script>`;
    expect(one(html)).toMatchObject({ id: "https://shop.example/products/tee#product", title: "Tee", url: URL_, price: 20, currency: "EUR" });
  });

  it("finds products nested in other nodes and in arrays", () => {
    expect(one(ld([{ "@type": "WebPage", mainEntity: { "@type": "Product", sku: "T1", name: "Tee" } }])).id).toBe("T1");
  });

  it("prefers sku, then productID, then @id, then url as the id", () => {
    const base = { "@type": "Product", name: "Tee", url: "/p/tee", "@id": "#tee" };
    expect(one(ld({ ...base, sku: "S", productID: "P" })).id).toBe("S");
    expect(one(ld({ ...base, productID: "P" })).id).toBe("P");
    expect(one(ld(base)).id).toBe("https://shop.example/products/tee#tee");
    expect(one(ld({ "@type": "Product", name: "Tee", url: "/p/tee" }))).toMatchObject({ id: "https://shop.example/p/tee", url: "https://shop.example/p/tee" });
  });

  it("collapses a ProductGroup's variants into one product: lowest price, in stock when any is", () => {
    const html = ld({
      "@context": "https://schema.org",
      "@type": "ProductGroup",
      productGroupID: "8001",
      name: "Tee",
      brand: { "@type": "Brand", name: "Acme" },
      hasVariant: [
        { "@type": "Product", sku: "T-L", name: "Tee L", image: { "@type": "ImageObject", url: "/l.jpg" }, offers: { price: "25.00", priceCurrency: "USD", availability: "https://schema.org/OutOfStock" } },
        { "@type": "Product", sku: "T-S", name: "Tee S", offers: { price: "19.50", priceCurrency: "USD", availability: "https://schema.org/InStock" } },
      ],
    });
    expect(one(html)).toMatchObject({ id: "8001", groupId: "8001", title: "Tee", brand: "Acme", price: 19.5, currency: "USD", availability: "in_stock", image: "https://shop.example/l.jpg" });
  });

  it("takes the lowest price a visitor can buy, not that of a sold-out offer or variant", () => {
    const soldOut = { price: 19.5, priceCurrency: "USD", availability: "http://schema.org/OutOfStock" };
    const inStock = { price: 25, priceCurrency: "USD", availability: "http://schema.org/InStock" };
    expect(one(ld({ "@type": "Product", name: "Tee", offers: [soldOut, inStock] }))).toMatchObject({ price: 25, availability: "in_stock" });
    const group = { "@type": "ProductGroup", productGroupID: "G", name: "Tee", hasVariant: [{ "@type": "Product", sku: "S", offers: soldOut }, { "@type": "Product", sku: "L", offers: inStock }] };
    expect(one(ld(group))).toMatchObject({ price: 25, availability: "in_stock" });
    expect(one(ld({ "@type": "Product", name: "Tee", offers: [soldOut, { ...inStock, availability: "OutOfStock" }] }))).toMatchObject({ price: 19.5, availability: "out_of_stock" });
  });

  it("takes the low end of an AggregateOffer", () => {
    const html = ld({ "@type": "Product", name: "Tee", offers: { "@type": "AggregateOffer", lowPrice: "9.99", highPrice: "19.99", priceCurrency: "USD", offerCount: 3 } });
    expect(one(html)).toMatchObject({ price: 9.99, currency: "USD" });
    expect(one(html).compareAtPrice).toBeUndefined();
  });

  it("reads WooCommerce priceSpecification: the sale price, and the flagged list price", () => {
    const html = ld({
      "@type": "Product",
      name: "Tee",
      sku: "W1",
      offers: [
        {
          "@type": "Offer",
          availability: "http://schema.org/InStock",
          priceSpecification: [
            { "@type": "UnitPriceSpecification", price: "8.00", priceCurrency: "USD", valueAddedTaxIncluded: false },
            { "@type": "UnitPriceSpecification", price: "10.00", priceCurrency: "USD", priceType: "https://schema.org/ListPrice" },
          ],
        },
      ],
    });
    expect(one(html)).toMatchObject({ id: "W1", price: 8, compareAtPrice: 10, currency: "USD", availability: "in_stock" });
  });

  it("reads BigCommerce minPrice on an Offer and PrestaShop's string numbers", () => {
    expect(one(ld({ "@type": "Product", name: "Tee", offers: { "@type": "Offer", priceCurrency: "GBP", minPrice: "12.5", maxPrice: "30" } }))).toMatchObject({ price: 12.5, currency: "GBP" });
    const presta = { "@type": "Product", name: "Mug", aggregateRating: { ratingValue: "4.5", reviewCount: "12" }, offers: { price: "1.500", priceCurrency: "KWD" } };
    expect(one(ld(presta))).toMatchObject({ price: 1.5, rating: 4.5, ratingCount: 12 });
  });

  it("ignores a broken price object and keeps the rest", () => {
    const p = one(ld({ "@type": "Product", name: "Lamp", offers: { price: {}, priceCurrency: "USD", availability: "OutOfStock" } }));
    expect(p.price).toBeUndefined();
    expect(p.availability).toBe("out_of_stock");
  });

  it("reads brand, image and category in their several shapes", () => {
    const p = one(ld({ "@type": "Product", name: "Tee", brand: "Acme", image: ["/a.jpg", "/b.jpg"], category: "Clothing > Tops > Tees" }));
    expect(p).toMatchObject({ brand: "Acme", image: "https://shop.example/a.jpg", category: ["Clothing", "Tops", "Tees"] });
  });

  it("keeps reading the other blocks when one is not valid JSON", () => {
    const html = `<script type="application/ld+json">{"@type": "Product", "name": oops}</script>${ld({ "@type": "Product", sku: "OK", name: "Fine" })}`;
    expect(one(html).id).toBe("OK");
  });

  it("keeps reading the other blocks when one is nested thousands of levels deep", () => {
    const deep = "[".repeat(10_000) + "]".repeat(10_000);
    const html = `<script type="application/ld+json">${deep}</script>${ld({ "@type": "Product", sku: "OK", name: "Fine", offers: { price: 5 } })}`;
    expect(one(html).id).toBe("OK");
  });

  it("reads a name given as a list or as a language-tagged value", () => {
    expect(one(ld({ "@type": "Product", sku: "K1", name: ["Lawn Kurta", "Kurta"] })).title).toBe("Lawn Kurta");
    expect(one(ld({ "@type": "Product", sku: "K1", name: { "@value": "لان کرتا", "@language": "ur" } })).title).toBe("لان کرتا");
    const tagged = one(ld({ "@type": "Product", sku: "K1", name: [{ "@value": "لان کرتا", "@language": "ur" }, { "@value": "Lawn Kurta", "@language": "en" }], brand: { "@type": "Brand", name: { "@value": "Khaadi" } } }));
    expect([tagged.title, tagged.brand]).toEqual(["لان کرتا", "Khaadi"]);
  });

  it("decodes entities in titles", () => {
    expect(one(ld({ "@type": "Product", name: "Tom &amp; Jerry &#8211; Mug" })).title).toBe("Tom & Jerry – Mug");
  });
});

describe("breadcrumb and lists", () => {
  it("drops the home crumb and the product itself", () => {
    const crumbs = ld({
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Home", item: "https://shop.example/" },
        { "@type": "ListItem", position: 2, name: "Clothing", item: "https://shop.example/c/clothing" },
        { "@type": "ListItem", position: 3, name: "Tees", item: { "@id": "/c/tees", name: "Tees" } },
        { "@type": "ListItem", position: 4, name: "Tee" },
      ],
    });
    const found = extractPage(page(crumbs + ld({ "@type": "Product", name: "Tee", sku: "T" })), URL_);
    expect(found.breadcrumb).toEqual(["Clothing", "Tees"]);
    expect(found.products[0]!.category).toEqual(["Clothing", "Tees"]);
  });

  it("reads ItemList entries as list products, not page products", () => {
    const list = ld({
      "@type": "ItemList",
      itemListElement: [
        { "@type": "ListItem", position: 1, url: "/products/a", name: "A" },
        { "@type": "ListItem", position: 2, item: { "@type": "Product", sku: "B", name: "B", url: "/products/b", offers: { price: 5, priceCurrency: "USD" } } },
      ],
    });
    const found = extractPage(page(list), "https://shop.example/collections/all");
    expect(found.products).toEqual([]);
    expect(found.list).toEqual([
      { id: "https://shop.example/products/a", title: "A", url: "https://shop.example/products/a" },
      { id: "B", sku: "B", title: "B", url: "https://shop.example/products/b", price: 5, currency: "USD" },
    ]);
  });
});

describe("microdata", () => {
  it("reads content over text, Magento's data-price-amount, and nested offers", () => {
    const html = `<div itemscope itemtype="https://schema.org/Product">
      <h1 itemprop="name">Bag &amp; Co</h1><meta itemprop="sku" content="MB-1">
      <div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">Luma</span></div>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
        <span itemprop="price" data-price-amount="1234.5">1.234,50 €</span><meta itemprop="priceCurrency" content="EUR">
        <link itemprop="availability" href="https://schema.org/PreOrder">
      </div></div>`;
    expect(one(html)).toMatchObject({ id: "MB-1", title: "Bag & Co", brand: "Luma", price: 1234.5, currency: "EUR", availability: "preorder" });
  });

  it("reads the visible price when a theme printed an empty content attribute", () => {
    const html = `<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Tee</h1>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="">12.50</span><meta itemprop="priceCurrency" content="USD"></div></div>`;
    expect(one(html)).toMatchObject({ title: "Tee", price: 12.5, currency: "USD" });
  });

  it("reads a name and a price a theme marks twice (a meta tag and the visible text)", () => {
    const html = `<div itemscope itemtype="https://schema.org/Product"><meta itemprop="name" content="Tee"><h1 itemprop="name">Tee</h1>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="12.50"><span itemprop="price">$12.50</span><meta itemprop="priceCurrency" content="USD"></div></div>`;
    expect(one(html)).toMatchObject({ title: "Tee", price: 12.5, currency: "USD" });
  });

  it("reads the value of <data> and <meter>, not their text", () => {
    const html = `<div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Tee</h1><data itemprop="sku" value="T-100">Classic tee</data>
      <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><data itemprop="price" value="12.50">Rs 1,250 off today</data><meta itemprop="priceCurrency" content="USD"></div>
      <div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating"><meter itemprop="ratingValue" min="0" max="5" value="4.5">Rated 9 of 10</meter><span itemprop="reviewCount">31</span></div></div>`;
    expect(one(html)).toMatchObject({ id: "T-100", price: 12.5, rating: 4.5, ratingCount: 31 });
  });
});

describe("OpenGraph", () => {
  const og = (tags: Record<string, string>) => Object.entries(tags).map(([k, v]) => `<meta property="${k}" content="${v}">`).join("");

  it("reads a shop-formatted og:price with its currency", () => {
    const html = og({ "og:type": "og:product", "og:title": "Tee", "og:url": "/products/tee", "og:price:amount": "1.234,50", "og:price:currency": "EUR" });
    expect(one(html)).toMatchObject({ id: URL_, title: "Tee", price: 1234.5, currency: "EUR" });
  });

  it("reads product:sale_price as the price and the regular price as the list price", () => {
    const html = og({ "og:type": "product", "og:title": "Tee", "product:price:amount": "30", "product:price:currency": "USD", "product:sale_price:amount": "24", "product:sale_price:currency": "USD", "product:availability": "backorder" });
    expect(one(html)).toMatchObject({ price: 24, compareAtPrice: 30, currency: "USD", availability: "backorder" });
  });

  it("reads a price in a three-decimal currency as three decimals", () => {
    const html = og({ "og:type": "product", "og:title": "Oud", "og:price:amount": "12.500", "og:price:standard_amount": "15.000", "og:price:currency": "KWD" });
    expect(one(html)).toMatchObject({ price: 12.5, compareAtPrice: 15, currency: "KWD" });
  });

  it("gives no product without a price", () => {
    expect(extractPage(page(og({ "og:type": "product", "og:title": "Home page" })), URL_).products).toEqual([]);
  });
});

describe("Shopify meta", () => {
  const analytics = {
    ShopifyAnalytics: { meta: { currency: "CAD", product: { id: 42, vendor: "Acme", type: "Tees", variants: [{ id: 1, price: 2500, name: "Tee - Large", public_title: "Large", sku: "T-L" }, { id: 2, price: 1999, name: "Tee - Small", public_title: "Small", sku: "T-S" }] } } },
  };

  it("reads integer cents and the lowest variant", () => {
    expect(one("", analytics)).toMatchObject({ id: "42", groupId: "42", title: "Tee", brand: "Acme", category: ["Tees"], price: 19.99, currency: "CAD", url: URL_ });
  });

  it("makes no sale of the lowest variant against the JSON-LD price of the selected one", () => {
    const html = ld({ "@type": "Product", name: "Tee", sku: "T-L", offers: { price: "25.00", priceCurrency: "CAD", availability: "http://schema.org/InStock" } });
    expect(one(html, analytics)).toMatchObject({ id: "T-L", price: 25, currency: "CAD" });
    expect(one(html, analytics).compareAtPrice).toBeUndefined();
    // Also when a related product's JSON-LD keeps the sources apart until the page's product is picked.
    const withCard = ld([{ "@type": "Product", name: "Tee", sku: "T-L", url: URL_, offers: { price: "25.00", priceCurrency: "CAD" } }, { "@type": "Product", name: "Cap", sku: "C", url: "/products/cap", offers: { price: "9.00", priceCurrency: "CAD" } }]);
    expect([one(withCard, analytics).price, one(withCard, analytics).compareAtPrice]).toEqual([25, undefined]);
  });

  it("is ignored without the globals", () => {
    expect(extractPage(page(""), URL_).products).toEqual([]);
  });
});

describe("precedence", () => {
  it("lets data-shopkeeper-product win and fills missing fields from lower sources", () => {
    const html = `<div data-shopkeeper-product='{"id":"sk-1","title":"Shop Tee","price":18,"currency":"USD"}'></div>${ld({ "@type": "Product", sku: "sk-1", name: "LD Tee", brand: "Acme", image: "/t.jpg", offers: { price: "18.00", priceCurrency: "USD", availability: "InStock" } })}`;
    expect(one(html)).toMatchObject({ id: "sk-1", title: "Shop Tee", brand: "Acme", image: "https://shop.example/t.jpg", price: 18, currency: "USD", availability: "in_stock" });
  });

  it("never pairs one source's amount with another's currency", () => {
    const html = `${ld({ "@type": "Product", name: "Mat", offers: { price: "43.90", priceCurrency: "EUR" } })}<meta property="og:type" content="product"><meta property="product:price:amount" content="48,00"><meta property="product:price:currency" content="USD">`;
    expect(one(html)).toMatchObject({ price: 43.9, currency: "EUR" });
    expect(one(html).compareAtPrice).toBeUndefined();
  });

  it("never takes a list price from a source in another currency", () => {
    const html = `${ld({ "@type": "Product", name: "Mat", offers: { price: "43.90", priceCurrency: "EUR" } })}<meta property="og:type" content="product"><meta property="product:price:amount" content="48,00"><meta property="product:price:currency" content="USD"><meta property="og:price:standard_amount" content="60,00">`;
    expect([one(html).price, one(html).currency, one(html).compareAtPrice]).toEqual([43.9, "EUR", undefined]);
  });

  it("never gives an amount without currency the currency of another source's amount", () => {
    const html = `<div data-shopkeeper-product='{"id":"T","title":"Tee","price":18}'></div>${ld({ "@type": "Product", sku: "T", name: "Tee", offers: { price: "20.00", priceCurrency: "USD" } })}`;
    expect([one(html).price, one(html).currency, one(html).compareAtPrice]).toEqual([18, undefined, undefined]);
  });

  it("takes the price and its currency from a lower source when the higher has none", () => {
    const html = `${ld({ "@type": "Product", name: "Lamp", offers: { price: {}, priceCurrency: "USD" } })}<meta property="og:type" content="product"><meta property="og:price:amount" content="99,00"><meta property="og:price:currency" content="EUR">`;
    expect(one(html)).toMatchObject({ price: 99, currency: "EUR" });
  });

  it("keeps a sale: the lower current price and the higher list price of the same currency", () => {
    const html = `${ld({ "@type": "Product", sku: "K", name: "Sconce", offers: { price: "150.00", priceCurrency: "USD" } })}<meta property="og:type" content="product"><meta property="product:price:amount" content="120.00"><meta property="product:price:currency" content="USD"><meta property="og:price:standard_amount" content="150.00">`;
    expect(one(html)).toMatchObject({ id: "K", price: 120, compareAtPrice: 150 });
  });

  it("reads a sale price in OpenGraph against the JSON-LD price as a sale", () => {
    const html = `${ld({ "@type": "Product", sku: "K", name: "Sconce", offers: { price: "100.00", priceCurrency: "USD" } })}<meta property="og:type" content="product"><meta property="og:price:amount" content="80.00"><meta property="og:price:currency" content="USD">`;
    expect(one(html)).toMatchObject({ id: "K", price: 80, compareAtPrice: 100 });
  });

  it("merges sources that share an id, sku or url and keeps different products apart", () => {
    const html = ld([
      { "@type": "Product", sku: "A", name: "A", url: "/a" },
      { "@type": "Product", sku: "B", name: "B", url: "/b" },
    ]) + `<div itemscope itemtype="http://schema.org/Product"><meta itemprop="sku" content="B"><meta itemprop="brand" content="Bee"><span itemprop="name">B</span></div>`;
    // Neither is at the page's address: they are listed products, not the page's own.
    const { products, list } = extractPage(page(html), URL_);
    expect(products).toEqual([]);
    expect(list.map((p) => [p.id, p.brand])).toEqual([["A", undefined], ["B", "Bee"]]);
  });
});

describe("hostile data", () => {
  it("keeps a javascript: url and image as data, flagged unsafe", () => {
    const p = one(ld({ "@type": "Product", sku: "X", name: "X", url: "javascript:alert(1)", image: "javascript:alert(2)" }));
    expect(p).toMatchObject({ url: "javascript:alert(1)", image: "javascript:alert(2)", unsafe: ["url", "image"] });
  });

  it("keeps the text of a title with markup and flags it", () => {
    const p = one(ld({ "@type": "Product", sku: "X", name: "<img src=x onerror=alert(1)>Nice &lt;b&gt;Tee&lt;/b&gt;" }));
    expect(p.title).toBe("Nice Tee");
    expect(p.unsafe).toEqual(["title"]);
  });

  it("does not let __proto__ keys reach the product or Object.prototype", () => {
    const html = `<div data-shopkeeper-product='{"id":"p","title":"P","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'></div>
      <div itemscope itemtype="http://schema.org/Product"><meta itemprop="__proto__" content="x"><span itemprop="name">M</span><meta itemprop="sku" content="p"></div>`;
    const p = one(html);
    expect(p.title).toBe("P");
    expect(Object.keys(p).sort()).toEqual(["id", "sku", "title", "url"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("ignores invalid data-shopkeeper-product JSON and negative or non-numeric prices", () => {
    const html = `<div data-shopkeeper-product='{oops'></div><div data-shopkeeper-product='{"id":"n","title":"N","price":-5,"currency":"not-a-code"}'></div>`;
    const p = one(html);
    expect(p.price).toBeUndefined();
    expect(p.currency).toBeUndefined();
  });
});

describe("the page's address", () => {
  const tee = ld({ "@type": "Product", name: "Tee", offers: { price: "20.00", priceCurrency: "USD" } });
  const visited = "https://shop.example/products/tee?fbclid=IwAR0x&email=jane%40x.com#reviews";

  it("gives a product without an id the URL without its query and hash", () => {
    const found = extractPage(page(tee), visited);
    expect(found.products.map((p) => [p.id, p.url])).toEqual([["https://shop.example/products/tee", "https://shop.example/products/tee"]]);
    expect(JSON.stringify(found)).not.toMatch(/jane|fbclid/);
  });

  it("resolves a relative @id without the query", () => {
    expect(one(ld({ "@type": "Product", "@id": "#product", name: "Tee" })).id).toBe("https://shop.example/products/tee#product");
    expect(extractPage(page(ld({ "@type": "Product", "@id": "#product", name: "Tee" })), visited).products[0]!.id).toBe("https://shop.example/products/tee#product");
  });

  it("prefers the canonical link of the same site", () => {
    const p = extractPage(page(`<link rel="canonical" href="/products/tee-blue#top">${tee}`), visited).products[0]!;
    expect([p.id, p.url]).toEqual(["https://shop.example/products/tee-blue", "https://shop.example/products/tee-blue"]);
  });

  it("ignores a canonical link to another site or of another scheme", () => {
    for (const href of ["https://other.example/products/tee", "javascript:alert(1)"])
      expect(extractPage(page(`<link rel="canonical" href="${href}">${tee}`), visited).products[0]!.id).toBe("https://shop.example/products/tee");
  });
});

describe("the page's own product", () => {
  const card = (sku: string, url: string) =>
    `<div itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="${url}"><span itemprop="name">${sku}</span></a><meta itemprop="sku" content="${sku}"></div>`;
  const cards = (n: number) => Array.from({ length: n }, (_, i) => card(`R${i}`, `/products/r${i}`)).join("");

  it("is the product without an address when the others are cards linking to theirs", () => {
    const found = extractPage(page(ld({ "@type": "Product", sku: "T1", name: "Tee" }) + cards(4)), URL_);
    expect(found.products.map((p) => [p.id, p.url])).toEqual([["T1", URL_]]);
    expect(found.list.map((p) => [p.id, p.url])).toEqual([0, 1, 2, 3].map((i) => [`R${i}`, `https://shop.example/products/r${i}`]));
  });

  it("is the product at the page's address", () => {
    const found = extractPage(page(card("A", "/products/a") + card("T", "/products/tee") + card("B", "/products/b")), URL_ + "?utm_source=x");
    expect(found.products.map((p) => p.id)).toEqual(["T"]);
    expect(found.list.map((p) => p.id)).toEqual(["A", "B"]);
  });

  it("is none on a collection page of product cards", () => {
    const found = extractPage(page(cards(6)), "https://shop.example/collections/tees");
    expect(found.products).toEqual([]);
    expect(found.list).toHaveLength(6);
  });

  it("merges every source that describes the page into one product", () => {
    const og = `<meta property="og:type" content="product"><meta property="og:url" content="${URL_}"><meta property="og:title" content="Tee"><meta property="product:price:amount" content="20"><meta property="product:price:currency" content="USD">`;
    const found = extractPage(page(ld({ "@type": "Product", sku: "T1", name: "Tee", brand: "Acme" }) + cards(2) + og), URL_);
    expect(found.products).toEqual([{ id: "T1", sku: "T1", title: "Tee", brand: "Acme", url: URL_, price: 20, currency: "USD" }]);
    expect(found.list.map((p) => p.id)).toEqual(["R0", "R1"]);
  });

  const og = `<meta property="og:type" content="product"><meta property="og:title" content="Tee"><meta property="og:url" content="${URL_}"><meta property="og:price:amount" content="20"><meta property="og:price:currency" content="USD">`;
  const cardLd = ld({ "@type": "Product", sku: "A", name: "A", url: "/products/a", offers: { price: 5, priceCurrency: "USD" } });
  const meta = { ShopifyAnalytics: { meta: { currency: "USD", product: { id: 42, variants: [{ id: 1, price: 2000, name: "Tee", public_title: null }] } } } };
  it.each([
    ["OpenGraph", og + card("A", "/products/a"), undefined, URL_],
    ["JSON-LD", ld({ "@type": "Product", sku: "T1", name: "Tee", offers: { price: 20, priceCurrency: "USD" } }) + card("A", "/products/a"), undefined, "T1"],
    ["data-shopkeeper-product", `<div data-shopkeeper-product='{"id":"T1","title":"Tee","price":20,"currency":"USD"}'></div>` + cardLd, undefined, "T1"],
    ["Shopify meta", cardLd, meta, "42"],
  ])("keeps its %s product apart from the one card of a related product", (_, html, globals, id) => {
    const found = extractPage(page(html), URL_, globals);
    expect(found.products.map((p) => [p.id, p.url, p.price, p.compareAtPrice])).toEqual([[id, URL_, 20, undefined]]);
    expect(found.list.map((p) => [p.id, p.url])).toEqual([["A", "https://shop.example/products/a"]]);
  });

  it("lists a card once when an ItemList names it too", () => {
    const list = ld({ "@type": "ItemList", itemListElement: [{ "@type": "ListItem", position: 1, item: { "@type": "Product", sku: "R0", name: "R0", url: "/products/r0" } }] });
    expect(extractPage(page(list + cards(2)), "https://shop.example/collections/tees").list.map((p) => p.id)).toEqual(["R0", "R1"]);
  });
});
