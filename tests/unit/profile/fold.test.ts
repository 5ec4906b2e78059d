import { describe, expect, it, vi } from "vitest";
import { _resetWarnings } from "../../../src/log";
import type { EventItem, TrackedEvent } from "../../../src/types";
import { createProfile } from "../../../src/profile/create-profile";
import { foldProfile, priceBand, score } from "../../../src/profile/fold";
import { validateProfile } from "../../../src/profile/validate";
import { DAY, MIN, T0, deepFreeze, ev, run, seeded } from "./helpers";

const shoe: EventItem = { id: "p1", title: "Trail shoe", url: "https://shop.example/p1", price: 80, compareAtPrice: 100, currency: "USD", category: ["Shoes", "Running", "Trail"], brand: "Acme", tags: ["waterproof"], availability: "in_stock" };
const page = (time = T0) => ev("page_view", { path: "/", pageType: "home" }, time);
const view = (item: EventItem, time = T0) => ev("view_item", { items: [item] }, time);

describe("createProfile", () => {
  it("makes a valid empty profile with no session yet", () => {
    const p = createProfile(T0, "v1");
    expect(validateProfile(p)).toBe(p);
    expect([p.id, p.firstSeen, p.sessions, p.personalization]).toEqual(["v1", T0, 0, true]);
  });
});

describe("sessions", () => {
  it("starts session 1 with the first event and records first and last seen", () => {
    const p = run([page(T0), page(T0 + 5 * MIN)]);
    expect(p.sessions).toBe(1);
    expect(p.session).toEqual({ start: T0, last: T0 + 5 * MIN, pageViews: 2, productViews: 0, carted: false });
    expect([p.firstSeen, p.lastSeen, p.pageViews]).toEqual([T0, T0 + 5 * MIN, 2]);
  });

  it("keeps the session after 30 minutes less a millisecond without activity", () => {
    expect(run([page(T0), page(T0 + 30 * MIN - 1)]).sessions).toBe(1);
  });

  it("starts a new session after exactly 30 minutes without activity, resetting its counters", () => {
    const p = run([page(T0), view(shoe, T0 + MIN), ev("add_to_cart", { items: [shoe] }, T0 + MIN), page(T0 + 31 * MIN)]);
    expect(p.sessions).toBe(2);
    expect(p.session).toEqual({ start: T0 + 31 * MIN, last: T0 + 31 * MIN, pageViews: 1, productViews: 0, carted: false });
    expect([p.pageViews, p.productViews]).toEqual([2, 1]);
  });

  it("measures inactivity from the last event, not from the session start", () => {
    const times = [0, 20, 40, 60, 80].map((m) => T0 + m * MIN);
    expect(run(times.map((t) => page(t))).sessions).toBe(1);
  });
});

describe("product views", () => {
  it("records the product as it was then, most recent first, with session and view count", () => {
    const p = run([view(shoe), view({ id: "p2", title: "Sock" }, T0 + MIN), view({ ...shoe, price: 70 }, T0 + 2 * MIN)]);
    expect(p.viewed.map((v) => v.id)).toEqual(["p1", "p2"]);
    expect(p.viewed[0]).toEqual({ id: "p1", title: "Trail shoe", url: "https://shop.example/p1", price: 70, currency: "USD", category: ["Shoes", "Running", "Trail"], brand: "Acme", availability: "in_stock", t: T0 + 2 * MIN, session: 1, views: 2, seconds: 0 });
    expect([p.productViews, p.session.productViews]).toEqual([3, 3]);
  });

  it("keeps the 60 most recent products", () => {
    const p = run(Array.from({ length: 70 }, (_, i) => view({ id: `p${i}` }, T0 + i)));
    expect(p.viewed).toHaveLength(60);
    expect(p.viewed[0]!.id).toBe("p69");
  });

  it("drops links that are not http(s) and clips long text", () => {
    const p = run([view({ id: "x", url: "javascript:alert(1)", image: "data:image/png;base64,AA", title: "t".repeat(500) })]);
    expect(p.viewed[0]!.url).toBeUndefined();
    expect(p.viewed[0]!.image).toBeUndefined();
    expect(p.viewed[0]!.title).toHaveLength(100);
  });

  it("counts views of items on sale for discount sensitivity", () => {
    const p = run([view(shoe), view({ id: "p2", price: 10 }), view({ id: "p3", price: 10, compareAtPrice: 5 })]);
    expect(p.sale).toMatchObject({ viewed: 3, viewedOnSale: 1 });
  });
});

describe("affinity", () => {
  it("scores every category prefix, the brand, each tag and the price band", () => {
    const p = run([view(shoe)]);
    expect(Object.keys(p.affinity.category)).toEqual(["Shoes", "Shoes > Running", "Shoes > Running > Trail"]);
    expect(p.affinity.brand).toEqual({ Acme: { s: 1, t: T0 } });
    expect(p.affinity.tag).toEqual({ waterproof: { s: 1, t: T0 } });
    expect(p.affinity.price).toEqual({ "64": { s: 1, t: T0 } });
  });

  it("weighs list view < product view < engaged dwell < add to cart < purchase", () => {
    const brand = (events: TrackedEvent[]) => run(events).affinity.brand.Acme!.s;
    const list = brand([ev("view_item_list", { items: [shoe] })]);
    const viewed = brand([view(shoe)]);
    const dwell = brand([view(shoe), ev("dwell", { path: "/p1", seconds: 90, productId: "p1" })]) - viewed;
    const cart = brand([ev("add_to_cart", { items: [shoe] })]);
    const bought = brand([ev("purchase", { items: [shoe] })]);
    expect([list, viewed, dwell, cart, bought]).toEqual([0.25, 1, 2, 3, 5]);
  });

  it("scales dwell with engaged seconds, capped per event", () => {
    const dwell = (seconds: number) => run([view(shoe), ev("dwell", { path: "/p1", seconds, productId: "p1" })]).affinity.brand.Acme!.s - 1;
    expect([dwell(15), dwell(30), dwell(60), dwell(3000)]).toEqual([0.5, 1, 2, 2]);
  });

  it("halves a score every half-life and decays it to now before adding", () => {
    const p = run([view(shoe), view(shoe, T0 + 14 * DAY)]);
    expect(p.affinity.brand.Acme).toEqual({ s: 1.5, t: T0 + 14 * DAY });
    expect(score(p.affinity.brand.Acme, T0 + 28 * DAY, 14)).toBeCloseTo(0.75);
    expect(score(undefined, T0, 14)).toBe(0);
    const fast = foldProfile(run([view(shoe)]), view(shoe, T0 + 7 * DAY), T0 + 7 * DAY, { halfLifeDays: 7 });
    expect(fast.affinity.brand.Acme!.s).toBe(1.5);
  });

  it("keeps the 40 strongest keys per kind", () => {
    const events = Array.from({ length: 60 }, (_, i) => view({ id: `p${i}`, brand: `b${i}` }, T0 + i * 1000));
    const p = run([...events, view({ id: "p0", brand: "b0" }, T0 + DAY)]);
    const brands = Object.keys(p.affinity.brand);
    expect(brands).toHaveLength(40);
    expect(brands).toContain("b0");
    expect(brands).toContain("b59");
    expect(brands).not.toContain("b1");
  });

  it("bands prices on a log scale (powers of two)", () => {
    expect([0.5, 1, 63.99, 64, 127, 128, 1500].map(priceBand)).toEqual(["0", "1", "32", "64", "64", "128", "1024"]);
  });

  it("never writes prototype keys from product data", () => {
    const p = run([view({ id: "x", brand: "__proto__", tags: ["constructor", "ok"], category: ["prototype"] })]);
    expect(Object.keys(p.affinity.brand)).toEqual([]);
    expect(Object.keys(p.affinity.tag)).toEqual(["ok"]);
    expect(Object.getPrototypeOf(p.affinity.brand)).toBe(Object.prototype);
    expect(validateProfile(p)).toBe(p);
  });
});

describe("dwell", () => {
  it("adds engaged seconds to the profile and to the product in view", () => {
    const p = run([view(shoe), ev("dwell", { path: "/p1", seconds: 12.5, productId: "p1" }), ev("dwell", { path: "/", seconds: 4 })]);
    expect(p.engagedSeconds).toBe(16.5);
    expect(p.viewed[0]!.seconds).toBe(12.5);
  });

  it("ignores negative or absurd durations", () => {
    expect(run([ev("dwell", { path: "/", seconds: -5 }), ev("dwell", { path: "/", seconds: Number.NaN })]).engagedSeconds).toBe(0);
    expect(run([ev("dwell", { path: "/", seconds: 1e9 })]).engagedSeconds).toBe(1800);
  });
});

describe("cart", () => {
  it("adds and removes quantities, dropping lines that reach zero", () => {
    const p = run([
      ev("add_to_cart", { items: [{ ...shoe, quantity: 2 }] }),
      ev("add_to_cart", { items: [{ id: "p2", price: 5 }] }),
      ev("remove_from_cart", { items: [{ id: "p1", quantity: 1 }] }),
      ev("remove_from_cart", { items: [{ id: "p2" }] }),
    ]);
    expect(p.cart).toEqual([{ id: "p1", quantity: 1, price: 80, currency: "USD", title: "Trail shoe" }]);
    expect([p.cartAdds, p.session.carted]).toEqual([2, true]);
  });

  it("accepts a single item passed without an items list", () => {
    const p = run([ev("add_to_cart", { id: "sku-1", price: 20 } as never)]);
    expect(p.cart).toEqual([{ id: "sku-1", quantity: 1, price: 20 }]);
  });

  it("takes the whole cart from view_cart and begin_checkout", () => {
    const p = run([ev("add_to_cart", { items: [shoe] }), ev("view_cart", { items: [{ id: "p9", quantity: 3 }] })]);
    expect(p.cart).toEqual([{ id: "p9", quantity: 3 }]);
  });
});

describe("purchase", () => {
  it("counts the order, its revenue from value, the bought ids and empties the cart", () => {
    const p = run([ev("add_to_cart", { items: [shoe] }), ev("purchase", { items: [shoe, { id: "p2", price: 5 }], value: 85, currency: "usd" }, T0 + MIN)]);
    expect(p.orders).toEqual({ count: 1, revenue: { USD: 85 }, times: [T0 + MIN], impulse: 1 });
    expect(p.bought).toEqual(["p2", "p1"]);
    expect(p.cart).toEqual([]);
    expect(p.sale).toMatchObject({ bought: 2, boughtOnSale: 1 });
  });

  it("computes revenue from price times quantity when value is absent, per currency", () => {
    const p = run([
      ev("purchase", { items: [{ id: "a", price: 1.1, quantity: 3, currency: "EUR" }] }),
      ev("purchase", { items: [{ id: "b", price: 2000 }], currency: "PKR" }),
      ev("purchase", { items: [{ id: "c", price: 2 }], currency: "EUR" }),
    ]);
    expect(p.orders.revenue).toEqual({ EUR: 5.3, PKR: 2000 });
  });

  it("counts an order without a currency in the shop's: that of its cart, else of the last product viewed", () => {
    const buy = ev("purchase", { items: [], value: 2500, transactionId: "T1" }, T0 + MIN);
    expect(run([ev("add_to_cart", { items: [{ id: "x", price: 2500, currency: "PKR" }] }), buy]).orders.revenue).toEqual({ PKR: 2500 });
    expect(run([view({ id: "x", price: 2500, currency: "PKR" }), ev("add_to_cart", { items: [{ id: "x", price: 2500 }] }), buy]).orders.revenue).toEqual({ PKR: 2500 });
    expect(run([ev("purchase", { items: [], value: 30 })]).orders.revenue).toEqual({ XXX: 30 });
  });

  it("counts an impulse order only in a session under 10 minutes with at most 3 product views", () => {
    const buy = (t: number) => ev("purchase", { items: [{ id: "x", price: 1 }] }, t);
    const views = (n: number) => Array.from({ length: n }, (_, i) => view({ id: `v${i}` }, T0 + i));
    expect(run([page(T0), ...views(3), buy(T0 + 10 * MIN - 1)]).orders.impulse).toBe(1);
    expect(run([page(T0), ...views(4), buy(T0 + MIN)]).orders.impulse).toBe(0);
    expect(run([page(T0), page(T0 + 9 * MIN), buy(T0 + 10 * MIN)]).orders.impulse).toBe(0);
  });

  it("counts no impulse order when the session saw neither a product nor a cart add", () => {
    const buy = (t: number) => ev("purchase", { items: [{ id: "x", price: 1 }] }, t);
    // 40 minutes at the payment provider: the confirmation page opens a new session.
    const slowPayment = [page(T0), view({ id: "x" }, T0 + MIN), ev("add_to_cart", { items: [{ id: "x" }] }, T0 + 20 * MIN), page(T0 + 60 * MIN), buy(T0 + 61 * MIN)];
    expect(run(slowPayment).orders).toMatchObject({ count: 1, impulse: 0 });
    expect(run([page(T0), buy(T0 + MIN)]).orders.impulse).toBe(0);
    // A quick add and buy with no product page tracked is still impulse.
    expect(run([page(T0), ev("add_to_cart", { items: [{ id: "x" }] }, T0 + MIN), buy(T0 + 2 * MIN)]).orders.impulse).toBe(1);
  });

  it("counts no order for a purchase that names neither items nor a value", () => {
    const p = run([ev("purchase", { items: [], transactionId: "T1" }), ev("purchase", { items: [], value: 0 }), ev("purchase", { items: [], value: 30, currency: "USD" })]);
    expect(p.orders).toMatchObject({ count: 1, revenue: { USD: 30 } });
  });

  it("keeps the 20 most recent order times, oldest first", () => {
    const p = run(Array.from({ length: 25 }, (_, i) => ev("purchase", { items: [{ id: "x" }] }, T0 + i * DAY)));
    expect(p.orders.count).toBe(25);
    expect(p.orders.times).toHaveLength(20);
    expect(p.orders.times[0]).toBe(T0 + 5 * DAY);
  });
});

describe("surveys", () => {
  it("records showing, answering and dismissing, and each showing as an interruption", () => {
    const p = run([
      ev("survey_shown", { surveyId: "nps" }, T0),
      ev("survey_response", { surveyId: "nps", answers: { q1: 9, q2: ["a", "b"], q3: "x" }, completed: true }, T0 + 1000),
      ev("survey_shown", { surveyId: "csat" }, T0 + 2000),
      ev("survey_dismissed", { surveyId: "csat" }, T0 + 3000),
    ]);
    expect(p.surveys.nps).toEqual({ shown: T0, count: 1, answered: T0 + 1000, answers: { q1: 9, q2: ["a", "b"], q3: "x" } });
    expect(p.surveys.csat).toEqual({ shown: T0 + 2000, count: 1, dismissed: 1 });
    expect(p.interruptions).toEqual([T0, T0 + 2000]);
  });

  it("does not mark a partial response as answered and drops prototype keys in answers", () => {
    const answers = JSON.parse('{"__proto__": 1, "q": 3}');
    const p = run([ev("survey_response", { surveyId: "s", answers, completed: false })]);
    expect(p.surveys.s).toEqual({ shown: T0, count: 0, answers: { q: 3 } });
  });

  it("keeps at most 30 survey states, forgetting the one shown longest ago", () => {
    const p = run(Array.from({ length: 35 }, (_, i) => ev("survey_shown", { surveyId: `s${i}` }, T0 + i)));
    expect(Object.keys(p.surveys)).toHaveLength(30);
    expect(p.surveys.s0).toBeUndefined();
    expect(p.interruptions).toHaveLength(20);
  });
});

describe("channel_select", () => {
  it("prefers the most picked channel until the visitor names one", () => {
    const pick = (channel: string, preferred?: boolean) => ev("channel_select", preferred ? { channel, preferred } : { channel });
    expect(run([pick("email"), pick("whatsapp"), pick("whatsapp")]).channel).toEqual({ preferred: "whatsapp", picks: { email: 1, whatsapp: 2 } });
    const named = run([pick("whatsapp"), pick("whatsapp"), pick("email", true), pick("whatsapp")]);
    expect(named.channel).toEqual({ preferred: "email", explicit: true, picks: { whatsapp: 3, email: 1 } });
  });

  it("forgets a preference the visitor takes back, and the picks behind it", () => {
    const pick = (channel: string, preferred?: boolean) => ev("channel_select", preferred == null ? { channel } : { channel, preferred });
    const named = run([pick("whatsapp"), pick("email"), pick("email", true), pick("email", false)]);
    expect(named.channel).toEqual({ picks: { whatsapp: 1 } });
    // Not the preferred one (another tab preferred something else since): nothing changes.
    expect(run([pick("email", true), pick("phone", false)]).channel).toEqual({ preferred: "email", explicit: true, picks: { email: 1 } });
    // The most picked, un-preferred, does not come back at the next pick of another channel.
    expect(run([pick("email"), pick("email"), pick("email", false), pick("phone")]).channel).toEqual({ preferred: "phone", picks: { phone: 1 } });
  });
});

describe("interests", () => {
  it("states an interest and un-removes it", () => {
    const p = run([ev("interest_remove", { kind: "brand", value: "Acme" }), ev("interest_add", { kind: "brand", value: "Acme" })]);
    expect([p.stated, p.removed]).toEqual([["brand:Acme"], []]);
  });

  it("zeroes a removed interest and its sub-categories, and never infers them again", () => {
    const p = run([view(shoe), ev("interest_add", { kind: "category", value: "Shoes" }), ev("interest_remove", { kind: "category", value: "Shoes" }), view(shoe, T0 + MIN), view({ id: "h", category: ["Hats"] })]);
    expect(Object.keys(p.affinity.category)).toEqual(["Hats"]);
    expect([p.stated, p.removed]).toEqual([[], ["category:Shoes"]]);
    expect(p.affinity.brand.Acme!.s).toBe(2);
  });

  it("removes an interest whatever the case other pages write it in, as ranking compares them", () => {
    const p = run([view(shoe), ev("interest_remove", { kind: "brand", value: "Acme" }), view({ id: "a", brand: "ACME" }), ev("interest_remove", { kind: "category", value: "shoes" }), view({ id: "b", category: ["SHOES", "Running"] })]);
    expect([Object.keys(p.affinity.brand), Object.keys(p.affinity.category)]).toEqual([[], []]);
  });

  it("states an interest again in another case, taking it off the removed list", () => {
    const p = run([ev("interest_remove", { kind: "brand", value: "Acme" }), ev("interest_add", { kind: "brand", value: "acme" })]);
    expect([p.stated, p.removed]).toEqual([["brand:acme"], []]);
  });

  it("ignores unknown kinds", () => {
    const p = run([ev("interest_add", { kind: "price" as never, value: "64" })]);
    expect(p.stated).toEqual([]);
  });
});

describe("not_interested and personalization", () => {
  it("lists products and categories the visitor is not interested in, most recent first", () => {
    const p = run([ev("not_interested", { productId: "p1" }), ev("not_interested", { category: "Hats" }), ev("not_interested", { productId: "p2" })]);
    expect(p.notInterested).toEqual({ products: ["p2", "p1"], categories: ["Hats"] });
  });

  it("switches personalisation off and on", () => {
    expect(run([ev("personalization", { enabled: false })]).personalization).toBe(false);
    expect(run([ev("personalization", { enabled: false }), ev("personalization", { enabled: true })]).personalization).toBe(true);
  });
});

describe("events that change nothing learned", () => {
  it("only extend the session for exit intent, recommendations and checkout without items", () => {
    const p = run([page(T0), ev("exit_intent", { signal: "pointer" }, T0 + MIN), ev("recommendation_click", { productId: "p", strategy: "for-you", position: 1 }, T0 + 2 * MIN), ev("begin_checkout", { items: [] }, T0 + 3 * MIN)]);
    expect(p).toEqual({ ...run([page(T0)]), lastSeen: T0 + 3 * MIN, session: { ...run([page(T0)]).session, last: T0 + 3 * MIN } });
  });

  it("return the same profile for segment events and unknown names", () => {
    const p = run([page()]);
    expect(foldProfile(p, ev("segment_enter", { segment: "new" }), T0 + 1)).toBe(p);
    expect(foldProfile(p, { name: "constructor", props: {}, time: T0 } as never, T0).pageViews).toBe(1);
  });

  it("survive malformed props without throwing", () => {
    const p = run([page()]);
    const bad = [null, 5, { items: "x" }, { items: [null, 3, { id: {} }] }, { surveyId: 7 }, { answers: 5 }];
    for (const props of bad) for (const name of ["view_item", "purchase", "survey_response", "dwell", "channel_select"] as const) expect(validateProfile(foldProfile(p, { name, props, time: T0 } as never, T0))).toBeTruthy();
  });
});

// One event of each kind, in an order that touches every branch.
function everyKind(t: number): TrackedEvent[] {
  const item = { ...shoe, quantity: 2 };
  return [
    ev("page_view", { path: "/", pageType: "home" }, t),
    ev("view_item_list", { items: [item] }, t + 1),
    ev("select_item", { items: [item] }, t + 2),
    ev("view_item", { items: [item] }, t + 3),
    ev("dwell", { path: "/p1", seconds: 20, productId: "p1" }, t + 4),
    ev("add_to_cart", { items: [item] }, t + 5),
    ev("remove_from_cart", { items: [{ id: "p1", quantity: 1 }] }, t + 6),
    ev("view_cart", { items: [item] }, t + 7),
    ev("begin_checkout", { items: [item] }, t + 8),
    ev("purchase", { items: [item], value: 160, currency: "USD" }, t + 9),
    ev("exit_intent", { signal: "pointer" }, t + 10),
    ev("survey_shown", { surveyId: "nps" }, t + 11),
    ev("survey_response", { surveyId: "nps", answers: { nps: 9 }, completed: true }, t + 12),
    ev("survey_dismissed", { surveyId: "nps" }, t + 13),
    ev("channel_select", { channel: "email", preferred: true }, t + 14),
    ev("recommendation_impression", { productId: "p1", strategy: "for-you", position: 0 }, t + 15),
    ev("recommendation_click", { productId: "p1", strategy: "for-you", position: 0 }, t + 16),
    ev("interest_add", { kind: "tag", value: "trail" }, t + 17),
    ev("interest_remove", { kind: "brand", value: "Acme" }, t + 18),
    ev("not_interested", { productId: "p2", category: "Hats" }, t + 19),
    ev("personalization", { enabled: false }, t + 20),
    ev("segment_enter", { segment: "new" }, t + 21),
    ev("segment_leave", { segment: "new" }, t + 22),
  ];
}

describe("foldProfile", () => {
  it("is deterministic: the same events give the same profile", () => {
    const events = [...everyKind(T0), ...everyKind(T0 + DAY)];
    expect(JSON.stringify(run(events))).toBe(JSON.stringify(run(events)));
  });

  it("never mutates its input, for any event kind", () => {
    _resetWarnings();
    const warn = vi.spyOn(console, "warn");
    let p = deepFreeze(run(everyKind(T0)));
    for (const e of everyKind(T0 + MIN)) {
      const before = JSON.stringify(p);
      const next = foldProfile(p, e, e.time);
      expect(JSON.stringify(p)).toBe(before);
      p = deepFreeze(next);
    }
    expect(p.orders.count).toBe(2);
    expect(warn).not.toHaveBeenCalled();
  });

  it("stays under 64 KB and valid after 100,000 varied events", () => {
    const rnd = seeded(42);
    const pick = (n: number) => Math.floor(rnd() * n);
    const item = (): EventItem => {
      const id = pick(5000);
      return { id: `product-${id}`, title: `Product number ${id} in a long descriptive title`, url: `https://shop.example/products/product-${id}`, image: `https://cdn.shop.example/images/${id}.jpg`, price: 1 + pick(2000), ...(id % 3 ? {} : { compareAtPrice: 3000 }), currency: "USD", category: [`Dept ${pick(30)}`, `Aisle ${pick(50)}`, `Shelf ${pick(80)}`], brand: `Brand ${pick(300)}`, tags: [`tag-${pick(500)}`, `tag-${pick(500)}`], availability: "in_stock" };
    };
    const kinds = ["page_view", "view_item", "view_item_list", "dwell", "add_to_cart", "remove_from_cart", "purchase", "survey_shown", "survey_response", "survey_dismissed", "channel_select", "interest_add", "interest_remove", "not_interested"] as const;
    let p = createProfile(T0, "v1");
    let t = T0;
    for (let i = 0; i < 100_000; i++) {
      t += pick(10) ? 1000 + pick(120_000) : pick(5 * DAY);
      const name = kinds[pick(kinds.length)]!;
      const props: Record<string, () => unknown> = {
        page_view: () => ({ path: `/p/${pick(1000)}`, pageType: "product" }),
        view_item: () => ({ items: [item()] }),
        view_item_list: () => ({ items: [item(), item(), item()] }),
        dwell: () => ({ path: "/", seconds: pick(100), productId: `product-${pick(5000)}` }),
        add_to_cart: () => ({ items: [{ ...item(), quantity: 1 + pick(3) }] }),
        remove_from_cart: () => ({ items: [item()] }),
        purchase: () => ({ items: [item(), item()], currency: ["USD", "EUR", "PKR"][pick(3)] }),
        survey_shown: () => ({ surveyId: `survey-${pick(100)}` }),
        survey_response: () => ({ surveyId: `survey-${pick(100)}`, answers: { q1: pick(11), q2: `choice ${pick(5)}`, q3: ["a", "b"] }, completed: true }),
        survey_dismissed: () => ({ surveyId: `survey-${pick(100)}` }),
        channel_select: () => ({ channel: ["email", "whatsapp", "phone", "sms"][pick(4)] }),
        interest_add: () => ({ kind: "brand", value: `Brand ${pick(300)}` }),
        interest_remove: () => ({ kind: "tag", value: `tag-${pick(500)}` }),
        not_interested: () => ({ productId: `product-${pick(5000)}`, category: `Dept ${pick(30)}` }),
      };
      p = foldProfile(p, { name, props: props[name]!(), time: t } as TrackedEvent, t);
    }
    const size = JSON.stringify(p).length;
    expect(size).toBeLessThan(64 * 1024);
    expect(p.pageViews).toBeGreaterThan(6000);
    expect(validateProfile(JSON.parse(JSON.stringify(p)))).toBeTruthy();
  }, 60_000);
});

// A closing page's batch is folded by time after events another tab wrote later.
describe("events folded after later ones", () => {
  it("add their interest decayed to the newer score's time, without rewinding it", () => {
    const cat = (id: string, time: number) => view({ id, category: ["Shoes"] }, time);
    const late = run([cat("a", T0 + 14 * DAY), cat("b", T0)]);
    expect(late.affinity.category.Shoes).toEqual({ s: 1.5, t: T0 + 14 * DAY });
  });

  it("keep the recently viewed list newest first and the newer view's price", () => {
    const p = run([view({ id: "a", price: 50 }, T0 + 5 * MIN), view({ id: "b" }, T0 + 10 * MIN), view({ id: "a", price: 80 }, T0), view({ id: "c" }, T0 + MIN)]);
    expect(p.viewed.map((v) => [v.id, v.t, v.views])).toEqual([["b", T0 + 10 * MIN, 1], ["a", T0 + 5 * MIN, 2], ["c", T0 + MIN, 1]]);
    expect(p.viewed[1]!.price).toBe(50);
  });

  it("keep order times oldest first, so the last one is the latest order", () => {
    const buy = (time: number) => ev("purchase", { items: [{ id: "x", price: 5 }] }, time);
    expect(run([buy(T0 + 20 * DAY), buy(T0)]).orders.times).toEqual([T0, T0 + 20 * DAY]);
  });

  it("leave the cart as the later order emptied it", () => {
    const add = (time: number) => ev("add_to_cart", { items: [{ id: "x" }] }, time);
    expect(run([add(T0), ev("purchase", { items: [{ id: "x", price: 5 }] }, T0 + 5 * MIN), add(T0 + MIN)]).cart).toEqual([]);
  });

  it("keep the time a survey was last shown", () => {
    const shown = (time: number) => ev("survey_shown", { surveyId: "s" }, time);
    expect(run([shown(T0 + 5 * DAY), shown(T0)]).surveys.s).toEqual({ shown: T0 + 5 * DAY, count: 2 });
  });
});
