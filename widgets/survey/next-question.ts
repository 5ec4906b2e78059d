import type { AnswerValue, SurveyQuestion } from "../../src/index";

const matches = (key: string, v: AnswerValue) => {
  const [, lo, hi] = /^(\d+)-(\d+)$/.exec(key) || [];
  return Array.isArray(v) ? v.includes(key) : lo ? +lo <= +v && +v <= +hi! : key == String(v);
};

/**
 * The question that follows `q` once it is answered with `value`: the first `next` rule that
 * matches (an exact answer, a choice among several, or a `"0-6"` range for scales), else the `"*"`
 * rule, else the following question. Undefined means the survey is over (`"end"`, an unknown id or
 * the last question).
 * @example nextQuestion({ id: "nps", type: "nps", text: "…", next: { "0-6": "why" } }, 3, questions)
 */
export function nextQuestion(q: SurveyQuestion, value: AnswerValue, list: SurveyQuestion[]): SurveyQuestion | undefined {
  const rules = q.next || {};
  const key = Object.keys(rules).find((k) => k != "*" && matches(k, value));
  const to = key ? rules[key] : {}.hasOwnProperty.call(rules, "*") ? rules["*"] : undefined;
  return to ? list.find((x) => x.id == to) : list[list.indexOf(q) + 1];
}
