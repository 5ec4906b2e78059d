import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { _resetWarnings } from "../../../src/log";
import { cart, databases, fakeProfile, makeStore, readRaw, stores, view, writeRaw } from "./fixtures";

beforeEach(() => _resetWarnings());
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

describe("consent", () => {
  it("touches no IndexedDB while pending, not even open()", async () => {
    const open = vi.spyOn(indexedDB, "open");
    const store = makeStore({ consent: "pending" });
    await store.ready;
    store.add(view());
    await store.flush();
    await store.set("catalog", [1]);
    expect(await store.get("catalog")).toEqual([1]);
    expect(store.profile().pageViews).toBe(1);
    expect(store.mode()).toBe("none");
    expect(open).not.toHaveBeenCalled();
    expect(await databases()).toEqual([]);
  });

  it("persists the memory profile and events on grant, folded onto what is stored", async () => {
    await writeRaw({ profile: { ...fakeProfile("returning"), pageViews: 3 }, events: [view()] });
    const store = makeStore({ consent: "pending" });
    await store.ready;
    store.add(view());
    store.add(cart("p1"));
    await store.setConsent("granted");
    expect(store.mode()).toBe("idb");
    expect(store.profile()).toMatchObject({ id: "returning", pageViews: 4, cartAdds: 1 });
    expect(await readRaw("profile")).toMatchObject({ id: "returning", pageViews: 4, cartAdds: 1 });
    expect(((await readRaw("events")) as unknown[]).length).toBe(3);
  });

  it("keeps the memory profile's id on grant when nothing was stored", async () => {
    const store = makeStore({ consent: "pending" });
    const id = store.profile().id;
    store.add(view());
    await store.setConsent("granted");
    expect(await readRaw("profile")).toMatchObject({ id, pageViews: 1 });
  });

  it("keeps nothing when denied, and deletes the database when switched to denied", async () => {
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    expect(await databases()).toEqual(["shopkeeper"]);
    await store.setConsent("denied");
    expect(await databases()).toEqual([]);
    expect(store.mode()).toBe("none");
    expect(store.profile().pageViews).toBe(0);
    store.add(view());
    await store.flush();
    expect(store.profile().pageViews).toBe(1);
    expect(await databases()).toEqual([]);
  });

  it("opens nothing when denied from the start", async () => {
    const open = vi.spyOn(indexedDB, "open");
    const store = makeStore({ consent: "denied" });
    await store.ready;
    store.add(view());
    await store.flush();
    expect(open).not.toHaveBeenCalled();
    expect(store.mode()).toBe("none");
  });

  it("erases what an earlier page stored when denied from the start", async () => {
    await writeRaw({ profile: fakeProfile("earlier"), events: [view()] });
    expect(await databases()).toEqual(["shopkeeper"]);
    const store = makeStore({ consent: "denied" });
    await store.ready;
    expect(await databases()).toEqual([]);
    expect(store.profile().id).not.toBe("earlier");
  });

  it("keeps learning in memory after a denial, and saves it when granted again", async () => {
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    await store.setConsent("denied");
    store.add(view());
    store.add(cart("p1"));
    await store.setConsent("granted");
    expect(store.mode()).toBe("idb");
    expect(await readRaw("profile")).toMatchObject({ pageViews: 1, cartAdds: 1 });
  });

  it("stops writing when consent goes back to pending", async () => {
    const store = makeStore();
    await store.ready;
    store.add(view());
    await store.flush();
    await store.setConsent("pending");
    store.add(view());
    await store.flush();
    expect(await readRaw("profile")).toMatchObject({ pageViews: 1 });
    expect(store.profile().pageViews).toBe(2);
  });
});
