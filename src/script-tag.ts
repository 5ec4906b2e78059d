// The data-only script tag (`dist/shopkeeper.core.js`): tracking, profile and events, no widgets.
import { startScriptTag } from "./loader";

try {
  startScriptTag();
} catch (error) {
  console.warn("[shopkeeper] could not start", error);
}
