import { describe, expect, it } from "vitest";
import { useBrowser, widgetsPage, type TrackedPage } from "./harness";

// The widgets page with its exit survey turned into one due after a purchase, served as an SPA's checkout.
const h = useBrowser({ "/shop/checkout": widgetsPage(['"id": "exit-nps", "trigger": "exit-intent"', '"id": "after-order", "trigger": "purchase"']) });

const shown = (page: TrackedPage) => page.evaluate(() => (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_survey_shown"));

/** Records the path each survey dialog opened on, and each survey the core offered. */
const watchSurveys = (page: TrackedPage) =>
  page.evaluate(() => {
    const w = window as any;
    w.__openedOn = [];
    w.__offers = [];
    w.__sk.on("survey_offer", (e: any) => w.__offers.push(e.props.surveyId));
    new MutationObserver(() => {
      if (document.getElementById("shopkeeper-survey")?.shadowRoot?.querySelector("[role=dialog]") && !w.__openedOn.length) w.__openedOn.push(location.pathname);
    }).observe(document.body, { childList: true, subtree: true });
  });

/** Runs the page's tasks queued so far (a blur's follow-up look is one `setTimeout` away). */
const nextTasks = (page: TrackedPage) => page.evaluate(() => new Promise((ok) => setTimeout(() => setTimeout(ok))));

describe("survey due while the visitor types", () => {
  it("waits for the field, is dropped when the SPA moves on to another path, and is not counted as shown", async () => {
    const page = await h.page();
    await page.goto(h.url + "/shop/checkout");
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    await watchSurveys(page);
    // An order note being typed when the SPA's checkout confirms the order.
    await page.locator("#field").click();
    await page.keyboard.type("Please gift wrap");
    await page.evaluate(() =>
      (window as any).dataLayer.push({ event: "purchase", ecommerce: { transaction_id: "T-77", value: 40, currency: "USD", items: [{ item_id: "tee-1", item_name: "Tee", price: 40, quantity: 1 }] } }),
    );
    await page.waitForFunction(() => (window as any).__offers.length == 1);
    expect(await page.getByRole("dialog").count()).toBe(0);

    // The router moves to the confirmation page while the field still has focus; then the visitor leaves the field.
    await page.evaluate(() => history.pushState({}, "", "/shop/thank-you"));
    await page.waitForFunction(() => (window as any).__sk.profile().session.pageViews == 2);
    await page.locator("h1").click();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await nextTasks(page);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await shown(page)).toEqual([]);
    const p = await page.evaluate(() => (window as any).__sk.profile());
    expect([p.orders.count, p.surveys["after-order"], p.interruptions]).toEqual([1, undefined, []]);

    // Not counted, so it is still there to offer: shown now, it is recorded once, on this page.
    expect(await page.evaluate(() => (window as any).__sk.show("after-order"))).toBe(true);
    await page.getByRole("dialog").waitFor();
    expect(await page.evaluate(() => (window as any).__openedOn)).toEqual(["/shop/thank-you"]);
    expect(await shown(page)).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });
});

describe("survey due while the visitor types, on the same page", () => {
  it("keeps waiting while Tab moves from one field to the next, and opens once focus leaves the fields", async () => {
    const page = await h.page();
    await page.goto(h.url + "/shop/checkout");
    await page.waitForFunction(() => (window as any).__sk);
    await page.evaluate(() => (window as any).__sk.ready);
    await watchSurveys(page);
    // A second field right after the first, and a plain button after that.
    await page.evaluate(() => document.getElementById("field")!.after(Object.assign(document.createElement("input"), { id: "zip" }), Object.assign(document.createElement("button"), { id: "pay", textContent: "Pay" })));
    await page.locator("#field").click();
    await page.keyboard.type("Please gift wrap");
    await page.evaluate(() =>
      (window as any).dataLayer.push({ event: "purchase", ecommerce: { transaction_id: "T-78", value: 40, currency: "USD", items: [{ item_id: "tee-1", item_name: "Tee", price: 40, quantity: 1 }] } }),
    );
    await page.waitForFunction(() => (window as any).__offers.length == 1);
    await page.keyboard.press("Tab");
    await page.keyboard.type("54000");
    await nextTasks(page);
    expect([await page.evaluate(() => document.activeElement?.id), await page.getByRole("dialog").count(), (await shown(page)).length]).toEqual(["zip", 0, 0]);
    await page.keyboard.press("Tab");
    await page.getByRole("dialog").waitFor();
    expect(await page.evaluate(() => (window as any).__openedOn)).toEqual(["/shop/checkout"]);
    expect(await shown(page)).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });
});

describe("exit survey on a real pointer exit", () => {
  it("opens and pushes exactly one shopkeeper_survey_shown", async () => {
    const context = await h.context();
    await context.clock.install();
    const page = await h.page(context);
    await page.goto(h.url + "/tests/browser/pages/widgets.html");
    await page.waitForFunction(() => (window as any).__sk);
    await page.locator("#recs [part=card]").first().waitFor();
    for (let s = 0; s < 20; s += 5) {
      await page.mouse.move(200 + s, 300);
      await page.clock.runFor(5_000);
    }
    expect(await shown(page)).toEqual([]);
    await page.mouse.move(400, 200);
    await page.mouse.move(400, 80, { steps: 4 });
    await page.mouse.move(400, -10, { steps: 2 });
    await page.clock.runFor(100);
    await page.getByRole("dialog").waitFor();
    expect(await page.getByRole("dialog").getByRole("button", { name: "9 out of 10" }).count()).toBe(1);
    // Another exit later in the visit opens nothing more and records nothing more.
    await page.clock.runFor(15_000);
    await page.mouse.move(400, 200, { steps: 2 });
    await page.mouse.move(400, -10, { steps: 4 });
    await page.clock.runFor(1_000);
    const pushed = await shown(page);
    expect(pushed).toHaveLength(1);
    expect(pushed[0].shopkeeper).toMatchObject({ survey_id: "exit-nps" });
    expect(await page.getByRole("dialog").count()).toBe(1);
    expect(page.errors).toEqual([]);
  });
});
