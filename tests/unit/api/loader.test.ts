import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startScriptTag } from "../../../src/loader";
import { _resetWarnings } from "../../../src/log";
import type { Shopkeeper } from "../../../src/index";

const win = window as unknown as Record<string, unknown>;

afterEach(() => {
  // An own property shadows the document's getter; deleting it brings the getter back.
  delete (document as unknown as Record<string, unknown>).currentScript;
  delete win.__shopkeeper_loaded;
  delete win.shopkeeper;
  _resetWarnings();
});

describe("the script-tag start", () => {
  it("says so when window.shopkeeper held another script's value, then takes the name", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    win.shopkeeper = { version: "another library" };
    startScriptTag({});
    await vi.waitFor(() => expect(typeof win.shopkeeper).toBe("function"));
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(["[shopkeeper] window.shopkeeper held something else; it is replaced (global)"]);
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("takes its own queue stub without a word", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const stub = Object.assign(() => undefined, { q: [["consent", "granted"]] });
    win.shopkeeper = stub;
    startScriptTag({});
    await vi.waitFor(() => expect(win.shopkeeper).not.toBe(stub));
    expect(warn).not.toHaveBeenCalled();
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("runs a callback at once when ready, queued ones after storage is read, and reports a rejecting one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const order: string[] = [];
    win.shopkeeper = Object.assign(() => undefined, { q: [[() => order.push("queued")], [() => Promise.reject(new Error("page bug"))]] });
    startScriptTag({});
    const shopkeeper = () => win.shopkeeper as (...args: unknown[]) => unknown;
    await vi.waitFor(() => expect(order).toEqual(["queued"]));
    shopkeeper()(() => order.push("live"));
    expect(order).toEqual(["queued", "live"]);
    await vi.waitFor(() => expect(warn.mock.calls.map((c) => String(c[0]))).toContain("[shopkeeper] a shopkeeper(fn) callback threw (callback)"));
    shopkeeper()("destroy");
  });

  it("runs onStart before the queue, then each later step in a task of its own", async () => {
    const seen: string[] = [];
    const stub = Object.assign(() => undefined, { q: [["consent", "pending"]] });
    win.shopkeeper = stub;
    // A timer set in a step fires before the next step only if that step waits for a new task.
    const step = (name: string) => (sk: Shopkeeper) => {
      seen.push(`${name}: ${sk.consent()}, ${win.shopkeeper === stub ? "stub" : "live"}`);
      setTimeout(() => seen.push(`a task after ${name}`));
    };
    startScriptTag({ onStart: step("start"), later: [step("locale"), step("mount")] });
    await vi.waitFor(() => expect(seen).toHaveLength(6));
    expect(seen).toEqual([
      "start: granted, stub",
      "a task after start",
      "locale: pending, live",
      "a task after locale",
      "mount: pending, live",
      "a task after mount",
    ]);
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("warns that a config call made after the start is ignored", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    win.shopkeeper = Object.assign(() => undefined, { q: [["config", { locale: "ur" }]] });
    startScriptTag({});
    await vi.waitFor(() => expect(typeof win.shopkeeper).toBe("function"));
    const shopkeeper = win.shopkeeper as (...args: unknown[]) => unknown;
    expect(warn).not.toHaveBeenCalled();
    shopkeeper("config", { locale: "ar" });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('shopkeeper("config") after the script started is ignored')]);
    shopkeeper("destroy");
  });

  it("skips queued calls that are not lists of arguments and runs the others", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const seen: string[] = [];
    const nameless = Object.create(null);
    win.shopkeeper = Object.assign(() => undefined, { q: [null, ["consent", "pending"], [nameless], [(sk: Shopkeeper) => seen.push(sk.consent())]] });
    startScriptTag({});
    await vi.waitFor(() => expect(seen).toEqual(["pending"]));
    expect(warn.mock.calls.map((c) => /\((\S+)\)$/.exec(String(c[0]))?.[1])).toEqual(["queue", "command-object"]);
    (win.shopkeeper as (c: string) => void)("destroy");
  });

  it("starts, and says why page calls cannot reach it, when window.shopkeeper is read-only", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const locked = Object.assign(() => undefined, { q: [["consent", "pending"]] });
    Object.defineProperty(win, "shopkeeper", { value: locked, writable: false, configurable: true });
    const mounted: Shopkeeper[] = [];
    startScriptTag({ later: [(sk) => mounted.push(sk)] });
    await vi.waitFor(() => expect(mounted).toHaveLength(1));
    expect(mounted[0]!.consent()).toBe("pending");
    expect(warn.mock.calls.map((c) => /\((\S+)\)$/.exec(String(c[0]))?.[1])).toEqual(["global-locked"]);
    mounted[0]!.destroy();
  });

  it("reports a start that fails after DOMContentLoaded on the console, not as an error on the page", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const escaped: unknown[] = [];
    const onError = (e: ErrorEvent) => escaped.push(e.error ?? e.message);
    window.addEventListener("error", onError);
    // Parsing is still going on when the script runs (a plain or early async script in <head>).
    Object.defineProperty(document, "readyState", { value: "loading", configurable: true });
    const hostile = {
      get locale(): string {
        throw new Error("page bug");
      },
    };
    win.shopkeeper = Object.assign(() => undefined, { q: [["config", hostile]] });
    startScriptTag({});
    delete (document as { readyState?: unknown }).readyState;
    document.dispatchEvent(new Event("DOMContentLoaded"));
    window.removeEventListener("error", onError);
    expect(escaped).toEqual([]);
    expect(warn.mock.calls.map((c) => /\((\S+)\)$/.exec(String(c[0]))?.[1])).toEqual(["start"]);
  });
});

/** Puts a script tag with `attributes` on the page as `document.currentScript`, with a JSON block and a queue. */
function page(attributes: Record<string, string>, json?: string, queue: unknown[][] = []) {
  const script = document.createElement("script");
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  document.head.append(script);
  Object.defineProperty(document, "currentScript", { configurable: true, value: script });
  if (json !== undefined) {
    const block = document.createElement("script");
    block.type = "application/json";
    block.id = "shopkeeper-config";
    block.textContent = json;
    document.body.append(block);
  }
  win.shopkeeper = Object.assign(() => undefined, { q: queue });
}

/** Starts the script tag and resolves to its instance once the live function is in place. */
async function start(): Promise<Shopkeeper> {
  let sk: Shopkeeper | undefined;
  startScriptTag({ onStart: (instance) => void (sk = instance) });
  await vi.waitFor(() => expect(sk).toBeDefined());
  return sk!;
}

describe("the script tag's options", () => {
  // A valid value of each attribute the README lists, and the option it sets.
  const ATTRIBUTES: Record<string, [string, Record<string, unknown>]> = {
    "data-catalog": ["/feed.json", { catalog: "/feed.json" }],
    "data-catalog-format": ["shopify", { catalogFormat: "shopify" }],
    "data-locale": ["ur-PK", { locale: "ur-PK" }],
    "data-consent": ["pending", { consent: "pending" }],
    "data-holdout": ["0.1", { holdout: 0.1 }],
    "data-endpoint": ["https://shop.example/collect", { endpoint: "https://shop.example/collect" }],
    "data-datalayer": ["", { dataLayer: true }],
    "data-nonce": ["r4nd0m", { nonce: "r4nd0m" }],
    "data-debug": ["1", { debug: true }],
  };

  it("reads every attribute the README lists, each by name, and no other", async () => {
    const readme = readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("Script tag attributes"), readme.indexOf("Yes/no attributes"));
    expect([...table.matchAll(/^\| `(data-[\w-]+)` \|/gm)].map((m) => m[1])).toEqual(Object.keys(ATTRIBUTES));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "debug").mockImplementation(() => undefined);
    page({ ...Object.fromEntries(Object.entries(ATTRIBUTES).map(([name, [value]]) => [name, value])), "data-autotrack": "false", "data-strings": "{}" });
    const sk = await start();
    expect(sk.config).toEqual({ ...Object.assign({}, ...Object.values(ATTRIBUTES).map(([, option]) => option)), surveys: [], audiences: [] });
    expect(warn).not.toHaveBeenCalled();
    sk.destroy();
  });

  it("lets attributes win over the JSON block, and queued config calls over both", async () => {
    page({ "data-locale": "ur", "data-holdout": "0.2" }, '{ "locale": "ar", "holdout": 0.5, "theme": "dark", "debug": false }', [["config", { holdout: 0, autoTrack: false }]]);
    const sk = await start();
    expect(sk.config).toMatchObject({ locale: "ur", holdout: 0, theme: "dark", debug: false, autoTrack: false });
    sk.destroy();
  });

  it("takes onEvent from a queued config call", async () => {
    const seen: string[] = [];
    page({}, undefined, [["config", { autoTrack: false, onEvent: (event: { name: string }) => seen.push(event.name) }], ["track", "add_to_cart", { id: "sku-1", price: 20 }]]);
    const sk = await start();
    await sk.ready;
    expect(seen).toContain("add_to_cart");
    sk.destroy();
  });

  it("names a JSON block that does not parse, and a config call without an object, in the one grouped warning", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    page({ "data-holdout": "10%" }, '{ "surveys": [], }', [["config", "ur"]]);
    const sk = await start();
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[shopkeeper\] ignored invalid options \(the rest works\):\n- holdout: expected a share between 0 and 1, e\.g\. 0\.1 for 10%, got "10%"\n- #shopkeeper-config: expected a JSON object \(.+\); the block is ignored\n- shopkeeper\("config", …\): expected an object of options, got "ur" \(config\)$/);
    sk.destroy();
  });
});
