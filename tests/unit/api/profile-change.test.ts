import { afterEach, describe, expect, it, vi } from "vitest";
import { createShopkeeper, type ShopkeeperConfig } from "../../../src/index";

const PAGE = { path: "/", pageType: "home" } as const;

const open: (() => void)[] = [];
afterEach(() => {
  open.splice(0).forEach((stop) => stop());
  vi.restoreAllMocks();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

/** A tab: an instance, how often it signalled profile_change, and what its destinations got. */
async function tab(config: ShopkeeperConfig = {}) {
  const sent: string[] = [];
  const sk = createShopkeeper({ autoTrack: false, dataLayer: true, onEvent: (e) => sent.push(e.name), ...config });
  open.push(() => sk.destroy());
  const changes = { count: 0 };
  sk.on("profile_change", () => void changes.count++);
  await sk.ready;
  return { sk, sent, changes };
}

/** An earlier page that stored a visit and an interest. */
async function returning() {
  const sk = createShopkeeper({ autoTrack: false });
  await sk.ready;
  sk.track("page_view", PAGE);
  sk.track("interest_add", { kind: "tag", value: "linen" });
  await sk.export();
  sk.destroy();
}

describe("on('profile_change')", () => {
  it("fires once consent granted has read the stored profile, which the page then holds", async () => {
    await returning();
    const { sk, changes } = await tab({ consent: "pending" });
    expect(changes.count).toBe(0);
    let stated: string[] = [];
    sk.on("profile_change", () => void (stated = sk.profile().stated));
    sk.consent("granted");
    await vi.waitFor(() => expect(changes.count).toBe(1));
    expect(stated).toEqual(["tag:linen"]);
    // A consent manager that says "granted" again on the same page changes nothing.
    sk.consent("granted");
    await sk.export();
    expect(changes.count).toBe(1);
  });

  it("stays quiet when consent granted finds nothing stored, and fires when denied erases what the page learned", async () => {
    const { sk, changes } = await tab({ consent: "pending" });
    sk.track("interest_add", { kind: "tag", value: "wool" });
    sk.consent("granted");
    await sk.export();
    expect(changes.count).toBe(0);
    expect(sk.profile().stated).toEqual(["tag:wool"]);
    sk.consent("denied");
    await vi.waitFor(() => expect(changes.count).toBe(1));
    expect(sk.profile().stated).toEqual([]);
  });

  it("fires when another tab changes the profile, and when it erases it", async () => {
    const a = await tab();
    const b = await tab();
    b.sk.track("interest_add", { kind: "tag", value: "linen" });
    await b.sk.export();
    await vi.waitFor(() => expect(a.changes.count).toBe(1));
    expect(a.sk.profile().stated).toEqual(["tag:linen"]);
    await b.sk.forget();
    await vi.waitFor(() => expect(a.changes.count).toBe(2));
    expect(a.sk.profile().stated).toEqual([]);
  });

  it("fires when this tab erases everything", async () => {
    await returning();
    const { sk, changes } = await tab();
    await sk.forget();
    expect(changes.count).toBe(1);
    expect(sk.profile().stated).toEqual([]);
  });

  it("stays quiet for this tab's own events and writes, and for a re-read that finds nothing new", async () => {
    await returning();
    const { sk, changes } = await tab();
    sk.track("page_view", PAGE);
    sk.track("interest_add", { kind: "tag", value: "wool" });
    await sk.export();
    // Back from the back/forward cache: the store reads again what it already has.
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    await sk.export();
    expect(changes.count).toBe(0);
  });

  it("never reaches a destination or the stored events", async () => {
    await returning();
    // With debug, the console gets every event that destinations get.
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    const { sk, sent, changes } = await tab({ consent: "pending", debug: true });
    sk.consent("granted");
    await vi.waitFor(() => expect(changes.count).toBe(1));
    await sk.forget();
    expect(changes.count).toBe(2);
    expect(sent).toEqual([]);
    expect(debug.mock.calls.map((call) => call[1])).toEqual([]);
    expect((window as { dataLayer?: unknown[] }).dataLayer ?? []).toEqual([]);
    expect((await sk.export()).events).toEqual([]);
  });
});
