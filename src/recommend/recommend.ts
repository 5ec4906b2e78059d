import type { Decayed, HoldoutGroup, Product, Profile, Recommendation, RecommendOptions, Strategy } from "../types";
import { attempt, warnOnce } from "../log";
import { score } from "../profile/score";
import { isRemoved } from "../profile/is-removed";
import { own } from "../profile/own";
import { getIndex, low, prefixes, productAt } from "./catalog-index";
import { createReasons } from "./reasons";

/** Time, settings and extra data a ranking needs; everything else comes from its arguments. */
export interface RecommendContext {
  now: number;
  /** Half-life of interest scores, days. Default 14. */
  halfLifeDays?: number;
  /** Most items from one leaf category in a list. Default 2. */
  maxPerCategory?: number | undefined;
  /** Leave out-of-stock products out. Default true. */
  excludeOutOfStock?: boolean | undefined;
  locale?: string;
  /** Reason template overrides: `{ "reason.popular": "Loved by everyone" }`. */
  strings?: Record<string, string> | undefined;
  /** `control` gets the non-personal popular list whatever the strategy. */
  group?: HoldoutGroup;
  /** Extra co-occurrence lists by product id (from `buildRelated`), for `bought-together`. */
  related?: Record<string, string[]>;
  /** The product the page shows: never recommended on its own page, whatever the strategy. */
  inView?: string | undefined;
}

// The `Strategy` union at run time: keep in step with src/types.ts.
const STRATEGIES = "for-you recently-viewed similar bought-together trending price-drop back-in-stock".split(" ");

type Candidate = [p: Product, k: string[], s: number, why: string[]];
type Kind = "category" | "brand" | "tag" | "price";

/**
 * Ranks `catalog` for the visitor: pure, synchronous, never throws (a failure gives `[]`).
 * The requested strategy fills the list first, then the popular items of the context's (or the
 * visitor's favourite) category, then the shop's popular items; with nothing to show, `[]`.
 * @example recommend(products, profile, { strategy: "for-you", limit: 4 }, { now: Date.now() })
 */
export const recommend = (catalog: Product[], profile: Profile, options: RecommendOptions | null | undefined, ctx: RecommendContext): Recommendation[] =>
  attempt("recommend", () => rank(catalog, profile, options ?? {}, ctx), []);

const rank = (catalog: Product[], profile: Profile, o: RecommendOptions, c: RecommendContext): Recommendation[] => {
  const ix = getIndex(catalog);
  const limit = (o.limit ?? 4) || 0;
  const cap = Math.max(1, c.maxPerCategory ?? 2);
  const say = createReasons(c.locale, c.strings);
  // Untyped callers (a slot's data-strategy, queued page code) may name one that does not exist.
  const want = STRATEGIES.includes(o.strategy!) ? o.strategy! : (o.strategy && warnOnce("strategy", `unknown strategy "${o.strategy}", using "for-you"`), "for-you");
  const viewed = profile.viewed;
  const at = (id: string) => productAt(ix, catalog, id);
  // Events may name a product by sku or url: what is left out is left out under its catalog id.
  const canon = (id: string) => catalog[at(id)!]?.id ?? id;
  const seedId = o.context ?? viewed[0]?.id;
  const seedAt = seedId == null ? undefined : at(seedId);
  // The view may name the product by its sku and the context by its id, or the other way round.
  const seen = viewed.find((v) => canon(v.id) == canon(seedId!));
  const seed: Partial<Product> | undefined = catalog[seedAt!] ?? seen;
  const seedPre = prefixes(seed?.category);
  const no = new Set([...profile.bought, ...profile.cart.map((l) => l.id), ...profile.notInterested.products].map(canon));
  if (seedId != null && (o.context != null || want == "similar" || want == "bought-together")) no.add(canon(seedId));
  if (c.inView != null) no.add(canon(c.inView));
  // A lower-cased "A > B" path is the deepest of its lower-cased prefixes.
  const blocked = new Set(profile.notInterested.categories.map(low));
  const bad = (p: Product, k: string[]) =>
    no.has(p.id) || (c.excludeOutOfStock !== false && p.availability == "out_of_stock") || k.some((x) => blocked.has(x));

  const pre = (i: number) => ix._paths[ix._path[i]!]!;
  const out: Recommendation[] = [];
  const per = new Map<string, number>();
  const put = (p: Product, k: string[], why: string[], strategy: Strategy = want) => {
    const leaf = k[k.length - 1];
    const used = per.get(leaf!) ?? 0;
    if (out.length >= limit || used >= cap || bad(p, k)) return;
    if (leaf != null) per.set(leaf, used + 1);
    // Listed once: a later fallback skips it like a bought product.
    no.add(p.id);
    out.push({ ...p, reasons: why, strategy });
  };
  const pickAll = (l: Candidate[]) => {
    for (const [p, k, , why] of l.sort((a, b) => b[2] - a[2])) put(p, k, why);
  };
  // The best items per leaf category only: an exact top-k under the diversity cap, no full sort.
  const scan = (f: (i: number) => number, why: (i: number) => string[]) => {
    const buckets: [number, number][][] = [];
    for (let i = 0; i < ix._n; i++) {
      const s = f(i);
      if (!(s > 0)) continue;
      const j = ix._path[i]!;
      const b = (buckets[j] ??= []);
      const full = b.length >= (ix._paths[j]!.length ? cap : limit);
      let w = 0;
      for (let m = 1; m < b.length; m++) if (b[m]![1] < b[w]![1]) w = m;
      // `?.`: with a limit of 0 or less an empty bucket is already full.
      if ((full && b[w]?.[1]! >= s) || bad(catalog[i]!, ix._paths[j]!)) continue;
      if (full) b[w] = [i, s];
      else b.push([i, s]);
    }
    // Reasons only for the items that can still make the list.
    for (const [i] of buckets.flat().sort((a, b) => b[1] - a[1])) if (out.length < limit) put(catalog[i]!, pre(i), why(i));
  };
  const popular = (within?: string) => {
    for (const i of ix._order) {
      if (out.length >= limit) return;
      const p = catalog[i]!;
      const k = pre(i);
      const d = k.indexOf(within!);
      if (!within || d >= 0) put(p, k, [d >= 0 ? say("popularIn", p.category![d]) : say("popular")], "trending");
    }
  };

  if (c.group == "control" || !profile.personalization || want == "trending") {
    popular();
    return out;
  }

  // Affinities read as 0–1 per kind; stated interests rank above anything inferred.
  const weights = (kind: Kind) => {
    const m = new Map<string, number>();
    let max = 0;
    for (const [key, d] of Object.entries(profile.affinity[kind] as Record<string, Decayed>)) {
      const v = score(d, c.now, c.halfLifeDays ?? 14);
      if (!isRemoved(profile.removed, kind, key)) m.set(low(key), v), (max = Math.max(max, v));
    }
    for (const [key, v] of m) m.set(key, v / max);
    for (const s of profile.stated) if (s.startsWith(kind + ":")) m.set(low(s.slice(kind.length + 1)), 6);
    return m;
  };
  // Per-word and per-path scores once per call, so the pass over the catalog reads arrays.
  const perWord = (kind: Kind) => {
    const a = new Float64Array(ix._word.size);
    for (const [k, v] of weights(kind)) a[ix._word.get(k) ?? 0] = v;
    a[0] = 0;
    return a;
  };
  const cw = weights("category");
  const pc = ix._paths.map((k) => k.reduce((t, x) => t + (cw.get(x) ?? 0), 0));
  const bw = perWord("brand");
  const tw = perWord("tag");
  const pw = perWord("price");

  let within = seedPre[seedPre.length - 1];
  if (want == "for-you") {
    if (!o.context) {
      let best = 0;
      for (const [key, v] of cw) if (v > best && !blocked.has(key)) (best = v), (within = key);
    }
    scan(
      (i) => {
        const s = pc[ix._path[i]!]! + 1.5 * bw[ix._brand[i]!]! + ix._tags[i]!.reduce((t, x) => t + tw[x]!, 0) / 2;
        return s && s + 0.7 * pw[ix._band[i]!]! + 0.3 * ix._pop[i]!;
      },
      (i) => {
        const p = catalog[i]!;
        const k = pre(i);
        let d = k.length;
        while (d-- && !cw.get(k[d]!));
        // Only facts the profile holds: the deepest liked category, a liked brand, a liked tag.
        return [p.category?.[d], bw[ix._brand[i]!] ? p.brand : "", p.tags?.[ix._tags[i]!.findIndex((x) => tw[x])]]
          .filter(Boolean)
          .slice(0, 2)
          .map((name) => say("like", name));
      },
    );
  } else if (want == "similar") {
    if (seed) {
      // -1 when the seed has no brand, so products without one do not match.
      const brand = ix._word.get(low(seed.brand ?? "")) || -1;
      const tags = new Set((seed.tags ?? []).map((t) => ix._word.get(low(t))));
      const price = seed.price;
      const depth = ix._paths.map((k) => {
        let d = 0;
        while (d < k.length && k[d] === seedPre[d]) d++;
        return (2 * d) / (seedPre.length || 1);
      });
      scan(
        (i) => {
          const q = catalog[i]!.price;
          const s = depth[ix._path[i]!]! + +(ix._brand[i] == brand) + ix._tags[i]!.filter((t) => tags.has(t)).length / (tags.size || 1);
          return s && s + (price && q ? 0.5 * (1 - Math.abs(q - price) / Math.max(q, price)) : 0) + 0.2 * ix._pop[i]!;
        },
        () => [say("similar", seed.title)],
      );
    }
  } else if (want == "bought-together") {
    const l = new Map<string, [number, string]>();
    const add = (ids: string[] | undefined, base: number, why: string) =>
      ids?.forEach((id, j) => {
        const v = l.get(id);
        l.set(id, [(v?.[0] ?? 0) + base - j / 1e3, v?.[1] ?? why]);
      });
    if (seed) {
      const title = seed.title ?? "";
      const why = say("boughtWith", title);
      add(seed.related, 3, why);
      // A seed exists only for a known id.
      add(own(c.related ?? {}, seedId!), 2, why);
      add(
        viewed.filter((v) => v.session == seen?.session).map((v) => v.id),
        1,
        say("viewed", title),
      );
    }
    pickAll(
      [...l].flatMap(([id, [s, why]]): Candidate[] => {
        const i = at(id);
        return i == null ? [] : [[catalog[i]!, pre(i), s, [why]]];
      }),
    );
  } else {
    pickAll(
      viewed.flatMap((v, n): Candidate[] => {
        const i = at(v.id);
        const p = catalog[i!];
        const k = p ? pre(i!) : prefixes(v.category);
        if (want == "recently-viewed") {
          const { t, session, views, seconds, ...rest } = v;
          // Seen on a page but not in the feed: the stored fields, when they can make a link.
          const q = p ?? (v.title && v.url ? (rest as Product) : undefined);
          return q ? [[q, k, -n, [say("recent")]]] : [];
        }
        if (!p) return [];
        if (want == "back-in-stock") return v.availability == "out_of_stock" && p.availability == "in_stock" ? [[p, k, -n, [say("backInStock")]]] : [];
        const drop = v.price && p.price != null && (!v.currency || !p.currency || v.currency == p.currency) ? 1 - p.price / v.price : 0;
        return drop >= 0.01 ? [[p, k, drop, [say("priceDrop", drop)]]] : [];
      }),
    );
    return out;
  }
  if (within) popular(within);
  popular();
  return out;
};
