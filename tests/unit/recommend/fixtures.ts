import type { EventMap, EventName, Product, Profile } from "../../../src/types";
import { foldProfile } from "../../../src/profile/fold";
import { createProfile } from "../../../src/profile/create-profile";

export const NOW = Date.UTC(2026, 0, 15, 12);

/** A product with a category path, brand, price and popularity. */
export const product = (id: string, category: string[], extra: Partial<Product> = {}): Product => ({
  id,
  title: `Product ${id}`,
  url: `https://shop.example/p/${id}`,
  category,
  availability: "in_stock",
  ...extra,
});

/** A small shop: running shoes, formal shoes, backpacks and audio, with a popularity order. */
export const catalog = (): Product[] => [
  product("run1", ["Shoes", "Running"], { brand: "Swift", price: 80, popularity: 50, tags: ["trail"], title: "Trail Runner" }),
  product("run2", ["Shoes", "Running"], { brand: "Swift", price: 90, popularity: 40 }),
  product("run3", ["Shoes", "Running"], { brand: "Swift", price: 85, popularity: 30 }),
  product("run4", ["Shoes", "Running"], { brand: "Pace", price: 70, popularity: 20 }),
  product("frm1", ["Shoes", "Formal"], { brand: "Swift", price: 120, popularity: 60 }),
  product("frm2", ["Shoes", "Formal"], { brand: "Oxfo", price: 150, popularity: 10 }),
  product("bag1", ["Bags", "Backpacks"], { brand: "Carry", price: 60, popularity: 900, title: "Day Pack" }),
  product("bag2", ["Bags", "Backpacks"], { brand: "Carry", price: 65, popularity: 800 }),
  product("bag3", ["Bags", "Backpacks"], { brand: "Carry", price: 45, popularity: 700 }),
  product("aud1", ["Electronics", "Audio"], { brand: "Loud", price: 200, popularity: 1000 }),
  product("aud2", ["Electronics", "Audio"], { brand: "Loud", price: 220, rating: 4.5, ratingCount: 100 }),
];

/** Folds events into a fresh profile, one minute apart, ending at NOW. */
export const profileOf = (...events: [EventName, unknown][]): Profile =>
  events.reduce(
    (p, [name, props], n) => foldProfile(p, { name, props: props as EventMap[EventName], time: NOW - (events.length - n) * 6e4 }, NOW - (events.length - n) * 6e4),
    createProfile(NOW - 864e5, "visitor-1"),
  );

/** A `view_item` event for a catalog product, as the tracker records it. */
export const view = (p: Product, extra: Partial<Product> = {}): [EventName, unknown] => ["view_item", { items: [{ ...p, ...extra }] }];

export const ids = (list: { id: string }[]) => list.map((r) => r.id);
