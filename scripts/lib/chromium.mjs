// Real-browser plumbing shared by browser tests, benchmarks and screenshots: Debian's Chromium
// driven by playwright-core, and a static file server bound to 127.0.0.1.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(new URL("../..", import.meta.url).pathname);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".xml": "application/xml",
  ".tsv": "text/tab-separated-values",
  ".csv": "text/csv",
};

/** Finds a Chromium binary or explains exactly how to get one. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error("Chromium not found. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM=/path/to/chromium)");
  }
  return found;
}

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--enable-precise-memory-info",
];

/**
 * Launches Debian's Chromium headless. `bfcache: true` keeps the back/forward cache on, which
 * Playwright otherwise switches off so that `goBack()` always reloads.
 */
export function launchChromium(options = {}) {
  return chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    headless: true,
    ...(options.bfcache && { ignoreDefaultArgs: ["--disable-back-forward-cache"] }),
  });
}

/**
 * Serves `root` on 127.0.0.1 with a random port. `routes` maps a path to a handler
 * `(req, res) => boolean` that answers it (for headers such as CSP or ETag tests).
 */
export async function serveStatic(root = ROOT, routes = {}, port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = routes[url.pathname];
    if (route && (await route(req, res, url)) !== false) return;
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) return void res.writeHead(403).end();
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((ok) => server.close(ok)) };
}
