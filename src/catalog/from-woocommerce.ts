import { fromShopkeeper } from "./from-shopkeeper";
import type { RawItem } from "./normalize-product";
import { parsePrice } from "./price";

type WooPrices = { price?: unknown; regular_price?: unknown; currency_code?: unknown; currency_minor_unit?: unknown };

/**
 * The items of a WooCommerce Store API products page (`/wp-json/wc/store/v1/products`). Prices
 * arrive as strings in minor units: `"1105"` with `currency_minor_unit: 2` is 11.05, `"1500"`
 * with 0 is 1500. `price` is what the visitor pays, `regular_price` the list price. The first
 * category becomes the category; a rating counts only when there are reviews. The normaliser
 * reads `name`, `permalink`, `images[0].src` and `is_in_stock`.
 * @example fromWooCommerce([{ id: 5, name: "Cap", permalink: "https://shop.example/cap", prices: { price: "1105", currency_minor_unit: 2 } }])
 */
export const fromWooCommerce = (data: unknown): RawItem[] =>
  fromShopkeeper(data).map((p) => {
    const { prices = {}, categories, review_count: count } = p as { prices?: WooPrices; categories?: unknown[]; review_count?: unknown };
    const minor = Number(prices.currency_minor_unit) || 0;
    return {
      ...p,
      price: parsePrice(prices.price, minor) ?? prices.price,
      compareAtPrice: parsePrice(prices.regular_price, minor),
      currency: prices.currency_code,
      category: Array.isArray(categories) ? categories.slice(0, 1) : undefined,
      rating: Number(count) > 0 ? p.average_rating : undefined,
      ratingCount: count,
    };
  });
