import { describe, expect, it } from "vitest";
import type { Profile } from "../../../src/types";
import { createProfile } from "../../../src/profile/create-profile";
import { getRfm, getSegments, MAGNITUDE, SEGMENTS, THRESHOLDS } from "../../../src/segments/segments";

const NOW = Date.UTC(2024, 6, 1);
const DAY = 864e5;

type Situation = {
  sessions?: number;
  orders?: number[];
  impulse?: number;
  count?: number;
  revenue?: Record<string, number>;
  sale?: Partial<Profile["sale"]>;
  productViews?: number;
  cartAdds?: number;
  categories?: Record<string, number>;
};

// A profile in a given situation; order times are days before NOW, oldest first.
function profile(s: Situation): Profile {
  const p = createProfile(NOW - 400 * DAY, "v");
  const times = (s.orders ?? []).map((d) => NOW - d * DAY);
  return {
    ...p,
    sessions: s.sessions ?? 1,
    orders: { count: s.count ?? times.length, revenue: s.revenue ?? {}, times, impulse: s.impulse ?? 0 },
    sale: { viewed: 0, viewedOnSale: 0, bought: 0, boughtOnSale: 0, ...s.sale },
    productViews: s.productViews ?? 0,
    cartAdds: s.cartAdds ?? 0,
    affinity: { ...p.affinity, category: Object.fromEntries(Object.entries(s.categories ?? {}).map(([k, v]) => [k, { s: v, t: NOW }])) },
  };
}

const has = (segment: string, s: Situation) => getSegments(profile(s), NOW).includes(segment);

describe("segment new / returning", () => {
  it.each([
    [0, true, false],
    [1, true, false],
    [2, false, true],
    [9, false, true],
  ])("sessions %i → new %s, returning %s", (sessions, isNew, returning) => {
    expect([has("new", { sessions }), has("returning", { sessions })]).toEqual([isNew, returning]);
  });
});

describe("segment loyal", () => {
  it.each<[string, number[], boolean]>([
    ["3 orders 30 days apart, last 10 days ago", [70, 40, 10], true],
    ["3 orders, last exactly 2 mean gaps ago", [120, 90, 60], true],
    ["3 orders, last more than 2 mean gaps ago", [121, 91, 61], false],
    ["2 orders only", [40, 10], false],
    ["gaps of 10 and 50 days (cv 0.67)", [70, 60, 10], false],
    ["gaps of 20 and 40 days (cv 0.33)", [70, 50, 10], true],
    ["5 weekly orders", [29, 22, 15, 8, 1], true],
    ["no orders", [], false],
  ])("%s → %s", (_, orders, expected) => {
    expect(has("loyal", { orders })).toBe(expected);
  });
});

describe("segment one-time", () => {
  it.each<[string, Situation, boolean]>([
    ["one order", { orders: [3] }, true],
    ["one order long ago, back again", { orders: [300], sessions: 5 }, true],
    ["no order", { orders: [] }, false],
    ["two orders", { orders: [30, 3] }, false],
  ])("%s → %s", (_, s, expected) => {
    expect(has("one-time", s)).toBe(expected);
  });
});

describe("segment irregular", () => {
  it.each<[string, number[], boolean]>([
    ["two orders", [30, 3], true],
    ["three orders without rhythm", [200, 190, 3], true],
    ["three orders on a rhythm (loyal)", [70, 40, 10], false],
    ["one order", [3], false],
  ])("%s → %s", (_, orders, expected) => {
    expect(has("irregular", { orders })).toBe(expected);
  });
});

describe("segment discount-seeker", () => {
  it.each<[string, NonNullable<Situation["sale"]>, boolean]>([
    ["3 of 5 views on sale", { viewed: 5, viewedOnSale: 3 }, true],
    ["2 of 5 views on sale", { viewed: 5, viewedOnSale: 2 }, false],
    ["4 of 4 views on sale (too few)", { viewed: 4, viewedOnSale: 4 }, false],
    ["1 of 2 bought on sale", { bought: 2, boughtOnSale: 1 }, true],
    ["1 of 3 bought on sale", { bought: 3, boughtOnSale: 1 }, false],
    ["1 of 1 bought on sale (too few)", { bought: 1, boughtOnSale: 1 }, false],
    ["nothing", {}, false],
  ])("%s → %s", (_, sale, expected) => {
    expect(has("discount-seeker", { sale })).toBe(expected);
  });
});

describe("segment impulse", () => {
  it.each<[string, Situation, boolean]>([
    ["1 impulse order of 1", { orders: [1], impulse: 1 }, true],
    ["1 impulse order of 2", { orders: [9, 1], impulse: 1 }, true],
    ["1 impulse order of 3", { orders: [20, 9, 1], impulse: 1 }, false],
    ["orders but no impulse", { orders: [1] }, false],
    ["no orders", {}, false],
  ])("%s → %s", (_, s, expected) => {
    expect(has("impulse", s)).toBe(expected);
  });
});

describe("segment need-based", () => {
  it.each<[string, Situation, boolean]>([
    ["focused on one department", { productViews: 5, categories: { Shoes: 7, "Shoes > Trail": 7, Hats: 3 } }, true],
    ["70% exactly", { productViews: 3, categories: { Shoes: 7, Hats: 3 } }, true],
    ["spread over departments", { productViews: 5, categories: { Shoes: 6, Hats: 4 } }, false],
    ["too few product views", { productViews: 2, categories: { Shoes: 10 } }, false],
    ["no category interest", { productViews: 5 }, false],
  ])("%s → %s", (_, s, expected) => {
    expect(has("need-based", s)).toBe(expected);
  });
});

describe("segment wanderer", () => {
  const four = { A: 1, B: 1, C: 1, D: 1 };
  it.each<[string, Situation, boolean]>([
    ["10 views over 4 departments, no cart", { productViews: 10, categories: four }, true],
    ["9 views", { productViews: 9, categories: four }, false],
    ["3 departments", { productViews: 20, categories: { A: 1, B: 1, C: 1, "C > D": 5 } }, false],
    ["a faint fourth department", { productViews: 20, categories: { ...four, D: 0.4 } }, false],
    ["added to cart", { productViews: 20, categories: four, cartAdds: 1 }, false],
    ["ordered", { productViews: 20, categories: four, orders: [5] }, false],
    ["one department holds 77% of the interest (need-based)", { productViews: 20, categories: { A: 10, B: 1, C: 1, D: 1 } }, false],
  ])("%s → %s", (_, s, expected) => {
    expect(has("wanderer", s)).toBe(expected);
  });
});

describe("getSegments", () => {
  it("lists segments in a fixed order", () => {
    expect(getSegments(profile({ sessions: 3, orders: [70, 40, 10], sale: { bought: 2, boughtOnSale: 2 }, productViews: 4, categories: { Shoes: 5 } }), NOW)).toEqual(["returning", "loyal", "discount-seeker", "need-based"]);
  });

  it("never calls a visitor need-based and a wanderer at once", () => {
    const focused = profile({ productViews: 20, categories: { A: 10, B: 1, C: 1, D: 1 } });
    expect(getSegments(focused, NOW)).toEqual(["new", "need-based"]);
  });

  it("lists only the ids of SEGMENTS, in its order", () => {
    const all = [profile({ sessions: 3, orders: [70, 40, 10], impulse: 3, sale: { viewed: 5, viewedOnSale: 5 }, productViews: 4, categories: { Shoes: 5 } }), profile({ orders: [3] }), profile({ orders: [30, 3] }), profile({ productViews: 10, categories: { A: 1, B: 1, C: 1, D: 1 } })];
    const seen = all.flatMap((p) => getSegments(p, NOW));
    expect(SEGMENTS.filter((s) => seen.includes(s))).toEqual(SEGMENTS);
    for (const p of all) {
      const ids = getSegments(p, NOW);
      expect(SEGMENTS.filter((s) => ids.includes(s))).toEqual(ids);
    }
  });

  it("exports its thresholds", () => {
    expect(THRESHOLDS).toMatchObject({ loyalOrders: 3, loyalMaxCv: 0.5, needShare: 0.7 });
  });
});

describe("getRfm", () => {
  it("is null before the first order", () => {
    expect(getRfm(profile({}), NOW)).toBeNull();
  });

  it.each<[string, Situation, [number, number, number]]>([
    ["one small order today", { orders: [0], revenue: { USD: 20 } }, [5, 1, 1]],
    ["7 days, 2 orders, 50", { orders: [30, 7], revenue: { USD: 50 } }, [5, 2, 2]],
    ["8 days, 3 orders, 149.99", { orders: [60, 30, 8], revenue: { USD: 149.99 } }, [4, 3, 2]],
    ["30 days, 5 orders, 500", { orders: [90, 80, 70, 60, 30], revenue: { USD: 500 } }, [4, 4, 4]],
    ["90 days, 10 orders, 1500", { orders: [90], count: 10, revenue: { USD: 1500 } }, [3, 5, 5]],
    ["180 days", { orders: [180], revenue: { USD: 1 } }, [2, 1, 1]],
    ["181 days", { orders: [181], revenue: { USD: 1 } }, [1, 1, 1]],
    ["order times pruned", { orders: [], count: 2, revenue: { USD: 10 } }, [1, 2, 1]],
    ["main currency is the largest total", { orders: [1], revenue: { USD: 40, EUR: 600 } }, [5, 1, 4]],
  ])("%s → r, f, m", (_, s, [r, f, m]) => {
    expect(getRfm(profile(s), NOW)).toEqual({ r, f, m });
  });

  it.each<[string, Record<string, number>, number]>([
    ["PKR 5,000 (about 18 dollars)", { PKR: 5000 }, 2],
    ["PKR 20,000", { PKR: 20000 }, 3],
    ["JPY 3,000 (about 20 dollars)", { JPY: 3000 }, 1],
    ["JPY 150,000", { JPY: 150000 }, 5],
    ["IDR 1,000,000 (about 60 dollars)", { IDR: 1e6 }, 2],
    ["KWD 150 (about 490 dollars)", { KWD: 150 }, 5],
    ["KWD 4.9", { KWD: 4.9 }, 1],
    ["SEK 600", { SEK: 600 }, 2],
    ["a currency not listed counts like the dollar", { CHF: 500 }, 4],
  ])("scales the monetary bands to the currency: %s", (_, revenue, m) => {
    expect(getRfm(profile({ orders: [1], revenue }), NOW)?.m).toBe(m);
  });

  it("lists each currency once, as three capital letters", () => {
    const codes = MAGNITUDE.join(" ").split(" ").filter(Boolean);
    expect(codes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each<[string, Record<string, number>, number]>([
    ["the main currency is the largest in dollar-sized units", { USD: 400, PKR: 100000 }, 4],
    ["and not the largest number", { USD: 400, PKR: 1000 }, 3],
  ])("%s", (_, revenue, m) => {
    expect(getRfm(profile({ orders: [1], revenue }), NOW)?.m).toBe(m);
  });
});
