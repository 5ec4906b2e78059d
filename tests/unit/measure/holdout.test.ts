import { describe, expect, it } from "vitest";
import { assignGroup } from "../../../src/measure/holdout";
import { seeded } from "../profile/helpers";

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

  describe("over 100,000 device ids shaped like the real ones (seeded, so the figures repeat)", () => {
    // crypto.randomUUID() v4 ids, and the fallback of browsers without it (a base-36 time, a random part).
    const random = seeded(1);
    const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
    const uuids = Array.from({ length: 100_000 }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`);
    const fallbacks = Array.from({ length: 100_000 }, (_, n) => `${(1.7e12 + n * 1000).toString(36)}-${random().toString(36).slice(2)}`);

    it.each([
      ["random UUIDs", uuids],
      ["time-based fallback ids", fallbacks],
    ])("%s: each share within 4 standard deviations, and 20 equal slices of the hash evenly filled", (_, ids) => {
      const inControl = (share: number) => ids.filter((id) => assignGroup(id, share) == "control").length;
      for (const share of [0.01, 0.1, 0.5]) expect(Math.abs(inControl(share) / ids.length - share)).toBeLessThan(4 * Math.sqrt((share * (1 - share)) / ids.length));
      // Slice k holds the ids in control at share (k+1)/20 but not at k/20. Chi-square with 19
      // degrees of freedom stays under 43.8 in 999 of 1,000 truly uniform draws.
      const upTo = Array.from({ length: 21 }, (_, k) => inControl(k / 20));
      const expected = ids.length / 20;
      const chiSquare = upTo.slice(1).reduce((sum, n, k) => sum + (n - upTo[k]! - expected) ** 2 / expected, 0);
      expect(chiSquare).toBeLessThan(43.8);
    });
  });
});
