/**
 * Bounds and time constants of the profile, shared by the fold, validation and segments so the
 * stored value stays small whatever the history: each list and record has a fixed maximum.
 */

/** Milliseconds in a day. */
export const DAY = 864e5;
/** A session ends after this long without activity (the GA4 default), ms. */
export const SESSION_MS = 18e5;
/** Affinity keys kept per kind (category, brand, tag, price band). */
export const MAX_KEYS = 40;
/** Recently viewed products kept. */
export const MAX_VIEWED = 60;
/** Cart lines kept. */
export const MAX_CART = 50;
/** Order times and pop-up interruption times kept. */
export const MAX_TIMES = 20;
/** Order times kept however old: the loyal segment needs the gaps between the last three orders. */
export const KEEP_TIMES = 3;
/** Purchased ids and "not interested" products kept. */
export const MAX_IDS = 100;
/** Stated interests and "not interested" categories kept. */
export const MAX_STATED = 50;
/** Survey states, answers per survey and channel picks kept. */
export const MAX_RECORD = 30;
/** An order is an impulse buy when its session is shorter than this (ms)... */
export const IMPULSE_MS = 6e5;
/** ...and the session had at most this many product views (and at least one, or a cart add). */
export const IMPULSE_VIEWS = 3;
