import type { Shopkeeper } from "../../src/index";
import { openSurvey } from "./open-survey";

/**
 * Renders each survey the core decides to show (its `survey_shown` event) as a dialog, one at a
 * time. If the visitor is typing in a field at that moment, the dialog waits until the field
 * loses focus. Returns a function that stops listening and closes an open survey.
 * @example const stop = startSurveys(sk)
 */
export function startSurveys(sk: Shopkeeper): () => void {
  let close: (() => void) | undefined;
  const off = sk.on("survey_shown", ({ props }) => {
    const survey = sk.config.surveys?.find((s) => s.id == props.surveyId);
    // config.surveys holds only surveys the core validated (each has questions).
    if (!survey || close) return;
    const open = () => {
      if (!close) close = openSurvey(sk, survey, () => (close = undefined));
    };
    const a = document.activeElement as HTMLElement | null;
    if (a?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(a?.tagName || "")) a!.addEventListener("blur", open, { once: true });
    else open();
  });
  return () => {
    off();
    close?.();
  };
}
