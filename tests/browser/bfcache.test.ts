import { describe, expect, it } from "vitest";
import { useBrowser, widgetsPage } from "./harness";

// The static server marks every answer `no-store`, which keeps a page out of the back/forward
// cache: this route serves the widgets page the way most shops serve theirs, cacheable.
// A catalog of 20 cache slices (2,000 products each): the page caches it in IndexedDB for a while
// after the shelf shows, one readwrite transaction per slice.
const big = JSON.stringify({
  products: Array.from({ length: 40_000 }, (_, k) => ({ id: "p" + k, title: "Product " + k, url: "/p/" + k, price: 10 + (k % 90), popularity: k % 100 })),
});
const h = useBrowser(
  {
    "/bfcache/widgets.html": widgetsPage(),
    "/bfcache/big.html": widgetsPage(["/demo/catalog.json", "/bfcache/big.json"]),
    "/bfcache/big.json": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(big),
  },
  { bfcache: true },
);

describe("back/forward cache", () => {
  it("keeps the page cacheable while another tab writes; a restore counts a page view and renders the slots again", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await page.goto(`${h.url}/bfcache/widgets.html`);
    await page.waitForFunction(() => (window as any).__sk);
    await page.locator("#recs [part=card]").first().waitFor();
    const before = await page.evaluate(() => {
      const w = window as any;
      w.__restored = 0;
      addEventListener("pageshow", (e) => e.persisted && w.__restored++);
      // Kept to tell a fresh render from the one that went into the cache.
      w.__shelf = document.querySelector("#recs")!.shadowRoot!.querySelector("[part=root]");
      return w.dataLayer.filter((e: any) => e.event == "shopkeeper_page_view").length;
    });

    await page.goto(`${h.url}/tests/browser/pages/blank.html`);
    // A tab of the same shop writes, and tells the other tabs so, while the first page sits in the cache.
    const other = await h.page(context);
    await other.goto(`${h.url}/bfcache/widgets.html`);
    // The shopkeeper(fn) callback that sets __sk runs once storage was read, which may be after load.
    await other.waitForFunction(async () => (await (window as any).__sk?.profile())?.pageViews == 2);
    // A restore fires no load event: wait for the commit only.
    await page.goBack({ waitUntil: "commit" });
    await page.waitForFunction(() => document.readyState == "complete");

    const restored = await page.evaluate(() => (window as any).__restored);
    const reasons = await page.evaluate(() => JSON.stringify((performance.getEntriesByType("navigation")[0] as any)?.notRestoredReasons));
    expect(restored, `not restored from the cache: ${reasons}`).toBe(1);
    await page.locator("#recs [part=card]").first().waitFor();
    const after = await page.evaluate(() => {
      const w = window as any;
      return {
        views: w.dataLayer.filter((e: any) => e.event == "shopkeeper_page_view").length,
        sameShelf: document.querySelector("#recs")!.shadowRoot!.querySelector("[part=root]") === w.__shelf,
        cards: document.querySelector("#recs")!.shadowRoot!.querySelectorAll("[part=card]").length,
        links: document.querySelector("#channels")!.shadowRoot!.querySelectorAll("[part=channel-link]").length,
      };
    });
    expect(after).toEqual({ views: before + 1, sameShelf: false, cards: 4, links: expect.any(Number) });
    expect(after.links).toBeGreaterThan(0);
    // The profile still works after the restore: the store reconnected.
    await page.waitForFunction(async () => (await (window as any).__sk.profile()).pageViews >= 3);
    expect([...page.errors, ...other.errors]).toEqual([]);
  });

  it("stays cacheable when left while it caches the catalog, and another tab then reads the store", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await page.goto(`${h.url}/bfcache/big.html`);
    await page.locator("#recs [part=card]").first().waitFor();
    await page.evaluate(() => addEventListener("pageshow", (e) => e.persisted && ((window as any).__restored = 1)));
    // Left at once: slices are still being written, and a transaction the frozen page never
    // finishes would hold the store's lock.
    await page.goto(`${h.url}/tests/browser/pages/blank.html`);
    const other = await h.page(context);
    await other.goto(`${h.url}/bfcache/widgets.html`);
    await other.waitForFunction(async () => (await (window as any).__sk?.profile())?.pageViews == 2);
    await page.goBack({ waitUntil: "commit" });
    await page.waitForFunction(() => document.readyState == "complete");
    const reasons = await page.evaluate(() => JSON.stringify((performance.getEntriesByType("navigation")[0] as any)?.notRestoredReasons));
    expect(await page.evaluate(() => (window as any).__restored), `not restored from the cache: ${reasons}`).toBe(1);
    expect([...page.errors, ...other.errors]).toEqual([]);
  });
});
