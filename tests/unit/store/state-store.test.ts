import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { _resetWarnings } from "../../../src/log";
import { cart, DAY, fakeProfile, makeStore, readRaw, spyWarnings, stores, T0, view, writeRaw } from "./fixtures";

beforeEach(() => _resetWarnings());
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  vi.useRealTimers();
});

describe("state store", () => {
  it("folds an event into the mirror at once, before any write", () => {
    const store = makeStore();
    store.add(view());
    expect(store.profile().pageViews).toBe(1);
    expect(store.events()).toHaveLength(1);
  });

  it("keeps the profile and the event ring for the next page load", async () => {
    const first = makeStore();
    await first.ready;
    first.add(view());
    first.add(cart("p1"));
    await first.flush();
    first.close();

    const second = makeStore();
    await second.ready;
    expect(second.profile()).toMatchObject({ id: first.profile().id, pageViews: 1, cartAdds: 1 });
    expect(second.events().map((e) => e.name)).toEqual(["page_view", "add_to_cart"]);
  });

  it("keeps the id of a new visitor through the first write", async () => {
    const store = makeStore();
    await store.ready;
    const id = store.profile().id;
    store.add(view());
    await store.flush();
    expect(store.profile().id).toBe(id);
    expect(await readRaw("profile")).toMatchObject({ id, pageViews: 1 });
  });

  it("writes a burst of 1,000 events in a handful of puts", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    const store = makeStore();
    await store.ready;
    for (let i = 0; i < 1000; i++) store.add(view(T0 + i));
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2000);
    await store.flush();
    expect(put.mock.calls.length).toBeLessThanOrEqual(4);
    expect(await readRaw("profile")).toMatchObject({ pageViews: 1000 });
  });

  it("writes at most once per flush interval", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    const store = makeStore({ flushInterval: 1000 });
    await store.ready;
    store.add(view());
    await vi.advanceTimersByTimeAsync(999);
    expect(put).not.toHaveBeenCalled();
    store.add(view());
    await vi.advanceTimersByTimeAsync(1);
    await store.flush();
    expect(put).toHaveBeenCalledTimes(2);
  });

  it("still writes within a flush interval after the clock was set back", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let t = T0;
    const store = makeStore({ flushInterval: 1000, now: () => t });
    await store.ready;
    store.add(view());
    await vi.advanceTimersByTimeAsync(0);
    await store.flush();
    t -= 3600e3;
    store.add(view());
    await vi.advanceTimersByTimeAsync(1000);
    vi.useRealTimers();
    await new Promise((ok) => setTimeout(ok, 50));
    expect(await readRaw("profile")).toMatchObject({ pageViews: 2 });
  });

  it("writes the first change after a quiet spell at once, so a short page visit is kept", async () => {
    const store = makeStore({ flushInterval: 60_000 });
    await store.ready;
    store.add(view());
    store.add(view());
    await new Promise((ok) => setTimeout(ok, 50));
    expect(await readRaw("profile")).toMatchObject({ pageViews: 2 });
  });

  it("flushes when the page is hidden and on pagehide", async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    const store = makeStore({ win: window });
    await store.ready;
    store.add(view());
    const state = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    await store.flush();
    expect(put).toHaveBeenCalledTimes(2);
    state.mockRestore();
    store.add(view());
    window.dispatchEvent(new Event("pagehide"));
    await store.flush();
    // The closing page puts one batch; the next page folds it in.
    expect(put).toHaveBeenCalledTimes(3);
    const next = makeStore();
    await next.ready;
    expect(next.profile().pageViews).toBe(2);
  });

  it("writes on pagehide within the event itself, since a later transaction dies with the page", async () => {
    const store = makeStore({ win: window, flushInterval: 60_000 });
    await store.ready;
    store.add(view());
    await store.flush();
    store.add(view());
    store.add(cart("a"));
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    window.dispatchEvent(new Event("pagehide"));
    expect(put).toHaveBeenCalledTimes(1);
    await store.flush();
    const next = makeStore();
    await next.ready;
    expect(next.profile()).toMatchObject({ pageViews: 2, cartAdds: 1 });
    expect(next.events()).toHaveLength(3);
  });

  it("counts each event once when pagehide overtakes a write in flight", async () => {
    const store = makeStore({ win: window });
    await store.ready;
    store.add(view());
    const get = vi.spyOn(IDBObjectStore.prototype, "get");
    const pending = store.flush();
    // The write has read nothing back yet when the page goes.
    for (let i = 0; i < 20 && !get.mock.calls.length; i++) await Promise.resolve();
    expect(get).toHaveBeenCalled();
    window.dispatchEvent(new Event("pagehide"));
    store.add(view());
    await pending;
    await store.flush();
    expect(await readRaw("profile")).toMatchObject({ pageViews: 2 });
    expect(store.profile().pageViews).toBe(2);
  });

  it("bounds the ring of recent events", async () => {
    const store = makeStore({ maxEvents: 5 });
    await store.ready;
    for (let i = 0; i < 12; i++) store.add(view(T0 + i));
    expect(store.events()).toHaveLength(5);
    await store.flush();
    const ring = (await readRaw("events")) as { time: number }[];
    expect(ring.map((e) => e.time - T0)).toEqual([7, 8, 9, 10, 11]);
  });

  it("persists a visitor's edit from replace() atomically with the queued events", async () => {
    const store = makeStore();
    await store.ready;
    store.add(view());
    store.replace((p) => ({ ...p, stated: ["brand:Acme"] }));
    expect(store.profile().stated).toEqual(["brand:Acme"]);
    await store.flush();
    expect(await readRaw("profile")).toMatchObject({ stated: ["brand:Acme"], pageViews: 1 });
  });

  it("skips an event whose properties cannot be stored, with one warning", async () => {
    const { codes } = spyWarnings();
    const store = makeStore();
    await store.ready;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    store.add({ ...view(), props: cyclic as never });
    store.add({ ...view(), props: JSON.parse('{"path":"/","__proto__":{"polluted":1}}') });
    store.add(view());
    await store.flush();
    expect(store.profile().pageViews).toBe(1);
    expect(codes()).toEqual(["event-props"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("stores events as plain JSON copies the page cannot change later", async () => {
    const store = makeStore();
    await store.ready;
    const props = { path: "/a", pageType: "other" as const, fn: () => 1 };
    store.add({ name: "page_view", props, time: T0 });
    props.path = "/changed";
    await store.flush();
    expect(((await readRaw("events")) as { props: unknown }[])[0]?.props).toEqual({ path: "/a", pageType: "other" });
  });
});

describe("retention", () => {
  it("drops stored events older than retentionDays on read", async () => {
    await writeRaw({ profile: fakeProfile("old"), events: [view(T0 - 200 * DAY), view(T0 - 10 * DAY)] });
    const store = makeStore({ retentionDays: 180 });
    await store.ready;
    expect(store.events().map((e) => (T0 - e.time) / DAY)).toEqual([10]);
  });

  it("drops events that aged out on the next write", async () => {
    let now = T0;
    const store = makeStore({ retentionDays: 30, now: () => now });
    await store.ready;
    store.add(view(T0));
    await store.flush();
    now = T0 + 31 * DAY;
    store.add(view(now));
    await store.flush();
    expect(((await readRaw("events")) as { time: number }[]).map((e) => e.time)).toEqual([now]);
  });

  it("lets the injected prune trim profile facts with the current time", async () => {
    await writeRaw({ profile: { ...fakeProfile("kept"), stated: ["a", "b"] } });
    const prune = vi.fn((p, now: number) => ({ ...p, stated: [], prunedAt: now }));
    const store = makeStore({ prune });
    await store.ready;
    expect(store.profile()).toMatchObject({ id: "kept", stated: [], prunedAt: T0 });
  });

  it("clamps a lastSeen from the future instead of wiping the profile", async () => {
    await writeRaw({ profile: { ...fakeProfile("skewed"), pageViews: 7, lastSeen: T0 + 5 * DAY } });
    const { spy } = spyWarnings();
    const store = makeStore();
    await store.ready;
    expect(store.profile()).toMatchObject({ id: "skewed", pageViews: 7, lastSeen: T0 });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("migrations", () => {
  it("upgrades a stored v0 profile through the migrations map", async () => {
    await writeRaw({ profile: { v: 0, visitor: "legacy", views: 4 } });
    const store = makeStore({
      migrations: { 0: (old) => ({ ...fakeProfile(String(old.visitor)), pageViews: old.views }) },
    });
    await store.ready;
    expect(store.profile()).toMatchObject({ v: 1, id: "legacy", pageViews: 4 });
    store.add(view());
    await store.flush();
    expect(await readRaw("profile")).toMatchObject({ v: 1, id: "legacy", pageViews: 5 });
  });

  it("leaves stored data untouched when a migration throws", async () => {
    const { codes } = spyWarnings();
    await writeRaw({ profile: { v: 0, visitor: "legacy" } });
    const store = makeStore({ migrations: { 0: () => { throw new Error("half-way"); } } });
    await store.ready;
    store.add(view());
    await store.flush();
    expect(store.mode()).toBe("memory");
    expect(await readRaw("profile")).toEqual({ v: 0, visitor: "legacy" });
    expect(codes()).toEqual(["storage"]);
  });
});

describe("stored data that is not ours", () => {
  it.each([
    ["a string", '{"a":'],
    ["an array", []],
    ["a foreign object", { counts: { p1: "NaN" } }],
    ["a profile failing validation", { v: 1, id: 5 }],
    ["__proto__ keys", JSON.parse('{"v":1,"id":"x","pageViews":1,"cartAdds":0,"affinity":{"__proto__":{"polluted":1}}}')],
    ["a constructor key", { ...fakeProfile("x"), constructor: { prototype: {} } }],
  ])("discards %s with one warning and starts fresh", async (_, stored) => {
    const { codes } = spyWarnings();
    await writeRaw({ profile: stored });
    const store = makeStore();
    await store.ready;
    expect(store.profile()).toMatchObject({ pageViews: 0 });
    expect(store.profile().id).not.toBe("x");
    store.add(view());
    await store.flush();
    expect(store.mode()).toBe("idb");
    expect(await readRaw("profile")).toMatchObject({ id: store.profile().id, pageViews: 1 });
    expect(codes()).toEqual(["corrupt"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("discards a corrupt event ring with one warning", async () => {
    const { codes } = spyWarnings();
    await writeRaw({ profile: fakeProfile("x"), events: JSON.parse('[{"name":"page_view","time":1,"props":{"__proto__":{}}}]') });
    const store = makeStore();
    await store.ready;
    expect(store.events()).toEqual([]);
    expect(store.profile().id).toBe("x");
    expect(codes()).toEqual(["corrupt"]);
  });

  it("never overwrites data from a newer version: memory mode with one warning", async () => {
    const { codes } = spyWarnings();
    const newer = { v: 2, id: "future", shape: "unknown" };
    await writeRaw({ profile: newer });
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    expect(store.mode()).toBe("memory");
    expect(store.profile().pageViews).toBe(1);
    expect(await readRaw("profile")).toEqual(newer);
    expect(codes()).toEqual(["storage"]);
  });
});

describe("key-value cache", () => {
  it("stores values beside the profile", async () => {
    const first = makeStore();
    await first.ready;
    await first.set("catalog", { items: [1, 2] });
    first.close();
    const second = makeStore();
    expect(await second.get("catalog")).toEqual({ items: [1, 2] });
    expect(await second.get("missing")).toBeUndefined();
  });

  it("keeps a value in memory when the quota refuses it", async () => {
    const store = makeStore();
    await store.ready;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    await store.set("catalog", "big");
    expect(await store.get("catalog")).toBe("big");
    expect(store.mode()).toBe("idb");
  });
});
