import { render, type VNode } from "preact";
import { warnOnce, type EventName, type LocalEvent, type Shopkeeper } from "../src/index";
import { getLocale } from "./i18n/index";

/** What `renderInShadow` hands back: re-render, remove, and the shadow root for queries. */
export interface Mounted {
  update(): void;
  teardown(): void;
  root: ShadowRoot;
}

const sheets: Record<string, CSSStyleSheet> = {};
const popups = new WeakSet<HTMLElement>();
// The live render of each host: a second render on the same host ends the first, so an old view
// cannot keep observing (and counting) the new one's elements.
const live = new WeakMap<HTMLElement, (keep?: 1) => void>();

/**
 * Renders `view()` into an open shadow root on `host`, isolated from the page's CSS. Call once per
 * widget; `update()` re-renders after a state change, `teardown()` unsubscribes, runs `cleanup`,
 * unmounts and empties the root. With `events`, it also re-renders once storage was read and after
 * each of those events. Rendering again on the same host tears the previous render down first;
 * after that, its `update()` and `teardown()` do nothing.
 * The CSS is adopted as a constructable stylesheet (shared per CSS string), or, where that is
 * missing, injected as `<style nonce>` with `config.nonce` for strict CSPs.
 * @example const m = renderInShadow(slot, () => <p>Hi</p>, { css: BASE_CSS, sk });
 */
export const renderInShadow = (
  host: HTMLElement,
  view: () => VNode | null,
  options: { css: string; sk: Shopkeeper; cleanup?: () => void; events?: readonly (EventName | LocalEvent)[] },
): Mounted => {
  const { css, sk, cleanup, events } = options;
  // Kept in the document: the new render reuses a pop-up host.
  live.get(host)?.(1);
  const root = host.shadowRoot || host.attachShadow({ mode: "open" });
  const [locale, , dir] = getLocale(sk);
  const wrap = document.createElement("div");
  const theme = sk.config.theme;
  wrap.className = "w" + (theme == "dark" || theme == "light" ? " " + theme : "");
  wrap.lang = locale;
  wrap.dir = dir;
  wrap.setAttribute("part", "root");
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
  let on = true;
  const update = () => on && render(view(), wrap);
  const teardown = (keep?: 1) => {
    if (!on) return;
    on = false;
    live.delete(host);
    for (const off of offs) off();
    cleanup?.();
    render(null, wrap);
    root.replaceChildren();
    if (!keep && popups.has(host)) host.remove();
  };
  const offs = (events || []).map((name) => sk.on(name, update));
  // A render that throws here would reach the page as an unhandled rejection.
  if (events) sk.ready.then(update).catch((e) => warnOnce("render", "widget render failed", e));
  live.set(host, teardown);
  update();
  return { update, teardown: () => teardown(), root };
};

/**
 * Appends a host element for a pop-up (dialog, floating button) to `<body>`, or returns the one
 * already there with this `id`. The `teardown()` of a `renderInShadow` on it removes it again.
 */
export const popupHost = (id: string): HTMLElement => {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement("div");
    el.id = id;
    document.body.append(el);
  }
  popups.add(el);
  return el;
};
