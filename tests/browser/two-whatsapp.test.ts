import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();
const PAGE = "/tests/browser/pages/two-whatsapp.html";
const SALES = "WhatsApp +92 300 1234567";
const SUPPORT = "WhatsApp +92 300 7654321";

async function open(page: TrackedPage) {
  await page.goto(h.url + PAGE);
  await page.waitForFunction(() => (window as any).__sk);
  await page.evaluate(() => (window as any).__sk.ready);
  await page.locator("#channels [part=channel-link]").first().waitFor();
}

/** The channel_select events the dataLayer received on this page, as "<channel> <preferred>". */
const selects = (page: TrackedPage) =>
  page.evaluate(() =>
    (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_channel_select").map((e: any) => `${e.shopkeeper.channel} ${e.shopkeeper.preferred}`),
  );

/** What the preferences panel lists under "How you like to be contacted". */
const contact = (page: TrackedPage) =>
  page.locator("#prefs").evaluate((host) => {
    const head = [...host.shadowRoot!.querySelectorAll("h3")].find((h) => h.textContent == "How you like to be contacted");
    return head ? [...head.nextElementSibling!.querySelectorAll("li")].map((li) => li.textContent) : [];
  });

/** The links in the order shown, each as its accessible name and href. */
const links = (page: TrackedPage) =>
  page.locator("#channels a[part=channel-link]").evaluateAll((all) => all.map((a) => `${a.textContent} ${a.getAttribute("href")}`));

describe("two WhatsApp channels without labels", () => {
  it("are told apart by name, and the second one's star prefers it across a reload and takes it back", async () => {
    const page = await h.page();
    await open(page);
    const channels = page.locator("#channels");
    const sales = channels.getByRole("link", { name: SALES, exact: true });
    const support = channels.getByRole("link", { name: SUPPORT, exact: true });
    expect([await sales.getAttribute("href"), await support.getAttribute("href")]).toEqual(["https://wa.me/923001234567", "https://wa.me/923007654321"]);
    const byDefault = await links(page);
    expect(byDefault).toEqual([`${SALES} https://wa.me/923001234567`, `${SUPPORT} https://wa.me/923007654321`, "Email mailto:help@shop.example"]);

    const star = () => channels.getByRole("button", { name: `Make ${SUPPORT} my preferred channel`, exact: true });
    expect(await channels.getByRole("button", { name: `Make ${SALES} my preferred channel`, exact: true }).count()).toBe(1);
    await star().click();
    expect(await selects(page)).toEqual(["whatsapp:+92 300 7654321 true"]);
    await page.evaluate(() => (window as any).__sk.export());
    await page.reload();
    await open(page);
    expect((await links(page))[0]).toBe(`${SUPPORT} https://wa.me/923007654321`);
    expect(await star().getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => (window as any).__sk.profile().channel.preferred)).toBe("whatsapp:+92 300 7654321");
    // The preferences panel names it as the picker does.
    await expect.poll(() => contact(page)).toEqual([SUPPORT]);

    await star().click();
    await page.waitForFunction(() => !(window as any).__sk.profile().channel.preferred);
    expect(await star().getAttribute("aria-pressed")).toBe("false");
    expect(await links(page)).toEqual(byDefault);
    expect(await selects(page)).toEqual(["whatsapp:+92 300 7654321 false"]);
    await page.evaluate(() => (window as any).__sk.export());
    await page.reload();
    await open(page);
    expect(await links(page)).toEqual(byDefault);
    expect(await star().getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => contact(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it("keeps keyboard focus on the star as Space moves its channel first and back", async () => {
    const page = await h.page();
    await open(page);
    const star = page.locator("#channels").getByRole("button", { name: `Make ${SUPPORT} my preferred channel`, exact: true });
    const focusedStar = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return `${el?.getAttribute("aria-label")} ${el?.getAttribute("aria-pressed")}`;
      });
    await star.focus();
    await page.keyboard.press("Space");
    await page.waitForFunction(() => (window as any).__sk.profile().channel.preferred);
    expect([(await links(page))[0], await focusedStar()]).toEqual([`${SUPPORT} https://wa.me/923007654321`, `Make ${SUPPORT} my preferred channel true`]);
    await page.keyboard.press("Space");
    await page.waitForFunction(() => !(window as any).__sk.profile().channel.preferred);
    expect([(await links(page))[0], await focusedStar()]).toEqual([`${SALES} https://wa.me/923001234567`, `Make ${SUPPORT} my preferred channel false`]);
    expect(page.errors).toEqual([]);
  });
});
