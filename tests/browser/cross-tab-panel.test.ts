import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();
const PAGE = "/tests/browser/pages/widgets.html";

/** Opens the widgets page and waits until its preferences panel shows what storage holds. */
async function open(page: TrackedPage) {
  await page.goto(h.url + PAGE);
  await page.waitForFunction(() => (window as any).__sk);
  await page.evaluate(() => (window as any).__sk.ready);
  await page.locator("#prefs").getByRole("heading", { name: "Your interests" }).waitFor();
}

/**
 * Tab A's panel shows the brand "Ridgeline"; tab B (same browser profile) opens with it too.
 * Tab A then counts the `profile_change` signals it hears and is never touched again.
 */
async function twoTabs() {
  const context = await h.context();
  const a = await h.page(context);
  await open(a);
  const panelA = a.locator("#prefs");
  await panelA.getByRole("combobox", { name: "Kind" }).selectOption("brand");
  await panelA.getByRole("textbox", { name: "Add an interest" }).fill("Ridgeline");
  await panelA.getByRole("button", { name: "Add", exact: true }).click();
  await panelA.getByRole("button", { name: "Remove Ridgeline" }).waitFor();
  await a.evaluate(() => (window as any).__sk.export());
  const b = await h.page(context);
  await open(b);
  await b.locator("#prefs").getByRole("button", { name: "Remove Ridgeline" }).waitFor();
  await a.evaluate(() => {
    const w = window as any;
    w.__changes = 0;
    w.__own = [];
    w.__sk.on("profile_change", () => w.__changes++);
    for (const name of ["interest_add", "interest_remove", "page_view", "view_item"]) w.__sk.on(name, () => w.__own.push(name));
  });
  return { a, b, panelA };
}

describe("preferences panel across two tabs", () => {
  it("empties in tab A when tab B calls forget(), with no event in tab A", async () => {
    const { a, b, panelA } = await twoTabs();
    await b.evaluate(() => (window as any).__sk.forget());
    await panelA.getByText("Nothing yet.").waitFor();
    expect(await panelA.getByRole("button", { name: "Remove Ridgeline" }).count()).toBe(0);
    expect(await a.evaluate(() => [(window as any).__changes > 0, (window as any).__own])).toEqual([true, []]);
    expect(JSON.stringify(await a.evaluate(() => (window as any).__sk.profile()))).not.toContain("Ridgeline");
    expect([...a.errors, ...b.errors]).toEqual([]);
  });

  it("drops the interest in tab A when the visitor removes it in tab B's panel", async () => {
    const { a, b, panelA } = await twoTabs();
    await b.locator("#prefs").getByRole("button", { name: "Remove Ridgeline" }).click();
    await panelA.getByRole("button", { name: "Remove Ridgeline" }).waitFor({ state: "detached" });
    expect(await a.evaluate(() => [(window as any).__changes > 0, (window as any).__own])).toEqual([true, []]);
    expect(await a.evaluate(() => (window as any).__sk.profile().removed)).toContain("brand:Ridgeline");
    expect([...a.errors, ...b.errors]).toEqual([]);
  });
});
