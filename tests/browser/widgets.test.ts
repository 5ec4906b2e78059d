import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();
const require = createRequire(import.meta.url);
const PAGE = "/tests/browser/pages/widgets.html";
const SHOTS = process.env.SCREENSHOTS ? "docs/screenshots" : "tests/browser/artifacts";
mkdirSync(SHOTS, { recursive: true });

async function open(page: TrackedPage, query = "") {
  await page.goto(`${h.url}${PAGE}${query}`);
  await page.waitForFunction(() => (window as any).__sk);
  await page.locator("#recs [part=card]").first().waitFor();
  await page.locator("#channels [part=channel-link]").first().waitFor();
}

/** Moves the real pointer around for `seconds` of engaged time on the fake clock. */
async function engage(page: TrackedPage, seconds: number) {
  for (let s = 0; s < seconds; s += 5) {
    await page.mouse.move(200 + (s % 40), 300);
    await page.clock.runFor(5_000);
  }
}

async function exitThroughTop(page: TrackedPage) {
  await page.mouse.move(400, 200);
  await page.mouse.move(400, 80, { steps: 4 });
  await page.mouse.move(400, -10, { steps: 2 });
  await page.clock.runFor(100);
}

/** The focused element through shadow roots, as "<host id> <part>". */
const focusedPart = (page: TrackedPage) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return `${el?.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host.id : ""} ${el?.getAttribute("part")}`;
  });

const styleOf = (page: TrackedPage, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: s.fontSize + " " + s.fontFamily, line: s.lineHeight, pad: s.padding, spacing: s.letterSpacing, box: s.boxSizing, color: s.color, fill: s.webkitTextFillColor, breaks: s.wordBreak };
  });

describe("widgets in a host page", () => {
  it("look the same under hostile host CSS", async () => {
    const clean = await h.page();
    await open(clean);
    const hostile = await h.page();
    await open(hostile, "?hostile");
    for (const selector of ["#recs [part=link]", "#recs [part=hide]", "#channels [part=channel-link]", "#prefs button"]) {
      expect(await styleOf(hostile, selector), selector).toEqual(await styleOf(clean, selector));
    }
    expect([...clean.errors, ...hostile.errors]).toEqual([]);
  });

  it("builds channel links from structured fields only, and hides the invalid one", async () => {
    const page = await h.page();
    await open(page);
    const hrefs = await page.locator("#channels a[part=channel-link]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual([
      "https://wa.me/923001234567",
      "tel:+9221111222333",
      "mailto:help@shop.example",
      "https://t.me/trailhead_shop",
      "sms:+15550100",
      "https://m.me/trailhead",
      "https://ig.me/m/trailhead.shop",
      "https://x.com/trailhead",
      "https://shop.example/contact",
    ]);
    expect(page.warnings.filter((w) => /whatsapp/i.test(w))).toHaveLength(1);
  });

  it("lists the preferred channel first after a reload", async () => {
    const page = await h.page();
    await open(page);
    await page.locator("#channels [part=prefer]").nth(2).click();
    await page.evaluate(() => (window as any).__sk.export());
    await page.reload();
    await open(page);
    expect(await page.locator("#channels a[part=channel-link]").first().getAttribute("href")).toBe("mailto:help@shop.example");
  });

  it("preferences panel: an added interest is in the downloaded JSON; erasing leaves a new visitor", async () => {
    const page = await h.page();
    await open(page);
    const panel = page.locator("#prefs");
    await panel.getByRole("combobox", { name: "Kind" }).selectOption("brand");
    await panel.getByRole("textbox", { name: "Add an interest" }).fill("Ridgeline");
    await panel.getByRole("button", { name: "Add", exact: true }).click();
    await panel.getByRole("button", { name: "Remove Ridgeline" }).waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Download my data" }).click()]);
    expect(download.suggestedFilename()).toBe("shopkeeper-data.json");
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.profile.pageViews).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(data.profile)).toContain("Ridgeline");
    expect(data.events.map((e: any) => e.name)).toContain("interest_add");

    await panel.getByRole("button", { name: "Erase everything" }).click();
    await panel.getByRole("group").getByRole("button", { name: "Erase everything" }).click();
    await panel.getByText("Nothing yet.").waitFor();
    await page.reload();
    await page.waitForFunction(() => (window as any).__sk);
    const profile = await page.evaluate(async () => {
      const sk = (window as any).__sk;
      await sk.ready;
      return sk.profile();
    });
    expect(profile.pageViews).toBe(1);
    expect(JSON.stringify(profile)).not.toContain("Ridgeline");
    expect(page.errors).toEqual([]);
  });

  it("opens the exit survey on a real pointer exit; answering NPS reaches the dataLayer; it does not return", async () => {
    const context = await h.context();
    await context.clock.install();
    const page = await h.page(context);
    await open(page);
    await engage(page, 20);
    await exitThroughTop(page);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await expect(dialog.getByRole("button", { name: /^9\b/ }).isVisible()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await dialog.getByRole("button", { name: /^9\b/ }).click();
    const pushed = await page.evaluate(() => (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_survey_response"));
    expect(pushed).toHaveLength(1);
    expect(JSON.stringify(pushed[0])).toContain("9");
    await page.clock.runFor(5_000);

    await page.goto(`${h.url}${PAGE}`);
    await page.waitForFunction(() => (window as any).__sk);
    await engage(page, 20);
    await exitThroughTop(page);
    await page.clock.runFor(1_000);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(page.errors).toEqual([]);
  });

  it("closes the survey on Escape and returns focus", async () => {
    const context = await h.context();
    await context.clock.install();
    const page = await h.page(context);
    await open(page);
    await page.locator("#recs [part=why]").first().focus();
    await engage(page, 20);
    await exitThroughTop(page);
    await page.getByRole("dialog").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("shopkeeper-survey");
    await page.keyboard.press("Escape");
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(await focusedPart(page)).toBe("recs why");
    const dismissed = await page.evaluate(() => (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_survey_dismissed"));
    expect(dismissed).toHaveLength(1);
  });

  it("gives focus back to the floating picker's link after the preferences dialog it opened closes", async () => {
    const page = await h.page();
    await page.goto(`${h.url}${PAGE}?pop`);
    await page.waitForFunction(() => (window as any).__sk);
    await page.locator("#shopkeeper-channels [part=button]").click();
    await page.locator("#shopkeeper-channels [part=why]").click();
    const prefs = page.locator("#shopkeeper-preferences dialog");
    await prefs.waitFor();
    await page.keyboard.press("Escape");
    await prefs.waitFor({ state: "detached" });
    expect(await focusedPart(page)).toBe("shopkeeper-channels why");
    expect(page.errors).toEqual([]);
  });

  it("opens a survey due on the very first page view", async () => {
    const page = await h.page();
    await page.goto(`${h.url}${PAGE}?pv`);
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("How is your visit so far?");
    expect(await dialog.getByRole("button", { name: "5 out of 5" }).count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it("opens the survey above a chat launcher that takes the highest z-index", async () => {
    const page = await h.page();
    // Added before the SDK loads, as chat widgets usually are: a fixed box over the corner.
    await page.addInitScript(() =>
      addEventListener("DOMContentLoaded", () => {
        const chat = document.body.appendChild(document.createElement("div"));
        chat.id = "chat";
        chat.setAttribute("style", "position:fixed;right:0;bottom:0;width:600px;height:700px;z-index:2147483647;background:#0a0");
      }),
    );
    await page.goto(`${h.url}${PAGE}?pv`);
    const button = page.getByRole("dialog").getByRole("button", { name: "5 out of 5" });
    await button.waitFor();
    const box = (await button.boundingBox())!;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.id, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe("shopkeeper-survey");
    await button.click({ timeout: 2000 });
    expect(await page.evaluate(() => (window as any).dataLayer.some((e: any) => e.event === "shopkeeper_survey_response"))).toBe(true);
  });

  it("works whole under a strict CSP with Trusted Types: styled, no violation, hostile feed data inert", async () => {
    const page = await h.page();
    const dialogs: string[] = [];
    page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
    await page.goto(`${h.url}/tests/browser/pages/csp.html`);
    await page.waitForFunction(() => (window as any).__sk);
    const cards = page.locator("#recs [part=card]");
    await cards.nth(2).waitFor();
    // Markup in a title is text; a javascript: product is a plain card without a link or image.
    expect(await cards.nth(0).textContent()).toContain("<img src=x onerror=alert(1)>Lamp");
    expect(await cards.nth(1).locator("a, img").count()).toBe(0);
    // The stylesheet applied: the widget's own 14px, not the page's inherited 16px.
    expect(await page.locator("#recs [part=root]").evaluate((el) => getComputedStyle(el).fontSize)).toBe("14px");
    await page.evaluate(() => (window as any).__sk.show("csp"));
    await page.getByRole("dialog").getByRole("button", { name: "9 out of 10" }).click();
    await page.locator("#channels [part=channel-link]").first().waitFor();
    await page.locator("#prefs").getByRole("switch").waitFor();
    expect(await page.evaluate(() => (window as any).dataLayer.some((e: any) => e.event === "shopkeeper_survey_response"))).toBe(true);
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
    expect([dialogs, page.errors]).toEqual([[], []]);
  });

  it("opens the survey on a mobile fast scroll-up", async () => {
    const context = await h.context({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.clock.install();
    const page = await h.page(context);
    await open(page);
    for (let s = 0; s < 20; s += 5) {
      await page.locator("h1").tap();
      await page.clock.runFor(5_000);
    }
    // Scroll events are dispatched when the browser renders a frame, which the fake clock does
    // not drive: give each scroll a real frame before moving the clock on.
    for (const [y, ms] of [[1200, 500], [900, 50], [100, 50]] as const) {
      await page.evaluate((y) => window.scrollTo(0, y), y);
      await page.waitForTimeout(100);
      await page.clock.runFor(ms);
    }
    await page.getByRole("dialog").waitFor({ timeout: 5_000 });
    expect(page.errors).toEqual([]);
  });
});

/** axe's violations inside the given hosts, as "rule: targets" lines. */
async function axe(page: TrackedPage, hosts: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async (hosts) => {
    const result = await (window as any).axe.run({ include: hosts.map((h) => [h]) }, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
  }, hosts);
}

/** Waits until the widget's entrance animations have finished, so axe measures painted colours. */
async function settle(page: TrackedPage, host: string) {
  for (let i = 0; i < 50; i++) {
    const running = await page.evaluate((id) => document.getElementById(id)!.shadowRoot!.getAnimations().some((a) => a.playState !== "finished"), host);
    if (!running) return;
    await page.waitForTimeout(50);
  }
}

describe("accessibility and screenshots", () => {
  for (const [lang, scheme] of [["en", "light"], ["ar", "dark"]] as const) {
    it(`axe finds nothing in the pop-ups: floating picker with QR, preferences dialog, every survey step (${lang}, ${scheme})`, async () => {
      const page = await h.page(await h.context({ colorScheme: scheme }));
      await page.goto(`${h.url}${PAGE}?pop${lang === "en" ? "" : `&lang=${lang}`}`);
      await page.waitForFunction(() => (window as any).__sk);
      await page.locator("#recs [part=card]").first().waitFor();
      expect(await page.locator("#recs [part=card]").count()).toBeGreaterThan(4);

      await page.locator("#shopkeeper-channels [part=button]").click();
      await page.locator("#shopkeeper-channels [part=qr-toggle]").click();
      await page.locator("#shopkeeper-channels [part=qr]").waitFor();
      expect(await axe(page, ["#recs", "#shopkeeper-channels"])).toEqual([]);
      await page.locator("#shopkeeper-channels [part=panel]").screenshot({ path: `${SHOTS}/floating-${lang}-${scheme}.png` });
      await page.keyboard.press("Escape");

      await page.locator("#recs [part=why]").first().click();
      const prefs = page.locator("#shopkeeper-preferences dialog");
      await prefs.waitFor();
      expect(await axe(page, ["#shopkeeper-preferences"])).toEqual([]);
      await page.keyboard.press("Escape");
      await prefs.waitFor({ state: "detached" });

      await page.evaluate(() => (window as any).__sk.show("steps"));
      const survey = page.locator("#shopkeeper-survey [role=dialog]");
      await survey.waitFor();
      await settle(page, "shopkeeper-survey");
      const next = survey.locator("[part=next]");
      const steps: string[] = [];
      steps.push(...(await axe(page, ["#shopkeeper-survey"])));
      await survey.getByRole("button").filter({ hasText: /^(9|٩)$/ }).click();
      await survey.getByRole("radio").nth(1).check();
      steps.push(...(await axe(page, ["#shopkeeper-survey"])));
      await next.click();
      await survey.getByRole("checkbox").first().check();
      steps.push(...(await axe(page, ["#shopkeeper-survey"])));
      await next.click();
      await survey.getByRole("textbox").fill("Faster delivery, please");
      steps.push(...(await axe(page, ["#shopkeeper-survey"])));
      await next.click();
      await survey.locator("[role=status]").waitFor();
      steps.push(...(await axe(page, ["#shopkeeper-survey"])));
      expect(steps).toEqual([]);
      expect(page.errors).toEqual([]);
    });
  }

  for (const [lang, scheme] of [["en", "light"], ["en", "dark"], ["ur", "light"], ["ar", "dark"]] as const) {
    it(`axe finds nothing in the widgets (${lang}, ${scheme})`, async () => {
      const context = await h.context({ colorScheme: scheme });
      await context.clock.install();
      const page = await h.page(context);
      await open(page, lang === "en" ? "" : `?lang=${lang}`);
      for (const id of ["recs", "channels", "prefs"]) await page.locator(`#${id}`).screenshot({ path: `${SHOTS}/${id}-${lang}-${scheme}.png` });
      await engage(page, 20);
      await exitThroughTop(page);
      await page.getByRole("dialog").waitFor();
      // axe measures colours as painted: let the dialog's entrance fade finish first.
      // (Polled from here: the page's own timers and frames belong to the fake clock.)
      for (let i = 0; i < 50; i++) {
        const running = await page.evaluate(() => document.getElementById("shopkeeper-survey")!.shadowRoot!.getAnimations().some((a) => a.playState !== "finished"));
        if (!running) break;
        await page.waitForTimeout(50);
      }
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      const violations = await page.evaluate(async () => {
        const axe = (window as any).axe;
        const result = await axe.run(
          { include: [["#recs"], ["#channels"], ["#prefs"], ["#shopkeeper-survey"]] },
          { resultTypes: ["violations"] },
        );
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
      await page.locator("#shopkeeper-survey [role=dialog]").screenshot({ path: `${SHOTS}/survey-${lang}-${scheme}.png` });
    });
  }
});
