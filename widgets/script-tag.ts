// The script tag a shop owner pastes (`dist/shopkeeper.js`): the core plus every widget, with
// slots filled on load and later, exit surveys and the floating contact button from config.
import { startScriptTag } from "../src/loader";
import { autoMount } from "./auto-mount";
import { recommendations } from "./recommendations/recommendations";
import { preferences } from "./preferences/preferences";
import { channels, floatingChannels } from "./channels/index";
import { startSurveys } from "./survey/index";

const widgets = { recommendations, preferences, channels };

try {
  startScriptTag({
    widgets,
    onStart(sk) {
      startSurveys(sk);
      autoMount(sk, widgets);
      floatingChannels(sk);
    },
  });
} catch (error) {
  console.warn("[shopkeeper] could not start", error);
}
