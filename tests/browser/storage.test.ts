import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();
const BLANK = "/tests/browser/pages/blank.html";
const WIDGETS = "/tests/browser/pages/widgets.html";

async function ready(page: TrackedPage, path = BLANK) {
  await page.goto(h.url + path);
  await page.waitForFunction(() => (window as any).__sk);
  await page.evaluate(() => (window as any).__sk.ready);
}
const profile = (page: TrackedPage) => page.evaluate(() => (window as any).__sk.profile());
const flush = (page: TrackedPage) => page.evaluate(() => (window as any).__sk.export().then(() => true));
const storageWarnings = (page: TrackedPage) => page.warnings.filter((w) => /\[shopkeeper\].*(quota|memory)/i.test(w));
const databases = (page: TrackedPage) => page.evaluate(() => indexedDB.databases().then((list) => list.map((d) => d.name)));

describe("storage in real Chromium", () => {
  it("keeps the profile across a reload", async () => {
    const page = await h.page();
    await ready(page);
    await page.evaluate(() => (window as any).__sk.track("view_item", { items: [{ id: "p1", title: "Tent", price: 10 }] }));
    await flush(page);
    await page.reload();
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    const p = await profile(page);
    expect(p.pageViews).toBe(2);
    expect(p.viewed.map((v: any) => v.id)).toEqual(["p1"]);
    expect(page.errors).toEqual([]);
  });

  it("keeps what happened in the last moment before the visitor left the page", async () => {
    const page = await h.page();
    await ready(page);
    for (let i = 0; i < 4; i++) {
      await page.mouse.move(100 + i * 10, 100);
      await page.waitForTimeout(600);
    }
    // A write just now: the next one would wait for the 2 s throttle.
    await page.evaluate(() => (window as any).__sk.track("view_item", { items: [{ id: "p1", title: "Tent" }] }));
    await page.waitForTimeout(200);
    // A cart add and a link followed at once: no time for a write before the page goes.
    await page.evaluate(() => {
      (window as any).__sk.track("add_to_cart", { items: [{ id: "p1", quantity: 1 }] });
      location.href = "/tests/browser/pages/blank.html?next";
    });
    await page.waitForURL(/\?next$/);
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    const p = await profile(page);
    expect(p.cartAdds).toBe(1);
    expect(p.engagedSeconds).toBeGreaterThanOrEqual(2);
    expect(p.pageViews).toBe(2);
    expect(page.errors).toEqual([]);
  });

  it("gives exact counts when 4 tabs write 250 events each", async () => {
    const context = await h.context();
    // One fake clock for the whole context: 10 events per tab per simulated second stays
    // within the rate limit, so every one of the 1,000 events must be counted.
    await context.clock.install();
    const tabs = await Promise.all([0, 1, 2, 3].map(() => h.page(context)));
    await Promise.all(tabs.map((tab) => ready(tab)));
    for (let batch = 0; batch < 25; batch++) {
      await Promise.all(
        tabs.map((tab, t) =>
          tab.evaluate(({ t, batch }) => {
            for (let i = 0; i < 10; i++) (window as any).__sk.track("add_to_cart", { items: [{ id: `t${t}-${batch}-${i}`, quantity: 1 }] });
          }, { t, batch }),
        ),
      );
      await context.clock.runFor(1_000);
    }
    await Promise.all(tabs.map(flush));
    const fresh = await h.page(context);
    await ready(fresh);
    expect((await profile(fresh)).cartAdds).toBe(1000);
    for (const tab of [...tabs, fresh]) expect(tab.errors).toEqual([]);
  });

  it("keeps the last events of two tabs closed in the same instant", async () => {
    const context = await h.context();
    const [a, b] = await Promise.all([h.page(context), h.page(context)]);
    await Promise.all([ready(a), ready(b)]);
    // Each tab has written its page view and read the other's: the next write of each waits for the 2 s throttle.
    for (const tab of [a, b]) await tab.waitForFunction(() => (window as any).__sk.profile().pageViews == 2);
    await Promise.all(
      [a, b].map((tab, t) => tab.evaluate((t) => (window as any).__sk.track("add_to_cart", { items: [{ id: `from-${t}`, quantity: 1 }] }), t)),
    );
    const closed = Promise.all([a.waitForEvent("close"), b.waitForEvent("close")]);
    await Promise.all([a.close({ runBeforeUnload: true }), b.close({ runBeforeUnload: true })]);
    await closed;
    const next = await h.page(context);
    await ready(next);
    const p = await profile(next);
    expect([p.pageViews, p.cartAdds, p.cart.map((c: any) => c.id).sort()]).toEqual([3, 2, ["from-0", "from-1"]]);
    expect([...a.errors, ...b.errors, ...next.errors]).toEqual([]);
  });

  it("touches no storage while consent is pending, and persists once granted", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await ready(page, "/tests/browser/pages/pending.html");
    await page.evaluate(() => (window as any).__sk.track("view_item", { items: [{ id: "p9", title: "Stove" }] }));
    await page.waitForTimeout(300);
    expect(await databases(page)).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([0, 0, ""]);
    expect(await page.evaluate(() => (window as any).__sk.storage())).not.toBe("idb");

    await page.evaluate(() => (window as any).__sk.consent("granted"));
    await flush(page);
    expect(await databases(page)).toContain("shopkeeper");
    const later = await h.page(context);
    await ready(later);
    expect((await profile(later)).viewed.map((v: any) => v.id)).toEqual(["p9"]);
    expect([...page.errors, ...later.errors]).toEqual([]);
  });

  it("leaves nothing behind after forget()", async () => {
    const page = await h.page();
    await ready(page);
    await page.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "x", quantity: 1 }] }));
    await flush(page);
    await page.evaluate(() => (window as any).__sk.forget());
    expect(await databases(page)).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, document.cookie])).toEqual([0, ""]);
    const p = await profile(page);
    expect([p.cart, p.cartAdds, p.pageViews]).toEqual([[], 0, 0]);
    expect(page.errors).toEqual([]);
  });

  it("degrades to memory with one warning when the quota is exceeded", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await page.goto(h.url + "/tests/browser/pages/empty.html");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: h.url, quotaSize: 1 });
    await ready(page);
    await page.evaluate(() => {
      for (let i = 0; i < 50; i++) (window as any).__sk.track("view_item", { items: [{ id: `big-${i}`, title: "x".repeat(200) }] });
    });
    await flush(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as any).__sk.storage())).toBe("memory");
    expect((await profile(page)).productViews).toBe(50);
    expect(storageWarnings(page)).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });

  it("runs in memory with one warning when IndexedDB is refused, and still fills the page", async () => {
    const page = await h.page();
    // As in old private modes, webviews and browsers with IndexedDB switched off.
    await page.addInitScript(() =>
      Object.defineProperty(window, "indexedDB", {
        configurable: true,
        get() {
          throw new DOMException("The user denied permission to access the database.", "SecurityError");
        },
      }),
    );
    await ready(page, WIDGETS);
    await page.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "x", quantity: 1 }] }));
    await flush(page);
    await page.locator("#recs [part=card]").first().waitFor();
    expect([await page.evaluate(() => (window as any).__sk.storage()), (await profile(page)).cartAdds]).toEqual(["memory", 1]);
    expect(storageWarnings(page)).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });

  it("gives up on an IndexedDB open() that never settles after 3 s, and renders the shelf from memory", async () => {
    const page = await h.page();
    // Safari 14's hang (https://bugs.webkit.org/show_bug.cgi?id=226547): no success, no error.
    await page.addInitScript(() => (IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest));
    const start = Date.now();
    await ready(page, WIDGETS);
    const waited = Date.now() - start;
    await page.locator("#recs [part=card]").first().waitFor();
    expect(await page.evaluate(() => (window as any).__sk.storage())).toBe("memory");
    expect(waited).toBeGreaterThanOrEqual(2500);
    expect(storageWarnings(page)).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });

  it("starts a new profile, without errors, when the visitor clears the site's data mid-visit", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await ready(page);
    await page.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "before", quantity: 1 }] }));
    await flush(page);
    const before = (await profile(page)).id;
    // What DevTools' "Clear site data" and the browser's own settings do: our connection is closed under us.
    await (await context.newCDPSession(page)).send("Storage.clearDataForOrigin", { origin: h.url, storageTypes: "indexeddb" });
    await page.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "after", quantity: 1 }] }));
    await flush(page);
    const wiped = await profile(page);
    await page.reload();
    await ready(page);
    const reloaded = await profile(page);
    // The erased profile is not written back: only what happened since, under a new id.
    expect([wiped.cart.map((c: any) => c.id), wiped.id == before]).toEqual([["after"], false]);
    expect([reloaded.cart.map((c: any) => c.id), reloaded.id]).toEqual([["after"], wiped.id]);
    expect(await page.evaluate(() => (window as any).__sk.storage())).toBe("idb");
    expect(page.warnings.filter((w) => w.includes("[shopkeeper]"))).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it("writes again after the page was frozen and resumed", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await ready(page);
    await flush(page);
    // What a browser does to a tab in the background for a while (https://developer.chrome.com/docs/web-platform/page-lifecycle-api).
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
    await page.waitForTimeout(1000);
    await cdp.send("Page.setWebLifecycleState", { state: "active" });
    await page.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "resumed", quantity: 1 }] }));
    await flush(page);
    await page.reload();
    await ready(page);
    expect((await profile(page)).cart.map((c: any) => c.id)).toEqual(["resumed"]);
    expect(await page.evaluate(() => (window as any).__sk.storage())).toBe("idb");
    expect(page.errors).toEqual([]);
  });

  it("forget() in one tab stops another that keeps tracking: nothing comes back after both reload", async () => {
    const context = await h.context();
    const [a, b] = await Promise.all([h.page(context), h.page(context)]);
    await Promise.all([ready(a), ready(b)]);
    await b.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "old", quantity: 1 }] }));
    await flush(b);
    // Tab B keeps adding to its cart while tab A forgets, and after.
    await b.evaluate(() => {
      let n = 0;
      (window as any).__loop = setInterval(() => (window as any).__sk.track("add_to_cart", { items: [{ id: `loop-${n++}`, quantity: 1 }] }), 20);
    });
    await a.evaluate(() => (window as any).__sk.forget());
    await b.waitForTimeout(500);
    // B heard: its memory was reset (it goes on learning there, but stores nothing more).
    expect((await profile(b)).cart.map((c: any) => c.id)).not.toContain("old");
    await b.evaluate(() => clearInterval((window as any).__loop));
    await flush(b);
    expect(await databases(a)).toEqual([]);
    for (const tab of [a, b]) {
      await tab.reload();
      await ready(tab);
    }
    for (const tab of [a, b]) expect((await profile(tab)).cart).toEqual([]);
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("steps aside at once when another script upgrades its database, then writes again", async () => {
    const page = await h.page();
    await ready(page);
    await flush(page);
    // Our open connection must close on versionchange, or the other script's open stays blocked.
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const request = indexedDB.open("shopkeeper", 99);
          request.onblocked = () => resolve("blocked");
          request.onsuccess = () => (request.result.close(), resolve("opened"));
          request.onerror = () => resolve("error");
        }),
    );
    await page.evaluate(() => (window as any).__sk.track("add_to_cart", { items: [{ id: "after-upgrade", quantity: 1 }] }));
    await flush(page);
    await page.reload();
    await ready(page);
    expect([outcome, (await profile(page)).cart.map((c: any) => c.id), await page.evaluate(() => (window as any).__sk.storage())]).toEqual(["opened", ["after-upgrade"], "idb"]);
    expect(page.errors).toEqual([]);
  });
});