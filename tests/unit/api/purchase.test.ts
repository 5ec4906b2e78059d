import { describe, expect, it } from "vitest";
import { createShopkeeper } from "../../../src/index";

const ORDER = { transactionId: "T-42", currency: "USD", value: 30, items: [{ id: "a", price: 30, quantity: 1 }] };

/** The order-confirmation page, first load: the purchase is tracked and stored. */
async function confirmedOnce(): Promise<void> {
  const first = createShopkeeper({ autoTrack: false });
  await first.ready;
  first.track("purchase", ORDER);
  await first.export();
  first.destroy();
}

describe("purchases", () => {
  it("counts an order once when its confirmation page is reloaded", async () => {
    await confirmedOnce();
    const reloaded = createShopkeeper({ autoTrack: false });
    await reloaded.ready;
    reloaded.track("purchase", ORDER);
    reloaded.track("purchase", { ...ORDER, transactionId: "T-43" });
    expect(reloaded.profile().orders.count).toBe(2);
    expect(reloaded.profile().orders.revenue).toEqual({ USD: 60 });
    reloaded.destroy();
  });

  it("counts an order once when the reloaded page tracks it before storage is read", async () => {
    await confirmedOnce();
    const reloaded = createShopkeeper({ autoTrack: false });
    const purchases: string[] = [];
    reloaded.on("purchase", (e) => purchases.push(e.props.transactionId!));
    reloaded.track("purchase", ORDER);
    await reloaded.ready;
    expect(reloaded.profile().orders.count).toBe(1);
    expect(purchases).toEqual([]);
    reloaded.destroy();
  });
});
