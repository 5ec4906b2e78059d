import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { _resetWarnings } from "../../../src/log";
import type { Profile } from "../../../src/types";
import { cart, databases, makeStore, readRaw, stores, T0, view } from "./fixtures";

beforeEach(() => _resetWarnings());
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

/** Resolves with the next profile another tab caused. */
const nextExternal = (set: (fn: (p: Profile, external: boolean) => void) => void) =>
  new Promise<Profile>((resolve) => set((p, external) => external && resolve(p)));

describe("two tabs", () => {
  it("give exact counts when each writes 250 events", async () => {
    const a = makeStore();
    const b = makeStore();
    await Promise.all([a.ready, b.ready]);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 250; i++) {
      a.add(cart(`a${i}`));
      b.add(cart(`b${i}`));
      // Interleave the transactions of both tabs.
      if (i % 25 === 24) writes.push(a.flush(), b.flush());
    }
    await Promise.all(writes);
    expect(await readRaw("profile")).toMatchObject({ cartAdds: 500 });
    expect(((await readRaw("events")) as unknown[]).length).toBe(500);
    const c = makeStore();
    await c.ready;
    expect(c.profile().cartAdds).toBe(500);
  });

  it("share one visitor id", async () => {
    const a = makeStore();
    await a.ready;
    a.add(view());
    await a.flush();
    const b = makeStore();
    await b.ready;
    expect(b.profile().id).toBe(a.profile().id);
  });

  it("tell each other about changes: the other tab re-reads", async () => {
    let listen: (p: Profile, external: boolean) => void = () => undefined;
    const a = makeStore();
    const b = makeStore({ onChange: (p, external) => listen(p, external) });
    await Promise.all([a.ready, b.ready]);
    const seen = nextExternal((fn) => (listen = fn));
    a.add(view());
    a.add(view());
    await a.flush();
    expect((await seen).pageViews).toBe(2);
    expect(b.profile().pageViews).toBe(2);
  });

  it("hear of a pagehide write and read what it wrote", async () => {
    let listen: (p: Profile, external: boolean) => void = () => undefined;
    const a = makeStore({ win: window });
    const b = makeStore({ onChange: (p, external) => listen(p, external) });
    await Promise.all([a.ready, b.ready]);
    a.add(cart("x1"));
    const seen = nextExternal((fn) => (listen = fn));
    window.dispatchEvent(new Event("pagehide"));
    expect((await seen).cartAdds).toBe(1);
  });

  it("stay out of each other's way in the back/forward cache, and catch up on return", async () => {
    let listen: (p: Profile, external: boolean) => void = () => undefined;
    const a = makeStore({ win: window, onChange: (p, external) => listen(p, external) });
    const b = makeStore();
    await Promise.all([a.ready, b.ready]);
    window.dispatchEvent(new Event("pagehide"));
    b.add(cart("y1"));
    await b.flush();
    await new Promise((r) => setTimeout(r, 20));
    // Hidden in the cache, A heard nothing (its channel was closed)...
    expect(a.profile().cartAdds).toBe(0);
    const seen = nextExternal((fn) => (listen = fn));
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    // ...and reads what it missed when it is shown again.
    expect((await seen).cartAdds).toBe(1);
  });

  it("re-read on focus when BroadcastChannel is missing", async () => {
    const real = globalThis.BroadcastChannel;
    (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
    try {
      let listen: (p: Profile, external: boolean) => void = () => undefined;
      const a = makeStore();
      const b = makeStore({ win: window, onChange: (p, external) => listen(p, external) });
      await Promise.all([a.ready, b.ready]);
      a.add(view());
      await a.flush();
      const seen = nextExternal((fn) => (listen = fn));
      window.dispatchEvent(new Event("focus"));
      expect((await seen).pageViews).toBe(1);
    } finally {
      globalThis.BroadcastChannel = real;
    }
  });
  it("report another tab's changes that a write of theirs merged in when BroadcastChannel is missing, and only those", async () => {
    const real = globalThis.BroadcastChannel;
    (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
    try {
      const heard: [number, boolean][] = [];
      const a = makeStore();
      const b = makeStore({ onChange: (p, external) => heard.push([p.pageViews, external]) });
      await Promise.all([a.ready, b.ready]);
      b.add(cart("b1"));
      await b.flush();
      a.add(view());
      await a.flush();
      b.add(cart("b2"));
      await b.flush();
      expect(b.profile()).toMatchObject({ pageViews: 1, cartAdds: 2 });
      expect(heard).toEqual([
        [0, false],
        [0, false],
        [1, true],
      ]);
    } finally {
      globalThis.BroadcastChannel = real;
    }
  });
});

describe("forget", () => {
  it("deletes the database and resets the mirror", async () => {
    const store = makeStore();
    await store.ready;
    const id = store.profile().id;
    store.add(view());
    store.add(cart("p1"));
    await store.flush();
    await store.set("catalog", [1]);
    await store.forget();
    expect(await databases()).toEqual([]);
    expect(store.profile()).toMatchObject({ pageViews: 0, cartAdds: 0 });
    expect(store.profile().id).not.toBe(id);
    expect(store.events()).toEqual([]);
  });

  it("leaves nothing to read while another program's open connection blocks the delete", async () => {
    const store = makeStore({ openTimeout: 200 });
    await store.ready;
    store.add(view());
    await store.flush();
    // A connection that ignores versionchange, as a foreign script's might.
    const foreign = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open("shopkeeper");
      request.onsuccess = () => resolve(request.result);
    });
    await store.forget();
    const left = await new Promise((resolve) => {
      const get = foreign.transaction("s").objectStore("s").getAll();
      get.onsuccess = () => resolve(get.result);
    });
    expect(left).toEqual([]);
    foreign.close();
  });

  it("writes nothing more until the next page load", async () => {
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    await store.forget();
    store.add(view());
    await store.flush();
    expect(store.profile().pageViews).toBe(1);
    expect(await databases()).toEqual([]);
  });

  it("makes other tabs reset and stop writing, so nothing comes back", async () => {
    let listen: (p: Profile, external: boolean) => void = () => undefined;
    const a = makeStore();
    const b = makeStore({ onChange: (p, external) => listen(p, external) });
    await Promise.all([a.ready, b.ready]);
    b.add(view());
    b.add(view());
    await b.flush();
    const reset = nextExternal((fn) => (listen = fn));
    await a.forget();
    expect((await reset).pageViews).toBe(0);
    b.add(view());
    await b.flush();
    expect(b.mode()).toBe("memory");
    expect(await databases()).toEqual([]);
  });

  it("leaves no database behind when another tab had a write in flight", async () => {
    const a = makeStore();
    const b = makeStore();
    await Promise.all([a.ready, b.ready]);
    b.add(view());
    await b.flush();
    b.add(view());
    let forgot: Promise<void> | undefined;
    const real = IDBObjectStore.prototype.getAll;
    vi.spyOn(IDBObjectStore.prototype, "getAll").mockImplementationOnce(function (this: IDBObjectStore, ...args) {
      // b's write has started: its transaction is open when a deletes the database.
      forgot = a.forget();
      return real.apply(this, args);
    });
    await b.flush();
    await forgot;
    await new Promise((ok) => setTimeout(ok, 50));
    expect(await databases()).toEqual([]);
  });
});

describe("with the real profile fold", () => {
  it("two tabs writing 250 add_to_cart events each give exact counts", async () => {
    const { createProfile } = await import("../../../src/profile/create-profile");
    const { foldProfile } = await import("../../../src/profile/fold");
    const { pruneProfile, validateProfile } = await import("../../../src/profile/validate");
    const tab = (n: number) =>
      makeStore({
        fold: (p, e) => foldProfile(p, e, e.time),
        create: () => createProfile(T0, `tab-${n}`),
        validate: validateProfile,
        prune: (p, now) => pruneProfile(p, now, 180),
      });
    const [a, b] = [tab(1), tab(2)];
    await Promise.all([a.ready, b.ready]);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 250; i++) {
      a.add(cart(`a${i % 9}`, T0 + i));
      b.add(cart(`b${i % 9}`, T0 + i));
      if (i % 50 === 49) writes.push(a.flush(), b.flush());
    }
    await Promise.all(writes);
    const fresh = tab(3);
    await fresh.ready;
    expect(fresh.profile().cartAdds).toBe(500);
    expect(a.profile().id).toBe(fresh.profile().id);
  });
});
