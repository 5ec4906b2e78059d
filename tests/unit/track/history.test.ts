import { afterEach, describe, expect, it, vi } from "vitest";
import { onHistoryChange } from "../../../src/track/history";

const HUB = Symbol.for("shopkeeper.history");

/** A window whose history records calls, so each test starts with unwrapped methods. */
function fakeWindow() {
  const calls: { self: unknown; args: unknown[] }[] = [];
  const history = {
    state: null as unknown,
    pushState(this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      if (String(args[2]).startsWith("https://other.example")) throw new DOMException("cross-origin", "SecurityError");
      return undefined;
    },
    replaceState(this: unknown, ...args: unknown[]) {
      calls.push({ self: this, args });
      return "replaced";
    },
  };
  return { win: { history } as unknown as Window, history: history as unknown as History & Record<string, unknown>, calls };
}

describe("onHistoryChange", () => {
  afterEach(() => vi.restoreAllMocks());

  it("calls listeners after pushState and replaceState", () => {
    const { win, history } = fakeWindow();
    const fn = vi.fn();
    onHistoryChange(win, fn);
    history.pushState({}, "", "/a");
    history.replaceState({}, "", "/b");
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("keeps this, the arguments and the return value", () => {
    const { win, history, calls } = fakeWindow();
    onHistoryChange(win, () => {});
    const state = { n: 1 };
    expect(history.replaceState(state, "", "/x")).toBe("replaced");
    expect(calls[0]).toEqual({ self: history, args: [state, "", "/x"] });
  });

  it("lets the host's exception through unchanged and notifies no one", () => {
    const { win, history } = fakeWindow();
    const fn = vi.fn();
    onHistoryChange(win, fn);
    let caught: unknown;
    try {
      history.pushState({}, "", "https://other.example/");
    } catch (error) {
      caught = error;
    }
    expect((caught as DOMException).name).toBe("SecurityError");
    expect(fn).not.toHaveBeenCalled();
  });

  it("wraps once however many trackers subscribe", () => {
    const { win, history } = fakeWindow();
    const a = vi.fn();
    const b = vi.fn();
    onHistoryChange(win, a);
    const wrapped = history.pushState;
    onHistoryChange(win, b);
    expect(history.pushState).toBe(wrapped);
    history.pushState({}, "", "/a");
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1]);
    expect((win as unknown as Record<symbol, Set<unknown>>)[HUB]!.size).toBe(2);
  });

  it("calls a foreign wrapper installed before it", () => {
    const { win, history, calls } = fakeWindow();
    const original = history.pushState;
    const seen: string[] = [];
    history.pushState = function (this: History, ...args: Parameters<History["pushState"]>) {
      seen.push("router");
      return original.apply(this, args);
    };
    onHistoryChange(win, () => seen.push("shopkeeper"));
    history.pushState({}, "", "/a");
    expect(seen).toEqual(["router", "shopkeeper"]);
    expect(calls).toHaveLength(1);
  });

  it("keeps working under a foreign wrapper installed after it, even once unsubscribed", () => {
    const { win, history, calls } = fakeWindow();
    const fn = vi.fn();
    const off = onHistoryChange(win, fn);
    const ours = history.pushState;
    const seen: string[] = [];
    history.pushState = function (this: History, ...args: Parameters<History["pushState"]>) {
      seen.push("analytics");
      return ours.apply(this, args);
    };
    history.pushState({}, "", "/a");
    expect(fn).toHaveBeenCalledTimes(1);
    off();
    history.pushState({}, "", "/b");
    expect(fn).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(["analytics", "analytics"]);
    expect(calls).toHaveLength(2);
  });

  it("keeps notifying others when one listener throws", () => {
    const { win, history } = fakeWindow();
    const fn = vi.fn();
    onHistoryChange(win, () => {
      throw new Error("broken listener");
    });
    onHistoryChange(win, fn);
    expect(() => history.pushState({}, "", "/a")).not.toThrow();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe("onHistoryChange in a real document", () => {
  it("wraps window.history once and updates the location", () => {
    const fn = vi.fn();
    const off = onHistoryChange(window, fn);
    history.pushState({ n: 1 }, "", "/history-test");
    expect(location.pathname).toBe("/history-test");
    expect(history.state).toEqual({ n: 1 });
    expect(fn).toHaveBeenCalledTimes(1);
    off();
  });
});
