// `npm run bench`: prints figures, asserts nothing. Ranking runs in Chromium against the built
// lab bundle, long tasks against the built script tag; the store and fold benchmarks run under
// vitest with fake-indexeddb.
import { spawnSync } from "node:child_process";
import { ROOT } from "./lib/chromium.mjs";

const run = (cmd, args) => spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit" }).status === 0;
let ok = run("node", ["scripts/bench/recommend.mjs"]);
ok = run("node", ["scripts/bench/long-tasks.mjs"]) && ok;
ok = run("npx", ["vitest", "run", "-c", "vitest.bench.config.ts", "--reporter=dot"]) && ok;
process.exit(ok ? 0 : 1);
