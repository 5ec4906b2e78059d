import type { EmittedEvent } from "../types";
import type { OutgoingOptions } from "./sinks";
import { isUnsafeKey } from "../privacy/is-safe";

/** Makes a GA4-safe name: letters, digits and underscores, 40 characters at most. */
const ga4 = (name: string) =>
  name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/\W/g, "_")
    .slice(0, 40);

// Query strings carry emails, tokens and search terms: urls, paths and referrers lose them, and
// so does any other value that is a URL (a product whose id is its address).
const strip = (value: unknown, key: string): unknown =>
  typeof value == "string"
    ? /url|path|referrer/i.test(key) || /^https?:/i.test(value) ? value.replace(/[?#][^]*/, "") : value
    : Array.isArray(value)
      ? value.map((x) => strip(x, key))
      : value && typeof value == "object"
        ? Object.fromEntries(Object.keys(value).filter((k) => !isUnsafeKey(k)).map((k) => [k, strip((value as Record<string, unknown>)[k], k)]))
        : value;

/**
 * The privacy rules every destination gets, `onEvent` included, on the event's own shape: no query
 * strings in urls or paths, no page title (it can carry a search), and free-text survey answers only
 * when `sendFreeText` is true.
 * @example redact(event, false).props.text // undefined
 */
export const redact = (event: EmittedEvent, sendFreeText: boolean | undefined): EmittedEvent => {
  const props = strip(event.props, "") as Record<string, unknown>;
  if (event.name == "page_view") delete props.title;
  if (!sendFreeText) delete props.text;
  return { ...event, props } as EmittedEvent;
};

// Nested objects become `parent_child` params (`utm.utm_source` stays `utm_source`); lists of
// objects stay lists (GA4 `items`).
const flatten = (value: Record<string, unknown>, out: Record<string, unknown>, prefix: string): Record<string, unknown> => {
  for (const key of Object.keys(value)) {
    const v = value[key];
    const bare = ga4(key);
    const name = bare.startsWith(prefix) ? bare : ga4(prefix + key);
    // Images and markers are of no use to analytics.
    if (/^(image|unsafe|related)$/.test(key)) continue;
    if (Array.isArray(v)) out[name] = v.some((x) => typeof x == "object") ? v.map((x) => flatten(x as Record<string, unknown>, {}, "")) : v.join(key == "category" ? " > " : ",");
    else if (v && typeof v == "object") flatten(v as Record<string, unknown>, out, name + "_");
    else if (v !== undefined) out[name] = v;
  }
  return out;
};

/**
 * Turns an emitted event into what the dataLayer and the endpoint send: `{ event: "shopkeeper_<name>",
 * group, time, ...params }` with GA4-safe snake_case param names and nested objects flattened, after
 * `redact`. No visitor id is ever in an event.
 * @example toOutgoing(event, { sendFreeText: false }) // { event: "shopkeeper_survey_response", group: "personalized", time: 1700000000000, survey_id: "exit-nps", answers_nps: 9, completed: true }
 */
export const toOutgoing = (event: EmittedEvent, options: OutgoingOptions): Record<string, unknown> => flatten(redact(event, options.sendFreeText).props as Record<string, unknown>, { event: ga4("shopkeeper_" + event.name), group: event.group, time: event.time }, "");
