import { describe, expect, it } from "vitest";
import { buildRelated, createRelatedBuilder } from "../../../src/catalog/related";

const basket = (session: string, ...items: string[]) => items.map((item) => ({ session, item }));

describe("buildRelated", () => {
  it("relates items bought in the same order, most frequent pair first", () => {
    const related = buildRelated([...basket("o1", "tent", "stove", "mug"), ...basket("o2", "tent", "stove"), ...basket("o3", "mug", "spoon")]);
    expect(related).toEqual({ tent: ["stove", "mug"], stove: ["tent", "mug"], mug: ["stove", "tent", "spoon"], spoon: ["mug"] });
  });

  it("counts an item seen twice in a session once", () => {
    const related = buildRelated([...basket("s", "a", "b", "a", "a"), ...basket("t", "a", "c"), ...basket("u", "a", "c")]);
    expect(related.a).toEqual(["c", "b"]);
  });

  it("keeps only the top N per item", () => {
    const related = buildRelated(basket("o", "a", "b", "c", "d", "e"), { top: 2 });
    expect(related.a).toHaveLength(2);
  });

  it("breaks ties by popularity, then by id, whatever the input order", () => {
    const rows = [...basket("1", "x", "m"), ...basket("2", "x", "k"), ...basket("3", "k", "z")];
    expect(buildRelated(rows).x).toEqual(["k", "m"]);
    expect(buildRelated([...rows].reverse()).x).toEqual(["k", "m"]);
  });

  it("orders a session by time and pairs only neighbours within the window", () => {
    const rows = [
      { session: "s", item: "c", time: 3 },
      { session: "s", item: "a", time: 1 },
      { session: "s", item: "b", time: 2 },
    ];
    expect(buildRelated(rows, { window: 1 })).toEqual({ a: ["b"], b: ["a", "c"], c: ["b"] });
  });

  it("ranks by cosine when normalised, so a ubiquitous item drops down the list", () => {
    const rows = [...basket("1", "a", "pop"), ...basket("2", "a", "pop"), ...basket("3", "a", "rare"), ...basket("4", "a", "rare")];
    for (let i = 0; i < 20; i++) rows.push(...basket("x" + i, "pop", "other" + i));
    expect(buildRelated(rows).a).toEqual(["pop", "rare"]);
    expect(buildRelated(rows, { normalize: true }).a).toEqual(["rare", "pop"]);
  });

  it("returns nothing for sessions of one item", () => {
    expect(buildRelated(basket("1", "a"))).toEqual({});
  });

  it("handles ids that look like object keys", () => {
    const related = buildRelated(basket("1", "__proto__", "constructor"));
    expect(related.constructor).toEqual(["__proto__"]);
    expect(Object.keys(related)).toContain("__proto__");
  });

  it("builds the same lists row by row as from an iterable", () => {
    const rows = [...basket("1", "a", "b", "c"), ...basket("2", "b", "c")];
    const builder = createRelatedBuilder({ top: 3 });
    for (const row of rows) builder.add(row);
    expect(builder.result()).toEqual(buildRelated(rows, { top: 3 }));
  });

  it("handles a million rows (timing printed, not asserted)", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const rows: { session: string; item: string; time: number }[] = [];
    for (let i = 0; rows.length < 1_000_000; i++) {
      const length = 2 + Math.floor(random() * 12);
      for (let j = 0; j < length; j++) rows.push({ session: "s" + i, item: "p" + Math.floor(random() ** 2 * 50_000), time: j });
    }
    const started = performance.now();
    const related = buildRelated(rows, { top: 20 });
    console.log(`buildRelated: 1,000,000 rows, ${Object.keys(related).length} items in ${(performance.now() - started).toFixed(0)} ms`);
    expect(Object.keys(related).length).toBeGreaterThan(1000);
  }, 60_000);
});
