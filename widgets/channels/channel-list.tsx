import { warnOnce, type Shopkeeper } from "../../src/index";
import type { I18n } from "../i18n/index";
import { cleanText } from "../i18n/text";
import { openPreferences } from "../preferences/open-preferences";
import { QrCode } from "../qr/qr-code";
import { channelHours } from "./channel-hours";
import { channelHref } from "./channel-link";
import { orderChannels } from "./order-channels";

/** What the list remembers between renders: the visitor's pick and which QR code is open. */
export interface ListState {
  pref?: string;
  qr?: number;
}

/**
 * The channel list both pickers render: valid channels in the visitor's order, each a real link
 * (or a button for `chat`), with opening hours, a "prefer this" toggle and, on desktop, a
 * WhatsApp QR code. Invalid channels are left out with one console warning each.
 */
export function ChannelList({ sk, i18n, state, update }: { sk: Shopkeeper; i18n: I18n; state: ListState; update: () => void }) {
  const { t } = i18n;
  const now = Date.now();
  const title = sk.pageProducts()[0]?.title;
  const product = title && cleanText(title, 80);
  const pref = state.pref ?? sk.profile().channel.preferred;
  const fine = !!globalThis.matchMedia?.("(pointer:fine)").matches;
  const time = (at: number) =>
    new Intl.DateTimeFormat(i18n.locale, { hour: "numeric", minute: "2-digit", ...(new Date(at).getDate() != new Date(now).getDate() && { weekday: "short" }) }).format(at);
  const list = (sk.config.channels || []).filter((c) => {
    const ok = c.type == "chat" || channelHref(c, "", location.href);
    if (!ok) warnOnce(`channel:${c.type}:${c.value}`, `${c.type} channel "${c.value}" is invalid; hidden`);
    return ok;
  });
  const pick = (channel: string, preferred?: true) => sk.track("channel_select", preferred ? { channel, preferred } : { channel });
  return (
    <>
    <ul part="channels">
      {orderChannels(list, pref, sk.segments(), sk.config.channelOrder).map((c, i) => {
        const name = cleanText(c.label || t(c.type), 60);
        const raw = product ? (c.message || t("msg")).replace("{product}", product) : c.message?.includes("{product}") ? "" : c.message;
        const href = channelHref(c, raw, location.href);
        const h = c.hours && channelHours(c.hours, now);
        const on = c.type == pref;
        const qr = fine && c.type == "whatsapp" && href;
        return (
          <li part="channel" key={c.type + c.value}>
            {href ? (
              <a class="p" part="channel-link" href={href} {...(href[0] == "h" && { target: "_blank", rel: "noopener" })} onClick={() => pick(c.type)}>
                <bdi dir="auto">{name}</bdi>
              </a>
            ) : (
              <button
                class="p"
                part="channel-link"
                onClick={() => {
                  pick("chat");
                  dispatchEvent(new CustomEvent("shopkeeper:chat", { detail: { product: title } }));
                }}
              >
                <bdi dir="auto">{name}</bdi>
              </button>
            )}
            <button part="prefer" aria-pressed={on} aria-label={t("prefer", { name })} onClick={() => (pick((state.pref = c.type), true), update())}>
              {on ? "★" : "☆"}
            </button>
            {qr && (
              <button part="qr-toggle" aria-expanded={state.qr == i} onClick={() => ((state.qr = state.qr == i ? -1 : i), update())}>
                {t("qr")}
              </button>
            )}
            {h && <span class="mu">{h.open ? t("open") : h.next && t("closed", { time: time(h.next) })}</span>}
            {qr && state.qr == i && <QrCode text={href.length < 272 ? href : channelHref(c)!} label={t("scan")} />}
          </li>
        );
      })}
    </ul>
    <button class="mu" part="why" onClick={(e) => openPreferences(sk, e.currentTarget)}>
      {t("why")}
    </button>
    </>
  );
}
