/**
 * The npm entry: `import { createShopkeeper } from "shopkeeper"`. Importing it has no side
 * effects and touches no browser global, so it is safe under SSR.
 */
export { createShopkeeper, VERSION } from "./create-shopkeeper";
export { ShopkeeperConfigError, isShopkeeperConfigError, parseConfig } from "./config";
export { topInterests, type Interest } from "./profile/interests";
export { vetHttpUrl } from "./url";
export { warnOnce } from "./log";
export { focusedElement, focusedField } from "./track/focused-field";
export type * from "./types";
