import type { Profile } from "../types";
import { DAY, KEEP_TIMES, MAX_CART, MAX_IDS, MAX_STATED, MAX_TIMES, MAX_VIEWED, SESSION_MS } from "./limits";
import { has, isBadKey, own } from "./own";
import { score } from "./score";

// A shape is a type letter (n: finite number, s: string, b: boolean, a: survey answer), a literal
// number, a RegExp a string must match, [shape, max] for a bounded array, { "*": shape } for a
// record, or an object of fields where a trailing "?" marks an optional one.
type Kind = keyof Profile["affinity"];
type Shape = string | number | RegExp | [Shape, number] | { [key: string]: Shape };

const D = { "*": { s: "n", t: "n" } };
const N = { "*": "n" };
const PROFILE: Shape = {
  v: 1,
  id: "s",
  firstSeen: "n",
  lastSeen: "n",
  sessions: "n",
  session: { start: "n", last: "n", pageViews: "n", productViews: "n", carted: "b" },
  pageViews: "n",
  productViews: "n",
  engagedSeconds: "n",
  affinity: { category: D, brand: D, tag: D, price: D },
  cart: [{ id: "s", quantity: "n", "price?": "n", "currency?": "s", "title?": "s" }, MAX_CART],
  cartAdds: "n",
  orders: { count: "n", revenue: N, times: ["n", MAX_TIMES], impulse: "n" },
  viewed: [
    {
      id: "s",
      "title?": "s",
      "url?": "s",
      "image?": "s",
      "category?": ["s", 9],
      "brand?": "s",
      "price?": "n",
      "currency?": "s",
      "availability?": /^(in_stock|out_of_stock|preorder|backorder)$/,
      t: "n",
      session: "n",
      views: "n",
      seconds: "n",
    },
    MAX_VIEWED,
  ],
  bought: ["s", MAX_IDS],
  sale: { viewed: "n", viewedOnSale: "n", bought: "n", boughtOnSale: "n" },
  surveys: { "*": { shown: "n", count: "n", "answered?": "n", "dismissed?": "n", "answers?": { "*": "a" } } },
  channel: { "preferred?": "s", "explicit?": "b", picks: N },
  stated: ["s", MAX_STATED],
  removed: ["s", MAX_IDS],
  notInterested: { products: ["s", MAX_IDS], categories: ["s", MAX_STATED] },
  personalization: "b",
  interruptions: ["n", MAX_TIMES],
};

const ok = (x: unknown, shape: Shape): boolean => {
  if (shape == "n") return Number.isFinite(x);
  if (shape == "s") return typeof x == "string" && x.length <= 2048;
  if (shape == "b") return typeof x == "boolean";
  if (shape == "a") return ok(x, "n") || ok(x, "s") || ok(x, ["s", 50]);
  if (typeof shape != "object") return x === shape;
  if (shape instanceof RegExp) return typeof x == "string" && shape.test(x);
  if (Array.isArray(shape)) return Array.isArray(x) && x.length <= shape[1] && x.every((y) => ok(y, shape[0]));
  if (!x || typeof x != "object" || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o);
  const all = shape["*"];
  if (keys.some(isBadKey)) return false;
  if (all) return keys.length <= 100 && keys.every((k) => ok(o[k], all));
  return (
    keys.every((k) => has(shape, k) || has(shape, k + "?")) &&
    Object.entries(shape).every(([k, s]) => (k.endsWith("?") ? o[k.slice(0, -1)] === undefined || ok(o[k.slice(0, -1)], s) : ok(o[k], s)))
  );
};

/**
 * Returns a stored value as a `Profile` when it has the full shape (every field's type, bounded
 * lists and records, no `__proto__`/`constructor`/`prototype` keys anywhere), else undefined.
 * @example const profile = validateProfile(await get("profile")) ?? createProfile(now, id)
 */
export const validateProfile = (x: unknown): Profile | undefined => (ok(x, PROFILE) ? (x as Profile) : undefined);

/**
 * True when the dot path names a field the profile can hold: a record (`orders.revenue`) takes any
 * key, a list its `length` or an index. Audience rules are checked with it, so a misspelt field is
 * reported instead of never matching.
 * @example isProfileField("orders.revenue.USD") // true; isProfileField("orders.cout") // false
 */
export const isProfileField = (path: string): boolean => {
  let shape: Shape | undefined = PROFILE;
  for (const k of path.split(".")) {
    if (Array.isArray(shape)) shape = k == "length" ? "n" : /^\d+$/.test(k) ? shape[0] : undefined;
    else if (typeof shape == "object" && !(shape instanceof RegExp) && !isBadKey(k)) shape = own(shape, "*") ?? own(shape, k) ?? own(shape, k + "?");
    else return false;
    if (shape === undefined) return false;
  }
  return true;
};

/**
 * Drops the facts older than `retentionDays` at `now`: viewed products, survey states, order times
 * (but the last `KEEP_TIMES`), pop-up times, the sale counts when no product view (no order) is
 * left to back them, and interest scores that decayed below 0.01 (or were last raised before the cutoff).
 * Counters (orders, sessions, revenue) stay: they hold no dated fact. Times after `now`, stamped
 * while the device clock ran ahead, become `now`, and a session stamped so is over (`lastSeen`
 * the store brings back, `firstSeen` the next event).
 * @example profile = pruneProfile(profile, Date.now(), 180)
 */
export const pruneProfile = (p: Profile, now: number, retentionDays: number, halfLifeDays = 14): Profile => {
  const cut = now - retentionDays * DAY;
  // A future time would stop decay, hold the session open, freeze the cart behind a future order
  // and spend the pop-up budget until the corrected clock caught up with it.
  const at = (t: number) => Math.min(t, now);
  // The entries `f` gives a value for, with that value.
  const keep = <T>(r: Record<string, T>, f: (v: T) => T | false) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)]).filter(([, v]) => v));
  const affinity = { ...p.affinity };
  for (const k of Object.keys(affinity)) affinity[k as Kind] = keep(affinity[k as Kind], (d) => d.t >= cut && score(d, now, halfLifeDays) >= 0.01 && { ...d, t: at(d.t) });
  const s = p.session;
  const viewed = p.viewed.filter((v) => v.t >= cut).map((v) => ({ ...v, t: at(v.t) }));
  const times = p.orders.times;
  return {
    ...p,
    // The next event starts a new session.
    session: s.last > now ? { ...s, last: now - SESSION_MS } : s,
    affinity,
    viewed,
    // Discount sensitivity goes with the product views and orders it was learned from, so a deal
    // hunter of years ago who comes back is judged afresh.
    sale: { ...p.sale, ...(!viewed.length && { viewed: 0, viewedOnSale: 0 }), ...(!(times[times.length - 1]! >= cut) && { bought: 0, boughtOnSale: 0 }) },
    surveys: keep(p.surveys, (s) => Math.max(s.shown, s.answered ?? 0) >= cut && { ...s, shown: at(s.shown) }),
    // The last orders' dates stay with the order count, so recency rules, RFM and the loyal rule
    // keep an answer: a quarterly buyer has only two orders in 180 days.
    orders: { ...p.orders, times: times.filter((t, i, all) => t >= cut || i >= all.length - KEEP_TIMES).map(at) },
    interruptions: p.interruptions.filter((t) => t >= cut).map(at),
  };
};
