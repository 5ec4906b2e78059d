import { describe, expect, it, vi } from "vitest";
import { createShopkeeper, type ShopkeeperConfig } from "../../../src/index";

const PAGE = { path: "/", pageType: "home" } as const;
const order = (n: number) => ({ transactionId: `T${n}`, items: [{ id: `p${n}`, price: 20 }] });

/** A tab: an instance, and the segment events its onEvent destination received. */
async function tab(config: ShopkeeperConfig = {}) {
  const sent: string[] = [];
  const sk = createShopkeeper({ autoTrack: false, ...config, onEvent: (e) => e.name.startsWith("segment_") && sent.push(`${e.name} ${(e.props as { segment: string }).segment}`) });
  await sk.ready;
  return { sk, sent };
}

/** A visitor whose earlier page stored one visit and `orders` orders. */
async function returningBuyer(orders = 2) {
  const { sk } = await tab();
  sk.track("page_view", PAGE);
  for (let n = 1; n <= orders; n++) sk.track("purchase", order(n));
  await sk.export();
  sk.destroy();
}

describe("segment_enter and segment_leave", () => {
  it("report the visitor's own moves", async () => {
    const { sk, sent } = await tab();
    sk.track("purchase", order(1));
    expect(sent).toEqual(["segment_enter one-time"]);
    sk.track("purchase", order(2));
    expect(sent).toEqual(["segment_enter one-time", "segment_enter irregular", "segment_leave one-time"]);
    sk.destroy();
  });

  it("are reported by the tab whose event moved the visitor, not again by every other open tab", async () => {
    await returningBuyer(1);
    const a = await tab();
    const b = await tab();
    expect(b.sk.segments()).toContain("one-time");
    a.sk.track("page_view", PAGE);
    a.sk.track("purchase", order(2));
    expect(a.sent).toEqual(["segment_enter irregular", "segment_leave one-time"]);
    await a.sk.export();
    await vi.waitFor(() => expect(b.sk.profile().orders.count).toBe(2));
    expect(b.sk.segments()).toContain("irregular");
    expect(b.sent).toEqual([]);
    a.sk.destroy();
    b.sk.destroy();
  });

  it("report nothing when granting consent reads the stored profile: the visitor did not just enter its segments", async () => {
    await returningBuyer();
    const { sk, sent } = await tab({ consent: "pending" });
    expect(sk.segments()).not.toContain("irregular");
    sk.consent("granted");
    await sk.export();
    expect(sk.segments()).toContain("irregular");
    expect(sent).toEqual([]);
    sk.destroy();
  });

  it("report nothing when denying consent erases the profile: the page's listeners hear no move either", async () => {
    await returningBuyer();
    const { sk } = await tab();
    const heard: string[] = [];
    sk.on("segment_enter", (e) => heard.push(`enter ${e.props.segment}`));
    sk.on("segment_leave", (e) => heard.push(`leave ${e.props.segment}`));
    sk.consent("denied");
    sk.track("page_view", PAGE);
    expect(sk.profile().orders.count).toBe(0);
    expect(heard).toEqual([]);
    sk.destroy();
  });

  it("report nothing when another tab erases everything", async () => {
    await returningBuyer();
    const a = await tab();
    const b = await tab();
    await b.sk.forget();
    await vi.waitFor(() => expect(a.sk.profile().orders.count).toBe(0));
    expect(a.sk.segments()).toEqual(["new"]);
    a.sk.track("page_view", PAGE);
    expect(a.sent).toEqual([]);
    a.sk.destroy();
    b.sk.destroy();
  });

  it("report no move out of the erased profile for an event tracked while this tab's forget() is still deleting", async () => {
    await returningBuyer();
    const { sk, sent } = await tab();
    expect(sk.segments()).toContain("irregular");
    const erased = sk.forget();
    sk.track("page_view", PAGE);
    await erased;
    expect(sk.segments()).toEqual(["new"]);
    expect(sent).toEqual([]);
    sk.destroy();
  });
});
