import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { _resetWarnings } from "../../../src/log";
import type { Profile } from "../../../src/types";
import { batchKeys, cart, databases, DAY, fakeProfile, makeStore, readRaw, spyWarnings, stores, T0, view, writeRaw } from "./fixtures";

beforeEach(() => _resetWarnings());
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** A window of its own for each tab, so each can be closed apart from the others. */
const tab = () => Object.assign(new EventTarget(), { document: new EventTarget() }) as unknown as Window;
const close = (...tabs: Window[]) => tabs.forEach((w) => w.dispatchEvent(new Event("pagehide")));

/** Resolves with the next profile another tab caused. */
const nextExternal = (set: (fn: (p: Profile, external: boolean) => void) => void) =>
  new Promise<Profile>((resolve) => set((p, external) => external && resolve(p)));

/** A tab whose store has read what is stored, and its window. */
const openTab = async () => {
  const w = tab();
  const store = makeStore({ win: w });
  await store.ready;
  return [store, w] as const;
};

/** A returning visitor: a profile is stored, so a closing page leaves a batch beside it. */
const returning = () => writeRaw({ profile: fakeProfile("returning") });

/** A store opened later, as the next page would: what it reads. */
const nextPage = async () => {
  const store = makeStore();
  await store.ready;
  return store;
};

describe("batches closing pages leave", () => {
  it("keep the unsaved events of two tabs closed in the same instant", async () => {
    let listen: (p: Profile, external: boolean) => void = () => undefined;
    const [wa, wb] = [tab(), tab()];
    const a = makeStore({ win: wa });
    const b = makeStore({ win: wb, onChange: (p, external) => listen(p, external) });
    await Promise.all([a.ready, b.ready]);
    const heard = nextExternal((fn) => (listen = fn));
    a.add(view(T0 - 4));
    await a.flush();
    // Both tabs hold the stored profile, and neither has written what follows.
    await heard;
    a.add(cart("a1", T0 - 2));
    b.add(cart("b1", T0 - 3));
    b.add(view(T0 - 1));
    close(wa, wb);
    const next = await nextPage();
    expect(next.profile()).toMatchObject({ id: a.profile().id, pageViews: 2, cartAdds: 2 });
    // Folded by time, whichever tab wrote first.
    expect(next.events().map((e) => e.time - T0)).toEqual([-4, -3, -2, -1]);
  });

  it("are not used for a first visit that ends before its first write: the visitor keeps its id", async () => {
    const [a, w] = await openTab();
    a.add(view());
    close(w);
    const next = await nextPage();
    expect(next.profile()).toMatchObject({ id: a.profile().id, pageViews: 1 });
    expect(await batchKeys()).toEqual([]);
  });

  it("are folded exactly once: the next write deletes them in the same transaction", async () => {
    await returning();
    const [a, w] = await openTab();
    a.add(cart("a1"));
    close(w);
    expect(await batchKeys()).toHaveLength(1);
    const b = await nextPage();
    b.add(view());
    await b.flush();
    expect(await batchKeys()).toEqual([]);
    b.add(view());
    await b.flush();
    expect(await readRaw("profile")).toMatchObject({ pageViews: 2, cartAdds: 1 });
    expect(b.profile()).toMatchObject({ pageViews: 2, cartAdds: 1 });
    expect(await readRaw("events")).toHaveLength(3);
  });

  it("are seen by a tab that only reads, and left for a write to fold", async () => {
    await returning();
    const [a, w] = await openTab();
    a.add(cart("a1"));
    close(w);
    const reader = await nextPage();
    expect(reader.profile().cartAdds).toBe(1);
    expect(reader.events()).toHaveLength(1);
    expect(await batchKeys()).toHaveLength(1);
    expect(await readRaw("profile")).toMatchObject({ cartAdds: 0 });
  });

  it("of a page back from the back/forward cache that leaves again are both kept, and counted once", async () => {
    await returning();
    const [a, w] = await openTab();
    a.add(cart("x1"));
    close(w);
    w.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    // Waits for the read on return: it starts from what is stored, not from the mirror.
    await a.flush();
    expect(a.profile().cartAdds).toBe(1);
    a.add(cart("x2"));
    close(w);
    expect(await batchKeys()).toHaveLength(2);
    expect((await nextPage()).profile().cartAdds).toBe(2);
  });

  it("drop what is not a well-formed event, with one warning", async () => {
    const { codes } = spyWarnings();
    await writeRaw({
      "q:a:0": "garbage",
      "q:b:0": [null, 5, { name: 1, props: {}, time: T0 }, { name: "page_view", time: T0 }, cart("ok")],
      "q:c:0": JSON.parse(`[{"name":"page_view","time":${T0},"props":{"__proto__":{"polluted":1}}}]`),
      "q:d:0": { 0: view() },
    });
    const store = await nextPage();
    expect(store.profile()).toMatchObject({ pageViews: 0, cartAdds: 1 });
    expect(store.events()).toHaveLength(1);
    expect(codes()).toEqual(["corrupt"]);
    store.add(view());
    await store.flush();
    expect(await batchKeys()).toEqual([]);
    expect(await readRaw("profile")).toMatchObject({ pageViews: 1, cartAdds: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drop events older than retentionDays", async () => {
    await writeRaw({ "q:old:0": [cart("old", T0 - 200 * DAY), view(T0 - 10 * DAY)] });
    const store = await nextPage();
    expect(store.profile()).toMatchObject({ pageViews: 1, cartAdds: 0 });
    store.add(view());
    await store.flush();
    expect(await batchKeys()).toEqual([]);
    expect(((await readRaw("events")) as { time: number }[]).map((e) => (T0 - e.time) / DAY)).toEqual([10, 0]);
  });

  it("are read 64 at a time, the rest by the next write", async () => {
    await writeRaw(Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`q:x:${i}`, [view()]])));
    const store = await nextPage();
    expect(store.profile().pageViews).toBe(64);
    store.add(cart("a"));
    await store.flush();
    expect(await batchKeys()).toHaveLength(6);
    store.add(cart("b"));
    await store.flush();
    expect(await batchKeys()).toEqual([]);
    expect(await readRaw("profile")).toMatchObject({ pageViews: 70, cartAdds: 2 });
  });

  it("are erased by forget()", async () => {
    const [a, w] = await openTab();
    a.add(cart("a1"));
    close(w);
    const b = await nextPage();
    await b.forget();
    expect(await databases()).toEqual([]);
    expect((await nextPage()).profile().cartAdds).toBe(0);
  });

  it("are not used for a visitor's edit: the mirror is written, and the batches it folded are deleted", async () => {
    let listen: (p: Profile, external: boolean) => void = () => undefined;
    const [wa, wb] = [tab(), tab()];
    const a = makeStore({ win: wa, onChange: (p, external) => listen(p, external) });
    const b = makeStore({ win: wb });
    await Promise.all([a.ready, b.ready]);
    const heard = nextExternal((fn) => (listen = fn));
    b.add(cart("b1"));
    close(wb);
    expect((await heard).cartAdds).toBe(1);
    a.add(view());
    a.replace((p) => ({ ...p, stated: ["brand:Acme"] }));
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    close(wa);
    expect(put.mock.calls.map((call) => call[1])).toEqual(["profile", "events"]);
    expect(await batchKeys()).toEqual([]);
    expect((await nextPage()).profile()).toMatchObject({ stated: ["brand:Acme"], pageViews: 1, cartAdds: 1 });
  });

  it("past the 64 a read takes are kept when a visitor's edit writes the mirror, and folded by the next write", async () => {
    await writeRaw(Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`q:x:${i}`, [view()]])));
    const [a, w] = await openTab();
    a.replace((p) => ({ ...p, stated: ["brand:Acme"] }));
    close(w);
    expect(await batchKeys()).toHaveLength(6);
    const b = await nextPage();
    b.add(cart("b"));
    await b.flush();
    expect(await readRaw("profile")).toMatchObject({ stated: ["brand:Acme"], pageViews: 70, cartAdds: 1 });
  });

  it("left by another tab in the same instant survive a visitor's edit written over them", async () => {
    await returning();
    const [wa, wb] = [tab(), tab()];
    const a = makeStore({ win: wa });
    const b = makeStore({ win: wb });
    await Promise.all([a.ready, b.ready]);
    b.add(cart("b1"));
    a.replace((p) => ({ ...p, stated: ["brand:Acme"] }));
    // b's batch is not heard of yet when a writes its mirror.
    close(wb, wa);
    const next = await nextPage();
    expect(next.profile()).toMatchObject({ stated: ["brand:Acme"], cartAdds: 1 });
  });

  it("are not used while a write of ours is too far along to cancel: its events would count twice", async () => {
    const [a, w] = await openTab();
    a.add(view());
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(function (this: IDBObjectStore, ...args) {
      // The page goes once the write has committed, before it could tell the store so.
      this.transaction.addEventListener("complete", () => close(w));
      return real.apply(this, args);
    });
    await a.flush();
    expect(await batchKeys()).toEqual([]);
    expect((await nextPage()).profile().pageViews).toBe(1);
  });

  it("left by a tab whose clock ran ahead are folded at the time they are read, not in the future", async () => {
    const { createProfile } = await import("../../../src/profile/create-profile");
    const { foldProfile } = await import("../../../src/profile/fold");
    const { pruneProfile, validateProfile } = await import("../../../src/profile/validate");
    const HOUR = DAY / 24;
    const real = {
      fold: (p: Profile, e: Parameters<typeof foldProfile>[1]) => foldProfile(p, e, e.time),
      validate: validateProfile,
      prune: (p: Profile, at: number) => pruneProfile(p, at, 180),
    };
    // Stored an hour ago; then a page whose clock ran a day ahead closed, and the clock was corrected.
    await writeRaw({ profile: foldProfile(createProfile(T0 - HOUR, "returning"), view(T0 - HOUR), T0 - HOUR), "q:ahead:0": [cart("a1", T0 + DAY)] });
    const store = makeStore({ ...real, now: () => T0 });
    await store.ready;
    expect(store.profile()).toMatchObject({ lastSeen: T0, sessions: 2, session: { start: T0 } });
    expect(store.events().map((e) => e.time)).toEqual([T0]);
    store.add(view(T0 + 60_000));
    await store.flush();
    // One visit: the page view joins the session the cart add opened, and nothing stored is in the future.
    expect(store.profile()).toMatchObject({ sessions: 2, session: { start: T0, pageViews: 1 } });
    expect(await readRaw("profile")).toMatchObject({ lastSeen: T0 + 60_000, sessions: 2 });
  });
});
