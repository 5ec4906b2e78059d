import { readFileSync } from "node:fs";

/** A feed fixture's text, from `tests/fixtures/feeds/`. */
export const feed = (name: string): string => readFileSync(`tests/fixtures/feeds/${name}`, "utf8");
