import { describe, expect, it, vi } from "vitest";
import { createShopkeeper, type EmittedEvent } from "../../../src/index";

describe("track()", () => {
  it("reads one product named flat as the items list every listener expects", async () => {
    const sk = createShopkeeper({ autoTrack: false });
    const heard: EmittedEvent[] = [];
    sk.on("add_to_cart", (e) => heard.push(e));
    await sk.ready;
    sk.track("add_to_cart", { id: "sku-1", price: 120, quantity: 2 });
    sk.track("add_to_cart", { items: [{ id: "sku-2" }] });
    expect(heard.map((e) => e.props)).toEqual([{ items: [{ id: "sku-1", price: 120, quantity: 2 }] }, { items: [{ id: "sku-2" }] }]);
    expect(sk.profile().cart.map((l) => [l.id, l.quantity])).toEqual([["sku-2", 1], ["sku-1", 2]]);
    sk.destroy();
  });

  it("survives malformed calls made before storage is read: later events, the start and recommend() go on", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const sk = createShopkeeper({ autoTrack: false, catalog: [{ id: "a", title: "A", url: "https://s.example/a", popularity: 3 }] });
    const heard: unknown[] = [];
    sk.on("purchase", (e) => heard.push(e.props));
    const untyped = sk.track as (...args: unknown[]) => void;
    untyped();
    untyped("purchase");
    untyped("purchase", null);
    sk.track("view_item", { id: "a" });
    await sk.ready;
    expect(heard).toEqual([{}, {}]);
    expect(sk.profile().orders.count).toBe(0);
    expect(sk.profile().viewed.map((v) => v.id)).toEqual(["a"]);
    expect((await sk.recommend({ strategy: "trending" })).map((r) => r.id)).toEqual(["a"]);
    expect(warn.mock.calls.some(([text]) => String(text).includes("track() needs an event name"))).toBe(true);
    sk.destroy();
    warn.mockRestore();
  });
});

describe("two instances in one window", () => {
  it("warns once that a second tracking instance counts every event twice, and not after destroy()", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const said = () => warn.mock.calls.filter(([text]) => String(text).includes("counts twice")).length;
    const first = createShopkeeper({});
    createShopkeeper({ autoTrack: false }).destroy();
    expect(said()).toBe(0);
    first.destroy();
    const again = createShopkeeper({});
    expect(said()).toBe(0);
    const second = createShopkeeper({});
    expect(said()).toBe(1);
    again.destroy();
    second.destroy();
    warn.mockRestore();
  });
});
