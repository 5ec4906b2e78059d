import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { useBrowser, widgetsPage, type TrackedPage } from "./harness";

const FEED = {
  products: ["a", "b", "c", "d"].map((id, k) => ({ id, title: "Product " + id, url: "/p/" + id, image: "/demo/img/sk-00" + (k + 1) + ".svg", price: 10 + k, currency: "USD", popularity: 90 - k })),
};

// The widgets page with its shelf a screen and more below the top, fed four products whose links
// lead to a page of the same shop.
const h = useBrowser({
  "/shelf/widgets.html": widgetsPage(
    ['data-catalog="/demo/catalog.json"', 'data-catalog="/shelf/feed.json"'],
    ['<div id="recs"', '<div id="spacer" style="height: 1500px"></div><div id="recs"'],
  ),
  "/shelf/feed.json": (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(FEED)),
  "/p/a": (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(readFileSync("tests/browser/pages/blank.html")),
});

const impressions = (page: TrackedPage) =>
  page.evaluate(() => (window as any).dataLayer.filter((e: any) => e.event == "shopkeeper_recommendation_impression").map((e: any) => [e.shopkeeper.product_id, e.shopkeeper.position]));

/** Scrolls so that `share` of the first card's height is inside the viewport, from the bottom edge. */
const showFirstCard = (page: TrackedPage, share: number) =>
  page.evaluate((share) => {
    const card = document.querySelector("#recs")!.shadowRoot!.querySelector("[part=card]")!.getBoundingClientRect();
    scrollBy(0, card.top - innerHeight + card.height * share);
  }, share);

describe("shelf events in real Chromium", () => {
  it("counts an impression once half a card was visible for a second, once per card", async () => {
    const page = await h.page(await h.context({ viewport: { width: 1280, height: 700 } }));
    await page.goto(`${h.url}/shelf/widgets.html`);
    await page.locator("#recs [part=card]").first().waitFor({ state: "attached" });
    // Below the fold: nothing.
    await page.waitForTimeout(1500);
    expect(await impressions(page)).toEqual([]);
    // A third of the first row: still nothing.
    await showFirstCard(page, 0.3);
    await page.waitForTimeout(1500);
    expect(await impressions(page)).toEqual([]);
    // Seen for less than a second, then gone: nothing.
    await showFirstCard(page, 1);
    await page.waitForTimeout(300);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(1500);
    expect(await impressions(page)).toEqual([]);
    // The whole row for a second: each card once, in its position; seeing them again adds nothing.
    await showFirstCard(page, 1);
    await page.waitForFunction(() => (window as any).dataLayer.filter((e: any) => e.event == "shopkeeper_recommendation_impression").length == 4);
    await page.evaluate(() => scrollTo(0, 0));
    await showFirstCard(page, 1);
    await page.waitForTimeout(1500);
    const seen = await impressions(page);
    expect(seen.map(([, position]: [string, number]) => position).sort()).toEqual([1, 2, 3, 4]);
    expect(new Set(seen.map(([id]: [string]) => id))).toEqual(new Set(["a", "b", "c", "d"]));
    expect(page.errors).toEqual([]);
  });

  it("records a click before the link navigates away", async () => {
    const context = await h.context();
    const page = await h.page(context);
    await page.goto(`${h.url}/shelf/widgets.html`);
    const card = page.locator('#recs [part=card][data-id="a"] [part=link]');
    await card.scrollIntoViewIfNeeded();
    await Promise.all([page.waitForURL("**/p/a"), card.click()]);
    // The next page of the shop reads what the last one stored.
    await page.waitForFunction(() => (window as any).__sk);
    const events = await page.evaluate(async () => (await (window as any).__sk.export()).events);
    const clicks = events.filter((e: any) => e.name == "recommendation_click");
    expect(clicks.map((e: any) => e.props)).toEqual([{ productId: "a", strategy: "trending", position: 1 }]);
    expect(page.errors).toEqual([]);
  });
});
