import { describe, expect, it } from "vitest";
import { topInterests } from "../../../src/profile/interests";
import { DAY, T0, ev, run } from "./helpers";

const item = (id: string, brand: string, category: string[] = []) => ({ id, brand, category });

describe("topInterests", () => {
  it("lists stated interests first, then inferred ones by score (ties: categories, brands, tags)", () => {
    const p = run([
      ev("view_item", { items: [item("a", "Acme", ["Shoes"])] }),
      ev("add_to_cart", { items: [item("b", "Bolt")] }),
      ev("interest_add", { kind: "tag", value: "vegan" }),
    ]);
    expect(topInterests(p, T0).map((i) => [i.kind, i.value, i.score, i.stated])).toEqual([
      ["tag", "vegan", 0, true],
      ["brand", "Bolt", 3, false],
      ["category", "Shoes", 1, false],
      ["brand", "Acme", 1, false],
    ]);
  });

  it("never lists removed interests or their sub-categories", () => {
    const p = run([ev("view_item", { items: [item("a", "Acme", ["Shoes", "Trail"])] }), ev("interest_remove", { kind: "category", value: "Shoes" })]);
    expect(topInterests(p, T0).map((i) => i.value)).toEqual(["Acme"]);
  });

  it("does not repeat a stated interest among inferred ones and gives it its score", () => {
    const p = run([ev("view_item", { items: [item("a", "Acme")] }), ev("interest_add", { kind: "brand", value: "Acme" })]);
    expect(topInterests(p, T0)).toEqual([{ kind: "brand", value: "Acme", score: 1, stated: true }]);
  });

  it("leaves out faded interests and honours limit and half-life", () => {
    const p = run([ev("view_item", { items: [item("a", "Acme", ["Shoes"])] }), ev("view_item", { items: [item("b", "Bolt")] }, T0 + 60 * DAY)]);
    expect(topInterests(p, T0 + 60 * DAY).map((i) => i.value)).toEqual(["Bolt"]);
    expect(topInterests(p, T0 + 60 * DAY, { halfLifeDays: 60 }).map((i) => i.value)).toEqual(["Bolt", "Shoes", "Acme"]);
    expect(topInterests(p, T0 + 60 * DAY, { halfLifeDays: 60, limit: 2 })).toHaveLength(2);
  });
});
