import type { Product } from "../../types";
import { plain } from "../../plain";
import { vetHttpUrl } from "../../url";
import { readDataAttribute } from "./data-attribute";
import type { Draft } from "./draft";
import { readJsonLd } from "./json-ld";
import { mergeDrafts } from "./merge";
import { readMicrodata } from "./microdata";
import { readOpenGraph } from "./open-graph";
import { readSchema } from "./schema";
import { readShopifyMeta } from "./shopify-meta";

/** The products a page shows: its own product (at most one), listed products, and its breadcrumb trail. */
export interface PageExtract {
  products: Product[];
  list: Product[];
  /** Category path from the page's `BreadcrumbList`, without the home crumb and the product. */
  breadcrumb?: string[];
}

// The finished product: required fields present, empty fields gone, unsafe raw values flagged.
const finish = (d: Draft, url?: string): Product | undefined => {
  // A plain copy drops the fields no source filled.
  const p = plain({ ...d, url: d.url ?? url }) as Product;
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

const finishAll = (ds: Draft[], url?: string) => ds.map((d) => finish(d, url)).filter((p): p is Product => !!p);

/**
 * Reads the products of a page from its markup: `data-shopkeeper-product` attributes, schema.org
 * JSON-LD, microdata, Shopify's `ShopifyAnalytics.meta` (when `globals` is given) and OpenGraph,
 * merged in that order of precedence. The page's own product (at most one) is what is found at
 * the page's address (its same-site `link[rel=canonical]`, else the URL without query and hash),
 * plus the only product without an address of its own (cards of related products link to
 * theirs), or else the only product on the page; the other products join the `ItemList` entries
 * in `list`. A product without an id or URL of its own gets that address, never the query
 * string, which can carry a visitor's email or campaign ids. A page without product markup
 * gives no product.
 * @example extractPage(document, location.href, window).products[0]?.price
 */
export const extractPage = (doc: Document, pageUrl: string, globals?: { ShopifyAnalytics?: unknown }): PageExtract => {
  const bare = pageUrl.replace(/[?#].*/, "");
  const canonical = vetHttpUrl(doc.querySelector("link[rel~=canonical]")?.getAttribute("href"), bare)?.replace(/#.*/, "");
  const self = canonical?.startsWith(new URL(bare).origin + "/") ? canonical : bare;
  const ld = readSchema(readJsonLd(doc), bare);
  const md = readSchema(readMicrodata(doc), bare);
  const og = readOpenGraph(doc, bare);
  // Not a card linking to another page: OpenGraph (it describes the page, whatever its og:url
  // says), a draft without an address, or one at the page's address.
  const here = (d: Draft) => d == og[0] || !d.url || [self, bare].includes(d.url.replace(/#.*/, ""));
  const meta = readShopifyMeta(globals, bare);
  const drafts = mergeDrafts([readDataAttribute(doc, bare), ld.products, md.products, meta, og], here, meta[0]);
  const loose = drafts.filter((d) => !d.url);
  const mine = (d: Draft) => drafts.length == 1 || (d.url ? here(d) : loose.length == 1);
  // Sources that disagree on keys can still describe the page's product twice: one product.
  const products = finishAll(mergeDrafts(drafts.filter(mine).map((d) => [d]), here, meta[0]), self);
  const main = products[0];
  let crumbs = ld.crumbs ?? md.crumbs ?? [];
  // The trail ends with the product itself on most shops and starts with the home page.
  const last = crumbs[crumbs.length - 1];
  if (last && (last.url == main?.url || last.url == self || last.name == main?.title)) crumbs = crumbs.slice(0, -1);
  const breadcrumb = crumbs
    .filter((c, i) => i || !/^home\||\|https?:\/\/[^/]+\/?$/i.test(c.name + "|" + c.url))
    .map((c) => c.name)
    .filter((n): n is string => !!n);
  if (main && breadcrumb.length) main.category ??= breadcrumb;
  const ids = new Set<string>();
  const out: PageExtract = {
    products,
    list: finishAll([...drafts.filter((d) => !mine(d)), ...mergeDrafts([ld.list, md.list], here)]).filter((p) => !ids.has(p.id) && !!ids.add(p.id)),
  };
  if (breadcrumb.length) out.breadcrumb = breadcrumb;
  return out;
};
