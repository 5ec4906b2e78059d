import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventMap, EventName, Product } from "../../../src/types";
import { startTracker, type Tracker } from "../../../src/track/tracker";

type Emitted = [EventName, unknown];
type Page = { products: Product[]; list: Product[] };

let t = 0;
let tracker: Tracker | undefined;
let emitted: Emitted[] = [];
let page: Page = { products: [], list: [] };
const extract = vi.fn(() => page);
const host = window as Window & { dataLayer?: unknown[] };

const boot: Product = { id: "boot-1", sku: "SKU-B1", title: "Alpine Boot", url: "https://shop.example/products/alpine-boot", price: 189 };
const sock: Product = { id: "sock-1", title: "Wool Sock", url: "https://shop.example/products/wool-sock" };

function start(fromMarkup = false) {
  tracker = startTracker(window, {
    idleTimeout: 30_000,
    emit: <N extends EventName>(name: N, props: EventMap[N]) => void emitted.push([name, props]),
    ...(fromMarkup ? {} : { extract }),
  });
  return tracker;
}
/** Puts markup into the page, for the real extractor. */
const markup = (html: string) => document.body.replaceChildren(...new DOMParser().parseFromString(html, "text/html").body.childNodes);
const cards = (n: number) =>
  Array.from({ length: n }, (_, i) => `<div itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="/products/r${i}"><span itemprop="name">R${i}</span></a><meta itemprop="sku" content="R${i}"></div>`).join("");
const names = () => emitted.map(([name]) => name);
const of = <N extends EventName>(name: N) => emitted.filter(([n]) => n == name).map(([, props]) => props as EventMap[N]);
function setVisible(visible: boolean) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (visible ? "visible" : "hidden") });
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeEach(() => {
  vi.useFakeTimers();
  t = 0;
  vi.spyOn(performance, "now").mockImplementation(() => t);
  vi.spyOn(document, "hasFocus").mockReturnValue(true);
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
  history.replaceState(null, "", "/products/alpine-boot");
  document.title = "Alpine Boot";
  emitted = [];
  page = { products: [boot], list: [sock] };
  extract.mockClear();
});
afterEach(() => {
  tracker?.stop();
  vi.useRealTimers();
  delete host.dataLayer;
  delete (document as { visibilityState?: string }).visibilityState;
  document.body.replaceChildren();
});

describe("startTracker", () => {
  it("emits the page view, then the page's product and its list", () => {
    start();
    expect(emitted).toEqual([
      ["page_view", { path: "/products/alpine-boot", title: "Alpine Boot", pageType: "product" }],
      ["view_item", { items: [boot] }],
      ["view_item_list", { items: [sock] }],
    ]);
    expect(extract).toHaveBeenCalledWith(document, location.href, window);
    expect(tracker!.pageProducts()).toEqual([boot]);
  });

  it("types the page from its markup", () => {
    history.replaceState(null, "", "/lookbook");
    page = { products: [], list: [sock] };
    start();
    expect(of("page_view")[0]!.pageType).toBe("category");
  });

  it("flushes the previous page's dwell with its product before the next page view", () => {
    start();
    t += 12_400;
    page = { products: [], list: [] };
    history.pushState(null, "", "/cart");
    vi.advanceTimersByTime(0);
    expect(names().slice(3)).toEqual(["dwell", "page_view"]);
    expect(of("dwell")).toEqual([{ path: "/products/alpine-boot", seconds: 12, productId: "boot-1" }]);
    expect(of("page_view")[1]!.pageType).toBe("cart");
  });

  it("names no product in the dwell of a page with several", () => {
    page = { products: [boot, sock], list: [] };
    start();
    t += 3_000;
    history.pushState(null, "", "/next");
    expect(of("dwell")).toEqual([{ path: "/products/alpine-boot", seconds: 3 }]);
  });

  it("looks for products once more a second after an SPA navigation that found none", () => {
    start();
    page = { products: [], list: [] };
    history.pushState(null, "", "/products/wool-sock");
    vi.advanceTimersByTime(0);
    expect(of("view_item")).toHaveLength(1);
    page = { products: [sock], list: [] };
    vi.advanceTimersByTime(1_000);
    expect(of("view_item")[1]).toEqual({ items: [sock] });
    vi.advanceTimersByTime(5_000);
    expect(extract).toHaveBeenCalledTimes(3);
    expect(tracker!.pageProducts()).toEqual([sock]);
  });

  it("keeps looking while a slow route renders, so a quick visitor's products land on their own pages", () => {
    const p10: Product = { id: "p10", title: "P10", url: "https://shop.example/p/10" };
    const p11: Product = { id: "p11", title: "P11", url: "https://shop.example/p/11" };
    start();
    // Each product page renders 300 ms after its URL; the visitor moves on after 800 ms.
    history.pushState(null, "", "/p/10");
    vi.advanceTimersByTime(300);
    page = { products: [p10], list: [] };
    vi.advanceTimersByTime(500);
    expect(tracker!.pageProducts()).toEqual([p10]);
    t += 800;
    history.pushState(null, "", "/p/11");
    vi.advanceTimersByTime(300);
    page = { products: [p11], list: [sock] };
    vi.advanceTimersByTime(500);
    expect(of("view_item").map((e) => e.items[0]!.id)).toEqual(["boot-1", "p10", "p11"]);
    expect(of("view_item_list").map((e) => e.items.map((p) => p.id))).toEqual([["sock-1"], ["sock-1"]]);
    expect(of("dwell").at(-1)).toMatchObject({ path: "/p/10", productId: "p10" });
    expect(tracker!.pageProducts()).toEqual([p11]);
    // Found: no more looks on this page.
    const calls = extract.mock.calls.length;
    vi.advanceTimersByTime(20_000);
    expect(extract.mock.calls.length).toBe(calls);
  });

  it("flushes dwell when the page is hidden and carries the part of a second", () => {
    start();
    t += 2_700;
    setVisible(false);
    setVisible(true);
    t += 1_000;
    setVisible(false);
    setVisible(true);
    t += 400;
    window.dispatchEvent(new Event("pagehide"));
    expect(of("dwell").map((d) => d.seconds)).toEqual([3, 1]);
    t += 900;
    tracker!.flush();
    expect(of("dwell").map((d) => d.seconds)).toEqual([3, 1, 1]);
  });

  it("emits nothing on hide when there was no engaged time", () => {
    start();
    setVisible(false);
    expect(of("dwell")).toEqual([]);
  });

  it("emits dataLayer events, without repeating a product the markup already showed", () => {
    host.dataLayer = [{ event: "view_item", ecommerce: { items: [{ item_id: "SKU-B1" }] } }];
    start();
    host.dataLayer.push({ event: "add_to_cart", ecommerce: { currency: "USD", items: [{ item_id: "boot-1", price: 189 }] } });
    host.dataLayer.push({ event: "view_item", ecommerce: { currency: "USD", items: [{ item_id: "other-9" }] } });
    expect(of("view_item")).toEqual([{ items: [boot] }, { currency: "USD", items: [{ id: "other-9", currency: "USD" }] }]);
    expect(of("add_to_cart")).toEqual([{ currency: "USD", items: [{ id: "boot-1", price: 189, currency: "USD" }] }]);
  });

  it("counts the page's product once when the dataLayer names it by another id", () => {
    // Markup names it by its sku, the theme's GA4 tag by the platform's numeric product id.
    markup(`<script type="application/ld+json">{"@type":"Product","sku":"SKU-B1","name":"Alpine Boot","offers":{"price":"189.00","priceCurrency":"USD"}}</script>${cards(2)}`);
    host.dataLayer = [{ event: "view_item", ecommerce: { currency: "USD", items: [{ item_id: "7012345678", item_name: "Alpine Boot", price: 189 }] } }];
    start(true);
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["SKU-B1"]]);
  });

  it("counts a Shopify page's product once when the dataLayer names its variant by the Google channel's offer id", () => {
    // Dawn's JSON-LD, Shopify's own meta (a variant's name is "Title - Variant title"), and a GTM
    // tag naming the item as the Google & YouTube channel's Merchant Center feed does.
    history.replaceState(null, "", "/products/ridge-trail-runner?variant=456");
    markup(`<script type="application/ld+json">{"@context":"http://schema.org/","@type":"Product","name":"Ridge Trail Runner","url":"https://shop.example/products/ridge-trail-runner","sku":"RTR-42-BLK","offers":[{"@type":"Offer","sku":"RTR-42-BLK","price":129.0,"priceCurrency":"USD","url":"https://shop.example/products/ridge-trail-runner?variant=456"}]}</script>`);
    const shop = window as Window & { ShopifyAnalytics?: unknown };
    shop.ShopifyAnalytics = { meta: { currency: "USD", product: { id: 123, vendor: "Ridge", type: "Shoes", variants: [{ id: 456, price: 12900, name: "Ridge Trail Runner - 42 / Black", public_title: "42 / Black", sku: "RTR-42-BLK" }] } } };
    host.dataLayer = [{ event: "view_item", ecommerce: { currency: "USD", items: [{ item_id: "shopify_US_123_456", item_name: "Ridge Trail Runner - 42 / Black", item_variant: "42 / Black", price: 129 }] } }];
    try {
      start(true);
    } finally {
      delete shop.ShopifyAnalytics;
    }
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["RTR-42-BLK"]]);
  });

  it("counts the page's product once when the dataLayer names it by the group or a variant id", () => {
    page = { products: [{ ...boot, groupId: "7012345678", variantIds: ["4401"] }], list: [] };
    host.dataLayer = [{ event: "view_item", ecommerce: { items: [{ item_id: "7012345678" }] } }];
    start();
    host.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "4401", item_name: "Alpine Boot - 42" }] } });
    expect(of("view_item")).toHaveLength(1);
  });

  it("counts the product once when the dataLayer tells of it before an SPA route renders it", () => {
    start();
    page = { products: [], list: [] };
    history.pushState(null, "", "/products/wool-sock");
    host.dataLayer = [{ event: "view_item", ecommerce: { items: [{ item_id: "9001", item_name: "Wool  sock" }] } }];
    vi.advanceTimersByTime(1_000);
    page = { products: [sock], list: [] };
    vi.advanceTimersByTime(1_000);
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["boot-1"], ["9001"]]);
  });

  it("counts the next product once when the SPA pushes its view_item just before its pushState", () => {
    host.dataLayer = [];
    start();
    t += 2_000;
    host.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "9001", item_name: "Wool Sock" }] } });
    history.pushState(null, "", "/products/wool-sock");
    page = { products: [sock], list: [] };
    vi.advanceTimersByTime(0);
    expect(of("page_view")).toHaveLength(2);
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["boot-1"], ["9001"]]);
    // Only the pushed product was counted ahead: the page it left counts again on a quick return.
    history.pushState(null, "", "/products/alpine-boot");
    page = { products: [boot], list: [] };
    vi.advanceTimersByTime(0);
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["boot-1"], ["9001"], ["boot-1"]]);
  });

  it("counts a product again on its own page when the visitor quick-viewed it a while before", () => {
    host.dataLayer = [];
    start();
    host.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "9001", item_name: "Wool Sock" }] } });
    t += 20_000;
    history.pushState(null, "", "/products/wool-sock");
    page = { products: [sock], list: [] };
    vi.advanceTimersByTime(0);
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["boot-1"], ["9001"], ["sock-1"]]);
  });

  it("still counts a quick view of another product on a product page", () => {
    host.dataLayer = [];
    start();
    host.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "9001", item_name: "Wool Sock" }] } });
    host.dataLayer.push({ event: "view_item", ecommerce: { items: [{ item_id: "9002", item_name: "Trail Gaiter" }] } });
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["boot-1"], ["9001"], ["9002"]]);
  });

  it("lets a product shown again on a later page view be emitted again", () => {
    start();
    history.pushState(null, "", "/products/wool-sock");
    page = { products: [sock], list: [] };
    vi.advanceTimersByTime(0);
    history.pushState(null, "", "/products/alpine-boot");
    page = { products: [boot], list: [sock] };
    vi.advanceTimersByTime(0);
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    expect(of("view_item").map((e) => e.items[0]!.id)).toEqual(["boot-1", "sock-1", "boot-1", "boot-1"]);
  });

  it("reads the new page a task after an SPA navigation, once the router has rendered it", () => {
    start();
    t += 2_000;
    history.pushState(null, "", "/products/wool-sock");
    // The router renders after changing the URL.
    page = { products: [sock], list: [] };
    document.title = "Wool Sock";
    expect(names()).toEqual(["page_view", "view_item", "view_item_list", "dwell"]);
    vi.advanceTimersByTime(0);
    expect(emitted.slice(4)).toEqual([
      ["page_view", { path: "/products/wool-sock", title: "Wool Sock", pageType: "product" }],
      ["view_item", { items: [sock] }],
    ]);
    t += 4_000;
    history.pushState(null, "", "/cart");
    expect(of("dwell")).toEqual([
      { path: "/products/alpine-boot", seconds: 2, productId: "boot-1" },
      { path: "/products/wool-sock", seconds: 4, productId: "sock-1" },
    ]);
  });

  it("does not take the previous page's markup for the new page's", () => {
    start();
    history.pushState(null, "", "/cart");
    document.title = "Your cart";
    vi.advanceTimersByTime(0);
    expect(of("page_view")[1]).toEqual({ path: "/cart", title: "Your cart", pageType: "cart" });
    expect(tracker!.pageProducts()).toEqual([]);
    // A slow render: the old product is still there a second later, then the cart shows.
    vi.advanceTimersByTime(1_000);
    page = { products: [], list: [] };
    t += 3_000;
    history.pushState(null, "", "/products/wool-sock");
    vi.advanceTimersByTime(0);
    page = { products: [sock], list: [] };
    vi.advanceTimersByTime(1_000);
    expect(of("view_item")).toEqual([{ items: [boot] }, { items: [sock] }]);
    expect(of("view_item_list")).toEqual([{ items: [sock] }]);
    expect(of("dwell")).toEqual([{ path: "/cart", seconds: 3 }]);
  });

  it("counts only the page's own product as viewed and lists the related ones", () => {
    markup(`<script type="application/ld+json">{"@type":"Product","sku":"SKU-B1","name":"Alpine Boot"}</script>${cards(4)}`);
    start(true);
    expect(of("page_view")[0]!.pageType).toBe("product");
    expect(of("view_item").map((e) => e.items.map((p) => p.id))).toEqual([["SKU-B1"]]);
    expect(of("view_item_list").map((e) => e.items.map((p) => p.id))).toEqual([["R0", "R1", "R2", "R3"]]);
    t += 3_000;
    history.pushState(null, "", "/collections/boots");
    markup(cards(6));
    vi.advanceTimersByTime(0);
    expect(of("dwell")).toEqual([{ path: "/products/alpine-boot", seconds: 3, productId: "SKU-B1" }]);
    expect(of("page_view")[1]!.pageType).toBe("category");
    expect(of("view_item")).toHaveLength(1);
    expect(of("view_item_list")[1]!.items).toHaveLength(6);
  });

  it("leaves the title out of a search page's view", () => {
    start();
    history.pushState(null, "", "/search?q=jane%40x.com");
    document.title = 'Search: 3 results found for "jane@x.com"';
    page = { products: [], list: [sock] };
    vi.advanceTimersByTime(0);
    expect(of("page_view")[1]).toEqual({ path: "/search", pageType: "search" });
  });

  it("re-reads the page on Shopify's product view event", () => {
    start();
    page = { products: [boot, sock], list: [] };
    document.dispatchEvent(new CustomEvent("shopify:product:view"));
    expect(of("view_item")).toEqual([{ items: [boot] }, { items: [sock] }]);
  });

  it("keeps tracking when the extractor throws", () => {
    extract.mockImplementationOnce(() => {
      throw new Error("broken markup");
    });
    start();
    expect(names()).toEqual(["page_view"]);
  });

  it("waits for the document to be parsed before the first view", () => {
    const state = vi.spyOn(document, "readyState", "get").mockReturnValue("loading");
    start();
    expect(emitted).toEqual([]);
    state.mockReturnValue("interactive");
    document.dispatchEvent(new Event("DOMContentLoaded"));
    expect(names()).toEqual(["page_view", "view_item", "view_item_list"]);
  });

  it("removes every listener when stopped", () => {
    host.dataLayer = [];
    start().stop();
    t += 5_000;
    history.pushState(null, "", "/elsewhere");
    window.dispatchEvent(new Event("pagehide"));
    setVisible(false);
    host.dataLayer.push({ event: "add_to_cart", ecommerce: { items: [{ item_id: "x" }] } });
    document.dispatchEvent(new CustomEvent("shopify:product:view"));
    vi.advanceTimersByTime(5_000);
    expect(names()).toEqual(["page_view", "view_item", "view_item_list"]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
