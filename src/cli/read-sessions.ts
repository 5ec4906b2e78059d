import type { SessionRow } from "../catalog/related";
import { parseRows } from "../catalog/parse-rows";

/** Input formats of `shopkeeper related`. */
export type SessionFormat = "csv" | "tsv" | "jsonl";

/** Options of `readSessions()`. */
export interface ReadSessionsOptions {
  format?: SessionFormat;
  /** OTTO event types kept (`clicks`, `carts`, `orders`); default all. */
  types?: string[];
  /** Called once per line that cannot be read, with its number. */
  onSkip?: (line: number) => void;
}

const SESSION = /^(orderid|sessionid|session|order)$/;
const ITEM = /^(productid|sku|itemid|item|product|aid)$/;
const TIME = /^(time|createdat|timestamp|ts|date)$/;

const toTime = (v: unknown): number | undefined => {
  const t = typeof v == "number" ? v : v == null || v === "" ? NaN : /^\s*-?[\d.]+\s*$/.test("" + v) ? +v : Date.parse("" + v);
  return isFinite(t) ? t : undefined;
};

const row = (session: unknown, item: unknown, time: unknown): SessionRow | undefined => {
  const s = session == null ? "" : ("" + session).trim();
  const i = item == null ? "" : ("" + item).trim();
  const t = toTime(time);
  return s && i ? (t === undefined ? { session: s, item: i } : { session: s, item: i, time: t }) : undefined;
};

/**
 * Reads session or order rows from a file's lines as they stream in: an order CSV with a header
 * (`order_id` or `session_id`, `product_id` or `sku` or `item_id`, optional `time` or
 * `created_at`; quoted fields may span lines), a `SessionId ItemId Time` TSV with or without a
 * header (YOOCHOOSE style), or OTTO JSONL (`{ session, events: [{ aid, ts, type }] }`). The
 * format is taken from the first line unless given.
 * @example for await (const row of readSessions(lines)) builder.add(row)
 */
export async function* readSessions(lines: AsyncIterable<string>, options: ReadSessionsOptions = {}): AsyncGenerator<SessionRow> {
  let format = options.format;
  let columns: number[] | undefined;
  let pending = "";
  let at = 0;
  for await (const line of lines) {
    at++;
    if (!pending && !line.trim()) continue;
    format ??= line.trimStart()[0] == "{" ? "jsonl" : line.includes("\t") ? "tsv" : "csv";
    if (format == "jsonl") {
      try {
        const { session, events } = JSON.parse(line) as { session?: unknown; events?: { aid?: unknown; ts?: unknown; type?: unknown }[] };
        for (const e of Array.isArray(events) ? events : []) {
          const r = (!options.types || options.types.includes("" + e?.type)) && row(session, e?.aid, e?.ts);
          if (r) yield r;
        }
      } catch {
        options.onSkip?.(at);
      }
      continue;
    }
    // A quoted field may hold a newline: gather lines until the quotes balance.
    pending = pending ? pending + "\n" + line : line;
    if ((pending.match(/"/g)?.length ?? 0) % 2) continue;
    const cells: string[] = parseRows(pending, format == "tsv" ? "\t" : ",").next().value || [];
    pending = "";
    if (!columns) {
      const names = cells.map((c) => c.toLowerCase().replace(/[^a-z]/g, ""));
      columns = [SESSION, ITEM, TIME].map((re) => names.findIndex((n) => re.test(n)));
      if (columns[0]! >= 0 && columns[1]! >= 0) continue;
      if (format == "csv") throw Error("the CSV needs a header row naming order_id (or session_id) and product_id (or sku, item_id)");
      // A TSV without a header: SessionId, ItemId, Time.
      columns = [0, 1, 2];
    }
    const r = row(cells[columns[0]!], cells[columns[1]!], cells[columns[2]!]);
    if (r) yield r;
    else options.onSkip?.(at);
  }
}
