import { vi } from "vitest";
import type { Profile, TrackedEvent } from "../../../src/types";
import { createStateStore, type StateStoreOptions } from "../../../src/store/state-store";
import { createIdb } from "../../../src/store/idb";
import { promisifyRequest } from "idb-keyval";

/** A tiny stand-in for the real profile fold: counts what the store tests need to see. */
export interface Counts {
  views: number;
  carts: number;
  ids: string[];
}

export const T0 = Date.UTC(2025, 0, 15);
export const DAY = 864e5;

let serial = 0;
export const fakeProfile = (id = `visitor-${++serial}`, t = T0): Profile =>
  ({ v: 1, id, firstSeen: t, lastSeen: t, pageViews: 0, cartAdds: 0, stated: [] }) as unknown as Profile;

export const fold = (p: Profile, e: TrackedEvent): Profile => ({
  ...p,
  lastSeen: Math.max(p.lastSeen, e.time),
  pageViews: p.pageViews + (e.name === "page_view" ? 1 : 0),
  cartAdds: p.cartAdds + (e.name === "add_to_cart" ? 1 : 0),
});

export const validate = (x: unknown): Profile | undefined => {
  const p = x as Profile;
  return typeof p.id === "string" && typeof p.pageViews === "number" && typeof p.cartAdds === "number" ? p : undefined;
};

export const view = (time = T0, path = "/"): TrackedEvent => ({ name: "page_view", props: { path, pageType: "other" }, time });
export const cart = (id: string, time = T0): TrackedEvent => ({ name: "add_to_cart", props: { items: [{ id, quantity: 1 }] }, time });

export const stores: { close(): void }[] = [];

/** A store with fake profile functions and a fixed clock; closed after each test. */
export function makeStore(overrides: Partial<StateStoreOptions> = {}) {
  const store = createStateStore({
    fold,
    create: () => fakeProfile(),
    validate,
    prune: (p) => p,
    now: () => T0,
    consent: "granted",
    ...overrides,
  });
  stores.push(store);
  return store;
}

/** Reads raw keys straight from the database, as another program would. */
export async function readRaw(key: string, name = "shopkeeper"): Promise<unknown> {
  const idb = createIdb(name);
  try {
    return await idb.run("readonly", (s) => promisifyRequest(s.get(key)));
  } finally {
    idb.close();
  }
}

/** Writes raw keys straight into the database. */
export async function writeRaw(entries: Record<string, unknown>, name = "shopkeeper"): Promise<void> {
  const idb = createIdb(name);
  await idb.run("readwrite", (s) => {
    for (const [key, value] of Object.entries(entries)) s.put(value, key);
    return promisifyRequest(s.transaction);
  });
  idb.close();
}

/** The keys of the batches closing pages left, oldest key first. */
export async function batchKeys(name = "shopkeeper"): Promise<IDBValidKey[]> {
  const idb = createIdb(name);
  try {
    return await idb.run("readonly", (s) => promisifyRequest(s.getAllKeys(IDBKeyRange.bound("q:", "q;"))));
  } finally {
    idb.close();
  }
}

export const databases = async () => (await indexedDB.databases()).map((d) => d.name);

/** Console warnings, muted; `codes()` lists the `(code)` suffixes of the ones sent. */
export function spyWarnings() {
  const spy = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  return { spy, codes: () => spy.mock.calls.map((call) => /\((\S+)\)$/.exec(String(call[0]))?.[1]) };
}
