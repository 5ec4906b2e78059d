/**
 * The shapes every layer shares: products, tracked events, the profile, the config and the
 * public instance. Types only: importing this file costs no bytes.
 */

/** Where a page sits in the shop's funnel. */
export type PageType = "home" | "category" | "product" | "cart" | "checkout" | "search" | "other";

/** Stock state, normalised from every spelling a shop uses (`InStock`, `in stock`, `instock`...). */
export type Availability = "in_stock" | "out_of_stock" | "preorder" | "backorder";

/** One product, the same shape whatever the source (page markup, dataLayer, feed). */
export interface Product {
  /** Always a string; numeric ids from feeds are stringified. */
  id: string;
  title: string;
  /** As given by the source, made absolute where a base was known. Vetted only at render time. */
  url: string;
  image?: string;
  /** The price the visitor pays now (the sale price when on sale). */
  price?: number;
  /** The list price when it is higher than `price`: the product is on sale. */
  compareAtPrice?: number;
  /** ISO 4217 code, upper case. */
  currency?: string;
  /** Category path, broadest first: `["Shoes", "Running", "Trail"]`. */
  category?: string[];
  brand?: string;
  tags?: string[];
  availability?: Availability;
  /** Average rating on a 0–5 scale. */
  rating?: number;
  ratingCount?: number;
  /** Any non-negative number where higher means more popular (sales, views, a rank inverted). */
  popularity?: number;
  /** Ids the shop says go with this one (bought together, accessories). */
  related?: string[];
  sku?: string;
  /** Variant group (`item_group_id`, Shopify product of a variant). */
  groupId?: string;
  /**
   * Ids and skus of the variants merged into this product, besides its own: a page or event
   * naming the variant a visitor chose (a Shopify variant id, the second variant's sku) finds it.
   */
  variantIds?: string[];
  /**
   * Fields whose raw value must not be trusted by a renderer: a `javascript:` url, markup in a
   * title. The data is kept as given; the renderer shows text and drops unvetted links.
   */
  unsafe?: ("url" | "image" | "title")[];
}

/** A product as it appears inside an event: only the id is certain. */
export type EventItem = { id: string } & Partial<Omit<Product, "id">> & { quantity?: number };

/** Ecommerce payload shared by the GA4-style events. */
export interface EcommerceProps {
  items: EventItem[];
  currency?: string;
  value?: number;
  listName?: string;
}

/** Which holdout group a visitor is in: `control` sees non-personal lists. */
export type HoldoutGroup = "personalized" | "control";

/** Consent modes: `pending` and `denied` keep everything in memory only. */
export type ConsentMode = "granted" | "pending" | "denied";

/** A signal that the visitor is about to leave. */
export type ExitSignal = "pointer" | "scroll" | "back" | "hidden" | "idle";

/** A survey answer value: a number for scales, strings for choices and free text. */
export type AnswerValue = number | string | string[];

/** The events Shopkeeper records and emits, by name, with their properties. */
export interface EventMap {
  page_view: { path: string; title?: string; referrer?: string; pageType: PageType; utm?: Record<string, string> };
  /** The products found on the current page (markup, globals, `data-shopkeeper-product`). */
  view_item: EcommerceProps;
  view_item_list: EcommerceProps;
  select_item: EcommerceProps;
  add_to_cart: EcommerceProps;
  remove_from_cart: EcommerceProps;
  view_cart: EcommerceProps;
  begin_checkout: EcommerceProps;
  purchase: EcommerceProps & { transactionId?: string };
  /** A refund: of the listed `items`, or without items of the whole order `transactionId`. */
  refund: Partial<EcommerceProps> & { transactionId?: string };
  /** Engaged time on a page (and on its product, when the page shows one), flushed on hide/leave. */
  dwell: { path: string; seconds: number; productId?: string };
  exit_intent: { signal: ExitSignal };
  survey_shown: { surveyId: string };
  /** Scale and choice answers in `answers`; free text apart in `text`, kept in the browser unless the shop opts in. */
  survey_response: { surveyId: string; answers: Record<string, AnswerValue>; text?: Record<string, string>; completed: boolean };
  survey_dismissed: { surveyId: string; questionId?: string };
  channel_select: { channel: string; preferred?: boolean };
  recommendation_impression: { productId: string; strategy: string; position: number };
  recommendation_click: { productId: string; strategy: string; position: number };
  /** The visitor told us something: an interest added or removed, or "not interested". */
  interest_add: { kind: InterestKind; value: string };
  interest_remove: { kind: InterestKind; value: string };
  not_interested: { productId?: string; category?: string };
  personalization: { enabled: boolean };
  segment_enter: { segment: string };
  segment_leave: { segment: string };
}

export type EventName = keyof EventMap;

/** Events that may name their one product flat in `track()`: `{ id, price }` is read as `{ items: [{ id, price }] }`. */
export type SingleItemEvent = "view_item" | "select_item" | "add_to_cart" | "remove_from_cart";

/** What `track(name, props)` takes. */
export type TrackProps<N extends EventName> = N extends SingleItemEvent ? EventMap[N] | EventItem : EventMap[N];
export type InterestKind = "category" | "brand" | "tag";

/** A recorded event: what the fold consumes and the ring of recent events stores. */
export interface TrackedEvent<N extends EventName = EventName> {
  name: N;
  props: EventMap[N];
  /** Epoch milliseconds when it happened (a label; durations come from `performance.now()`). */
  time: number;
}

/** What `on()` subscribers receive. */
export interface EmittedEvent<N extends EventName = EventName> extends TrackedEvent<N> {
  group: HoldoutGroup;
}

/** A score that decays exponentially: the value `s` was exact at time `t`. */
export interface Decayed {
  s: number;
  t: number;
}

export interface CartLine {
  id: string;
  quantity: number;
  price?: number;
  currency?: string;
  title?: string;
}

/** A product the visitor looked at, as it was then (for price-drop and back-in-stock). */
export interface ViewedProduct {
  id: string;
  title?: string;
  /** Kept so products seen on pages can be recommended without a feed. */
  url?: string;
  image?: string;
  category?: string[];
  brand?: string;
  price?: number;
  currency?: string;
  availability?: Availability;
  /** Last view time (epoch ms). */
  t: number;
  /** Session number of the last view, to find products seen together. */
  session: number;
  views: number;
  /** Engaged seconds on this product. */
  seconds: number;
}

export interface SurveyState {
  /** Last time shown, epoch ms. */
  shown: number;
  count: number;
  answered?: number;
  dismissed?: number;
  answers?: Record<string, AnswerValue>;
}

/**
 * Everything Shopkeeper knows about the visitor: a bounded, plain-JSON value produced by the
 * pure fold `(profile, event, now) -> profile`. Field by field in the README.
 */
export interface Profile {
  /** Schema version of this value. */
  v: 1;
  /** A random id made on this device; it never leaves it (only the holdout group derived from it does). */
  id: string;
  firstSeen: number;
  lastSeen: number;
  /** Sessions started (a session ends after 30 minutes without activity). */
  sessions: number;
  session: { start: number; last: number; pageViews: number; productViews: number; carted: boolean };
  pageViews: number;
  productViews: number;
  /** Engaged seconds, all pages. */
  engagedSeconds: number;
  /** Interest scores with time decay, keyed by value. Category keys are paths joined by " > ". */
  affinity: { category: Record<string, Decayed>; brand: Record<string, Decayed>; tag: Record<string, Decayed>; price: Record<string, Decayed> };
  cart: CartLine[];
  /** Ever added anything to a cart. */
  cartAdds: number;
  orders: {
    count: number;
    /** Revenue per currency. */
    revenue: Record<string, number>;
    /** Recent order times, oldest first (bounded). */
    times: number[];
    /** Orders placed in a short session after little browsing. */
    impulse: number;
  };
  /** Recently viewed products, most recent first (bounded). */
  viewed: ViewedProduct[];
  /** Purchased product ids, most recent first (bounded). */
  bought: string[];
  /** Counts behind discount sensitivity. */
  sale: { viewed: number; viewedOnSale: number; bought: number; boughtOnSale: number };
  surveys: Record<string, SurveyState>;
  channel: { preferred?: string; explicit?: boolean; picks: Record<string, number> };
  /** Interests the visitor stated (`kind:value`), and ones they removed (never inferred again). */
  stated: string[];
  removed: string[];
  notInterested: { products: string[]; categories: string[] };
  /** False when the visitor switched personalisation off in the preferences panel. */
  personalization: boolean;
  /** Times (epoch ms) a pop-up interrupted the visitor, newest last (bounded): the shared budget. */
  interruptions: number[];
}

/** RFM scores, each 1–5 (5 = most recent / most frequent / highest spend). */
export interface Rfm {
  r: number;
  f: number;
  m: number;
}

export type Strategy =
  | "for-you"
  | "recently-viewed"
  | "similar"
  | "bought-together"
  | "trending"
  | "price-drop"
  | "back-in-stock";

export interface RecommendOptions {
  strategy?: Strategy;
  limit?: number;
  /** The product in view: excluded from the list and the seed for `similar`/`bought-together`. */
  context?: string;
}

/** A recommended product with the reasons it was chosen, in the visitor's language. */
export interface Recommendation extends Product {
  reasons: string[];
  /** The strategy that actually produced it (after the cold-start ladder). */
  strategy: Strategy;
}

/** A survey question; `next` maps an answer to the id of the next question (or "end"). */
export interface SurveyQuestion {
  id: string;
  type: "nps" | "csat" | "ces" | "single" | "multi" | "text";
  text: string;
  choices?: string[];
  /** Low/high end labels of a scale. */
  lowLabel?: string;
  highLabel?: string;
  maxLength?: number;
  /** The visitor may go on without answering (scales get a Next button; choices allow none). */
  optional?: boolean;
  /** Branching: answer (or "*") -> question id or "end". Scale answers match "0-6" style ranges. */
  next?: Record<string, string>;
}

export type SurveyTrigger =
  | "exit-intent"
  | "cart-abandonment"
  | "purchase"
  | "manual"
  | { pageViews: number };

export interface Survey {
  id: string;
  trigger: SurveyTrigger;
  questions: SurveyQuestion[];
  title?: string;
  thanks?: string;
  /** Show only to visitors in one of these segments or audiences. */
  segments?: string[];
  /** URL path patterns (`*` wildcard) where the survey may show. */
  urls?: string[];
  /** `once` (default), `until-answered`, or `{ everyDays: N }`. */
  display?: "once" | "until-answered" | { everyDays: number };
}

export type ChannelType =
  | "whatsapp"
  | "phone"
  | "sms"
  | "email"
  | "messenger"
  | "instagram"
  | "telegram"
  | "x"
  | "chat"
  | "link";

export interface Channel {
  type: ChannelType;
  /** A number, address, handle or URL, per type. `chat` needs none. */
  value?: string;
  label?: string;
  /** Prefilled message; every `{product}` is replaced by the product in view. */
  message?: string;
  /** Opening hours: `{ tz: "Asia/Karachi", days: [1,2,3,4,5], open: "09:00", close: "18:00" }`. */
  hours?: { tz?: string; days?: number[]; open: string; close: string };
}

/** A rule audience: JSON conditions evaluated on the device. */
export type Rule =
  | { all: Rule[] }
  | { any: Rule[] }
  | { not: Rule }
  | { field: string; op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte" | "in" | "contains" | "exists"; value?: unknown }
  | { segment: string }
  | { url: string };

export interface Audience {
  id: string;
  rule: Rule;
}

/** Options of `createShopkeeper()`; the script tag builds the same from `data-*` and JSON config. */
export interface ShopkeeperConfig {
  /** Feed URL, or the products themselves. Without it, products seen on pages are the catalog. */
  catalog?: string | Product[];
  catalogFormat?: "auto" | "shopkeeper" | "shopify" | "woocommerce" | "google" | "meta";
  /** BCP 47 locale for widget text, numbers and prices; default: the document's `lang`. */
  locale?: string;
  /** Initial consent mode. Default `granted`. */
  consent?: ConsentMode;
  /** Share of visitors (0–1) kept as a control group that sees non-personal lists. Default 0. */
  holdout?: number;
  /** An `https:` URL the shop owns; events are sent there in batches. */
  endpoint?: string;
  /** Push `shopkeeper_*` events to `window.dataLayer`. Default false. */
  dataLayer?: boolean;
  /** Called for every event (a destination of the shop's own). */
  onEvent?: (event: EmittedEvent) => void;
  /** Send free-text survey answers to outgoing sinks. Default false. */
  sendFreeText?: boolean;
  /** Honour Global Privacy Control by turning off outgoing sinks. Default true. */
  respectGpc?: boolean;
  /** CSP nonce for the `<style>` fallback. */
  nonce?: string;
  debug?: boolean;
  /** Track page views, dwell and page products automatically. Default true in a browser. */
  autoTrack?: boolean;
  /** Idle window for engaged time, ms. Default 30,000. */
  idleTimeout?: number;
  /** Half-life of interest scores, days. Default 14. */
  halfLifeDays?: number;
  /** Events and profile facts older than this are pruned, days. Default 180. */
  retentionDays?: number;
  /** Recent events kept beside the profile. Default 500. */
  maxEvents?: number;
  /** Longest wait before a batched write, ms. Default 2,000. */
  flushInterval?: number;
  /** Most items from one category in a recommendation list. Default 2. */
  maxPerCategory?: number;
  /** Leave out-of-stock products out of lists. Default true. */
  excludeOutOfStock?: boolean;
  surveys?: Survey[];
  channels?: Channel[];
  /** Channel order per segment: `{ "loyal": ["whatsapp", "email"] }`. */
  channelOrder?: Record<string, ChannelType[]>;
  audiences?: Audience[];
  /** Extra languages or overrides: `{ "fr": { "title": "Pour vous" } }`. */
  strings?: Record<string, Record<string, string>>;
  /** Pop-up budget shared by every widget that interrupts. */
  interruptions?: { perSession?: number; perDay?: number };
  /** Minimum engaged seconds on the site before exit intent may open anything. Default 15. */
  exitIntentMinSeconds?: number;
  theme?: "auto" | "light" | "dark";
  /** Show a floating channel button. Default true when channels are configured. */
  floatingChannels?: boolean;
}

/** What `export()` returns: the whole stored state, versioned. */
export interface ExportData {
  format: "shopkeeper-export";
  version: 1;
  exportedAt: string;
  profile: Profile;
  events: TrackedEvent[];
  segments: string[];
  consent: ConsentMode;
  group: HoldoutGroup;
}

/** A widget renders into `host` and returns its teardown. The core never knows which widgets exist. */
export type Widget<O = Record<string, unknown>> = (host: HTMLElement, shopkeeper: Shopkeeper, options: O) => () => void;

/** Where the profile lives right now. */
export type StorageMode = "idb" | "memory" | "none";

/**
 * What `on()` takes beside the events: a signal of this page only, never stored or sent anywhere.
 * `profile_change`: the profile changed without an event of this tab; `survey_offer`: a survey is
 * due, and whoever renders it tracks `survey_shown` once it is on screen (README, Events).
 */
export type LocalEvent = "profile_change" | "survey_offer";

export type Listener<N extends EventName | LocalEvent> = N extends EventName
  ? (event: EmittedEvent<N>) => void
  : N extends "survey_offer"
    ? (event: { name: N; props: { surveyId: string } }) => void
    : () => void;

/** The public instance: from `createShopkeeper()` or `shopkeeper(sk => ...)` on the script tag. */
export interface Shopkeeper {
  readonly version: string;
  /** Resolved configuration (read-only); widgets read surveys, channels, locale and nonce here. */
  readonly config: Readonly<ShopkeeperConfig>;
  /** Holdout group of this visitor. */
  readonly group: HoldoutGroup;
  /** Resolves once the stored profile has been read (or storage was found unavailable). */
  readonly ready: Promise<void>;
  track<N extends EventName>(name: N, props: TrackProps<N>): void;
  /** A deep copy of the current profile. */
  profile(): Profile;
  /** Built-in segments and the shop's audiences this visitor is in. */
  segments(): string[];
  rfm(): Rfm | null;
  recommend(options?: RecommendOptions): Promise<Recommendation[]>;
  /** The current page's own product (none or one), as found in its markup and events. */
  pageProducts(): Product[];
  mount<O>(el: HTMLElement, widget: Widget<O> | string, options?: O): () => void;
  on<N extends EventName | LocalEvent>(name: N, fn: Listener<N>): () => void;
  off<N extends EventName | LocalEvent>(name: N, fn: Listener<N>): void;
  /** Read, or switch, the consent mode. */
  consent(mode?: ConsentMode): ConsentMode;
  storage(): StorageMode;
  /** Open a survey now, if it exists and the interruption budget allows; true when it is on screen. */
  show(surveyId: string): boolean;
  export(): Promise<ExportData>;
  forget(): Promise<void>;
  destroy(): void;
}
