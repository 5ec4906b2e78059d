import type { Decayed } from "../types";
import { DAY } from "./limits";

/**
 * The value of a decayed score at `now`: it halves every `halfLifeDays`. Missing scores are 0.
 * @example score({ s: 4, t: 0 }, 14 * 864e5, 14) // 2
 */
export const score = (d: Decayed | undefined, now: number, halfLifeDays: number): number => (d ? d.s * 2 ** (-Math.max(0, now - d.t) / (halfLifeDays * DAY)) : 0);
