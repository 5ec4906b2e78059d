// `npm test`: everything, in order — type check, build, unit tests, size budgets and real-browser
// tests in Debian's Chromium (installed here when missing and we are allowed to).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ROOT } from "./lib/chromium.mjs";

const npx = (args, env = {}) => spawnSync("npx", args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
const step = (title) => console.log(`\n▶ ${title}`);
const totals = { passed: 0, failed: 0 };

function vitest(config, label) {
  const out = `${ROOT}/node_modules/.cache/vitest-${label}.json`;
  rmSync(out, { force: true });
  const ok = npx(["vitest", "run", ...(config ? ["-c", config] : []), "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, "utf8"));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (ok ? 0 : report.numFailedTests ? 0 : 1);
  } else if (!ok) totals.failed += 1;
  return ok;
}

function chromium() {
  const found = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
  if (found) return true;
  const canInstall = process.getuid?.() === 0 && (process.env.CI || !process.stdin.isTTY);
  if (canInstall) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get)…");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
    if (existsSync("/usr/bin/chromium")) return true;
  }
  console.error("\nThe browser tests need Chromium. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\n(or set CHROMIUM=/path/to/chromium), then run npm test again.");
  return false;
}

let ok = true;
step("type check");
ok = npx(["tsc", "--noEmit", "-p", "."]) && ok;
step("build");
const built = npx(["rollup", "-c", "--silent"]);
ok = built && ok;
step("unit tests");
ok = vitest(undefined, "unit") && ok;
step("size budgets and real-browser tests (Chromium)");
if (!built) {
  console.error("skipped: the build failed");
  totals.failed += 1;
  ok = false;
} else if (!chromium()) {
  totals.failed += 1;
  ok = false;
} else {
  ok = vitest("vitest.browser.config.ts", "browser") && ok;
}

console.log(`\n${ok ? "All suites green." : "Some suites failed."}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok ? 0 : 1);
