import { describe, expect, it } from "vitest";
import { recommend } from "../../../src/recommend/recommend";
import { catalog, ids, NOW, product, profileOf, view } from "./fixtures";
import { createProfile } from "../../../src/profile/create-profile";

const shop = catalog();
const at = (id: string) => shop.find((p) => p.id == id)!;

describe("for-you", () => {
  it("ranks products of the categories and brands the visitor engaged with first", () => {
    const profile = profileOf(view(at("run1")), view(at("run2")), ["dwell", { path: "/p/run1", seconds: 50, productId: "run1" }]);
    const list = recommend(shop, profile, { strategy: "for-you", limit: 3 }, { now: NOW });
    expect(ids(list)).toEqual(["run1", "run2", "frm1"]);
    expect(list.every((r) => r.strategy == "for-you")).toBe(true);
    expect(list[0]!.reasons).toEqual(["You like \u2068Running\u2069", "You like \u2068Swift\u2069"]);
  });

  it("puts a stated interest above inferred ones", () => {
    const profile = profileOf(view(at("run1")), ["interest_add", { kind: "brand", value: "Carry" }]);
    expect(ids(recommend(shop, profile, { limit: 2 }, { now: NOW })).sort()).toEqual(["bag1", "bag2"]);
  });

  it("forgets a removed interest", () => {
    const profile = profileOf(view(at("run4")), view(at("bag1")), ["interest_remove", { kind: "category", value: "Shoes" }], ["interest_remove", { kind: "brand", value: "Pace" }]);
    const list = recommend(shop, profile, { limit: 4 }, { now: NOW });
    expect(list.filter((r) => r.strategy == "for-you").map((r) => r.category?.[0])).toEqual(["Bags", "Bags"]);
    expect(list.some((r) => r.reasons.includes("You like \u2068Running\u2069"))).toBe(false);
  });

  it("lets older interests fade with the half-life", () => {
    const profile = profileOf(view(at("run1")), view(at("bag1")));
    profile.affinity.category["Shoes"]!.t -= 60 * 864e5;
    profile.affinity.category["Shoes > Running"]!.t -= 60 * 864e5;
    expect(recommend(shop, profile, { limit: 1 }, { now: NOW })[0]!.id).toBe("bag1");
  });

  it("prefers products in the visitor's price band among equals", () => {
    const cheap = product("cheap", ["Tea"], { price: 5, popularity: 1 });
    const dear = product("dear", ["Tea"], { price: 50, popularity: 1 });
    const profile = profileOf(view(product("seen", ["Tea"], { price: 40 })));
    expect(ids(recommend([cheap, dear], profile, { limit: 2 }, { now: NOW }))).toEqual(["dear", "cheap"]);
  });
});

describe("recently-viewed", () => {
  it("lists viewed products most recent first, with the catalog's current data", () => {
    const profile = profileOf(view(at("run1")), view(at("bag1"), { title: "Old title" }));
    const list = recommend(shop, profile, { strategy: "recently-viewed" }, { now: NOW });
    expect(ids(list)).toEqual(["bag1", "run1"]);
    expect(list[0]!.title).toBe("Day Pack");
    expect(list[0]!.reasons).toEqual(["You viewed this recently"]);
  });

  it("falls back to what was seen on the page when the catalog lacks the product", () => {
    const profile = profileOf(["view_item", { items: [{ id: "page-only", title: "Seen on a page", url: "https://shop.example/x", price: 5 }] }]);
    const list = recommend([], profile, { strategy: "recently-viewed" }, { now: NOW });
    expect(list).toMatchObject([{ id: "page-only", title: "Seen on a page", url: "https://shop.example/x", price: 5 }]);
    expect(list[0]).not.toHaveProperty("session");
  });

  it("never fills up with products the visitor did not view", () => {
    expect(recommend(shop, createProfile(NOW, "v"), { strategy: "recently-viewed" }, { now: NOW })).toEqual([]);
  });
});

describe("similar", () => {
  it("ranks the same leaf category and brand, then the same branch, near the context price", () => {
    const list = recommend(shop, createProfile(NOW, "v"), { strategy: "similar", context: "run1", limit: 3 }, { now: NOW, maxPerCategory: 3 });
    expect(ids(list)).toEqual(["run3", "run2", "run4"]);
    expect(list[0]!.reasons).toEqual(["Similar to \u2068Trail Runner\u2069"]);
  });

  it("uses the last viewed product when no context is given", () => {
    const profile = profileOf(view(at("bag1")));
    const list = recommend(shop, profile, { strategy: "similar", limit: 2 }, { now: NOW });
    expect(ids(list)).toEqual(["bag2", "bag3"]);
  });
});

describe("bought-together", () => {
  const withRelated = [...shop.map((p) => (p.id == "run1" ? { ...p, related: ["bag3", "aud1"] } : p))];

  it("starts with the feed's related products, then shared co-occurrence, then the visitor's co-views", () => {
    const profile = profileOf(view(at("frm2")), view(at("run1")), view(at("bag2")));
    const list = recommend(withRelated, profile, { strategy: "bought-together", context: "run1", limit: 4 }, { now: NOW, related: { run1: ["frm1", "bag3"] } });
    expect(ids(list)).toEqual(["bag3", "aud1", "frm1", "bag2"]);
    expect(list[0]!.reasons).toEqual(["Often bought with \u2068Trail Runner\u2069"]);
    expect(list[3]!.reasons).toEqual(["Because you viewed \u2068Trail Runner\u2069"]);
    expect(list.every((r) => r.strategy == "bought-together")).toBe(true);
  });

  it("finds the visitor's co-views when the context and the view name the product differently", () => {
    const list = shop.map((p) => (p.id == "run1" ? { ...p, sku: "SW-1" } : p));
    const byId = profileOf(view(at("frm2")), view(at("run1")));
    const bySku = profileOf(view(at("frm2")), view(at("run1"), { id: "SW-1" }));
    for (const [profile, context] of [[byId, "SW-1"], [bySku, "run1"]] as const) {
      const [first] = recommend(list, profile, { strategy: "bought-together", context, limit: 1 }, { now: NOW });
      expect([first!.id, first!.reasons[0]]).toEqual(["frm2", "Because you viewed \u2068Trail Runner\u2069"]);
    }
  });

  it("counts only products viewed in the same session as the context", () => {
    const profile = profileOf(view(at("frm2")));
    const later = profileOf(view(at("run1")));
    later.viewed.push({ ...profile.viewed[0]!, session: 99 });
    const list = recommend(shop, later, { strategy: "bought-together", context: "run1", limit: 4 }, { now: NOW });
    expect(list.some((r) => r.id == "frm2" && r.strategy == "bought-together")).toBe(false);
  });
});

describe("trending", () => {
  it("orders by feed popularity, with rating × count when popularity is missing", () => {
    const list = recommend(shop, createProfile(NOW, "v"), { strategy: "trending", limit: 4 }, { now: NOW });
    expect(ids(list)).toEqual(["aud1", "bag1", "bag2", "aud2"]);
    expect(list[0]!.reasons).toEqual(["Popular now"]);
  });
});

describe("price-drop", () => {
  it("lists viewed products now cheaper than when seen, biggest drop first", () => {
    const profile = profileOf(view(at("run1"), { price: 100 }), view(at("bag1"), { price: 120 }), view(at("aud1")));
    const list = recommend(shop, profile, { strategy: "price-drop" }, { now: NOW });
    expect(ids(list)).toEqual(["bag1", "run1"]);
    expect(list[0]!.reasons).toEqual(["Price dropped \u206850%\u2069 since you looked"]);
  });

  it("ignores a price in another currency", () => {
    const profile = profileOf(view(at("run1"), { price: 100, currency: "EUR" }));
    const shopPkr = shop.map((p) => ({ ...p, currency: "PKR" }));
    expect(recommend(shopPkr, profile, { strategy: "price-drop" }, { now: NOW })).toEqual([]);
  });
});

describe("back-in-stock", () => {
  it("lists products viewed while out of stock that are in stock now", () => {
    const profile = profileOf(view(at("run1"), { availability: "out_of_stock" }), view(at("run2")));
    const list = recommend(shop, profile, { strategy: "back-in-stock" }, { now: NOW });
    expect(ids(list)).toEqual(["run1"]);
    expect(list[0]!.reasons).toEqual(["Back in stock"]);
  });

  it("stays empty while the product is still out of stock", () => {
    const profile = profileOf(view(at("run1"), { availability: "out_of_stock" }));
    const still = shop.map((p) => (p.id == "run1" ? product("run1", ["Shoes", "Running"], { availability: "out_of_stock" }) : p));
    expect(recommend(still, profile, { strategy: "back-in-stock" }, { now: NOW })).toEqual([]);
  });
});
