// The README is part of the contract: its examples compile and do what its prose says, and its
// tables name exactly what the code has (options, attributes, events, parts, custom properties,
// strings), so neither can drift from the other unnoticed.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../../src/config";
import { startScriptTag } from "../../../src/loader";
import { _resetWarnings } from "../../../src/log";
import { parseAudiences } from "../../../src/segments/audiences";
import { MAGNITUDE } from "../../../src/segments/segments";
import { parseSurveys } from "../../../src/surveys/validate-surveys";
import type { Shopkeeper } from "../../../src/types";
import { CHANNEL_STRINGS } from "../../../widgets/channels/strings";
import { STRINGS as PREFERENCE_STRINGS } from "../../../widgets/preferences/strings";
import { STRINGS as SHELF_STRINGS } from "../../../widgets/recommendations/strings";
import { SURVEY_STRINGS } from "../../../widgets/survey/strings";

const README = readFileSync("README.md", "utf8");
const win = window as unknown as Record<string, unknown>;

afterEach(() => {
  delete win.__shopkeeper_loaded;
  delete win.shopkeeper;
  _resetWarnings();
});

/** The fenced code blocks of one language, in order. */
const blocks = (lang: string) => [...README.matchAll(new RegExp("^```" + lang + "\\n([^]*?)^```", "gm"))].map((m) => m[1]!);

/** The README between two headings or phrases. */
const section = (from: string, to: string) => README.slice(README.indexOf(from), README.indexOf(to, README.indexOf(from)));

/** The backticked names in the first column of the table rows of `text`. */
const firstColumn = (text: string) => [...text.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((n) => n[1]!));

/** Every TypeScript and TSX source under `dir`. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [readFileSync(path, "utf8")] : [];
  });

/**
 * Type-checks `files` (name → code) as a developer's modules that import `shopkeeper` and
 * `shopkeeper/widgets`, under the project's strict options. Returns the diagnostics and a checker.
 */
function compile(files: Record<string, string>) {
  const root = resolve(".");
  const { config } = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  Object.assign(options, {
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    types: [],
    paths: { shopkeeper: [join(root, "src/index.ts")], "shopkeeper/widgets": [join(root, "widgets/index.ts")] },
  });
  const virtual = Object.fromEntries(Object.entries(files).map(([name, code]) => [join(root, "virtual", name), code]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => name in virtual || fileExists(name);
  host.readFile = (name) => virtual[name] ?? readFile(name);
  host.getSourceFile = (name, version, ...rest) =>
    name in virtual ? ts.createSourceFile(name, virtual[name]!, version, true) : getSourceFile(name, version, ...rest);
  const program = ts.createProgram(Object.keys(virtual), options, host);
  const diagnostics = Object.keys(virtual).flatMap((name) => ts.getPreEmitDiagnostics(program, program.getSourceFile(name)));
  return {
    errors: diagnostics.map((d) => `${d.file ? d.file.fileName.replace(root + "/", "") : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`),
    /** The property names of an exported interface of `shopkeeper`. */
    members(name: string): string[] {
      const checker = program.getTypeChecker();
      const entry = program.getSourceFile(join(root, "src/index.ts"))!;
      const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(entry)!).find((s) => s.name === name)!;
      return checker.getDeclaredTypeOfSymbol(ts.SymbolFlags.Alias & symbol.flags ? checker.getAliasedSymbol(symbol) : symbol).getProperties().map((p) => p.name);
    },
  };
}

let compiled: ReturnType<typeof compile> | undefined;
/** The README's TypeScript examples, each a module of its own, compiled once for every test here. */
const readmeProgram = () =>
  (compiled ??= compile(
    Object.fromEntries(
      blocks("ts").map((code, i) => [
        `example-${i + 1}.ts`,
        // An example that uses the instance without creating it gets one, as its prose says.
        (/\bconst sk\b/.test(code) ? "" : 'import type { Shopkeeper } from "shopkeeper";\ndeclare const sk: Shopkeeper;\n') + code + "\nexport {};\n",
      ]),
    ),
  ));

describe("the README's examples", () => {
  it("has TypeScript examples, and each compiles against the public entries", () => {
    expect(blocks("ts").length).toBeGreaterThanOrEqual(3);
    expect(readmeProgram().errors).toEqual([]);
  }, 60_000);

  it("runs the command-queue example as written: queued calls replay, the callback gets the instance", async () => {
    const [example] = blocks("js");
    expect(example).toContain('shopkeeper("track", "add_to_cart"');
    const rendered: unknown[] = [];
    const logged: unknown[] = [];
    const stub = function (...args: unknown[]) {
      (stub.q ||= []).push(args);
    } as ((...args: unknown[]) => void) & { q?: unknown[][] };
    win.shopkeeper = stub;
    // The example as a page would run it, before the script loads.
    new Function("shopkeeper", "render", "console", example!)(stub, (items: unknown) => rendered.push(items), { log: (value: unknown) => logged.push(value) });
    let sk: Shopkeeper | undefined;
    startScriptTag({ onStart: (instance) => void (sk = instance) });
    await vi.waitFor(() => expect(rendered).toHaveLength(1));
    expect(Array.isArray(rendered[0])).toBe(true);
    expect(sk!.consent()).toBe("granted");
    expect(sk!.profile().cart).toEqual([expect.objectContaining({ id: "sku-1", price: 20, quantity: 1 })]);
    sk!.track("survey_response", { surveyId: "exit-nps", answers: { nps: 9 }, completed: true });
    expect(logged).toEqual([{ surveyId: "exit-nps", answers: { nps: 9 }, completed: true }]);
    sk!.destroy();
  });

  it("runs the consent-manager example as written: granted, then denied on decline", async () => {
    const example = blocks("js").find((code) => code.includes("applyConsent"))!;
    const calls: unknown[][] = [];
    const listeners: Record<string, () => void> = {};
    const page = {
      shopkeeper: (...args: unknown[]) => calls.push(args),
      gtag: () => undefined,
      Cookiebot: { consent: { preferences: true } },
      window: { addEventListener: (name: string, fn: () => void) => (listeners[name] = fn) },
    };
    new Function(...Object.keys(page), example)(...Object.values(page));
    listeners.CookiebotOnAccept!();
    listeners.CookiebotOnDecline!();
    expect(calls).toEqual([["consent", "granted"], ["consent", "granted"], ["consent", "denied"]]);
  });

  it("shows a JSON config block and audiences that are valid as they stand", () => {
    const json = blocks("html")
      .map((html) => /<script type="application\/json" id="shopkeeper-config">([^]*?)<\/script>/.exec(html)?.[1])
      .find(Boolean)!;
    const config = JSON.parse(json);
    expect(parseConfig(config).problems).toEqual([]);
    expect(parseSurveys(config.surveys).problems).toEqual([]);
    const { audiences } = JSON.parse(blocks("json").find((code) => code.includes("audiences"))!);
    expect(parseConfig({ audiences }).problems).toEqual([]);
    expect(parseAudiences(audiences).problems).toEqual([]);
  });
});

describe("the README's reference tables", () => {
  it("list exactly the options ShopkeeperConfig has, and parseConfig knows each", () => {
    const documented = firstColumn(section("| key | type, default | meaning |", "## Events"));
    expect([...documented].sort()).toEqual([...readmeProgram().members("ShopkeeperConfig")].sort());
    for (const key of documented) expect(parseConfig({ [key]: Symbol() }).problems[0]).not.toContain("unknown option");
  }, 60_000);

  it("list exactly the events of EventMap", () => {
    const documented = firstColumn(section("| event | props | when |", "With `dataLayer: true`"));
    expect([...documented].sort()).toEqual([...readmeProgram().members("EventMap")].sort());
  }, 60_000);

  it("name exactly the instance's methods and properties under API", () => {
    const api = section("## API", "## Configuration");
    const documented = [...api.matchAll(/^### `([^`]+)`(?:, `([^`]+)`)?(?:, `([^`]+)`)?(?:, `([^`]+)`)?(?: and `([^`]+)`)?/gm)]
      .flatMap((m) => m.slice(1).filter(Boolean))
      .map((heading) => /^(\w+)/.exec(heading)![1]!)
      .filter((name) => name !== "createShopkeeper");
    expect([...documented].sort()).toEqual([...readmeProgram().members("Shopkeeper")].sort());
  }, 60_000);

  it("name every ::part and CSS custom property the widgets have, and no other", () => {
    const widgets = sources("widgets").join("\n");
    const look = section("### Look, theme and language", "## API");
    const parts = /::part\(([^)]+)\)/g;
    const documentedParts = [...look.matchAll(parts)].flatMap((m) => m[1]!.split("|").map((p) => p.trim()));
    const realParts = [...widgets.matchAll(/part(?:="|", ")([\w-]+)"/g)].map((m) => m[1]!);
    expect(new Set(documentedParts)).toEqual(new Set(realParts));
    const documentedProperties = [...look.matchAll(/`(--sk-[\w-]+)`/g)].map((m) => m[1]);
    expect(new Set(documentedProperties)).toEqual(new Set([...widgets.matchAll(/--sk-[\w-]+/g)].map((m) => m[0])));
  });

  it("list every widget string key, and only real ones", () => {
    const strings = section("#### Text keys", "## API");
    const rows = Object.fromEntries([...strings.matchAll(/^\| `(\w+)\.` \| (.+) \|$/gm)].map((m) => [m[1]!, [...m[2]!.matchAll(/`([^`]+)`/g)].map((k) => k[1]!)]));
    const keys = (tables: Record<string, Record<string, string>>) => Object.keys(tables.en!);
    expect(rows).toEqual({
      recommendations: keys(SHELF_STRINGS),
      survey: keys(SURVEY_STRINGS),
      channels: keys(CHANNEL_STRINGS),
      preferences: keys(PREFERENCE_STRINGS),
    });
  });

  it("list exactly the currencies whose revenue RFM divides, each by its power of ten", () => {
    const text = section("about the same in any currency", "Other currencies");
    const factors = ["0.1", "", "10", "100", "1000", "10,000", "100,000"];
    const listed = Object.fromEntries([...text.matchAll(/÷ ([\d.,]+) for ([A-Z, \n]+?)[;.]/g)].map((m) => [m[1]!, m[2]!.split(/[,\s]+/).filter(Boolean).join(" ")]));
    expect(listed).toEqual(Object.fromEntries(MAGNITUDE.map((codes, i) => [factors[i], codes]).filter(([, codes]) => codes)));
  });
});
