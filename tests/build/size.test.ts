import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import budgets from "../../size-budget.json";

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

describe("size budgets", () => {
  for (const [file, budget] of Object.entries(budgets)) {
    it(`${file} stays within ${budget} B gzip`, () => {
      const size = gzipped(file);
      console.log(`${file}: ${size} B gzip (budget ${budget})`);
      expect(size).toBeLessThanOrEqual(budget);
    });
  }

  it("the script tag contains no unsafe sinks", () => {
    const code = readFileSync("dist/shopkeeper.js", "utf8");
    for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "new Function", "eval(", "cssText", "dangerouslySetInnerHTML"]) {
      expect(code, sink).not.toContain(sink);
    }
  });
});
