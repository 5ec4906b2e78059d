import { describe, expect, it } from "vitest";
import { useBrowser, widgetsPage, type TrackedPage } from "./harness";

// The widgets page with a "for you" shelf; `?pending` adds data-consent="pending", as a shop with a
// consent banner does on every page.
const h = useBrowser({
  "/granted": widgetsPage(['data-strategy="trending"', 'data-strategy="for-you"']),
  "/pending": widgetsPage(['data-strategy="trending"', 'data-strategy="for-you"'], ['data-datalayer="true"', 'data-datalayer="true" data-consent="pending"']),
});

async function open(page: TrackedPage, path: string) {
  await page.goto(h.url + path);
  await page.waitForFunction(() => (window as any).__sk);
  await page.locator("#recs [part=card]").first().waitFor();
}

const shelf = (page: TrackedPage) => page.locator("#recs [part=card]").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.id));
/** Waits until the shelf's first card is from `category`. */
const leads = (page: TrackedPage, category: string) =>
  page.waitForFunction((category) => {
    const card = document.querySelector("#recs")!.shadowRoot!.querySelector<HTMLElement>("[part=card]");
    return !!card && card.textContent!.includes(category);
  }, category, { timeout: 5_000 });
const categories = (page: TrackedPage, ids: (string | undefined)[]) =>
  page.evaluate(async (ids) => {
    const products = await (await fetch("/demo/catalog.json")).json();
    return ids.map((id) => (Array.isArray(products) ? products : products.products).find((p: any) => p.id == id)?.category[0]);
  }, ids);

describe("a for-you shelf on a consent-pending page", () => {
  it("shows the returning visitor's list once the consent manager grants consent", async () => {
    const context = await h.context();
    const first = await h.page(context);
    await open(first, "/granted");
    await first.evaluate(async () => {
      const sk = (window as any).__sk;
      sk.track("interest_add", { kind: "category", value: "Camping" });
      await sk.export();
    });
    await leads(first, "Camping");
    const personal = await shelf(first);
    expect(await categories(first, personal)).toEqual(["Camping", "Camping", "Camping", "Camping"]);

    const page = await h.page(context);
    await open(page, "/pending");
    // Before consent, the page knows nothing stored: the popular list.
    const before = await shelf(page);
    expect(await categories(page, before)).not.toContain("Camping");
    await page.evaluate(() => (window as any).__sk.consent("granted"));
    await leads(page, "Camping");
    expect(await shelf(page)).toEqual(personal);
    expect([...first.errors, ...page.errors]).toEqual([]);
  });
});
