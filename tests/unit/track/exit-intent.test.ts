import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ExitSignal } from "../../../src/types";
import { watchExitIntent } from "../../../src/track/exit-intent";

let t = 0;
let stop = () => {};
let signals: ExitSignal[] = [];
const now = () => t;

function watch(coarse: boolean, idleMs?: number) {
  vi.spyOn(window, "matchMedia").mockImplementation((query: string) => ({ matches: coarse && query == "(pointer: coarse)" }) as MediaQueryList);
  stop = watchExitIntent(window, (signal) => signals.push(signal), idleMs ? { now, idleMs } : { now });
}
const mouse = (type: string, clientY: number, relatedTarget: EventTarget | null = null) =>
  document.dispatchEvent(new MouseEvent(type, { clientY, relatedTarget, bubbles: true }));
function scrollTo(y: number, after: number) {
  t += after;
  Object.defineProperty(window, "scrollY", { configurable: true, value: y });
  window.dispatchEvent(new Event("scroll"));
}
function setVisible(visible: boolean) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (visible ? "visible" : "hidden") });
  document.dispatchEvent(new Event("visibilitychange"));
}

beforeEach(() => {
  vi.useFakeTimers();
  t = 100_000;
  signals = [];
  Object.defineProperty(window, "innerHeight", { configurable: true, value: 800 });
  Object.defineProperty(window, "scrollY", { configurable: true, value: 0 });
});
afterEach(() => {
  stop();
  vi.useRealTimers();
  delete (document as { visibilityState?: string }).visibilityState;
  delete (window as { scrollY?: number }).scrollY;
});

describe("exit intent on desktop", () => {
  it("fires when the pointer leaves through the top edge moving up", () => {
    watch(false);
    mouse("mousemove", 40);
    mouse("mouseout", -2);
    expect(signals).toEqual(["pointer"]);
  });

  it("does not fire when the pointer slides out along the top edge", () => {
    watch(false);
    mouse("mousemove", 0);
    mouse("mouseout", 0);
    expect(signals).toEqual([]);
  });

  it("does not fire before it has seen the pointer move", () => {
    watch(false);
    mouse("mouseout", -3);
    expect(signals).toEqual([]);
  });

  it("does not fire when leaving through another edge or into an element", () => {
    watch(false);
    mouse("mousemove", 300);
    mouse("mouseout", 700);
    mouse("mouseout", 0, document.body);
    expect(signals).toEqual([]);
  });

  it("stays quiet while the visitor types in a field", () => {
    watch(false);
    const editable = document.createElement("div");
    editable.setAttribute("contenteditable", "true");
    // An iframe stands for the payment or address form embedded in it.
    for (const field of [document.createElement("input"), document.createElement("textarea"), document.createElement("select"), editable, document.createElement("iframe")]) {
      document.body.replaceChildren(field);
      field.focus();
      expect(document.activeElement).toBe(field);
      mouse("mousemove", 40);
      mouse("mouseout", -1);
      t += 20_000;
    }
    expect(signals).toEqual([]);
    (document.activeElement as HTMLElement).blur();
    mouse("mousemove", 40);
    mouse("mouseout", -1);
    expect(signals).toEqual(["pointer"]);
  });

  it("looks into shadow roots for the focused field", () => {
    watch(false);
    const widget = document.createElement("div");
    document.body.append(widget);
    const input = document.createElement("textarea");
    widget.attachShadow({ mode: "open" }).append(input);
    input.focus();
    mouse("mousemove", 40);
    mouse("mouseout", -1);
    expect(signals).toEqual([]);
  });

  it("fires at most once per 10 seconds", () => {
    watch(false);
    const leave = () => (mouse("mousemove", 40), mouse("mouseout", -1));
    leave();
    t += 9_999;
    leave();
    t += 1;
    leave();
    expect(signals).toEqual(["pointer", "pointer"]);
  });

  it("ignores touch signals on a fine pointer", () => {
    watch(false, 1_000);
    scrollTo(2_000, 100);
    scrollTo(100, 100);
    window.dispatchEvent(new PopStateEvent("popstate"));
    vi.advanceTimersByTime(5_000);
    expect(signals).toEqual([]);
  });
});

describe("exit intent on touch screens", () => {
  it("fires on a fast scroll up near the top", () => {
    watch(true);
    scrollTo(1_500, 1_000);
    scrollTo(300, 200); // 6 px/ms upward, within the first screen
    expect(signals).toEqual(["scroll"]);
  });

  it("ignores a slow scroll up and a fast one far down the page", () => {
    watch(true);
    scrollTo(5_000, 1_000);
    scrollTo(2_000, 100); // fast, but far from the top
    scrollTo(1_000, 100);
    scrollTo(600, 1_000); // near the top, slowly
    expect(signals).toEqual([]);
  });

  it("fires on a back navigation", () => {
    watch(true);
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(signals).toEqual(["back"]);
  });

  it("fires on return when the tab was hidden for a short while", () => {
    watch(true);
    setVisible(false);
    t += 12_000;
    expect(signals).toEqual([]);
    setVisible(true);
    expect(signals).toEqual(["hidden"]);
  });

  it("does not fire on return after a long absence", () => {
    watch(true);
    setVisible(false);
    t += 120_000;
    setVisible(true);
    expect(signals).toEqual([]);
  });

  it("fires once after the idle time, and again only after new activity", () => {
    watch(true, 45_000);
    t += 30_000;
    vi.advanceTimersByTime(30_000);
    window.dispatchEvent(new Event("touchstart"));
    t += 30_000;
    vi.advanceTimersByTime(30_000);
    expect(signals).toEqual([]);
    t += 15_000;
    vi.advanceTimersByTime(15_000);
    expect(signals).toEqual(["idle"]);
    t += 100_000;
    vi.advanceTimersByTime(100_000);
    expect(signals).toEqual(["idle"]);
    window.dispatchEvent(new Event("pointerdown"));
    t += 45_000;
    vi.advanceTimersByTime(45_000);
    expect(signals).toEqual(["idle", "idle"]);
  });

  it("removes its listeners and timer when stopped", () => {
    watch(true, 1_000);
    stop();
    window.dispatchEvent(new PopStateEvent("popstate"));
    t += 5_000;
    vi.advanceTimersByTime(5_000);
    expect(signals).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
