// The script tag a shop owner pastes (`dist/shopkeeper.js`): the core plus every widget, with
// slots filled on load and later, exit surveys and the floating contact button from config.
// These imports set the order of the bundle. A widget first puts preact (the first import of
// every .tsx file) at its top, which gzips about 290 B smaller than starting with the core; the
// rest of the order is the smallest measured too.
import { preferences } from "./preferences/preferences";
import { autoMount } from "./auto-mount";
import { startScriptTag } from "../src/loader";
import { channels, floatingChannels } from "./channels/index";
import { startSurveys } from "./survey/index";
import { getLocale } from "./i18n/index";
import { recommendations } from "./recommendations/recommendations";

const widgets = { recommendations, preferences, channels };

try {
  startScriptTag({
    widgets,
    onStart: startSurveys,
    later: [
      // The locale alone first: Intl.Locale's maximize() loads its data on first use (7-40 ms on
      // a CPU slowed 4x), which took the task that renders the shelves to 50-64 ms. The widgets
      // resolve it again, then at no cost.
      getLocale,
      (sk) => {
        autoMount(sk, widgets);
        floatingChannels(sk);
      },
    ],
  });
} catch (error) {
  console.warn("[shopkeeper] could not start", error);
}
