import type { Profile } from "../types";

/**
 * Makes the empty profile of a visitor first met at `now`; the first event folded into it starts
 * session 1.
 * @example const profile = createProfile(Date.now(), crypto.randomUUID())
 */
export function createProfile(now: number, id: string): Profile {
  return {
    v: 1,
    id,
    firstSeen: now,
    lastSeen: now,
    sessions: 0,
    session: { start: now, last: now, pageViews: 0, productViews: 0, carted: false },
    pageViews: 0,
    productViews: 0,
    engagedSeconds: 0,
    affinity: { category: {}, brand: {}, tag: {}, price: {} },
    cart: [],
    cartAdds: 0,
    orders: { count: 0, revenue: {}, times: [], impulse: 0 },
    viewed: [],
    bought: [],
    sale: { viewed: 0, viewedOnSale: 0, bought: 0, boughtOnSale: 0 },
    surveys: {},
    channel: { picks: {} },
    stated: [],
    removed: [],
    notInterested: { products: [], categories: [] },
    personalization: true,
    interruptions: [],
  };
}
