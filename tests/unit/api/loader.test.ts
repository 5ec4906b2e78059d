import { afterEach, describe, expect, it, vi } from "vitest";
import { startScriptTag } from "../../../src/loader";
import { _resetWarnings } from "../../../src/log";
import type { Shopkeeper } from "../../../src/index";

const win = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete win.__shopkeeper_loaded;
  delete win.shopkeeper;
  _resetWarnings();
});

describe("the script-tag start", () => {
  it("says so when window.shopkeeper held another script's value, then takes the name", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    win.shopkeeper = { version: "another library" };
    startScriptTag({});
    await vi.waitFor(() => expect(typeof win.shopkeeper).toBe("function"));
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(["[shopkeeper] window.shopkeeper held something else; it is replaced (global)"]);
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("takes its own queue stub without a word", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const stub = Object.assign(() => undefined, { q: [["consent", "granted"]] });
    win.shopkeeper = stub;
    startScriptTag({});
    await vi.waitFor(() => expect(win.shopkeeper).not.toBe(stub));
    expect(warn).not.toHaveBeenCalled();
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("runs a callback at once when ready, queued ones after storage is read, and reports a rejecting one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const order: string[] = [];
    win.shopkeeper = Object.assign(() => undefined, { q: [[() => order.push("queued")], [() => Promise.reject(new Error("page bug"))]] });
    startScriptTag({});
    const shopkeeper = () => win.shopkeeper as (...args: unknown[]) => unknown;
    await vi.waitFor(() => expect(order).toEqual(["queued"]));
    shopkeeper()(() => order.push("live"));
    expect(order).toEqual(["queued", "live"]);
    await vi.waitFor(() => expect(warn.mock.calls.map((c) => String(c[0]))).toContain("[shopkeeper] a shopkeeper(fn) callback threw (callback)"));
    shopkeeper()("destroy");
  });

  it("runs onStart before the queue, then each later step in a task of its own", async () => {
    const seen: string[] = [];
    const stub = Object.assign(() => undefined, { q: [["consent", "pending"]] });
    win.shopkeeper = stub;
    // A timer set in a step fires before the next step only if that step waits for a new task.
    const step = (name: string) => (sk: Shopkeeper) => {
      seen.push(`${name}: ${sk.consent()}, ${win.shopkeeper === stub ? "stub" : "live"}`);
      setTimeout(() => seen.push(`a task after ${name}`));
    };
    startScriptTag({ onStart: step("start"), later: [step("locale"), step("mount")] });
    await vi.waitFor(() => expect(seen).toHaveLength(6));
    expect(seen).toEqual([
      "start: granted, stub",
      "a task after start",
      "locale: pending, live",
      "a task after locale",
      "mount: pending, live",
      "a task after mount",
    ]);
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("warns that a config call made after the start is ignored", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    win.shopkeeper = Object.assign(() => undefined, { q: [["config", { locale: "ur" }]] });
    startScriptTag({});
    await vi.waitFor(() => expect(typeof win.shopkeeper).toBe("function"));
    const shopkeeper = win.shopkeeper as (...args: unknown[]) => unknown;
    expect(warn).not.toHaveBeenCalled();
    shopkeeper("config", { locale: "ar" });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('shopkeeper("config") after the script started is ignored')]);
    shopkeeper("destroy");
  });
});
