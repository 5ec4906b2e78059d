import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach } from "vitest";

// A fresh "browser profile" per test: no IndexedDB state leaks between tests.
beforeEach(() => {
  (globalThis as { indexedDB: IDBFactory }).indexedDB = new IDBFactory();
});

afterEach(() => {
  // Node-environment tests (SSR) have no document.
  if (typeof document === "undefined") return;
  document.body.replaceChildren();
  document.head.replaceChildren();
});
