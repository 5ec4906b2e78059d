import type { Product } from "../../types";
import { vetHttpUrl } from "../../url";
import { readDataAttribute } from "./data-attribute";
import type { Draft } from "./draft";
import { readJsonLd } from "./json-ld";
import { mergeDrafts } from "./merge";
import { readMicrodata } from "./microdata";
import { readOpenGraph } from "./open-graph";
import { readSchema } from "./schema";
import { readShopifyMeta } from "./shopify-meta";

/** The products a page shows: its own product(s), listed products, and its breadcrumb trail. */
export interface PageExtract {
  products: Product[];
  list: Product[];
  /** Category path from the page's `BreadcrumbList`, without the home crumb and the product. */
  breadcrumb?: string[];
}

// The finished product: required fields present, empty fields gone, unsafe raw values flagged.
const finish = (d: Draft, url?: string): Product | undefined => {
  // A JSON round trip drops the fields no source filled.
  const p: Product = JSON.parse(JSON.stringify({ ...d, url: d.url ?? url }));
  p.id ??= p.sku ?? p.url;
  if (!p.id || !p.title || !p.url) return;
  const unsafe: Product["unsafe"] = [];
  if (/<[a-z/!]/i.test(p.title)) {
    p.title = p.title.replace(/<[^>]*>?/g, " ").replace(/\s+/g, " ").trim();
    unsafe.push("title");
  }
  if (!vetHttpUrl(p.url)) unsafe.push("url");
  if (p.image && !vetHttpUrl(p.image)) unsafe.push("image");
  if (!(p.compareAtPrice! > p.price!)) delete p.compareAtPrice;
  if (unsafe.length) p.unsafe = unsafe;
  return p;
};

/**
 * Reads the products of a page from its markup: `data-shopkeeper-product` attributes, schema.org
 * JSON-LD, microdata, Shopify's `ShopifyAnalytics.meta` (when `globals` is given) and OpenGraph,
 * merged in that order of precedence. A page without product markup gives no product.
 * @example extractPage(document, location.href, window).products[0]?.price
 */
export function extractPage(doc: Document, pageUrl: string, globals?: { ShopifyAnalytics?: unknown }): PageExtract {
  const ld = readSchema(readJsonLd(doc), pageUrl);
  const md = readSchema(readMicrodata(doc), pageUrl);
  const products = mergeDrafts([readDataAttribute(doc, pageUrl), ld.products, md.products, readShopifyMeta(globals, pageUrl), readOpenGraph(doc, pageUrl)])
    .map((d) => finish(d, pageUrl))
    .filter((p): p is Product => !!p);
  const main = products[0];
  let crumbs = ld.crumbs ?? md.crumbs ?? [];
  // The trail ends with the product itself on most shops and starts with the home page.
  const last = crumbs[crumbs.length - 1];
  if (last && (last.url == main?.url || last.url == pageUrl || last.name == main?.title)) crumbs = crumbs.slice(0, -1);
  const breadcrumb = crumbs
    .filter((c, i) => i || !/^home\||\|https?:\/\/[^/]+\/?$/i.test(c.name + "|" + c.url))
    .map((c) => c.name)
    .filter((n): n is string => !!n);
  if (main && breadcrumb.length) main.category ??= breadcrumb;
  const out: PageExtract = {
    products,
    list: mergeDrafts([ld.list, md.list])
      .map((d) => finish(d))
      .filter((p): p is Product => !!p),
  };
  if (breadcrumb.length) out.breadcrumb = breadcrumb;
  return out;
}
