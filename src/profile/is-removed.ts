import type { InterestKind } from "../types";

/**
 * True when the visitor removed this interest, or (for categories) a broader category that holds
 * it: removing "Shoes" also stops "Shoes > Running" from being inferred. Case is ignored, as in
 * ranking: pages and dataLayer events may write the same brand "Acme" or "ACME".
 * @example isRemoved(["category:Shoes"], "category", "shoes > Running") // true
 */
export const isRemoved = (removed: string[], kind: InterestKind | "price", value: string): boolean =>
  removed.some((r) => `${kind}:${value} > `.toLowerCase().startsWith((r + " > ").toLowerCase()));
