import { afterEach, describe, expect, it } from "vitest";
import { createShopkeeper } from "../../../src/index";

const tent = { id: "tent", title: "Tent", url: "https://shop.example/products/tent", category: ["Camping"], popularity: 9 };
const stove = { id: "stove", title: "Stove", url: "https://shop.example/products/stove", category: ["Camping"], popularity: 5 };
const lamp = { id: "lamp", title: "Lamp", url: "https://shop.example/products/lamp", category: ["Camping"], popularity: 3 };

afterEach(() => {
  document.head.replaceChildren();
  history.replaceState(null, "", "/");
});

describe("recommend() on a product page", () => {
  it("never lists the product the page shows, even for-you", async () => {
    history.replaceState(null, "", "/products/tent");
    const ld = document.createElement("script");
    ld.type = "application/ld+json";
    ld.textContent = JSON.stringify({ "@context": "https://schema.org", "@type": "Product", name: "Tent", sku: "tent", url: location.href });
    document.head.append(ld);
    const sk = createShopkeeper({ catalog: [tent, stove, lamp], maxPerCategory: 3 });
    await sk.ready;
    expect(sk.pageProducts().map((p) => p.id)).toEqual(["tent"]);
    expect((await sk.recommend({ strategy: "for-you", limit: 3 })).map((p) => p.id)).toEqual(["stove", "lamp"]);
    expect((await sk.recommend({ strategy: "trending", limit: 3 })).map((p) => p.id)).toEqual(["stove", "lamp"]);
    sk.destroy();
  });
});
