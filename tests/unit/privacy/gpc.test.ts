import { describe, expect, it } from "vitest";
import { hasGlobalPrivacyControl } from "../../../src/privacy/gpc";
import { isSafe, isUnsafeKey } from "../../../src/privacy/is-safe";

describe("global privacy control", () => {
  it("is on only when navigator.globalPrivacyControl is exactly true", () => {
    expect(hasGlobalPrivacyControl({ globalPrivacyControl: true } as unknown as Navigator)).toBe(true);
    expect(hasGlobalPrivacyControl({ globalPrivacyControl: "1" } as unknown as Navigator)).toBe(false);
    expect(hasGlobalPrivacyControl({} as Navigator)).toBe(false);
    expect(hasGlobalPrivacyControl(undefined)).toBe(false);
  });

  it("reads a throwing getter as off", () => {
    const nav = Object.defineProperty({}, "globalPrivacyControl", {
      get() {
        throw new Error("blocked");
      },
    });
    expect(hasGlobalPrivacyControl(nav as Navigator)).toBe(false);
  });
});

describe("prototype-pollution guard", () => {
  it("names the keys that reach a prototype", () => {
    expect(["__proto__", "constructor", "prototype", "proto"].map(isUnsafeKey)).toEqual([true, true, true, false]);
  });

  it("finds an unsafe key at any depth", () => {
    expect(isSafe({ a: [{ b: 1 }], c: "x" })).toBe(true);
    expect(isSafe(JSON.parse('{"a":[{"__proto__":{"x":1}}]}'))).toBe(false);
    expect(isSafe({ a: { constructor: 1 } })).toBe(false);
    expect(isSafe("text")).toBe(true);
  });

  it("refuses nesting deeper than 32 levels", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    expect(isSafe(deep)).toBe(false);
  });
});
