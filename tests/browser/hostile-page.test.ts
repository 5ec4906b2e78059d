import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

// Host pages that break the usual assumptions, each served as written here: a hand-written queue
// stub, a script that runs while the document is still being parsed, prototypes extended by an
// old library, a global another script locked.
const page = (head: string, body = "") => (_req: unknown, res: import("node:http").ServerResponse) =>
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="application/json" id="shopkeeper-config">{ "channels": [{ "type": "email", "value": "help@shop.example" }],
  "catalog": [{ "id": "a", "title": "Tent", "url": "/a", "price": 80, "currency": "USD", "popularity": 9 },
              { "id": "b", "title": "Stove", "url": "/b", "price": 40, "currency": "USD", "popularity": 8 }] }</script>
${head}</head><body><h1>Host</h1><div id="channels" data-shopkeeper="channels"></div>${body}</body></html>`);

// A plain <script src> in <head>: it runs while the document is still "loading", so the start
// waits for DOMContentLoaded, and anything thrown there would reach the page.
const SCRIPT = `<script src="/dist/shopkeeper.js" data-datalayer="true"></script>`;

const h = useBrowser({
  "/wrong-queue.html": page(`<script>
    window.dataLayer = [];
    window.shopkeeper = function () {};
    shopkeeper.q = [null, ["track", "add_to_cart", { id: "queued", quantity: 1 }], [function (sk) { window.__sk = sk; }]];
  </script>${SCRIPT}`),
  "/object-prototype.html": page(`<script>
    Object.defineProperty(Object.prototype, "extend", { value: function () {}, enumerable: true, writable: true, configurable: true });
    window.shopkeeper=window.shopkeeper||function(){(shopkeeper.q=shopkeeper.q||[]).push(arguments)};
    shopkeeper(function (sk) { window.__sk = sk; });
  </script>${SCRIPT}`),
  "/locked-global.html": page(`<script>
    var stub = function () { (stub.q = stub.q || []).push(arguments); };
    Object.defineProperty(window, "shopkeeper", { value: stub, writable: false });
    shopkeeper(function (sk) { window.__sk = sk; });
  </script>${SCRIPT}`),
  // shop.test is served from here too: a plain http:// host name is not a secure context.
}, { args: ["--host-resolver-rules=MAP shop.test 127.0.0.1"] });

const open = async (path: string) => {
  const tab = await h.page();
  await tab.goto(h.url + path);
  await tab.waitForFunction(() => (window as any).__sk);
  await tab.locator("#channels [part=channel-link]").first().waitFor();
  return tab;
};
const codes = (tab: TrackedPage) => tab.warnings.map((w) => /\((\S+)\)/.exec(w)?.[1]);

describe("a hostile host page", () => {
  it("a queue stub holding something other than argument lists: the rest of the queue runs, nothing reaches the page", async () => {
    const tab = await open("/wrong-queue.html");
    expect(await tab.evaluate(() => (window as any).__sk.profile().cart.map((line: any) => line.id))).toEqual(["queued"]);
    expect(codes(tab)).toEqual(["queue"]);
    expect(tab.errors).toEqual([]);
  });

  it("Object.prototype extended with an enumerable member: the script starts and fills its slots", async () => {
    const tab = await open("/object-prototype.html");
    expect(await tab.evaluate(() => (window as any).__sk.storage())).toBe("idb");
    expect(tab.errors).toEqual([]);
  });

  it("window.shopkeeper made read-only: the queue is replayed and the slots filled, with one warning", async () => {
    const tab = await open("/locked-global.html");
    expect(codes(tab)).toEqual(["global-locked"]);
    expect(tab.errors).toEqual([]);
  });

  it("a browser without Object.hasOwn and Array.prototype.at (Safari before 15.4): the widgets page works whole", async () => {
    const tab = await h.page();
    await tab.addInitScript(() => {
      delete (Object as { hasOwn?: unknown }).hasOwn;
      delete (Array.prototype as { at?: unknown }).at;
    });
    await tab.goto(h.url + "/tests/browser/pages/widgets.html");
    await tab.waitForFunction(() => (window as any).__sk);
    await tab.locator("#recs [part=card]").first().waitFor();
    await tab.locator("#channels [part=channel-link]").first().waitFor();
    expect(await tab.evaluate(() => (window as any).__sk.storage())).toBe("idb");
    // The page's one deliberately invalid channel is the only thing reported.
    expect([tab.warnings.filter((w) => !w.includes("(channel:")), tab.errors]).toEqual([[], []]);
  });

  it("History frozen by the page: the script starts, fills its slots and still counts hash-route page views", async () => {
    const tab = await h.page();
    await tab.addInitScript(() => {
      Object.freeze(History.prototype);
      Object.freeze(history);
    });
    await tab.goto(h.url + "/tests/browser/pages/widgets.html");
    await tab.waitForFunction(() => (window as any).__sk);
    await tab.locator("#recs [part=card]").first().waitFor();
    await tab.evaluate(() => (location.hash = "#/cart"));
    await tab.waitForFunction(() => (window as any).__sk.profile().pageViews == 2);
    expect([tab.warnings.filter((w) => !w.includes("(channel:")), tab.errors]).toEqual([[], []]);
  });

  it("an insecure context (http:// on a host name): no crypto.randomUUID, yet a visitor id, storage and widgets", async () => {
    const tab = await h.page();
    await tab.goto(h.url.replace("127.0.0.1", "shop.test") + "/tests/browser/pages/widgets.html");
    await tab.waitForFunction(() => (window as any).__sk);
    await tab.locator("#recs [part=card]").first().waitFor();
    const state = await tab.evaluate(() => ({ secure: isSecureContext, uuid: typeof crypto.randomUUID, storage: (window as any).__sk.storage(), id: typeof (window as any).__sk.profile().id }));
    expect(state).toEqual({ secure: false, uuid: "undefined", storage: "idb", id: "string" });
    expect([tab.warnings.filter((w) => !w.includes("(channel:")), tab.errors]).toEqual([[], []]);
  });
});
