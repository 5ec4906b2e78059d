import { describe, expect, it } from "vitest";
import type { Profile } from "../../../src/types";
import { createProfile } from "../../../src/profile/create-profile";
import { KEEP_TIMES } from "../../../src/profile/limits";
import { pruneProfile, validateProfile } from "../../../src/profile/validate";
import { getSegments, THRESHOLDS } from "../../../src/segments/segments";
import { DAY, T0, ev, run } from "./helpers";

const full = (): Profile =>
  run([
    ev("page_view", { path: "/", pageType: "home" }),
    ev("view_item", { items: [{ id: "p1", title: "Shoe", url: "https://s.example/p1", price: 10, currency: "USD", category: ["Shoes"], brand: "Acme", tags: ["x"], availability: "in_stock" }] }),
    ev("add_to_cart", { items: [{ id: "p1", price: 10 }] }),
    ev("purchase", { items: [{ id: "p2", price: 5 }], currency: "USD" }),
    ev("survey_shown", { surveyId: "nps" }),
    ev("survey_response", { surveyId: "nps", answers: { a: 1, b: "x", c: ["y"] }, completed: true }),
    ev("survey_dismissed", { surveyId: "nps" }),
    ev("channel_select", { channel: "email", preferred: true }),
    ev("interest_add", { kind: "tag", value: "x" }),
    ev("interest_remove", { kind: "brand", value: "Acme" }),
    ev("not_interested", { productId: "p3", category: "Hats" }),
  ]);

// A JSON copy of a profile with one change made by `edit`.
const broken = (edit: (p: Record<string, any>) => void): unknown => {
  const p = JSON.parse(JSON.stringify(full()));
  edit(p);
  return p;
};

describe("validateProfile", () => {
  it("accepts profiles the fold makes, after a JSON round trip", () => {
    const p = JSON.parse(JSON.stringify(full()));
    expect(validateProfile(p)).toBe(p);
    expect(validateProfile(createProfile(T0, "x"))).toBeTruthy();
  });

  it.each([
    ["not an object", () => "profile"],
    ["null", () => null],
    ["an array", () => []],
    ["another version", () => broken((p) => (p.v = 2))],
    ["a missing field", () => broken((p) => delete p.sessions)],
    ["an unknown field", () => broken((p) => (p.extra = 1))],
    ["a string count", () => broken((p) => (p.pageViews = "3"))],
    ["a NaN count", () => broken((p) => (p.orders.count = Number.NaN))],
    ["a bad session flag", () => broken((p) => (p.session.carted = 1))],
    ["a bad affinity score", () => broken((p) => (p.affinity.brand.Acme = { s: "1", t: 0 }))],
    ["a bad cart line", () => broken((p) => p.cart.push({ id: 5, quantity: 1 }))],
    ["an unknown availability", () => broken((p) => (p.viewed[0].availability = "maybe"))],
    ["a viewed entry without time", () => broken((p) => delete p.viewed[0].t)],
    ["too many viewed products", () => broken((p) => (p.viewed = Array(61).fill(p.viewed[0])))],
    ["too many order times", () => broken((p) => (p.orders.times = Array(21).fill(1)))],
    ["a bad survey answer", () => broken((p) => (p.surveys.nps.answers.a = { x: 1 }))],
    ["a non-string stated interest", () => broken((p) => p.stated.push(1))],
    ["a bad personalization flag", () => broken((p) => (p.personalization = "yes"))],
    ["a __proto__ key", () => broken((p) => (p.affinity.brand = JSON.parse('{"__proto__": {"s": 1, "t": 0}}')))],
    ["a constructor key", () => broken((p) => (p.channel.picks = { constructor: 1 }))],
    ["a prototype key deep inside", () => broken((p) => (p.surveys.nps.answers = { prototype: 1 }))],
  ])("rejects %s", (_, make) => {
    expect(validateProfile(make())).toBeUndefined();
  });
});

describe("pruneProfile", () => {
  it("drops facts older than the retention period and scores that decayed to nothing", () => {
    const old = run([
      ev("view_item", { items: [{ id: "old", brand: "Gone" }] }, T0),
      ev("purchase", { items: [{ id: "x" }] }, T0),
      ev("survey_shown", { surveyId: "s-old" }, T0),
      ev("view_item", { items: [{ id: "new", brand: "Kept" }] }, T0 + 100 * DAY),
      ev("survey_shown", { surveyId: "s-new" }, T0 + 100 * DAY),
    ]);
    const p = pruneProfile(old, T0 + 120 * DAY, 30);
    expect(p.viewed.map((v) => v.id)).toEqual(["new"]);
    expect(Object.keys(p.surveys)).toEqual(["s-new"]);
    // The last order's date stays with its count, so "days since the last order" keeps an answer.
    expect(p.orders).toMatchObject({ count: 1, times: [T0] });
    expect(p.interruptions).toEqual([T0 + 100 * DAY]);
    expect(Object.keys(p.affinity.brand)).toEqual(["Kept"]);
    expect(validateProfile(p)).toBe(p);
  });

  it("keeps only the last three orders' dates past the retention period", () => {
    const p = run([0, 10, 20, 30].map((d) => ev("purchase", { items: [{ id: "x" }] }, T0 + d * DAY)));
    expect(pruneProfile(p, T0 + 200 * DAY, 30).orders.times).toEqual([T0 + 10 * DAY, T0 + 20 * DAY, T0 + 30 * DAY]);
    expect(pruneProfile(p, T0 + 30 * DAY, 30).orders.times).toEqual([T0, T0 + 10 * DAY, T0 + 20 * DAY, T0 + 30 * DAY]);
  });

  it("keeps a quarterly buyer loyal through pruning", () => {
    const p = run([0, 91, 182].map((d) => ev("purchase", { items: [{ id: "x" }] }, T0 + d * DAY)));
    const now = T0 + 200 * DAY;
    expect(getSegments(pruneProfile(p, now, 180), now)).toContain("loyal");
    expect(KEEP_TIMES).toBe(THRESHOLDS.loyalOrders);
  });

  it("brings times stamped by a clock that ran a year ahead back to now, so the visitor carries on", () => {
    const AHEAD = T0 + 365 * DAY;
    const item = { id: "x", price: 10, brand: "Acme" };
    const skewed = run([
      ev("page_view", { path: "/", pageType: "home" }, AHEAD),
      ev("view_item", { items: [item] }, AHEAD),
      ev("purchase", { items: [item], currency: "USD" }, AHEAD),
      ev("survey_shown", { surveyId: "nps" }, AHEAD),
    ]);
    // The clock is right again: the next day the stored profile is read and the visitor shops.
    const now = T0 + DAY;
    const p = pruneProfile(skewed, now, 180);
    expect([p.viewed[0]!.t, p.orders.times, p.affinity.brand.Acme!.t, p.surveys.nps!.shown, p.interruptions]).toEqual([now, [now], now, now, [now]]);
    expect(validateProfile(p)).toBe(p);
    const later = run([ev("page_view", { path: "/", pageType: "home" }, now), ev("view_item", { items: [item] }, now), ev("add_to_cart", { items: [item] }, now + 1)], p);
    // A new session, a cart that fills, and interest that grows instead of arriving a year decayed.
    expect(later.sessions).toBe(2);
    expect(getSegments(later, now)).toContain("returning");
    expect(later.cart).toEqual([{ id: "x", quantity: 1, price: 10 }]);
    expect(later.affinity.brand.Acme!.s).toBeGreaterThan(p.affinity.brand.Acme!.s + 3.9);
  });

  it("forgets discount sensitivity with the product views and orders it came from", () => {
    const sale = (id: string) => ({ id, price: 5, compareAtPrice: 10 });
    const seeker = run([
      ...["a", "b", "c", "d", "e"].map((id) => ev("view_item", { items: [sale(id)] })),
      ev("purchase", { items: [sale("a"), sale("b")], currency: "USD" }),
      ev("view_item", { items: [{ id: "f", price: 5 }] }, T0 + 100 * DAY),
    ]);
    expect(pruneProfile(seeker, T0 + 150 * DAY, 180).sale).toEqual({ viewed: 6, viewedOnSale: 5, bought: 2, boughtOnSale: 2 });
    // 200 days on: no order in the retention period, but a product view.
    expect(pruneProfile(seeker, T0 + 200 * DAY, 180).sale).toEqual({ viewed: 6, viewedOnSale: 5, bought: 0, boughtOnSale: 0 });
    // Nothing in it: back after two years, no longer a discount seeker.
    const back = pruneProfile(seeker, T0 + 730 * DAY, 180);
    expect(back.sale).toEqual({ viewed: 0, viewedOnSale: 0, bought: 0, boughtOnSale: 0 });
    expect(getSegments(back, T0 + 730 * DAY)).not.toContain("discount-seeker");
  });

  it("keeps a survey answered recently even when it was first shown long ago", () => {
    const p = run([ev("survey_shown", { surveyId: "s" }, T0), ev("survey_response", { surveyId: "s", answers: {}, completed: true }, T0 + 50 * DAY)]);
    expect(Object.keys(pruneProfile(p, T0 + 60 * DAY, 30).surveys)).toEqual(["s"]);
  });

  it("drops affinity that decayed below 0.01 even within the retention period", () => {
    const p = run([ev("view_item_list", { items: [{ id: "a", brand: "Faint" }] }, T0)]);
    expect(pruneProfile(p, T0 + 90 * DAY, 180).affinity.brand).toEqual({});
    expect(pruneProfile(p, T0 + 60 * DAY, 180).affinity.brand).toHaveProperty("Faint");
  });
});
