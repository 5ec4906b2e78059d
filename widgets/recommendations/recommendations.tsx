import { vetHttpUrl, warnOnce, type Recommendation, type Strategy, type Widget } from "../../src/index";
import { createI18n } from "../i18n/index";
import { cleanText } from "../i18n/text";
import { renderInShadow } from "../mount";
import { openPreferences } from "../preferences/open-preferences";
import { focusAfter } from "../ui/focus-after";
import { BASE_CSS } from "../ui/base-css";
import { STRINGS } from "./strings";

/** Creates the visibility observer for impressions; injectable because happy-dom never fires one. */
export type ObserverFactory = (callback: IntersectionObserverCallback) => Pick<IntersectionObserver, "observe" | "unobserve" | "disconnect">;

/** Options of the recommendations shelf; a slot's `data-strategy`, `data-limit`, `data-title`, `data-product`. */
export interface RecommendationsOptions {
  strategy?: Strategy;
  limit?: number;
  title?: string;
  /** Id of the product in view: left out of the list, and the seed of `similar`/`bought-together`. */
  product?: string;
  observe?: ObserverFactory;
}

// A placeholder (.k) is a card with blank lines and hidden buttons: the same boxes, so the shelf
// keeps its height when products arrive. So every card has the same lines whatever it holds:
// the title and the reason take two lines each, the price one (a missing one is left blank), and
// the sale badge sits on the image, where it cannot push the old price onto a line of its own.
// A word wider than the card (a model number) breaks, so it too ends in the ellipsis.
const CSS =
  BASE_CSS +
  ".g{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:var(--s)}" +
  ".c{display:flex;flex-flow:column;gap:6px;padding:8px;border:1px solid #8884;border-radius:var(--r)}" +
  ".l{display:flex;flex-flow:column;gap:4px;flex:1;color:inherit;text-decoration:none;position:relative}a.l:hover .t{text-decoration:underline}" +
  "img,.i{width:100%;height:auto;aspect-ratio:1;object-fit:cover;border-radius:var(--r);background:#8882}" +
  ".t,.r{overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;min-height:2.9em;overflow-wrap:anywhere}.t{font-weight:600}" +
  "[part=price]{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
  ".b{padding-inline:6px;border-radius:var(--r);font-size:12px;position:absolute;inset-block-start:6px;inset-inline-start:6px}.c button{font-size:12px;padding:2px 8px}" +
  ".x{display:flex;flex-wrap:wrap;gap:4px}.k p{background:#8882;border-radius:var(--r)}.k .x{visibility:hidden}";

// What each live shelf shows: a shelf leaves out what shelves that loaded before it already show,
// so a page never offers the same product twice (for a new visitor "for you" and "trending" agree).
const onPage = new Map<object, string[]>();

/**
 * The "Recommended for you" shelf: a responsive grid of product cards from `sk.recommend()`, each
 * with its first reason, a "Not interested" button and a "Why am I seeing this?" button. Hidden
 * when the list is empty. Tracks `recommendation_impression` (half the card visible for 1 s in a
 * shown tab, once per card) and `recommendation_click` (before the link navigates). Positions
 * start at 1.
 * @example sk.mount(el, recommendations, { strategy: "similar", product: "sku-1", limit: 4 })
 */
export const recommendations: Widget<RecommendationsOptions> = (host, sk, o) => {
  const i = createI18n(sk, STRINGS, "recommendations");
  const limit = o.limit || 4;
  let items: Recommendation[] | undefined;
  let dead = false;
  const seen = new Set<string>();
  // Products whose image failed to load: their card shows the empty image box instead, not the
  // browser's broken-image icon.
  const broken = new Set<string>();
  const timers = new Map<Element, ReturnType<typeof setTimeout>>();
  const data = (p: Recommendation, k: number) => ({ productId: p.id, strategy: p.strategy || o.strategy || "for-you", position: k + 1 });

  let io: ReturnType<ObserverFactory> | undefined;
  try {
    io = (o.observe || ((cb) => new IntersectionObserver(cb, { threshold: 0.5 })))((entries) => {
      for (const { target, isIntersecting, intersectionRatio } of entries) {
        clearTimeout(timers.get(target));
        // Cards are observed only once the list has arrived.
        const k = items!.findIndex((p) => p.id == (target as HTMLElement).dataset.id);
        const p = items![k];
        if (p && isIntersecting && intersectionRatio >= 0.5)
          timers.set(
            target,
            setTimeout(() => {
              io!.unobserve(target);
              if (!dead && target.isConnected && !seen.has(p.id)) {
                seen.add(p.id);
                sk.track("recommendation_impression", data(p, k));
              }
            }, 1e3),
          );
      }
    });
  } catch {
    // No IntersectionObserver: impressions are not counted rather than guessed.
  }

  const observe = () => m.root.querySelectorAll(".c[data-id]").forEach((el) => io?.observe(el));
  const paint = () => {
    host.hidden = !!items && !items.length;
    m.update();
    observe();
  };
  // A card seen for less than a second before the tab was left is not an impression. Observing
  // again on return reports what is in view afresh, which starts its second anew.
  const onVisibility = () => {
    timers.forEach(clearTimeout);
    io?.disconnect();
    if (!document.hidden) stale ? load() : observe();
  };
  document.addEventListener("visibilitychange", onVisibility);

  const show = (list: Recommendation[]) => {
    items = list;
    onPage.set(seen, list.map((p) => p.id));
  };

  const hide = (p: Recommendation, k: number) => {
    show(items!.filter((x) => x != p));
    sk.track("not_interested", { productId: p.id });
    paint();
    const cards = m.root.querySelectorAll(".c");
    const to = (cards[k] || cards[k - 1])?.querySelector("button");
    if (to) to.focus();
    // The last card went and the shelf with it.
    else focusAfter(host);
  };

  const card = (p: Recommendation, k: number) => {
    const bad = p.unsafe || [];
    const title = cleanText(p.title, 120);
    const url = !bad.includes("url") && vetHttpUrl(p.url);
    const img = !bad.includes("image") && !broken.has(p.id) && vetHttpUrl(p.image);
    const sale = p.price != null && p.compareAtPrice! > p.price;
    const reason = p.reasons[0];
    const click = () => sk.track("recommendation_click", data(p, k));
    const body = (
      <>
        {img ? <img src={img} alt="" width={160} height={160} loading="lazy" onError={() => (broken.add(p.id), m.update())} /> : <div class="i" />}
        <bdi dir="auto" class="t" id={"t" + k}>
          {title}
        </bdi>
        {p.price != null ? (
          <p part="price">
            {/* Isolated: after Urdu or Arabic words "$249.00" would otherwise read "249.00$". */}
            {sale && <b class="b p">{i.t("sale")}</b>} <bdi>{i.money(p.price, p.currency)}</bdi>{" "}
            {sale && (
              <s class="mu">
                <span class="sr-only">{i.t("was")} </span>
                <bdi>{i.money(p.compareAtPrice!, p.currency)}</bdi>
              </s>
            )}
          </p>
        ) : (
          <p aria-hidden>{"\xa0"}</p>
        )}
        {/* The core isolates the title or category a reason names (U+2068 to U+2069); a <bdi> keeps it so. */}
        <p class="mu r">{reason ? reason.split(/[\u2068\u2069]/).map((s, k) => (k % 2 ? <bdi>{s}</bdi> : s)) : "\xa0"}</p>
      </>
    );
    return (
      <li key={p.id} class="c" part="card" data-id={p.id}>
        {url ? (
          <a class="l" part="link" href={url} onClick={click} onAuxClick={(e) => e.button == 1 && click()}>
            {body}
          </a>
        ) : (
          <div class="l">{body}</div>
        )}
        <div class="x">
          <button part="hide" aria-describedby={"t" + k} onClick={() => hide(p, k)}>
            {i.t("hide")}
          </button>
          <button part="why" aria-describedby={"t" + k} onClick={(e) => openPreferences(sk, e.currentTarget)}>
            {i.t("why")}
          </button>
        </div>
      </li>
    );
  };

  const m = renderInShadow(
    host,
    () =>
      items && !items.length ? null : (
        <>
          <h2>{o.title ? cleanText(o.title, 80) : i.t("title")}</h2>
          <ul class="g" aria-busy={!items}>
            {items
              ? items.map(card)
              : Array.from({ length: limit }, () => (
                  <li class="c k" aria-hidden>
                    <div class="l">
                      <div class="i" />
                      <p class="t">{"\xa0"}</p>
                      <p>{"\xa0"}</p>
                      <p class="r">{"\xa0"}</p>
                    </div>
                    <div class="x">
                      <button>{i.t("hide")}</button>
                      <button>{i.t("why")}</button>
                    </div>
                  </li>
                ))}
          </ul>
        </>
      ),
    {
      css: CSS,
      sk,
      cleanup() {
        dead = true;
        // The next shelf on this slot (an SPA page, new options) holds its place with placeholders.
        host.hidden = false;
        io?.disconnect();
        timers.forEach(clearTimeout);
        document.removeEventListener("visibilitychange", onVisibility);
        offs.forEach((off) => off());
        onPage.delete(seen);
      },
    },
  );

  // A profile changed by another tab while this one is hidden: the shelf reloads once it is shown,
  // not after each of that tab's writes.
  let stale = false;
  // A reload keeps the cards on screen until the new list arrives: no placeholders, no jump.
  const load = () => {
    stale = false;
    sk
      // Room for what other shelves already show.
      .recommend({ limit: limit * 3, ...(o.strategy && { strategy: o.strategy }), ...(o.product && { context: o.product }) })
      .catch((e) => warnOnce("recommend", "shelf hidden: recommend() failed", e))
      .then((list) => {
        if (dead) return;
        const taken = new Set<string>();
        onPage.forEach((ids, shelf) => shelf != seen && ids.forEach((id) => taken.add(id)));
        // The instance's guard resolves a failed call to undefined: an empty, hidden shelf.
        show((list || []).filter((p) => !taken.has(p.id)).slice(0, limit));
        paint();
      });
  };
  // What the visitor tells the preferences panel or another shelf shows here at once, and so does
  // a profile read or erased without an event of this tab (consent granted, another tab, an erase).
  const offs = [
    ...(["personalization", "interest_add", "interest_remove"] as const).map((name) => sk.on(name, load)),
    sk.on("profile_change", () => (document.hidden ? (stale = true) : load())),
    // A client-rendered page names its product after the shelf asked: never show it on its own page.
    sk.on("view_item", ({ props }) => items?.some((p) => props.items.some((i) => i.id == p.id)) && load()),
    sk.on("not_interested", ({ props }) => {
      if (props.category) load();
      else if (items?.some((p) => p.id == props.productId)) {
        show(items.filter((p) => p.id != props.productId));
        paint();
      }
    }),
  ];
  load();

  return m.teardown;
};
