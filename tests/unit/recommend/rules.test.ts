import { describe, expect, it, vi } from "vitest";
import { recommend } from "../../../src/recommend/recommend";
import { createProfile } from "../../../src/profile/create-profile";
import { parseCatalog } from "../../../src/catalog/parse-catalog";
import { catalog, ids, NOW, product, profileOf, view } from "./fixtures";
import { feed } from "../catalog/helpers";

const shop = catalog();
const at = (id: string) => shop.find((p) => p.id == id)!;
const fresh = () => createProfile(NOW, "v");
const trending = (list = shop, profile = fresh(), extra = {}) => ids(recommend(list, profile, { strategy: "trending", limit: 3 }, { now: NOW, ...extra }));

describe("exclusions", () => {
  it("leaves out products that are out of stock", () => {
    const list = shop.map((p) => (p.id == "aud1" ? { ...p, availability: "out_of_stock" as const } : p));
    expect(trending(list)).toEqual(["bag1", "bag2", "aud2"]);
  });

  it("keeps out-of-stock products when the shop asks to", () => {
    const list = shop.map((p) => (p.id == "aud1" ? { ...p, availability: "out_of_stock" as const } : p));
    expect(trending(list, fresh(), { excludeOutOfStock: false })).toEqual(["aud1", "bag1", "bag2"]);
  });

  it("leaves out what the visitor already bought", () => {
    const profile = profileOf(["purchase", { items: [{ id: "aud1", price: 200 }] }]);
    expect(trending(shop, profile)).toEqual(["bag1", "bag2", "aud2"]);
  });

  it("leaves out what is in the cart", () => {
    const profile = profileOf(["add_to_cart", { items: [{ id: "bag1" }] }]);
    expect(trending(shop, profile)).toEqual(["aud1", "bag2", "bag3"]);
  });

  it("leaves out the product in view", () => {
    expect(ids(recommend(shop, fresh(), { strategy: "trending", limit: 3, context: "bag1" }, { now: NOW }))).toEqual(["aud1", "bag2", "bag3"]);
  });

  it("leaves the page's own product out of every strategy, for-you and recently viewed too", () => {
    const profile = profileOf(view(at("frm1")), view(at("run1")));
    for (const strategy of ["for-you", "recently-viewed", "trending"] as const) {
      const all = ids(recommend(shop, profile, { strategy, limit: 8 }, { now: NOW, maxPerCategory: 8 }));
      const onPage = ids(recommend(shop, profile, { strategy, limit: 8 }, { now: NOW, maxPerCategory: 8, inView: "run1" }));
      expect(all).toContain("run1");
      expect(onPage).not.toContain("run1");
      // The others keep their order; a filler may take the freed place at the end.
      expect(onPage.slice(0, all.length - 1)).toEqual(all.filter((id) => id != "run1"));
    }
  });

  it("excludes products with long URL-style ids as surely as short ones", () => {
    const id = "https://shop.example/collections/outdoor-gear/products/ultralight-backpacking-tent-two-person";
    const list = [{ ...at("aud1"), id }, ...shop.filter((p) => p.id != "aud1")];
    expect(trending(list, profileOf(["add_to_cart", { items: [{ id }] }]))).toEqual(["bag1", "bag2", "aud2"]);
    expect(trending(list, profileOf(["not_interested", { productId: id }]))).toEqual(["bag1", "bag2", "aud2"]);
  });

  it("knows a product named by its sku, group id or url, as pages and dataLayer events often name it", () => {
    const list = shop.map((p) => (p.id == "aud1" ? { ...p, sku: "LOUD-1", groupId: "G-aud" } : p.id == "bag1" ? { ...p, sku: "aud2" } : p));
    expect(trending(list, profileOf(["purchase", { items: [{ id: "LOUD-1", price: 200 }] }]))).toEqual(["bag1", "bag2", "aud2"]);
    expect(trending(list, profileOf(["add_to_cart", { items: [{ id: "G-aud" }] }]))).toEqual(["bag1", "bag2", "aud2"]);
    expect(trending(list, fresh(), { inView: "https://shop.example/p/aud1" })).toEqual(["bag1", "bag2", "aud2"]);
    // A feed id wins over another product's sku: aud2 is aud2, not bag1.
    expect(trending(list, profileOf(["add_to_cart", { items: [{ id: "aud2" }] }]))).toEqual(["aud1", "bag1", "bag2"]);
    const [first] = recommend(list, fresh(), { strategy: "similar", limit: 1, context: "LOUD-1" }, { now: NOW });
    expect([first!.id, first!.reasons[0]]).toEqual(["aud2", "Similar to \u2068Product aud1\u2069"]);
  });

  it("knows a Shopify product by any of its variants' ids and skus, and leaves it out of its own page", () => {
    const { products } = parseCatalog(feed("shopify-products.json"), { baseUrl: "https://summit.example/products.json" });
    // A theme's JSON-LD names the selected variant by its sku, a dataLayer event often by its id.
    for (const id of ["TR3-43-BL", "TR3-44-RD", "41002", "41003"]) {
      const profile = profileOf(["view_item", { items: [{ id, category: ["Shoes", "Running"], brand: "Summit Co." }] }]);
      expect(ids(recommend(products, profile, { strategy: "recently-viewed" }, { now: NOW }))).toEqual(["7712001"]);
      expect(ids(recommend(products, profile, { strategy: "for-you" }, { now: NOW, inView: id }))).not.toContain("7712001");
    }
  });

  it("knows a product named by the schema.org @id of its page, as Shopify and Yoast write it (/products/x#product)", () => {
    const { products } = parseCatalog(feed("shopify-products.json"), { baseUrl: "https://summit.example/products.json" });
    const id = "https://summit.example/products/trail-runner-3#product";
    const profile = profileOf(["view_item", { items: [{ id, category: ["Shoes", "Running"], brand: "Summit Co." }] }]);
    expect(ids(recommend(products, profile, { strategy: "recently-viewed" }, { now: NOW }))).toEqual(["7712001"]);
    expect(ids(recommend(products, profile, { strategy: "for-you" }, { now: NOW, inView: id }))).not.toContain("7712001");
  });

  it("ranks an unknown strategy as for-you, with one warning, and takes null options as none", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const profile = profileOf(view(at("run1")));
    const mine = ids(recommend(shop, profile, { limit: 3 }, { now: NOW }));
    expect(ids(recommend(shop, profile, { strategy: "bestsellers" as "trending", limit: 3 }, { now: NOW }))).toEqual(mine);
    expect(ids(recommend(shop, profile, null, { now: NOW })).slice(0, 3)).toEqual(mine);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('unknown strategy "bestsellers"')]);
    warn.mockRestore();
  });

  it("leaves out products and categories marked not interested", () => {
    const profile = profileOf(["not_interested", { productId: "aud1" }], ["not_interested", { category: "Bags" }]);
    expect(trending(shop, profile)).toEqual(["aud2", "frm1", "run1"]);
  });
});

describe("not interested", () => {
  it("drops a whole branch from personal lists even when the visitor liked it", () => {
    const profile = profileOf(view(at("run1")), view(at("bag1")), ["not_interested", { category: "Shoes > Running" }]);
    const list = recommend(shop, profile, { limit: 4 }, { now: NOW });
    expect(list.some((r) => r.category?.[1] == "Running")).toBe(false);
    expect(ids(list).slice(0, 2)).toEqual(["bag1", "bag2"]);
  });
});

describe("diversity", () => {
  it("shows at most two products of one leaf category by default", () => {
    const profile = profileOf(view(at("run1")), view(at("run2")), view(at("run3")));
    const list = recommend(shop, profile, { limit: 6 }, { now: NOW });
    expect(list.filter((r) => r.category?.[1] == "Running")).toHaveLength(2);
  });

  it("honours the shop's own cap", () => {
    const profile = profileOf(view(at("run1")));
    const list = recommend(shop, profile, { limit: 4 }, { now: NOW, maxPerCategory: 3 });
    expect(ids(list).filter((id) => id.startsWith("run"))).toHaveLength(3);
  });

  it("does not cap products without a category", () => {
    const bare = ["a", "b", "c"].map((id, n) => ({ id, title: id, url: `https://shop.example/${id}`, popularity: 3 - n }));
    expect(ids(recommend(bare, fresh(), { strategy: "trending" }, { now: NOW }))).toEqual(["a", "b", "c"]);
  });
});

describe("cold-start ladder", () => {
  it("fills a short personal list from the context's category, then popular items", () => {
    const profile = profileOf(view(at("run1")), view(at("frm2")));
    const list = recommend(shop, profile, { strategy: "bought-together", context: "run1", limit: 4 }, { now: NOW });
    expect(list.map((r) => [r.id, r.strategy, r.reasons[0]])).toEqual([
      ["frm2", "bought-together", "Because you viewed \u2068Trail Runner\u2069"],
      ["run2", "trending", "Popular in \u2068Running\u2069"],
      ["run3", "trending", "Popular in \u2068Running\u2069"],
      ["aud1", "trending", "Popular now"],
    ]);
  });

  it("uses the visitor's favourite category when there is no context", () => {
    const profile = profileOf(view(at("run1")));
    profile.affinity.brand = {};
    profile.affinity.tag = {};
    profile.notInterested.products = ["run2", "run3", "run4"];
    const list = recommend(shop, profile, { limit: 4 }, { now: NOW, maxPerCategory: 4 });
    expect(list.map((r) => [r.id, r.strategy])).toEqual([
      ["run1", "for-you"],
      ["frm1", "for-you"],
      ["frm2", "for-you"],
      ["aud1", "trending"],
    ]);
  });

  it("shows the category's popular items to a new visitor on a product page", () => {
    const list = recommend(shop, fresh(), { strategy: "for-you", context: "bag1", limit: 2 }, { now: NOW });
    expect(list.map((r) => [r.id, r.strategy, r.reasons])).toEqual([
      ["bag2", "trending", ["Popular in \u2068Backpacks\u2069"]],
      ["bag3", "trending", ["Popular in \u2068Backpacks\u2069"]],
    ]);
  });

  it("shows popular items to a new visitor elsewhere", () => {
    expect(ids(recommend(shop, fresh(), { limit: 2 }, { now: NOW }))).toEqual(["aud1", "bag1"]);
  });

  it("hides the list when nothing qualifies rather than filling it at random", () => {
    const unknown = [product("x", ["Misc"]), product("y", ["Misc"])];
    expect(recommend(unknown, fresh(), { limit: 4 }, { now: NOW })).toEqual([]);
    expect(recommend([], fresh(), { strategy: "similar", context: "x" }, { now: NOW })).toEqual([]);
  });
});

describe("holdout control", () => {
  it("gets the popular list in the same size whatever the strategy", () => {
    const profile = profileOf(view(at("run1")), view(at("run2")));
    const personal = recommend(shop, profile, { limit: 3 }, { now: NOW });
    const control = recommend(shop, profile, { strategy: "for-you", limit: 3 }, { now: NOW, group: "control" });
    expect(ids(personal)).not.toEqual(ids(control));
    expect(control.map((r) => [r.id, r.strategy, r.reasons])).toEqual([
      ["aud1", "trending", ["Popular now"]],
      ["bag1", "trending", ["Popular now"]],
      ["bag2", "trending", ["Popular now"]],
    ]);
    expect(ids(recommend(shop, profile, { strategy: "recently-viewed", limit: 3 }, { now: NOW, group: "control" }))).toEqual(ids(control));
  });

  it("applies to visitors who switched personalisation off", () => {
    const profile = profileOf(view(at("run1")), ["personalization", { enabled: false }]);
    expect(ids(recommend(shop, profile, { limit: 2 }, { now: NOW }))).toEqual(["aud1", "bag1"]);
  });
});

describe("recommend", () => {
  it("returns an empty list instead of throwing on a broken profile", () => {
    expect(recommend(shop, {} as never, { limit: 2 }, { now: NOW })).toEqual([]);
  });

  it("returns products with their own fields, reasons and strategy", () => {
    const [first] = recommend(shop, fresh(), { limit: 1 }, { now: NOW });
    expect(first).toEqual({ ...at("aud1"), reasons: ["Popular now"], strategy: "trending" });
  });
});
