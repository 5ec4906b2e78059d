import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createRelatedBuilder } from "../catalog/related";
import type { RelatedOptions } from "../catalog/related";
import { readSessions } from "./read-sessions";
import type { SessionFormat } from "./read-sessions";

/** What the CLI reads and writes; tests pass their own. */
export interface CliIo {
  /** The lines of a file, streamed. */
  readFile(path: string): AsyncIterable<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The real files and streams of a node process. */
export const nodeIo: CliIo = {
  readFile: (path) => createInterface({ input: createReadStream(path), crlfDelay: Infinity }),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

const USAGE = `Usage: shopkeeper related <file> [options]

Builds "bought together" lists from orders or sessions and prints them as JSON,
{ "<product id>": ["<related id>", ...] }, ready to merge into a feed's "related" field.

Input (detected from the first line, or named with --format):
  csv    order export with a header: order_id (or session_id), product_id (or sku,
         item_id), optional time (or created_at)
  tsv    SessionId<TAB>ItemId<TAB>Time, with or without a header (YOOCHOOSE style)
  jsonl  OTTO sessions: {"session": 1, "events": [{"aid": 2, "ts": 3, "type": "clicks"}]}

Options:
  --top N         related ids per product (default 10)
  --window N      pair only items at most N apart in a session (default: whole session)
  --normalize     rank by count / sqrt(count a * count b) instead of the raw count
  --types a,b     JSONL event types to use, e.g. carts,orders (default all)
  --format F      csv, tsv or jsonl
  --help          this text
`;

/**
 * Runs the `shopkeeper` command line with its arguments (without `node` and the script) and
 * resolves to the exit code: 0 done, 1 failed, 2 wrong usage. Only `related` exists.
 * @example process.exitCode = await main(["related", "orders.csv", "--top", "5"])
 */
export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) return io.stdout(USAGE), 0;
  const [command, file, ...rest] = argv;
  const options: RelatedOptions = {};
  let format: SessionFormat | undefined;
  let types: string[] | undefined;
  const wrong = (why: string) => (io.stderr(`shopkeeper: ${why}\n\n${USAGE}`), 2);
  if (command != "related") return wrong(command ? `unknown command "${command}"` : "no command");
  if (!file || file.startsWith("--")) return wrong("related needs a file");
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    const value = rest[i + 1] ?? "";
    const count = Number(value);
    if (flag == "--normalize") options.normalize = true;
    else if ((flag == "--top" || flag == "--window") && Number.isInteger(count) && count > 0) options[flag == "--top" ? "top" : "window"] = count, i++;
    else if (flag == "--format" && /^(csv|tsv|jsonl)$/.test(value)) (format = value as SessionFormat), i++;
    else if (flag == "--types" && value) (types = value.split(",")), i++;
    else return wrong(`bad option ${flag}${value ? " " + value : ""}`);
  }
  const builder = createRelatedBuilder(options);
  let rows = 0;
  let skipped = 0;
  try {
    const sessions = readSessions(io.readFile(file), { ...(format ? { format } : {}), ...(types ? { types } : {}), onSkip: () => skipped++ });
    for await (const row of sessions) builder.add(row), rows++;
  } catch (error) {
    io.stderr(`shopkeeper: cannot read ${file}: ${error instanceof Error ? error.message : error}\n`);
    return 1;
  }
  const related = builder.result();
  const entries = Object.entries(related);
  io.stdout(`{${entries.map(([id, list]) => `\n${JSON.stringify(id)}: ${JSON.stringify(list)}`).join(",")}${entries.length ? "\n" : ""}}\n`);
  io.stderr(`shopkeeper: ${rows} rows, ${entries.length} products with related items${skipped ? `, ${skipped} unreadable lines skipped` : ""}\n`);
  return 0;
}
