import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The shared real-world fixtures folder (beside the clone in CI). */
export const FIXTURES = resolve(__dirname, "../../../../shared/fixtures");

/** Files of one fixtures folder. */
export const fixtureFiles = (dir: string): string[] => readdirSync(resolve(FIXTURES, dir)).sort();

/**
 * A saved page as a Document. Stylesheets and iframes are dropped first: happy-dom would try to
 * fetch them and they carry no product data.
 */
export const loadPage = (path: string): Document =>
  new DOMParser().parseFromString(readFileSync(resolve(FIXTURES, path), "utf8").replace(/<link\b[^>]*stylesheet[^>]*>|<iframe\b[^>]*>/gi, ""), "text/html");

/** A document from a fragment of markup. */
export const page = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, "text/html");

/** A JSON-LD block. */
export const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
