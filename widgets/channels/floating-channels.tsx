import type { Shopkeeper } from "../../src/index";
import { cleanText } from "../i18n/text";
import { createI18n } from "../i18n/index";
import { popupHost, renderInShadow } from "../mount";
import { ChannelList, LIVE, type ListState } from "./channel-list";
import { validChannels } from "./valid-channels";
import { CHANNELS_CSS } from "./channels-css";
import { CHANNEL_STRINGS } from "./strings";

/**
 * A floating "Contact us" button in the bottom inline-end corner that opens a small panel with the
 * channel list. Escape (kept from the page's own handlers) or the button closes it and focus goes back to the button; it does not trap
 * focus, so the page stays usable, and closes when focus moves back to the page. Shows nothing when no configured channel is valid or the config
 * says `floatingChannels: false`. Returns a teardown that removes it.
 * @example const stop = floatingChannels(sk)
 */
export const floatingChannels = (sk: Shopkeeper): () => void => {
  const list = sk.config.floatingChannels === false ? [] : validChannels(sk);
  if (!list.length) return () => undefined;
  const host = popupHost("shopkeeper-channels");
  const i18n = createI18n(sk, CHANNEL_STRINGS, "channels");
  const state: ListState = {};
  let open = false;
  const toggle = (to: boolean) => {
    open = to;
    m.update();
    if (!to) m.root.querySelector<HTMLElement>(".fb")!.focus();
  };
  const m = renderInShadow(
    host,
    () => (
      <div
        class="fc"
        part="floating"
        // The Escape that closes the panel is not the page's too (its drawer or modal would close).
        onKeyDown={(e) => e.key == "Escape" && open && (e.stopPropagation(), toggle(false))}
        // Focus gone back to the page: the panel closes rather than hide what now has focus. Not
        // for our own pop-ups (the preferences dialog its link opens, a survey): they give focus
        // back to the element in the panel when they close, which must still be there.
        onFocusOut={(e) => {
          const to = e.relatedTarget as HTMLElement | null;
          if (open && to && !e.currentTarget.contains(to) && !/^shopkeeper-/.test(to.id)) (open = false), m.update();
        }}
      >
        <button class="p fb" part="button" aria-expanded={open} aria-controls="skp" onClick={() => toggle(!open)}>
          {i18n.t("title")}
        </button>
        {open && (
          <div id="skp" class="pn" part="panel" role="region" aria-label={cleanText(i18n.t("title"))}>
            <ChannelList sk={sk} i18n={i18n} list={list} state={state} update={() => m.update()} />
          </div>
        )}
      </div>
    ),
    { css: CHANNELS_CSS, sk, events: LIVE, cleanup: () => clearTimeout(state.t) },
  );
  // renderInShadow's teardown removes the pop-up host too.
  return m.teardown;
};
