import { focusedElement, focusedField, warnOnce, type Shopkeeper } from "../../src/index";
import { openSurvey } from "./open-survey";

/**
 * Renders each survey the core offers (its `survey_offer` signal) as a dialog, one at a time, and
 * tracks `survey_shown` when the dialog opens. In a hidden tab it waits until the tab is shown. If
 * the visitor is typing in a field at that moment (in a shadow root or an iframe too), the dialog
 * waits until no field has focus, and is dropped if the visitor meanwhile went on to another path
 * of an SPA. With focus in an open `<dialog>` it does not open (the next trigger offers it again).
 * Where the page does not allow shadow roots it listens to nothing, so no survey is offered.
 * Returns a function that stops listening and closes an open or waiting survey.
 * @example const stop = startSurveys(sk)
 */
export function startSurveys(sk: Shopkeeper): () => void {
  // The core offers no survey while nobody listens, and show() then says it did not open. So on a
  // page that took shadow roots away (an override of attachShadow, a broken polyfill), where no
  // dialog could render, nobody listens.
  try {
    document.createElement("div").attachShadow({ mode: "open" });
  } catch (e) {
    warnOnce("survey", "surveys off: no shadow root", e);
    return () => undefined;
  }
  let close: (() => void) | undefined;
  let unwait: (() => void) | undefined;
  // The path a survey was picked on.
  let path: string;
  const off = sk.on("survey_offer", ({ props }) => {
    const survey = sk.config.surveys?.find((s) => s.id == props.surveyId);
    // config.surveys holds only surveys the core validated (each has questions).
    if (!survey || close || unwait) return;
    path = location.pathname;
    const wait = () => {
      const field = focusedField(document);
      unwait = undefined;
      // It was picked for the page it was due on (its `urls`, a cart left there): an SPA navigation
      // while the visitor typed does not take it to the next page (the one after checkout).
      if (location.pathname != path) return;
      // A modal dialog (the shop's own, the preferences panel) makes the rest of the page inert: a
      // survey opened under it could be neither reached nor answered. Not opened, it is not counted
      // as shown, and the next trigger offers it again.
      if (focusedElement(document)?.closest("dialog[open]")) return;
      // In a background tab (a product opened in a new tab) nobody sees it: it waits for the tab to
      // be shown, and a tab closed unseen counts no survey as shown.
      const [on, type] = document.hidden ? [document, "visibilitychange"] : [field, "blur"];
      if (!on) return void ((close = openSurvey(sk, survey, () => (close = undefined))), sk.track("survey_shown", props));
      // Tabbing to the next field blurs this one before focusing that one: look again a tick later.
      let tick: ReturnType<typeof setTimeout> | undefined;
      const go = () => (tick = setTimeout(wait));
      on.addEventListener(type, go, { once: true });
      unwait = () => (on.removeEventListener(type, go), clearTimeout(tick));
    };
    wait();
  });
  // A new route unmounts the field without a blur in Firefox and Safari
  // (https://github.com/whatwg/html/issues/3847): the wait ends with the page.
  const offView = sk.on("page_view", () => location.pathname != path && (unwait?.(), (unwait = undefined)));
  return () => {
    off();
    offView();
    unwait?.();
    close?.();
  };
}
