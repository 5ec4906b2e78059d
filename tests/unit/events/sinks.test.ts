import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createEmitter } from "../../../src/events/emitter";
import { beaconSink, callbackSink, dataLayerSink } from "../../../src/events/sinks";
import { _resetWarnings } from "../../../src/log";
import type { EmittedEvent } from "../../../src/types";

const event = (path = "/", group: EmittedEvent["group"] = "personalized"): EmittedEvent => ({ name: "page_view", props: { path, pageType: "other" }, time: 5, group });
const w = window as unknown as { dataLayer?: unknown };
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  _resetWarnings();
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  delete w.dataLayer;
});
afterEach(() => {
  delete w.dataLayer;
  vi.useRealTimers();
});

describe("callback sink", () => {
  it("hands every event to the shop's function and isolates its errors", () => {
    const seen: string[] = [];
    const sink = callbackSink((e) => {
      seen.push(e.name);
      throw new Error("shop bug");
    }, { sendFreeText: false });
    sink(event());
    sink(event());
    expect(seen).toEqual(["page_view", "page_view"]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("keeps the event's shape but applies the rules of every destination", () => {
    const seen: EmittedEvent[] = [];
    const answer = { name: "survey_response", props: { surveyId: "s", answers: { nps: 3 }, text: { why: "call me on 555" }, completed: true }, time: 5, group: "personalized" } as EmittedEvent;
    const view = { name: "page_view", props: { path: "/search?q=rash", pageType: "other", title: "Results for rash" }, time: 5, group: "personalized" } as EmittedEvent;
    callbackSink((e) => seen.push(e), { sendFreeText: false })(answer);
    callbackSink((e) => seen.push(e), { sendFreeText: false })(view);
    callbackSink((e) => seen.push(e), { sendFreeText: true })(answer);
    expect(seen.map((e) => e.props)).toEqual([
      { surveyId: "s", answers: { nps: 3 }, completed: true },
      { path: "/search", pageType: "other" },
      { surveyId: "s", answers: { nps: 3 }, text: { why: "call me on 555" }, completed: true },
    ]);
  });
});

describe("dataLayer sink", () => {
  it("creates window.dataLayer when absent and pushes shopkeeper_ events", () => {
    dataLayerSink(window, { sendFreeText: false })(event("/a?x=1"));
    // The reset first, so GTM does not merge the previous event's values into this one.
    expect(w.dataLayer).toEqual([{ shopkeeper: null }, { event: "shopkeeper_page_view", shopkeeper: { event: "shopkeeper_page_view", group: "personalized", time: 5, path: "/a", page_type: "other" } }]);
  });

  it("pushes through an existing dataLayer without replacing it", () => {
    const pushed: unknown[] = [];
    const layer = { push: (x: unknown) => pushed.push(x) };
    w.dataLayer = layer;
    dataLayerSink(window, { sendFreeText: false })(event());
    expect(w.dataLayer).toBe(layer);
    expect(pushed).toEqual([{ shopkeeper: null }, expect.objectContaining({ event: "shopkeeper_page_view" })]);
  });

  it("skips a dataLayer without push, with one warning", () => {
    w.dataLayer = { broken: true };
    const sink = dataLayerSink(window, { sendFreeText: false });
    sink(event());
    sink(event());
    expect(w.dataLayer).toEqual({ broken: true });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe("beacon sink", () => {
  function setup(endpoint = "https://collect.shop.example/events") {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const beacons: string[] = [];
    const beacon = vi.fn((_url: string, body: string) => (beacons.push(body), true));
    Object.defineProperty(navigator, "sendBeacon", { configurable: true, value: beacon });
    const fetch = vi.fn(() => Promise.resolve(new Response()));
    vi.stubGlobal("fetch", fetch);
    const emitter = createEmitter();
    const stop = beaconSink(window, endpoint, { sendFreeText: false }, emitter);
    return { emitter, stop, beacon, beacons, fetch };
  }
  afterEach(() => vi.unstubAllGlobals());

  it.each(["http://collect.shop.example/e", "https://user:pw@collect.shop.example/e", "javascript:alert(1)"])("refuses %s with one warning and never sends", async (endpoint) => {
    const { emitter, beacon, fetch, stop } = setup(endpoint);
    emitter.emit(event());
    window.dispatchEvent(new Event("pagehide"));
    await vi.advanceTimersByTimeAsync(20_000);
    stop();
    expect(beacon).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("sends one text/plain JSON batch on the interval", async () => {
    const { emitter, beacon, beacons } = setup();
    emitter.emit(event("/a"));
    emitter.emit(event("/b"));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(beacon).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(beacon.mock.calls[0]?.[0]).toBe("https://collect.shop.example/events");
    const body = JSON.parse(beacons[0]!);
    expect(body.events.map((e: { path: string }) => e.path)).toEqual(["/a", "/b"]);
    expect(typeof body.sentAt).toBe("number");
  });

  it("sends what is queued when the page is hidden or left", () => {
    const { emitter, beacon } = setup();
    emitter.emit(event());
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).toHaveBeenCalledTimes(1);
  });

  it("splits batches to stay under 60 KB", () => {
    const { emitter, beacons, stop } = setup();
    const long = "/" + "x".repeat(1000);
    for (let i = 0; i < 200; i++) emitter.emit(event(long));
    stop();
    expect(beacons.length).toBeGreaterThan(3);
    for (const body of beacons) expect(new TextEncoder().encode(body).length).toBeLessThan(60_000);
    expect(beacons.reduce((n, body) => n + JSON.parse(body).events.length, 0)).toBe(200);
  });

  it("falls back to one keepalive fetch when sendBeacon refuses, then drops the batch", async () => {
    const { emitter, beacon, fetch } = setup();
    beacon.mockReturnValue(false);
    fetch.mockRejectedValue(new TypeError("offline"));
    emitter.emit(event());
    window.dispatchEvent(new Event("pagehide"));
    await vi.advanceTimersByTimeAsync(60_000);
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]).toEqual(["https://collect.shop.example/events", expect.objectContaining({ method: "POST", keepalive: true })]);
  });

  it("falls back to an ordinary fetch while the page stays, which the beacons' 64 KB in flight does not limit", async () => {
    const { emitter, beacon, fetch } = setup();
    beacon.mockReturnValue(false);
    emitter.emit(event());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch.mock.calls[0]).toEqual(["https://collect.shop.example/events", expect.objectContaining({ method: "POST", keepalive: false })]);
  });

  it("sends arrays as arrays on a page that gave every array a toJSON (Prototype.js)", () => {
    const { emitter, beacons } = setup();
    Object.defineProperty(Array.prototype, "toJSON", { configurable: true, writable: true, value: () => "[an array as a string]" });
    try {
      emitter.emit({ name: "add_to_cart", props: { items: [{ id: "sku-1", quantity: 1 }] }, time: 1, group: "personalized" } as EmittedEvent);
      window.dispatchEvent(new Event("pagehide"));
    } finally {
      delete (Array.prototype as { toJSON?: unknown }).toJSON;
    }
    expect(JSON.parse(beacons[0]!).events[0].items).toEqual([{ id: "sku-1", quantity: 1 }]);
  });

  it("stops listening once stopped", () => {
    const { emitter, beacon, stop } = setup();
    stop();
    emitter.emit(event());
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).not.toHaveBeenCalled();
  });
});
