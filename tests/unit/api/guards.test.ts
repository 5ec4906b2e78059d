import { afterEach, describe, expect, it, vi } from "vitest";
import { createShopkeeper } from "../../../src/index";
import { _resetWarnings } from "../../../src/log";

const VIEW = { items: [{ id: "a", title: "Tent", price: 120 }] };
const w = window as unknown as { dataLayer?: unknown[] };

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  delete w.dataLayer;
  delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  _resetWarnings();
});

// Each guard through the public API, so that removing its wiring fails a test.
describe("guards, end to end", () => {
  it("sends nothing anywhere while Global Privacy Control is on, whatever the consent", async () => {
    Object.defineProperty(navigator, "globalPrivacyControl", { configurable: true, value: true });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sent: string[] = [];
    const sk = createShopkeeper({ autoTrack: false, consent: "granted", dataLayer: true, onEvent: (e) => sent.push(e.name) });
    await sk.ready;
    sk.track("view_item", VIEW);
    expect([sent, w.dataLayer ?? []]).toEqual([[], []]);
    expect(sk.profile().viewed.map((v) => v.id)).toEqual(["a"]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining("Global Privacy Control")]);
    sk.destroy();
  });

  it("beacons nothing to the endpoint before consent, and sends once it is granted", async () => {
    const beacon = vi.fn(() => true);
    Object.defineProperty(navigator, "sendBeacon", { configurable: true, value: beacon });
    const sk = createShopkeeper({ autoTrack: false, consent: "pending", endpoint: "https://collect.shop.example/e" });
    await sk.ready;
    sk.track("view_item", VIEW);
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).not.toHaveBeenCalled();
    sk.consent("granted");
    sk.track("view_item", VIEW);
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String((beacon.mock.calls[0] as unknown[])[1])).events.map((e: { event: string }) => e.event)).toEqual(["shopkeeper_view_item"]);
    sk.destroy();
  });

  // On phones "hidden" is the last event a page is sure to get: the batch sent then must hold the
  // engaged time that the same event flushes.
  it("beacons the page's engaged time with the batch sent when the page is hidden", async () => {
    const beacon = vi.fn(() => true);
    Object.defineProperty(navigator, "sendBeacon", { configurable: true, value: beacon });
    let t = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => t);
    vi.spyOn(document, "hasFocus").mockReturnValue(true);
    const sk = createShopkeeper({ endpoint: "https://collect.shop.example/e" });
    await sk.ready;
    t += 5000;
    Object.defineProperty(document, "visibilityState", { configurable: true, value: "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
    delete (document as { visibilityState?: string }).visibilityState;
    const sent = beacon.mock.calls.flatMap((c) => JSON.parse(String((c as unknown[])[1])).events.map((e: { event: string }) => e.event));
    expect(sent).toContain("shopkeeper_dwell");
    sk.destroy();
  });

  it("keeps a page stuck in a loop to the burst of 100 events", async () => {
    const sk = createShopkeeper({ autoTrack: false });
    await sk.ready;
    for (let i = 0; i < 1000; i++) sk.track("page_view", { path: "/", pageType: "home" });
    expect(sk.profile().pageViews).toBe(100);
    sk.destroy();
  });

  it("never lets a failure inside a method reach the page", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sk = createShopkeeper({ autoTrack: false });
    await sk.ready;
    const hostile = Object.defineProperty({ id: "x" }, "price", { enumerable: true, get: () => { throw new Error("page bug"); } });
    expect(() => sk.track("add_to_cart", hostile as never)).not.toThrow();
    expect(() => sk.mount(null as never, "nothing" as never, {})).not.toThrow();
    expect(warn).toHaveBeenCalled();
    sk.destroy();
  });

  it("reports a store that fails to close after destroy() instead of rejecting", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const sk = createShopkeeper({ autoTrack: false, consent: "granted" });
      await sk.ready;
      sk.track("view_item", VIEW);
      sk.destroy();
      // The page is torn down while the last write is under way.
      vi.spyOn(window, "removeEventListener").mockImplementation(() => {
        throw new TypeError("the window is gone");
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections).toEqual([]);
      expect(warn.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringContaining("destroy"));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
