import { vetHttpUrl, type Channel } from "../../src/index";

// Handle rules per type, after a leading "@" is dropped. No prototype in either table: a type
// named "constructor" must not reach Object.prototype.
const HANDLE = {
  __proto__: null,
  messenger: [/^[\w.]{1,64}$/, "https://m.me/"],
  instagram: [/^[\w.]{1,30}$/, "https://ig.me/m/"],
  telegram: [/^\w{5,32}$/, "https://t.me/"],
  x: [/^\w{1,15}$/, "https://x.com/"],
} as Partial<Record<Channel["type"], [RegExp, string]>>;

// Number links per type: [prefix, query key of the prefilled message (none for calls)].
const PHONE = {
  __proto__: null,
  whatsapp: ["https://wa.me/", "?text="],
  phone: ["tel:+"],
  sms: ["sms:+", "?body="],
} as Partial<Record<Channel["type"], [string, string?]>>;

/**
 * Builds the link for a contact channel from its structured `value`, or undefined when the value
 * is not valid for the type (and for `chat`, which is a button, not a link). Numbers keep only
 * their digits (Arabic-Indic and Persian digits included) and must be international (8–15 digits,
 * a leading `+` or `00`; a trunk "(0)" after the country code is dropped);
 * `message` prefills WhatsApp and SMS text and the email subject. An `x` value of digits only is
 * the account's numeric id and opens a direct message; any other is a handle and opens the profile.
 * `base` resolves a relative `link`.
 * @example channelHref({ type: "whatsapp", value: "+92 300 1234567" }, "Hi") // "https://wa.me/923001234567?text=Hi"
 */
export const channelHref = (channel: Channel, message?: string, base?: string): string | undefined => {
  const { type } = channel;
  const v = String(channel.value ?? "").trim();
  const q = message ? encodeURIComponent(message) : "";
  // Arabic-Indic (U+0660) and extended Arabic-Indic (U+06F0) digits to ASCII.
  const n = v.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 15));
  // Without "+" or "00" a number is national and its country unknown; "(0)" is the national trunk
  // prefix some write after the country code ("+44 (0)20 …") and never dialled from abroad.
  const digits = /^(?:\+|00)([\d\s().-]+)$/.exec(n.replace("(0)", ""))?.[1]!.replace(/\D/g, "");
  const phone = digits && /^[1-9]\d{7,14}$/.test(digits) && digits;
  if (type == "link") return vetHttpUrl(v, base);
  const tel = PHONE[type];
  if (tel) return phone ? tel[0] + phone + (q && tel[1] ? tel[1] + q : "") : undefined;
  if (type == "email") {
    const [, local, domain] = /^([^\s@"<>()[\]\\,;:?&#/%]{1,64})@((?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,63})$/i.exec(v) || [];
    return local ? `mailto:${encodeURIComponent(local)}@${domain!.toLowerCase()}${q && "?subject=" + q}` : undefined;
  }
  if (type == "x" && /^\d{1,20}$/.test(v)) return "https://x.com/messages/compose?recipient_id=" + v;
  const rule = HANDLE[type];
  const h = v.replace(/^@/, "");
  return rule && rule[0].test(h) ? rule[1] + h : undefined;
};
