import { h } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { popupHost, renderInShadow } from "../../../widgets/mount";
import { BASE_CSS } from "../../../widgets/ui/base-css";
import { fakeShopkeeper } from "./fake-shopkeeper";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());

function slot() {
  const el = document.createElement("div");
  document.body.append(el);
  return el;
}

describe("renderInShadow", () => {
  afterEach(() => {
    document.documentElement.removeAttribute("lang");
    document.documentElement.removeAttribute("dir");
  });

  it("renders the view into an open shadow root and re-renders on update", () => {
    let n = 1;
    const host = slot();
    const m = renderInShadow(host, () => h("p", null, `count ${n}`), { css: BASE_CSS, sk: fakeShopkeeper().sk });
    expect(host.shadowRoot).toBe(m.root);
    expect(m.root.mode).toBe("open");
    expect(m.root.querySelector("p")?.textContent).toBe("count 1");
    n = 2;
    m.update();
    expect(m.root.querySelector("p")?.textContent).toBe("count 2");
  });

  it("adopts the stylesheet when constructable stylesheets exist", () => {
    const m = renderInShadow(slot(), () => null, { css: ".x{}", sk: fakeShopkeeper().sk });
    expect(m.root.adoptedStyleSheets).toHaveLength(1);
    expect(m.root.querySelector("style")).toBeNull();
  });

  it("falls back to a <style> with the configured nonce", () => {
    vi.stubGlobal("CSSStyleSheet", undefined);
    const m = renderInShadow(slot(), () => null, { css: ".y{color:red}", sk: fakeShopkeeper({ config: { nonce: "abc123" } }).sk });
    const style = m.root.querySelector("style");
    expect(style?.nonce).toBe("abc123");
    expect(style?.textContent).toBe(".y{color:red}");
    vi.unstubAllGlobals();
  });

  it.each([
    ["ur", "rtl"],
    ["ar-EG", "rtl"],
    ["en-GB", "ltr"],
  ])("sets lang and dir from locale %s", (locale, dir) => {
    const m = renderInShadow(slot(), () => null, { css: "", sk: fakeShopkeeper({ config: { locale } }).sk });
    const wrap = m.root.querySelector(".w") as HTMLElement;
    expect(wrap.lang).toBe(locale);
    expect(wrap.dir).toBe(dir);
  });

  it("follows the document's lang and dir when no locale is configured", () => {
    document.documentElement.lang = "he";
    document.documentElement.dir = "ltr";
    const wrap = renderInShadow(slot(), () => null, { css: "", sk: fakeShopkeeper().sk }).root.querySelector(".w") as HTMLElement;
    expect(wrap.lang).toBe("he");
    expect(wrap.dir).toBe("ltr");
  });

  it("sets a forced theme as a class", () => {
    const m = renderInShadow(slot(), () => null, { css: "", sk: fakeShopkeeper({ config: { theme: "dark" } }).sk });
    expect(m.root.querySelector("[part=root]")?.className).toBe("w dark");
  });

  it("ends the previous render when a host is rendered again", () => {
    const host = slot();
    const cleanup = vi.fn();
    let text = "old";
    const sk = fakeShopkeeper().sk;
    const first = renderInShadow(host, () => h("p", null, text), { css: "", sk, cleanup });
    const second = renderInShadow(host, () => h("p", null, "new"), { css: "", sk });
    expect(cleanup).toHaveBeenCalledTimes(1);
    text = "stale";
    first.update();
    first.teardown();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect([...second.root.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["new"]);
  });

  it("reports a render that throws once the profile is read, instead of rejecting into the page", async () => {
    const { warnOnce } = await import("../../../src/index");
    let loaded = () => undefined as void;
    const { sk } = fakeShopkeeper({ ready: new Promise<void>((r) => (loaded = r)) });
    let broken = false;
    renderInShadow(slot(), () => {
      if (broken) throw new TypeError("viewed.filter is not a function");
      return h("p", null, "ok");
    }, { css: BASE_CSS, sk, events: ["page_view"] });
    broken = true;
    loaded();
    await new Promise((r) => setTimeout(r));
    expect(warnOnce).toHaveBeenCalledWith("render", "widget render failed", expect.any(TypeError));
  });

  it("runs the cleanup once on teardown", () => {
    const cleanup = vi.fn();
    const m = renderInShadow(slot(), () => null, { css: "", sk: fakeShopkeeper().sk, cleanup });
    m.teardown();
    m.teardown();
    expect(cleanup).toHaveBeenCalledTimes(1);
  });

  it("empties the root on teardown", () => {
    const m = renderInShadow(slot(), () => h("p", null, "x"), { css: "", sk: fakeShopkeeper().sk });
    m.teardown();
    expect(m.root.childNodes).toHaveLength(0);
  });
});

describe("popupHost", () => {
  it("appends one host per id to body and removes it on teardown", () => {
    const host = popupHost("sk-pop");
    expect(popupHost("sk-pop")).toBe(host);
    expect(host.parentElement).toBe(document.body);
    renderInShadow(host, () => h("p", null, "x"), { css: "", sk: fakeShopkeeper().sk }).teardown();
    expect(document.getElementById("sk-pop")).toBeNull();
  });

  it("keeps a pop-up host in the page when it is rendered again", () => {
    const sk = fakeShopkeeper().sk;
    renderInShadow(popupHost("sk-again"), () => h("p", null, "one"), { css: "", sk });
    const m = renderInShadow(popupHost("sk-again"), () => h("p", null, "two"), { css: "", sk });
    expect(document.getElementById("sk-again")?.shadowRoot?.textContent).toBe("two");
    m.teardown();
    expect(document.getElementById("sk-again")).toBeNull();
  });
});

describe("BASE_CSS", () => {
  const wrapper = () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BASE_CSS);
    return ([...sheet.cssRules] as CSSStyleRule[]).find((r) => r.selectorText == ".w")!.style;
  };

  it("resets the inherited text properties a host theme can set on the slot", () => {
    const w = wrapper();
    expect([w.getPropertyValue("word-break"), w.getPropertyValue("overflow-wrap"), w.getPropertyValue("hyphens")]).toEqual(["normal", "normal", "manual"]);
    // happy-dom drops -webkit- properties it does not know, so this one is read from the text.
    expect(BASE_CSS).toMatch(/\.w\{[^}]*-webkit-text-fill-color:currentcolor/);
  });

  it("keeps a host's text-decoration out by making the wrapper an atomic inline with no strut above it", () => {
    expect(wrapper().getPropertyValue("display")).toBe("inline-block");
    expect(BASE_CSS).toMatch(/:host\{[^}]*line-height:0!important/);
  });
});
