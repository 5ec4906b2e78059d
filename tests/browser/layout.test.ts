import { describe, expect, it } from "vitest";
import { useBrowser, widgetsPage } from "./harness";

// The feed answers only when the test lets it, so the shelf's placeholders can be measured first.
let release = () => {};
const FEED = {
  products: [
    { id: "a", title: "Merino beanie with a name long enough to need more than the two lines a card gives it", url: "/p/a", image: "/demo/img/sk-001.svg", price: 19, compareAtPrice: 29, currency: "USD", popularity: 90 },
    { id: "b", title: "Tent", url: "/p/b", price: 329, currency: "USD", popularity: 80 },
    { id: "c", title: "Stove", url: "javascript:alert(1)", image: "/demo/img/sk-003.svg", price: 24, currency: "EUR", popularity: 70 },
    { id: "d", title: "Trail sock", url: "/p/d", image: "/demo/img/sk-004.svg", price: 1234567.5, currency: "PKR", popularity: 60 },
  ],
};

// One word wider than a card: a model number, a name without spaces.
const LONG = { id: "l", title: "UltralightMerinoWoolBeanieCharcoalGreyLimitedEditionForWinter2024", url: "/p/l", price: 19, currency: "USD", popularity: 90 };

const h = useBrowser({
  "/layout/widgets.html": widgetsPage(
    ['data-catalog="/demo/catalog.json"', 'data-catalog="/layout/feed.json"'],
    // A reason too long for one line in English; Urdu and Arabic keep their short one.
    ["window.dataLayer = [];", 'shopkeeper("config", { strings: { en: { "reason.popular": "Popular with visitors who came from far away, three lines or more on a phone" } } }); window.dataLayer = [];'],
  ),
  "/layout/long.html": widgetsPage(['data-catalog="/demo/catalog.json"', 'data-catalog="/layout/long.json"']),
  "/layout/long.json": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ products: [LONG] })),
  // The page's own queue, and a note each time a widget renders into the page (the survey widget's
  // check for shadow-root support uses a detached element): still the stub (its `q`) means the
  // queue has not run yet.
  "/layout/queue.html": widgetsPage(
    ['data-catalog="/demo/catalog.json"', 'data-catalog="/layout/feed.json"'],
    [
      "window.dataLayer = [];",
      `window.__log = [];
      shopkeeper("on", "add_to_cart", function (e) { __log.push(e.name + " " + e.props.items[0].id); });
      shopkeeper("on", "page_view", function (e) { __log.push(e.name); });
      shopkeeper("track", "add_to_cart", { id: "queued-1" });
      shopkeeper("track", "add_to_cart", { id: "queued-2" });
      var attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) { if (this.isConnected) __log.push("render " + this.id + (shopkeeper.q ? " before the queue" : "")); return attach.call(this, init); };
      window.dataLayer = [];`,
    ],
  ),
  "/layout/feed.json": async (_req, res) => {
    await new Promise<void>((resolve) => (release = resolve));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(FEED));
  },
});

describe("layout", () => {
  for (const [lang, width] of [["en", 1280], ["ur", 1280], ["en", 390], ["ar", 390]] as const) {
    it(`the shelf's placeholders hold the height its cards take: nothing below moves (${lang}, ${width} px wide)`, async () => {
      const page = await h.page(await h.context({ viewport: { width, height: 900 } }));
      await page.goto(`${h.url}/layout/widgets.html${lang == "en" ? "" : "?lang=" + lang}`);
      await page.locator("#recs .k").first().waitFor();
      // Layout shifts from here on move what the visitor is already looking at.
      await page.evaluate(() => {
        const w = window as any;
        w.__shift = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e: any) => (w.__shift += e.value))).observe({ type: "layout-shift" });
      });
      const below = () => page.locator("#channels").evaluate((el) => el.getBoundingClientRect().top);
      const before = await below();
      release();
      await page.locator("#recs [part=card]").first().waitFor();
      // Card images are lazy: let them arrive before measuring.
      await page.waitForFunction(() => [...document.querySelector("#recs")!.shadowRoot!.querySelectorAll("img")].every((img) => img.complete));
      expect(await page.locator("#recs [part=card]").count()).toBe(4);
      expect(await below()).toBe(before);
      expect(await page.evaluate(() => (window as any).__shift)).toBe(0);
      expect(page.errors).toEqual([]);
    });
  }

  it("wraps a title of one long word inside its card, ending in an ellipsis, not cut at the card's edge", async () => {
    const page = await h.page(await h.context({ viewport: { width: 390, height: 900 } }));
    await page.goto(`${h.url}/layout/long.html`);
    const title = page.locator("#recs [part=card] .t");
    await title.waitFor();
    expect(await title.evaluate((el) => [el.scrollWidth <= el.clientWidth, el.scrollHeight > el.clientHeight])).toEqual([true, true]);
    expect(page.errors).toEqual([]);
  });
});

describe("the script tag's start", () => {
  it("runs the queued commands first, then fills every slot, the shelf with placeholders while the feed loads", async () => {
    const page = await h.page();
    await page.goto(`${h.url}/layout/queue.html`);
    await page.locator("#recs .k").first().waitFor();
    expect(await page.locator("#recs .k").count()).toBe(4);
    await page.waitForFunction(() => (window as any).__log.includes("page_view") && (window as any).__log.filter((l: string) => l.startsWith("render")).length == 3);
    const log: string[] = await page.evaluate(() => (window as any).__log);
    expect(log.filter((l) => l.startsWith("render"))).toEqual(["render recs", "render channels", "render prefs"]);
    expect(log.filter((l) => !l.startsWith("render"))).toEqual(["add_to_cart queued-1", "add_to_cart queued-2", "page_view"]);
    release();
    await page.locator("#recs [part=card]").first().waitFor();
    expect(page.errors).toEqual([]);
  });
});
