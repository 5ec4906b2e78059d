import type { HoldoutGroup } from "../types";

/**
 * The holdout group of a visitor: `control` for a stable `share` (0–1) of visitor ids, the same
 * answer for the same id on every page and device state. Share 0 (or anything invalid) puts
 * everyone in `personalized`.
 * @example assignGroup(profile.id, 0.1) // "control" for about 1 visitor in 10
 */
export function assignGroup(visitorId: string, share: number): HoldoutGroup {
  // FNV-1a, then a murmur3 finaliser so ids that differ in one last character spread evenly.
  let h = 0x811c9dc5;
  for (let i = 0; i < visitorId.length; i++) h = Math.imul(h ^ visitorId.charCodeAt(i), 0x1000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32 < share ? "control" : "personalized";
}
