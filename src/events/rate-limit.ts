import { warnOnce } from "../log";

/** Options of `createRateLimit`. */
export interface RateLimitOptions {
  /** Tokens added per second. Default 10. */
  rate?: number;
  /** Bucket size: the longest burst let through at once. Default 100. */
  burst?: number;
  now: () => number;
}

/**
 * Creates a token bucket that stops runaway loops from flooding storage and sinks (PostHog's
 * defaults: 10 events a second, bursts of 100). Dropped events are counted and reported in one
 * console warning when the flood ends, that is at the first event let through again.
 * @example const limit = createRateLimit({ now: Date.now }); if (limit.take()) store.add(event);
 */
export function createRateLimit({ rate = 10, burst = 100, now }: RateLimitOptions): { take(): boolean } {
  let tokens = burst;
  let last = now();
  let dropped = 0;
  return {
    take() {
      const t = now();
      // A clock that jumps back adds nothing rather than removing tokens.
      tokens = Math.min(burst, tokens + (Math.max(0, t - last) * rate) / 1000);
      last = t;
      if (tokens < 1) return !++dropped;
      tokens--;
      if (dropped) warnOnce("rate-limit", `${dropped} events were dropped (over ${rate} a second)`);
      return true;
    },
  };
}
