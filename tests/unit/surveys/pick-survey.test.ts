import { describe, expect, it } from "vitest";
import type { Profile, Survey, SurveyState } from "../../../src/types";
import { createProfile } from "../../../src/profile/create-profile";
import { pickSurvey, type SurveyContext, type PickTrigger } from "../../../src/surveys/pick-survey";

const NOW = Date.UTC(2024, 6, 1, 12);
const MIN = 60_000;
const DAY = 864e5;
const q = [{ id: "q", type: "nps", text: "?" }] as Survey["questions"];
const S = (id: string, trigger: Survey["trigger"], more: Partial<Survey> = {}): Survey => ({ id, trigger, questions: q, ...more });

// A visitor 5 minutes into their second session.
function visitor(over: Partial<Profile> = {}): Profile {
  const p = createProfile(NOW - 30 * DAY, "v");
  return { ...p, sessions: 2, session: { start: NOW - 5 * MIN, last: NOW, pageViews: 3, productViews: 1, carted: false }, ...over };
}
const ctx = (over: Partial<Profile> = {}, more: Partial<SurveyContext> = {}): SurveyContext => ({ profile: visitor(over), segments: ["returning"], path: "/products/shoe", now: NOW, ...more });
const pick = (surveys: Survey[], kind: PickTrigger["kind"], c = ctx(), surveyId?: string) => pickSurvey(surveys, surveyId ? { kind, surveyId } : { kind }, c)?.id;
const shown = (at: number, more: Partial<SurveyState> = {}): SurveyState => ({ shown: at, count: 1, ...more });

describe("pickSurvey triggers", () => {
  const all = [S("exit", "exit-intent"), S("cart", "cart-abandonment"), S("pv3", { pageViews: 3 }), S("pv5", { pageViews: 5 }), S("buy", "purchase"), S("man", "manual")];
  const noExit = all.filter((s) => s.id != "exit");

  it("opens an exit-intent survey on exit intent", () => {
    expect(pick(all, "exit-intent")).toBe("exit");
  });

  it("prefers a cart-abandonment survey on exit intent when the cart holds items", () => {
    const carted = ctx({ cart: [{ id: "a", quantity: 1 }] });
    expect(pick(all, "exit-intent", carted)).toBe("cart");
    expect(pick(all, "cart-abandonment", carted)).toBe("cart");
  });

  it("falls back to the exit-intent survey when the cart is empty, and to nothing without one", () => {
    expect(pick(all, "cart-abandonment")).toBe("exit");
    expect(pick(noExit, "exit-intent")).toBeUndefined();
  });

  it("opens a page-view survey once the session's page views reach its count", () => {
    expect(pick(all, "page-view")).toBe("pv3");
    expect(pick([S("pv5", { pageViews: 5 })], "page-view")).toBeUndefined();
    expect(pick([S("pv5", { pageViews: 5 })], "page-view", ctx({ session: { ...visitor().session, pageViews: 5 } }))).toBe("pv5");
  });

  it("opens a purchase survey after a purchase only", () => {
    expect(pick(noExit, "purchase")).toBe("buy");
    expect(pick([S("buy", "purchase")], "page-view")).toBeUndefined();
  });

  it("opens a manual survey only by id, and any survey by id whatever its trigger or targeting", () => {
    expect(pick(all, "manual")).toBeUndefined();
    expect(pick([S("man", "manual")], "exit-intent")).toBeUndefined();
    expect(pick(all, "manual", ctx(), "man")).toBe("man");
    expect(pick([S("exit", "exit-intent", { segments: ["loyal"], urls: ["/nowhere"] })], "manual", ctx(), "exit")).toBe("exit");
    expect(pick(all, "manual", ctx(), "missing")).toBeUndefined();
  });

  it("restricts other triggers to the named survey when an id is given", () => {
    expect(pick([S("a", "exit-intent"), S("b", "exit-intent")], "exit-intent", ctx(), "b")).toBe("b");
  });
});

describe("pickSurvey targeting", () => {
  it("shows a survey with segments only to visitors in one of them (segments or audiences)", () => {
    const s = [S("vip", "exit-intent", { segments: ["loyal", "vip-audience"] })];
    expect(pick(s, "exit-intent")).toBeUndefined();
    expect(pick(s, "exit-intent", ctx({}, { segments: ["returning", "vip-audience"] }))).toBe("vip");
  });

  it("shows a survey with urls only on matching paths", () => {
    const s = [S("p", "exit-intent", { urls: ["/cart", "/products/*"] })];
    expect(pick(s, "exit-intent")).toBe("p");
    expect(pick(s, "exit-intent", ctx({}, { path: "/blog/post" }))).toBeUndefined();
  });

  it("takes the first eligible survey in config order", () => {
    expect(pick([S("a", "exit-intent", { urls: ["/x"] }), S("b", "exit-intent"), S("c", "exit-intent")], "exit-intent")).toBe("b");
  });
});

describe("pickSurvey display rules", () => {
  const earlier = NOW - 2 * DAY;

  it("shows a `once` survey (the default) never again after it was shown", () => {
    expect(pick([S("s", "exit-intent")], "exit-intent", ctx({ surveys: { s: shown(earlier) } }))).toBeUndefined();
    expect(pick([S("s", "exit-intent", { display: "once" })], "exit-intent", ctx({ surveys: { s: shown(NOW - 300 * DAY) } }))).toBeUndefined();
  });

  it("shows an `until-answered` survey again in a later session until answered or dismissed twice", () => {
    const s = [S("s", "exit-intent", { display: "until-answered" })];
    expect(pick(s, "exit-intent", ctx({ surveys: { s: shown(earlier, { dismissed: 1 }) } }))).toBe("s");
    expect(pick(s, "exit-intent", ctx({ surveys: { s: shown(earlier, { dismissed: 2 }) } }))).toBeUndefined();
    expect(pick(s, "exit-intent", ctx({ surveys: { s: shown(earlier, { answered: earlier }) } }))).toBeUndefined();
    expect(pick(s, "exit-intent", ctx({ surveys: { s: shown(NOW - MIN) } }))).toBeUndefined();
  });

  it("shows an `everyDays` survey again once that many days passed", () => {
    const s = [S("s", "exit-intent", { display: { everyDays: 7 } })];
    expect(pick(s, "exit-intent", ctx({ surveys: { s: shown(NOW - 6 * DAY, { answered: NOW - 6 * DAY }) } }))).toBeUndefined();
    expect(pick(s, "exit-intent", ctx({ surveys: { s: shown(NOW - 7 * DAY, { answered: NOW - 7 * DAY }) } }))).toBe("s");
  });
});

describe("pickSurvey limits", () => {
  it("opens at most one survey per session, even with budget to spare", () => {
    const c = ctx({ surveys: { other: shown(NOW - 2 * MIN) } }, { budget: { perSession: 5, perDay: 5 } });
    expect(pick([S("s", "exit-intent")], "exit-intent", c)).toBeUndefined();
  });

  it("shares the interruption budget with every pop-up: one per session by default", () => {
    expect(pick([S("s", "exit-intent")], "exit-intent", ctx({ interruptions: [NOW - MIN] }))).toBeUndefined();
    expect(pick([S("s", "exit-intent")], "exit-intent", ctx({ interruptions: [NOW - MIN] }, { budget: { perSession: 2 } }))).toBe("s");
  });

  it("allows two pop-ups per 24 hours by default, across sessions", () => {
    const two = [NOW - 20 * 3600e3, NOW - 10 * 3600e3];
    expect(pick([S("s", "exit-intent")], "exit-intent", ctx({ interruptions: two }))).toBeUndefined();
    expect(pick([S("s", "exit-intent")], "exit-intent", ctx({ interruptions: [NOW - 25 * 3600e3, NOW - 10 * 3600e3] }))).toBe("s");
    expect(pick([S("s", "exit-intent")], "exit-intent", ctx({ interruptions: two }, { budget: { perDay: 3 } }))).toBe("s");
  });

  it("holds a manual survey to the budget too", () => {
    expect(pick([S("m", "manual")], "manual", ctx({ interruptions: [NOW - MIN] }), "m")).toBeUndefined();
  });
});
