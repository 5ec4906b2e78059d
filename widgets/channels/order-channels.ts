import type { Channel, ChannelType } from "../../src/index";

/**
 * The name a channel is picked and preferred by: its type, or, for a later channel of the same type
 * (a support WhatsApp after the sales one), its type and value, so that a preference names one
 * channel. The first of a type keeps the bare type, which is what profiles stored before meant.
 * Cut to the 32 characters the profile keeps.
 * @example channelKey(support, [sales, support]) // "whatsapp:+92 300 7654321"
 */
export const channelKey = (c: Channel, list: Channel[]): string =>
  list.find((d) => d.type == c.type) == c ? c.type : (c.type + ":" + c.value).slice(0, 32);

/**
 * Orders channels for this visitor: the one they prefer first (by `channelKey`), then the shop's
 * order for the first of their `segments` that has one (`config.channelOrder`), then the
 * configured order.
 * @example orderChannels(channels, "email", ["loyal"], { loyal: ["whatsapp"] })
 */
export const orderChannels = <C extends Channel>(list: C[], preferred: string | undefined, segments: string[], order: Record<string, ChannelType[]> = {}): C[] => {
  const seg = segments.map((s) => ({}).hasOwnProperty.call(order, s) && order[s]).find(Array.isArray) || [];
  const rank = (c: C) => (channelKey(c, list) == preferred ? -1 : seg.indexOf(c.type) + 1 || 99);
  return [...list].sort((a, b) => rank(a) - rank(b));
};
