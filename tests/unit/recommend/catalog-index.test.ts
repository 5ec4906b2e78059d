import { describe, expect, it } from "vitest";
import { getIndex, indexSteps, prefixes } from "../../../src/recommend/catalog-index";
import { recommend } from "../../../src/recommend/recommend";
import { createProfile } from "../../../src/profile/create-profile";
import { NOW, product } from "./fixtures";

describe("catalog index", () => {
  it("builds lower-cased category prefixes, broadest first", () => {
    expect(prefixes(["Shoes", "Running", "Trail"])).toEqual(["shoes", "shoes > running", "shoes > running > trail"]);
  });

  it("is built once per catalog array", () => {
    const catalog = [product("a", ["X"], { popularity: 1 })];
    expect(getIndex(catalog)).toBe(getIndex(catalog));
  });

  it("is rebuilt when the catalog grows in place", () => {
    const catalog = [product("a", ["X"], { popularity: 1 })];
    expect(recommend(catalog, createProfile(NOW, "v"), { strategy: "trending" }, { now: NOW }).map((r) => r.id)).toEqual(["a"]);
    catalog.push(product("b", ["Y"], { popularity: 5 }));
    expect(recommend(catalog, createProfile(NOW, "v"), { strategy: "trending" }, { now: NOW }).map((r) => r.id)).toEqual(["b", "a"]);
  });

  it("can be built in slices that pause every 2,000 products, and the result is the one ranking reuses", () => {
    const catalog = Array.from({ length: 5000 }, (_, i) => product(`p${i}`, [`C${i % 7}`], { popularity: i % 13 }));
    const steps = indexSteps(catalog);
    let pauses = 0;
    let step;
    while (!(step = steps.next()).done) pauses++;
    expect(pauses).toBe(2);
    expect(step.value._at.get("p4999")).toBe(4999);
    expect(getIndex(catalog)).toBe(step.value);
  });

  it("orders by popularity and leaves products without a signal out of the popular order", () => {
    const catalog = [product("a", [], { popularity: 2 }), product("b", []), product("c", [], { rating: 5, ratingCount: 10 })];
    expect(getIndex(catalog)._order).toEqual([2, 0]);
  });
});

describe("limit", () => {
  it("returns nothing for a zero, negative or invalid limit", () => {
    const catalog = [product("a", ["X"], { popularity: 1 })];
    for (const limit of [0, -1, Number.NaN]) expect(recommend(catalog, createProfile(NOW, "v"), { limit }, { now: NOW })).toEqual([]);
  });
});
