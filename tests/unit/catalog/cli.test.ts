import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { main } from "../../../src/cli/index";
import type { CliIo } from "../../../src/cli/index";

const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`, "utf8");

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    async *readFile(path) {
      const text = files[path];
      if (text === undefined) throw Error(`ENOENT: no such file, open '${path}'`);
      yield* text.split(/\r?\n/);
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
  };
  return main(argv, io).then((code) => ({ code, out: out.join(""), err: err.join("") }));
}

describe("shopkeeper related", () => {
  it("builds lists from an order CSV", async () => {
    const { code, out } = await run(["related", "orders.csv"], { "orders.csv": fixture("orders.csv") });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ tent: ["stove", "mug", "mat"], stove: ["tent", "mug"], mug: ["tent", "stove", "spoon"], spoon: ["mug"], mat: ["tent"] });
  });

  it("reads a SessionId/ItemId/Time TSV with a header", async () => {
    const { out } = await run(["related", "clicks.tsv", "--top", "2"], { "clicks.tsv": fixture("sessions.tsv") });
    const related = JSON.parse(out);
    expect(related["214536502"]).toEqual(["214536500", "214536506"]);
    expect(related["214662742"]).toEqual(["214757390", "214825110"]);
  });

  it("reads a TSV without a header as session, item, time", async () => {
    const { out } = await run(["related", "clicks.dat", "--format", "tsv"], { "clicks.dat": "9\ta\t1\n9\tb\t2\n" });
    expect(JSON.parse(out)).toEqual({ a: ["b"], b: ["a"] });
  });

  it("reads OTTO JSONL sessions, optionally only some event types", async () => {
    const files = { "otto.jsonl": fixture("otto-train-sample.jsonl") };
    const all = JSON.parse((await run(["related", "otto.jsonl", "--top", "1000"], files)).out);
    expect(all["461689"]).toContain("305831");
    const orders = JSON.parse((await run(["related", "otto.jsonl", "--types", "orders", "--top", "3"], files)).out);
    expect(orders["461689"]).toEqual(["1199474", "305831", "543308"]);
    expect(Object.keys(orders).length).toBeLessThan(Object.keys(all).length);
  });

  it("joins a quoted CSV field that spans lines", async () => {
    const csv = 'session_id,note,sku\ns1,"line one\nline two",a\ns1,plain,b\n';
    expect(JSON.parse((await run(["related", "o.csv"], { "o.csv": csv })).out)).toEqual({ a: ["b"], b: ["a"] });
  });

  it("fails clearly when a CSV has no usable header", async () => {
    const { code, err } = await run(["related", "x.csv"], { "x.csv": "a,b\n1,2\n" });
    expect(code).toBe(1);
    expect(err).toMatch(/header row naming order_id/);
  });

  it("reports a missing file", async () => {
    const { code, err } = await run(["related", "nope.csv"]);
    expect(code).toBe(1);
    expect(err).toMatch(/cannot read nope\.csv/);
  });

  it("takes the README's options: --top, --window, --normalize and --format", async () => {
    const files = { "orders.csv": fixture("orders.csv"), "s.tsv": "1\ta\t1\n1\tb\t2\n" };
    const lists = async (...options: string[]) => JSON.parse((await run(["related", "orders.csv", ...options], files)).out);
    expect((await lists("--top", "1")).tent).toEqual(["stove"]);
    // Neighbours only: the first order's tent and mug are two apart.
    expect(await lists("--window", "1")).toMatchObject({ tent: ["stove", "mat"], mug: ["stove", "spoon"] });
    // The mat, in one order only, shares it with the tent; the mug shares one of its two: the mat ranks higher.
    expect((await lists("--normalize")).tent).toEqual(["stove", "mat", "mug"]);
    expect(JSON.parse((await run(["related", "s.tsv", "--format", "tsv"], files)).out)).toEqual({ a: ["b"], b: ["a"] });
    expect((await run(["related", "s.tsv", "--format", "xml"], files)).code).toBe(2);
  });

  it("prints usage on --help and refuses unknown commands and options", async () => {
    expect((await run(["--help"])).out).toMatch(/Usage: shopkeeper related <file>/);
    expect((await run(["ranked", "x"])).code).toBe(2);
    expect((await run(["related", "x", "--top", "zero"])).err).toMatch(/bad option --top zero/);
  });
});
