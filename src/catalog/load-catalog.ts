import { attempt, warnOnce } from "../log";
import type { Product } from "../types";
import { createCatalogParser, drain, nextTask } from "./parse-catalog";
import type { CatalogFormat } from "./parse-catalog";

/** A key-value store for the cached catalog, under `catalog` and `catalog:0`, `catalog:1`... (the SDK passes its IndexedDB store). */
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

// The cache holds one catalog, whatever its URL (a versioned `?v=2` feed replaces the last one):
// an index under `catalog` and the products in slices under `catalog:0`, `catalog:1`... IndexedDB
// clones a value in one task, and 100,000 products as one value blocked the page for ~300 ms.
const KEY = "catalog";
const SLICE = 2000;

// The index: feed URL, time fetched, slice count, and the validators for a conditional request.
interface Entry {
  u: string;
  t: number;
  n: number;
  e?: string | null | undefined;
  m?: string | null | undefined;
}

/**
 * Loads a product feed for the page: from the cache while it is fresh (no request at all), else
 * from the network, following Shopify (`limit=250&page=N`) and WooCommerce (`per_page=100&page=N`,
 * also on plain permalinks `?rest_route=/wc/store/...`) pagination until a short or empty page. A
 * stale cache entry is served at once and revalidated in the background, a single-file feed with
 * `If-None-Match`/`If-Modified-Since` (a 304 only renews it; a changed feed replaces it and calls
 * `onUpdate`), a paginated one by reading every page again. A download cut short by a failure never
 * replaces the cache and is never cached. The byte cap is enforced while streaming. HTML error
 * pages are refused. Never rejects: offline it serves the cache, and with nothing cached it
 * resolves to what it could read (often `[]`) after one console warning.
 * @example const products = await loadCatalog("https://shop.example/products.json", { now: Date.now, cache })
 */
export const loadCatalog = async (url: string, options: LoadCatalogOptions): Promise<Product[]> => {
  const { format, cache, now, maxBytes = 2e7, maxItems = 1e5 } = options;
  const warn = (error: unknown) => warnOnce("catalog-load", "catalog not loaded: " + url, error);
  const get = (key: string) => Promise.resolve(cache?.get(key)).catch(warn);
  // Slices stored before, so a smaller catalog empties the tail of a larger one.
  let stored = 0;
  let hit: Entry | undefined;

  const save = async (entry: Entry, products?: Product[]) => {
    if (!cache) return;
    try {
      if (products) {
        // Unlisted while the slices change: a save cut short (the tab closed) is never read back as a mix of two catalogs.
        await cache.set(KEY, 0);
        for (let i = 0; i < Math.max(entry.n, stored); i++) await cache.set(KEY + ":" + i, products.slice(i * SLICE, i * SLICE + SLICE)), await nextTask();
      }
      await cache.set(KEY, entry);
    } catch (error) {
      warn(error);
    }
  };

  // The cached products, read slice by slice with a pause between; undefined when one is missing.
  const read = async (n: number): Promise<Product[] | undefined> => {
    const products: Product[] = [];
    for (let i = 0; i < n; i++) {
      const slice = await get(KEY + ":" + i);
      if (!Array.isArray(slice)) return undefined;
      products.push(...(slice as Product[]));
      await nextTask();
    }
    return products;
  };

  // Resolves to the products of a 200, or undefined after a 304 or a failure.
  const download = async (): Promise<Product[] | undefined> => {
    const abort = new AbortController();
    const parser = createCatalogParser(maxItems);
    const page = new URL(url);
    const shopify = format == "shopify" || /\/products\.json$/.test(page.pathname);
    const woo = format == "woocommerce" || /\/wc\/store\//.test(page.pathname + page.searchParams.get("rest_route"));
    const size = shopify ? 250 : woo ? 100 : 0;
    let first: Headers | undefined;
    let bytes = 0;
    // A server that stops answering (no headers, or a body that stalls) would leave shelves
    // waiting for ever: 10 s without a byte ends the download like any other failure. A slow
    // feed that keeps arriving is never cut.
    let stall: ReturnType<typeof setTimeout> | undefined;
    let stalled = "";
    const alive = () => (clearTimeout(stall), (stall = setTimeout(() => abort.abort((stalled = "no data for 10 s")), 1e4)));
    if (size) page.searchParams.set(shopify ? "limit" : "per_page", "" + size);
    try {
      for (let n = 1; ; n++) {
        const headers: Record<string, string> = {};
        // A paginated feed is never validated: a 304 for page 1 says nothing of the pages after it.
        if (size) page.searchParams.set("page", "" + n);
        else {
          if (hit?.e) headers["if-none-match"] = hit.e;
          if (hit?.m) headers["if-modified-since"] = hit.m;
        }
        alive();
        const res = await (options.fetch ?? fetch)(page.href, { headers, signal: abort.signal });
        if (res.status == 304 && hit) return void (await save({ ...hit, t: now() }));
        const type = res.headers;
        first ??= type;
        // An error status, or an HTML page (a login wall, a 404 page served as 200).
        if (!res.ok || /html/.test(type.get("content-type")!)) throw res.status + " " + type.get("content-type");
        if (bytes + Number(type.get("content-length")) > maxBytes) throw "maxBytes";
        const reader = res.body?.getReader();
        const decoder = new TextDecoder();
        let body = "";
        // Chunks already received resolve `read()` at once, so the whole body of a fast download
        // would be decoded in one task (15 MB took 70 ms on a 4x slowed CPU). One read and decode
        // of a 2 MB chunk takes up to 20 ms there, so the loop pauses once 10 ms have passed.
        for (let chunk, t = now(); reader && (alive(), !(chunk = await reader.read()).done); ) {
          // Counted as it arrives: a missing or lying Content-Length cannot get past the cap.
          if ((bytes += chunk.value.byteLength) > maxBytes) throw (abort.abort(), "maxBytes");
          body += decoder.decode(chunk.value, { stream: true });
          if (now() - t > 10) await nextTask(), (t = now());
        }
        body += decoder.decode();
        clearTimeout(stall);
        // The first test of the body joins its chunks into one string (40 ms for 15 MB on a 4x
        // slowed CPU): that gets a task of its own, and so does the first slice of the parse.
        await nextTask();
        // Also behind a comment or with no doctype: "<!-- cache miss --><!DOCTYPE html>", "<head>".
        if (/^\s*(<!--[^]*?-->\s*)*<(!doctype|html|head|body)\b/i.test(body)) throw "html";
        await nextTask();
        const before = parser.seen;
        const kept = parser.result.products.length;
        // Relative links resolve against where the feed came from after any redirect.
        await drain(parser.add(body, res.url || page.href, format), now);
        const total = parser.result.products.length;
        // A short page is the last; a page with nothing new means the server ignores `page`.
        if (!size || parser.seen - before < size || total == kept || total >= maxItems) break;
      }
    } catch (error) {
      warn(stalled || error);
      // Pages stopped by the byte cap are as complete as they will get, like those stopped by
      // `maxItems`. Pages read before a failure serve only a first load with nothing cached.
      if (!parser.seen || (error != "maxBytes" && hit)) return;
      if (error != "maxBytes") return parser.done().products;
    } finally {
      // Every way out, the 304 included, disarms the stall watchdog.
      clearTimeout(stall);
    }
    const { products } = parser.done();
    // A feed that reads as empty (a maintenance page, a mislabelled body) is no catalog: the one
    // cached stays, and stays stale, so the next page asks again.
    if (!products.length) return void warn("no products");
    void save({ u: url, t: now(), n: Math.ceil(products.length / SLICE), e: first?.get("etag"), m: first?.get("last-modified") }, products);
    return products;
  };

  try {
    const entry = (await get(KEY)) as Entry | undefined;
    stored = entry?.n ?? 0;
    const products = entry?.u == url && typeof entry.t == "number" ? await read(entry.n) : undefined;
    if (products) {
      hit = entry!;
      if (now() - hit.t >= (options.maxAgeMs ?? 216e5)) void download().then((p) => p && attempt("catalog-update", () => options.onUpdate?.(p), undefined));
      return products;
    }
    return (await download()) ?? [];
  } catch (error) {
    warn(error);
    return [];
  }
};
