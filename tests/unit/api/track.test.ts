import { describe, expect, it } from "vitest";
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
});
