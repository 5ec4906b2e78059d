import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { preferences } from "../../../widgets/preferences/preferences";
import { fakeShopkeeper, flush, type FakeOptions } from "./fake-shopkeeper";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());

function panel(options: FakeOptions = {}, onClose?: () => void) {
  const f = fakeShopkeeper(options);
  const host = document.createElement("div");
  document.body.append(host);
  const teardown = preferences(host, f.sk, onClose ? { onClose } : {});
  const root = host.shadowRoot!;
  const button = (name: string) =>
    [...root.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent) === name) as HTMLButtonElement;
  const items = (heading: string) => {
    const h = [...root.querySelectorAll("h3")].find((x) => x.textContent === heading);
    return [...(h?.nextElementSibling?.querySelectorAll("li") ?? [])].map((li) => li.textContent);
  };
  return { ...f, root, button, items, teardown };
}

const INTERESTS = {
  stated: ["brand:Khaadi"],
  affinity: { category: { "Shoes > Running": { s: 3, t: 0 } }, brand: {}, tag: {}, price: {} },
};

describe("preferences", () => {
  it("lists the visitor's interests with their kind", () => {
    const { items, root } = panel({ profile: INTERESTS });
    expect(root.querySelector("h2")?.textContent).toBe("What this shop remembers about you");
    expect(items("Your interests")).toEqual(["KhaadiBrand×", "Shoes > RunningCategory×"]);
  });

  it("re-renders once the stored profile has been read", async () => {
    let loaded = () => undefined as void;
    const f = fakeShopkeeper({ ready: new Promise<void>((r) => (loaded = r)) });
    const host = document.createElement("div");
    preferences(host, f.sk, {});
    expect(host.shadowRoot!.textContent).toContain("Nothing yet.");
    f.profile.stated = ["tag:linen"];
    loaded();
    await flush();
    expect(host.shadowRoot!.textContent).toContain("linen");
  });

  it("shows what the visitor does elsewhere on the page at once, and stops listening when torn down", () => {
    const { root, profile, emit, teardown } = panel();
    profile.viewed = [{ id: "p1", title: "Trail runner", t: 0, session: 1, views: 1, seconds: 0 }];
    emit("view_item", { items: [{ id: "p1", title: "Trail runner" }] });
    expect(root.textContent).toContain("Trail runner");
    teardown();
    profile.stated = ["tag:linen"];
    emit("interest_add", { kind: "tag", value: "linen" });
    expect(root.textContent).not.toContain("linen");
  });

  it("names the contact channel the visitor prefers, in their language, once they pick one", () => {
    const { items, profile, emit } = panel({ config: { locale: "ur" } });
    expect(items("آپ کس طرح رابطہ پسند کرتے ہیں")).toEqual([]);
    profile.channel = { preferred: "phone", explicit: true, picks: { phone: 1 } };
    emit("channel_select", { channel: "phone", preferred: true });
    expect(items("آپ کس طرح رابطہ پسند کرتے ہیں")).toEqual(["کال کریں"]);
  });

  it("names a preferred channel this page does not configure by its type", () => {
    const { items } = panel({ profile: { channel: { preferred: "whatsapp:+92 300 7654321", explicit: true, picks: {} } } });
    expect(items("How you like to be contacted")).toEqual(["WhatsApp"]);
  });

  describe("names the preferred channel as the picker does", () => {
    const SALES = { type: "whatsapp", value: "+92 300 1234567" } as const;
    const SUPPORT = { type: "whatsapp", value: "+92 300 7654321" } as const;
    const preferring = (preferred: string, config: NonNullable<FakeOptions["config"]>) => panel({ config, profile: { channel: { preferred, explicit: true, picks: {} } } });

    it("by its label", () => {
      const { items } = preferring("whatsapp:+92 300 7654321", { channels: [{ ...SALES, label: "Sales" }, { ...SUPPORT, label: "Support" }] });
      expect(items("How you like to be contacted")).toEqual(["Support"]);
    });

    it.each([
      ["en", "How you like to be contacted", "WhatsApp"],
      ["ur", "آپ کس طرح رابطہ پسند کرتے ہیں", "WhatsApp"],
      ["ar", "طريقة التواصل المفضلة لديك", "واتساب"],
    ])("by its type and number when the type repeats (%s)", (locale, heading, name) => {
      const strings = { ar: { whatsapp: "واتساب" } };
      const { items, root } = preferring("whatsapp:+92 300 7654321", { locale, strings, channels: [SALES, SUPPORT] });
      expect(items(heading)).toEqual([`${name} +92 300 7654321`]);
      // The number in an isolate of its own, as in the picker: in right-to-left text its digit groups would run in reverse.
      const last = [...root.querySelectorAll("bdi")].pop()!;
      expect(last.textContent).toBe("+92 300 7654321");
    });

    it("the first of a type, stored as the type alone, by its number too", () => {
      const { items } = preferring("whatsapp", { channels: [SALES, SUPPORT] });
      expect(items("How you like to be contacted")).toEqual(["WhatsApp +92 300 1234567"]);
    });
  });

  it("lets the visitor type an interest right to left in a left-to-right panel", () => {
    // The field takes its direction from what is typed: an Urdu brand name on an English page.
    expect(panel().root.querySelector("input[name=v]")!.getAttribute("dir")).toBe("auto");
  });

  it("says so when there is nothing yet", () => {
    expect(panel().root.textContent).toContain("Nothing yet.");
  });

  it("describes each remove button by the interest's kind, as a category and a tag may share a name", () => {
    const { button, root } = panel({ profile: INTERESTS });
    const rm = button("Remove Khaadi");
    expect(root.getElementById(rm.getAttribute("aria-describedby")!)?.textContent).toBe("Brand");
  });

  it("removes an interest: tracks interest_remove and re-renders without it", () => {
    const { button, tracked, items } = panel({ profile: INTERESTS });
    button("Remove Shoes > Running").click();
    expect(tracked).toEqual([["interest_remove", { kind: "category", value: "Shoes > Running" }]]);
    expect(items("Your interests")).toEqual(["KhaadiBrand×"]);
  });

  describe("status", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it("announces every action, the same message too: empties the live region, then fills it", () => {
      const { button, root } = panel({ profile: INTERESTS });
      const status = root.querySelector("[role=status]")!;
      expect(status.textContent).toBe("");
      for (const name of ["Remove Shoes > Running", "Remove Khaadi"]) {
        button(name).click();
        expect(status.textContent).toBe("");
        vi.advanceTimersByTime(100);
        expect(status.textContent).toBe("Done.");
      }
      expect(root.querySelector("[role=status]")).toBe(status);
    });

    it("keeps the same live region through erasing everything", async () => {
      const { button, root } = panel({ profile: INTERESTS });
      const status = root.querySelector("[role=status]")!;
      button("Erase everything").click();
      root.querySelector<HTMLButtonElement>("[role=group] button")!.click();
      await flush();
      expect(root.querySelector("[role=status]")).toBe(status);
      expect(status.textContent).toBe("");
      vi.advanceTimersByTime(100);
      expect(status.textContent).toBe("Done.");
    });

    it("drops a pending announcement when torn down", () => {
      const { button, teardown } = panel({ profile: INTERESTS });
      button("Remove Khaadi").click();
      teardown();
      expect(vi.getTimerCount()).toBe(0);
    });
  });

  it("keeps keyboard focus in the list as interests are removed, then in the field to add one", () => {
    const { button, root } = panel({ profile: INTERESTS });
    button("Remove Khaadi").focus();
    button("Remove Khaadi").click();
    expect(root.activeElement).toBe(button("Remove Shoes > Running"));
    button("Remove Shoes > Running").click();
    expect(root.activeElement).toBe(root.querySelector("input[name=v]"));
  });

  it("adds an interest from the form: tracks interest_add and lists it", () => {
    const { root, tracked, items } = panel();
    const form = root.querySelector("form")!;
    form.querySelector("select")!.value = "tag";
    const input = form.querySelector("input")!;
    input.value = "  \u202Eorganic cotton ";
    form.querySelector("button")!.click();
    expect(tracked).toEqual([["interest_add", { kind: "tag", value: "organic cotton" }]]);
    expect(items("Your interests")).toEqual(["organic cottonTopic×"]);
    expect(input.value).toBe("");
  });

  it("ignores an empty interest", () => {
    const { root, tracked } = panel();
    root.querySelector("form button")!.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(tracked).toEqual([]);
  });

  it("describes segments in plain sentences and skips unknown ids", () => {
    const { items } = panel({ segments: ["loyal", "discount-seeker", "vip-2024"] });
    expect(items("Your visits")).toEqual(["You shop with us regularly.", "You like a good deal."]);
  });

  it("describes a shop's own audience when config.strings has a sentence for it", () => {
    const { items } = panel({ segments: ["vip"], config: { strings: { en: { "s:vip": "You are one of our VIPs." } } } });
    expect(items("Your visits")).toEqual(["You are one of our VIPs."]);
  });

  it("speaks Arabic, right to left", () => {
    const { root, items } = panel({ config: { locale: "ar" }, segments: ["loyal"] });
    expect(root.querySelector(".w")?.getAttribute("dir")).toBe("rtl");
    expect(root.querySelector("h2")?.textContent).toBe("ما يتذكره هذا المتجر عنك");
    expect(items("زياراتك")).toEqual(["تتسوق معنا بانتظام."]);
  });

  it("lists recently viewed products, linking only vetted URLs", () => {
    const { root } = panel({
      profile: {
        viewed: [
          { id: "1", title: "Lawn suit", url: "https://shop.example/p/1", t: 0, session: 1, views: 1, seconds: 3 },
          { id: "2", title: "Kurta", url: "javascript:alert(1)", t: 0, session: 1, views: 1, seconds: 3 },
        ],
      },
    });
    const h = [...root.querySelectorAll("h3")].find((x) => x.textContent === "Recently viewed")!;
    const lis = h.nextElementSibling!.querySelectorAll("li");
    expect(lis[0]!.querySelector("a")?.href).toBe("https://shop.example/p/1");
    expect(lis[1]!.querySelector("a")).toBeNull();
    expect(lis[1]!.textContent).toBe("Kurta");
  });

  it("switches personalisation off and on", () => {
    const { root, tracked } = panel();
    const sw = () => root.querySelector<HTMLButtonElement>("[role=switch]")!;
    expect(sw().textContent).toBe("Personalised suggestions");
    expect(sw().getAttribute("aria-checked")).toBe("true");
    sw().click();
    expect(sw().getAttribute("aria-checked")).toBe("false");
    sw().click();
    expect(tracked).toEqual([
      ["personalization", { enabled: false }],
      ["personalization", { enabled: true }],
    ]);
    expect(sw().getAttribute("aria-checked")).toBe("true");
  });

  it("shows the switch's state without colour, and keeps its name", () => {
    const { root } = panel();
    const sw = root.querySelector<HTMLButtonElement>("[role=switch]")!;
    // Generated content (with its alt text) of the ::before and ::after rules that match the switch.
    const marks = () =>
      ([...root.adoptedStyleSheets[0]!.cssRules] as CSSStyleRule[])
        .filter((r) => /::?(before|after)$/.test(r.selectorText ?? "") && sw.matches(r.selectorText.replace(/::?\w+$/, "")))
        .map((r) => r.style.getPropertyValue("content"));
    const on = marks();
    sw.click();
    const off = marks();
    expect(on).not.toEqual(off);
    // Empty alt text: the mark is not part of the accessible name.
    for (const c of [...on, ...off]) expect(c).toMatch(/\/\s*""$/);
    expect(sw.textContent).toBe("Personalised suggestions");
    expect(sw.getAttribute("aria-label")).toBeNull();
  });

  it("keeps the Escape that closes the dialog from the page's own Escape handlers", () => {
    const drawer = vi.fn();
    document.addEventListener("keydown", drawer);
    try {
      const { button } = panel({}, () => undefined);
      button("Close").dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, composed: true }));
      expect(drawer).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener("keydown", drawer);
    }
  });

  it("draws the dialog's edge in forced colours, where its background is gone", () => {
    const dialog = panel({}, () => undefined).root.querySelector("dialog")!;
    const css = getComputedStyle(dialog);
    expect([css.borderTopStyle, css.borderTopWidth, css.borderTopColor]).toEqual(["solid", "1px", "transparent"]);
  });

  describe("download", () => {
    beforeEach(() => {
      URL.createObjectURL = vi.fn(() => "blob:https://shop.example/1");
      URL.revokeObjectURL = vi.fn();
    });

    it("saves the export as a JSON file", async () => {
      const clicked: HTMLAnchorElement[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
      const { button, sk } = panel({ profile: INTERESTS });
      button("Download my data").click();
      await flush();
      expect(sk.export).toHaveBeenCalled();
      expect(clicked[0]?.download).toBe("shopkeeper-data.json");
      expect(clicked[0]?.href).toBe("blob:https://shop.example/1");
      const blob = vi.mocked(URL.createObjectURL).mock.calls[0]![0] as Blob;
      expect(blob.type).toBe("application/json");
      const json = JSON.parse(await blob.text());
      expect(json.format).toBe("shopkeeper-export");
      expect(json.profile.stated).toEqual(["brand:Khaadi"]);
    });
  });

  describe("erase", () => {
    afterEach(() => vi.useRealTimers());

    it("asks to confirm, and cancelling keeps everything", () => {
      const { button, root, sk } = panel({ profile: INTERESTS });
      button("Erase everything").click();
      expect(root.querySelector("[role=group]")?.textContent).toContain("Erase all this shop remembers on this device?");
      button("Cancel").click();
      expect(root.querySelector("[role=group]")).toBeNull();
      expect(sk.forget).not.toHaveBeenCalled();
    });

    it("calls forget after the confirm step and re-renders empty", async () => {
      const { button, root, sk, items } = panel({ profile: INTERESTS });
      button("Erase everything").click();
      const confirm = root.querySelector<HTMLButtonElement>("[role=group] button")!;
      expect(root.activeElement).toBe(confirm);
      confirm.click();
      await flush();
      expect(sk.forget).toHaveBeenCalledTimes(1);
      expect(items("Your interests")).toEqual([]);
      expect(root.textContent).toContain("Nothing yet.");
      expect(root.querySelector("[role=group]")).toBeNull();
    });
  });
});
