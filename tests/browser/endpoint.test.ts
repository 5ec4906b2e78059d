import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:https";
import { readFileSync } from "node:fs";
import { useBrowser } from "./harness";

// The shop's collector, a real https server on 127.0.0.1 under a name of its own: a beacon sent as
// the page goes is out of reach of Playwright's routing, which ends with the page. The certificate
// is a self-signed test fixture for collect.shop.test (this Chromium ignores certificate errors).
const collected: { event: string; seconds?: number }[] = [];
let answerAfter = 0;
let collector: Server;
let endpoint = "";

beforeAll(async () => {
  collector = createServer({ key: readFileSync("tests/browser/fixtures/collector.key.pem"), cert: readFileSync("tests/browser/fixtures/collector.cert.pem") }, (req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      collected.push(...(JSON.parse(body || "{}").events ?? []));
      setTimeout(() => res.writeHead(204, { "access-control-allow-origin": "*" }).end(), answerAfter);
    });
  });
  await new Promise<void>((listening) => collector.listen(0, "127.0.0.1", listening));
  endpoint = `https://collect.shop.test:${(collector.address() as { port: number }).port}/events`;
});
afterAll(() => new Promise<void>((closed) => collector.close(() => closed())));

const h = useBrowser(
  {
    "/endpoint.html": (_req, res) =>
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Endpoint</title>
<script>window.shopkeeper=window.shopkeeper||function(){(shopkeeper.q=shopkeeper.q||[]).push(arguments)}; shopkeeper(function (sk) { window.__sk = sk; });</script>
<script async src="/dist/shopkeeper.core.js" data-endpoint="${endpoint}"></script></head><body><h1>Endpoint</h1></body></html>`),
  },
  // For the browser, not the context: a beacon that outlives its page is no longer the context's.
  { args: ["--host-resolver-rules=MAP collect.shop.test 127.0.0.1", "--ignore-certificate-errors"] },
);

async function open(clock = false) {
  collected.length = 0;
  const page = await h.page();
  if (clock) await page.clock.install();
  await page.goto(`${h.url}/endpoint.html`);
  await page.waitForFunction(() => (window as any).__sk);
  await page.evaluate(() => (window as any).__sk.ready);
  return page;
}

describe("the shop's endpoint in real Chromium", () => {
  it("receives every batch of a burst larger than the 64 KB that beacons may have in flight", async () => {
    // A slow collector: each beacon is still in flight when the next batch is full.
    answerAfter = 1000;
    const page = await open(true);
    // 90 events of about 5 KB: eight batches of up to 60 KB, sent one after another in one task.
    await page.evaluate(() => {
      for (let i = 0; i < 90; i++) (window as any).__sk.track("view_item_list", { listName: String(i).padEnd(5000, "x"), items: [] });
    });
    // The last batch goes with the 10 s timer.
    await page.clock.runFor(10_000);
    // The page view and the 90 list views, none lost.
    await expect.poll(() => collected.length).toBe(91);
    answerAfter = 0;
    expect(page.errors).toEqual([]);
  });

  it("gets the last batch, with the page's engaged time, when the visitor follows a link away", async () => {
    const page = await open();
    for (let i = 0; i < 4; i++) {
      await page.mouse.move(100 + i * 10, 100);
      await page.waitForTimeout(500);
    }
    // Well within the 10 s interval: only leaving sends the batch.
    expect(collected).toEqual([]);
    await page.goto(`${h.url}/tests/browser/pages/empty.html`);
    await expect.poll(() => collected.map((e) => e.event)).toEqual(["shopkeeper_page_view", "shopkeeper_dwell"]);
    expect(collected[1]!.seconds).toBeGreaterThanOrEqual(1);
    expect(page.errors).toEqual([]);
  });
});
