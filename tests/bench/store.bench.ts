import { afterEach, describe, expect, it, vi } from "vitest";
import { createStateStore } from "../../src/store/state-store";
import { createProfile } from "../../src/profile/create-profile";
import { foldProfile } from "../../src/profile/fold";
import { pruneProfile, validateProfile } from "../../src/profile/validate";
import type { TrackedEvent } from "../../src/types";

// Figures only: nothing here asserts wall-clock time.
const T0 = Date.UTC(2025, 0, 15);

const events = (n: number, spacing: number): TrackedEvent[] =>
  Array.from({ length: n }, (_, i): TrackedEvent => {
    const time = T0 + i * spacing;
    const item = { id: `p${i % 40}`, title: `Product ${i % 40}`, price: 10 + (i % 7), category: ["Outdoor", i % 2 ? "Tents" : "Stoves"], brand: `B${i % 5}` };
    if (i % 10 === 0) return { name: "page_view", props: { path: `/p/${i % 40}`, pageType: "product" }, time };
    if (i % 10 === 1) return { name: "add_to_cart", props: { items: [{ ...item, quantity: 1 }] }, time };
    if (i % 10 === 2) return { name: "dwell", props: { path: `/p/${i % 40}`, seconds: 12, productId: item.id }, time };
    return { name: "view_item", props: { items: [item] }, time };
  });

function makeStore(now: () => number, dbName = "shopkeeper") {
  return createStateStore({
    dbName,
    fold: (p, e) => foldProfile(p, e, e.time, { halfLifeDays: 14 }),
    create: () => createProfile(now(), "bench"),
    validate: validateProfile,
    prune: (p, at) => pruneProfile(p, at, 180),
    now,
    consent: "granted",
  });
}

afterEach(() => vi.useRealTimers());

describe("store figures", () => {
  it("IndexedDB writes per 1,000 events", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const put = vi.spyOn(IDBObjectStore.prototype, "put");
    for (const [label, spacing] of [["a burst", 0], ["one every 100 ms", 100], ["one a second", 1000]] as const) {
      put.mockClear();
      let now = T0;
      const store = makeStore(() => now, `bench-${spacing}`);
      await store.ready;
      for (const event of events(1000, spacing)) {
        now = event.time;
        store.add(event);
        if (spacing) await vi.advanceTimersByTimeAsync(spacing);
      }
      await store.flush();
      const transactions = put.mock.calls.length / 2;
      console.log(`store: 1,000 events, ${label}: ${put.mock.calls.length} puts in ${transactions} write transactions`);
      expect(store.profile().cartAdds).toBe(100);
      store.close();
    }
  });

  it("fold and flush throughput", async () => {
    const list = events(100_000, 1000);
    let profile = createProfile(T0, "bench");
    const start = performance.now();
    for (const event of list) profile = foldProfile(profile, event, event.time, { halfLifeDays: 14 });
    const seconds = (performance.now() - start) / 1000;
    console.log(`fold: ${Math.round(list.length / seconds).toLocaleString("en")} events per second (${list.length.toLocaleString("en")} events)`);

    const store = makeStore(() => T0 + 1e8);
    await store.ready;
    const rounds = 50;
    const began = performance.now();
    for (let r = 0; r < rounds; r++) {
      for (const event of list.slice(r * 20, r * 20 + 20)) store.add(event);
      await store.flush();
    }
    const ms = (performance.now() - began) / rounds;
    console.log(`flush: ${ms.toFixed(2)} ms per write of 20 events onto a 500-event ring (fake-indexeddb)`);
    expect(store.events().length).toBeLessThanOrEqual(500);
    store.close();
  });
});
