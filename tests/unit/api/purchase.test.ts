import { describe, expect, it } from "vitest";
import { createShopkeeper } from "../../../src/index";

describe("purchases", () => {
  it("counts an order once when its confirmation page is reloaded", async () => {
    const order = { transactionId: "T-42", currency: "USD", value: 30, items: [{ id: "a", price: 30, quantity: 1 }] };
    const first = createShopkeeper({ autoTrack: false });
    await first.ready;
    first.track("purchase", order);
    await first.export();
    first.destroy();

    const reloaded = createShopkeeper({ autoTrack: false });
    await reloaded.ready;
    reloaded.track("purchase", order);
    reloaded.track("purchase", { ...order, transactionId: "T-43" });
    expect(reloaded.profile().orders.count).toBe(2);
    expect(reloaded.profile().orders.revenue).toEqual({ USD: 60 });
    reloaded.destroy();
  });

  it("counts an order once when the reloaded page tracks it before storage is read", async () => {
    const order = { transactionId: "T-7", currency: "USD", value: 30, items: [{ id: "a", price: 30, quantity: 1 }] };
    const first = createShopkeeper({ autoTrack: false });
    await first.ready;
    first.track("purchase", order);
    await first.export();
    first.destroy();

    const reloaded = createShopkeeper({ autoTrack: false });
    const purchases: string[] = [];
    reloaded.on("purchase", (e) => purchases.push(e.props.transactionId!));
    reloaded.track("purchase", order);
    await reloaded.ready;
    expect(reloaded.profile().orders.count).toBe(1);
    expect(purchases).toEqual([]);
    reloaded.destroy();
  });
});
