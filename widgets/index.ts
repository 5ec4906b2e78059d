/**
 * The widgets entry (`shopkeeper/widgets`): preact views that render into shadow roots and reach
 * the core only through the public instance. Import only what you use; nothing runs on import.
 * @example
 * import { createShopkeeper } from "shopkeeper";
 * import { recommendations, preferences, autoMount } from "shopkeeper/widgets";
 * const sk = createShopkeeper({ catalog: "/catalog.json" });
 * autoMount(sk, { recommendations, preferences });
 */
export { recommendations, type RecommendationsOptions, type ObserverFactory } from "./recommendations/recommendations";
export { preferences, type PreferencesOptions } from "./preferences/preferences";
export { openPreferences } from "./preferences/open-preferences";
export { autoMount } from "./auto-mount";
export { renderInShadow, popupHost, type Mounted } from "./mount";
export { createI18n, type I18n } from "./i18n/index";
export { BASE_CSS } from "./ui/base-css";
export { channels, floatingChannels } from "./channels/index";
export { startSurveys } from "./survey/index";
