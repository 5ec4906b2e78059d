import type { Channel, Shopkeeper } from "../../src/index";
import type { I18n } from "../i18n/index";
import { cleanText } from "../i18n/text";
import { openPreferences } from "../preferences/open-preferences";
import { QrCode } from "../qr/qr-code";
import { channelHours } from "./channel-hours";
import { channelHref } from "./channel-link";
import { channelName, nameText } from "./channel-name";
import { channelKey, orderChannels } from "./order-channels";

/**
 * What the list remembers between renders: the visitor's pick, which QR code is open (type +
 * value), and the timer of the next minute's render; the picker clears `t` on teardown.
 */
export interface ListState {
  pref?: string;
  qr?: string;
  t?: ReturnType<typeof setTimeout>;
}

// A picker re-renders after each page or product view (an SPA navigation changes the product and the
// hours), after a pick in the other picker, which changes the order, and when the profile changed
// without an event of this tab (another tab's pick, an erase, consent granted).
export const LIVE = ["page_view", "view_item", "channel_select", "profile_change"] as const;

/**
 * The channel list both pickers render: `list` (from `validChannels`) in the visitor's order, each
 * a real link (or a button for `chat`), with opening hours, a "prefer this" toggle and, on desktop,
 * a WhatsApp QR code.
 */
export function ChannelList({ sk, i18n, list, state, update }: { sk: Shopkeeper; i18n: I18n; list: Channel[]; state: ListState; update: () => void }) {
  const { t } = i18n;
  const now = Date.now();
  const title = sk.pageProducts()[0]?.title;
  const product = title && cleanText(title, 80);
  const profile = sk.profile();
  // The visitor's pick shows at once, before the profile may hold it (storage not read yet); once
  // it does, the profile says what is preferred, so an erase or a later pick elsewhere shows here.
  // "" is a preference taken back.
  if (state.pref == (profile.channel.preferred || "")) delete state.pref;
  // With personalisation off, or in the holdout control group, only the visitor's own choice counts.
  const personal = profile.personalization && sk.group != "control";
  const pref = state.pref ?? (personal || profile.channel.explicit ? profile.channel.preferred : undefined);
  const fine = !!globalThis.matchMedia?.("(pointer:fine)").matches;
  // Hours open and close on the minute: on a page left open, "Closed now · opens 9:00" must not
  // outlive 9:00. One timer, to the next minute, while the list shows hours.
  clearTimeout(state.t);
  if (list.some((c) => c.hours)) state.t = setTimeout(update, 6e4 - (now % 6e4));
  const time = (at: number) =>
    new Intl.DateTimeFormat(i18n.locale, { hour: "numeric", minute: "2-digit", ...(new Date(at).getDate() != new Date(now).getDate() && { weekday: "short" }) }).format(at);
  // The pick can move its channel first, and a moved element loses focus: the control takes it back.
  const pick = (e: Event, channel: string, preferred?: boolean) => {
    sk.track("channel_select", preferred == null ? { channel } : { channel, preferred });
    update();
    (e.currentTarget as HTMLElement).focus();
  };
  return (
    <>
    <ul part="channels">
      {orderChannels(list, pref, personal ? sk.segments() : [], sk.config.channelOrder).map((c, n) => {
        const id = c.type + c.value;
        const key = channelKey(c, list);
        // Two channels by one name (two WhatsApp numbers without labels) are told apart by their
        // value, on screen and in each control's name.
        const named = channelName(c, list, t);
        const [name, twin] = named;
        const text = nameText(named);
        const msg = c.message || t("msg");
        // Every {product}, and split/join keeps "$&" or "$'" in a product title literal. With right-to-left
        // letters in the message, the name goes in an isolate (FSI…PDI): else "Shoe (XL)" in Urdu reads "(Shoe (XL".
        const raw = product ? msg.split("{product}").join(/[\u0590-\u08ff\ufb1d-\ufefc]/.test(msg + product) ? `\u2068${product}\u2069` : product) : c.message?.includes("{product}") ? "" : c.message;
        const href = channelHref(c, raw, location.href);
        const h = c.hours && channelHours(c.hours, now);
        const note = h && (h.open ? t("open") : h.next && t("closed", { time: time(h.next) }));
        const on = key == pref;
        const qr = fine && c.type == "whatsapp" && href;
        // Whether it is open, heard with the channel's name as the visitor tabs to it.
        const desc = note ? "h" + n : undefined;
        return (
          <li part="channel" key={id}>
            {href ? (
              <a class="p" part="channel-link" id={"c" + n} aria-describedby={desc} href={href} {...(href[0] == "h" && { target: "_blank", rel: "noopener" })} onClick={(e) => pick(e, key)}>
                {text}
              </a>
            ) : (
              <button
                class="p"
                part="channel-link"
                aria-describedby={desc}
                onClick={(e) => {
                  pick(e, key);
                  dispatchEvent(new CustomEvent("shopkeeper:chat", { detail: { product: title } }));
                }}
              >
                {text}
              </button>
            )}
            <button
              part="prefer"
              aria-pressed={on}
              aria-label={cleanText(t("prefer", { name: twin ? name + " " + twin : name }))}
              onClick={(e) => {
                // A toggle: pressed again, it takes the preference back.
                state.pref = on ? "" : key;
                pick(e, key, !on);
              }}
            >
              {on ? "★" : "☆"}
            </button>
            {qr && (
              // Described by its channel: two WhatsApp numbers each have a QR code button.
              <button part="qr-toggle" aria-expanded={state.qr == id} aria-describedby={"c" + n} onClick={() => ((state.qr = state.qr == id ? "" : id), update())}>
                {t("qr")}
              </button>
            )}
            {note && (
              <span class="mu" id={desc}>
                {note}
              </span>
            )}
            {qr && state.qr == id && <QrCode text={href.length < 272 ? href : channelHref(c)!} label={cleanText(t("scan"))} />}
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
