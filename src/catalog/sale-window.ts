// Engines differ on offsets without a colon ("+0100"), which Merchant Center allows.
const time = (iso: string | undefined): number => Date.parse((iso ?? "").trim().replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));

/**
 * Whether a sale runs at `now` by a Merchant Center `sale_price_effective_date`
 * ("2026-11-27T00:00-0500/2026-11-30T23:59-0500"). No window, or an end that cannot be read,
 * means it runs: a sale price without dates is a sale price; only a window that says so
 * (not started, or over) turns it off, so an expired Black Friday price is not shown as one.
 * @example saleRuns("2026-11-27/2026-11-30", Date.parse("2026-12-01")) // false
 */
export const saleRuns = (window: unknown, now: number): boolean => {
  if (typeof window != "string") return true;
  const [start, end] = window.split("/");
  return !(time(start) > now || time(end) < now);
};
