/** One interaction: an item seen, carted or bought in a session or order. */
export interface SessionRow {
  session: string;
  item: string;
  /** Epoch ms or any increasing number; orders the session. Rows without it keep input order. */
  time?: number;
}

/** Options of `buildRelated()` and `createRelatedBuilder()`. */
export interface RelatedOptions {
  /** Related ids kept per item. Default 10. */
  top?: number;
  /**
   * Pair only items at most this many distinct items apart in a session's time order (1: only
   * neighbours). Default: the whole session, as for an order's basket.
   */
  window?: number;
  /**
   * Score pairs by `count / sqrt(sessions(a) * sessions(b))` instead of the raw count, so items
   * that are everywhere do not top every list. Default false.
   */
  normalize?: boolean;
  /** Distinct items per session considered, the first ones in time order. Default 200. */
  maxSessionItems?: number;
}

/** Builds related-item lists row by row, for inputs streamed from a file. */
export interface RelatedBuilder {
  add(row: SessionRow): void;
  /** The related ids per item, best first. */
  result(): Record<string, string[]>;
}

/**
 * Starts an item-to-item co-occurrence count to feed rows one at a time (the CLI streams a file
 * through it); `buildRelated` is the same over an iterable.
 * @example const b = createRelatedBuilder({ top: 5 }); b.add({ session: "o1", item: "a" }); b.result()
 */
export function createRelatedBuilder(options: RelatedOptions = {}): RelatedBuilder {
  const { top = 10, window = Infinity, normalize = false, maxSessionItems = 200 } = options;
  const ids: string[] = [];
  const number = new Map<string, number>();
  // Per session: item numbers and times, interleaved, in arrival order.
  const sessions = new Map<string, number[]>();
  return {
    add({ session, item, time }) {
      let n = number.get(item);
      if (n === undefined) number.set(item, (n = ids.push(item) - 1));
      let rows = sessions.get(session);
      if (!rows) sessions.set(session, (rows = []));
      rows.push(n, typeof time == "number" && time === time ? time : rows.length);
    },
    result() {
      const size = ids.length;
      const seen = new Float64Array(size);
      const pairs = new Map<number, number>();
      const mark = new Int32Array(size).fill(-1);
      let s = 0;
      for (const rows of sessions.values()) {
        const order: number[] = [];
        for (let i = 0; i < rows.length; i += 2) order.push(i);
        order.sort((a, b) => rows[a + 1]! - rows[b + 1]! || a - b);
        // Distinct items in time order: a second view of the same item is not a new pair.
        const items: number[] = [];
        for (const i of order) {
          const n = rows[i]!;
          if (mark[n] != s && items.length < maxSessionItems) (mark[n] = s), items.push(n);
        }
        s++;
        for (let i = 0; i < items.length; i++) {
          const a = items[i]!;
          seen[a]!++;
          for (let j = i + 1; j < items.length && j - i <= window; j++) {
            const b = items[j]!;
            // One key per unordered pair: the smaller number first.
            const key = a < b ? a * size + b : b * size + a;
            pairs.set(key, (pairs.get(key) ?? 0) + 1);
          }
        }
      }
      const lists: [number, number][][] = [];
      for (const [key, count] of pairs) {
        const a = Math.floor(key / size);
        const b = key - a * size;
        const score = normalize ? count / Math.sqrt(seen[a]! * seen[b]!) : count;
        (lists[a] ??= []).push([b, score]);
        (lists[b] ??= []).push([a, score]);
      }
      const out: Record<string, string[]> = Object.create(null);
      lists.forEach((list, a) => {
        // Ties go to the more frequent item, then to the smaller id, so output is stable.
        list.sort((x, y) => y[1] - x[1] || seen[y[0]]! - seen[x[0]]! || (ids[x[0]]! < ids[y[0]]! ? -1 : 1));
        out[ids[a]!] = list.slice(0, top).map((x) => ids[x[0]]!);
      });
      return out;
    },
  };
}

/**
 * Item-to-item co-occurrence lists from sessions or orders, for a feed's `related` field:
 * two items are related when they appear in the same session (within `window` items of each
 * other), ranked by how often (or, with `normalize`, by cosine), top `top` per item, ties broken
 * by popularity then id so the output is deterministic. Pure: the rows are all it reads.
 * @example buildRelated([{ session: "o1", item: "tent" }, { session: "o1", item: "stove" }]) // { tent: ["stove"], stove: ["tent"] }
 */
export function buildRelated(rows: Iterable<SessionRow>, options?: RelatedOptions): Record<string, string[]> {
  const builder = createRelatedBuilder(options);
  for (const row of rows) builder.add(row);
  return builder.result();
}
