import { describe, expect, it, vi } from "vitest";
import { startShopkeeper } from "../../../src/create-shopkeeper";
import { createShopkeeper, isShopkeeperConfigError, parseConfig, ShopkeeperConfigError } from "../../../src/index";

describe("options", () => {
  it("keeps the valid options and names every invalid one with what was expected", () => {
    const { config, problems } = parseConfig({ locale: "ur-PK", holdout: 2, endpoint: "http://x.example/", colour: "red" });
    expect(config).toEqual({ locale: "ur-PK" });
    expect(problems).toEqual([
      "holdout: expected a share between 0 and 1, e.g. 0.1 for 10%, got 2",
      "endpoint: expected an https: URL without credentials, got \"http://x.example/\"",
      "colour: unknown option",
    ]);
  });

  it("makes createShopkeeper warn once about every problem, keep the rest and never throw", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sk = createShopkeeper({ consent: "maybe", maxPerCategory: 0, locale: "ur", autoTrack: false } as never);
    expect(sk.config).toEqual({ locale: "ur", autoTrack: false, surveys: [], audiences: [] });
    expect(sk.consent()).toBe("granted");
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      "[shopkeeper] ignored invalid options (the rest works):\n- consent: expected granted | pending | denied, got \"maybe\"\n- maxPerCategory: expected an integer of at least 1, got 0 (config)",
    ]);
    sk.destroy();
  });

  it("keeps the typed error for a developer who wants invalid options to stop a build", () => {
    const error = new ShopkeeperConfigError(parseConfig({ holdout: 2 }).problems);
    expect(isShopkeeperConfigError(error)).toBe(true);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain("holdout: expected a share between 0 and 1");
  });

  it("takes strings only as text and a channel order only as lists of channel types", () => {
    expect(parseConfig({ strings: { fr: { title: "Pour vous" } }, channelOrder: { loyal: ["whatsapp"] } }).problems).toEqual([]);
    expect(parseConfig({ strings: { fr: { title: 5 } }, channelOrder: { loyal: "whatsapp" } }).problems).toEqual([
      'strings: expected an object of locale → { key: text }, got {"fr":{"title":5}}',
      'channelOrder: expected an object of segment → [channel types], got {"loyal":"whatsapp"}',
    ]);
  });

  it("takes an interruption budget only as whole numbers", () => {
    expect(parseConfig({ interruptions: { perSession: 0, perDay: 3 } })).toEqual({ config: { interruptions: { perSession: 0, perDay: 3 } }, problems: [] });
    for (const interruptions of [{ perSession: "x" }, { perDay: -1 }, { perDay: 1.5 }])
      expect(parseConfig({ interruptions }).problems).toEqual([`interruptions: expected { perSession?, perDay? } as whole numbers, got ${JSON.stringify(interruptions)}`]);
  });

  it("ignores keys that would reach the prototype", () => {
    const { config, problems } = parseConfig(JSON.parse('{"__proto__": {"polluted": true}, "debug": true}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(config).toEqual({ debug: true });
    expect(problems).toEqual(["__proto__: unknown option"]);
  });
});

describe("mount", () => {
  it("mounts only the named widgets, never a prototype member, and always hands back a function", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const host = document.createElement("div");
    const sk = startShopkeeper({ autoTrack: false }, { widgets: { shelf: (el) => (el.textContent = "shelf", undefined as never) } });
    for (const name of ["constructor", "toString", "hasOwnProperty"]) {
      const stop = sk.mount(host, name as never);
      expect(typeof stop).toBe("function");
      expect(() => stop()).not.toThrow();
    }
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual(expect.arrayContaining([expect.stringContaining('no widget named "constructor"')]));
    expect(typeof sk.mount(host, "shelf" as never)).toBe("function");
    expect(host.textContent).toBe("shelf");
    sk.destroy();
    warn.mockRestore();
  });

  it("names a failing widget by its registered name, not its (minified) function name", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const Pn = () => {
      throw new Error("broken widget");
    };
    const sk = startShopkeeper({ autoTrack: false }, { widgets: { preferences: Pn } });
    sk.mount(document.createElement("div"), Pn);
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([expect.stringContaining("(widget-preferences)")]);
    sk.destroy();
    warn.mockRestore();
  });

  it("hands back a teardown even when the widget throws, and reports it once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sk = createShopkeeper({ autoTrack: false });
    const stop = sk.mount(document.createElement("div"), () => {
      throw new Error("broken widget");
    });
    expect(typeof stop).toBe("function");
    expect(() => stop()).not.toThrow();
    expect(warn.mock.calls.filter((call) => String(call[0]).includes("internal error"))).toHaveLength(1);
    sk.destroy();
  });
});
