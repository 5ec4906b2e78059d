import { describe, expect, it } from "vitest";
import { assignGroup } from "../../../src/measure/holdout";

const visitors = Array.from({ length: 10_000 }, (_, n) => `visitor-${n}`);
const controlShare = (share: number) => visitors.filter((id) => assignGroup(id, share) == "control").length / visitors.length;

describe("holdout", () => {
  it("puts everyone in the personalised group at share 0", () => {
    expect(controlShare(0)).toBe(0);
  });

  it("puts everyone in control at share 1", () => {
    expect(controlShare(1)).toBe(1);
  });

  it.each([0.05, 0.1, 0.5])("keeps %s of 10,000 visitors in control within ±2%%", (share) => {
    expect(Math.abs(controlShare(share) - share)).toBeLessThanOrEqual(0.02);
  });

  it("gives the same visitor the same group every time", () => {
    const first = visitors.map((id) => assignGroup(id, 0.3));
    expect(visitors.map((id) => assignGroup(id, 0.3))).toEqual(first);
    expect(assignGroup("3f1c-visitor", 0.5)).toBe(assignGroup("3f1c-visitor", 0.5));
  });

  it("keeps control visitors in control when the share grows", () => {
    const before = visitors.filter((id) => assignGroup(id, 0.1) == "control");
    expect(before.every((id) => assignGroup(id, 0.2) == "control")).toBe(true);
  });

  it("treats an invalid share as no holdout", () => {
    expect(assignGroup("a", Number.NaN)).toBe("personalized");
    expect(assignGroup("a", -1)).toBe("personalized");
  });
});
