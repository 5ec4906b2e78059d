import type { InterestKind } from "../types";

/**
 * True when the visitor removed this interest, or (for categories) a broader category that holds
 * it: removing "Shoes" also stops "Shoes > Running" from being inferred.
 * @example isRemoved(["category:Shoes"], "category", "Shoes > Running") // true
 */
export const isRemoved = (removed: string[], kind: InterestKind | "price", value: string): boolean => removed.some((r) => `${kind}:${value} > `.startsWith(r + " > "));
