// Offline evaluation of the ranking, printed as tables. Needs `dist/lab.mjs` (npm run build).
//   node scripts/eval.mjs                      simulated visitors: precision@4 of for-you vs trending
//   node scripts/eval.mjs --sessions FILE      next-item HR@20 / MRR@20 from session logs, first 80% of time trains
//                                              (TSV `SessionId ItemId Time`, or OTTO JSONL)
//   --visitors N  --catalog N  --seed N  --lab PATH (another build of lab.mjs)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createVisitor, generateCatalog, random } from "../tests/fixtures/eval/generate.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const labPath = resolve(opt("lab", new URL("../dist/lab.mjs", import.meta.url).pathname));
let lab;
try {
  lab = await import(pathToFileURL(labPath).href);
} catch (error) {
  console.error(`Cannot load ${labPath}: run \`npm run build\` first (${error.message})`);
  process.exit(1);
}
const { recommend, foldProfile, createProfile, buildRelated } = lab;
const DAY = 864e5;
const START = Date.UTC(2026, 0, 1);
const table = (rows) => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((v, c) => String(v)[c ? "padStart" : "padEnd"](widths[c])).join("  "));
};

if (args.includes("--sessions")) sessions(opt("sessions"));
else simulate(Number(opt("visitors", 500)), Number(opt("catalog", 5000)), Number(opt("seed", 7)));

function simulate(visitors, size, seed) {
  const catalog = generateCatalog(size, seed);
  const rnd = random(seed + 1);
  const checkpoints = [1, 3, 5, 10];
  const sums = Object.fromEntries(checkpoints.map((k) => [k, { forYou: 0, trending: 0, personal: 0 }]));
  for (let v = 0; v < visitors; v++) {
    const visitor = createVisitor(catalog, rnd);
    let profile = createProfile(START, `visitor-${v}`);
    let now = START;
    for (let views = 1; views <= 10; views++) {
      const p = visitor.next();
      now += 60_000 + rnd() * 120_000;
      profile = foldProfile(profile, { name: "view_item", props: { items: [p] }, time: now }, now);
      const seconds = 15 + rnd() * 60;
      now += seconds * 1000;
      profile = foldProfile(profile, { name: "dwell", props: { path: new URL(p.url).pathname, seconds, productId: p.id }, time: now }, now);
      if (!sums[views]) continue;
      const ctx = { now, locale: "en" };
      const mine = recommend(catalog, profile, { strategy: "for-you", limit: 4 }, ctx);
      const base = recommend(catalog, profile, { strategy: "trending", limit: 4 }, ctx);
      const precision = (list) => list.filter(visitor.relevant).length / 4;
      sums[views].forYou += precision(mine);
      sums[views].trending += precision(base);
      sums[views].personal += mine.filter((r) => r.strategy == "for-you").length / 4;
    }
  }
  console.log(`Simulated visitors: ${visitors}, catalog ${size} products, seed ${seed} (relevant = preferred category and brand or price range)\n`);
  table([
    ["engaged views", "for-you P@4", "trending P@4", "lift", "personal share"],
    ...checkpoints.map((k) => {
      const s = sums[k];
      return [k, (s.forYou / visitors).toFixed(3), (s.trending / visitors).toFixed(3), s.trending ? `×${(s.forYou / s.trending).toFixed(1)}` : "n/a", (s.personal / visitors).toFixed(2)];
    }),
  ]);
}

function readSessions(file) {
  const text = readFileSync(file, "utf8");
  const rows = [];
  if (text.trimStart().startsWith("{")) {
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const s = JSON.parse(line);
      for (const e of s.events) rows.push({ session: String(s.session), item: String(e.aid), time: Number(e.ts) });
    }
  } else {
    for (const line of text.split("\n")) {
      const [session, item, time] = line.trim().split(/\t|,|\s+/);
      if (!session || !item || session == "SessionId") continue;
      const t = Number(time);
      rows.push({ session, item, time: Number.isFinite(t) ? t : Date.parse(time) });
    }
  }
  const bySession = new Map();
  for (const r of rows) (bySession.get(r.session) ?? bySession.set(r.session, []).get(r.session)).push(r);
  for (const list of bySession.values()) list.sort((a, b) => a.time - b.time);
  return [...bySession.values()].sort((a, b) => a[0].time - b[0].time);
}

function sessions(file) {
  if (!file) throw new Error("--sessions needs a file");
  const all = readSessions(file);
  // A time cut at the 80th percentile of events: what came before trains, what came after is
  // predicted. Long-lived sessions (OTTO's span four weeks) contribute to both sides.
  const times = all.flat().map((r) => r.time).sort((a, b) => a - b);
  const cutTime = times[Math.floor(times.length * 0.8)];
  const train = all.map((s) => s.filter((r) => r.time < cutTime)).filter((s) => s.length);
  const test = all.map((s) => s.filter((r) => r.time >= cutTime)).filter((s) => s.length > 1);
  const counts = new Map();
  for (const s of train) for (const r of s) counts.set(r.item, (counts.get(r.item) ?? 0) + 1);
  const ids = new Set([...counts.keys(), ...test.flat().map((r) => r.item)]);
  const catalog = [...ids].map((id) => ({ id, title: id, url: `https://shop.example/${id}`, popularity: counts.get(id) ?? 0 }));
  const started = performance.now();
  const related = buildRelated(train.flat(), { top: 20 });
  const built = performance.now() - started;
  const profile = createProfile(START, "evaluator");
  const score = { model: { hit: 0, rr: 0 }, popular: { hit: 0, rr: 0 } };
  let cases = 0;
  const add = (s, list, next) => {
    const at = list.findIndex((r) => r.id == next);
    if (at >= 0) (s.hit += 1), (s.rr += 1 / (at + 1));
  };
  for (const s of test) {
    // Consecutive repeats of one item (reloads, gallery clicks) are not predictions.
    const items = s.map((r) => r.item).filter((id, n, l) => id != l[n - 1]);
    for (let n = 1; n < items.length; n++) {
      const ctx = { now: START, related, maxPerCategory: 20 };
      add(score.model, recommend(catalog, profile, { strategy: "bought-together", context: items[n - 1], limit: 20 }, ctx), items[n]);
      add(score.popular, recommend(catalog, profile, { strategy: "trending", context: items[n - 1], limit: 20 }, ctx), items[n]);
      cases++;
    }
  }
  console.log(`Sessions: ${all.length} (${train.length} with train events, ${test.length} with test events, cut at ${new Date(cutTime).toISOString()}), ${cases} next-item predictions, ${ids.size} items; buildRelated ${built.toFixed(0)} ms\n`);
  table([
    ["method", "HR@20", "MRR@20"],
    ["bought-together (co-occurrence, popular fallback)", (score.model.hit / (cases || 1)).toFixed(3), (score.model.rr / (cases || 1)).toFixed(3)],
    ["trending (popularity)", (score.popular.hit / (cases || 1)).toFixed(3), (score.popular.rr / (cases || 1)).toFixed(3)],
  ]);
}
