import type { EmittedEvent } from "../types";
import { isUnsafeKey } from "../privacy/is-safe";

/** Makes a GA4-safe name: letters, digits and underscores, 40 characters at most. */
const ga4 = (name: string) =>
  name
    .replace(/([a-z\d])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/\W/g, "_")
    .slice(0, 40);

// Nested objects become `parent_child` params; lists of objects stay lists (GA4 `items`).
function flatten(value: Record<string, unknown>, out: Record<string, unknown>, prefix: string, text: boolean): Record<string, unknown> {
  for (const key of Object.keys(value)) {
    let v = value[key];
    const name = ga4(prefix + key);
    // Images and markers are of no use to analytics; free text stays in the browser unless opted in.
    if (isUnsafeKey(key) || /^(image|unsafe|related)$/.test(key) || (key == "text" && !prefix && !text)) continue;
    // Query strings carry emails, tokens and search terms: never sent.
    if (typeof v == "string" && /url|path|referrer/i.test(key)) v = v.replace(/[?#][^]*/, "");
    if (Array.isArray(v)) out[name] = v.some((x) => typeof x == "object") ? v.map((x) => flatten(x as Record<string, unknown>, {}, "", text)) : v.join(key == "category" ? " > " : ",");
    else if (v && typeof v == "object") flatten(v as Record<string, unknown>, out, name + "_", text);
    else if (v !== undefined) out[name] = v;
  }
  return out;
}

/**
 * Turns an emitted event into what outgoing sinks send: `{ event: "shopkeeper_<name>", group, time,
 * ...params }` with GA4-safe snake_case param names, nested objects flattened, no query strings in
 * urls or paths, no page title, no visitor id, and free-text survey answers only when `sendFreeText` is true.
 * @example toOutgoing(event, { sendFreeText: false }) // { event: "shopkeeper_survey_response", group: "personalized", time: 1700000000000, survey_id: "exit-nps", answers_nps: 9, completed: true }
 */
export function toOutgoing(event: EmittedEvent, options: { sendFreeText: boolean }): Record<string, unknown> {
  const props = { ...event.props } as Record<string, unknown>;
  // A page's title can carry what the visitor searched for; analytics reads titles itself.
  if (event.name == "page_view") delete props.title;
  return flatten(props, { event: ga4("shopkeeper_" + event.name), group: event.group, time: event.time }, "", options.sendFreeText);
}
