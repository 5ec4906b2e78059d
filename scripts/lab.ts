/**
 * The pure pieces of Shopkeeper for offline evaluation and benchmarks, in node or a page:
 * ranking, the profile fold, co-occurrence lists and segments. Built to `dist/lab.mjs`; it
 * touches no storage and no DOM.
 */
export { recommend } from "../src/recommend/recommend";
export type { RecommendContext } from "../src/recommend/recommend";
export { assignGroup } from "../src/measure/holdout";
export { foldProfile } from "../src/profile/fold";
export { createProfile } from "../src/profile/create-profile";
export { buildRelated } from "../src/catalog/related";
export { getSegments } from "../src/segments/segments";
