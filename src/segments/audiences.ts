import type { Audience, Profile, Rule } from "../types";
import { DAY } from "../profile/limits";
import { has, isBadKey, own } from "../profile/own";
import { isProfileField } from "../profile/validate";
import { matchUrl } from "./match-url";
import { parseList } from "./parse-list";
import { SEGMENTS } from "./segments";

/** What a rule is evaluated against. */
export interface RuleContext {
  profile: Profile;
  segments: string[];
  /** The page URL or path. */
  url: string;
  now: number;
}

type Op = (v: unknown, w: unknown) => boolean;
const nums = (f: (v: number, w: number) => boolean): Op => (v, w) => typeof v == "number" && typeof w == "number" && f(v, w);
// Order comparisons need two numbers; `exists` with `value: false` means "is missing".
const OPS: Record<string, Op> = {
  eq: (v, w) => v === w,
  ne: (v, w) => v !== w,
  gt: nums((v, w) => v > w),
  gte: nums((v, w) => v >= w),
  lt: nums((v, w) => v < w),
  lte: nums((v, w) => v <= w),
  in: (v, w) => Array.isArray(w) && w.includes(v),
  contains: (v, w) => (Array.isArray(v) ? v.includes(w) : typeof v == "string" && typeof w == "string" && v.includes(w)),
  exists: (v, w) => (v != null) == (w !== false),
};

// The value type an op needs: a JSON config that says "3" for 3 would otherwise never match, silently.
const TYPES: Record<string, string> = { gt: "number", gte: "number", lt: "number", lte: "number", in: "array", exists: "boolean" };

// Why a rule is invalid, or "" when it is valid. `known`: the segment ids a rule may test, the
// built-in ones and the audiences before it. Nesting is capped so a hostile config cannot exhaust
// the stack.
const check = (r: unknown, known: readonly string[], depth = 0): string => {
  if (!r || typeof r != "object" || depth > 8) return "a rule must be an object, nested at most 8 deep";
  const o = r as Record<string, unknown>;
  const keys = Object.keys(o).sort().join();
  const list = o.all ?? o.any;
  if (keys == "all" || keys == "any") return Array.isArray(list) && list.length ? list.map((x) => check(x, known, depth + 1)).find(Boolean) ?? "" : `${keys} needs a non-empty array of rules`;
  if (keys == "not") return check(o.not, known, depth + 1);
  if (keys == "segment" || keys == "url") {
    const v = o[keys];
    return typeof v != "string" || !v ? `${keys} needs a non-empty string` : keys == "url" || known.includes(v) ? "" : `segment "${v}" is not built in or an earlier audience`;
  }
  if (keys != "field,op" && keys != "field,op,value") return `unknown rule keys ${keys}`;
  const { field, op, value } = o;
  if (typeof field != "string" || !/^[\w-]+(\.[\w-]+)*$/.test(field) || !(/^daysSince(FirstSeen|LastOrder)$/.test(field) || isProfileField(field))) return `field must be a dot path of profile fields, got ${String(field)}`;
  if (typeof op != "string" || !has(OPS, op)) return `op must be one of ${Object.keys(OPS).join(", ")}`;
  if (op != "exists" && !("value" in o)) return `op ${op} needs a value`;
  const type = own(TYPES, op);
  return !type || type == (Array.isArray(value) ? "array" : typeof value) || value === undefined ? "" : `op ${op} takes ${type} values, got ${JSON.stringify(value)}`;
};

/**
 * Checks the shop's rule audiences; each invalid one is reported with its index, id and why, and
 * left out: unknown keys or ops, a field the profile does not have, a value of the wrong type for
 * its op (`gt` needs a number, `in` an array, `exists` true or false), a segment that is neither
 * built in nor an audience listed before, an id already taken.
 * @example parseAudiences([{ id: "vip", rule: { field: "orders.count", op: "gte", value: 5 } }]).audiences
 */
export const parseAudiences = (raw: unknown): { audiences: Audience[]; problems: string[] } => {
  return parseList<"audiences", Audience>(raw, "audiences", (a, ids) => {
    const { id, rule } = (a ?? {}) as Partial<Audience>;
    const known = [...SEGMENTS, ...ids];
    return typeof id != "string" || !id ? "needs an id" : known.includes(id) ? "repeats an id or a built-in segment" : check(rule, known);
  });
};

// A profile field by dot path (own properties only), or a derived field.
const read = (path: string, c: RuleContext): unknown => {
  const p = c.profile;
  const last = p.orders.times[p.orders.times.length - 1];
  if (path == "daysSinceFirstSeen") return (c.now - p.firstSeen) / DAY;
  if (path == "daysSinceLastOrder") return last == null ? undefined : (c.now - last) / DAY;
  let v: unknown = p;
  for (const k of path.split(".")) v = v && typeof v == "object" && !isBadKey(k) ? own(v as Record<string, unknown>, k) : undefined;
  return v;
};

/**
 * True when the visitor matches `rule`: `all`/`any`/`not` nest; a field rule compares a profile
 * field (dot path such as `orders.count`, or `daysSinceFirstSeen`/`daysSinceLastOrder`); `segment`
 * tests membership; `url` matches the page path (`*` wildcard).
 * @example matchRule({ any: [{ segment: "loyal" }, { url: "/sale/*" }] }, ctx)
 */
export const matchRule = (rule: Rule, ctx: RuleContext): boolean => {
  if ("all" in rule) return rule.all.every((r) => matchRule(r, ctx));
  if ("any" in rule) return rule.any.some((r) => matchRule(r, ctx));
  if ("not" in rule) return !matchRule(rule.not, ctx);
  if ("segment" in rule) return ctx.segments.includes(rule.segment);
  if ("url" in rule) return matchUrl(rule.url, ctx.url);
  return OPS[rule.op]!(read(rule.field, ctx), rule.value);
};

/**
 * The ids of the audiences the visitor is in, in config order; a `{ segment }` rule also sees the
 * audiences listed before its own.
 * @example getAudienceIds(audiences, { profile, segments, url: location.pathname, now: Date.now() })
 */
export const getAudienceIds = (audiences: Audience[], ctx: RuleContext): string[] => {
  // An audience may build on the ones before it: each match joins the segments the next rules test.
  const c = { ...ctx, segments: [...ctx.segments] };
  return audiences.filter((a) => matchRule(a.rule, c) && c.segments.push(a.id)).map((a) => a.id);
};
