import type { PageType } from "../types";

// URL conventions, tried in order. Shopify: /products/, /collections/, /cart, /checkouts/.
// WooCommerce: /product/, /product-category/, /cart/, /checkout/, ?s=. Magento: /checkout/cart/,
// /catalogsearch/, /catalog/product|category/. BigCommerce: /cart.php, /search.php. Generic: /p/, /c/.
// A query may follow: PrestaShop's cart is /cart?action=show.
const RULES: [PageType, RegExp][] = [
  ["product", /\/(products?|p|catalog\/product)\/./],
  ["cart", /\/(cart|basket)(\.php)?([/?]|$)|\/checkout\/cart/],
  ["checkout", /\/checkouts?([/?]|$)|\/onepage/],
  ["search", /\/(search|catalogsearch)(\.php)?([/?]|$)|[?&](q|s|search_query)=/],
  ["category", /\/(collections|product-category|categories|category|c|catalog\/category)\/./],
  ["home", /^\/([a-z]{2}(-[a-z]{2})?\/?)?(index\.\w+)?$/],
];

/**
 * Tells where a page sits in the funnel, from its URL and what its markup showed. Markup wins:
 * a page with a main product is a product page whatever its URL; a page with a product list
 * and no telling URL is a category. In a hash-routed app the route in the hash is the URL.
 * @example getPageType(new URL("https://shop.example/collections/shoes"), false, true) // "category"
 */
export const getPageType = (url: URL, hasProduct: boolean, hasList: boolean): PageType => {
  if (hasProduct) return "product";
  // A hash router keeps the page's path and query in the hash (`#/cart`, `#!/products/x`); an
  // in-page anchor (`#reviews`) leaves the page where it is.
  const route = /^#!?(\/[^?]*)(.*)/.exec(url.hash);
  const pathname = route ? route[1]! : url.pathname;
  const path = pathname.toLowerCase() + (route ? route[2] : url.search);
  for (const [type, test] of RULES) if (test.test(type == "home" ? pathname : path)) return type;
  return hasList ? "category" : "other";
};
