import type { EventMap, PageType } from "../types";
import { attempt } from "../log";
import { getPageType } from "./page-type";
import { onHistoryChange } from "./history";
import { listen, stopAll } from "./listen";
import { compact } from "../compact";

/** The title a view record keeps: none on a search page, whose title repeats the visitor's query. */
export const titleOf = (doc: Document, pageType: PageType): string | undefined => (pageType == "search" ? undefined : doc.title || undefined);

/**
 * Calls `onView` for the first view and for every later one, and returns the stop function.
 * A view is the load, a `pushState`/`replaceState` or `popstate` that changes the path, a
 * `hashchange` to another hash route, and a back/forward-cache restore. A prerendered page
 * counts only once the visitor activates it. The record keeps the path without its query
 * string (`utm_*` parameters go to `utm`), the title (see `titleOf`), the referrer's host when it
 * is another site (first view only), and the page type as the URL tells it. A router changes the
 * URL before it renders the new page: the record is made at once, so a caller that reads the page
 * should do it a task later and take the title again then.
 * @example const stop = watchPageViews(window, (view) => console.log(view.path, view.pageType));
 */
export const watchPageViews = (win: Window, onView: (view: EventMap["page_view"]) => void): (() => void) => {
  const doc = win.document as Document & { prerendering?: boolean };
  let last: string | undefined;
  // Listeners pass their event: only `true` (a back/forward-cache restore) repeats the same path.
  const view = (restored?: unknown) =>
    attempt("page-view", () => {
      const url = new URL(win.location.href);
      // The page's identity is its path, plus the hash when it is a route (`#/cart`, `#!/cart`)
      // rather than an anchor; an anchor (#reviews) in a hash-routed app stays on its route. A hash
      // router keeps its query string in the hash (`#/search?q=…`): dropped like the real one.
      const route = /^#!?\//.test(url.hash);
      const key = url.hash && !route && last?.startsWith(url.pathname + "#") ? last : url.pathname + (route ? url.hash.replace(/\?.*/, "") : "");
      if (doc.prerendering || (key == last && restored !== true)) return;
      const utm: Record<string, string> = {};
      url.searchParams.forEach((value, name) => name.startsWith("utm_") && (utm[name] = value));
      // Only a first view has a referrer of its own; later views were referred by this site.
      const from = last === undefined && doc.referrer ? new URL(doc.referrer).host : url.host;
      const pageType = getPageType(url, false, false);
      last = key;
      onView(
        compact<EventMap["page_view"]>({
          path: key,
          title: titleOf(doc, pageType),
          referrer: from != url.host ? from : undefined,
          pageType,
          utm: Object.keys(utm).length ? utm : undefined,
        }),
      );
    }, undefined);
  const stop = stopAll([
    onHistoryChange(win, view),
    listen(win, "popstate hashchange", view),
    listen(win, "pageshow", (e) => (e as PageTransitionEvent).persisted && view(true)),
    // https://wicg.github.io/nav-speculation/prerendering.html#document-prerendering
    listen(doc, "prerenderingchange", view),
  ]);
  view();
  return stop;
};
