import type { Shopkeeper, ShopkeeperConfig } from "./types";
import { compact } from "./compact";
import { checkConfig, describe, isObject } from "./config";
import { startShopkeeper, type StartOptions } from "./create-shopkeeper";
import { nextTask } from "./catalog/parse-catalog";
import { attempt, warnOnce } from "./log";
import { own } from "./profile/own";

type Command = IArguments | unknown[];
type Stub = ((...args: unknown[]) => unknown) & { q?: Command[] };

const LOADED = "__shopkeeper_loaded";

/**
 * The script-tag start: reads `document.currentScript` now (it is only set while the script
 * first runs), waits for the document to be parsed (the JSON config block and end-of-body
 * JSON-LD may come after the tag), then starts the instance, runs `onStart`, replays the queue
 * and swaps the stub for the live `shopkeeper()` function; each step of `later` runs a task after
 * the one before. A second copy of the script starts nothing.
 */
export const startScriptTag = (options: StartOptions & { onStart?: (sk: Shopkeeper) => void; later?: ((sk: Shopkeeper) => void)[] } = {}): void => {
  const win = window as unknown as Record<string, unknown> & Window;
  if (win[LOADED]) {
    warnOnce("duplicate", "the script is on this page twice; the second copy does nothing");
    return;
  }
  win[LOADED] = true;
  const script = document.currentScript as HTMLScriptElement | null;
  const fromTag = readScriptTag(script);
  whenParsed(() => {
    const stub = win.shopkeeper as Stub | undefined;
    // The global is the public contract; another script's value there is replaced, but not quietly.
    if (stub !== undefined && typeof stub !== "function") warnOnce("global", "window.shopkeeper held something else; it is replaced", stub);
    const queue: unknown[][] = [];
    for (const call of typeof stub === "function" && Array.isArray(stub.q) ? stub.q : [])
      try {
        // The snippet queues `arguments` objects; a hand-written stub may queue anything.
        queue.push(Array.prototype.slice.call(call));
      } catch (error) {
        warnOnce("queue", "skipped a queued call that is not a list of arguments", call, error);
      }
    // Config and consent go first, whatever order the page queued them in.
    const isFirst = (call: unknown[]) => call[0] === "config" || call[0] === "consent";
    const bad: string[] = [];
    const raw: Record<string, unknown> = { ...readJsonConfig(bad), ...fromTag };
    for (const call of queue) if (call[0] === "config") isObject(call[1]) ? Object.assign(raw, call[1]) : bad.push(`shopkeeper("config", …): expected an object of options, got ${describe(call[1])}`);
    const sk = startShopkeeper(checkConfig(raw, bad), options);
    // Before the queue and the first page view: a survey due on this very page must find its
    // renderer listening.
    if (options.onStart) attempt("widgets", () => options.onStart!(sk), undefined);
    // Callbacks wait for storage to be read, then run at once (the contract): no microtask later.
    sk.ready.then(() => readyInstances.add(sk));
    // A stable sort: each group keeps the page's order.
    for (const call of queue.sort((a, b) => +isFirst(b) - +isFirst(a))) run(sk, call);
    try {
      win.shopkeeper = (...args: unknown[]) => run(sk, args, true);
    } catch (error) {
      // Another script made the name read-only: page calls cannot reach us, the rest still runs.
      warnOnce("global-locked", "window.shopkeeper is read-only, so page calls do not reach Shopkeeper", error);
    }
    // The rest in tasks of their own: with the widgets' first render in it, the start was one task
    // of 59-116 ms on a CPU slowed 4x.
    options.later?.reduce((done, step) => done.then(nextTask).then(() => attempt("widgets", () => step(sk), undefined)), Promise.resolve());
  });
};

// Instances whose storage was read: a callback given to one runs at once.
const readyInstances = new WeakSet<Shopkeeper>();

/** Runs one queued or live call; a bad call is reported and never stops the others. */
const run = (sk: Shopkeeper, [command, ...args]: unknown[], late?: boolean): unknown => {
  // Not String(command): an object without a prototype cannot become a string.
  const name = typeof command === "string" ? command : typeof command;
  try {
    if (typeof command === "function") {
      // The page's own callback may throw: reported here, never an unhandled rejection on the page.
      // The executor runs it at once and turns a throw into a rejection like an async one's.
      const call = () => new Promise((resolve) => resolve(command(sk))).catch((error) => warnOnce("callback", "a shopkeeper(fn) callback threw", error));
      return void (readyInstances.has(sk) ? call() : sk.ready.then(call));
    }
    // Queued config was merged before the start; a later one would silently do nothing.
    if (command === "config") return late ? warnOnce("config-late", 'shopkeeper("config") after the script started is ignored: queue it before, or use the JSON block') : undefined;
    const method = typeof command === "string" ? own(sk as unknown as Record<string, unknown>, command) : undefined;
    if (typeof method !== "function") return warnOnce(`command-${name}`, `unknown command "${name}"`);
    return (method as (...a: unknown[]) => unknown).apply(sk, args);
  } catch (error) {
    warnOnce(`command-${name}`, `"${name}" failed`, error);
    return undefined;
  }
};

// Each attribute by name: the dataset is never spread into options.
const readScriptTag = (script: HTMLScriptElement | null): ShopkeeperConfig => {
  if (!script) return {};
  const read = (name: string) => script.getAttribute(`data-${name}`) ?? undefined;
  // A bare attribute, "true" or "1" is on; "false" or "0" off; anything else goes to the config
  // check, which names it in its warning.
  const flag = (value: string | undefined) => (value === undefined ? undefined : /^(|true|1)$/.test(value) || (!/^(false|0)$/.test(value) && value));
  // Not a number ("10%"): kept as written, so the warning quotes what the page said.
  const number = (value: string | undefined) => (value?.trim() && !isNaN(+value) ? +value : value);
  // Absent attributes leave no key: an undefined here would hide the JSON config's value.
  return compact<Record<string, unknown>>({
    catalog: read("catalog"),
    catalogFormat: read("catalog-format"),
    locale: read("locale"),
    consent: read("consent"),
    holdout: number(read("holdout")),
    endpoint: read("endpoint"),
    nonce: read("nonce") ?? (script.nonce || undefined),
    debug: flag(read("debug")),
    dataLayer: flag(read("datalayer")),
  }) as ShopkeeperConfig;
};

// The `#shopkeeper-config` block's options; a block that is not a JSON object joins `problems`
// (with the parser's message, which points at a hand-written block's trailing comma), so the page
// gets one warning about all its options.
const readJsonConfig = (problems: string[]): Record<string, unknown> => {
  const block = document.getElementById("shopkeeper-config");
  if (!block?.textContent) return {};
  let why = "not an object";
  try {
    const parsed: unknown = JSON.parse(block.textContent);
    if (isObject(parsed)) return parsed;
  } catch (error) {
    why = (error as Error).message;
  }
  problems.push(`#shopkeeper-config: expected a JSON object (${why}); the block is ignored`);
  return {};
};

// Run from a DOMContentLoaded listener, a failure would reach the page as an uncaught error.
const whenParsed = (fn: () => void): void => {
  const start = () => {
    try {
      fn();
    } catch (error) {
      warnOnce("start", "could not start", error);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
};
