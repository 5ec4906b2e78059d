import type { Channel, ChannelType } from "../../src/index";

/**
 * Orders channels for this visitor: the one they prefer first, then the shop's order for the
 * first of their `segments` that has one (`config.channelOrder`), then the configured order.
 * @example orderChannels(channels, "email", ["loyal"], { loyal: ["whatsapp"] })
 */
export function orderChannels<C extends Channel>(list: C[], preferred: string | undefined, segments: string[], order: Record<string, ChannelType[]> = {}): C[] {
  const seg = segments.map((s) => ({}).hasOwnProperty.call(order, s) && order[s]).find(Array.isArray) || [];
  const rank = (c: C) => (c.type == preferred ? -1 : seg.indexOf(c.type) + 1 || 99);
  return [...list].sort((a, b) => rank(a) - rank(b));
}
