// `npm start`: serves the demo shop and the built script on 127.0.0.1 and prints the URL.
import { serveStatic, ROOT } from "./lib/chromium.mjs";
import { existsSync } from "node:fs";
import { join } from "node:path";

if (!existsSync(join(ROOT, "dist/shopkeeper.js"))) {
  console.error("dist/shopkeeper.js is missing: run `npm run build` first (npm start does it for you).");
  process.exit(1);
}
const wanted = Number(process.env.PORT) || 4173;
// A busy default port is no reason to fail: take any free one.
const server = await serveStatic(ROOT, {}, wanted).catch(() => serveStatic(ROOT, {}, 0));
console.log(`Shopkeeper demo shop: ${server.url}/demo/`);
console.log("Press Ctrl+C to stop.");
