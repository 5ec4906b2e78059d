import type { Shopkeeper } from "../../src/index";
import { popupHost } from "../mount";
import { focusAfter } from "../ui/focus-after";
import { preferences } from "./preferences";

/**
 * Shows the preferences panel: scrolls to the page's `[data-shopkeeper="preferences"]` slot and
 * focuses its heading when there is one, else opens the panel as a modal dialog. Used by the
 * "Why am I seeing this?" button; closing returns focus to `from`, or when `from` is gone to the
 * first "why" button in its shadow root, or when that widget emptied too (a shelf hides) to the
 * page's next control after it, where Tab would have gone. Returns a function that closes.
 */
export function openPreferences(sk: Shopkeeper, from?: HTMLElement): () => void {
  const slot = document.querySelector("[data-shopkeeper=preferences]");
  const heading = slot?.shadowRoot?.querySelector("h2");
  if (heading) {
    slot!.scrollIntoView({ block: "start" });
    heading.focus();
    return () => undefined;
  }
  let open = true;
  // What the visitor does in the panel can re-render the widget they came from (a shelf reloads
  // without the card they opened it from): then focus goes to that widget's first such button.
  const root = from?.getRootNode() as ShadowRoot | undefined;
  const close = () => {
    if (open) teardown();
    open = false;
    (from?.isConnected ? from : root?.querySelector<HTMLElement>("[part=why]"))?.focus();
    // That widget emptied too (a shelf with nothing left hides): on to what follows it.
    if (root?.host && document.activeElement == document.body) focusAfter(root.host);
  };
  const teardown = preferences(popupHost("shopkeeper-preferences"), sk, { onClose: close });
  return close;
}
