// Long tasks while the script tag loads a 50,000-product feed, in Debian's Chromium with the CPU
// slowed 4x (CDP Emulation.setCPUThrottlingRate): from navigation until the recommendations shelf
// shows products, the count of tasks over 50 ms, the longest, the total blocking time, and what ran
// in each (Long Animation Frame script attribution); the count and longest of those in the script
// tag's own start (before the feed request, or up to the task that renders the first widget); the
// same figures as the first for the tasks after the start; then the long tasks of the next 2 s.
// For a Shopkeeper JSON feed and a Google Merchant RSS feed, both generated here in memory, three
// runs each: a throttled CPU makes single runs noisy. Needs `dist/shopkeeper.js` (npm run build);
// `--script PATH` serves another build in its place (an unminified one names functions), `--runs N`
// sets the runs per feed. Figures only, no assertions.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { launchChromium, serveStatic, ROOT } from "../lib/chromium.mjs";
import { generateCatalog } from "../../tests/fixtures/eval/generate.mjs";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const script = resolve(arg("--script", resolve(ROOT, "dist/shopkeeper.js")));
const runs = Number(arg("--runs", 3));
const SIZE = 50_000;
const THROTTLE = 4;
const AFTER = 2000;

const products = generateCatalog(SIZE, 11);
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
const feeds = {
  json: { type: "application/json", body: JSON.stringify({ products }) },
  xml: {
    type: "application/xml",
    body:
      '<?xml version="1.0"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Bench</title>\n' +
      products
        .map((p) =>
          [
            "<item>",
            `<g:id>${p.id}</g:id><g:title>${esc(p.title)}</g:title><g:link>${p.url}</g:link><g:image_link>${p.image}</g:image_link>`,
            p.compareAtPrice ? `<g:price>${p.compareAtPrice} USD</g:price><g:sale_price>${p.price} USD</g:sale_price>` : `<g:price>${p.price} USD</g:price>`,
            `<g:brand>${esc(p.brand)}</g:brand><g:product_type>${esc(p.category.join(" > "))}</g:product_type>`,
            `<g:availability>${p.availability.replace("_", " ")}</g:availability><tags>${p.tags.join(",")}</tags>`,
            // Not a Merchant attribute, but without a popularity signal the shelf of a new visitor stays empty.
            `<popularity>${p.popularity}</popularity>`,
            "</item>",
          ].join(""),
        )
        .join("\n") +
      "\n</channel></rss>\n",
  },
};

const page = (feed) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>long tasks</title>
<script>window.shopkeeper=window.shopkeeper||function(){(shopkeeper.q=shopkeeper.q||[]).push(arguments)}</script>
<script async src="/shopkeeper.js" data-catalog="/feed.${feed}"></script></head>
<body><h1>Shop</h1><div data-shopkeeper="recommendations" data-limit="8"></div></body></html>`;

const routes = {
  "/shopkeeper.js": async (_req, res) =>
    void res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(await readFile(script)),
  "/bench.html": (_req, res, url) => void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(url.searchParams.get("feed"))),
};
for (const [name, { type, body }] of Object.entries(feeds)) {
  const bytes = Buffer.from(body);
  routes[`/feed.${name}`] = (_req, res) => void res.writeHead(200, { "content-type": type, "content-length": bytes.length, "cache-control": "no-store" }).end(bytes);
}

// Runs in the page before any of its scripts: every long task and long animation frame, buffered,
// the moment the first widget renders (its shadow root) and the moment the first product link lands
// in a shadow root (the shelf, as it renders).
const observe = () => {
  window.__long = { tasks: [], frames: [], mount: 0, shelf: 0 };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    window.__long.mount ||= performance.now();
    const root = attach.call(this, init);
    const seen = new MutationObserver(() => root.querySelector("a[href]") && (window.__long.shelf ||= performance.now(), seen.disconnect()));
    seen.observe(root, { childList: true, subtree: true });
    return root;
  };
  const watch = (type, list) => {
    try {
      new PerformanceObserver((l) => list.push(...l.getEntries().map((e) => e.toJSON()))).observe({ type, buffered: true });
    } catch {}
  };
  watch("longtask", window.__long.tasks);
  watch("long-animation-frame", window.__long.frames);
};

// What each entry point is, by the invoker LoAF names and whether it ran in the start.
const PHASES = [
  [/\.js$/, "evaluating the script (and the start, if the page was parsed already)"],
  [/onDOMContentLoaded/, "script-tag start: config, instance, queue"],
  [/ReadableStreamDefaultReader/, "feed download: reading the body"],
  [/Scheduler\.yield|setTimeout/, "a chunked job resumed: parse, index build, or what runs after it", "script-tag start: the locale, then the widgets"],
  [/Response|fetch/, "feed download"],
];
const phase = (invoker, start) => {
  const [, label = "", inStart = label] = PHASES.find(([re]) => re.test(invoker)) ?? [];
  return start ? inStart : label;
};
const source = await readFile(script, "utf8");
// A few characters of the script where a function starts: enough to recognise it in a minified build.
const at = (pos) => (pos >= 0 ? source.slice(pos, pos + 48).replace(/\s+/g, " ") : "");

const measure = async (browser, feed) => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  tab.on("pageerror", (error) => console.error("page error:", error.message));
  const cdp = await context.newCDPSession(tab);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
  await tab.addInitScript(observe);
  await tab.goto(`${server.url}/bench.html?feed=${feed}`);
  await tab.waitForFunction(() => window.__long.shelf, null, { timeout: 120_000, polling: 50 });
  // What still runs once the shelf is there (the cache write, garbage collection) is shown apart.
  await tab.waitForTimeout(AFTER);
  const { tasks, frames, mount, shelf } = await tab.evaluate(() => window.__long);
  const feedStart = await tab.evaluate(() => performance.getEntriesByType("resource").find((e) => /\/feed\./.test(e.name))?.startTime ?? 0);
  await context.close();
  const long = tasks.filter((t) => t.startTime < shelf && t.duration > 50);
  const after = tasks.filter((t) => t.startTime >= shelf && t.duration > 50);
  // The script tag's own start: evaluation, the instance and the queue, storage read, then the
  // widget mount a task or two later: all before the feed is asked for, or the mount after it.
  const inStart = (t) => t.startTime < feedStart || t.startTime <= mount;
  const start = long.filter(inStart);
  const loading = long.filter((t) => !inStart(t));
  const stats = (list) => `${list.length} / ${Math.max(0, ...list.map((t) => t.duration)).toFixed(0)} / ${list.reduce((sum, t) => sum + t.duration - 50, 0).toFixed(0)}`;
  return {
    shelf,
    after: after.map((t) => t.duration.toFixed(0)).join(", ") || "none",
    start: `${start.length} / ${Math.max(0, ...start.map((t) => t.duration)).toFixed(0)}`,
    loading: stats(loading),
    count: long.length,
    longest: Math.max(0, ...long.map((t) => t.duration)),
    tbt: long.reduce((sum, t) => sum + t.duration - 50, 0),
    long: long.map((t) => ({
      start: t.startTime,
      duration: t.duration,
      scripts: frames
        .filter((f) => f.startTime < t.startTime + t.duration && f.startTime + f.duration > t.startTime)
        .flatMap((f) => f.scripts)
        .filter((s) => s.startTime >= t.startTime - 1 && s.startTime < t.startTime + t.duration && s.duration > 10)
        .map((s) => ({ ...s, inStart: inStart(t) })),
    })),
  };
};

const server = await serveStatic(ROOT, routes);
const browser = await launchChromium();
try {
  console.log(`long tasks while the script tag loads ${SIZE.toLocaleString("en")} products, CPU throttled ${THROTTLE}x, until the shelf shows them`);
  for (const feed of Object.keys(feeds)) {
    console.log(`\n${feed} feed, ${(Buffer.byteLength(feeds[feed].body) / 2 ** 20).toFixed(1)} MB`);
    console.log(`run   shelf (ms)   tasks > 50 ms   longest (ms)   total blocking (ms)   in the start: count / longest   after the start, the feed asked for: count / longest / TBT   then, ${AFTER / 1000} s after (ms)`);
    for (let n = 1; n <= runs; n++) {
      const r = await measure(browser, feed);
      console.log(`${String(n).padEnd(5)} ${r.shelf.toFixed(0).padStart(10)}   ${String(r.count).padStart(13)}   ${r.longest.toFixed(0).padStart(12)}   ${r.tbt.toFixed(0).padStart(19)}   ${r.start.padStart(28)}   ${r.loading.padStart(57)}   ${r.after}`);
      for (const t of r.long) {
        console.log(`        ${t.duration.toFixed(0).padStart(4)} ms at ${t.start.toFixed(0)} ms${r.shelf < t.start + t.duration ? ", ends with the shelf's first render" : ""}`);
        for (const s of t.scripts)
          console.log(`          ${s.duration.toFixed(0).padStart(4)} ms  ${phase(s.invoker, s.inStart)}  [${s.invoker}${s.sourceFunctionName ? " " + s.sourceFunctionName : ""} @${s.sourceCharPosition}: ${at(s.sourceCharPosition)}]`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
