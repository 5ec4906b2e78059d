import { promisifyRequest } from "idb-keyval";
import type { ConsentMode, Profile, StorageMode, TrackedEvent } from "../types";
import { attempt, warnOnce } from "../log";
import { isSafe } from "../privacy/is-safe";
import { plain, stringify } from "../plain";
import { listen, stopAll } from "../track/listen";
import { createIdb, isQuota } from "./idb";

/** Upgrades a stored profile of one older version to the next; the loop runs them up to `v: 1`. */
export type Migrations = Record<number, (old: Record<string, unknown>) => Record<string, unknown>>;

/** The built-in migrations, keyed by the version they read. Only v1 exists today. */
export const MIGRATIONS: Migrations = {};

/** Options of `createStateStore`; the profile functions are injected so the store stays generic. */
export interface StateStoreOptions {
  fold: (profile: Profile, event: TrackedEvent) => Profile;
  create: () => Profile;
  /** Returns a valid profile built from untrusted data, or undefined. */
  validate: (value: unknown) => Profile | undefined;
  /** Drops profile facts older than the retention window. */
  prune: (profile: Profile, now: number) => Profile;
  now: () => number;
  consent: ConsentMode;
  /** Longest wait before a batched write, ms. Default 2,000. */
  flushInterval?: number | undefined;
  /** Recent events kept beside the profile. Default 500. */
  maxEvents?: number | undefined;
  /** Events older than this are dropped, days. Default 180. */
  retentionDays?: number | undefined;
  /** Database name, also the BroadcastChannel name. Default "shopkeeper". */
  dbName?: string;
  /** How long `indexedDB.open` may take, ms. Default 3,000. */
  openTimeout?: number;
  /** Defaults to `MIGRATIONS`. */
  migrations?: Migrations;
  /**
   * Runs when the mirror was replaced from storage; `external` when it now holds what this tab did
   * not (another tab's change, an erase), not after a write of ours or a read that found nothing new.
   */
  onChange?: (profile: Profile, external: boolean) => void;
  /** For flushes on hide and `pagehide`, and re-reads on focus without BroadcastChannel. */
  win?: Window;
  /** False keeps everything in memory, silently: no IndexedDB, no BroadcastChannel (a server render). Default true. */
  persist?: boolean;
}

/** The visitor's profile and recent events: an in-memory mirror kept in step with IndexedDB. */
export interface StateStore {
  /** Resolves once the stored profile was read, or storage was found unusable. Never rejects. */
  ready: Promise<void>;
  /** The in-memory mirror, instant. Treat it as read-only. */
  profile(): Profile;
  /** The ring of recent events, oldest first. */
  events(): TrackedEvent[];
  /** Folds the event into the mirror now and queues it for the next batched write. */
  add(event: TrackedEvent): void;
  /** Applies a visitor's edit to the mirror and writes it at once, atomically like events. */
  replace(fn: (profile: Profile) => Profile): void;
  /** Writes what is queued. Never rejects. */
  flush(): Promise<void>;
  /** `granted` persists what memory holds; `denied` erases like `forget()`; `pending` stops writing. */
  setConsent(mode: ConsentMode): Promise<void>;
  mode(): StorageMode;
  /** Erases everything here and in other tabs; nothing is written again until the next page load. */
  forget(): Promise<void>;
  /** Stops listeners, timers, writes and the connection (without a last flush). */
  close(): void;
  /** A small key-value cache on the same store (memory-backed unless consent is granted). */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Queued work: an event to fold, or a visitor's edit. */
type Change = TrackedEvent | ((profile: Profile) => Profile);

const DAY = 864e5;

/** The keys of the batches closing pages leave (see `leave`): all of them start with "q:". */
const batches = () => IDBKeyRange.bound("q:", "q;");

/** Commits the request's transaction now (no more requests follow), where the browser can. */
const commit = <T>(request: IDBRequest<T>) => (request.transaction!.commit?.(), request);

/** Aborts a transaction unless it already finished or aborted (which throws): false then. */
const abort = (tx: IDBTransaction | undefined) => {
  try {
    tx?.abort();
    return true;
  } catch {
    // Already finished or aborted, or committing.
    return false;
  }
};

/**
 * Creates the store behind `profile()`: reads stay in memory, writes are batched (one per
 * `flushInterval`, plus on hide and `pagehide`) and each write is one readwrite transaction that
 * folds the queued events onto the stored profile, so tabs never lose each other's updates
 * (`pagehide` has no time for a read: it saves its events as a batch that the next write folds in).
 * Anything going wrong with IndexedDB switches to memory with one console warning.
 * @example
 * const store = createStateStore({ fold, create, validate, prune, now: Date.now, consent: "granted" });
 * store.add({ name: "page_view", props: { path: "/", pageType: "home" }, time: Date.now() });
 */
export const createStateStore = (options: StateStoreOptions): StateStore => {
  const { fold, create, validate, prune, now, onChange, win } = options;
  const name = options.dbName ?? "shopkeeper";
  const retention = (options.retentionDays ?? 180) * DAY;
  const migrations = options.migrations ?? MIGRATIONS;
  let cap = options.maxEvents ?? 500;
  const iv = options.flushInterval ?? 2000;
  let consent = options.consent;
  // `failed`: the circuit breaker tripped (or nothing persists); `halted`: forgotten, no writes until consent is granted again or the page reloads.
  const persist = options.persist !== false;
  let failed = !persist;
  let halted = false;
  let mirror = create();
  // The profile to start from while nothing is stored yet, so its id survives the first write.
  let base: Profile | undefined = mirror;
  // A read (or write) has finished: with `base` still set, nothing was stored then.
  let read = false;
  let ring: TrackedEvent[] = [];
  // Changes not yet written, oldest first.
  let queued: Change[] = [];
  // Bumped by a reset, so a transaction that started before it cannot bring old data back.
  let gen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Our transaction in flight, for pagehide to cancel.
  let inflight: IDBTransaction | undefined;
  // This page's keys for its own batches: one per pagehide, as a page back from the back/forward
  // cache may leave again before any tab read the first.
  const me = "q:" + Math.random() + ":";
  let left = 0;
  // The keys of the batches the mirror holds beyond the stored profile: what a blind write may delete.
  let folded: IDBValidKey[] = [];
  // Writes another tab announced, and how many of them our last read had seen.
  let heard = 0;
  let synced = 0;
  let chain = Promise.resolve();
  // Writes failed in a row, since the last that worked.
  let strikes = 0;
  const memory = new Map<string, unknown>();

  const live = () => consent == "granted" && !failed && !halted;
  const idb = createIdb(name, options.openTimeout, () => halt());

  const fail = (error: unknown) => {
    if (!failed) warnOnce("storage", "IndexedDB failed, profile kept in memory", error);
    failed = true;
    queued = [];
    idb.close();
  };

  // Serialised work: one transaction of ours at a time, and an unexpected error degrades like a storage one.
  const queue = (fn: () => unknown) => (chain = chain.then(fn).then(() => undefined, fail));
  const changed = (external: boolean) => attempt("store-change", () => onChange?.(mirror, external), undefined);

  const corrupt = () => warnOnce("corrupt", "discarded unreadable data");

  const parse = (stored: unknown, t: number): Profile | undefined => {
    if (stored === undefined) return undefined;
    let value = stored as Record<string, unknown>;
    if (typeof value == "object" && value && isSafe(value)) {
      // Data written by a newer version is not ours to read or overwrite: this page stays in memory.
      if ((value.v as number) > 1) throw new DOMException("newer data", "VersionError");
      for (let step; value.v !== 1 && (step = migrations[value.v as number]); ) value = step(value);
      const profile = value.v === 1 ? validate(value) : undefined;
      // A clock that jumped back must not make stored facts look like they come from the future.
      if (profile) return prune(profile.lastSeen > t ? { ...profile, lastSeen: t } : profile, t);
    }
    corrupt();
    return undefined;
  };

  const parseEvents = (stored: unknown, t: number): TrackedEvent[] => {
    // Stamped by a clock that ran ahead: folded at the time they are read, as pruning does with the
    // profile's dates, or they would hold a session open and date the profile in the future again.
    if (Array.isArray(stored) && isSafe(stored)) return (stored as TrackedEvent[]).filter(recent(t)).map((e) => (e.time > t ? { ...e, time: t } : e));
    if (stored !== undefined) corrupt();
    return [];
  };

  const isEvent = (change: Change): change is TrackedEvent => typeof change != "function";
  const apply = (profile: Profile, change: Change) => (isEvent(change) ? fold(profile, change) : change(profile));
  const only = (changes: Change[]) => changes.filter(isEvent);

  const recent = (t: number) => (e: TrackedEvent | null) => !!e && typeof e.name == "string" && typeof e.props == "object" && !!e.props && e.time > t - retention;

  // One transaction: read both keys and the batches closing pages left, fold those and the queued
  // work onto the stored profile, write both keys back and delete the batches.
  const sync = (write: boolean) => {
    const at = gen;
    const news = heard;
    return idb
      .run(write ? "readwrite" : "readonly", (s) =>
        new Promise<[Profile, TrackedEvent[], number, boolean, IDBValidKey[]]>((resolve, reject) => {
          inflight = s.transaction;
          // 64 batches at most at a time, so a corrupt database cannot flood memory: the next write takes the rest.
          const p = s.get("profile");
          const e = s.get("events");
          const q = s.getAll(batches(), 64);
          const k = s.getAllKeys(batches(), 64);
          // A failed request's error event bubbles up to its transaction.
          s.transaction.onerror = (event) => reject((event.target as IDBRequest).error);
          k.onsuccess = () => {
            // Superseded while it waited (a reset, a pagehide write): it must write nothing.
            if (at != gen) return reject(at);
            try {
              const t = now();
              const batch = write ? queued.slice() : [];
              const stored = parse(p.result, t);
              // In an order every tab agrees on: by time, then by key (getAll's order, which the
              // stable sort keeps), 10,000 events at most.
              const pending = q.result
                .flatMap((b) => parseEvents(b, t))
                .slice(0, 1e4)
                .sort((a, b) => a.time - b.time);
              let profile = pending.reduce(apply, stored ?? (base ||= create()));
              let list = parseEvents(e.result, t).concat(pending);
              if (!write) return resolve([profile, list, 0, !!stored, k.result]);
              profile = batch.reduce(apply, profile);
              list = list.concat(only(batch)).filter(recent(t)).slice(-cap);
              s.put(profile, "profile");
              s.put(list, "events");
              // Folded in: deleted in the same transaction, so never applied twice.
              for (const key of k.result) s.delete(key);
              resolve(promisifyRequest(s.transaction).then(() => [profile, list, batch.length, true, []]));
            } catch (error) {
              // A write that failed half-way must not commit the other half.
              abort(s.transaction);
              reject(error);
            }
          };
        }),
      )
      .finally(() => (inflight = undefined))
      .then(([profile, list, done, stored, keys]) => {
        if (at != gen) return;
        synced = news;
        folded = keys;
        read = true;
        if (stored) base = undefined;
        queued.splice(0, done);
        // A re-read on focus or return from the back/forward cache usually finds what the mirror
        // has. Without a channel (Safari before 15.4) a write of ours may be what brings another
        // tab's changes in: no message will.
        const was = (!write || !channel) && stringify(mirror);
        mirror = queued.reduce(apply, profile);
        ring = list.concat(only(queued)).slice(-cap);
        if (write) post("changed");
        changed(!!was && stringify(mirror) != was);
      })
      // Superseded by a reset or a pagehide write, which may have cancelled it: not a failure.
      .catch((error) => {
        if (at == gen) throw error;
      });
  };

  const write = (retry: boolean): Promise<void> =>
    sync(true).then(
      () => void (strikes = 0),
      (error) => {
        // A write can fail for a moment (iOS aborts transactions as a page goes to the background):
        // its changes stay queued for the next flush, and only a third failure in a row gives up.
        if (!isQuota(error)) return ++strikes < 3 ? undefined : fail(error);
        if (!retry) return fail(error);
        // Make room: drop the oldest half of the event ring, then try once more.
        cap = Math.max(1, Math.min(cap, ring.length) >> 1);
        return write(false);
      },
    );

  const stopTimer = () => {
    clearTimeout(timer);
    timer = undefined;
  };

  // When the last write started: writes are throttled to one per interval, leading edge first.
  let lastWrite = -Infinity;
  const flush = (force?: boolean) =>
    queue(() => {
      stopTimer();
      if (!live() || !(force || queued.length)) return undefined;
      lastWrite = now();
      return write(true);
    });

  const reread = () => queue(() => live() && sync(false).catch(fail));

  const reset = () => {
    gen++;
    mirror = base = create();
    ring = [];
    queued = [];
    stopTimer();
  };

  const halt = () => {
    if (halted) return;
    halted = true;
    reset();
    idb.close();
    changed(true);
  };

  let channel: BroadcastChannel | undefined;
  const connect = () => {
    try {
      if (persist) (channel = new BroadcastChannel(name)).onmessage = (message) => (message.data == "forget" ? halt() : (heard++, reread()));
    } catch {
      // Safari before 15.4 has no BroadcastChannel: re-read on focus and when shown instead.
    }
  };
  connect();
  const post = (message: string) => {
    try {
      channel?.postMessage(message);
    } catch {
      // The channel is closed: this store was closed.
    }
  };

  const doc = win?.document;
  const unlisten = stopAll(
    win && doc
      ? [
          listen(doc, "visibilitychange", () => (doc.visibilityState == "hidden" ? flush() : channel || reread())),
          listen(win, "pagehide pageshow focus", (event) => {
            if (event.type == "focus") channel || reread();
            else if (event.type == "pagehide") {
              leave();
              // An open channel that receives a message keeps the page out of the back/forward
              // cache: closed while hidden, opened again (and what was missed read) on return.
              channel?.close();
              channel = undefined;
            } else if ((event as PageTransitionEvent).persisted) connect(), reread();
          }),
        ]
      : [],
  );

  // Leaving the page: a read-then-write would not finish before the document goes, so the queued
  // events are written blind, now, as a batch under a key of their own that the next sync of any
  // tab folds in: tabs closed in the same instant lose nothing of each other's.
  const leave = () => {
    if (!live() || !queued.length) return;
    const batch = queued;
    const events = only(batch);
    // A visitor's edit (a function) cannot wait in a batch, nor can events that a write of ours may
    // have saved already (it is committing: too late to cancel). Then, as before batches existed,
    // the mirror (what is stored, the batches it read, and what is queued) is written over the
    // stored profile and the batches it holds are deleted: the others (past the 64 a read takes,
    // or left in that same instant) wait for the next write. Not when another tab wrote since our
    // last read, as that would undo its work: a normal write is tried instead. A first visit that
    // ends before its first write takes the mirror too: a batch alone would be folded onto a new
    // profile, and the visitor would come back with another id (and perhaps holdout group).
    const blind = (read && !!base) || events.length < batch.length || (!abort(inflight) && inflight!.mode == "readwrite");
    if (blind && heard != synced) return void flush();
    const key = me + left++;
    const tx = idb.putNow((s) => (blind ? (s.put(mirror, "profile"), s.put(ring, "events"), folded.map((k) => s.delete(k))) : s.put(events, key)));
    if (!tx) return void flush();
    // The mirror holds this batch too: a later blind write (back from the back/forward cache) deletes it.
    if (!blind) folded.push(key);
    // A read or write still in flight would hold this one back until the document is gone,
    // and both would die with it: it is cancelled, as all it carries is queued too.
    abort(inflight);
    // What is in flight must not bring back what this write replaces.
    gen++;
    queued = [];
    stopTimer();
    // Announced now, not on completion, which the page may not live to see: a tab that never
    // heard of this write would later write its older copy over it.
    post("changed");
    // Kept (a page restored from the back/forward cache writes them with its next change).
    tx.onabort = () => (queued = batch.concat(queued));
  };

  const change = (c: Change) => {
    mirror = apply(mirror, c);
    if (isEvent(c)) ring.push(c) > cap && ring.shift();
    if (failed || halted) return;
    queued.push(c);
    // The first change after a quiet spell is written at once (after the current task, so a burst
    // still shares one write): a visitor who leaves a page within the interval keeps its events,
    // since a transaction started during unload may be aborted with the document. Never longer
    // than the interval: a clock set back an hour must not hold the write back an hour (and a
    // negative delay is 0).
    if (live()) timer ??= setTimeout(flush, Math.min(iv, lastWrite + iv - now()));
  };

  async function forget(): Promise<void> {
    post("forget");
    halted = true;
    reset();
    if (persist) await idb.drop();
  }

  return {
    // Reads only with consent (`reread` checks it); settles either way. Denied from the start
    // erases what an earlier page stored, as switching to denied does.
    ready: !persist ? Promise.resolve() : consent == "denied" ? idb.drop() : reread(),
    profile: () => mirror,
    events: () => ring,
    add(event) {
      let copy: TrackedEvent | undefined;
      try {
        // A plain copy: storable (no functions or DOM nodes), and safe from later mutation by the page.
        copy = plain(event) as TrackedEvent;
      } catch {
        // Cycles, BigInt and prototype keys land here.
      }
      if (copy) change(copy);
      else warnOnce("event-props", "skipped an unstorable event");
    },
    replace(fn) {
      change(fn);
      void flush();
    },
    // No argument ever comes from outside: a forced write is setConsent's.
    flush,
    async setConsent(mode) {
      const was = consent;
      consent = mode;
      if (mode == "denied" && was != "denied") {
        const erased = forget();
        // Told at once, as the mirror is empty now: what the page does next builds on that.
        changed(true);
        await erased;
        // Unlike forget(), denying keeps learning in memory: granting later saves it.
        halted = false;
        return;
      }
      if (mode == "granted") {
        halted = false;
        // Read first: what is stored joins the mirror as a change from outside, as another tab's would.
        void reread();
        return flush(true);
      }
    },
    mode: () => (consent != "granted" ? "none" : live() ? "idb" : "memory"),
    forget,
    close() {
      halted = true;
      stopTimer();
      unlisten();
      channel?.close();
      idb.close();
    },
    // Both commit at once: the catalog is read and cached slice by slice, and a transaction left to
    // auto-commit needs the page to run its success event first. A page frozen in the
    // back/forward cache never does, and holds the lock: the next tab that opens the store then
    // gets it evicted.
    get: (key) =>
      memory.has(key) || !live()
        ? Promise.resolve(memory.get(key))
        : idb.run("readonly", (s) => promisifyRequest(commit(s.get("k:" + key)))).then(
            (value) => (isSafe(value) ? value : undefined),
            (error) => (fail(error), undefined),
          ),
    async set(key, value) {
      memory.set(key, value);
      if (live())
        await idb
          .run("readwrite", (s) => promisifyRequest(commit(s.put(value, "k:" + key)).transaction!))
          // A cache too big for the quota stays in memory; the profile may still fit.
          .catch((error) => isQuota(error) || fail(error));
    },
  };
};
