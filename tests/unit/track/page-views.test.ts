import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EventMap } from "../../../src/types";
import { watchPageViews } from "../../../src/track/page-views";

type View = EventMap["page_view"];

let stop = () => {};
afterEach(() => {
  stop();
  delete (document as { prerendering?: boolean }).prerendering;
  delete (document as { referrer?: string }).referrer;
});
beforeEach(() => {
  history.replaceState(null, "", "/start");
  document.title = "Start";
});

/** Moves the location the way a back/forward navigation does: without calling the history API. */
const navigate = (path: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(location.origin + path);
/** A hash link followed: the URL changes, then the browser fires `hashchange`. */
const followHash = (path: string) => (navigate(path), window.dispatchEvent(new HashChangeEvent("hashchange")));

// happy-dom has no PageTransitionEvent.
const pageshow = (persisted: boolean) => Object.assign(new Event("pageshow"), { persisted });

function watch() {
  const views: View[] = [];
  stop = watchPageViews(window, (view) => views.push(view));
  return views;
}

describe("watchPageViews", () => {
  it("records the first view with its path, title and page type", () => {
    history.replaceState(null, "", "/products/trail-runner");
    document.title = "Trail Runner";
    expect(watch()).toEqual([{ path: "/products/trail-runner", title: "Trail Runner", pageType: "product" }]);
  });

  it("keeps utm parameters and drops the rest of the query string", () => {
    history.replaceState(null, "", "/collections/shoes?utm_source=news&utm_campaign=spring&sort=price&email=a%40b.c");
    const [view] = watch();
    expect(view!.path).toBe("/collections/shoes");
    expect(view!.utm).toEqual({ utm_source: "news", utm_campaign: "spring" });
    expect(JSON.stringify(view)).not.toContain("email");
  });

  it("leaves out the title of a search page, which repeats the visitor's query", () => {
    history.replaceState(null, "", "/search?q=jane%40x.com");
    document.title = 'Search: 3 results found for "jane@x.com"';
    const views = watch();
    document.title = "Shoes";
    history.pushState(null, "", "/collections/shoes");
    history.pushState(null, "", "/catalogsearch/result/?q=boots");
    expect(views).toEqual([
      { path: "/search", pageType: "search" },
      { path: "/collections/shoes", title: "Shoes", pageType: "category" },
      { path: "/catalogsearch/result/", pageType: "search" },
    ]);
  });

  it("gives the first view the referring site's host, and none to its own site", () => {
    Object.defineProperty(document, "referrer", { configurable: true, value: "https://www.google.com/search?q=boots" });
    const views = watch();
    history.pushState(null, "", "/next");
    expect(views[0]!.referrer).toBe("www.google.com");
    expect(views[1]).not.toHaveProperty("referrer");
  });

  it("leaves out a referrer from the same site", () => {
    Object.defineProperty(document, "referrer", { configurable: true, value: `${location.origin}/home` });
    expect(watch()[0]).not.toHaveProperty("referrer");
  });

  it("counts pushState and replaceState only when the path changes", () => {
    const views = watch();
    history.pushState(null, "", "/start?sort=price");
    history.replaceState(null, "", "/start#reviews");
    history.pushState(null, "", "/cart");
    history.replaceState(null, "", "/cart?step=2");
    expect(views.map((v) => v.path)).toEqual(["/start", "/cart"]);
    expect(views[1]!.pageType).toBe("cart");
  });

  it("counts a popstate that lands on another path", () => {
    const views = watch();
    history.pushState(null, "", "/a");
    navigate("/start");
    window.dispatchEvent(new PopStateEvent("popstate"));
    navigate("/start?x=1");
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(views.map((v) => v.path)).toEqual(["/start", "/a", "/start"]);
  });

  it("counts a hashchange to another hash route, not an in-page anchor", () => {
    const views = watch();
    followHash("/start#/cart");
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    expect(views.map((v) => v.path)).toEqual(["/start", "/start#/cart"]);
    followHash("/start#!/products/x");
    expect(views.map((v) => v.path)).toEqual(["/start", "/start#/cart", "/start#!/products/x"]);
  });

  it("types a hash route's view by its route", () => {
    const views = watch();
    followHash("/start#/cart");
    followHash("/start#!/products/x");
    followHash("/start#/checkout");
    followHash("/start#/search?q=boots");
    expect(views.map((v) => [v.path, v.pageType])).toEqual([
      ["/start", "other"],
      ["/start#/cart", "cart"],
      ["/start#!/products/x", "product"],
      ["/start#/checkout", "checkout"],
      ["/start#/search", "search"],
    ]);
  });

  it("drops the query string of a hash route, and does not count a change of it", () => {
    const views = watch();
    followHash("/start#/search?q=jane%40x.com");
    followHash("/start#/search?q=jane%40x.com&page=2");
    expect(views.map((v) => v.path)).toEqual(["/start", "/start#/search"]);
  });

  it("does not count an in-page anchor inside a hash route, nor the way back to the route", () => {
    const views = watch();
    followHash("/start#/products/x");
    followHash("/start#reviews");
    followHash("/start#/products/x");
    expect(views.map((v) => v.path)).toEqual(["/start", "/start#/products/x"]);
  });

  it("does not count an in-page anchor", () => {
    const views = watch();
    followHash("/start#reviews");
    expect(views).toHaveLength(1);
  });

  it("counts a back/forward-cache restore as a new view of the same path", () => {
    const views = watch();
    window.dispatchEvent(pageshow(false));
    window.dispatchEvent(pageshow(true));
    expect(views.map((v) => v.path)).toEqual(["/start", "/start"]);
  });

  it("waits for a prerendered page to be activated", () => {
    Object.defineProperty(document, "prerendering", { configurable: true, value: true });
    const views = watch();
    expect(views).toHaveLength(0);
    Object.defineProperty(document, "prerendering", { configurable: true, value: false });
    document.dispatchEvent(new Event("prerenderingchange"));
    expect(views.map((v) => v.path)).toEqual(["/start"]);
  });

  it("stops counting once stopped", () => {
    const views = watch();
    stop();
    history.pushState(null, "", "/later");
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(views).toHaveLength(1);
  });
});
