import { describe, expect, it } from "vitest";
import { extractPage } from "../../src/track/extract/index";

// Figures only: nothing here asserts wall-clock time.
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;

describe("extraction figures", () => {
  it("a category page listing 5,000 products in JSON-LD", () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({
      "@type": "ListItem",
      position: i + 1,
      item: { "@type": "Product", sku: `p${i}`, name: `Product ${i}`, url: `https://shop.example/p/${i}`, offers: { price: 10 + (i % 50), priceCurrency: "USD" } },
    }));
    const doc = document.implementation.createHTMLDocument("list");
    const script = doc.createElement("script");
    script.type = "application/ld+json";
    script.textContent = JSON.stringify({ "@context": "https://schema.org", "@type": "ItemList", itemListElement: items });
    doc.head.append(script);
    const times: number[] = [];
    let listed = 0;
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      listed = extractPage(doc, "https://shop.example/c/all").list.length;
      times.push(performance.now() - t);
    }
    expect(listed).toBe(5000);
    console.log(`extractPage, 5,000 listed products: median ${median(times).toFixed(1)} ms over 5 runs`);
  });
});
