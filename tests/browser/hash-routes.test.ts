import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();
const PAGE = "/tests/browser/pages/hash-app.html";

/** The page types of the page views the dataLayer received (an outgoing path carries no fragment). */
const pushedTypes = (page: TrackedPage) =>
  page.evaluate(() => (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_page_view").map((e: any) => e.shopkeeper.page_type));

/** Moves the hash as a router (or an in-page link) does, and waits until the page has handled it. */
const go = (page: TrackedPage, hash: string) =>
  page.evaluate(
    (hash) => new Promise((ok) => (addEventListener("hashchange", () => setTimeout(ok), { once: true }), (location.hash = hash))),
    hash,
  );

describe("hash-routed single-page app", () => {
  it("counts each hash route as a page view typed by its route, and an in-page anchor as none", async () => {
    const page = await h.page();
    await page.goto(h.url + PAGE + "#/");
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    await go(page, "#/cart");
    await go(page, "#/products/x");
    await go(page, "#reviews");
    await go(page, "#/products/x");
    await go(page, "#/checkout");
    await page.waitForFunction(() => (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_page_view").length >= 4);
    // Heard on the page as "<route> <pageType>", and in the dataLayer by their type.
    expect(await page.evaluate(() => (window as any).__views)).toEqual(["#/ home", "#/cart cart", "#/products/x product", "#/checkout checkout"]);
    expect(await pushedTypes(page)).toEqual(["home", "cart", "product", "checkout"]);
    const p = await page.evaluate(() => (window as any).__sk.profile());
    expect([p.pageViews, p.session.pageViews]).toEqual([4, 4]);
    expect(page.errors).toEqual([]);
  });

  it("counts routes a hash router changes with pushState (no hashchange), once each, and a return through Back", async () => {
    const page = await h.page();
    await page.goto(h.url + PAGE + "#/");
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    // As Vue Router's and React Router's hash histories do.
    for (const hash of ["#/products/y", "#/cart?step=2", "#!/search?q=boots"]) await page.evaluate((hash) => history.pushState({}, "", hash), hash);
    await go(page, "#top");
    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => (window as any).__views.length >= 5);
    // The anchor (#top) and Back to the route it sat on count nothing; Back to #/cart is a view again.
    expect(await page.evaluate(() => (window as any).__views)).toEqual(["#/ home", "#/products/y product", "#/cart cart", "#!/search search", "#/cart cart"]);
    expect(await pushedTypes(page)).toEqual(["home", "product", "cart", "search", "cart"]);
    expect(page.errors).toEqual([]);
  });
});
