import type { EmittedEvent } from "../types";
import type { Emitter } from "./emitter";
import { warnOnce } from "../log";
import { vetHttpUrl } from "../url";
import { listen, stopAll } from "../track/listen";
import { redact, toOutgoing } from "./payload";
import { stringify } from "../plain";

/** What outgoing sinks may send (the checked config fits). Free text only when `sendFreeText` is true. */
export interface OutgoingOptions {
  sendFreeText?: boolean | undefined;
}

type Sink = (event: EmittedEvent) => void;

/** Largest beacon body: under the 64 KB that keepalive requests may carry in flight (Fetch spec, "keepalive"). */
const LIMIT = 6e4;
/** Room left for the events once the envelope around them is counted. */
const ROOM = LIMIT - 64;

/**
 * Wraps the shop's own `onEvent` callback: it receives every event in its own shape after `redact`
 * (the callback is a way out of the browser like the others), and an error it throws is reported
 * once instead of reaching other sinks or the page.
 * @example emitter.on("*", callbackSink((event) => console.log(event.name), { sendFreeText: false }));
 */
export function callbackSink(fn: Sink, options: OutgoingOptions): Sink {
  return (event) => {
    try {
      fn(redact(event, options.sendFreeText));
    } catch (error) {
      warnOnce("on-event", "onEvent threw", error);
    }
  };
}

/**
 * Pushes `{ shopkeeper: null }`, then `{ event: "shopkeeper_<name>", shopkeeper: {...params} }`, to `window.dataLayer` for GTM and
 * GA4. The array is created only when absent, never replaced; a `dataLayer` without `push` (broken
 * sites set it to an object) is left alone with one warning.
 * @example emitter.on("*", dataLayerSink(window, { sendFreeText: false }));
 */
export function dataLayerSink(win: Window, options: OutgoingOptions): Sink {
  const w = win as unknown as { dataLayer?: unknown[] };
  return (event) => {
    const payload = toOutgoing(event, options);
    try {
      // GTM merges nested objects into its data model: clearing first keeps one event's values
      // from showing up in the next (Google's advice for `ecommerce`).
      const layer = (w.dataLayer ??= []);
      layer.push({ shopkeeper: null });
      layer.push({ event: payload.event, shopkeeper: payload });
    } catch (error) {
      // Not an array (`push` missing) or a host `push` that throws.
      warnOnce("data-layer", "dataLayer.push failed, events not sent there", error);
    }
  };
}

/**
 * Sends events to the shop's own `https:` endpoint as JSON `text/plain` batches under 60 KB
 * (`{ sentAt, events: [...] }`), every 10 seconds and when the page is hidden or left:
 * `navigator.sendBeacon` first, one `fetch` if the beacon is refused (with `keepalive` only when the
 * page is being hidden or left: otherwise it would share the beacons' 64 KB in-flight limit), then
 * the batch is dropped (no retries). Any other URL (`http:`, credentials, `javascript:`) is
 * refused with one warning and nothing is ever sent. Returns the stop function (sends what is left).
 * @example const stop = beaconSink(window, "https://shop.example/collect", { sendFreeText: false }, emitter);
 */
export function beaconSink(win: Window, endpoint: string, options: OutgoingOptions, emitter: Pick<Emitter, "on">): () => void {
  const url = vetHttpUrl(endpoint, win.location.href);
  if (!url?.startsWith("https:")) {
    warnOnce("endpoint", "endpoint must be https: without credentials, nothing sent", endpoint);
    return () => undefined;
  }
  const doc = win.document;
  let parts: string[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // `leaving`: the page is being hidden or closed, the one time a request must outlive it.
  const send = (leaving?: unknown) => {
    clearTimeout(timer);
    timer = undefined;
    if (!parts.length) return;
    const body = `{"sentAt":${Date.now()},"events":[${parts.join(",")}]}`;
    parts = [];
    size = 0;
    try {
      if (win.navigator.sendBeacon(url, body)) return;
    } catch {
      // Missing, or refused by a strict policy: the fetch below is the one fallback.
    }
    try {
      // Refused beacons are mostly the 64 KB that beacons and keepalive requests share while in
      // flight (a burst of batches): an ordinary fetch has no such limit, so keepalive only when leaving.
      win.fetch(url, { method: "POST", body, keepalive: !!leaving || doc.visibilityState == "hidden" }).catch(() => undefined);
    } catch {
      // No fetch either: the batch is dropped.
    }
  };

  const push = (event: EmittedEvent) => {
    const json = stringify(toOutgoing(event, options));
    const bytes = new Blob([json]).size + 1;
    if (bytes > ROOM) return warnOnce("beacon-size", "an event over 60 KB was not sent");
    if (size + bytes > ROOM) send();
    parts.push(json);
    size += bytes;
    timer ??= setTimeout(send, 1e4);
  };

  return stopAll([() => send(1), emitter.on("*", push), listen(doc, "visibilitychange", () => doc.visibilityState == "hidden" && send()), listen(win, "pagehide", send)]);
}
