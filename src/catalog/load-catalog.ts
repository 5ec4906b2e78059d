import { attempt, warnOnce } from "../log";
import type { Product } from "../types";
import { createCatalogParser, drain } from "./parse-catalog";
import type { CatalogFormat } from "./parse-catalog";

/** A key-value store for the cached catalog (the SDK passes its IndexedDB store). */
export interface CatalogCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Options of `loadCatalog()`. */
export interface LoadCatalogOptions {
  format?: CatalogFormat;
  fetch?: typeof fetch;
  cache?: CatalogCache;
  /** Bytes read at most, all pages together; the download is aborted past it. Default 20 MB. */
  maxBytes?: number;
  /** Products kept at most. Default 100,000. */
  maxItems?: number;
  /** How long a cached catalog is served without asking the server. Default 6 hours. */
  maxAgeMs?: number;
  /** Epoch ms: cache ages, and the clock that slices parsing into short tasks. */
  now: () => number;
  /** Called when a background revalidation brings a changed catalog. */
  onUpdate?: (products: Product[]) => void;
}

// What the cache holds: time fetched, products, and the validators for a conditional request.
interface Entry {
  t: number;
  p: Product[];
  e?: string | null | undefined;
  m?: string | null | undefined;
}

/**
 * Loads a product feed for the page: from the cache while it is fresh (no request at all), else
 * from the network, following Shopify (`limit=250&page=N`) and WooCommerce (`per_page=100&page=N`)
 * pagination until a short or empty page. A stale cache entry is served at once and revalidated
 * in the background with `If-None-Match`/`If-Modified-Since` (a 304 only renews it; a changed
 * feed replaces it and calls `onUpdate`). The byte cap is enforced while streaming. HTML error
 * pages are refused. Never rejects: offline it serves the cache, and with nothing cached it
 * resolves to `[]` after one console warning.
 * @example const products = await loadCatalog("https://shop.example/products.json", { now: Date.now, cache })
 */
export async function loadCatalog(url: string, options: LoadCatalogOptions): Promise<Product[]> {
  const { format, cache, now, maxBytes = 2e7, maxItems = 1e5 } = options;
  const key = "catalog:" + url;
  const warn = (error: unknown) => warnOnce("catalog-load", "catalog not loaded: " + url, error);
  const save = async (entry: Entry) => {
    try {
      await cache?.set(key, entry);
    } catch (error) {
      warn(error);
    }
  };
  let hit: Entry | undefined;

  // Resolves to the products of a 200, or undefined after a 304 or a failure.
  const download = async (): Promise<Product[] | undefined> => {
    const abort = new AbortController();
    const parser = createCatalogParser(maxItems);
    const page = new URL(url);
    const shopify = format == "shopify" || /\/products\.json$/.test(page.pathname);
    const size = shopify ? 250 : format == "woocommerce" || /\/wc\/store\//.test(page.pathname) ? 100 : 0;
    let first: Headers | undefined;
    let bytes = 0;
    if (size) page.searchParams.set(shopify ? "limit" : "per_page", "" + size);
    try {
      for (let n = 1; ; n++) {
        if (size) page.searchParams.set("page", "" + n);
        const headers: Record<string, string> = {};
        if (!first && hit?.e) headers["if-none-match"] = hit.e;
        if (!first && hit?.m) headers["if-modified-since"] = hit.m;
        const res = await (options.fetch ?? fetch)(page.href, { headers, signal: abort.signal });
        if (res.status == 304 && hit) return void (await save({ ...hit, t: now() }));
        const type = res.headers;
        first ??= type;
        // An error status, an HTML page (a login wall, a 404 page served as 200) or a declared size over the cap.
        if (!res.ok || /html/.test(type.get("content-type")!) || bytes + Number(type.get("content-length")) > maxBytes) throw res.status + " " + type.get("content-type");
        const reader = res.body?.getReader();
        const decoder = new TextDecoder();
        let body = "";
        for (let chunk; reader && !(chunk = await reader.read()).done; ) {
          // Counted as it arrives: a missing or lying Content-Length cannot get past the cap.
          if ((bytes += chunk.value.byteLength) > maxBytes) throw (abort.abort(), "maxBytes");
          body += decoder.decode(chunk.value, { stream: true });
        }
        body += decoder.decode();
        if (/^\s*<(!doctype|html)/i.test(body)) throw "html";
        const before = parser.seen;
        const kept = parser.result.products.length;
        await drain(parser.add(body, page.href, format), now);
        const total = parser.result.products.length;
        // A short page is the last; a page with nothing new means the server ignores `page`.
        if (!size || parser.seen - before < size || total == kept || total >= maxItems) break;
      }
    } catch (error) {
      warn(error);
      // Pages read before a failure are kept; with none there is nothing to replace the cache.
      if (!parser.seen) return;
    }
    const { products } = parser.done();
    await save({ t: now(), p: products, e: first?.get("etag"), m: first?.get("last-modified") });
    return products;
  };

  try {
    const entry = (await Promise.resolve(cache?.get(key)).catch(warn)) as Entry | undefined;
    if (entry && typeof entry.t == "number" && Array.isArray(entry.p)) {
      hit = entry;
      if (now() - entry.t >= (options.maxAgeMs ?? 216e5)) void download().then((p) => p && attempt("catalog-update", () => options.onUpdate?.(p), undefined));
      return entry.p;
    }
    return (await download()) ?? [];
  } catch (error) {
    warn(error);
    return [];
  }
}
