import type { Survey } from "../types";
import { isObject } from "../config";
import { isBadKey } from "../profile/own";
import { parseList } from "../segments/parse-list";

type O = Record<string, unknown>;

const TYPES = ["nps", "csat", "ces", "single", "multi", "text"];
const TRIGGERS = ["exit-intent", "cart-abandonment", "purchase", "manual"];
const isObj = (v: unknown): v is O => isObject(v) && !Object.keys(v).some(isBadKey);
const isText = (v: unknown): v is string => typeof v == "string" && !!v.trim();
const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isText);
const count = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0;

// Why a survey is invalid, or "" when it is valid. `known`: the segment ids it may target, when given.
const check = (s: unknown, ids: string[], known?: readonly string[]): string => {
  if (!isObj(s)) return "must be an object";
  const { id, trigger: t, questions: qs, display: d } = s;
  if (!isText(id) || id.length > 64) return "needs an id of 1–64 characters";
  if (ids.includes(id)) return "repeats an id";
  if (!(TRIGGERS.includes(t as string) || (isObj(t) && count(t.pageViews)))) return `trigger must be one of ${TRIGGERS.join(", ")} or { "pageViews": N }`;
  if (!(d == null || d == "once" || d == "until-answered" || (isObj(d) && typeof d.everyDays == "number" && d.everyDays > 0))) return 'display must be "once", "until-answered" or { "everyDays": N }';
  for (const k of ["segments", "urls"]) if (s[k] != null && !isTexts(s[k])) return `${k} must be a non-empty array of strings`;
  // A misspelt segment would keep the survey from ever showing, silently.
  const unknown = known && (s.segments as string[] | undefined)?.find((x) => !known.includes(x));
  if (unknown) return `segment "${unknown}" is not built in or an audience`;
  for (const k of ["title", "thanks"]) if (s[k] != null && !isText(s[k])) return `${k} must be text`;
  if (!Array.isArray(qs) || !qs.length) return "needs questions";
  const qids = qs.map((q: O) => q?.id);
  for (const [i, q] of (qs as unknown[]).entries()) {
    const at = `question ${i + 1}`;
    if (!isObj(q) || !isText(q.id) || qids.indexOf(q.id) != i) return `${at} needs a unique id`;
    if (!TYPES.includes(q.type as string)) return `${at} type must be one of ${TYPES.join(", ")}`;
    if (!isText(q.text)) return `${at} needs text`;
    if ((q.type == "single" || q.type == "multi" || q.choices != null) && !isTexts(q.choices)) return `${at} needs choices`;
    if (q.maxLength != null && !(count(q.maxLength) && (q.maxLength as number) <= 2000)) return `${at} maxLength must be an integer from 1 to 2000`;
    // Only forward: a branch back could keep the visitor in a loop.
    if (q.next != null && !(isObj(q.next) && Object.values(q.next).every((to) => to == "end" || qids.indexOf(to) > i))) return `${at} must branch to a later question or "end"`;
  }
  return "";
};

/**
 * Checks the surveys of the config; each invalid one is reported with its index, id and why, and
 * left out (ids, trigger, display rule, targeting, question types, choices, branch targets). With
 * `segments` (the built-in segment ids and the audience ids), targeting may name only those.
 * @example const { surveys, problems } = parseSurveys(config.surveys, [...SEGMENTS, ...audienceIds])
 */
export const parseSurveys = (raw: unknown, segments?: readonly string[]): { surveys: Survey[]; problems: string[] } =>
  parseList<"surveys", Survey>(raw, "surveys", (s, ids) => check(s, ids, segments));
