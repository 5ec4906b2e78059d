import { describe, expect, it } from "vitest";
import { useBrowser, type TrackedPage } from "./harness";

const h = useBrowser();

type Seen = { name: string; props: Record<string, any>; group: string };
const events = (page: TrackedPage) => page.evaluate(() => (window as any).__events as Seen[]);
const named = async (page: TrackedPage, name: string) => (await events(page)).filter((e) => e.name === name);

async function open(path = "/tests/browser/pages/product.html") {
  const page = await h.page();
  await page.goto(h.url + path);
  await page.waitForFunction(() => (window as any).__events?.some((e: Seen) => e.name === "page_view"));
  return page;
}

describe("script tag on a product page", () => {
  it("emits the page view and the product view with its price", async () => {
    const page = await open();
    const [view] = await named(page, "page_view");
    expect(view!.props).toMatchObject({ path: "/tests/browser/pages/product.html", pageType: "product", title: "Ridge Trail Runner" });
    expect(view!.group).toBe("personalized");
    await page.waitForFunction(() => (window as any).__events.some((e: Seen) => e.name === "view_item"));
    const [item] = (await named(page, "view_item"))[0]!.props.items;
    expect(item).toMatchObject({ id: "trail-1", title: "Ridge Trail Runner", price: 129, currency: "USD", brand: "Ridgeline" });
    expect(page.errors).toEqual([]);
  });

  it("replays calls queued before the script loaded", async () => {
    const page = await open();
    const carts = await named(page, "add_to_cart");
    expect(carts.map((e) => e.props.items[0].id)).toEqual(["queued-1"]);
    expect(await page.evaluate(() => new Promise((ok) => (window as any).shopkeeper((sk: any) => ok(sk.profile().cart.map((l: any) => l.id)))))).toEqual(["queued-1"]);
  });

  it("records a second product after an SPA navigation", async () => {
    const page = await open();
    await page.evaluate(() => {
      const block = document.querySelector('script[type="application/ld+json"]')!;
      block.textContent = JSON.stringify({ "@context": "https://schema.org", "@type": "Product", sku: "boot-2", name: "Alpine Boot", offers: { "@type": "Offer", price: "189.00", priceCurrency: "USD" } });
      history.pushState({}, "", "/shop/alpine-boot");
    });
    await page.waitForFunction(() => (window as any).__events.some((e: Seen) => e.name === "view_item" && e.props.items[0].id === "boot-2"));
    const views = await named(page, "page_view");
    expect(views.map((v) => v.props.path)).toEqual(["/tests/browser/pages/product.html", "/shop/alpine-boot"]);
    expect(page.errors).toEqual([]);
  });

  it("does not count a replaceState that keeps the path", async () => {
    const page = await open();
    await page.evaluate(() => history.replaceState({ a: 1 }, "", location.pathname + "?sort=price"));
    await page.waitForTimeout(50);
    expect(await named(page, "page_view")).toHaveLength(1);
  });

  it("keeps history.pushState transparent for the host", async () => {
    const page = await open();
    const result = await page.evaluate(() => {
      const returned = history.pushState({ n: 1 }, "", "/elsewhere");
      let error = "";
      try {
        history.pushState({}, "", "https://other.example/");
      } catch (e) {
        error = (e as Error).name;
      }
      return { returned, error, state: history.state };
    });
    expect(result).toEqual({ returned: undefined, error: "SecurityError", state: { n: 1 } });
  });

  it("works whatever the load order: stub after the script, commands after load", async () => {
    const page = await h.page();
    await page.goto(h.url + "/tests/browser/pages/late-stub.html");
    await page.waitForFunction(() => (window as any).__ready === true);
    expect(await page.evaluate(() => (window as any).__version)).toMatch(/^\d+\.\d+\.\d+$/);
    expect(page.errors).toEqual([]);
  });

  it("starts once when the script is on the page twice", async () => {
    const page = await h.page();
    await page.goto(h.url + "/tests/browser/pages/twice.html");
    await page.waitForFunction(() => (window as any).__events?.some((e: Seen) => e.name === "page_view"));
    await page.locator("#channels [part=channel-link]").first().waitFor();
    await page.waitForTimeout(200);
    // A second running copy would not reach __events (the queue went to the first): the shared
    // dataLayer and the slot tell.
    const pushed = await page.evaluate(() => (window as any).dataLayer.filter((e: any) => e.event === "shopkeeper_page_view").length);
    const links = await page.locator("#channels [part=channel-link]").count();
    expect([await named(page, "page_view"), pushed, links]).toEqual([[expect.anything()], 1, 1]);
    expect(page.warnings.filter((w) => /\((duplicate|instances)\)/.test(w))).toEqual([expect.stringContaining("(duplicate)")]);
    expect(page.errors).toEqual([]);
  });

  it("adds only the globals the README names, and replaces no built-in but the two History methods", async () => {
    const page = await h.page();
    await page.addInitScript(() => {
      const w = window as any;
      const keys = () => [...Object.getOwnPropertyNames(window), ...Object.getOwnPropertySymbols(window).map(String)];
      const builtins = () => [fetch, XMLHttpRequest.prototype.send, EventTarget.prototype.addEventListener, Array.prototype.push, JSON.stringify, Promise, console.warn, history.pushState, history.replaceState];
      const before = { keys: keys(), builtins: builtins() };
      w.__globals = () => ({ added: keys().filter((k) => !before.keys.includes(k)), changed: builtins().map((f, i) => f !== before.builtins[i]) });
    });
    await page.goto(h.url + "/tests/browser/pages/blank.html");
    await page.waitForFunction(() => (window as any).__sk);
    const { added, changed } = await page.evaluate(() => (window as any).__globals());
    // The page's own: its snippet's `shopkeeper`, `__sk` from its callback, and the probe itself.
    expect(added.sort()).toEqual(["Symbol(shopkeeper.history)", "Symbol(shopkeeper.live)", "__globals", "__shopkeeper_loaded", "__sk", "shopkeeper"]);
    expect(changed).toEqual([false, false, false, false, false, false, false, true, true]);
  });

  it("honours data-* config and warns once, grouped, about bad values", async () => {
    const page = await h.page();
    await page.goto(h.url + "/tests/browser/pages/bad-config.html");
    await page.waitForFunction(() => (window as any).__sk);
    const state = await page.evaluate(() => {
      const sk = (window as any).__sk;
      return { consent: sk.consent(), locale: sk.config.locale, holdout: sk.config.holdout, group: sk.group, dataLayer: sk.config.dataLayer, debug: sk.config.debug };
    });
    expect(state).toEqual({ consent: "pending", locale: "ur", holdout: undefined, group: "personalized", dataLayer: undefined, debug: false });
    const configWarnings = page.warnings.filter((w) => w.includes("invalid options"));
    expect(configWarnings).toHaveLength(1);
    expect(configWarnings[0]).toContain('holdout: expected a share between 0 and 1, e.g. 0.1 for 10%, got "10%"');
    expect(configWarnings[0]).toContain("endpoint");
    expect(configWarnings[0]).toContain('dataLayer: expected true or false, got "no"');
    // A page callback that throws is reported, and never reaches the page as an unhandled rejection.
    expect(page.warnings.filter((w) => w.includes("callback threw"))).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });
});

describe("engaged dwell time", () => {
  it("counts a scripted 5-minute visit with hidden and idle stretches within a second", async () => {
    const page = await h.page();
    await page.clock.install();
    await page.goto(h.url + "/tests/browser/pages/product.html");
    await page.clock.runFor(100);
    await page.waitForFunction(() => (window as any).__events?.some((e: Seen) => e.name === "page_view"));
    const setHidden = (hidden: boolean) =>
      page.evaluate((hidden) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
        Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
        document.dispatchEvent(new Event("visibilitychange"));
      }, hidden);
    const activeFor = async (seconds: number) => {
      for (let s = 0; s < seconds; s += 5) {
        await page.mouse.move(100 + (s % 50), 100 + (s % 30));
        await page.clock.runFor(5_000);
      }
      // Active right up to the end of the stretch: idle time is measured from here.
      await page.mouse.move(160, 140);
    };
    await activeFor(60); //                     60 s engaged
    await page.clock.runFor(90_000); //         idle 90 s: the first 30 s still count (reading)
    await activeFor(30); //                     30 s engaged
    await setHidden(true); //                   hidden: the flush sends what was engaged so far
    await page.clock.runFor(60_000); //         60 s hidden: nothing counts
    await setHidden(false);
    await activeFor(60); //                     60 s engaged
    await page.clock.runFor(0);
    // 5 minutes in all; the navigation flushes the rest.
    await page.evaluate(() => history.pushState({}, "", "/next-page"));
    await page.clock.runFor(100);
    const total = (await named(page, "dwell")).reduce((sum, e) => sum + e.props.seconds, 0);
    expect(Math.abs(total - (60 + 30 + 30 + 60))).toBeLessThanOrEqual(1);
    expect(page.errors).toEqual([]);
  });
});
