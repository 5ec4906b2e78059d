import { focusedElement, type AnswerValue, type Shopkeeper, type Survey, type SurveyQuestion } from "../../src/index";
import { createI18n } from "../i18n/index";
import { cleanText } from "../i18n/text";
import { popupHost, renderInShadow } from "../mount";
import { openPreferences } from "../preferences/open-preferences";
import { nextQuestion } from "./next-question";
import { SURVEY_STRINGS } from "./strings";
import { SURVEY_CSS } from "./survey-css";

// Scale ends per type: [lowest, highest].
const SCALES: Partial<Record<SurveyQuestion["type"], [number, number]>> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

/**
 * Opens `survey` as a modal dialog in a pop-up host: focus moves to the question (so a stray Enter
 * answers nothing) and stays in, Escape, the close button or a tap outside dismiss it, and focus
 * returns where it was. Scales move with the arrow keys, Home and End. Tracks
 * `survey_response` when it ends (or is dismissed after an answer) and `survey_dismissed`.
 * Returns a function that closes it silently; `onClose` runs once however it closes.
 */
export function openSurvey(sk: Shopkeeper, survey: Survey, onClose: () => void): () => void {
  const host = popupHost("shopkeeper-survey");
  // Inside another widget: the element itself, since focusing its shadow host does nothing.
  const opener = focusedElement(document) as HTMLElement | null;
  const { t, dir, num } = createI18n(sk, SURVEY_STRINGS, "survey");
  const surveyId = survey.id;
  const answers: Record<string, AnswerValue> = {};
  const text: Record<string, string> = {};
  let q = survey.questions[0];
  let picked: string[] = [];
  let answered = false;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = (completed: boolean) =>
    sk.track("survey_response", { surveyId, answers, ...(Object.keys(text).length && { text }), completed });
  const close = (dismissed?: boolean) => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    if (dismissed && q) {
      if (answered) send(false);
      sk.track("survey_dismissed", { surveyId, questionId: q.id });
    }
    // Removes the pop-up host too.
    m.teardown();
    opener?.focus?.();
    onClose();
  };
  const show = () => {
    m.update();
    m.root.getElementById("skq")!.focus();
  };
  // `undefined`: an optional question skipped.
  const answer = (value?: AnswerValue) => {
    const cur = q!;
    if (cur.type == "text") {
      if (value) text[cur.id] = value as string;
    } else if (value != null) answers[cur.id] = value;
    answered = true;
    picked = [];
    q = nextQuestion(cur, value!, survey.questions);
    if (!q) {
      send(true);
      timer = setTimeout(close, 4000);
    }
    show();
  };
  const keys = (e: KeyboardEvent) => {
    const dialog = e.currentTarget as HTMLElement;
    const all = [...dialog.querySelectorAll<HTMLElement>("button,input,textarea")].filter((e) => !(e as HTMLButtonElement).disabled);
    const on = m.root.activeElement;
    const at = all.indexOf(on as HTMLElement);
    // An input method (Japanese, Chinese, ...) takes Escape to cancel the word being composed.
    // The page's own Escape handlers (a drawer behind the survey) must not close too.
    if (e.key == "Escape" && !e.isComposing) e.stopPropagation(), close(true);
    // On the dialog itself (a click on its text) Tab wraps both ways; from the question, the
    // browser's own order leads on to its controls or back to Close.
    if (e.key == "Tab" && (on == dialog || at == (e.shiftKey ? 0 : all.length - 1))) {
      e.preventDefault();
      all[e.shiftKey ? all.length - 1 : 0]?.focus();
    }
    const scale = (e.target as HTMLElement).parentElement;
    if (scale?.className == "sc") {
      const b = [...scale.children] as HTMLElement[];
      const i = b.indexOf(e.target as HTMLElement);
      const r = dir == "rtl" ? -1 : 1;
      // Left and Right follow the reading direction; Up and Down do not.
      const to = { ArrowRight: i + r, ArrowLeft: i - r, ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: b.length - 1 }[e.key];
      if (to != null) {
        e.preventDefault();
        // Past either end the focus stays where it is.
        (b[to] || (e.target as HTMLElement)).focus();
      }
    }
  };

  const body = (q: SurveyQuestion) => {
    const range = SCALES[q.type];
    const label = (
      <legend id="skq" tabIndex={-1} dir="auto">
        {q.text}
      </legend>
    );
    const next = (v: () => AnswerValue | undefined, ok: boolean) => (
      <button class="p n" part="next" disabled={!ok} onClick={() => answer(v())}>
        {t("next")}
      </button>
    );
    if (range) {
      const [lo, hi] = range;
      return (
        <fieldset>
          {label}
          <div class="sc" part="scale">
            {Array.from({ length: hi - lo + 1 }, (_, k) => lo + k).map((n) => (
              <button
                aria-label={t("of", { n: num(n), max: num(hi) })}
                aria-describedby={n == lo ? "sklo" : n == hi ? "skhi" : undefined}
                onClick={() => answer(n)}
              >
                {num(n)}
              </button>
            ))}
          </div>
          <div class="e mu" part="scale-labels">
            <span id="sklo">{q.lowLabel || t(q.type + 0)}</span>
            <span id="skhi">{q.highLabel || t(q.type + 1)}</span>
          </div>
          {q.optional && next(() => undefined, true)}
        </fieldset>
      );
    }
    if (q.type == "text") {
      let area: HTMLTextAreaElement | null = null;
      const max = q.maxLength || 500;
      return (
        <div>
          <label class="q" id="skq" tabIndex={-1} for="ska" dir="auto">
            {q.text}
          </label>
          {/* Keyed: a second text question would otherwise keep the first one's answer in the box.
              dir="auto": Urdu or Arabic feedback in an English survey runs right to left. */}
          <textarea key={q.id} id="ska" part="text" dir="auto" maxLength={max} ref={(r) => void (area = r)} />
          {/* Line breaks kept: feedback written in paragraphs reaches the shop in paragraphs. */}
          {next(() => cleanText(area!.value, max, true), true)}
        </div>
      );
    }
    const multi = q.type == "multi";
    return (
      <fieldset>
        {label}
        {q.choices!.map((c) => (
          <label>
            <input
              type={multi ? "checkbox" : "radio"}
              name="skc"
              checked={picked.includes(c)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                picked = multi ? picked.filter((x) => x != c).concat(on ? [c] : []) : [c];
                m.update();
              }}
            />
            <bdi dir="auto">{c}</bdi>
          </label>
        ))}
        {next(() => (multi ? picked : picked[0]), !!picked.length || !!q.optional)}
      </fieldset>
    );
  };

  const m = renderInShadow(
    host,
    () => (
      <div class="bd" part="backdrop" onClick={(e) => e.target == e.currentTarget && close(true)}>
        <div
          class="dl"
          part="dialog"
          role="dialog"
          aria-modal
          aria-labelledby="skq"
          aria-describedby={survey.title ? "skt" : undefined}
          // Focusable, so a click on its text keeps focus inside and Escape and Tab still reach it.
          tabIndex={-1}
          onKeyDown={keys}
        >
          {/* First in Tab order, as it is first on screen (top corner). */}
          <button class="x" part="close" aria-label={t("close")} onClick={() => close(true)}>
            ×
          </button>
          {survey.title && (
            <p class="mu" id="skt">
              {survey.title}
            </p>
          )}
          {q ? (
            body(q)
          ) : (
            <p id="skq" role="status" tabIndex={-1}>
              {survey.thanks || t("thanks")}
            </p>
          )}
          <button class="mu n" part="why" onClick={() => (close(true), openPreferences(sk, opener ?? undefined))}>
            {t("why")}
          </button>
        </div>
      </div>
    ),
    { css: SURVEY_CSS, sk },
  );
  show();
  return close;
}
