import type { Shopkeeper } from "../../src/index";
import { popupHost } from "../mount";
import { preferences } from "./preferences";

/**
 * Shows the preferences panel: scrolls to the page's `[data-shopkeeper="preferences"]` slot and
 * focuses its heading when there is one, else opens the panel as a modal dialog. Used by the
 * "Why am I seeing this?" button; closing returns focus to `from`. Returns a function that closes.
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
  const close = () => {
    if (open) teardown();
    open = false;
    from?.focus();
  };
  const teardown = preferences(popupHost("shopkeeper-preferences"), sk, { onClose: close });
  return close;
}
