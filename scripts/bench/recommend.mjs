// Ranking speed and memory in Debian's Chromium: median time of a top-8 `for-you` over catalogs of
// 1,000, 10,000 and 100,000 products, and the heap the 100,000-product catalog and its index use.
// Needs `dist/lab.mjs` (npm run build); `--lab PATH` serves another build in its place.
// Figures only, no assertions.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { launchChromium, serveStatic, ROOT } from "../lib/chromium.mjs";

const at = process.argv.indexOf("--lab");
const lab = at > 0 ? resolve(process.argv[at + 1]) : resolve(ROOT, "dist/lab.mjs");
const routes = {
  "/dist/lab.mjs": async (_req, res) => {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(await readFile(lab));
  },
  "/bench.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>bench</title>"),
};

const server = await serveStatic(ROOT, routes);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return page.evaluate(() => performance.memory.usedJSHeapSize);
  };
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.goto(`${server.url}/bench.html`);
  await page.evaluate(async () => {
    const [lab, gen] = await Promise.all([import("/dist/lab.mjs"), import("/tests/fixtures/eval/generate.mjs")]);
    const now = Date.UTC(2026, 0, 15);
    // A returning visitor: 3 sessions, 60 product views with dwell, carts and one order.
    const history = (catalog) => {
      const rnd = gen.random(3);
      const visitor = gen.createVisitor(catalog, rnd);
      let p = lab.createProfile(now - 20 * 864e5, "bench");
      let t = now - 20 * 864e5;
      for (let n = 0; n < 60; n++) {
        t += n % 20 ? 90_000 : 5 * 864e5;
        const item = visitor.next(0.3);
        p = lab.foldProfile(p, { name: "view_item", props: { items: [item] }, time: t }, t);
        p = lab.foldProfile(p, { name: "dwell", props: { path: "/p", seconds: 10 + (n % 7) * 9, productId: item.id }, time: t + 3e4 }, t + 3e4);
        if (n % 15 == 7) p = lab.foldProfile(p, { name: "add_to_cart", props: { items: [item] }, time: t + 4e4 }, t + 4e4);
      }
      return lab.foldProfile(p, { name: "purchase", props: { items: p.cart.slice(0, 1), value: 50 }, time: t + 5e4 }, t + 5e4);
    };
    const run = (catalog, profile, runs = 30) => {
      const t0 = performance.now();
      lab.recommend(catalog, profile, { strategy: "for-you", limit: 8 }, { now });
      const first = performance.now() - t0;
      for (let n = 0; n < 20; n++) lab.recommend(catalog, profile, { strategy: "for-you", limit: 8 }, { now });
      const times = [];
      let count = 0;
      for (let n = 0; n < runs; n++) {
        const s = performance.now();
        count = lab.recommend(catalog, profile, { strategy: "for-you", limit: 8 }, { now }).length;
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      return { first, median: times[runs >> 1], p90: times[Math.floor(runs * 0.9)], count };
    };
    window.bench = { lab, gen, history, run, now };
  });

  console.log("size      index build + first (ms)   median top-8 for-you (ms)   p90 (ms)   items");
  for (const size of [1_000, 10_000, 100_000]) {
    const r = await page.evaluate((size) => {
      const { gen, history, run } = window.bench;
      const catalog = gen.generateCatalog(size, 11);
      return run(catalog, history(catalog));
    }, size);
    console.log(`${String(size).padEnd(9)} ${r.first.toFixed(2).padStart(26)}   ${r.median.toFixed(2).padStart(25)}   ${r.p90.toFixed(2).padStart(8)}   ${r.count}`);
  }

  const before = await heap();
  await page.evaluate(() => {
    window.big = window.bench.gen.generateCatalog(100_000, 11);
  });
  const withCatalog = await heap();
  await page.evaluate(() => {
    const { lab, history, now } = window.bench;
    window.profile = history(window.big);
    lab.recommend(window.big, window.profile, { strategy: "for-you", limit: 8 }, { now });
  });
  const withIndex = await heap();
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
  console.log(`\nheap, 100,000 products: catalog objects ${mb(withCatalog - before)} MB, ranking index on top ${mb(withIndex - withCatalog)} MB, total ${mb(withIndex - before)} MB`);
} finally {
  await browser.close();
  await server.close();
}
