import { describe, expect, it } from "vitest";
import { useBrowser } from "./harness";

const ENDPOINT = "https://collect.shop.example/events";
const h = useBrowser({
  "/endpoint.html": (_req, res) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Endpoint</title>
<script>window.shopkeeper=window.shopkeeper||function(){(shopkeeper.q=shopkeeper.q||[]).push(arguments)}; shopkeeper(function (sk) { window.__sk = sk; });</script>
<script async src="/dist/shopkeeper.core.js" data-endpoint="${ENDPOINT}"></script></head><body><h1>Endpoint</h1></body></html>`),
});

describe("the shop's endpoint in real Chromium", () => {
  it("receives every batch of a burst larger than the 64 KB that beacons may have in flight", async () => {
    const context = await h.context();
    const received: number[] = [];
    // A slow collector: each beacon is still in flight when the next batch is full.
    await context.route(`${ENDPOINT}**`, async (route) => {
      received.push(JSON.parse(route.request().postData() ?? "{}").events?.length ?? 0);
      await new Promise((done) => setTimeout(done, 1000));
      await route.fulfill({ status: 204, headers: { "access-control-allow-origin": "*" } });
    });
    const page = await h.page(context);
    await page.clock.install();
    await page.goto(`${h.url}/endpoint.html`);
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    // 90 events of about 5 KB: eight batches of up to 60 KB, sent one after another in one task.
    const sent = await page.evaluate(() => {
      for (let i = 0; i < 90; i++) (window as any).__sk.track("view_item_list", { listName: String(i).padEnd(5000, "x"), items: [] });
      return 90;
    });
    // The last batch goes with the 10 s timer; then the collector answers them all.
    await page.clock.runFor(10_000);
    await page.waitForTimeout(1500);
    // The page view and the 90 list views, none lost.
    expect(received.reduce((a, b) => a + b, 0)).toBe(sent + 1);
    expect(page.errors).toEqual([]);
  });
});
