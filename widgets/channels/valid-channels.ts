import { warnOnce, type Channel, type Shopkeeper } from "../../src/index";
import { channelHref } from "./channel-link";

/** The configured channels that can be shown; each invalid one is left out with one console warning. */
export function validChannels(sk: Shopkeeper): Channel[] {
  return (sk.config.channels || []).filter((c) => {
    const ok = c.type == "chat" || channelHref(c, "", location.href);
    if (!ok) warnOnce(`channel:${c.type}:${c.value}`, `${c.type} channel "${c.value}" is invalid; hidden`);
    return ok;
  });
}
