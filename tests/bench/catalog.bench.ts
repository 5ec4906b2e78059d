import { describe, it } from "vitest";
import { loadCatalog } from "../../src/catalog/load-catalog";
import { drain, parseCatalogChunked } from "../../src/catalog/parse-catalog";
import { createProfile } from "../../src/profile/create-profile";
import { foldProfile } from "../../src/profile/fold";
import { pruneProfile, validateProfile } from "../../src/profile/validate";
import { indexSteps } from "../../src/recommend/catalog-index";
import { createStateStore } from "../../src/store/state-store";

const products = Array.from({ length: 100_000 }, (_, i) => ({
  id: i, title: `Product ${i} with a [bracket] and "quotes"`, handle: `p-${i}`, vendor: "Brand", product_type: "Cat",
  tags: ["a", "b"], variants: [{ id: i * 10, price: "12.50", compare_at_price: null, available: true, sku: `S${i}` }],
  images: [{ src: `https://cdn.example/${i}.jpg` }],
}));
const body = JSON.stringify({ products });

/** Samples the gaps between macrotasks until stopped: the longest gap is the longest blocking stretch. */
function watchTasks(): () => Promise<number> {
  let longest = 0;
  let last = performance.now();
  let done = false;
  const watching = (async () => {
    while (!done) {
      await new Promise((ok) => setTimeout(ok, 0));
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
    }
  })();
  return async () => ((done = true), await watching, longest);
}

// The SDK's store on fake-indexeddb, which clones values with `structuredClone` on put and on get
// as a browser does, so the figures include the clone and the store's `isSafe` walk.
async function openStore() {
  const store = createStateStore({
    dbName: "bench-catalog",
    fold: (p, e) => foldProfile(p, e, e.time, { halfLifeDays: 14 }),
    create: () => createProfile(Date.now(), "bench"),
    validate: validateProfile,
    prune: (p, at) => pruneProfile(p, at, 180),
    now: Date.now,
    consent: "granted",
  });
  await store.ready;
  return store;
}

// Prints how long the page is blocked at most while a 100,000-product feed is parsed in chunks
// and its ranking index is built in slices, as a page does before the feed replaces the old one.
describe("catalog figures", () => {
  it("longest task while parsing 100,000 products", async () => {
    const stop = watchTasks();
    const started = performance.now();
    const result = await parseCatalogChunked(body, { baseUrl: "https://shop.example/", now: () => performance.now() });
    const parsed = performance.now();
    await drain(indexSteps(result.products), () => performance.now());
    const longest = await stop();
    console.log(`catalog: ${(body.length / 1e6).toFixed(1)} MB Shopify JSON, ${result.products.length} products parsed in ${(parsed - started).toFixed(0)} ms and indexed in ${(performance.now() - parsed).toFixed(0)} ms, longest blocking stretch ${longest.toFixed(0)} ms`);
  });

  it("longest task while caching 100,000 products in the store and reading them back", async () => {
    const url = "https://shop.example/catalog.json";
    const fetch = async () => new Response(body, { headers: { "content-type": "application/json" } });
    const writer = await openStore();
    let written: () => void = () => {};
    const saved = new Promise<void>((resolve) => (written = resolve));
    // The index is set last, once every slice is stored.
    const cache = {
      get: writer.get,
      async set(key: string, value: unknown) {
        await writer.set(key, value);
        if (key == "catalog" && value) written();
      },
    };
    const loaded = await loadCatalog(url, { fetch, cache, now: Date.now, maxBytes: 1e8, format: "shopify" });
    if (loaded.length != 100_000) throw new Error(`loaded ${loaded.length} products`);
    let stop = watchTasks();
    let t = performance.now();
    await saved;
    const write = [performance.now() - t, await stop()];
    writer.close();

    // A new page: an empty in-memory mirror, so every slice comes from IndexedDB.
    const reader = await openStore();
    stop = watchTasks();
    t = performance.now();
    const read = await loadCatalog(url, { fetch: () => Promise.reject(new Error("the cache is fresh")), cache: reader, now: Date.now, maxBytes: 1e8 });
    const took = [performance.now() - t, await stop()];
    if (read.length != loaded.length) throw new Error(`read back ${read.length} of ${loaded.length} products`);

    // The same products as one value, as the cache held them before.
    stop = watchTasks();
    await reader.set("one", loaded);
    const one = await stop();
    reader.close();
    const again = await openStore();
    stop = watchTasks();
    await again.get("one");
    const oneRead = await stop();
    again.close();

    const ms = ([all, longest]: number[]) => `${all!.toFixed(0)} ms, longest task ${longest!.toFixed(0)} ms`;
    console.log(`catalog cache (createStateStore on fake-indexeddb): ${loaded.length} products written in ${ms(write)}, read back in ${ms(took)}; as one value the longest task is ${one.toFixed(0)} ms writing and ${oneRead.toFixed(0)} ms reading`);
  });
});
