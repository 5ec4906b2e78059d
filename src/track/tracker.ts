import type { EcommerceProps, EventItem, EventMap, EventName, Product } from "../types";
import { extractPage, type PageExtract } from "./extract/index";
import { attempt } from "../log";
import { createDwell } from "./dwell";
import { getPageType } from "./page-type";
import { titleOf, watchPageViews } from "./page-views";
import { watchDataLayer } from "./datalayer";
import { listen, stopAll } from "./listen";
import { compact } from "../compact";

/** Options of `startTracker`. */
export interface TrackerOptions {
  /** Idle window of engaged time, ms. */
  idleTimeout: number;
  emit: <N extends EventName>(name: N, props: EventMap[N]) => void;
  /** Reads the page's products; the markup extractor by default. */
  extract?: typeof extractPage;
}

/** A running tracker. */
export interface Tracker {
  /** Removes every listener and timer the tracker added. */
  stop(): void;
  /** The current page's own product (none or one). */
  pageProducts(): Product[];
  /** Emits the engaged time gathered on this page so far, in whole seconds. */
  flush(): void;
}

/**
 * Starts automatic tracking once the document is parsed: `page_view` for every view (SPA
 * navigations included, read a task after the URL changes, then again with growing pauses for
 * about 13 s while the page has not shown its own product), `view_item` for the page's own
 * product and `view_item_list` for the others it shows, each product once per page view,
 * `dwell` with engaged seconds when the page is hidden or left, and the ecommerce events the
 * page pushes to its `dataLayer`. A product seen in the markup and again in a dataLayer
 * `view_item` is emitted once per page view, when both name it by the same id, sku, address,
 * group or variant id, or title; a dataLayer `view_item` pushed up to 2 s before an SPA navigation
 * counts for the page it leads to.
 * @example const tracker = startTracker(window, { idleTimeout: 30_000, emit: (name, props) => console.log(name, props) });
 */
export const startTracker = (win: Window, options: TrackerOptions): Tracker => {
  const { emit, extract = extractPage } = options;
  const doc = win.document;
  const dwell = createDwell(win, { idleTimeout: options.idleTimeout });
  let path: string | undefined;
  let productId: string | undefined;
  let products: Product[] = [];
  // Ids (and SKUs) already sent as `view_item` and as `view_item_list` during this page view.
  let sent: Record<string, Set<string>> = {};
  // The keys of the last dataLayer `view_item` and when it came: an SPA may push the next
  // product's view just before its pushState, and that view belongs to the page it leads to.
  let told: string[] = [];
  let toldAt = 0;
  let carry = 0;
  // The ids the page showed at its last reading: right after an SPA navigation the router may not
  // have rendered the new page yet, and the old markup is no news.
  let shown: string | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const stops = [dwell.stop, () => clearTimeout(retry)];

  const flush = () => {
    carry += dwell.take();
    // Whole seconds go out; the rest waits for the next flush of the same page.
    const seconds = Math.round(carry / 1000);
    if (path === undefined || seconds < 1) return;
    carry -= seconds * 1000;
    emit("dwell", compact({ path, seconds, productId }));
  };

  const viewItems = (name: "view_item" | "view_item_list", props: EcommerceProps, pushed?: boolean) => {
    const ids = (sent[name] ??= new Set());
    // The markup names the page's product by its sku or address, a GA4 tag by the platform's
    // product or variant id: a viewed product is also known by those and by its title. Listed
    // products are told apart by id and sku alone (a list may show two colours of one group).
    const keys = (p: EventItem) => [p.id, p.sku, ...(name == "view_item" ? [p.url, p.groupId, ...(p.variantIds ?? []), p.title && "\0" + p.title.toLowerCase()] : [])];
    const items = props.items.filter((p) => !keys(p).some((k) => ids.has(k!)));
    if (pushed) (told = []), (toldAt = win.performance.now());
    for (const p of items) keys(p).forEach((k) => k && (ids.add(k), pushed && told.push(k)));
    if (items.length) emit(name, { ...props, items });
  };

  // Markup the same as at the last reading is no news; `fresh` (a first view, a restore) reads it all.
  const read = (fresh?: boolean): PageExtract => {
    const none = { products: [], list: [] };
    const found = attempt("extract", () => extract(doc, win.location.href, win as { ShopifyAnalytics?: unknown }), none);
    const ids = [found.products, found.list].map((ps) => ps.map((p) => p.id)).join("|");
    if (!fresh && ids == shown) return none;
    shown = ids;
    products = found.products;
    productId = products.length == 1 ? products[0]!.id : undefined;
    return found;
  };

  const show = (found: PageExtract) => {
    viewItems("view_item", { items: found.products });
    viewItems("view_item_list", { items: found.list });
  };

  const start = () => {
    stops.push(
      watchPageViews(win, (view) => {
        // Another path after the first view is an SPA navigation; the same path again, a restore.
        const navigated = path !== undefined && view.path != path;
        flush();
        carry = 0;
        // A router that loads the next route first may take a moment to change the URL.
        sent = { view_item: new Set(win.performance.now() - toldAt < 2000 ? told.splice(0) : []) };
        clearTimeout(retry);
        path = view.path;
        products = [];
        productId = undefined;
        // A slow render (a lazy route, data loading, a client-rendered first load) shows its product
        // later: look again at 0.1, 0.2, 0.4 ... 6.4 s until the page's own product is there.
        let wait = 50;
        const again = () => {
          if (!products.length && (wait *= 2) <= 6400) retry = setTimeout(() => (show(read()), again()), wait);
        };
        const open = () => {
          const found = read(!navigated);
          const hasProducts = found.products.length > 0;
          const hasList = found.list.length > 0;
          const pageType = getPageType(new URL(win.location.href), hasProducts, hasList);
          emit("page_view", compact<EventMap["page_view"]>({ ...view, title: titleOf(doc, pageType), pageType }));
          show(found);
          again();
        };
        // A router changes the URL first and renders the new page (and title) after: read it a task later.
        if (navigated) retry = setTimeout(open);
        else open();
      }),
      watchDataLayer(win, (name, props) => (name == "view_item" ? viewItems(name, props, true) : emit(name, props))),
      listen(doc, "visibilitychange", () => doc.visibilityState == "hidden" && flush()),
      listen(win, "pagehide", flush),
      // Shopify themes announce quick views and variant changes with this event.
      listen(doc, "shopify:product:view", () => viewItems("view_item", { items: read(true).products })),
    );
  };

  if (doc.readyState == "loading") stops.push(listen(doc, "DOMContentLoaded", start, { once: true }));
  else start();

  return {
    stop: stopAll(stops),
    pageProducts: () => products,
    flush,
  };
};
