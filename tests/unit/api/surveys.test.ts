import { afterEach, describe, expect, it, vi } from "vitest";
import { createShopkeeper, type ShopkeeperConfig, type Survey } from "../../../src/index";
import { _resetWarnings } from "../../../src/log";
import { startSurveys } from "../../../widgets/survey/index";

const survey = (id: string, trigger: Survey["trigger"]): Survey => ({ id, trigger, questions: [{ id: "q", type: "nps", text: "How likely?" }] });
const PAGE = { path: "/", pageType: "home" } as const;

async function start(config: ShopkeeperConfig) {
  const sk = createShopkeeper({ autoTrack: false, ...config });
  const shown: string[] = [];
  sk.on("survey_shown", (e) => shown.push(e.props.surveyId));
  await sk.ready;
  return { sk, shown };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("when the core offers a survey", () => {
  it("exit intent waits for 15 s of engaged time in this visit", async () => {
    const { sk, shown } = await start({ surveys: [survey("exit", "exit-intent")] });
    sk.track("dwell", { path: "/", seconds: 10 });
    sk.track("exit_intent", { signal: "pointer" });
    expect(shown).toEqual([]);
    sk.track("dwell", { path: "/", seconds: 6 });
    sk.track("exit_intent", { signal: "pointer" });
    expect(shown).toEqual(["exit"]);
    sk.destroy();
  });

  it("does not count the engaged time of earlier visits", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.UTC(2026, 10, 2, 9) });
    const { sk, shown } = await start({ surveys: [survey("exit", "exit-intent")], exitIntentMinSeconds: 15 });
    sk.track("dwell", { path: "/", seconds: 300 });
    vi.setSystemTime(Date.UTC(2026, 10, 3, 9));
    sk.track("page_view", PAGE);
    sk.track("exit_intent", { signal: "pointer" });
    expect(shown).toEqual([]);
    sk.track("dwell", { path: "/", seconds: 15 });
    sk.track("exit_intent", { signal: "pointer" });
    expect(shown).toEqual(["exit"]);
    sk.destroy();
  });

  it("turns exit intent with items in the cart into cart abandonment", async () => {
    const { sk, shown } = await start({ surveys: [survey("exit", "exit-intent"), survey("cart", "cart-abandonment")], exitIntentMinSeconds: 0 });
    sk.track("add_to_cart", { items: [{ id: "a", price: 10 }] });
    sk.track("exit_intent", { signal: "scroll" });
    expect(shown).toEqual(["cart"]);
    sk.destroy();
  });

  it("counts page views", async () => {
    const views = await start({ surveys: [survey("third", { pageViews: 3 })] });
    views.sk.track("page_view", PAGE);
    views.sk.track("page_view", PAGE);
    expect(views.shown).toEqual([]);
    views.sk.track("page_view", PAGE);
    expect(views.shown).toEqual(["third"]);
    views.sk.destroy();
  });

  it("follows a purchase", async () => {
    const order = await start({ surveys: [survey("csat", "purchase")] });
    order.sk.track("purchase", { transactionId: "T1", items: [{ id: "a", price: 10 }] });
    expect(order.shown).toEqual(["csat"]);
    order.sk.destroy();
  });

  it("offers nothing while no one renders surveys, so none is marked shown unseen", async () => {
    const sk = createShopkeeper({ autoTrack: false, surveys: [survey("manual", "manual"), survey("views", { pageViews: 1 })] });
    await sk.ready;
    expect(sk.show("manual")).toBe(false);
    sk.track("page_view", PAGE);
    expect(sk.profile().surveys).toEqual({});
    const shown: string[] = [];
    sk.on("survey_shown", (e) => shown.push(e.props.surveyId));
    expect(sk.show("manual")).toBe(true);
    expect(shown).toEqual(["manual"]);
    sk.destroy();
  });

  it("show() before the profile is read opens the survey once it is", async () => {
    const sk = createShopkeeper({ autoTrack: false, surveys: [survey("manual", "manual")] });
    const shown: string[] = [];
    sk.on("survey_shown", (e) => shown.push(e.props.surveyId));
    expect(sk.show("manual")).toBe(false);
    await sk.ready;
    await Promise.resolve();
    expect(shown).toEqual(["manual"]);
    expect(sk.show("manual")).toBe(false);
    sk.destroy();
  });
});

describe("survey targeting", () => {
  it("targets the shop's audiences, and one warning names a survey aimed at a segment that does not exist", async () => {
    _resetWarnings();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { sk, shown } = await start({
      audiences: [{ id: "buyers", rule: { field: "orders.count", op: "gt", value: 0 } }],
      surveys: [{ ...survey("typo", "purchase"), segments: ["buyer"] }, { ...survey("csat", "purchase"), segments: ["buyers"] }],
    });
    expect(sk.config.surveys!.map((s) => s.id)).toEqual(["csat"]);
    expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('surveys[0] "typo": segment "buyer"'))).toHaveLength(1);
    sk.track("purchase", { transactionId: "T1", items: [{ id: "a", price: 10 }] });
    expect(shown).toEqual(["csat"]);
    sk.destroy();
  });
});

describe("without a stored profile", () => {
  it("opens no survey by itself, as it could not keep one from opening on every page; show() still does, and granting brings the triggers back", async () => {
    const { sk, shown } = await start({ consent: "pending", surveys: [survey("views", { pageViews: 1 }), survey("manual", "manual")] });
    sk.track("page_view", PAGE);
    expect(shown).toEqual([]);
    expect(sk.show("manual")).toBe(true);
    expect(shown).toEqual(["manual"]);
    sk.consent("granted");
    // A new session, so the survey shown a moment ago does not hold this one back.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 3_600_000 });
    sk.track("page_view", PAGE);
    expect(shown).toEqual(["manual", "views"]);
    sk.destroy();
  });
});

describe("with the survey widget", () => {
  it("records no survey as shown, and spends no budget, on a page where widgets cannot render", async () => {
    _resetWarnings();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    // A host page that took shadow roots away (an override, a broken polyfill).
    const attach = vi.spyOn(Element.prototype, "attachShadow").mockImplementation(() => {
      throw new DOMException("blocked", "NotSupportedError");
    });
    const sk = createShopkeeper({ autoTrack: false, surveys: [survey("manual", "manual")] });
    const stop = startSurveys(sk);
    await sk.ready;
    expect(sk.show("manual")).toBe(false);
    expect(sk.profile().surveys).toEqual({});
    expect(sk.profile().interruptions).toEqual([]);
    expect(document.getElementById("shopkeeper-survey")).toBeNull();
    expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes("surveys off"))).toHaveLength(1);
    attach.mockRestore();
    stop();
    sk.destroy();
  });
});

describe("a survey shown means a survey seen", () => {
  const dialog = () => document.getElementById("shopkeeper-survey")?.shadowRoot?.querySelector("[role=dialog]");
  const field = () => {
    const input = document.createElement("input");
    document.body.append(input);
    input.focus();
    return input;
  };
  afterEach(() => {
    history.replaceState(null, "", "/");
    document.body.replaceChildren();
  });

  it("is recorded when the dialog opens after the visitor leaves the field, not when the survey is picked", async () => {
    const sent: string[] = [];
    const sk = createShopkeeper({ autoTrack: false, surveys: [survey("views", { pageViews: 1 })], onEvent: (e) => sent.push(e.name) });
    const stop = startSurveys(sk);
    await sk.ready;
    const input = field();
    sk.track("page_view", PAGE);
    expect(dialog()).toBeFalsy();
    expect(sk.profile().surveys).toEqual({});
    expect(sk.profile().interruptions).toEqual([]);
    expect(sent).not.toContain("survey_shown");
    input.blur();
    await vi.waitFor(() => expect(dialog()).toBeTruthy());
    expect(sk.profile().surveys.views?.count).toBe(1);
    expect(sk.profile().interruptions).toHaveLength(1);
    expect(sent.filter((n) => n == "survey_shown")).toHaveLength(1);
    stop();
    sk.destroy();
  });

  it("is not recorded for a survey dropped with the page the visitor typed on, so it is offered again", async () => {
    const sk = createShopkeeper({ autoTrack: false, surveys: [{ ...survey("home", { pageViews: 1 }), urls: ["/"] }] });
    const stop = startSurveys(sk);
    await sk.ready;
    const input = field();
    sk.track("page_view", PAGE);
    history.pushState(null, "", "/next");
    sk.track("page_view", { path: "/next", pageType: "other" });
    input.remove();
    await new Promise((r) => setTimeout(r));
    expect(dialog()).toBeFalsy();
    expect(sk.profile().surveys).toEqual({});
    expect(sk.profile().interruptions).toEqual([]);
    history.pushState(null, "", "/");
    sk.track("page_view", PAGE);
    expect(dialog()).toBeTruthy();
    expect(sk.profile().surveys.home?.count).toBe(1);
    stop();
    sk.destroy();
  });

  it("show() says whether the dialog opened: not while the visitor types, yes once it can", async () => {
    const sk = createShopkeeper({ autoTrack: false, surveys: [survey("manual", "manual")] });
    const stop = startSurveys(sk);
    await sk.ready;
    const input = field();
    expect(sk.show("manual")).toBe(false);
    input.blur();
    await vi.waitFor(() => expect(dialog()).toBeTruthy());
    stop();
    expect(sk.profile().surveys.manual?.count).toBe(1);
    expect(sk.show("manual")).toBe(false);
    sk.destroy();
  });

  it("show() is true when the dialog opens at once", async () => {
    const sk = createShopkeeper({ autoTrack: false, surveys: [survey("manual", "manual")], interruptions: { perSession: 5 } });
    const stop = startSurveys(sk);
    await sk.ready;
    expect(sk.show("manual")).toBe(true);
    expect(dialog()).toBeTruthy();
    stop();
    sk.destroy();
  });
});
