import { beforeEach, describe, expect, it, vi } from "vitest";
import { loadCatalog } from "../../../src/catalog/load-catalog";
import type { CatalogCache } from "../../../src/catalog/load-catalog";
import { _resetWarnings } from "../../../src/log";
import type { Product } from "../../../src/types";

beforeEach(() => {
  _resetWarnings();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;

/** A response whose body arrives in the given chunks, recording how many were read. */
function reply(body: string | string[], init: { status?: number; headers?: Record<string, string> } = {}) {
  const chunks = (typeof body == "string" ? [body] : body).map((c) => new TextEncoder().encode(c));
  const status = init.status ?? 200;
  const response = {
    status,
    ok: status >= 200 && status < 300,
    headers: new Headers({ "content-type": "application/json", ...init.headers }),
    read: 0,
    body: {
      getReader: () => ({
        read: async () => (response.read < chunks.length ? { done: false, value: chunks[response.read++]! } : { done: true, value: undefined }),
      }),
    },
  };
  return response;
}

function memoryCache(initial?: Record<string, unknown>) {
  const data = new Map(Object.entries(initial ?? {}));
  let saved: () => void = () => {};
  const cache: CatalogCache & { data: Map<string, unknown>; saved: Promise<void> } = {
    data,
    saved: new Promise<void>((resolve) => (saved = resolve)),
    get: async (key) => data.get(key),
    set: async (key, value) => {
      data.set(key, value);
      saved();
    },
  };
  return cache;
}

const shopifyPage = (from: number, count: number) =>
  JSON.stringify({ products: Array.from({ length: count }, (_, i) => ({ id: from + i, title: `P${from + i}`, handle: `p${from + i}`, variants: [{ price: "10.00", available: true }] })) });

const product = (id: string): Product => ({ id, title: id, url: `https://shop.example/${id}` });
const FEED = "https://shop.example/catalog.json";
const cached = (t: number, products: Product[], e?: string, u = FEED) => ({ catalog: { u, t, n: 1, e }, "catalog:0": products });

/** What the cache holds: its index, and the products of its slices put back together. */
function contents(cache: { data: Map<string, unknown> }) {
  const index = cache.data.get("catalog") as { n: number } | undefined;
  return { index, products: Array.from({ length: index?.n ?? 0 }, (_, i) => cache.data.get("catalog:" + i) as Product[]).flat() };
}

/** Resolves once the cache index says the catalog was saved at `NOW`. */
const saved = (cache: { data: Map<string, unknown> }) => vi.waitFor(() => expect(cache.data.get("catalog")).toMatchObject({ t: NOW }));

describe("loadCatalog", () => {
  it("follows Shopify pagination until a short page", async () => {
    const pages = [shopifyPage(1, 250), shopifyPage(251, 3)];
    const fetch = vi.fn(async (_url: RequestInfo | URL) => reply(pages.shift() ?? "{}") as unknown as Response);
    const products = await loadCatalog("https://shop.example/products.json", { fetch, now: () => NOW });
    expect(products).toHaveLength(253);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(["https://shop.example/products.json?limit=250&page=1", "https://shop.example/products.json?limit=250&page=2"]);
    expect(products[252]).toMatchObject({ id: "253", url: "https://shop.example/products/p253", price: 10 });
  });

  it("follows WooCommerce pagination until an empty page", async () => {
    const page = (from: number, count: number) =>
      JSON.stringify(Array.from({ length: count }, (_, i) => ({ id: from + i, name: `W${from + i}`, permalink: `https://woo.example/p/${from + i}`, prices: { price: "500", currency_minor_unit: 2 } })));
    const pages = [page(1, 100), page(101, 100), "[]"];
    const fetch = vi.fn(async (_url: RequestInfo | URL) => reply(pages.shift()!) as unknown as Response);
    const products = await loadCatalog("https://woo.example/wp-json/wc/store/v1/products", { fetch, now: () => NOW });
    expect(products).toHaveLength(200);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch.mock.calls[2]![0]).toBe("https://woo.example/wp-json/wc/store/v1/products?per_page=100&page=3");
  });

  it("stops paging at maxItems", async () => {
    const fetch = vi.fn(async () => reply(shopifyPage(1, 250)) as unknown as Response);
    const products = await loadCatalog("https://shop.example/products.json", { fetch, now: () => NOW, maxItems: 100 });
    expect(products).toHaveLength(100);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("aborts a download mid-stream once it passes maxBytes", async () => {
    const response = reply(['[{"id":1,"title":"A","url":"/a"}', " ".repeat(600), " ".repeat(600), "]"]);
    let signal: AbortSignal | undefined;
    const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => ((signal = init?.signal ?? undefined), response as unknown as Response));
    const products = await loadCatalog("https://shop.example/catalog.json", { fetch, now: () => NOW, maxBytes: 1000 });
    expect(products).toEqual([]);
    expect(signal?.aborted).toBe(true);
    expect(response.read).toBe(3);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it("refuses a body whose Content-Length is over maxBytes without reading it", async () => {
    const response = reply("[]", { headers: { "content-length": "5000000" } });
    const products = await loadCatalog("https://shop.example/catalog.json", { fetch: async () => response as unknown as Response, now: () => NOW, maxBytes: 1e6 });
    expect(products).toEqual([]);
    expect(response.read).toBe(0);
  });

  it("serves a fresh cache without any request", async () => {
    const fetch = vi.fn();
    const cache = memoryCache(cached(NOW - HOUR, [product("a")]));
    expect(await loadCatalog("https://shop.example/catalog.json", { fetch, cache, now: () => NOW })).toEqual([product("a")]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("serves a stale cache at once and renews it on 304", async () => {
    const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => reply("", { status: 304 }) as unknown as Response);
    const cache = memoryCache(cached(NOW - 7 * HOUR, [product("a")], '"v1"'));
    const onUpdate = vi.fn();
    expect(await loadCatalog("https://shop.example/catalog.json", { fetch, cache, now: () => NOW, onUpdate })).toEqual([product("a")]);
    await saved(cache);
    expect(fetch.mock.calls[0]![1]!.headers).toEqual({ "if-none-match": '"v1"' });
    expect(contents(cache)).toEqual({ index: { u: FEED, t: NOW, n: 1, e: '"v1"' }, products: [product("a")] });
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it("replaces a stale cache on 200 and reports the new products", async () => {
    const fetch = vi.fn(async () => reply('[{"id":"b","title":"b","url":"https://shop.example/b"}]', { headers: { etag: '"v2"', "last-modified": "Tue, 01 Oct 2024 10:00:00 GMT" } }) as unknown as Response);
    const cache = memoryCache(cached(NOW - 7 * HOUR, [product("a")], '"v1"'));
    const updated = new Promise<Product[]>((resolve) => void loadCatalog("https://shop.example/catalog.json", { fetch, cache, now: () => NOW, onUpdate: resolve }));
    expect(await updated).toEqual([product("b")]);
    await saved(cache);
    expect(contents(cache)).toEqual({ index: { u: FEED, t: NOW, n: 1, e: '"v2"', m: "Tue, 01 Oct 2024 10:00:00 GMT" }, products: [product("b")] });
  });

  it("serves the cache when offline", async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    const cache = memoryCache(cached(NOW - 30 * HOUR, [product("a")]));
    expect(await loadCatalog("https://shop.example/catalog.json", { fetch, cache, now: () => NOW })).toEqual([product("a")]);
  });

  it("resolves to no products with one warning when offline with nothing cached", async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await loadCatalog("https://shop.example/catalog.json", { fetch, cache: memoryCache(), now: () => NOW })).toEqual([]);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining("catalog not loaded: https://shop.example/catalog.json"), expect.any(TypeError));
  });

  it("rejects an HTML error page, by content type or by its first characters", async () => {
    const page = "<!DOCTYPE html><html><body>Not found</body></html>";
    for (const headers of [{ "content-type": "text/html; charset=utf-8" }, { "content-type": "application/json" }]) {
      const cache = memoryCache();
      const products = await loadCatalog("https://shop.example/catalog.json", { fetch: async () => reply(page, { headers }) as unknown as Response, cache, now: () => NOW });
      expect(products).toEqual([]);
      expect(cache.data.size).toBe(0);
    }
  });

  it("keeps a good cached catalog when the server answers 200 with something that holds no products", async () => {
    const junk: [string, Record<string, string>][] = [
      ["", {}],
      ["Down for maintenance", { "content-type": "text/plain" }],
      ["<!-- cache miss -->\n<!DOCTYPE html><html></html>", { "content-type": "application/octet-stream" }],
      ["<head><title>Error</title></head>", { "content-type": "text/plain" }],
      ['{"products":[]}', {}],
    ];
    for (const [body, headers] of junk) {
      const cache = memoryCache(cached(NOW - 7 * HOUR, [product("a")], '"v1"'));
      const onUpdate = vi.fn();
      const fetch = vi.fn(async () => reply(body, { headers }) as unknown as Response);
      expect(await loadCatalog(FEED, { fetch, cache, now: () => NOW, onUpdate })).toEqual([product("a")]);
      await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
      await new Promise((r) => setTimeout(r, 10));
      expect(contents(cache).products, JSON.stringify(body)).toEqual([product("a")]);
      // Still stale, so the next page asks again.
      expect(contents(cache).index).toMatchObject({ t: NOW - 7 * HOUR });
      expect(onUpdate).not.toHaveBeenCalled();
    }
  });

  it("resolves relative links against the address a redirect led to", async () => {
    const res = Object.assign(reply('[{"id":"a","title":"A","url":"/p/a"}]'), { url: "https://cdn.example/feeds/catalog.json" });
    const products = await loadCatalog(FEED, { fetch: async () => res as unknown as Response, now: () => NOW });
    expect(products.map((p) => p.url)).toEqual(["https://cdn.example/p/a"]);
  });

  it("rejects an error status", async () => {
    const products = await loadCatalog("https://shop.example/catalog.json", { fetch: async () => reply("[]", { status: 500 }) as unknown as Response, now: () => NOW });
    expect(products).toEqual([]);
  });

  it("caches what it loaded, with its validators", async () => {
    const cache = memoryCache();
    const fetch = async () => reply('<rss><channel><item><g:id>1</g:id><g:title>T</g:title><g:link>/t</g:link></item></channel></rss>', { headers: { "content-type": "application/rss+xml", etag: "W/\"7\"" } }) as unknown as Response;
    const products = await loadCatalog("https://shop.example/feed.xml", { fetch, cache, now: () => NOW });
    expect(products).toEqual([{ id: "1", title: "T", url: "https://shop.example/t" }]);
    await saved(cache);
    expect(contents(cache)).toEqual({ index: { u: "https://shop.example/feed.xml", t: NOW, n: 1, e: 'W/"7"', m: null }, products });
  });

  it("gives up on a server that sends nothing for 10 s, before or after the headers, with one warning", async () => {
    vi.useFakeTimers();
    try {
      // Like a real fetch: pending until its signal aborts, then rejecting.
      const pending = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
      const silent = vi.fn(async (_: unknown, init?: RequestInit) => pending(init!.signal!));
      const first = loadCatalog(FEED, { fetch: silent as unknown as typeof fetch, now: () => NOW });
      await vi.advanceTimersByTimeAsync(9_999);
      expect(silent.mock.calls[0]![1]!.signal!.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await first).toEqual([]);
      expect(console.warn).toHaveBeenCalledWith(expect.stringContaining("catalog not loaded"), "no data for 10 s");

      // A body that starts, then stalls; and one that keeps arriving slowly, never cut.
      const body = (gaps: number[], signal: AbortSignal) => {
        const chunks = [JSON.stringify([{ id: "a", title: "A", url: "/a" }])];
        return {
          ok: true,
          status: 200,
          headers: new Headers({ "content-type": "application/json" }),
          body: {
            getReader: () => ({
              read: () => {
                const gap = gaps.shift();
                if (gap == null) return Promise.race([pending(signal), new Promise(() => {})]);
                return new Promise((resolve) => setTimeout(() => resolve(chunks.length ? { done: false, value: new TextEncoder().encode(chunks.shift()!) } : { done: true }), gap));
              },
            }),
          },
        };
      };
      const stalls = loadCatalog(FEED, { fetch: (async (_: unknown, init?: RequestInit) => body([100], init!.signal!)) as unknown as typeof fetch, now: () => NOW });
      await vi.advanceTimersByTimeAsync(10_200);
      expect(await stalls).toEqual([]);
      const slow = loadCatalog(FEED, { fetch: (async (_: unknown, init?: RequestInit) => body([9_000, 9_000], init!.signal!)) as unknown as typeof fetch, now: () => NOW });
      await vi.advanceTimersByTimeAsync(18_100);
      expect((await slow).map((p) => p.id)).toEqual(["a"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads a body that has all arrived in slices of 10 ms, pausing for the next task between them", async () => {
    const items = Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `p${i}`, title: "P", url: `/p${i}` }));
    const res = reply(["[" + items[0], ...items.slice(1).map((item) => "," + item), "]"]);
    // Zero-delay timeouts are the pauses (the stall watchdog waits 10 s); each notes the chunks read by then.
    const pauses: number[] = [];
    const setTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => (ms || pauses.push(res.read), setTimeout(fn, ms))) as typeof setTimeout);
    let clock = NOW;
    const products = await loadCatalog(FEED, { fetch: async () => res as unknown as Response, now: () => (clock += 4) });
    expect(products.map((p) => p.id)).toEqual(["p0", "p1", "p2", "p3", "p4", "p5"]);
    // 4 ms a chunk on this clock: a pause once more than 10 ms have passed, after the 3rd and the 6th of 7.
    expect(pauses.filter((read) => read < 7)).toEqual([3, 6]);
  });

  it("keeps the pages read before a later page fails", async () => {
    const pages = [shopifyPage(1, 250)];
    const fetch = vi.fn(async () => (pages.length ? (reply(pages.shift()!) as unknown as Response) : Promise.reject(new TypeError("Failed to fetch"))));
    const products = await loadCatalog("https://shop.example/products.json", { fetch, now: () => NOW });
    expect(products).toHaveLength(250);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it("downloads when the cache cannot be read", async () => {
    const cache: CatalogCache = { get: () => Promise.reject(new Error("closed")), set: async () => {} };
    const fetch = async () => reply('[{"id":"a","title":"a","url":"https://shop.example/a"}]') as unknown as Response;
    expect(await loadCatalog("https://shop.example/catalog.json", { fetch, cache, now: () => NOW })).toEqual([product("a")]);
  });

  it("reports a throwing onUpdate instead of rejecting", async () => {
    const fetch = vi.fn(async () => reply('[{"id":"b","title":"b","url":"https://shop.example/b"}]') as unknown as Response);
    const cache = memoryCache(cached(NOW - 7 * HOUR, [product("a")]));
    await loadCatalog("https://shop.example/catalog.json", { fetch, cache, now: () => NOW, onUpdate: () => { throw new Error("broken page code"); } });
    await cache.saved;
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalledWith(expect.stringContaining("catalog-update"), expect.any(Error)));
  });

  it("reads WooCommerce pages on plain permalinks, in the query string", async () => {
    const page = (from: number, count: number) => JSON.stringify(Array.from({ length: count }, (_, i) => ({ id: from + i, name: `W${from + i}`, permalink: `https://woo.example/?p=${from + i}` })));
    const pages = [page(1, 100), page(101, 5)];
    const fetch = vi.fn(async (_url: RequestInfo | URL) => reply(pages.shift()!) as unknown as Response);
    const products = await loadCatalog("https://woo.example/?rest_route=/wc/store/v1/products", { fetch, now: () => NOW });
    expect(products).toHaveLength(105);
    const urls = fetch.mock.calls.map(([url]) => new URL(url as string));
    expect(urls.map((u) => [u.pathname, u.searchParams.get("rest_route"), u.searchParams.get("per_page"), u.searchParams.get("page")])).toEqual([
      ["/", "/wc/store/v1/products", "100", "1"],
      ["/", "/wc/store/v1/products", "100", "2"],
    ]);
  });

  describe("a paginated feed", () => {
    const SHOP = "https://shop.example/products.json";
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => "" + (from + i));
    const stale = () => memoryCache({ catalog: { u: SHOP, t: NOW - 7 * HOUR, n: 1, e: '"v1"' }, "catalog:0": ids(1, 510).map(product) });

    it("keeps a stale cache and reports nothing when a later page fails", async () => {
      const pages = [shopifyPage(1, 250)];
      const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => (pages.length ? (reply(pages.shift()!) as unknown as Response) : Promise.reject(new TypeError("Failed to fetch"))));
      const cache = stale();
      const before = new Map(cache.data);
      const onUpdate = vi.fn();
      expect(await loadCatalog(SHOP, { fetch, cache, now: () => NOW, onUpdate })).toHaveLength(510);
      await vi.waitFor(() => expect(console.warn).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve));
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(onUpdate).not.toHaveBeenCalled();
      expect(cache.data).toEqual(before);
    });

    it("reads every page again instead of sending validators", async () => {
      const pages = [shopifyPage(1, 250), shopifyPage(251, 250), shopifyPage(501, 12)];
      const fetch = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => reply(pages.shift()!, { headers: { etag: '"v1"' } }) as unknown as Response);
      const cache = stale();
      const updated = new Promise<Product[]>((resolve) => void loadCatalog(SHOP, { fetch, cache, now: () => NOW, onUpdate: resolve }));
      expect((await updated).map((p) => p.id)).toEqual(ids(1, 512));
      expect(fetch.mock.calls.map(([, init]) => init!.headers)).toEqual([{}, {}, {}]);
    });

    it("serves the pages read before a failure on a first load, without caching them", async () => {
      const pages = [shopifyPage(1, 250)];
      const fetch = vi.fn(async () => (pages.length ? (reply(pages.shift()!) as unknown as Response) : Promise.reject(new TypeError("Failed to fetch"))));
      const cache = memoryCache();
      expect(await loadCatalog(SHOP, { fetch, cache, now: () => NOW })).toHaveLength(250);
      expect(console.warn).toHaveBeenCalledTimes(1);
      expect(cache.data.size).toBe(0);
    });

    it("caches the pages read before the byte cap, as it does those before maxItems", async () => {
      const pages = [shopifyPage(1, 250), shopifyPage(251, 250)];
      const fetch = vi.fn(async () => reply(pages.shift() ?? "{}") as unknown as Response);
      const cache = memoryCache();
      expect(await loadCatalog(SHOP, { fetch, cache, now: () => NOW, maxBytes: shopifyPage(1, 250).length + 100 })).toHaveLength(250);
      await saved(cache);
      expect(contents(cache).products).toHaveLength(250);
    });
  });

  describe("the cache", () => {
    const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: "" + (from + i), title: "T", url: "https://shop.example/" + (from + i) }));

    it("stores a large catalog in slices and serves it back whole", async () => {
      const cache = memoryCache();
      const body = JSON.stringify(many(4500));
      const products = await loadCatalog(FEED, { fetch: async () => reply(body) as unknown as Response, cache, now: () => NOW });
      await saved(cache);
      expect([0, 1, 2].map((i) => (cache.data.get("catalog:" + i) as unknown[]).length)).toEqual([2000, 2000, 500]);
      const fetch = vi.fn();
      expect(await loadCatalog(FEED, { fetch, cache, now: () => NOW })).toEqual(products);
      expect(fetch).not.toHaveBeenCalled();
    });

    it("holds one catalog: another feed URL replaces it and empties its extra slices", async () => {
      const cache = memoryCache({ catalog: { u: FEED + "?v=1", t: NOW, n: 2 }, "catalog:0": [product("a")], "catalog:1": [product("b")] });
      const fetch = vi.fn(async () => reply(JSON.stringify(many(1, 7))) as unknown as Response);
      expect(await loadCatalog(FEED + "?v=2", { fetch, cache, now: () => NOW })).toEqual(many(1, 7));
      await saved(cache);
      expect([...cache.data.keys()].sort()).toEqual(["catalog", "catalog:0", "catalog:1"]);
      expect(contents(cache)).toEqual({ index: { u: FEED + "?v=2", t: NOW, n: 1, e: null, m: null }, products: many(1, 7) });
      expect(cache.data.get("catalog:1")).toEqual([]);
    });

    it("downloads when a slice is missing", async () => {
      const cache = memoryCache({ catalog: { u: FEED, t: NOW, n: 2 }, "catalog:0": [product("a")] });
      const fetch = vi.fn(async () => reply(JSON.stringify([product("b")])) as unknown as Response);
      expect(await loadCatalog(FEED, { fetch, cache, now: () => NOW })).toEqual([product("b")]);
    });
  });
});
