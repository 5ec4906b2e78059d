// Shared plumbing for the real-browser tests: one Chromium per file, the repository served on
// 127.0.0.1, and pages that record every uncaught error so each test can assert there were none.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
// @ts-expect-error plain ESM helper shared with the scripts
import { launchChromium, serveStatic } from "../../scripts/lib/chromium.mjs";

type Route = (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, url: URL) => unknown;

/**
 * A route that answers with the widgets test page, each `[from, to]` replaced once, and without
 * the static server's `no-store` (so the page can enter the back/forward cache).
 */
export const widgetsPage =
  (...edits: [from: string, to: string][]): Route =>
  (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(edits.reduce((html, [from, to]) => html.replace(from, to), readFileSync("tests/browser/pages/widgets.html", "utf8")));

export interface Harness {
  browser: Browser;
  url: string;
  /** A fresh browser profile (own IndexedDB); pages opened in it record `errors`. */
  context(options?: Parameters<Browser["newContext"]>[0]): Promise<BrowserContext>;
  page(context?: BrowserContext): Promise<TrackedPage>;
}

export interface TrackedPage extends Page {
  errors: string[];
  warnings: string[];
}

/**
 * Starts Chromium and the static server for the file's tests; `routes` answer special paths.
 * `launch.bfcache` keeps the back/forward cache on; `launch.args` are added to Chromium's.
 */
export function useBrowser(routes: Record<string, Route> = {}, launch: { bfcache?: boolean; args?: string[] } = {}): Harness {
  const harness = {} as Harness;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const server = await serveStatic(undefined, routes);
    harness.url = server.url;
    close = server.close;
    harness.browser = await launchChromium(launch);
    harness.context = (options) => harness.browser.newContext(options);
    harness.page = async (context) => {
      const page = (await (context ?? (await harness.context())).newPage()) as TrackedPage;
      page.errors = [];
      page.warnings = [];
      page.on("pageerror", (error) => page.errors.push(String(error)));
      page.on("console", (message) => {
        if (message.type() === "warning") page.warnings.push(message.text());
        if (message.type() === "error" && !/Failed to load resource/.test(message.text())) page.errors.push(message.text());
      });
      return page;
    };
  });
  afterAll(async () => {
    await harness.browser?.close();
    await close?.();
  });
  return harness;
}
