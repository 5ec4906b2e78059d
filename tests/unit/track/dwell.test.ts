import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDwell, type Dwell } from "../../../src/track/dwell";

let t = 0;
let dwell: Dwell | undefined;
const now = () => t;

function setVisible(visible: boolean) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (visible ? "visible" : "hidden") });
  document.dispatchEvent(new Event("visibilitychange"));
}
const move = () => window.dispatchEvent(new Event("pointermove"));
// A focused iframe as the parent document sees it (happy-dom would try to load a real one).
const frame = { tagName: "IFRAME" } as Element;
const start = (idleTimeout = 30_000) => (dwell = createDwell(window, { idleTimeout, now }));

beforeEach(() => {
  t = 1_000;
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
  vi.spyOn(document, "hasFocus").mockReturnValue(true);
});
afterEach(() => {
  dwell?.stop();
  delete (document as { visibilityState?: string }).visibilityState;
});

describe("dwell", () => {
  it("counts engaged milliseconds and resets on take()", () => {
    const d = start();
    t += 10_000;
    expect(d.take()).toBe(10_000);
    t += 2_000;
    expect(d.take()).toBe(2_000);
  });

  it("pauses while the page is hidden", () => {
    const d = start();
    t += 5_000;
    setVisible(false);
    t += 60_000;
    setVisible(true);
    t += 5_000;
    expect(d.take()).toBe(10_000);
  });

  it("counts a page hidden at load as hidden", () => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    const d = start();
    t += 20_000;
    expect(d.take()).toBe(0);
  });

  it("pauses while the window is not focused", () => {
    const d = start();
    t += 4_000;
    window.dispatchEvent(new FocusEvent("blur"));
    t += 50_000;
    window.dispatchEvent(new FocusEvent("focus"));
    t += 6_000;
    expect(d.take()).toBe(10_000);
  });

  it("keeps counting, up to the idle window, while an embedded video has focus", () => {
    const active = vi.spyOn(document, "activeElement", "get").mockReturnValue(frame);
    const d = start(30_000);
    t += 4_000;
    move();
    window.dispatchEvent(new FocusEvent("blur"));
    t += 20_000;
    expect(d.take()).toBe(24_000);
    t += 50_000;
    expect(d.take()).toBe(10_000);
    active.mockRestore();
  });

  it("counts a frame that takes focus only after the window's blur", () => {
    const active = vi.spyOn(document, "activeElement", "get").mockReturnValue(document.body);
    const d = start(30_000);
    window.dispatchEvent(new FocusEvent("blur"));
    active.mockReturnValue(frame);
    t += 12_000;
    expect(d.take()).toBe(12_000);
    active.mockReturnValue(document.body);
    t += 12_000;
    expect(d.take()).toBe(0);
    active.mockRestore();
  });

  it("starts blurred when the document has no focus", () => {
    vi.spyOn(document, "hasFocus").mockReturnValue(false);
    const d = start();
    t += 8_000;
    expect(d.take()).toBe(0);
  });

  it("counts up to the idle window after the last activity, not beyond", () => {
    const d = start(30_000);
    t += 10_000;
    move();
    t += 120_000;
    expect(d.take()).toBe(40_000);
  });

  it("starts counting again on activity after an idle stretch", () => {
    const d = start(30_000);
    t += 100_000; // 30 s count, 70 s idle
    move();
    t += 5_000;
    expect(d.take()).toBe(35_000);
  });

  it("ignores activity of other kinds but hears keys, scrolls and touches", () => {
    const d = start(1_000);
    for (const type of ["keydown", "scroll", "touchstart", "wheel", "pointerdown"]) {
      t += 900;
      window.dispatchEvent(new Event(type));
    }
    t += 5_000;
    window.dispatchEvent(new Event("click"));
    expect(d.take()).toBe(5 * 900 + 1_000);
  });

  it("never goes negative when the clock steps back", () => {
    const d = start();
    t -= 5_000;
    expect(d.take()).toBe(0);
    t += 7_000;
    expect(d.take()).toBe(2_000);
  });

  it("totals a scripted 5-minute visit with hidden and idle stretches", () => {
    const d = start(30_000);
    let total = 0;
    const activeFor = (seconds: number) => {
      for (let s = 0; s < seconds; s++) {
        move();
        t += 1_000;
      }
    };
    activeFor(60); //                    60 s engaged
    t += 90_000; //                      idle 90 s: 30 s of it still counts
    activeFor(30); //                    30 s engaged
    setVisible(false);
    total += d.take(); //                the hide flushes
    t += 60_000; //                      hidden 60 s: nothing counts
    setVisible(true);
    activeFor(30); //                    30 s engaged
    window.dispatchEvent(new FocusEvent("blur"));
    t += 30_000; //                      another window in front: nothing counts
    total += d.take();
    expect(t - 1_000).toBe(300_000);
    // 1 s after the last move of each active stretch is inside the idle window too.
    expect(total).toBe((60 - 1 + 30) * 1_000 + 30_000 + 30_000);
  });

  it("stops listening once stopped", () => {
    const d = start(1_000);
    d.stop();
    t += 10_000;
    move();
    t += 500;
    expect(d.take()).toBe(1_000);
  });
});
