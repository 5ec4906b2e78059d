export { channels } from "./channels";
export { floatingChannels } from "./floating-channels";
export { channelHref } from "./channel-link";
export { channelHours } from "./channel-hours";
export { orderChannels } from "./order-channels";
