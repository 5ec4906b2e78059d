import { describe, expect, it } from "vitest";
import { useBrowser } from "./harness";

const h = useBrowser();

describe("recommendations from a Shopify feed", () => {
  it("leads for-you with the category the visitor dwelt on, each item with a reason", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await page.clock.install();
    for (const handle of ["dome-tent-2p", "tunnel-tent-3p", "ultralight-tarp", "bivy-shelter"]) {
      await page.goto(`${h.url}/tests/browser/pages/shop/product.html?handle=${handle}`);
      await page.waitForFunction(() => (window as any).__sk);
      await page.evaluate(() => (window as any).__sk.ready);
      for (let s = 0; s < 40; s += 5) {
        await page.mouse.move(50 + s, 80);
        await page.clock.runFor(5_000);
      }
    }
    // The next page flushed the last dwell; recommend from there.
    await page.goto(`${h.url}/tests/browser/pages/shop/product.html?handle=canister-stove`);
    await page.waitForFunction(() => (window as any).__sk);
    const list = await page.evaluate(() => (window as any).__sk.recommend({ strategy: "for-you", limit: 4 }));
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list[0].category).toContain("Tents");
    for (const item of list) expect(item.reasons.length).toBeGreaterThan(0);
    expect(list[0].reasons.join(" ")).toMatch(/Tents|viewed|like/i);
    expect(page.errors).toEqual([]);
  });
});
