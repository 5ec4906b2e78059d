import type { InterestKind, Profile } from "../types";
import { isRemoved } from "./is-removed";
import { own } from "./own";
import { score } from "./score";

/** One line of the preferences panel's "top interests". */
export interface Interest {
  kind: InterestKind;
  value: string;
  score: number;
  stated: boolean;
}

const KINDS: InterestKind[] = ["category", "brand", "tag"];

/**
 * What the preferences panel shows as the visitor's interests at `now`: the ones they stated
 * (newest first), then inferred categories, brands and tags by decayed score (at least 0.1, about
 * half a product view). Removed interests never appear; price bands are not interests.
 * @example topInterests(sk.profile(), Date.now(), { limit: 12 })
 */
export function topInterests(profile: Profile, now: number, options: { halfLifeDays?: number; limit?: number } = {}): Interest[] {
  const h = options.halfLifeDays ?? 14;
  const stated: Interest[] = [];
  const inferred: Interest[] = [];
  for (const key of profile.stated) {
    const at = key.indexOf(":");
    const kind = key.slice(0, at) as InterestKind;
    const value = key.slice(at + 1);
    if (KINDS.includes(kind) && !isRemoved(profile.removed, kind, value))
      stated.push({ kind, value, score: score(own(profile.affinity[kind], value), now, h), stated: true });
  }
  for (const kind of KINDS)
    for (const [value, d] of Object.entries(profile.affinity[kind])) {
      const s = score(d, now, h);
      if (s >= 0.1 && !profile.stated.includes(`${kind}:${value}`) && !isRemoved(profile.removed, kind, value)) inferred.push({ kind, value, score: s, stated: false });
    }
  return [...stated, ...inferred.sort((a, b) => b.score - a.score)].slice(0, options.limit ?? 10);
}
