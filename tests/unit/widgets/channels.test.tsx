import { afterEach, describe, expect, it, vi } from "vitest";
import * as entry from "../../../src/index";
import type { Channel, ShopkeeperConfig } from "../../../src/types";
import { fakeProduct, fakeShopkeeper, flush, type Fake } from "./fake-shopkeeper";
import { channels, floatingChannels } from "../../../widgets/channels/index";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());

const WA: Channel = { type: "whatsapp", value: "+92 300 1234567" };
const PHONE: Channel = { type: "phone", value: "+92 21 111 222 333" };
const MAIL: Channel = { type: "email", value: "help@shop.example" };

let teardown: (() => void) | undefined;
afterEach(() => {
  teardown?.();
  teardown = undefined;
});

function inline(config: ShopkeeperConfig, setup: (f: Fake) => void = () => undefined, segments: string[] = []) {
  const fake = fakeShopkeeper({ config, segments });
  setup(fake);
  const host = document.createElement("div");
  document.body.append(host);
  teardown = channels(host, fake.sk, {});
  return { fake, root: host.shadowRoot! };
}
const links = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>("[part=channel-link]")];
const names = (root: ShadowRoot) => links(root).map((a) => a.textContent);
const view = { path: "/p/2", pageType: "product" } as const;

describe("channel picker", () => {
  it("renders real links built from each channel", () => {
    const { root } = inline({ channels: [WA, PHONE, MAIL] });
    expect(root.querySelector("h2")!.textContent).toBe("Contact us");
    expect(names(root)).toEqual(["WhatsApp", "Call", "Email"]);
    expect(links(root).map((a) => a.getAttribute("href"))).toEqual(["https://wa.me/923001234567", "tel:+9221111222333", "mailto:help@shop.example"]);
    expect(links(root)[0]!.getAttribute("rel")).toBe("noopener");
  });

  it("prefills a message naming the product in view", () => {
    const { root } = inline({ channels: [WA, { ...MAIL, message: "About {product}" }] }, (f) => {
      f.sk.pageProducts = () => [fakeProduct("1", { title: "Trail Runner" })];
    });
    expect(links(root)[0]!.getAttribute("href")).toBe("https://wa.me/923001234567?text=Hi%2C%20I%20have%20a%20question%20about%20Trail%20Runner");
    expect(links(root)[1]!.getAttribute("href")).toBe("mailto:help@shop.example?subject=About%20Trail%20Runner");
  });

  it("names the product at every {product} in a message, and keeps \"$&\" in its title literal", () => {
    const { root } = inline({ channels: [{ ...MAIL, message: "{product}: is {product} in stock?" }] }, (f) => {
      f.sk.pageProducts = () => [fakeProduct("1", { title: "Tee $& Co" })];
    });
    expect(links(root)[0]!.getAttribute("href")).toBe("mailto:help@shop.example?subject=Tee%20%24%26%20Co%3A%20is%20Tee%20%24%26%20Co%20in%20stock%3F");
  });

  it("keeps a product name's own direction in a right-to-left message", () => {
    const { root } = inline({ locale: "ur", channels: [WA, { ...MAIL, message: "About {product}" }] }, (f) => {
      f.sk.pageProducts = () => [fakeProduct("1", { title: "Shoe (XL)" })];
    });
    const text = (a: HTMLElement) => decodeURIComponent(new URL(a.getAttribute("href")!.replace("mailto:", "http://x/")).search.split("=")[1]!);
    // In an isolate: else the ")" between the name and the Urdu after it would stand on the Urdu side, "(Shoe (XL".
    expect(text(links(root)[0]!)).toBe("السلام علیکم، مجھے \u2068Shoe (XL)\u2069 کے بارے میں ایک سوال پوچھنا ہے");
    // A message all left to right stays as it was.
    expect(text(links(root)[1]!)).toBe("About Shoe (XL)");
  });

  it("hides an invalid channel with one warning", () => {
    const bad: Channel = { type: "phone", value: '+1 555"><script>' };
    const { root } = inline({ channels: [bad, MAIL] });
    expect(names(root)).toEqual(["Email"]);
    expect(vi.mocked(entry.warnOnce)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(entry.warnOnce).mock.calls[0]![1]).toContain("phone");
  });

  it("tracks the channel the visitor picks", () => {
    const { fake, root } = inline({ channels: [WA, PHONE] });
    links(root)[1]!.click();
    expect(fake.tracked).toEqual([["channel_select", { channel: "phone" }]]);
  });

  it("remembers a preferred channel and lists it first", () => {
    const { fake, root } = inline({ channels: [WA, PHONE, MAIL] });
    const prefer = root.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!;
    expect(prefer.getAttribute("aria-pressed")).toBe("false");
    prefer.click();
    expect(fake.tracked).toEqual([["channel_select", { channel: "email", preferred: true }]]);
    expect(names(root)).toEqual(["Email", "WhatsApp", "Call"]);
    expect(root.querySelector('[aria-label="Make Email my preferred channel"]')!.getAttribute("aria-pressed")).toBe("true");
  });

  it("takes the preference back when the pressed star is pressed again, and the segment's order applies", () => {
    const { fake, root } = inline({ channels: [WA, PHONE, MAIL], channelOrder: { loyal: ["phone"] } }, undefined, ["loyal"]);
    const star = () => root.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!;
    star().click();
    expect(names(root)).toEqual(["Email", "Call", "WhatsApp"]);
    star().focus();
    star().click();
    expect(fake.tracked[1]).toEqual(["channel_select", { channel: "email", preferred: false }]);
    expect(names(root)).toEqual(["Call", "WhatsApp", "Email"]);
    expect(star().getAttribute("aria-pressed")).toBe("false");
    expect(root.activeElement).toBe(star());
  });

  it("keeps focus on the star the visitor pressed as its channel moves first", () => {
    const { root } = inline({ channels: [WA, PHONE, MAIL] });
    const prefer = root.querySelector<HTMLButtonElement>('[aria-label="Make Email my preferred channel"]')!;
    prefer.focus();
    prefer.click();
    expect(names(root)[0]).toBe("Email");
    expect(root.activeElement?.getAttribute("aria-label")).toBe("Make Email my preferred channel");
  });

  it("keeps focus on the link the visitor followed as the pick moves its channel first", () => {
    const { root } = inline({ channels: [WA, PHONE, MAIL] }, (f) =>
      // The core learns the pick before the picker hears of it.
      f.sk.on("channel_select", ({ props }) => void (f.profile.channel = { preferred: props.channel, picks: { [props.channel]: 1 } })),
    );
    root.addEventListener("click", (e) => e.preventDefault());
    const mail = links(root)[2]!;
    mail.focus();
    mail.click();
    expect(names(root)[0]).toBe("Email");
    expect(root.activeElement).toBe(mail);
  });

  describe("two channels of one type", () => {
    const SALES: Channel = { ...WA, label: "Sales" };
    const SUPPORT: Channel = { type: "whatsapp", value: "+92 300 7654321", label: "Support" };
    const pressed = (root: ShadowRoot) => [...root.querySelectorAll("[part=prefer]")].map((b) => b.getAttribute("aria-pressed"));

    it("prefers the one the visitor picked, not both", () => {
      const { fake, root } = inline({ channels: [MAIL, SALES, SUPPORT] });
      root.querySelector<HTMLButtonElement>('[aria-label="Make Support my preferred channel"]')!.click();
      expect(fake.tracked).toEqual([["channel_select", { channel: "whatsapp:+92 300 7654321", preferred: true }]]);
      expect(names(root)).toEqual(["Support", "Email", "Sales"]);
      expect(pressed(root)).toEqual(["true", "false", "false"]);
    });

    it("tracks which of them was picked", () => {
      const { fake, root } = inline({ channels: [SALES, SUPPORT] });
      // The links open wa.me: tracked, not followed.
      root.addEventListener("click", (e) => e.preventDefault());
      links(root)[0]!.click();
      links(root)[1]!.click();
      expect(fake.tracked).toEqual([
        ["channel_select", { channel: "whatsapp" }],
        ["channel_select", { channel: "whatsapp:+92 300 7654321" }],
      ]);
    });

    it.each([
      ["en", "WhatsApp", "Make WhatsApp +92 300 7654321 my preferred channel"],
      ["ur", "WhatsApp", "WhatsApp +92 300 7654321 کو میرا پسندیدہ ذریعہ بنائیں"],
      ["ar", "اتصال هاتفي", "اجعل اتصال هاتفي +92 300 7654321 وسيلتي المفضلة"],
    ])("tells two without labels apart by their value (%s)", (locale, name, prefer) => {
      const type = locale == "ar" ? "phone" : "whatsapp";
      const { root } = inline({ locale, channels: [{ type, value: "+92 300 1234567" }, { type, value: "+92 300 7654321" }, MAIL] });
      expect(names(root).slice(0, 2)).toEqual([`${name} +92 300 1234567`, `${name} +92 300 7654321`]);
      // The number in an isolate of its own: digits in right-to-left text would run in reverse.
      expect(links(root)[1]!.querySelectorAll("bdi")[1]!.textContent).toBe("+92 300 7654321");
      const stars = [...root.querySelectorAll("[part=prefer]")].map((b) => b.getAttribute("aria-label"));
      expect(stars[1]).toBe(prefer);
      expect(new Set(stars).size).toBe(3);
    });

    it("ties each QR code button to its channel", () => {
      vi.stubGlobal("matchMedia", (q: string) => ({ matches: q === "(pointer:fine)" }));
      const { root } = inline({ channels: [SALES, SUPPORT] });
      const described = [...root.querySelectorAll("[part=qr-toggle]")].map((b) => root.getElementById(b.getAttribute("aria-describedby")!)?.textContent);
      expect(described).toEqual(["Sales", "Support"]);
      vi.unstubAllGlobals();
    });

    it("reads a preference stored as the type alone as the first of that type", () => {
      const { root } = inline({ channels: [MAIL, SALES, SUPPORT] }, (f) => void (f.profile.channel = { preferred: "whatsapp", explicit: true, picks: { whatsapp: 1 } }));
      expect(names(root)).toEqual(["Sales", "Email", "Support"]);
      expect(pressed(root)).toEqual(["true", "false", "false"]);
    });
  });

  it("follows a preference set in the floating picker on the same page", () => {
    const { fake, root } = inline({ channels: [WA, PHONE, MAIL] });
    expect(names(root)).toEqual(["WhatsApp", "Call", "Email"]);
    fake.profile.channel = { preferred: "email", explicit: true, picks: { email: 1 } };
    fake.emit("channel_select", { channel: "email", preferred: true });
    expect(names(root)).toEqual(["Email", "WhatsApp", "Call"]);
  });

  it("orders by the profile's preference, then the segment's order", () => {
    const { root } = inline(
      { channels: [WA, PHONE, MAIL, { type: "telegram", value: "shop_help" }], channelOrder: { loyal: ["phone", "telegram"] } },
      (f) => void (f.profile.channel.preferred = "email"),
      ["returning", "loyal"],
    );
    expect(names(root)).toEqual(["Email", "Call", "Telegram", "WhatsApp"]);
  });

  it("opens the shop's live chat through a DOM event", () => {
    const heard = vi.fn();
    addEventListener("shopkeeper:chat", heard);
    const { fake, root } = inline({ channels: [{ type: "chat" }] });
    links(root)[0]!.click();
    removeEventListener("shopkeeper:chat", heard);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(fake.tracked).toEqual([["channel_select", { channel: "chat" }]]);
  });

  describe("hours", () => {
    // Wednesday 2025-01-15, 10:30 in Karachi.
    const hours = { tz: "Asia/Karachi", days: [1, 2, 3, 4, 5], open: "09:00", close: "18:00" };
    afterEach(() => vi.useRealTimers());

    it("says it usually replies within an hour while open", () => {
      vi.useFakeTimers({ now: Date.UTC(2025, 0, 15, 5, 30) });
      const { root } = inline({ channels: [{ ...WA, hours }] });
      expect(root.querySelector(".mu")!.textContent).toBe("Usually replies within an hour");
    });

    it("says when it opens while closed", () => {
      vi.useFakeTimers({ now: Date.UTC(2025, 0, 15, 14, 0) });
      const { root } = inline({ channels: [{ ...WA, hours }] });
      expect(root.querySelector(".mu")!.textContent).toMatch(/^Closed now · opens .*\d/);
    });

    it("says it is open once the opening time passes on a page left open, and closed after closing time", () => {
      vi.useFakeTimers({ now: Date.UTC(2025, 0, 15, 3, 59, 30) });
      const { root } = inline({ channels: [{ ...WA, hours }] });
      expect(root.querySelector(".mu")!.textContent).toMatch(/^Closed now · opens /);
      vi.advanceTimersByTime(30_000);
      expect(root.querySelector(".mu")!.textContent).toBe("Usually replies within an hour");
      vi.advanceTimersByTime(9 * 3600_000);
      expect(root.querySelector(".mu")!.textContent).toMatch(/^Closed now · opens /);
      teardown!();
      teardown = undefined;
      expect(vi.getTimerCount()).toBe(0);
    });

    it("tells a visitor who tabs to a channel whether it is open", () => {
      vi.useFakeTimers({ now: Date.UTC(2025, 0, 15, 14, 0) });
      const { root } = inline({ channels: [{ ...WA, hours }, { type: "chat", hours }, MAIL] });
      const said = links(root).map((l) => root.getElementById(l.getAttribute("aria-describedby") ?? "")?.textContent);
      expect(said).toEqual([expect.stringMatching(/^Closed now · opens .*\d/), expect.stringMatching(/^Closed now/), undefined]);
    });
  });

  it("offers a WhatsApp QR code on desktop", () => {
    vi.stubGlobal("matchMedia", (q: string) => ({ matches: q === "(pointer:fine)" }));
    const { root } = inline({ channels: [WA, PHONE] });
    const toggles = root.querySelectorAll<HTMLButtonElement>("[part=qr-toggle]");
    expect(toggles.length).toBe(1);
    expect(toggles[0]!.textContent).toBe("Show QR code");
    toggles[0]!.click();
    expect(root.querySelector("[part=qr-toggle]")!.getAttribute("aria-expanded")).toBe("true");
    expect(root.querySelector("svg[role=img]")!.getAttribute("aria-label")).toBe("Scan with your phone to chat on WhatsApp");
    vi.unstubAllGlobals();
  });

  it("speaks Arabic right to left", () => {
    const { root } = inline({ locale: "ar", channels: [PHONE] });
    expect(root.querySelector("[part=root]")!.getAttribute("dir")).toBe("rtl");
    expect(root.querySelector("h2")!.textContent).toBe("تواصل معنا");
    expect(names(root)).toEqual(["اتصال هاتفي"]);
  });
});

describe("channel picker, kept current", () => {
  it("puts the remembered preferred channel first once storage is read", async () => {
    let loaded!: () => void;
    const fake = fakeShopkeeper({ config: { channels: [WA, MAIL] }, ready: new Promise<void>((r) => (loaded = r)) });
    const host = document.createElement("div");
    document.body.append(host);
    teardown = fake.sk.mount(host, channels, {});
    expect(names(host.shadowRoot!)).toEqual(["WhatsApp", "Email"]);
    fake.profile.channel = { preferred: "email", explicit: true, picks: {} };
    loaded();
    await flush();
    expect(names(host.shadowRoot!)).toEqual(["Email", "WhatsApp"]);
  });

  it("names the new product after an SPA navigation", () => {
    let title = "Trail Runner";
    const { fake, root } = inline({ channels: [WA] }, (f) => {
      f.sk.pageProducts = () => [fakeProduct("1", { title })];
    });
    title = "Rain Jacket";
    fake.emit("page_view", view);
    expect(links(root)[0]!.getAttribute("href")).toContain("Rain%20Jacket");
  });

  it("stops listening on teardown", () => {
    const pageProducts = vi.fn(() => []);
    const { fake } = inline({ channels: [WA] }, (f) => void (f.sk.pageProducts = pageProducts));
    teardown!();
    teardown = undefined;
    pageProducts.mockClear();
    fake.emit("page_view", view);
    expect(pageProducts).not.toHaveBeenCalled();
  });
});

describe("channel picker with no valid channel", () => {
  const bad: Channel = { type: "whatsapp", value: "300 1234567" };

  it("hides the slot and renders nothing", () => {
    vi.mocked(entry.warnOnce).mockClear();
    const fake = fakeShopkeeper({ config: { channels: [bad] } });
    const host = document.createElement("div");
    document.body.append(host);
    teardown = channels(host, fake.sk, {});
    expect(host.hidden).toBe(true);
    expect(host.shadowRoot?.querySelector("h2, ul, button") ?? null).toBeNull();
    expect(vi.mocked(entry.warnOnce)).toHaveBeenCalledTimes(1);
  });

  it("shows no floating button", () => {
    const fake = fakeShopkeeper({ config: { channels: [bad] } });
    teardown = floatingChannels(fake.sk);
    expect(document.getElementById("shopkeeper-channels")).toBeNull();
  });
});

describe("channel order without personalisation", () => {
  const config = { channels: [WA, PHONE, MAIL], channelOrder: { loyal: ["phone" as const] } };
  const learned = (f: Fake) => void (f.profile.channel = { preferred: "email", picks: { email: 3 } });

  it("ignores learned picks and segment order when the visitor switched personalisation off", () => {
    const { root } = inline(config, (f) => (learned(f), (f.profile.personalization = false)), ["loyal"]);
    expect(names(root)).toEqual(["WhatsApp", "Call", "Email"]);
  });

  it("ignores them in the holdout control group", () => {
    const { root } = inline(config, (f) => (learned(f), ((f.sk as { group: string }).group = "control")), ["loyal"]);
    expect(names(root)).toEqual(["WhatsApp", "Call", "Email"]);
  });

  it("still honours a channel the visitor chose", () => {
    const { root } = inline(config, (f) => {
      f.profile.channel = { preferred: "email", explicit: true, picks: {} };
      f.profile.personalization = false;
    }, ["loyal"]);
    expect(names(root)).toEqual(["Email", "WhatsApp", "Call"]);
  });
});

describe("channel list details", () => {
  it("keeps $-patterns in a product title literal", () => {
    const { root } = inline({ channels: [WA] }, (f) => {
      f.sk.pageProducts = () => [fakeProduct("1", { title: "Shoe $& $' $$" })];
    });
    expect(links(root)[0]!.getAttribute("href")).toBe("https://wa.me/923001234567?text=" + encodeURIComponent("Hi, I have a question about Shoe $& $' $$"));
  });

  it("says nothing about hours when the channel never opens", () => {
    const { root } = inline({ channels: [{ ...WA, hours: { tz: "UTC", days: [], open: "09:00", close: "18:00" } }] });
    expect(root.querySelector("li span")).toBeNull();
  });

  it("keeps the open QR code with its channel when the order changes", () => {
    vi.stubGlobal("matchMedia", (q: string) => ({ matches: q === "(pointer:fine)" }));
    const { root } = inline({ channels: [MAIL, WA] });
    root.querySelector<HTMLButtonElement>("[part=qr-toggle]")!.click();
    root.querySelector<HTMLButtonElement>('[aria-label="Make WhatsApp my preferred channel"]')!.click();
    expect(names(root)).toEqual(["WhatsApp", "Email"]);
    expect(root.querySelector("li:first-child svg[role=img]")).not.toBeNull();
    expect(root.querySelector("[part=qr-toggle]")!.getAttribute("aria-expanded")).toBe("true");
    vi.unstubAllGlobals();
  });

  it("strips bidi overrides from accessible names built from the shop's text", () => {
    vi.stubGlobal("matchMedia", (q: string) => ({ matches: q === "(pointer:fine)" }));
    const strings = { en: { scan: "\u202escan\u202c", prefer: "\u202eprefer {name}", title: "\u202eContact" } };
    const fake = fakeShopkeeper({ config: { channels: [WA], strings } });
    teardown = floatingChannels(fake.sk);
    const root = document.getElementById("shopkeeper-channels")!.shadowRoot!;
    root.querySelector<HTMLButtonElement>("[part=button]")!.click();
    root.querySelector<HTMLButtonElement>("[part=qr-toggle]")!.click();
    expect(root.querySelector("[part=panel]")!.getAttribute("aria-label")).toBe("Contact");
    expect(root.querySelector("[part=prefer]")!.getAttribute("aria-label")).toBe("prefer WhatsApp");
    expect(root.querySelector("svg[role=img]")!.getAttribute("aria-label")).toBe("scan");
    vi.unstubAllGlobals();
  });
});

describe("floating channel button", () => {
  it("names the new product after an SPA navigation, until torn down", () => {
    let title = "Trail Runner";
    const pageProducts = vi.fn(() => [fakeProduct("1", { title })]);
    const fake = fakeShopkeeper({ config: { channels: [WA] } });
    fake.sk.pageProducts = pageProducts;
    teardown = floatingChannels(fake.sk);
    const root = document.getElementById("shopkeeper-channels")!.shadowRoot!;
    root.querySelector<HTMLButtonElement>("[part=button]")!.click();
    title = "Rain Jacket";
    fake.emit("page_view", view);
    expect(links(root)[0]!.getAttribute("href")).toContain("Rain%20Jacket");
    teardown();
    teardown = undefined;
    pageProducts.mockClear();
    fake.emit("page_view", view);
    expect(pageProducts).not.toHaveBeenCalled();
  });

  it("opens a panel, closes on Escape and gives focus back", () => {
    const fake = fakeShopkeeper({ config: { channels: [WA, MAIL] } });
    teardown = floatingChannels(fake.sk);
    const root = document.getElementById("shopkeeper-channels")!.shadowRoot!;
    const btn = root.querySelector<HTMLButtonElement>("[part=button]")!;
    expect(btn.getAttribute("aria-expanded")).toBe("false");
    expect(root.querySelector("[part=panel]")).toBeNull();
    btn.click();
    expect(btn.getAttribute("aria-expanded")).toBe("true");
    expect(names(root)).toEqual(["WhatsApp", "Email"]);
    links(root)[1]!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    expect(root.querySelector("[part=panel]")).toBeNull();
    expect(root.activeElement).toBe(btn);
  });

  it("keeps the Escape that closes the panel from the page's own Escape handlers", () => {
    const drawer = vi.fn();
    document.addEventListener("keydown", drawer);
    try {
      teardown = floatingChannels(fakeShopkeeper({ config: { channels: [WA, MAIL] } }).sk);
      const root = document.getElementById("shopkeeper-channels")!.shadowRoot!;
      const btn = root.querySelector<HTMLButtonElement>("[part=button]")!;
      btn.click();
      links(root)[1]!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
      expect(root.querySelector("[part=panel]")).toBeNull();
      expect(drawer).not.toHaveBeenCalled();
      // With the panel closed, Escape is the page's again.
      btn.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
      expect(drawer).toHaveBeenCalledTimes(1);
    } finally {
      document.removeEventListener("keydown", drawer);
    }
  });

  it("draws the panel's edge in forced colours, where its shadow is gone", () => {
    teardown = floatingChannels(fakeShopkeeper({ config: { channels: [WA] } }).sk);
    const root = document.getElementById("shopkeeper-channels")!.shadowRoot!;
    root.querySelector<HTMLButtonElement>("[part=button]")!.click();
    const css = getComputedStyle(root.querySelector("[part=panel]")!);
    expect([css.borderTopStyle, css.borderTopWidth, css.borderTopColor]).toEqual(["solid", "1px", "transparent"]);
  });

  it("stays away when the config says floatingChannels: false", () => {
    const fake = fakeShopkeeper({ config: { channels: [WA], floatingChannels: false } });
    teardown = floatingChannels(fake.sk);
    expect(document.getElementById("shopkeeper-channels")).toBeNull();
  });

  it("removes its host on teardown", () => {
    const fake = fakeShopkeeper({ config: { channels: [WA] } });
    floatingChannels(fake.sk)();
    expect(document.getElementById("shopkeeper-channels")).toBeNull();
  });
});

describe("channel picker link to the preferences panel", () => {
  it("opens what this shop remembers, which explains the order", () => {
    const { root } = inline({ channels: [WA, MAIL] });
    const why = root.querySelector<HTMLButtonElement>("[part=why]")!;
    expect(why.textContent).toBe("Why this order? What this shop remembers");
    why.click();
    expect(document.getElementById("shopkeeper-preferences")?.shadowRoot?.querySelector("[role=dialog], dialog")).not.toBeNull();
  });
});
