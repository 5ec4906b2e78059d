import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npx shopkeeper related …` as the README shows it: the bin launcher running the built CLI.
const shopkeeper = (...args: string[]) => spawnSync(process.execPath, ["bin/shopkeeper.mjs", ...args], { encoding: "utf8" });

describe("the shopkeeper command", () => {
  it("prints related lists as JSON on stdout and a count on stderr", () => {
    const { status, stdout, stderr } = shopkeeper("related", "tests/fixtures/feeds/orders.csv", "--top", "2");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ tent: ["stove", "mug"], mat: ["tent"] });
    expect(stderr).toBe("shopkeeper: 9 rows, 5 products with related items\n");
  });

  it("exits 2 with the usage for wrong usage", () => {
    const { status, stderr } = shopkeeper("related");
    expect(status).toBe(2);
    expect(stderr).toContain("Usage: shopkeeper related <file> [options]");
  });
});
