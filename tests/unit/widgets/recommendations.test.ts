import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recommendations, type ObserverFactory } from "../../../widgets/recommendations/recommendations";
import { fakeProduct, fakeShopkeeper, flush, type FakeOptions } from "./fake-shopkeeper";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());

/** An IntersectionObserver the test drives by hand. */
function manualObserver() {
  let fire: IntersectionObserverCallback = () => undefined;
  const observed = new Set<Element>();
  const factory: ObserverFactory = (cb) => {
    fire = cb;
    return { observe: (el) => void observed.add(el), unobserve: (el) => void observed.delete(el), disconnect: () => observed.clear() };
  };
  const show = (el: Element, ratio: number) =>
    fire([{ target: el, isIntersecting: ratio > 0, intersectionRatio: ratio } as IntersectionObserverEntry], {} as IntersectionObserver);
  return { factory, observed, show };
}

// Shelves share the page's record of what is shown: each test starts with none.
const mounted: (() => void)[] = [];
afterEach(() => mounted.splice(0).forEach((teardown) => teardown()));

async function shelf(fake: FakeOptions = {}, options = {}) {
  const f = fakeShopkeeper({ products: [fakeProduct("a"), fakeProduct("b"), fakeProduct("c")], ...fake });
  const host = document.createElement("div");
  document.body.append(host);
  const io = manualObserver();
  const teardown = recommendations(host, f.sk, { observe: io.factory, ...options });
  mounted.push(teardown);
  await flush();
  const root = host.shadowRoot!;
  const cards = () => [...root.querySelectorAll<HTMLElement>("[part=card]")];
  return { ...f, host, root, cards, io, teardown };
}

describe("recommendations", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("shows placeholders that reserve the shelf while loading", async () => {
    const { root, host } = await shelf({ pending: true }, { limit: 3 });
    const list = root.querySelector("ul")!;
    expect(list.getAttribute("aria-busy")).toBe("true");
    expect(list.querySelectorAll("li[aria-hidden=true]")).toHaveLength(3);
    expect(host.hidden).toBe(false);
  });

  it("builds each placeholder from a card's own boxes: image, three lines and the two buttons", async () => {
    const loaded = await shelf({ products: [fakeProduct("a", { price: 5 })] });
    const { root } = await shelf({ pending: true }, { limit: 1 });
    const outline = (li: Element) =>
      [...li.children].map((box) => [box.className, [...box.children].map((el) => el.localName == "div" ? el.className : el.localName == "button" ? el.textContent : "line")]);
    const placeholder = root.querySelector("li[aria-hidden=true]")!;
    expect(placeholder.className).toBe("c k");
    expect(placeholder.querySelector(".l > :nth-child(2)")?.className).toBe("t");
    expect(outline(placeholder)).toEqual(outline(loaded.cards()[0]!));
    expect(outline(placeholder)).toEqual([
      ["l", ["i", "line", "line", "line"]],
      ["x", ["Not interested", "Why am I seeing this?"]],
    ]);
  });

  it("renders one linked card per product with title, heading and reason", async () => {
    const { root, cards, sk } = await shelf({}, { strategy: "similar", product: "z", limit: 2, title: "You may also like" });
    // Three times the limit: room for what other shelves on the page already show.
    expect(sk.recommend).toHaveBeenCalledWith({ limit: 6, strategy: "similar", context: "z" });
    expect(root.querySelector("h2")?.textContent).toBe("You may also like");
    expect(cards()).toHaveLength(2);
    const link = cards()[0]!.querySelector("a")!;
    expect(link.href).toBe("https://shop.example/p/a");
    expect(link.querySelector("bdi[dir=auto]")?.textContent).toBe("Product a");
    expect(link.textContent).toContain("Because a");
    expect(root.querySelector("ul")?.getAttribute("aria-busy")).toBe("false");
  });

  it("keeps the name a reason isolates in a <bdi> of its own", async () => {
    const { cards } = await shelf({ products: [fakeProduct("a", { reasons: ["لأنك شاهدت \u2068Notepad++\u2069"] })] });
    const reason = cards()[0]!.querySelector(".r")!;
    expect(reason.querySelector("bdi")?.textContent).toBe("Notepad++");
    expect(reason.textContent).toBe("لأنك شاهدت Notepad++");
  });

  it("shows its placeholders again when rendered anew on a slot an empty shelf had hidden", async () => {
    const { host, teardown } = await shelf({ products: [] });
    teardown();
    mounted.push(recommendations(host, fakeShopkeeper({ pending: true }).sk, {}));
    expect(host.hidden).toBe(false);
  });

  it("hides the slot when there is nothing to recommend", async () => {
    const { host, root } = await shelf({ products: [] });
    expect(host.hidden).toBe(true);
    expect(root.querySelector("h2")).toBeNull();
  });

  it("hides the slot and warns once when recommendations fail", async () => {
    const { host } = await shelf({ recommendError: new Error("offline") });
    const { warnOnce } = await import("../../../src/index");
    expect(host.hidden).toBe(true);
    expect(warnOnce).toHaveBeenCalledWith("recommend", expect.any(String), expect.any(Error));
  });

  it("hides the slot when the guarded recommend() resolves nothing after a failure", async () => {
    const { sk } = fakeShopkeeper();
    sk.recommend = vi.fn(async () => undefined as never);
    const host = document.createElement("div");
    document.body.append(host);
    mounted.push(recommendations(host, sk, { observe: manualObserver().factory }));
    await flush();
    expect(host.hidden).toBe(true);
    expect(host.shadowRoot!.querySelectorAll("li")).toHaveLength(0);
  });

  it("hands the slot to a second shelf mounted on it: the first neither observes nor counts its cards", async () => {
    const { sk, tracked } = fakeShopkeeper({ products: [fakeProduct("a"), fakeProduct("b")] });
    const host = document.createElement("div");
    document.body.append(host);
    const first = manualObserver();
    const second = manualObserver();
    const stopFirst = recommendations(host, sk, { observe: first.factory });
    mounted.push(recommendations(host, sk, { observe: second.factory }));
    await flush();
    expect(first.observed.size).toBe(0);
    expect(second.observed.size).toBe(2);
    stopFirst();
    const cards = host.shadowRoot!.querySelectorAll("[part=card]");
    expect(cards).toHaveLength(2);
    second.show(cards[0]!, 1);
    vi.advanceTimersByTime(1000);
    expect(tracked.filter(([n]) => n === "recommendation_impression")).toHaveLength(1);
  });

  it("renders an unsafe URL as a plain, unlinked card and drops an unsafe image", async () => {
    const { cards } = await shelf({
      products: [fakeProduct("x", { url: "javascript:alert(1)", image: "data:image/png;base64,AAAA", title: "<img src=x onerror=alert(1)>" })],
    });
    const card = cards()[0]!;
    expect(card.querySelector("a")).toBeNull();
    expect(card.querySelector("img")).toBeNull();
    expect(card.querySelector("bdi")?.textContent).toBe("<img src=x onerror=alert(1)>");
  });

  it("drops fields the catalog flagged unsafe even when the URL looks fine", async () => {
    const { cards } = await shelf({ products: [fakeProduct("x", { unsafe: ["url"] })] });
    expect(cards()[0]!.querySelector("a")).toBeNull();
  });

  it("shows a lazy image with its size, silent as the title is read beside it", async () => {
    const { cards } = await shelf({ products: [fakeProduct("x", { image: "https://cdn.example/x.jpg" })] });
    const img = cards()[0]!.querySelector("img")!;
    expect(img.getAttribute("src")).toBe("https://cdn.example/x.jpg");
    expect(img.getAttribute("alt")).toBe("");
    expect(cards()[0]!.querySelector("a")?.textContent).toContain("Product x");
    expect(img.getAttribute("loading")).toBe("lazy");
    expect(img.getAttribute("width")).toBe("160");
  });

  it("shows the plain image box, not the browser's broken-image icon, for an image that fails to load", async () => {
    const { cards } = await shelf({ products: [fakeProduct("x", { image: "https://cdn.example/gone.jpg" })] });
    cards()[0]!.querySelector("img")!.dispatchEvent(new Event("error"));
    expect(cards()[0]!.querySelector("img")).toBeNull();
    expect(cards()[0]!.querySelector(".l > .i")).not.toBeNull();
  });

  it("shows a sale badge and the old price with a spoken 'Was' label", async () => {
    const { cards } = await shelf({
      config: { locale: "en-US" },
      products: [fakeProduct("s", { price: 80, compareAtPrice: 100, currency: "USD" }), fakeProduct("n", { price: 50, currency: "USD" })],
    });
    const [sale, plain] = cards();
    expect(sale!.querySelector(".b")?.textContent).toBe("Sale");
    expect(sale!.querySelector("[part=price]")?.textContent).toContain("$80.00");
    expect(sale!.querySelector("s")?.textContent).toBe("Was $100.00");
    expect(sale!.querySelector("s .sr-only")?.textContent?.trim()).toBe("Was");
    expect(plain!.querySelector("s")).toBeNull();
    expect(plain!.querySelector(".b")).toBeNull();
  });

  it("speaks Urdu, right to left, with localised buttons", async () => {
    const { root } = await shelf({ config: { locale: "ur-PK" } });
    expect(root.querySelector(".w")?.getAttribute("dir")).toBe("rtl");
    expect(root.querySelector("h2")?.textContent).toBe("آپ کے لیے تجاویز");
    expect(root.querySelector("[part=hide]")?.textContent).toBe("دلچسپی نہیں");
  });

  it("isolates each price from the Urdu words around it, so the currency sign stays put", async () => {
    const { cards } = await shelf({ config: { locale: "ur-PK" }, products: [fakeProduct("s", { price: 249, compareAtPrice: 311.25, currency: "USD" })] });
    const prices = [...cards()[0]!.querySelectorAll("[part=price] bdi")].map((b) => b.textContent);
    expect(prices).toEqual(["$249.00", "$311.25"]);
  });

  it("reloads when the visitor changes what was learned, keeping the cards until the new list arrives", async () => {
    const { cards, sk, emit, root } = await shelf();
    expect(sk.recommend).toHaveBeenCalledTimes(1);
    emit("interest_remove", { kind: "category", value: "Tents" });
    expect(sk.recommend).toHaveBeenCalledTimes(2);
    expect(root.querySelector("[aria-busy=true]")).toBeNull();
    expect(cards()).toHaveLength(3);
    emit("personalization", { enabled: false });
    emit("not_interested", { category: "Tents" });
    expect(sk.recommend).toHaveBeenCalledTimes(4);
  });

  it("reloads when a client-rendered page names its product and the shelf shows it", async () => {
    const { sk, emit } = await shelf();
    emit("view_item", { items: [{ id: "zz" }] });
    expect(sk.recommend).toHaveBeenCalledTimes(1);
    emit("view_item", { items: [{ id: "b" }] });
    expect(sk.recommend).toHaveBeenCalledTimes(2);
  });

  it("drops a product the visitor hid on another shelf, and stops listening when torn down", async () => {
    const { cards, sk, emit, teardown } = await shelf();
    emit("not_interested", { productId: "b" });
    expect(cards().map((c) => c.dataset.id)).toEqual(["a", "c"]);
    teardown();
    emit("interest_add", { kind: "tag", value: "linen" });
    expect(sk.recommend).toHaveBeenCalledTimes(1);
  });

  it("leaves out what shelves loaded before it already show, and gives it back when they go", async () => {
    const products = ["a", "b", "c", "d", "e"].map((id) => fakeProduct(id));
    const first = await shelf({ products }, { limit: 2 });
    const second = await shelf({ products }, { limit: 2 });
    const ids = (s: { cards: () => HTMLElement[] }) => s.cards().map((c) => c.dataset.id);
    expect(ids(first)).toEqual(["a", "b"]);
    expect(ids(second)).toEqual(["c", "d"]);
    first.teardown();
    const third = await shelf({ products }, { limit: 2 });
    expect(ids(third)).toEqual(["a", "b"]);
  });

  it("takes a shop's `recommendations.` override over the string shared with other widgets", async () => {
    const { root } = await shelf({ config: { strings: { en: { "recommendations.title": "Picked for you", title: "Contact us" } } } });
    expect(root.querySelector("h2")?.textContent).toBe("Picked for you");
  });

  it("removes a card the visitor is not interested in, tracks it and moves focus on", async () => {
    const { cards, tracked, root } = await shelf();
    const button = cards()[0]!.querySelector<HTMLButtonElement>("[part=hide]")!;
    expect(button.textContent).toBe("Not interested");
    button.click();
    expect(tracked).toContainEqual(["not_interested", { productId: "a" }]);
    expect(cards().map((c) => c.dataset.id)).toEqual(["b", "c"]);
    expect(root.activeElement?.closest("[part=card]")).toBe(cards()[0]);
  });

  it("hides the slot when the last card is dismissed", async () => {
    const { cards, host } = await shelf({ products: [fakeProduct("only")] });
    cards()[0]!.querySelector<HTMLButtonElement>("[part=hide]")!.click();
    expect(host.hidden).toBe(true);
  });

  it("moves focus on to what follows the shelf on the page when the last card is dismissed", async () => {
    const { cards, host } = await shelf({ products: [fakeProduct("only")] });
    const skipped = Object.assign(document.createElement("a"), { tabIndex: -1, textContent: "skip" });
    const disabled = Object.assign(document.createElement("button"), { disabled: true });
    const next = Object.assign(document.createElement("a"), { href: "/cart", textContent: "Cart" });
    host.after(skipped, disabled, next);
    const hide = cards()[0]!.querySelector<HTMLButtonElement>("[part=hide]")!;
    hide.focus();
    hide.click();
    expect(document.activeElement).toBe(next);
    [skipped, disabled, next].forEach((el) => el.remove());
  });

  it("counts an impression after half the card was visible for one second, once", async () => {
    const { cards, tracked, io } = await shelf();
    const card = cards()[1]!;
    expect(io.observed.has(card)).toBe(true);
    io.show(card, 0.6);
    vi.advanceTimersByTime(999);
    expect(tracked.filter(([n]) => n === "recommendation_impression")).toHaveLength(0);
    vi.advanceTimersByTime(1);
    io.show(card, 0.6);
    vi.advanceTimersByTime(2000);
    expect(tracked.filter(([n]) => n === "recommendation_impression")).toEqual([
      ["recommendation_impression", { productId: "b", strategy: "for-you", position: 2 }],
    ]);
  });

  it("does not count a card that leaves view before one second or is barely visible", async () => {
    const { cards, tracked, io } = await shelf();
    io.show(cards()[0]!, 0.7);
    vi.advanceTimersByTime(500);
    io.show(cards()[0]!, 0);
    io.show(cards()[1]!, 0.3);
    vi.advanceTimersByTime(3000);
    expect(tracked.filter(([n]) => n === "recommendation_impression")).toHaveLength(0);
  });

  it("does not count a card seen for less than a second before the tab was left, and counts it anew on return", async () => {
    const { cards, tracked, io } = await shelf();
    const tab = (state: "hidden" | "visible") => {
      Object.defineProperty(document, "visibilityState", { value: state, configurable: true });
      Object.defineProperty(document, "hidden", { value: state == "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    };
    const impressions = () => tracked.filter(([n]) => n === "recommendation_impression");
    try {
      io.show(cards()[0]!, 1);
      vi.advanceTimersByTime(600);
      tab("hidden");
      vi.advanceTimersByTime(5000);
      expect(impressions()).toHaveLength(0);
      expect(io.observed.size).toBe(0);
      tab("visible");
      // Observed again: the browser reports what is in view, as it does for a new observation.
      expect(io.observed.size).toBe(3);
      io.show(cards()[0]!, 1);
      vi.advanceTimersByTime(1000);
      expect(impressions()).toEqual([["recommendation_impression", { productId: "a", strategy: "for-you", position: 1 }]]);
    } finally {
      tab("visible");
    }
  });

  it("tracks a click before the link navigates, without preventing it", async () => {
    const { cards, tracked } = await shelf();
    const link = cards()[2]!.querySelector("a")!;
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(false);
    expect(tracked).toContainEqual(["recommendation_click", { productId: "c", strategy: "for-you", position: 3 }]);
  });

  it("opens the preferences panel as a dialog from 'Why am I seeing this?'", async () => {
    const { cards } = await shelf();
    const why = cards()[0]!.querySelector<HTMLButtonElement>("[part=why]")!;
    expect(why.textContent).toBe("Why am I seeing this?");
    why.click();
    const popup = document.getElementById("shopkeeper-preferences")!;
    const dialog = popup.shadowRoot!.querySelector("dialog")!;
    expect(dialog.open).toBe(true);
    expect(dialog.querySelector("h2")?.textContent).toBe("What this shop remembers about you");
    dialog.querySelector<HTMLButtonElement>("button")!.click();
    expect(document.getElementById("shopkeeper-preferences")).toBeNull();
  });

  it("gives focus back to the shelf when the card whose panel closes has left it meanwhile", async () => {
    const { cards, root, emit } = await shelf();
    cards()[2]!.querySelector<HTMLButtonElement>("[part=why]")!.click();
    // What the visitor did in the panel took that product off the shelf.
    emit("not_interested", { productId: "c" });
    document.getElementById("shopkeeper-preferences")!.shadowRoot!.querySelector("dialog")!.querySelector("button")!.click();
    expect(root.activeElement?.getAttribute("part")).toBe("why");
  });

  it("stops counting and empties the slot on teardown", async () => {
    const { cards, tracked, io, teardown, root } = await shelf();
    io.show(cards()[0]!, 1);
    teardown();
    vi.advanceTimersByTime(2000);
    expect(tracked).toHaveLength(0);
    expect(root.childNodes).toHaveLength(0);
  });
});

describe("focus after the panel a shelf opened", () => {
  it("goes on to the next control of the page when the shelf emptied and hid meanwhile", async () => {
    const { cards, host, emit, sk } = await shelf();
    const next = document.createElement("button");
    host.after(next);
    cards()[0]!.querySelector<HTMLButtonElement>("[part=why]")!.click();
    // The visitor switched personalisation off in the panel: nothing left to recommend.
    vi.mocked(sk.recommend).mockResolvedValue([]);
    emit("personalization", { enabled: false });
    await flush();
    expect(host.hidden).toBe(true);
    document.getElementById("shopkeeper-preferences")!.shadowRoot!.querySelector("dialog")!.querySelector("button")!.click();
    expect(document.activeElement).toBe(next);
    next.remove();
  });
});
