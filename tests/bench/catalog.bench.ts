import { describe, it } from "vitest";
import { drain, parseCatalogChunked } from "../../src/catalog/parse-catalog";
import { indexSteps } from "../../src/recommend/catalog-index";

// Prints how long the page is blocked at most while a 100,000-product feed is parsed in chunks
// and its ranking index is built in slices, as a page does before the feed replaces the old one.
describe("catalog figures", () => {
  it("longest task while parsing 100,000 products", async () => {
    const products = Array.from({ length: 100_000 }, (_, i) => ({
      id: i, title: `Product ${i} with a [bracket] and "quotes"`, handle: `p-${i}`, vendor: "Brand", product_type: "Cat",
      tags: ["a", "b"], variants: [{ id: i * 10, price: "12.50", compare_at_price: null, available: true, sku: `S${i}` }],
      images: [{ src: `https://cdn.example/${i}.jpg` }],
    }));
    const body = JSON.stringify({ products });
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => undefined, 0);
    const watch = async () => {
      // Sample the gaps between macrotasks: the longest gap is the longest blocking stretch.
      while (!done) {
        await new Promise((ok) => setTimeout(ok, 0));
        const t = performance.now();
        longest = Math.max(longest, t - last);
        last = t;
      }
    };
    let done = false;
    const watching = watch();
    const started = performance.now();
    const result = await parseCatalogChunked(body, { baseUrl: "https://shop.example/", now: () => performance.now() });
    const parsed = performance.now();
    await drain(indexSteps(result.products), () => performance.now());
    done = true;
    await watching;
    clearInterval(timer);
    console.log(`catalog: ${(body.length / 1e6).toFixed(1)} MB Shopify JSON, ${result.products.length} products parsed in ${(parsed - started).toFixed(0)} ms and indexed in ${(performance.now() - parsed).toFixed(0)} ms, longest blocking stretch ${longest.toFixed(0)} ms`);
  });
});
