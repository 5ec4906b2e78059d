import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Survey, SurveyQuestion } from "../../../src/types";
import { fakeShopkeeper, type Fake } from "./fake-shopkeeper";
import { startSurveys } from "../../../widgets/survey/index";
import { nextQuestion } from "../../../widgets/survey/next-question";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());

const NPS: SurveyQuestion = { id: "nps", type: "nps", text: "How likely are you to recommend us?" };
const survey = (questions: SurveyQuestion[], over: Partial<Survey> = {}): Survey => ({ id: "exit", trigger: "exit-intent", questions, ...over });

let fake: Fake;
let stop: () => void;
const root = () => document.getElementById("shopkeeper-survey")?.shadowRoot;
const dialog = () => root()?.querySelector<HTMLElement>("[role=dialog]");
const button = (name: string) =>
  [...root()!.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") || b.textContent) === name)!;
const active = () => root()?.activeElement;
const key = (k: string, opts: KeyboardEventInit = {}) =>
  (active() ?? dialog())!.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, composed: true, cancelable: true, ...opts }));
const responses = () => fake.tracked.filter(([n]) => n === "survey_response").map(([, p]) => p);

function open(surveys: Survey[], locale?: string) {
  fake = fakeShopkeeper({ config: { surveys, ...(locale && { locale }) } });
  stop = startSurveys(fake.sk);
  fake.emit("survey_offer", { surveyId: surveys[0]!.id });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** A button focused inside another widget's open shadow root; returns the button. */
function focusInShadow(tag = "button") {
  const host = document.createElement("div");
  const el = document.createElement(tag);
  host.attachShadow({ mode: "open" }).append(el);
  document.body.append(host);
  el.focus();
  return el;
}

describe("survey dialog", () => {
  it("is a modal dialog named by its question", () => {
    open([survey([NPS])]);
    const d = dialog()!;
    expect(d.getAttribute("aria-modal")).toBe("true");
    expect(root()!.getElementById(d.getAttribute("aria-labelledby")!)!.textContent).toBe(NPS.text);
  });

  it("ignores unknown survey ids", () => {
    fake = fakeShopkeeper({ config: { surveys: [survey([NPS])] } });
    stop = startSurveys(fake.sk);
    fake.emit("survey_offer", { surveyId: "nope" });
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
  });

  it("moves focus to the question, so a stray Enter answers nothing", () => {
    open([survey([NPS])]);
    expect(active()!.textContent).toBe(NPS.text);
    expect(active()!.getAttribute("tabindex")).toBe("-1");
  });

  it("puts the close button first in Tab order, and leaves Tab from the question to the browser", () => {
    open([survey([NPS])]);
    expect(root()!.querySelector("button")!.getAttribute("aria-label")).toBe("Close survey");
    expect(key("Tab")).toBe(true);
    expect(key("Tab", { shiftKey: true })).toBe(true);
  });

  it("keeps focus inside with Tab and Shift+Tab", () => {
    open([survey([NPS])]);
    button("Close survey").focus();
    key("Tab", { shiftKey: true });
    expect(active()!.textContent).toBe("Why am I seeing this?");
    key("Tab");
    expect(active()!.getAttribute("aria-label")).toBe("Close survey");
  });

  it("is described by the survey's title when it has one", () => {
    open([survey([NPS], { title: "Quick question" })]);
    expect(root()!.getElementById(dialog()!.getAttribute("aria-describedby")!)!.textContent).toBe("Quick question");
    stop();
    open([survey([NPS])]);
    expect(dialog()!.hasAttribute("aria-describedby")).toBe(false);
  });

  it("keeps the title clear of the close button in its corner", () => {
    open([survey([NPS], { title: "Quick question" })]);
    const title = [...root()!.querySelectorAll("p")].find((p) => p.textContent === "Quick question")!;
    expect(parseFloat(getComputedStyle(title).paddingInlineEnd)).toBeGreaterThan(parseFloat(getComputedStyle(button("Close survey")).width));
  });

  it("draws its edge in forced colours, where its shadow is gone", () => {
    open([survey([NPS])]);
    const css = getComputedStyle(dialog()!);
    expect([css.borderTopStyle, css.borderTopWidth, css.borderTopColor]).toEqual(["solid", "1px", "transparent"]);
  });

  it("rings focus in the accent between two bands of its own background, to contrast with any page", () => {
    open([survey([NPS])]);
    const ring = ([...root()!.adoptedStyleSheets[0]!.cssRules] as CSSStyleRule[]).find((r) => r.selectorText == ":focus-visible")!.style;
    expect(ring.getPropertyValue("outline-offset")).toBe("2px");
    // Spread 6px: 0–2px background, 2–4px the 2px accent outline, 4–6px background again.
    expect(ring.getPropertyValue("box-shadow")).toBe("0 0 0 6px var(--b)");
  });

  it("closes on Escape, tracks the dismissal and gives focus back", () => {
    const field = document.createElement("button");
    document.body.append(field);
    field.focus();
    open([survey([NPS])]);
    key("Escape");
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(fake.tracked).toEqual([
      ["survey_shown", { surveyId: "exit" }],
      ["survey_dismissed", { surveyId: "exit", questionId: "nps" }],
    ]);
  });

  it("keeps the Escape that closes it from the page's own Escape handlers", () => {
    const drawer = vi.fn();
    document.addEventListener("keydown", drawer);
    try {
      open([survey([NPS])]);
      key("Escape");
      expect(dialog()).toBeFalsy();
      expect(drawer).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener("keydown", drawer);
    }
  });

  it("gives focus back inside another widget's shadow root", () => {
    const inner = focusInShadow();
    open([survey([NPS])]);
    expect(active()!.textContent).toBe(NPS.text);
    key("Escape");
    expect((inner.getRootNode() as ShadowRoot).activeElement).toBe(inner);
  });

  it("wraps Tab and Shift+Tab when focus is on the dialog itself", () => {
    open([survey([NPS])]);
    dialog()!.focus();
    expect(active()).toBe(dialog());
    key("Tab");
    expect(active()!.getAttribute("aria-label")).toBe("Close survey");
    dialog()!.focus();
    key("Tab", { shiftKey: true });
    expect(active()!.textContent).toBe("Why am I seeing this?");
  });

  it("closes on Escape after a click on its text moved focus to the dialog", () => {
    open([survey([NPS])]);
    // happy-dom focuses any element; a browser moves focus on click only to a focusable one.
    expect(dialog()!.getAttribute("tabindex")).toBe("-1");
    dialog()!.focus();
    expect(active()).toBe(dialog());
    key("Escape");
    expect(dialog()).toBeFalsy();
    expect(fake.tracked.map(([n]) => n)).toEqual(["survey_shown", "survey_dismissed"]);
  });

  it("stays open when Escape only cancels a word being composed in the text box (an input method)", () => {
    open([survey([{ id: "more", type: "text", text: "Anything else?" }])]);
    root()!.querySelector("textarea")!.focus();
    key("Escape", { isComposing: true });
    expect(dialog()).toBeTruthy();
    key("Escape");
    expect(dialog()).toBeFalsy();
  });

  it("closes from its close button and from a tap outside", () => {
    open([survey([NPS])]);
    button("Close survey").click();
    expect(dialog()).toBeFalsy();
    fake.emit("survey_offer", { surveyId: "exit" });
    root()!.querySelector<HTMLElement>("[part=backdrop]")!.click();
    expect(dialog()).toBeFalsy();
    expect(fake.tracked.map(([n]) => n)).toEqual(["survey_shown", "survey_dismissed", "survey_shown", "survey_dismissed"]);
  });

  it("waits while the visitor types in a field, and only then tracks the survey as shown", () => {
    const input = document.createElement("input");
    document.body.append(input);
    input.focus();
    open([survey([NPS])]);
    expect(dialog()).toBeFalsy();
    expect(fake.tracked).toEqual([]);
    input.blur();
    vi.runOnlyPendingTimers();
    expect(dialog()).toBeTruthy();
    expect(fake.tracked).toEqual([["survey_shown", { surveyId: "exit" }]]);
  });

  it("waits while the visitor types in a field inside a shadow root", () => {
    const input = focusInShadow("input");
    open([survey([NPS])]);
    expect(dialog()).toBeFalsy();
    input.blur();
    vi.runOnlyPendingTimers();
    expect(dialog()).toBeTruthy();
  });

  it("keeps waiting when the visitor tabs to the next field", () => {
    const [a, b] = [document.createElement("input"), document.createElement("textarea")];
    document.body.append(a, b);
    a.focus();
    open([survey([NPS])]);
    b.focus();
    vi.runOnlyPendingTimers();
    expect(dialog()).toBeFalsy();
    b.blur();
    vi.runOnlyPendingTimers();
    expect(dialog()).toBeTruthy();
  });

  it.each([
    ["before the field loses focus", false],
    ["between the blur and the next look", true],
  ])("never opens once stopped %s", (_, blurFirst) => {
    const input = document.createElement("input");
    document.body.append(input);
    input.focus();
    open([survey([NPS])]);
    if (blurFirst) input.blur();
    stop();
    input.blur();
    vi.runAllTimers();
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
  });

  describe("after an SPA navigation while the visitor typed", () => {
    afterEach(() => history.pushState(null, "", "/"));

    it("does not open on the page the visitor went on to", () => {
      const input = document.createElement("input");
      document.body.append(input);
      history.pushState(null, "", "/cart");
      input.focus();
      open([survey([NPS])]);
      history.pushState(null, "", "/thank-you");
      // Chrome blurs a field that the new route unmounts.
      input.blur();
      vi.runAllTimers();
      expect(document.getElementById("shopkeeper-survey")).toBeNull();
      expect(fake.tracked).toEqual([]);
    });

    it("stops waiting when the new route unmounts the field without a blur (Firefox, Safari), so a later survey can open", () => {
      const input = document.createElement("input");
      document.body.append(input);
      input.focus();
      open([survey([NPS]), survey([{ ...NPS, text: "How was checkout?" }], { id: "later", trigger: "manual" })]);
      history.pushState(null, "", "/thank-you");
      input.remove();
      fake.emit("page_view", { path: "/thank-you", pageType: "other" });
      fake.emit("survey_offer", { surveyId: "later" });
      expect(dialog()?.textContent).toContain("How was checkout?");
    });
  });

  it("does not open, nor count as shown, under a modal dialog of the page, and opens when offered again after it closed", () => {
    const modal = document.createElement("dialog");
    const inside = document.createElement("button");
    modal.append(inside);
    document.body.append(modal);
    modal.showModal();
    inside.focus();
    open([survey([NPS])]);
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
    expect(fake.tracked).toEqual([]);
    modal.close();
    inside.blur();
    fake.emit("survey_offer", { surveyId: "exit" });
    expect(dialog()).toBeTruthy();
    expect(fake.tracked).toEqual([["survey_shown", { surveyId: "exit" }]]);
  });

  it("waits in a background tab until the tab is shown, and only then tracks the survey as shown", () => {
    const hidden = (on: boolean) => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => on });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (on ? "hidden" : "visible") });
    };
    // A product opened in a new tab: its page view made a survey due while nobody looks at it.
    hidden(true);
    try {
      open([survey([NPS])]);
      vi.runAllTimers();
      expect(document.getElementById("shopkeeper-survey")).toBeNull();
      expect(fake.tracked).toEqual([]);
      hidden(false);
      document.dispatchEvent(new Event("visibilitychange"));
      vi.runOnlyPendingTimers();
      expect(dialog()).toBeTruthy();
      expect(fake.tracked).toEqual([["survey_shown", { surveyId: "exit" }]]);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
      delete (document as { visibilityState?: string }).visibilityState;
    }
  });

  it("shows one survey at a time", () => {
    open([survey([NPS])]);
    fake.emit("survey_offer", { surveyId: "exit" });
    expect(document.querySelectorAll("#shopkeeper-survey").length).toBe(1);
  });
});

describe("scale questions", () => {
  it("offers NPS 0–10 buttons named 'n out of 10' with end labels", () => {
    open([survey([NPS])]);
    const scale = [...root()!.querySelectorAll("[part=scale] button")];
    expect(scale.map((b) => b.textContent)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(scale[9]!.getAttribute("aria-label")).toBe("9 out of 10");
    expect(root()!.querySelector("[part=scale-labels]")!.textContent).toBe("Not at all likelyExtremely likely");
  });

  it("ties the end labels to the first and last buttons", () => {
    open([survey([{ id: "q", type: "csat", text: "How was it?", lowLabel: "Bad", highLabel: "Good" }])]);
    const scale = [...root()!.querySelectorAll("[part=scale] button")];
    const described = scale.map((b) => b.getAttribute("aria-describedby"));
    expect(described.slice(1, -1).every((id) => id === null)).toBe(true);
    expect(root()!.getElementById(described[0]!)!.textContent).toBe("Bad");
    expect(root()!.getElementById(described.at(-1)!)!.textContent).toBe("Good");
  });

  it("tracks the NPS answer when the survey ends", () => {
    open([survey([NPS])]);
    button("9 out of 10").click();
    expect(responses()).toEqual([{ surveyId: "exit", answers: { nps: 9 }, completed: true }]);
  });

  it.each([
    ["csat", 5, ["1", "2", "3", "4", "5"]],
    ["ces", 7, ["1", "2", "3", "4", "5", "6", "7"]],
  ] as const)("renders %s as a 1–%s scale", (type, max, labels) => {
    open([survey([{ id: "q", type, text: "How was it?", lowLabel: "Bad", highLabel: "Good" }])]);
    expect([...root()!.querySelectorAll("[part=scale] button")].map((b) => b.textContent)).toEqual(labels);
    expect(root()!.querySelector("[part=scale-labels]")!.textContent).toBe("BadGood");
    button(`2 out of ${max}`).click();
    expect(responses()[0]).toMatchObject({ answers: { q: 2 } });
  });

  // From the first button, the keys pressed in turn and where each one leaves focus.
  const walk = (keys: string[]) => {
    root()!.querySelector<HTMLElement>("[part=scale] button")!.focus();
    return keys.map((k) => {
      expect(key(k), k).toBe(false);
      return active()!.textContent;
    });
  };

  it("moves along the scale with the arrow keys, Home and End", () => {
    open([survey([NPS])]);
    expect(walk(["ArrowRight", "ArrowDown", "ArrowUp", "ArrowLeft", "ArrowLeft", "End", "ArrowDown", "Home"])).toEqual(["1", "2", "1", "0", "0", "10", "10", "0"]);
  });

  it("mirrors Left and Right in RTL, but not Up and Down", () => {
    open([survey([NPS])], "ur");
    expect(walk(["ArrowLeft", "ArrowDown", "ArrowRight", "ArrowUp", "End", "Home"])).toEqual(["1", "2", "1", "0", "10", "0"]);
  });
});

describe("choice and text questions", () => {
  it("asks a single choice with radios and Next", () => {
    open([survey([{ id: "why", type: "single", text: "Why?", choices: ["Price", "Shipping"] }])]);
    expect(button("Next").disabled).toBe(true);
    const radios = root()!.querySelectorAll<HTMLInputElement>("input[type=radio]");
    radios[1]!.click();
    button("Next").click();
    expect(responses()).toEqual([{ surveyId: "exit", answers: { why: "Shipping" }, completed: true }]);
  });

  it("asks a multiple choice with checkboxes and Next", () => {
    open([survey([{ id: "what", type: "multi", text: "What?", choices: ["A", "B", "C"] }])]);
    const boxes = root()!.querySelectorAll<HTMLInputElement>("input[type=checkbox]");
    boxes[0]!.click();
    boxes[2]!.click();
    button("Next").click();
    expect(responses()[0]).toMatchObject({ answers: { what: ["A", "C"] } });
  });

  it("lets an optional question be passed over: a scale, a single or a multiple choice", () => {
    open([
      survey([
        { ...NPS, optional: true },
        { id: "why", type: "single", text: "Why?", choices: ["Price"], optional: true },
        { id: "what", type: "multi", text: "What?", choices: ["A"], optional: true },
        { id: "csat", type: "csat", text: "Happy?" },
      ]),
    ]);
    button("Next").click();
    expect(button("Next").disabled).toBe(false);
    button("Next").click();
    button("Next").click();
    // The last question is not optional: no Next under its scale.
    expect(root()!.querySelector("[part=next]")).toBeNull();
    button("5 out of 5").click();
    expect(responses()).toEqual([{ surveyId: "exit", answers: { what: [], csat: 5 }, completed: true }]);
  });

  it("keeps free text apart, trimmed and cleaned, within maxLength", () => {
    open([survey([{ id: "more", type: "text", text: "Anything else?", maxLength: 12 }])]);
    const area = root()!.querySelector("textarea")!;
    expect(area.maxLength).toBe(12);
    expect(root()!.getElementById(dialog()!.getAttribute("aria-labelledby")!)!.textContent).toBe("Anything else?");
    area.value = "  \u202egood\u202c\tshop\nok  ";
    button("Next").click();
    // Line breaks stay; tabs and other controls become spaces.
    expect(responses()).toEqual([{ surveyId: "exit", answers: {}, text: { more: "good shop\nok" }, completed: true }]);
  });

  it("lets the visitor write right to left in a survey in a left-to-right language", () => {
    open([survey([{ id: "why", type: "text", text: "Why?" }])]);
    // The box takes its direction from what is typed: Urdu feedback in an English survey.
    expect(root()!.querySelector("textarea")!.getAttribute("dir")).toBe("auto");
  });

  it("starts the next free-text question empty, not with the answer just given", () => {
    open([survey([{ id: "a", type: "text", text: "What did you come for?" }, { id: "b", type: "text", text: "Anything else?" }])]);
    root()!.querySelector("textarea")!.value = "a tent";
    button("Next").click();
    expect(root()!.querySelector("textarea")!.value).toBe("");
    button("Next").click();
    expect(responses()).toEqual([{ surveyId: "exit", answers: {}, text: { a: "a tent" }, completed: true }]);
  });
});

describe("branching", () => {
  const why: SurveyQuestion = { id: "why", type: "text", text: "What went wrong?" };
  const love: SurveyQuestion = { id: "love", type: "single", text: "What did you like?", choices: ["Price"] };
  const branchy: SurveyQuestion = { ...NPS, next: { "0-6": "why", "*": "love" } };

  it("follows ranges and the * rule", () => {
    expect(nextQuestion(branchy, 3, [branchy, why, love])).toBe(why);
    expect(nextQuestion(branchy, 9, [branchy, why, love])).toBe(love);
  });

  it("ends on 'end' and goes on in order without rules", () => {
    expect(nextQuestion({ ...NPS, next: { "10": "end" } }, 10, [NPS, why])).toBeUndefined();
    expect(nextQuestion(NPS, 10, [NPS, why])).toBe(why);
    expect(nextQuestion(why, "x", [NPS, why])).toBeUndefined();
  });

  it("matches a choice among several answers", () => {
    const multi: SurveyQuestion = { id: "m", type: "multi", text: "?", next: { Price: "why" } };
    expect(nextQuestion(multi, ["Size", "Price"], [multi, love, why])).toBe(why);
  });

  it("shows the branch the answer leads to", () => {
    open([survey([branchy, why, love])]);
    button("3 out of 10").click();
    expect(root()!.querySelector("textarea")).toBeTruthy();
    expect(active()!.textContent).toBe("What went wrong?");
  });
});

describe("ending", () => {
  it("thanks the visitor and closes by itself", () => {
    open([survey([NPS], { thanks: "Thanks a lot!" })]);
    button("9 out of 10").click();
    expect(root()!.querySelector("[role=status]")!.textContent).toBe("Thanks a lot!");
    vi.advanceTimersByTime(4000);
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
    expect(fake.tracked.map(([n]) => n)).toEqual(["survey_shown", "survey_response"]);
  });

  it("sends partial answers when dismissed after an answer", () => {
    const why: SurveyQuestion = { id: "why", type: "text", text: "Why?" };
    open([survey([NPS, why])]);
    button("4 out of 10").click();
    key("Escape");
    expect(fake.tracked).toEqual([
      ["survey_shown", { surveyId: "exit" }],
      ["survey_response", { surveyId: "exit", answers: { nps: 4 }, completed: false }],
      ["survey_dismissed", { surveyId: "exit", questionId: "why" }],
    ]);
  });
});

describe("languages", () => {
  it("renders right to left in Urdu with Urdu text", () => {
    open([survey([NPS])], "ur");
    expect(root()!.querySelector("[part=root]")!.getAttribute("dir")).toBe("rtl");
    expect(button("سروے بند کریں")).toBeTruthy();
    expect(root()!.querySelectorAll("[part=scale] button")[0]!.textContent).toBe("0");
  });

  it("shows the locale's digits on the scale and tracks the number", () => {
    open([survey([NPS])], "ar-EG");
    const scale = [...root()!.querySelectorAll("[part=scale] button")];
    expect(scale.map((b) => b.textContent)).toEqual(["٠", "١", "٢", "٣", "٤", "٥", "٦", "٧", "٨", "٩", "١٠"]);
    button("٠ من ١٠").focus();
    key("ArrowLeft");
    expect(active()!.textContent).toBe("١");
    button("٩ من ١٠").click();
    expect(responses()).toEqual([{ surveyId: "exit", answers: { nps: 9 }, completed: true }]);
  });

  it("names scale buttons in Arabic", () => {
    open([survey([NPS])], "ar");
    expect(root()!.querySelector("[part=root]")!.getAttribute("dir")).toBe("rtl");
    expect(button("9 من 10")).toBeTruthy();
  });
});

describe("survey link to the preferences panel", () => {
  it("dismisses the survey and opens what this shop remembers", () => {
    open([survey([NPS])]);
    button("Why am I seeing this?").click();
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
    expect(fake.tracked.filter(([n]) => n === "survey_dismissed")).toHaveLength(1);
    const panel = document.getElementById("shopkeeper-preferences")?.shadowRoot;
    expect(panel?.querySelector("[role=dialog], dialog")).not.toBeNull();
  });
});
