import type { Availability, CartLine, EventItem, Decayed, InterestKind, Profile, SurveyState, TrackedEvent } from "../types";
import { compact } from "../compact";
import { attempt } from "../log";
import { vetHttpUrl } from "../url";
import { IMPULSE_MS, IMPULSE_VIEWS, MAX_CART, MAX_IDS, MAX_KEYS, MAX_RECORD, MAX_STATED, MAX_TIMES, MAX_VIEWED, SESSION_MS } from "./limits";
import { isRemoved } from "./is-removed";
import { isBadKey, own } from "./own";
import { priceBand } from "./price-band";
import { score } from "./score";

export { score } from "./score";
export { priceBand } from "./price-band";

type Props = Record<string, unknown>;
type Kind = InterestKind | "price";

/** An event item after cleaning: bounded strings, sane numbers, vetted links. */
type Item = Pick<EventItem, "id" | "title" | "url" | "image" | "price" | "compareAtPrice" | "currency" | "category" | "brand" | "tags" | "availability" | "quantity">;

// Interest weight of one item per event kind: a glance at a list counts least, a purchase most.
// Engaged dwell sits between a view and a cart add: 1/30 per second, capped at 2 (60 s).
const WEIGHT: Record<string, number> = { view_item_list: 0.25, select_item: 0.5, view_item: 1, add_to_cart: 3, purchase: 5 };
const STOCK = ["in_stock", "out_of_stock", "preorder", "backorder"];

const str = (v: unknown, max = 40): string | undefined => (typeof v == "string" && v ? v.slice(0, max) : undefined);
const num = (v: unknown): number | undefined => (typeof v == "number" && v >= 0 && v < 1e12 ? v : undefined);
const strs = (v: unknown, max: number, len?: number): string[] | undefined => {
  const out = Array.isArray(v) ? v.map((x) => str(x, len)).filter((x): x is string => !!x).slice(0, max) : [];
  return out.length ? out : undefined;
};
const cur = (v: unknown): string | undefined => (typeof v == "string" && /^[a-z]{3}$/i.test(v) ? v.toUpperCase() : undefined);
const link = (v: unknown): string | undefined => {
  const url = vetHttpUrl(v);
  return url && url.length <= 300 ? url : undefined;
};
const round = (x: number, unit: number): number => Math.round(x * unit) / unit;
// Moves `value` to the front of a bounded list; without a value the list stays as it is.
const front = (list: string[], value: string | undefined, max: number): string[] => (value ? [value, ...list.filter((x) => x != value)].slice(0, max) : list);

const item = (v: unknown): Item | undefined => {
  if (!v || typeof v != "object") return undefined;
  const o = v as Props;
  const id = typeof o.id == "number" ? String(o.id) : str(o.id, 200);
  const quantity = num(o.quantity);
  return id
    ? compact<Item>({
        id,
        title: str(o.title, 100),
        url: link(o.url),
        image: link(o.image),
        price: num(o.price),
        compareAtPrice: num(o.compareAtPrice),
        currency: cur(o.currency),
        category: strs(o.category, 5),
        brand: str(o.brand),
        tags: strs(o.tags, 10),
        availability: STOCK.includes(o.availability as string) ? (o.availability as Availability) : undefined,
        quantity: quantity && Math.min(Math.round(quantity), 999),
      })
    : undefined;
};

// Ecommerce props carry `items`; a page calling `track("add_to_cart", { id, price })` passes one item.
export const itemsOf = (x: Props): Item[] =>
  (Array.isArray(x.items) ? x.items : x.id != null ? [x] : []).slice(0, 50).map(item).filter((i): i is Item => !!i);

const onSale = (i: Item): boolean => (i.compareAtPrice ?? 0) > (i.price ?? Infinity);

const setLine = (cart: CartLine[], i: Item, delta: number): CartLine[] => {
  const old = cart.find((l) => l.id == i.id);
  const quantity = Math.min(999, (old?.quantity ?? 0) + delta);
  const rest = cart.filter((l) => l != old);
  return quantity > 0
    ? [compact<CartLine>({ id: i.id, quantity, price: i.price ?? old?.price, currency: i.currency ?? old?.currency, title: i.title ?? old?.title }), ...rest].slice(0, MAX_CART)
    : rest;
};

// The orders after one is placed (`sign` 1) or refunded (-1): the count, and the revenue in the
// order's currency moved by its value, else its items' prices (never below 0). An order that names
// no currency is in the shop's: that of the cart it empties or of the last product viewed (XXX: unknown).
const reorder = (p: Profile, x: Props, items: Item[], sign: number, times: number[], impulse: number): Profile["orders"] => {
  const o = p.orders;
  const currency = cur(x.currency) ?? items[0]?.currency ?? p.cart[0]?.currency ?? p.viewed[0]?.currency ?? "XXX";
  const value = num(x.value) ?? items.reduce((t, i) => t + (i.price ?? 0) * (i.quantity ?? 1), 0);
  return { count: o.count + sign, revenue: { ...o.revenue, [currency]: Math.max(0, round((own(o.revenue, currency) ?? 0) + sign * value, 100)) }, times, impulse };
};

const addLines = (cart: CartLine[], items: Item[]): CartLine[] => items.reduce((c, i) => setLine(c, i, i.quantity ?? 1), cart);

/**
 * Folds one event into the profile at time `now` and returns the next profile: deterministic (the
 * same events give the same profile), never mutating its input (unchanged parts are shared), and
 * never throwing (a failure is reported once and the profile is returned as it was).
 * @example profile = foldProfile(profile, { name: "page_view", props: { path: "/", pageType: "home" }, time }, time)
 */
export const foldProfile = (profile: Profile, event: TrackedEvent, now: number, options: { halfLifeDays?: number } = {}): Profile => attempt("fold", () => fold(profile, event, now, options.halfLifeDays ?? 14), profile);

const fold = (p: Profile, e: TrackedEvent, now: number, h: number): Profile => {
  const name = e.name;
  if (name.startsWith("segment_")) return p;
  const x = (e.props ?? {}) as Props;
  const q: Profile = { ...p, firstSeen: Math.min(p.firstSeen, now), lastSeen: Math.max(p.lastSeen, now) };
  let s = p.session;
  if (!p.sessions || now - s.last >= SESSION_MS) {
    q.sessions++;
    s = { start: now, last: now, pageViews: 0, productViews: 0, carted: false };
  } else s = { ...s, last: Math.max(s.last, now) };
  q.session = s;

  // Copied on the first write only, so an event that teaches nothing shares the old affinity.
  const aff = () => {
    if (q.affinity == p.affinity) {
      q.affinity = { ...p.affinity };
      for (const k of Object.keys(q.affinity)) q.affinity[k as Kind] = { ...q.affinity[k as Kind] };
    }
    return q.affinity;
  };
  const add = (kind: Kind, key: string, w: number) => {
    const r = aff()[kind];
    const d = own(r, key);
    // An event older than the score (a closing page's batch) adds its weight decayed to the score's time.
    const t = Math.max(d?.t ?? now, now);
    if (!isBadKey(key) && !isRemoved(q.removed, kind, key)) r[key] = { s: round(score(d, t, h) + score({ s: w, t: now }, t, h), 1e3), t };
  };
  const learn = (i: Pick<Item, "category" | "brand" | "tags" | "price">, w: number) => {
    let path = "";
    for (const c of i.category ?? []) add("category", (path = path ? `${path} > ${c}` : c), w);
    if (i.brand) add("brand", i.brand, w);
    for (const t of i.tags ?? []) add("tag", t, w);
    if (i.price != null) add("price", priceBand(i.price), w);
  };
  // Counts the items seen or bought, and those of them on sale.
  const tally = (items: Item[], key: "viewed" | "bought") => {
    const sale = (q.sale = { ...p.sale });
    sale[key] += items.length;
    sale[`${key}OnSale`] += items.filter(onSale).length;
  };
  // A survey first met here starts as shown now, zero times.
  const survey = (f: (old: SurveyState) => SurveyState) => {
    const id = str(x.surveyId, 64);
    if (!id || isBadKey(id)) return;
    const all = { ...p.surveys, [id]: f(own(p.surveys, id) ?? { shown: now, count: 0 }) };
    const ids = Object.keys(all);
    // Past the bound, the survey shown longest ago is forgotten first.
    if (ids.length > MAX_RECORD) delete all[ids.reduce((a, b) => (all[b]!.shown < all[a]!.shown ? b : a))];
    q.surveys = all;
  };

  const w = own(WEIGHT, name);
  if (w) {
    const items = itemsOf(x);
    for (const i of items) learn(i, w);
    if (name == "view_item") {
      let viewed = p.viewed;
      tally(items, "viewed");
      for (const i of items) {
        const old = viewed.find((v) => v.id == i.id);
        const { compareAtPrice, tags, quantity, ...seen } = i;
        // A view older than the one recorded counts, but the newer one's price and stock stay.
        const v = old && old.t > now ? { ...seen, ...old, views: old.views + 1 } : { ...old, ...seen, t: now, session: q.sessions, views: (old?.views ?? 0) + 1, seconds: old?.seconds ?? 0 };
        viewed = viewed.filter((o) => o != old);
        const at = viewed.findIndex((o) => o.t <= v.t);
        viewed.splice(at < 0 ? viewed.length : at, 0, v);
      }
      q.viewed = viewed.slice(0, MAX_VIEWED);
      q.productViews += items.length;
      s.productViews += items.length;
    } else if (name == "add_to_cart") {
      q.cart = addLines(p.cart, items);
      q.cartAdds++;
      s.carted = true;
    } else if (name == "purchase" && (items.length || num(x.value))) {
      // A purchase naming neither items nor a value is a misfire, not an order.
      const o = p.orders;
      // A session that saw no product and no cart add before the order (the confirmation page
      // after a slow payment, a return to an old cart) tells nothing of how quickly they decided.
      const impulse = now - s.start < IMPULSE_MS && s.productViews <= IMPULSE_VIEWS && (s.productViews > 0 || s.carted);
      q.orders = reorder(p, x, items, 1, [...o.times, now].sort((a, b) => a - b).slice(-MAX_TIMES), o.impulse + +impulse);
      tally(items, "bought");
      for (const i of items) q.bought = front(q.bought, i.id, MAX_IDS);
      q.cart = [];
    }
  } else if (name == "refund" && typeof x.order == "number") {
    // A whole refund carries the refunded order's own props and time (see create-shopkeeper): that
    // order no longer counts. Whether it was an impulse order is not known; impulse stays within count.
    const items = itemsOf(x);
    const o = p.orders;
    const at = o.times.indexOf(x.order);
    if (o.count && (items.length || num(x.value))) q.orders = reorder(p, x, items, -1, o.times.filter((_, i) => i != at), Math.min(o.impulse, o.count - 1));
  } else if (name == "remove_from_cart") {
    q.cart = itemsOf(x).reduce((c, i) => setLine(c, i, -(i.quantity ?? Infinity)), p.cart);
  } else if (name == "view_cart" || name == "begin_checkout") {
    // These events list the whole cart, so they correct a cart that missed an add or a removal.
    const items = itemsOf(x);
    if (items.length) q.cart = addLines([], items);
  } else if (name == "page_view") {
    q.pageViews++;
    s.pageViews++;
  } else if (name == "dwell") {
    const seconds = Math.min(num(x.seconds) ?? 0, 1800);
    q.engagedSeconds = round(p.engagedSeconds + seconds, 10);
    const v = p.viewed.find((o) => o.id == x.productId);
    if (v) {
      q.viewed = p.viewed.map((o) => (o == v ? { ...o, seconds: round(o.seconds + seconds, 10) } : o));
      learn(v, Math.min(seconds, 60) / 30);
    }
  } else if (name == "survey_shown") {
    survey((old) => ({ ...old, shown: Math.max(old.shown, now), count: old.count + 1 }));
    q.interruptions = [...p.interruptions, now].slice(-MAX_TIMES);
  } else if (name == "survey_response") {
    const answers: Record<string, string | number | string[]> = {};
    for (const [k, v] of Object.entries((x.answers ?? {}) as Props).slice(0, MAX_RECORD)) {
      const value = num(v) ?? str(v, 100) ?? strs(v, 20, 100);
      if (value != null && !isBadKey(k)) answers[k.slice(0, 64)] = value;
    }
    survey((old) => ({ ...old, ...(x.completed === false ? {} : { answered: now }), answers }));
  } else if (name == "survey_dismissed") {
    survey((old) => ({ ...old, dismissed: (old.dismissed ?? 0) + 1 }));
  } else if (name == "channel_select") {
    const c = str(x.channel, 32);
    const ch = p.channel;
    if (x.preferred === false) {
      // Taken back, with the picks that made it preferred: else it returns at the next pick.
      if (c && c == ch.preferred) {
        const { [c]: _, ...picks } = ch.picks;
        q.channel = { picks };
      }
    } else if (c && !isBadKey(c) && (own(ch.picks, c) || Object.keys(ch.picks).length < MAX_RECORD)) {
      const picks = { ...ch.picks, [c]: (own(ch.picks, c) ?? 0) + 1 };
      let best = c;
      for (const k of Object.keys(picks)) if (picks[k]! > picks[best]!) best = k;
      q.channel = x.preferred === true ? { preferred: c, explicit: true, picks } : ch.explicit ? { ...ch, picks } : { preferred: best, picks };
    }
  } else if (name == "interest_add" || name == "interest_remove") {
    const value = str(x.value, 80);
    const kind = x.kind as InterestKind;
    if (value && ["category", "brand", "tag"].includes(kind)) {
      const key = kind + ":" + value;
      const others = (l: string[]) => l.filter((k) => k.toLowerCase() != key.toLowerCase());
      if (name == "interest_add") {
        q.stated = front(p.stated, key, MAX_STATED);
        q.removed = others(p.removed);
      } else {
        q.stated = others(p.stated);
        q.removed = front(p.removed, key, MAX_IDS);
        const r = aff()[kind];
        for (const k of Object.keys(r)) if (isRemoved([key], kind, k)) delete r[k];
      }
    }
  } else if (name == "not_interested") {
    const n = p.notInterested;
    q.notInterested = { products: front(n.products, str(x.productId, 200), MAX_IDS), categories: front(n.categories, str(x.category, 200), MAX_STATED) };
  } else if (name == "personalization") q.personalization = x.enabled !== false;
  // The latest order emptied the cart: an older cart event (a closing page's batch) cannot refill it.
  if (now < (p.orders.times[p.orders.times.length - 1] ?? now)) q.cart = p.cart;

  if (q.affinity != p.affinity)
    for (const r of Object.values(q.affinity) as Record<string, Decayed>[]) {
      const rank = (k: string) => score(r[k], now, h);
      for (const k of Object.keys(r).sort((a, b) => rank(b) - rank(a)).slice(MAX_KEYS)) delete r[k];
    }
  return q;
};
