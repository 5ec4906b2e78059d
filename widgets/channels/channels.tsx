import type { Widget } from "../../src/index";
import { createI18n } from "../i18n/index";
import { renderInShadow } from "../mount";
import { ChannelList, LIVE, type ListState } from "./channel-list";
import { validChannels } from "./valid-channels";
import { CHANNELS_CSS } from "./channels-css";
import { CHANNEL_STRINGS } from "./strings";

/**
 * The inline channel picker for a `<div data-shopkeeper="channels">` slot: a heading and the
 * configured contact channels, ordered for this visitor. With no valid channel the slot is hidden
 * and left empty. Returns its teardown.
 * @example sk.mount(document.querySelector("#contact"), channels)
 */
export const channels: Widget<object> = (host, sk) => {
  const list = validChannels(sk);
  if (!list.length) {
    host.hidden = true;
    return () => undefined;
  }
  const i18n = createI18n(sk, CHANNEL_STRINGS, "channels");
  const state: ListState = {};
  const m = renderInShadow(
    host,
    () => (
      <section part="picker" aria-labelledby="skt">
        <h2 id="skt">{i18n.t("title")}</h2>
        <ChannelList sk={sk} i18n={i18n} list={list} state={state} update={() => m.update()} />
      </section>
    ),
    { css: CHANNELS_CSS, sk, events: LIVE, cleanup: () => clearTimeout(state.t) },
  );
  return m.teardown;
};
