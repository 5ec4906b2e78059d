import { describe, expect, it } from "vitest";
import { parseSurveys } from "../../../src/surveys/validate-surveys";

const nps = { id: "nps", type: "nps", text: "How likely?", next: { "0-6": "why", "*": "end" } };
const why = { id: "why", type: "text", text: "Why?", maxLength: 200, optional: true };

describe("parseSurveys", () => {
  it("keeps valid surveys of every trigger, display rule and question type", () => {
    const raw = [
      { id: "exit", trigger: "exit-intent", questions: [nps, why], segments: ["loyal"], urls: ["/products/*"], title: "Quick question", thanks: "Thanks!" },
      { id: "pv", trigger: { pageViews: 3 }, display: "until-answered", questions: [{ id: "c", type: "csat", text: "Happy?" }, { id: "e", type: "ces", text: "Easy?", lowLabel: "Hard", highLabel: "Easy" }] },
      { id: "cart", trigger: "cart-abandonment", display: { everyDays: 30 }, questions: [{ id: "s", type: "single", text: "Why leave?", choices: ["Price", "Shipping"], next: { Price: "m" } }, { id: "m", type: "multi", text: "What else?", choices: ["A", "B"] }] },
      { id: "buy", trigger: "purchase", display: "once", questions: [why] },
      { id: "man", trigger: "manual", questions: [why] },
    ];
    expect(parseSurveys(raw)).toEqual({ surveys: raw, problems: [] });
  });

  it("reports each invalid survey with its index, id and why, and skips it", () => {
    const { surveys, problems } = parseSurveys([
      { id: "ok", trigger: "exit-intent", questions: [why] },
      { trigger: "exit-intent", questions: [why] },
      { id: "ok", trigger: "exit-intent", questions: [why] },
      { id: "t", trigger: "scroll", questions: [why] },
      { id: "pv", trigger: { pageViews: 0 }, questions: [why] },
      { id: "d", trigger: "manual", display: "always", questions: [why] },
      { id: "seg", trigger: "manual", segments: "loyal", questions: [why] },
      { id: "none", trigger: "manual", questions: [] },
      { id: "dup", trigger: "manual", questions: [why, why] },
      { id: "type", trigger: "manual", questions: [{ id: "a", type: "stars", text: "?" }] },
      { id: "text", trigger: "manual", questions: [{ id: "a", type: "nps" }] },
      { id: "choices", trigger: "manual", questions: [{ id: "a", type: "single", text: "?" }] },
      { id: "branch", trigger: "manual", questions: [{ ...nps, next: { "0-6": "missing" } }] },
      { id: "proto", trigger: "manual", questions: [{ ...nps, next: JSON.parse('{"__proto__": "end"}') }] },
      { id: "max", trigger: "manual", questions: [{ ...why, maxLength: -1 }] },
      "survey",
      { id: "loop", trigger: "manual", questions: [why, { ...nps, next: { "*": "why" } }] },
      { id: "self", trigger: "manual", questions: [{ ...nps, next: { "*": "nps" } }] },
      { id: "huge", trigger: "manual", questions: [{ ...why, maxLength: 100_000 }] },
    ]);
    expect(surveys.map((s) => s.id)).toEqual(["ok"]);
    expect(problems).toEqual([
      "surveys[1]: needs an id of 1–64 characters",
      'surveys[2] "ok": repeats an id',
      'surveys[3] "t": trigger must be one of exit-intent, cart-abandonment, purchase, manual or { "pageViews": N }',
      'surveys[4] "pv": trigger must be one of exit-intent, cart-abandonment, purchase, manual or { "pageViews": N }',
      'surveys[5] "d": display must be "once", "until-answered" or { "everyDays": N }',
      'surveys[6] "seg": segments must be a non-empty array of strings',
      'surveys[7] "none": needs questions',
      'surveys[8] "dup": question 2 needs a unique id',
      'surveys[9] "type": question 1 type must be one of nps, csat, ces, single, multi, text',
      'surveys[10] "text": question 1 needs text',
      'surveys[11] "choices": question 1 needs choices',
      'surveys[12] "branch": question 1 must branch to a later question or "end"',
      'surveys[13] "proto": question 1 must branch to a later question or "end"',
      'surveys[14] "max": question 1 maxLength must be an integer from 1 to 2000',
      "surveys[15]: must be an object",
      'surveys[16] "loop": question 2 must branch to a later question or "end"',
      'surveys[17] "self": question 1 must branch to a later question or "end"',
      'surveys[18] "huge": question 1 maxLength must be an integer from 1 to 2000',
    ]);
  });

  it("reports a display rule whose everyDays is not a number", () => {
    const { problems } = parseSurveys([
      { id: "text", trigger: "manual", display: { everyDays: "7" }, questions: [why] },
      { id: "bool", trigger: "manual", display: { everyDays: true }, questions: [why] },
    ]);
    expect(problems).toEqual([
      'surveys[0] "text": display must be "once", "until-answered" or { "everyDays": N }',
      'surveys[1] "bool": display must be "once", "until-answered" or { "everyDays": N }',
    ]);
  });

  it("reports targeting that names a segment it was not given, when given the known ones", () => {
    const raw = [
      { id: "typo", trigger: "exit-intent", segments: ["loyal", "loyall"], questions: [why] },
      { id: "vip", trigger: "exit-intent", segments: ["vip", "new"], questions: [why] },
    ];
    expect(parseSurveys(raw, ["new", "loyal", "vip"]).problems).toEqual(['surveys[0] "typo": segment "loyall" is not built in or an audience']);
    expect(parseSurveys(raw).problems).toEqual([]);
  });

  it("reports a config that is not an array", () => {
    expect(parseSurveys("x")).toEqual({ surveys: [], problems: ["surveys: expected an array"] });
  });
});
