import { render, type VNode } from "preact";
import type { Shopkeeper } from "../src/index";
import { getLocale } from "./i18n/index";

/** What `renderInShadow` hands back: re-render, remove, and the shadow root for queries. */
export interface Mounted {
  update(): void;
  teardown(): void;
  root: ShadowRoot;
}

const sheets: Record<string, CSSStyleSheet> = {};
const popups = new WeakSet<HTMLElement>();

/**
 * Renders `view()` into an open shadow root on `host`, isolated from the page's CSS. Call once per
 * widget; `update()` re-renders after a state change, `teardown()` unmounts and empties the root.
 * The CSS is adopted as a constructable stylesheet (shared per CSS string), or, where that is
 * missing, injected as `<style nonce>` with `config.nonce` for strict CSPs.
 * @example const m = renderInShadow(slot, () => <p>Hi</p>, { css: BASE_CSS, sk });
 */
export function renderInShadow(
  host: HTMLElement,
  view: () => VNode | null,
  options: { css: string; sk: Shopkeeper; label?: string },
): Mounted {
  const { css, sk, label } = options;
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  const [locale, , dir] = getLocale(sk);
  const wrap = document.createElement("div");
  const theme = sk.config.theme;
  wrap.className = "w" + (theme == "dark" || theme == "light" ? " " + theme : "");
  wrap.lang = locale;
  wrap.dir = dir;
  wrap.setAttribute("part", "root");
  if (label) {
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", label);
  }
  root.replaceChildren();
  try {
    let sheet = sheets[css];
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css);
    root.adoptedStyleSheets = [(sheets[css] = sheet)];
  } catch {
    // No constructable stylesheets (Safari < 16.4): https://caniuse.com/mdn-api_cssstylesheet_cssstylesheet
    const style = document.createElement("style");
    if (sk.config.nonce) style.nonce = sk.config.nonce;
    style.textContent = css;
    root.append(style);
  }
  root.append(wrap);
  const update = () => render(view(), wrap);
  update();
  return {
    update,
    teardown() {
      render(null, wrap);
      root.replaceChildren();
      if (popups.has(host)) host.remove();
    },
    root,
  };
}

/**
 * Appends a host element for a pop-up (dialog, floating button) to `<body>`, or returns the one
 * already there with this `id`. The `teardown()` of a `renderInShadow` on it removes it again.
 */
export function popupHost(id: string): HTMLElement {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement("div");
    el.id = id;
    document.body.append(el);
  }
  popups.add(el);
  return el;
}
