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

  it("sets a forced theme as a class and a label as a region name", () => {
    const m = renderInShadow(slot(), () => null, { css: "", sk: fakeShopkeeper({ config: { theme: "dark" } }).sk, label: "Shelf" });
    const wrap = m.root.querySelector("[role=region]");
    expect(wrap?.getAttribute("aria-label")).toBe("Shelf");
    expect(wrap?.classList.contains("dark")).toBe(true);
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
});
