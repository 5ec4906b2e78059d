import type {
  ConsentMode,
  EmittedEvent,
  EventMap,
  EventName,
  ExportData,
  Product,
  Profile,
  Recommendation,
  RecommendOptions,
  Shopkeeper,
  ShopkeeperConfig,
  Survey,
  TrackedEvent,
  TrackProps,
  Widget,
} from "./types";
// These imports set the order of the core in the bundles: the tracker, ranking, catalog and rules
// first gzips about 200 B smaller than starting with the config and the store (measured).
import { startTracker } from "./track/tracker";
import { recommend as rank } from "./recommend/recommend";
import { loadCatalog } from "./catalog/load-catalog";
import { pickSurvey } from "./surveys/pick-survey";
import { getAudienceIds, parseAudiences } from "./segments/audiences";
import { listen } from "./track/listen";
import { checkConfig } from "./config";
import { attempt, warnOnce } from "./log";
import { plain, stringify } from "./plain";
import { storableProps } from "./profile/storable";
import { createStateStore } from "./store/state-store";
import { createEmitter } from "./events/emitter";
import { createRateLimit } from "./events/rate-limit";
import { callbackSink, dataLayerSink, beaconSink } from "./events/sinks";
import { hasGlobalPrivacyControl } from "./privacy/gpc";
import { createProfile } from "./profile/create-profile";
import { foldProfile } from "./profile/fold";
import { pruneProfile, validateProfile } from "./profile/validate";
import { getRfm, getSegments, SEGMENTS } from "./segments/segments";
import { parseSurveys } from "./surveys/validate-surveys";
import { drain, nextTask, parseCatalog } from "./catalog/parse-catalog";
import { indexSteps } from "./recommend/catalog-index";
import { assignGroup } from "./measure/holdout";
import { watchExitIntent } from "./track/exit-intent";
import { viewedToProducts } from "./catalog/seen-products";
import { own } from "./profile/own";

export const VERSION = "0.1.0";

// Shared by every copy of the SDK in a window: a registered symbol, not a module variable.
const LIVE = Symbol.for("shopkeeper.live");
const SINGLE_ITEM: EventName[] = ["view_item", "select_item", "add_to_cart", "remove_from_cart"];

/** What the script tag adds on top of the options: named widgets for `mount(el, "name")`. */
export interface StartOptions {
  widgets?: Record<string, Widget<never>>;
}

/**
 * Creates a Shopkeeper instance. Invalid options are named, with what was expected, in one console
 * warning and left out (their defaults apply); nothing it does throws into the page.
 * @example
 * const sk = createShopkeeper({ catalog: "/products.json", locale: "en" });
 * const items = await sk.recommend({ strategy: "for-you", limit: 4 });
 */
export function createShopkeeper(options: ShopkeeperConfig = {}): Shopkeeper {
  return startShopkeeper(checkConfig(options));
}

/** Starts an instance from options that were already checked (`checkConfig`): both entries use it. */
export function startShopkeeper(input: ShopkeeperConfig, start: StartOptions = {}): Shopkeeper {
  // Undefined in a server render.
  const win: Window | undefined = globalThis.window;
  const now = () => Date.now();
  const { audiences, problems: audienceProblems } = parseAudiences(input.audiences ?? []);
  const { surveys, problems: surveyProblems } = parseSurveys(input.surveys ?? [], [...SEGMENTS, ...audiences.map((a) => a.id)]);
  const problems = [...surveyProblems, ...audienceProblems];
  if (problems.length) warnOnce("config-rules", `skipped invalid surveys or audiences:\n- ${problems.join("\n- ")}`);
  const config: ShopkeeperConfig = { ...input, surveys, audiences };

  const emitter = createEmitter();
  const limit = createRateLimit({ now });
  let destroyed = false;
  let isReady = false;
  let lastSegments: string[] = [];
  const undelivered: TrackedEvent[] = [];
  const stops: (() => void)[] = [];
  let consentMode: ConsentMode = config.consent ?? "granted";

  // Two tracking instances in one window (the script tag and an npm import) count every page twice.
  if (win && config.autoTrack !== false) {
    const live = win as unknown as Record<symbol, number>;
    if ((live[LIVE] = (live[LIVE] || 0) + 1) > 1) warnOnce("instances", "another instance already tracks this page, so every event counts twice: destroy() it, or set autoTrack: false");
    stops.push(() => void live[LIVE]!--);
  }

  // Leaving: this page's engaged time joins the queue before the store's own pagehide write and
  // the endpoint's batch, which run next because their listeners are added after these. On phones
  // "hidden" is the last event a page is sure to get.
  if (win) stops.push(listen(win, "pagehide", () => tracker?.flush()), listen(win.document, "visibilitychange", () => win.document.visibilityState == "hidden" && tracker?.flush()));
  const store = createStateStore({
    // The checked options the store shares (flushInterval, maxEvents, retentionDays): each a
    // valid number or absent, for the store's default. The rest of the config it never reads.
    ...config,
    // The pure modules read halfLifeDays from the config themselves, 14 when it is not set.
    fold: (profile, event) => foldProfile(profile, event, event.time, config),
    create: () => createProfile(now(), randomId()),
    validate: validateProfile,
    prune: (profile, at) => pruneProfile(profile, at, config.retentionDays ?? 180, config.halfLifeDays),
    now,
    consent: consentMode,
    // A server render has no tabs to sync and nothing to keep: memory only, and no handle left open.
    ...(win ? { win } : { persist: false }),
    // What storage brought in (another tab's change, its erase) has no event of ours: a signal tells the widgets.
    onChange: (_, external) => (updateSegments(false), external && refresh()),
  });

  const group = () => assignGroup(store.profile().id, config.holdout ?? 0);

  // Outgoing destinations exist only when the shop names them, and send only with consent
  // granted; GPC switches them all off.
  const gpc = win && config.respectGpc !== false && hasGlobalPrivacyControl(win.navigator);
  if (gpc) warnOnce("gpc", "Global Privacy Control is on: no event leaves this browser");
  else if (win) {
    const consented = { on: (name: "*", fn: (event: EmittedEvent) => void) => emitter.on(name, (event) => consentMode === "granted" && fn(event)) };
    if (config.onEvent) stops.push(consented.on("*", callbackSink(config.onEvent, config)));
    if (config.dataLayer) stops.push(consented.on("*", dataLayerSink(win, config)));
    if (config.endpoint) stops.push(beaconSink(win, config.endpoint, config, consented));
  }
  if (config.debug) stops.push(emitter.on("*", (event) => console.debug("[shopkeeper]", event.name, event.props)));

  const deliver = (event: TrackedEvent) => emitter.emit({ ...event, group: group() } as EmittedEvent);

  // A reloaded order-confirmation page pushes the same purchase again: the stored ring of recent
  // events remembers which orders were already counted, and refunded.
  const stored = (name: EventName, props: EventMap["refund"]) =>
    props.transactionId ? store.events().find((e) => e.name === name && (e.props as typeof props).transactionId === props.transactionId) : undefined;

  const record = <N extends EventName>(name: N, props: EventMap[N]): void => {
    if (destroyed || !limit.take()) return;
    const event = { name, props, time: now() } as TrackedEvent;
    // Until storage is read the stored orders are unknown: the repeat check waits with the event.
    if (isReady) accept(event);
    else undelivered.push(event);
  };

  const accept = (event: TrackedEvent): void => {
    const props = event.props as EventMap["refund"];
    const refund = event.name === "refund";
    if (event.name === "purchase" && stored("purchase", props)) return;
    // A whole refund of an order still among the stored events un-counts it, once: the fold reads
    // that order's props and time from the stored refund. Any other refund is kept empty: it
    // teaches nothing.
    const order = refund && !props.items?.length && !stored("refund", props) && stored("purchase", props);
    // Stored lean (a bounded copy); listeners and destinations get the event as the page gave it.
    if (!event.name.startsWith("segment_")) store.add({ ...event, props: storableProps(refund ? (order ? { ...order.props, order: order.time } : {}) : props) } as TrackedEvent);
    deliver(event);
    react(event);
  };

  const segments = (): string[] => {
    const profile = store.profile();
    const built = getSegments(profile, now(), config);
    const path = win?.location.pathname ?? "/";
    return [...built, ...getAudienceIds(audiences, { profile, segments: built, url: path, now: now() })];
  };

  // With `moved`, the segments entered and left since the last call become events. Only this tab's
  // own events move the visitor: what the store brings in (another tab's events, which that tab
  // reported; the stored profile read when consent is granted; an erase) is taken silently, or each
  // open tab, and each page of a shop that starts consent pending, would report it again.
  const updateSegments = (moved: boolean): void => {
    if (!isReady) return;
    const next = segments();
    if (moved) {
      for (const segment of next) if (!lastSegments.includes(segment)) record("segment_enter", { segment });
      for (const segment of lastSegments) if (!next.includes(segment)) record("segment_leave", { segment });
    }
    lastSegments = next;
  };

  // Widgets redraw on it when the profile changed without an event of this tab. Local: never
  // stored, never sent (destinations subscribe to "*"), and not before the first read, which widgets await.
  const refresh = () => isReady && emitter.emit({ name: "profile_change" }, true);

  // Survey triggers: the core decides what is due; whoever renders it says when it was seen.
  let tracker: ReturnType<typeof startTracker> | undefined;
  // Engaged time in this visit only: a returning visitor leaving the page they just opened has
  // not engaged yet, whatever earlier visits added up to. Flushing first counts the page they leave.
  const engagedSeconds = () => {
    tracker?.flush();
    const start = store.profile().session.start;
    let seconds = 0;
    for (const e of store.events()) if (e.name === "dwell" && e.time >= start) seconds += (e.props as EventMap["dwell"]).seconds;
    return seconds;
  };

  // True when the survey was recorded as shown.
  const offerSurvey = (kind: "exit-intent" | "page-view" | "purchase" | "manual", surveyId?: string): boolean => {
    // Something must render it (the survey widget, or the shop's own code listening for
    // survey_shown): a survey nobody sees must not be recorded as shown or spend the budget. And
    // only a stored profile keeps the display rules and the budget from one page to the next:
    // without one (consent pending or denied, storage failed) a survey could open on every page,
    // so only the shop's own show() opens one.
    const offer = emitter.has("survey_offer");
    if (!surveys.length || !(offer || emitter.has("survey_shown")) || (kind !== "manual" && store.mode() !== "idb")) return false;
    const profile = store.profile();
    const survey = pickSurvey(surveys, { kind: kind === "exit-intent" && profile.cart.length ? "cart-abandonment" : kind, surveyId }, {
      profile,
      segments: segments(),
      path: win?.location.pathname ?? "/",
      now: now(),
      budget: config.interruptions,
    });
    if (!survey) return false;
    const count = () => own(store.profile().surveys, survey.id)?.count;
    const before = count();
    // A renderer that may wait (the widget, while the visitor types in a field) tracks survey_shown
    // itself once the survey is on screen: one dropped meanwhile spends neither its display rule
    // nor the budget. The shop's own on("survey_shown") renders at once.
    if (offer) emitter.emit({ name: "survey_offer", props: { surveyId: survey.id } }, true);
    else record("survey_shown", { surveyId: survey.id });
    return count() != before;
  };

  const react = (event: TrackedEvent): void => {
    if (event.name === "page_view") offerSurvey("page-view");
    else if (event.name === "purchase") offerSurvey("purchase");
    else if (event.name === "exit_intent" && engagedSeconds() >= (config.exitIntentMinSeconds ?? 15)) offerSurvey("exit-intent");
    if (event.name !== "segment_enter" && event.name !== "segment_leave") updateSegments(true);
  };

  // The catalog: a feed, the shop's own array, or (with neither) the products seen on pages.
  let feed: Product[] | undefined = Array.isArray(config.catalog)
    ? parseCatalog(stringify(config.catalog), { format: "shopkeeper", baseUrl: win?.location.href ?? "http://localhost/" }).products
    : undefined;
  let feedLoading: Promise<unknown> | undefined;
  const seenOnPage = new Map<string, Product>();

  const catalog = (): Product[] => {
    if (feed?.length) return feed;
    const seen = viewedToProducts(store.profile().viewed);
    for (const product of seenOnPage.values()) if (!seen.some((p) => p.id === product.id)) seen.push(product);
    return seen;
  };

  // A new feed replaces the old one once its ranking index is built, in slices that leave the
  // page responsive: a 100,000-product index takes about 70 ms in one go. The build starts, and
  // the first ranking runs, each in a task of its own: run on in the task that ended the parse or
  // the build, they made it 85-95 ms long (50,000 products, 4x slowed CPU).
  const publish = (products: Product[]) =>
    nextTask()
      .then(() => drain(indexSteps(products), now))
      .catch(() => undefined)
      .then(nextTask)
      .then(() => (feed = products));

  const startCatalog = (): void => {
    if (typeof config.catalog !== "string" || !win) return;
    let url: string;
    try {
      url = new URL(config.catalog, win.location.href).href;
    } catch {
      return warnOnce("catalog-url", `catalog not loaded: "${config.catalog}" is not a URL`);
    }
    feedLoading = loadCatalog(url, {
      ...(config.catalogFormat ? { format: config.catalogFormat } : {}),
      // The store's own get/set (memory-backed unless consent is granted).
      cache: store,
      now,
      onUpdate: (products) => void publish(products),
    }).then(publish, () => undefined);
  };

  const ready = store.ready
    .then(() => {
      if (destroyed) return;
      isReady = true;
      updateSegments(false);
      // One event the fold or a listener chokes on must not stop the rest, or the start.
      for (const event of undelivered.splice(0)) attempt("event", () => accept(event), undefined);
      startCatalog();
      if (win && config.autoTrack !== false) {
        tracker = startTracker(win, {
          idleTimeout: config.idleTimeout ?? 30_000,
          emit: (name, props) => {
            record(name, props);
            if (name === "view_item" || name === "view_item_list") for (const item of (props as EventMap["view_item"]).items) if (item.title && item.url) seenOnPage.set(item.id, item as Product);
          },
        });
        stops.push(() => tracker?.stop());
        if (surveys.some((s) => s.trigger === "exit-intent" || s.trigger === "cart-abandonment")) stops.push(watchExitIntent(win, (signal) => record("exit_intent", { signal })));
      }
    })
    // Whatever failed, here or reading storage, `ready` resolves: page code and widgets wait for it.
    .catch((error: unknown) => warnOnce("start", "could not start", error));

  const instance: Shopkeeper = {
    version: VERSION,
    config,
    get group() {
      return group();
    },
    ready,
    // Listeners and destinations always get `items` (GA4's shape), however the page named the product.
    track(name, props) {
      // Queued page code is untyped: without a name nothing is recorded, and listeners, the
      // fold and the order check always get an object.
      if (typeof name !== "string" || !name) return warnOnce("track-name", "track() needs an event name, got", name);
      const given = (props && typeof props === "object" ? props : {}) as TrackProps<typeof name>;
      record(name, (SINGLE_ITEM.includes(name) && !("items" in given) && "id" in given ? { items: [given] } : given) as EventMap[typeof name]);
    },
    // profile() and export() hand out copies the page cannot change, made without its toJSON.
    profile: () => plain(store.profile()) as Profile,
    segments,
    rfm: () => getRfm(store.profile(), now()),
    async recommend(options: RecommendOptions = {}): Promise<Recommendation[]> {
      await ready;
      if (feedLoading && !feed) await feedLoading;
      const profile = store.profile();
      const personal = profile.personalization && group() === "personalized";
      const inView = instance.pageProducts()[0]?.id;
      const locale = config.locale || win?.document.documentElement.lang || win?.navigator.language || "en";
      return rank(catalog(), profile, options, {
        // maxPerCategory and excludeOutOfStock as the shop set them; the rest is decided here.
        ...config,
        inView,
        now: now(),
        locale,
        strings: config.strings?.[locale.split("-")[0]!.toLowerCase()],
        group: personal ? "personalized" : "control",
      });
    },
    pageProducts: () => tracker?.pageProducts() ?? [],
    mount(el, widget, options) {
      const widgets = start.widgets ?? {};
      const render = typeof widget !== "string" ? widget : own(widgets, widget);
      // A widget that fails or is missing still hands back a teardown, so page code can always call it.
      const noop = () => undefined;
      if (typeof render !== "function") {
        warnOnce(`widget-${String(widget)}`, `no widget named "${String(widget)}"`);
        return noop;
      }
      // The registered name: a minified function's own name says nothing in a warning.
      const name = typeof widget === "string" ? widget : Object.keys(widgets).find((key) => widgets[key] === widget) ?? (widget.name || "widget");
      const teardown = attempt(`widget-${name}`, () => (render as Widget<typeof options>)(el, instance, (options ?? {}) as typeof options), noop);
      return typeof teardown === "function" ? teardown : noop;
    },
    on: emitter.on,
    off: emitter.off,
    consent(mode?: ConsentMode) {
      if (mode === undefined) return consentMode;
      if (["granted", "pending", "denied"].includes(mode)) void store.setConsent((consentMode = mode));
      else warnOnce("consent-mode", `consent must be "granted", "pending" or "denied"; kept "${consentMode}"`);
      return consentMode;
    },
    storage: store.mode,
    // Before the stored profile is read, its display rules are unknown: the survey opens, if
    // still due, once they are.
    show: (surveyId) => (isReady ? offerSurvey("manual", surveyId) : (void ready.then(() => instance.show(surveyId)), false)),
    async export(): Promise<ExportData> {
      await ready;
      await store.flush();
      return {
        format: "shopkeeper-export",
        version: 1,
        exportedAt: new Date(now()).toISOString(),
        profile: plain(store.profile()) as Profile,
        events: plain(store.events()) as TrackedEvent[],
        segments: segments(),
        consent: consentMode,
        group: group(),
      };
    },
    async forget() {
      // The mirror is empty at once: an event tracked while the database is deleted moves the
      // visitor from there, not out of the erased profile's segments.
      const erased = store.forget();
      seenOnPage.clear();
      updateSegments(false);
      await erased;
      refresh();
    },
    destroy() {
      if (destroyed) return;
      for (const stop of stops.splice(0)) attempt("destroy", stop, undefined);
      // Closed after the last write, when the page may be gone: a failure there is reported, never a rejection.
      void store.flush().finally(() => attempt("destroy", store.close, undefined));
      destroyed = true;
    },
  };

  return guard(instance);
}

/** Wraps every method so nothing reaches the host page as an exception. */
function guard(instance: Shopkeeper): Shopkeeper {
  for (const key of Object.keys(instance) as (keyof Shopkeeper)[]) {
    const method = instance[key];
    if (typeof method !== "function") continue;
    // A failed recommend() still resolves to a list: a shelf shows nothing rather than breaks.
    // (It is async, so only its promise can fail; the synchronous methods fail to undefined.)
    const fail = (error: unknown) => (warnOnce(`api-${key}`, `${key}() failed`, error), key === "recommend" ? [] : undefined);
    (instance as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      try {
        const result = (method as (...a: unknown[]) => unknown)(...args);
        return result instanceof Promise ? result.catch(fail) : result;
      } catch (error) {
        return fail(error);
      }
    };
  }
  return instance;
}

function randomId(): string {
  const c = globalThis.crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
