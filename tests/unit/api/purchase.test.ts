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

describe("refunds", () => {
  it("un-count a fully refunded stored order once, and leave an order refunded in part counted", async () => {
    const sk = createShopkeeper({ autoTrack: false });
    await sk.ready;
    sk.track("purchase", ORDER);
    const kept = sk.profile().orders.times;
    sk.track("purchase", { ...ORDER, transactionId: "T-43", value: 50, items: [{ id: "b", price: 50, quantity: 1 }] });
    // GA4: a refund that lists items returns those items only; without items, the whole order.
    sk.track("refund", { transactionId: "T-43", items: [{ id: "b", quantity: 1 }] });
    expect(sk.profile().orders.count).toBe(2);
    sk.track("refund", { transactionId: "T-43" });
    sk.track("refund", { transactionId: "T-43" });
    sk.track("refund", { transactionId: "T-unknown", value: 500, currency: "USD" });
    expect(sk.profile().orders).toEqual({ count: 1, revenue: { USD: 30 }, times: kept, impulse: 0 });
    expect(sk.segments()).toContain("one-time");
    sk.destroy();
  });

  it("un-count an order stored by an earlier page", async () => {
    await confirmedOnce();
    const later = createShopkeeper({ autoTrack: false });
    await later.ready;
    later.track("refund", { transactionId: "T-42", currency: "USD", value: 30 });
    expect(later.profile().orders).toMatchObject({ count: 0, revenue: { USD: 0 }, times: [] });
    expect(later.segments()).not.toContain("one-time");
    later.destroy();
  });
});
