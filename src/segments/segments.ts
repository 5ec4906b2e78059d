import type { Profile, Rfm } from "../types";
import { DAY } from "../profile/limits";
import { score } from "../profile/score";

/**
 * The exact rules behind the built-in segments (the README lists them as a table). Shares are
 * fractions; "top-level categories" are the first step of each category path.
 */
export const THRESHOLDS = {
  /** loyal: at least this many orders... */
  loyalOrders: 3,
  /** ...with gaps between recent orders whose coefficient of variation (sd / mean) is at most this... */
  loyalMaxCv: 0.5,
  /** ...and the last order within this many mean gaps of now. */
  loyalWithinGaps: 2,
  /** discount-seeker: at least this many product views... */
  saleMinViewed: 5,
  /** ...of which at least this share on sale, */
  saleViewedShare: 0.6,
  /** or at least this many items bought... */
  saleMinBought: 2,
  /** ...of which at least this share on sale. */
  saleBoughtShare: 0.5,
  /** impulse: at least this share of orders were impulse orders (see the profile's `orders.impulse`). */
  impulseShare: 0.5,
  /** need-based: at least this many product views... */
  needMinViews: 3,
  /** ...and one top-level category holds at least this share of all top-level category interest. */
  needShare: 0.7,
  /** wanderer: at least this many product views... */
  wanderMinViews: 10,
  /** ...across at least this many top-level categories (each with interest of at least half a view), no cart add, no order, not need-based. */
  wanderMinCategories: 4,
} as const;

/**
 * RFM band limits. Recency: days since the last order, at most [180, 90, 30, 7] gives 2..5.
 * Frequency: orders, at least [2, 3, 5, 10] gives 2..5. Monetary: revenue in the main currency,
 * at least [50, 150, 500, 1500] gives 2..5, in dollar-sized units (see `MAGNITUDE`).
 */
export const RFM_BANDS = { r: [180, 90, 30, 7], f: [2, 3, 5, 10], m: [50, 150, 500, 1500] };

/**
 * Currencies whose everyday amounts stand a power of ten or more from the dollar's, grouped by
 * that power (log10 of units per US dollar at 2025 rates, rounded): index 0 is 10^-1, index 2 is
 * 10^1, and so on. Revenue is divided by it before the monetary bands apply, so 1,500 yen is not
 * a big spender and 150 dinars is; a currency not listed counts like the dollar.
 */
export const MAGNITUDE = [
  "KWD",
  "",
  "AED BRL CNY CZK DKK HKD ILS MAD MXN MYR NOK PEN PLN QAR RON SAR SEK ZAR",
  "BDT DZD EGP INR JPY KES PHP PKR RUB THB TRY TWD UAH",
  "ARS CLP HUF IQD KRW KZT NGN",
  "COP IDR VND",
];

const T = THRESHOLDS;

/** The built-in segment ids, in the order `getSegments` lists them. */
export const SEGMENTS: readonly string[] = ["new", "returning", "loyal", "one-time", "irregular", "discount-seeker", "impulse", "need-based", "wanderer"];

/**
 * The built-in segments the visitor is in at `now`, in a fixed order: `new` or `returning`, then
 * the buyer type (`loyal`, `one-time`, `irregular`) and the behaviours (`discount-seeker`,
 * `impulse`, `need-based`, `wanderer`). Rules: `THRESHOLDS`.
 * @example getSegments(profile, Date.now()) // ["returning", "loyal", "need-based"]
 */
export function getSegments(p: Profile, now: number, options: { halfLifeDays?: number } = {}): string[] {
  const { count, times, impulse } = p.orders;
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const mean = avg(gaps);
  const cv = Math.sqrt(avg(gaps.map((g) => (g - mean) ** 2))) / mean;
  const loyal = count >= T.loyalOrders && gaps.length >= 2 && cv <= T.loyalMaxCv && now - times[times.length - 1]! <= T.loyalWithinGaps * mean;
  const { viewed, viewedOnSale, bought, boughtOnSale } = p.sale;
  const tops = Object.entries(p.affinity.category)
    .filter(([k]) => !k.includes(" > "))
    .map(([, d]) => score(d, now, options.halfLifeDays ?? 14));
  const sum = tops.reduce((a, b) => a + b, 0);
  const need = p.productViews >= T.needMinViews && sum > 0 && Math.max(...tops) >= T.needShare * sum;
  const returning = p.sessions > 1;
  // One flag per id of SEGMENTS, in its order. Loyal needs several orders, so the three buyer types never overlap.
  const flags = [
    !returning,
    returning,
    loyal,
    count == 1,
    count > 1 && !loyal,
    (viewed >= T.saleMinViewed && viewedOnSale >= T.saleViewedShare * viewed) || (bought >= T.saleMinBought && boughtOnSale >= T.saleBoughtShare * bought),
    impulse > 0 && impulse >= T.impulseShare * count,
    need,
    // One department holding most of the interest is a goal, not wandering, however many others were glanced at.
    !need && p.productViews >= T.wanderMinViews && tops.filter((s) => s >= 0.5).length >= T.wanderMinCategories && !p.cartAdds && !count,
  ];
  return SEGMENTS.filter((_, i) => flags[i]);
}

const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Recency, frequency and monetary scores (1–5 each, 5 best) at `now`, or null before the first
 * order. Bands: `RFM_BANDS`. The main currency is the one with the largest revenue in
 * dollar-sized units.
 * @example getRfm(profile, Date.now()) // { r: 5, f: 3, m: 4 }
 */
export function getRfm(p: Profile, now: number): Rfm | null {
  const { count, times, revenue } = p.orders;
  if (!count) return null;
  const last = times[times.length - 1];
  const days = last == null ? Infinity : (now - last) / DAY;
  const money = Math.max(
    0,
    ...Object.keys(revenue).map((c) => {
      const i = MAGNITUDE.findIndex((s) => s.includes(c));
      return (revenue[c]! * 10) / 10 ** (i < 0 ? 1 : i);
    }),
  );
  const band = (limits: number[], ok: (limit: number) => boolean) => 1 + limits.filter(ok).length;
  return {
    r: band(RFM_BANDS.r, (d) => days <= d),
    f: band(RFM_BANDS.f, (n) => count >= n),
    m: band(RFM_BANDS.m, (v) => money >= v),
  };
}
