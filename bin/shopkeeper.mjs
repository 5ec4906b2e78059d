#!/usr/bin/env node
// The `shopkeeper` command: a thin launcher for the built CLI in dist/cli.js.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  console.error("shopkeeper: dist/cli.js is missing. Run `npm run build` in the package first.");
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
