import type { UseStore } from "idb-keyval";

/** The one object store of the database: no upgrades, the schema version lives inside the values. */
const STORE = "s";

/** A hardened idb-keyval store: see `createIdb`. */
export interface Idb {
  /** An idb-keyval `UseStore`: runs `fn` in a transaction, reopening a stale connection once. */
  run: UseStore;
  /** Closes the cached connection, and work in flight gives up rather than reopen it; the next `run` opens a new one. */
  close(): void;
  /** Closes our connection (as `close`) and deletes the database; settles (never rejects) when done or timed out. */
  drop(): Promise<void>;
  /**
   * Runs `fn` (puts and deletes) in one readwrite transaction issued and committed now, on the
   * connection already open; with none, or when that fails, returns undefined. For `pagehide`:
   * there is no time left to wait for a connection or a read, and a transaction issued later dies
   * with the document.
   */
  putNow(fn: (store: IDBObjectStore) => unknown): IDBTransaction | undefined;
}

const noop = () => undefined;

/**
 * True when an IndexedDB failure means the storage quota is full, however the browser wraps it:
 * by `name`, Dexie's `inner`, a `cause`, or the `error` of the aborted transaction (an `AbortError`
 * whose real reason is the quota, https://github.com/dexie/Dexie.js/issues/1022).
 * @example isQuota(new DOMException("full", "QuotaExceededError")) // true
 */
export const isQuota = (error: unknown, depth = 0): boolean => {
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; transaction?: { error?: unknown } } | null;
  return !!e && depth < 3 && (e.name == "QuotaExceededError" || [e.inner, e.cause, e.transaction?.error].some((x) => isQuota(x, depth + 1)));
};

/**
 * Creates our own idb-keyval `UseStore` for database `name`, hardened for the browsers in the wild:
 * `open()` times out after `timeout` ms (Safari has hung it for ever, https://bugs.webkit.org/show_bug.cgi?id=226547)
 * and a late success is closed; the cached connection is dropped on `close`, on `versionchange`
 * (ours is closed so others are never blocked) and on any failed transaction or open ("the
 * connection is closing" `InvalidStateError` included), then the work is retried once. A timeout
 * or a quota error is not retried; the caller decides. `onDeleted` runs when another tab deletes the database.
 * @example const idb = createIdb("shopkeeper"); await idb.run("readonly", (s) => promisifyRequest(s.get("k")));
 */
export function createIdb(name: string, timeout = 3000, onDeleted: () => void = noop): Idb {
  let cached: Promise<IDBDatabase> | undefined;
  // The same connection once open, for work that cannot wait for a promise.
  let open: IDBDatabase | undefined;
  // Set by `close()` (the store stopped: forgotten, failed, closed): work already started must not
  // open the database again on its retry, which after a forget() would create it anew, empty.
  let stopped = false;

  // Settles with the first of the request's outcome or the timeout; `ok` returns false when too late.
  const timed = <T>(start: (ok: (value: T) => boolean, fail: (error: unknown) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      let done = false;
      const end = (fn: (value: never) => void) => (value: unknown) => !done && ((done = true), clearTimeout(timer), fn(value as never), true);
      const fail = end(reject);
      const timer = setTimeout(fail, timeout, new DOMException("open timed out", "TimeoutError"));
      try {
        start(end(resolve), fail);
      } catch (error) {
        // `indexedDB` missing, its getter throwing, or `open` throwing synchronously (old Safari private mode).
        fail(error);
      }
    });

  const connect = (): Promise<IDBDatabase> => {
    const opening = timed<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onerror = () => fail(request.error);
      request.onsuccess = () => {
        const db = request.result;
        if (!ok(db)) return db.close();
        open = db;
        db.onclose = db.onversionchange = (event: Event) => {
          db.close();
          if (open === db) open = undefined;
          if (cached === opening) cached = undefined;
          if ((event as IDBVersionChangeEvent).newVersion === null) onDeleted();
        };
      };
    });
    // A rejected open is never cached: the next call tries again.
    opening.catch(() => cached === opening && (cached = undefined));
    return opening;
  };

  const close = () => {
    cached?.then((db) => db.close(), noop);
    cached = open = undefined;
  };

  const attempt = <T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => T | PromiseLike<T>, retry: boolean): Promise<T> =>
    (cached ||= connect())
      .then((db) => fn(db.transaction(STORE, mode).objectStore(STORE)))
      .catch((error: { name?: string } | null) => {
        close();
        if (retry && !stopped && !isQuota(error) && error?.name !== "TimeoutError") return attempt(mode, fn, false);
        throw error;
      });

  return {
    run: (mode, fn) => ((stopped = false), attempt(mode, fn, true)),
    close: () => ((stopped = true), close()),
    putNow(fn) {
      try {
        const tx = open!.transaction(STORE, "readwrite");
        fn(tx.objectStore(STORE));
        // Sent at once rather than when the task ends, which during unload may be never.
        tx.commit?.();
        return tx;
      } catch {
        // No open connection, or it is closing: the caller falls back to a normal write.
        return undefined;
      }
    },
    drop() {
      try {
        // Emptied first: a delete that another script's open connection blocks then leaves
        // nothing to read while it waits. Closing waits for this transaction.
        open?.transaction(STORE, "readwrite").objectStore(STORE).clear();
      } catch {
        // The connection is closing: the delete still follows.
      }
      stopped = true;
      close();
      return timed<unknown>((ok, fail) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => ok(0);
        request.onerror = () => fail(request.error);
      }).then(noop, noop);
    },
  };
}
