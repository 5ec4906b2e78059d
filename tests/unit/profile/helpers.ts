import type { EventMap, EventName, Profile, TrackedEvent } from "../../../src/types";
import { createProfile } from "../../../src/profile/create-profile";
import { foldProfile } from "../../../src/profile/fold";

export const T0 = Date.UTC(2024, 0, 1);
export const MIN = 60_000;
export const DAY = 864e5;

/** An event at `time`. */
export function ev<N extends EventName>(name: N, props: EventMap[N], time = T0): TrackedEvent<N> {
  return { name, props, time };
}

/** Folds events (each at its own time) into a fresh profile made at `T0`. */
export function run(events: TrackedEvent[], start: Profile = createProfile(T0, "v1")): Profile {
  return events.reduce((p, e) => foldProfile(p, e, e.time), start);
}

/** Freezes a value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value == "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A deterministic pseudo-random generator (mulberry32). */
export function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
