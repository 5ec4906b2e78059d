// Widgets on the real instance, over fake-indexeddb: what they show when the profile is replaced by
// something other than this tab's own events (consent granted, another tab, an erase).
import { afterEach, describe, expect, it, vi } from "vitest";
import { createShopkeeper, type Shopkeeper, type ShopkeeperConfig } from "../../../src/index";
import { channels, floatingChannels } from "../../../widgets/channels/index";
import { preferences } from "../../../widgets/preferences/preferences";
import { recommendations } from "../../../widgets/recommendations/recommendations";

const product = (id: string, category: string, popularity: number) => ({ id, title: id, url: `https://shop.example/p/${id}`, category: [category], popularity });
const catalog = [product("pan", "Kitchen", 9), product("pot", "Kitchen", 8), product("tent", "Camping", 2), product("stove", "Camping", 1)];
const CAMPING = { items: [{ id: "tent", title: "tent", category: ["Camping"] }] };
const channelList = [
  { type: "whatsapp", value: "+92 300 1234567" },
  { type: "email", value: "help@shop.example" },
] as const;

const open: (() => void)[] = [];
afterEach(() => open.splice(0).forEach((stop) => stop()));

function tab(config: ShopkeeperConfig = {}) {
  const sk = createShopkeeper({ autoTrack: false, catalog, channels: [...channelList], ...config });
  open.push(() => sk.destroy());
  return sk;
}

/** An earlier page that stored an interest in Camping. */
async function campingVisitor() {
  const sk = createShopkeeper({ autoTrack: false, catalog });
  await sk.ready;
  sk.track("view_item", CAMPING);
  sk.track("interest_add", { kind: "category", value: "Camping" });
  await sk.export();
  sk.destroy();
}

function mount(sk: Shopkeeper, widget: typeof recommendations | typeof preferences | typeof channels) {
  const host = document.createElement("div");
  document.body.append(host);
  open.unshift(sk.mount(host, widget as typeof channels, { observe: () => ({ observe() {}, unobserve() {}, disconnect() {} }) }));
  return host.shadowRoot!;
}

/** happy-dom's document is always visible: switched by hand, as a browser would. */
const visibility = (state: "hidden" | "visible") => {
  Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
  Object.defineProperty(document, "hidden", { value: state == "hidden", configurable: true });
  document.dispatchEvent(new Event("visibilitychange"));
};
const shelfIds = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>("[part=card]")].map((c) => c.dataset.id);
const interests = (root: ShadowRoot) => [...root.querySelectorAll("h3")].find((h) => h.textContent == "Your interests")?.nextElementSibling?.textContent;
const picker = (root: ShadowRoot) => [...root.querySelectorAll("[part=channel]")].map((li) => li.querySelector("[part=channel-link]")!.textContent + (li.querySelector("[aria-pressed=true]") ? "★" : ""));

describe("a recommendations shelf", () => {
  it("on a consent-pending page, shows the returning visitor's list once consent is granted", async () => {
    await campingVisitor();
    const sk = tab({ consent: "pending", holdout: 0 });
    const root = mount(sk, recommendations);
    await vi.waitFor(() => expect(shelfIds(root)).toEqual(["pan", "pot", "tent", "stove"]));
    sk.consent("granted");
    await vi.waitFor(() => expect(shelfIds(root).slice(0, 2)).toEqual(["tent", "stove"]));
  });

  it("drops the personal list when the visitor erases everything on the page", async () => {
    await campingVisitor();
    const sk = tab();
    const root = mount(sk, recommendations);
    await vi.waitFor(() => expect(shelfIds(root).slice(0, 2)).toEqual(["tent", "stove"]));
    await sk.forget();
    await vi.waitFor(() => expect(shelfIds(root)).toEqual(["pan", "pot", "tent", "stove"]));
  });
  it("in a hidden tab, waits to be shown before it reloads for another tab's change", async () => {
    const a = tab();
    const b = tab();
    await Promise.all([a.ready, b.ready]);
    const root = mount(a, recommendations);
    await vi.waitFor(() => expect(shelfIds(root)).toEqual(["pan", "pot", "tent", "stove"]));
    const asked = vi.spyOn(a, "recommend");
    visibility("hidden");
    try {
      b.track("interest_add", { kind: "category", value: "Camping" });
      await b.export();
      await vi.waitFor(() => expect(a.profile().stated).toEqual(["category:Camping"]));
      b.track("page_view", { path: "/", pageType: "home" });
      await b.export();
      await vi.waitFor(() => expect(a.profile().pageViews).toBe(1));
      expect(asked).not.toHaveBeenCalled();
      expect(shelfIds(root)).toEqual(["pan", "pot", "tent", "stove"]);
    } finally {
      visibility("visible");
    }
    await vi.waitFor(() => expect(shelfIds(root).slice(0, 2)).toEqual(["tent", "stove"]));
    expect(asked).toHaveBeenCalledTimes(1);
  });
});

describe("the preferences panel", () => {
  it("drops what another tab erased", async () => {
    await campingVisitor();
    const a = tab();
    const b = tab();
    await Promise.all([a.ready, b.ready]);
    const root = mount(a, preferences);
    await vi.waitFor(() => expect(interests(root)).toContain("Camping"));
    await b.forget();
    await vi.waitFor(() => expect(interests(root)).toBe("Nothing yet."));
  });

  it("shows an interest another tab added", async () => {
    const a = tab();
    const b = tab();
    await Promise.all([a.ready, b.ready]);
    const root = mount(a, preferences);
    await vi.waitFor(() => expect(interests(root)).toBe("Nothing yet."));
    b.track("interest_add", { kind: "brand", value: "Khaadi" });
    await b.export();
    await vi.waitFor(() => expect(interests(root)).toContain("Khaadi"));
  });
});

describe("the channel picker", () => {
  it("follows a preferred channel picked in another tab", async () => {
    const a = tab();
    const b = tab();
    await Promise.all([a.ready, b.ready]);
    const root = mount(a, channels);
    expect(picker(root)).toEqual(["WhatsApp", "Email"]);
    b.track("channel_select", { channel: "email", preferred: true });
    await b.export();
    await vi.waitFor(() => expect(picker(root)).toEqual(["Email★", "WhatsApp"]));
  });

  it("forgets the visitor's pick when they erase everything", async () => {
    const sk = tab();
    await sk.ready;
    const root = mount(sk, channels);
    root.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!.click();
    expect(picker(root)).toEqual(["Email★", "WhatsApp"]);
    await sk.forget();
    await vi.waitFor(() => expect(picker(root)).toEqual(["WhatsApp", "Email"]));
  });

  it("un-prefers a channel whose star is pressed again, in both pickers and the profile", async () => {
    const sk = tab();
    await sk.ready;
    const root = mount(sk, channels);
    open.unshift(floatingChannels(sk));
    const floating = document.getElementById("shopkeeper-channels")!.shadowRoot!;
    floating.querySelector<HTMLButtonElement>("[part=button]")!.click();
    const star = () => root.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!;
    star().click();
    star().click();
    expect(picker(root)).toEqual(["WhatsApp", "Email"]);
    expect(picker(floating)).toEqual(["WhatsApp", "Email"]);
    expect(sk.profile().channel).toEqual({ picks: {} });
    // A later pick in the other picker shows here too.
    floating.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!.click();
    expect(picker(root)).toEqual(["Email★", "WhatsApp"]);
  });

  it("follows a pick made in the floating picker after one made here", async () => {
    const sk = tab();
    await sk.ready;
    const root = mount(sk, channels);
    open.unshift(floatingChannels(sk));
    root.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!.click();
    const floating = document.getElementById("shopkeeper-channels")!.shadowRoot!;
    floating.querySelector<HTMLButtonElement>("[part=button]")!.click();
    floating.querySelector<HTMLButtonElement>('[aria-label="Make WhatsApp my preferred channel"]')!.click();
    expect(picker(floating)).toEqual(["WhatsApp★", "Email"]);
    expect(picker(root)).toEqual(["WhatsApp★", "Email"]);
  });
});
