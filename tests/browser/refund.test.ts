import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();
const PAGE = "/tests/browser/pages/ga4-order.html";

/** Opens the page at `step`, waits until its dataLayer event was folded and saved, and returns the orders. */
async function visit(page: TrackedPage, step: string) {
  await page.goto(`${h.url}${PAGE}?${step}`);
  const event = step == "refund" ? "refund" : "purchase";
  await page.waitForFunction((event) => (window as any).__sk && (window as any).__seen.some((s: string) => s.startsWith(event)), event);
  return page.evaluate(async () => {
    const sk = (window as any).__sk;
    await sk.ready;
    await sk.export();
    const { count, revenue, times } = sk.profile().orders;
    return { count, revenue, times: times.length, segments: sk.segments().filter((s: string) => /one-time|irregular/.test(s)) };
  });
}

describe("GA4 refund", () => {
  it("un-counts the order a later page refunds whole, once", async () => {
    const page = await h.page();
    expect(await visit(page, "purchase")).toEqual({ count: 1, revenue: { USD: 120 }, times: 1, segments: ["one-time"] });
    expect(await visit(page, "second")).toEqual({ count: 2, revenue: { USD: 150 }, times: 2, segments: ["irregular"] });
    const refunded = await visit(page, "refund");
    expect(refunded).toEqual({ count: 1, revenue: { USD: 30 }, times: 1, segments: ["one-time"] });
    // The same refund again (a reloaded page, a second tag) changes nothing: the other order stays.
    expect(await visit(page, "refund")).toEqual(refunded);
    expect(page.errors).toEqual([]);
  });

  it("un-counts an order whose confirmation page the visitor left at once", async () => {
    const page = await h.page();
    await page.goto(`${h.url}${PAGE}?purchase`);
    await page.waitForFunction(() => (window as any).__sk && (window as any).__seen.length);
    // No wait for a write: the next page is opened at once.
    expect(await visit(page, "refund")).toEqual({ count: 0, revenue: { USD: 0 }, times: 0, segments: [] });
    await page.goto(`${h.url}/tests/browser/pages/blank.html`);
    await page.waitForFunction(() => (window as any).__sk);
    expect(await page.evaluate(async () => ((await (window as any).__sk.ready), (window as any).__sk.profile().orders.count))).toBe(0);
    expect(page.errors).toEqual([]);
  });
});
