import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { forceCloseDatabase, IDBFactory } from "fake-indexeddb";
import { _resetWarnings } from "../../../src/log";
import { isQuota } from "../../../src/store/idb";
import { makeStore, readRaw, spyWarnings, stores, view } from "./fixtures";

beforeEach(() => _resetWarnings());
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  vi.useRealTimers();
  // Undo the fault injectors that replace the global itself.
  Object.defineProperty(globalThis, "indexedDB", { configurable: true, writable: true, value: new IDBFactory() });
});

type Store = ReturnType<typeof makeStore>;

/** The store still works in memory: events fold, flushes resolve, the cache answers. */
async function worksInMemory(store: Store) {
  const before = store.profile().pageViews;
  store.add(view());
  store.add(view());
  await store.flush();
  expect(store.profile().pageViews).toBe(before + 2);
  expect(store.mode()).toBe("memory");
  await store.set("k", 1);
  expect(await store.get("k")).toBe(1);
}

/** The next `count` transactions throw `error`; later ones run. */
function failTransactions(count: number, error: DOMException) {
  const real = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(function (this: IDBDatabase, ...args) {
    if (count-- > 0) throw error;
    return real.apply(this, args);
  });
}

describe("store faults", () => {
  it("runs in memory when indexedDB is missing", async () => {
    const { codes } = spyWarnings();
    delete (globalThis as { indexedDB?: unknown }).indexedDB;
    const store = makeStore();
    await store.ready;
    await worksInMemory(store);
    expect(codes()).toEqual(["storage"]);
  });

  it("runs in memory when the indexedDB getter throws", async () => {
    const { codes } = spyWarnings();
    Object.defineProperty(globalThis, "indexedDB", {
      configurable: true,
      get() {
        throw new DOMException("denied", "SecurityError");
      },
    });
    const store = makeStore();
    await store.ready;
    await worksInMemory(store);
    expect(codes()).toEqual(["storage"]);
  });

  it("runs in memory when open() fails, after one retry", async () => {
    const { codes } = spyWarnings();
    const open = vi.spyOn(indexedDB, "open").mockImplementation(() => {
      const request = new EventTarget() as IDBOpenDBRequest & { error: DOMException };
      queueMicrotask(() => {
        request.error = new DOMException("A mutation operation was attempted on a database that did not allow mutations.", "InvalidStateError");
        request.onerror?.(new Event("error"));
      });
      return request;
    });
    const store = makeStore();
    await store.ready;
    await worksInMemory(store);
    expect(open).toHaveBeenCalledTimes(2);
    expect(codes()).toEqual(["storage"]);
  });

  it("runs in memory when open() throws synchronously", async () => {
    const { codes } = spyWarnings();
    vi.spyOn(indexedDB, "open").mockImplementation(() => {
      throw new TypeError("null is not an object");
    });
    const store = makeStore();
    store.add(view());
    await store.ready;
    await worksInMemory(store);
    expect(store.profile().pageViews).toBe(3);
    expect(codes()).toEqual(["storage"]);
  });

  it("gives up on an open() that never settles after the timeout", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { codes } = spyWarnings();
    const open = vi.spyOn(indexedDB, "open").mockImplementation(() => ({}) as IDBOpenDBRequest);
    const store = makeStore({ openTimeout: 3000 });
    let ready = false;
    void store.ready.then(() => (ready = true));
    await vi.advanceTimersByTimeAsync(2999);
    expect(ready).toBe(false);
    expect(store.mode()).toBe("idb");
    await vi.advanceTimersByTimeAsync(1);
    expect(ready).toBe(true);
    expect(store.mode()).toBe("memory");
    expect(open).toHaveBeenCalledTimes(1);
    await worksInMemory(store);
    expect(codes()).toEqual(["storage"]);
  });

  it("closes an open() that succeeds after the timeout", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    spyWarnings();
    const real = indexedDB.open.bind(indexedDB);
    let late: IDBOpenDBRequest | undefined;
    vi.spyOn(indexedDB, "open").mockImplementation((name) => {
      const request = real(name);
      late = request;
      const handlers = { success: null as null | ((e: Event) => void) };
      // Hold the success back until the timeout has passed.
      Object.defineProperty(request, "onsuccess", { configurable: true, set: (fn) => (handlers.success = fn), get: () => handlers.success });
      setTimeout(() => handlers.success?.(new Event("success")), 5000);
      return request;
    });
    const store = makeStore({ openTimeout: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    await store.ready;
    await vi.advanceTimersByTimeAsync(2000);
    const db = late!.result;
    // A closed connection refuses new transactions.
    expect(() => db.transaction("s", "readonly")).toThrow(expect.objectContaining({ name: "InvalidStateError" }));
    expect(store.mode()).toBe("memory");
  });

  it("compacts the event ring once on a quota error, then writes", async () => {
    const { codes } = spyWarnings();
    const store = makeStore({ maxEvents: 100 });
    await store.ready;
    for (let i = 0; i < 100; i++) store.add(view());
    const real = IDBObjectStore.prototype.put;
    let first = true;
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(function (this: IDBObjectStore, ...args) {
      if (first) {
        first = false;
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return real.apply(this, args);
    });
    await store.flush();
    expect(store.mode()).toBe("idb");
    expect(await readRaw("profile")).toMatchObject({ pageViews: 100 });
    expect(((await readRaw("events")) as unknown[]).length).toBe(50);
    expect(codes()).toEqual([]);
  });

  it("switches to memory when the quota error comes back after compacting", async () => {
    const { codes } = spyWarnings();
    const store = makeStore();
    await store.ready;
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    store.add(view());
    await store.flush();
    expect(put).toHaveBeenCalledTimes(2);
    await worksInMemory(store);
    expect(put).toHaveBeenCalledTimes(2);
    expect(codes()).toEqual(["storage"]);
  });

  it("reopens after a forced close and writes with no loss", async () => {
    const { spy } = spyWarnings();
    const real = indexedDB.open.bind(indexedDB);
    const opened: IDBOpenDBRequest[] = [];
    vi.spyOn(indexedDB, "open").mockImplementation((name) => {
      const request = real(name);
      opened.push(request);
      return request;
    });
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    forceCloseDatabase(opened[0]!.result as never);
    for (let i = 0; i < 10; i++) store.add(view());
    await store.flush();
    expect(opened).toHaveLength(2);
    expect(store.mode()).toBe("idb");
    expect(await readRaw("profile")).toMatchObject({ pageViews: 11 });
    expect(spy).not.toHaveBeenCalled();
  });

  it("drops a connection that is closing and retries once", async () => {
    const { spy } = spyWarnings();
    const store = makeStore();
    await store.ready;
    failTransactions(1, new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", "InvalidStateError"));
    store.add(view());
    await store.flush();
    expect(store.mode()).toBe("idb");
    expect(await readRaw("profile")).toMatchObject({ pageViews: 1 });
    expect(spy).not.toHaveBeenCalled();
  });

  it("trips to memory when transactions keep failing, with bounded attempts", async () => {
    const { codes } = spyWarnings();
    const store = makeStore();
    await store.ready;
    const tx = vi.spyOn(IDBDatabase.prototype, "transaction").mockImplementation(() => {
      throw new DOMException("Connection to Indexed Database server lost. Refresh the page to try again", "UnknownError");
    });
    for (let i = 0; i < 10_000; i++) store.add(view());
    // Three flushes of two attempts each (the second on a new connection), then no more.
    for (let i = 0; i < 3; i++) await store.flush();
    expect([tx.mock.calls.length, store.mode(), codes()]).toEqual([6, "memory", ["storage"]]);
    store.add(view());
    await store.flush();
    expect(tx).toHaveBeenCalledTimes(6);
    expect(store.profile().pageViews).toBe(10_001);
  });

  it("steps aside when another script upgrades the database, and reopens it for the next write", async () => {
    const { spy } = spyWarnings();
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    // Another script on the page opens the same name at a higher version: our open connection
    // must close so its open is not blocked.
    const outcome = await new Promise<string>((resolve) => {
      const request = indexedDB.open("shopkeeper", 99);
      request.onblocked = () => resolve("blocked");
      request.onsuccess = () => (request.result.close(), resolve("opened"));
      request.onerror = () => resolve("error");
    });
    expect(outcome).toBe("opened");
    store.add(view());
    await store.flush();
    expect([store.mode(), await readRaw("profile")]).toEqual(["idb", expect.objectContaining({ pageViews: 2 })]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("keeps the changes of a write that failed for a moment and saves them with the next", async () => {
    const { spy } = spyWarnings();
    const store = makeStore();
    await store.ready;
    // Both attempts of one flush, as when iOS aborts transactions of a page going to the background.
    failTransactions(2, new DOMException("The transaction was aborted.", "AbortError"));
    for (let i = 0; i < 5; i++) store.add(view());
    await store.flush();
    expect(store.mode()).toBe("idb");
    store.add(view());
    await store.flush();
    expect(await readRaw("profile")).toMatchObject({ pageViews: 6 });
    expect((await readRaw("events")) as unknown[]).toHaveLength(6);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe("isQuota", () => {
  it.each([
    ["by name", new DOMException("full", "QuotaExceededError")],
    ["as Dexie's inner error", Object.assign(new DOMException("aborted", "AbortError"), { inner: { name: "QuotaExceededError" } })],
    ["as the cause of an AbortError", new Error("aborted", { cause: new DOMException("full", "QuotaExceededError") })],
    ["as the aborted transaction's error", { name: "AbortError", transaction: { error: { name: "QuotaExceededError" } } }],
  ])("recognises a quota error %s", (_, error) => {
    expect(isQuota(error)).toBe(true);
  });

  it("does not mistake other failures for the quota", () => {
    expect(isQuota(new DOMException("aborted", "AbortError"))).toBe(false);
    expect(isQuota(null)).toBe(false);
  });
});
