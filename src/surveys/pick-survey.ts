import type { Profile, Survey } from "../types";
import { DAY } from "../profile/limits";
import { own } from "../profile/own";
import { matchUrl } from "../segments/match-url";

/** What just happened that may open a survey. */
export interface PickTrigger {
  kind: "exit-intent" | "page-view" | "cart-abandonment" | "purchase" | "manual";
  surveyId?: string | undefined;
}

/** The visitor and page a survey is picked for, and the shared pop-up budget. */
export interface SurveyContext {
  profile: Profile;
  /** Built-in segments and audience ids. */
  segments: string[];
  path: string;
  now: number;
  /** Pop-ups allowed per session (default 1) and per 24 hours (default 2), shared by every widget that interrupts. */
  budget?: { perSession?: number; perDay?: number } | undefined;
}

/**
 * The survey to open for `trigger` now, or undefined. In order: the shared interruption budget
 * must allow a pop-up; `manual` opens the survey named by id whatever its trigger, targeting and
 * display rule; other triggers need no survey shown yet this session, a matching trigger
 * (`cart-abandonment` surveys come before `exit-intent` ones when the cart holds items), the
 * visitor in one of `segments`, the path matching one of `urls`, and the display rule
 * (`once`, `until-answered` in a later session until answered or dismissed twice, `{ everyDays }`).
 * The first survey in config order wins. Call it after folding the triggering event.
 * @example pickSurvey(surveys, { kind: "exit-intent" }, { profile, segments, path: "/cart", now })
 */
export function pickSurvey(surveys: Survey[], trigger: PickTrigger, ctx: SurveyContext): Survey | undefined {
  const { profile: p, now } = ctx;
  const start = p.session.start;
  const recent = (since: number) => p.interruptions.filter((t) => t >= since).length;
  if (recent(start) >= (ctx.budget?.perSession ?? 1) || recent(now - DAY) >= (ctx.budget?.perDay ?? 2)) return undefined;
  const kind = trigger.kind;
  if (kind == "manual") return surveys.find((s) => s.id == trigger.surveyId);
  if (Object.values(p.surveys).some((s) => s.shown >= start)) return undefined;
  const exit = kind == "exit-intent" || kind == "cart-abandonment";
  const wanted = (s: Survey): number => {
    const t = s.trigger;
    if (t == "cart-abandonment") return exit && p.cart.length ? 2 : 0;
    if (t == "exit-intent") return +exit;
    // Left here: "purchase", "manual" (never equal to `kind`, handled above) or { pageViews }.
    return +(typeof t == "object" ? kind == "page-view" && p.session.pageViews >= t.pageViews : t == kind);
  };
  const due = (s: Survey): boolean => {
    const st = own(p.surveys, s.id);
    const d = s.display;
    if (!st) return true;
    if (d == "until-answered") return !st.answered && (st.dismissed ?? 0) < 2;
    return typeof d == "object" && now - st.shown >= d.everyDays * DAY;
  };
  const fits = (s: Survey): boolean =>
    (!trigger.surveyId || s.id == trigger.surveyId) &&
    (!s.segments || s.segments.some((x) => ctx.segments.includes(x))) &&
    (!s.urls || s.urls.some((u) => matchUrl(u, ctx.path))) &&
    due(s);
  let best: Survey | undefined;
  let rank = 0;
  for (const s of surveys) {
    const r = wanted(s);
    if (r > rank && fits(s)) [best, rank] = [s, r];
  }
  return best;
}
