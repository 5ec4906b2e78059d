import { vi } from "vitest";
import { createProfile } from "../../../src/profile/create-profile";
import type {
  ConsentMode,
  EmittedEvent,
  EventMap,
  EventName,
  ExportData,
  InterestKind,
  Profile,
  Recommendation,
  Shopkeeper,
  ShopkeeperConfig,
} from "../../../src/types";

/** A visitor in their first session, one page seen, with `over` merged on top. */
export function fakeProfile(over: Partial<Profile> = {}): Profile {
  const fresh = createProfile(0, "visitor-1");
  return { ...fresh, sessions: 1, session: { ...fresh.session, pageViews: 1 }, pageViews: 1, ...over };
}

/** A recommended product with defaults. */
export function fakeProduct(id: string, over: Partial<Recommendation> = {}): Recommendation {
  return { id, title: `Product ${id}`, url: `https://shop.example/p/${id}`, reasons: [`Because ${id}`], strategy: "for-you", ...over };
}

/**
 * Stand-in for `topInterests` from the public entry: stated interests first, then affinity keys by
 * score, minus removed ones.
 */
export function fakeTopInterests(profile: Profile, _now: number, options: { limit?: number } = {}) {
  const out: { kind: InterestKind; value: string; score: number; stated: boolean }[] = [];
  for (const key of profile.stated) {
    const [kind, ...rest] = key.split(":");
    out.push({ kind: kind as InterestKind, value: rest.join(":"), score: 1, stated: true });
  }
  for (const kind of ["category", "brand", "tag"] as const)
    for (const [value, d] of Object.entries(profile.affinity[kind]))
      if (!profile.removed.includes(`${kind}:${value}`)) out.push({ kind, value, score: d.s, stated: false });
  return out.slice(0, options.limit ?? 8);
}

/** The public entry as widgets see it, with a deterministic `topInterests`. Use in `vi.mock`. */
export async function publicEntry() {
  const { vetHttpUrl } = await import("../../../src/url");
  const { focusedElement, focusedField } = await import("../../../src/track/focused-field");
  return { vetHttpUrl, focusedElement, focusedField, warnOnce: vi.fn(), topInterests: fakeTopInterests };
}

export interface FakeOptions {
  config?: ShopkeeperConfig;
  products?: Recommendation[];
  /** A never-settling `recommend()`, to see the loading state. */
  pending?: boolean;
  /** A `recommend()` that rejects with this error. */
  recommendError?: Error;
  /** Resolves when "storage has been read"; default: already resolved. */
  ready?: Promise<void>;
  profile?: Partial<Profile>;
  segments?: string[];
}

export interface Fake {
  sk: Shopkeeper;
  /** Every `track()` call, in order. */
  tracked: [EventName, unknown][];
  /** Emits an event, or the local `survey_offer`, to `on()` subscribers, as the core would. */
  emit<N extends EventName | "survey_offer">(name: N, props: N extends EventName ? EventMap[N] : { surveyId: string }): void;
  profile: Profile;
}

/**
 * A small in-memory Shopkeeper: `track` records the call and applies the visitor's own edits
 * (interests, personalisation, not interested) to the profile, as the core's fold does.
 */
export function fakeShopkeeper(options: FakeOptions = {}): Fake {
  const tracked: [EventName, unknown][] = [];
  const listeners = new Map<string, Set<(e: EmittedEvent) => void>>();
  const fake: Fake = {
    tracked,
    profile: fakeProfile(options.profile),
    emit(name, props) {
      for (const fn of listeners.get(name) ?? []) fn({ name, props, time: Date.now(), group: "personalized" } as EmittedEvent);
    },
    sk: undefined as unknown as Shopkeeper,
  };
  let consent: ConsentMode = "granted";
  const sk: Shopkeeper = {
    version: "test",
    config: options.config ?? {},
    group: "personalized",
    ready: options.ready ?? Promise.resolve(),
    track: vi.fn((name: EventName, props: unknown) => {
      tracked.push([name, props]);
      const p = fake.profile;
      const o = props as { kind: InterestKind; value: string; enabled: boolean; productId?: string };
      if (name === "interest_add") p.stated = [`${o.kind}:${o.value}`, ...p.stated];
      if (name === "interest_remove") {
        p.stated = p.stated.filter((k) => k !== `${o.kind}:${o.value}`);
        p.removed.push(`${o.kind}:${o.value}`);
      }
      if (name === "personalization") p.personalization = o.enabled;
      if (name === "not_interested" && o.productId) p.notInterested.products.push(o.productId);
      fake.emit(name, props as never);
    }) as Shopkeeper["track"],
    profile: () => structuredClone(fake.profile),
    segments: () => options.segments ?? [],
    rfm: () => null,
    recommend: vi.fn((o = {}) =>
      options.recommendError
        ? Promise.reject(options.recommendError)
        : options.pending
          ? new Promise<Recommendation[]>(() => undefined)
          : Promise.resolve((options.products ?? []).slice(0, o.limit ?? 4)),
    ),
    pageProducts: () => [],
    mount: (el, widget, o) => (typeof widget === "function" ? widget(el, sk, o as never) : () => undefined),
    on(name, fn) {
      const set = listeners.get(name) ?? new Set();
      set.add(fn as never);
      listeners.set(name, set);
      return () => set.delete(fn as never);
    },
    off: (name, fn) => void listeners.get(name)?.delete(fn as never),
    consent: (mode) => (consent = mode ?? consent),
    storage: () => "memory",
    show: () => false,
    export: vi.fn(async (): Promise<ExportData> => ({
      format: "shopkeeper-export",
      version: 1,
      exportedAt: new Date(0).toISOString(),
      profile: structuredClone(fake.profile),
      events: [],
      segments: options.segments ?? [],
      consent,
      group: "personalized",
    })),
    forget: vi.fn(async () => {
      fake.profile = fakeProfile();
    }),
    destroy: () => undefined,
  };
  fake.sk = sk;
  return fake;
}

/** Lets pending promises (a `recommend()`, an `export()`) settle; works under fake timers. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
