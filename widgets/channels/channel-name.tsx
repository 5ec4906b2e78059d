import type { Channel } from "../../src/index";
import { cleanText } from "../i18n/text";

/**
 * The name a channel of `list` is shown by, in the pickers and the preferences panel: its label,
 * else its type's name (`t` is the pickers' translator); and its value too when another channel of
 * the list would read the same (two WhatsApp numbers without labels), to tell them apart. Shown
 * with `nameText`.
 * @example channelName(support, [sales, support], t) // ["WhatsApp", "+92 300 7654321"]
 */
export function channelName(c: Channel, list: Channel[], t: (key: string) => string): [string, string?] {
  const nameOf = (d: Channel) => cleanText(d.label || t(d.type), 60);
  const name = nameOf(c);
  return list.some((d) => d != c && nameOf(d) == name) ? [name, cleanText(c.value, 60)] : [name];
}

/**
 * A `channelName` as text: each part in an isolate of its own, as in right-to-left text a number's
 * digit groups would run in reverse.
 */
export const nameText = ([name, value]: [string, string?]) => [<bdi dir="auto">{name}</bdi>, value && " ", value && <bdi dir="auto">{value}</bdi>];
