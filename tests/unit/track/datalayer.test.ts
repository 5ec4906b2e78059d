import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseDataLayerEntry, watchDataLayer, type DataLayerEventName } from "../../../src/track/datalayer";

const ga4Item = {
  item_id: "SKU-1",
  item_name: "Trail Runner",
  item_brand: "Ridgeline",
  item_category: "Shoes",
  item_category2: "Running",
  item_category3: "Trail",
  item_variant: "Blue / 42",
  price: "99.00",
  discount: 20,
  quantity: 2,
  item_list_name: "Summer sale",
};
const expectedItem = {
  id: "SKU-1",
  title: "Trail Runner",
  brand: "Ridgeline",
  category: ["Shoes", "Running", "Trail"],
  price: 99,
  compareAtPrice: 119,
  currency: "EUR",
  quantity: 2,
};

/** Builds the `arguments` object that gtag pushes. */
function gtag(..._args: unknown[]) {
  // eslint-disable-next-line prefer-rest-params
  return arguments;
}

describe("parseDataLayerEntry", () => {
  const names: DataLayerEventName[] = ["view_item_list", "select_item", "view_item", "add_to_cart", "remove_from_cart", "view_cart", "begin_checkout", "purchase"];

  it("takes the product id of a Google channel Shopify item id as its group", () => {
    const parsed = parseDataLayerEntry({ event: "view_item", ecommerce: { items: [{ item_id: "shopify_US_123_456" }, { item_id: "shopify_gb_7_8_9" }] } });
    expect(parsed?.props.items).toEqual([{ id: "shopify_US_123_456", groupId: "123" }, { id: "shopify_gb_7_8_9" }]);
  });

  it.each(names)("reads the GA4 %s event", (name) => {
    const parsed = parseDataLayerEntry({ event: name, ecommerce: { currency: "eur", value: 198, items: [ga4Item] } });
    expect(parsed).toEqual({ name, props: { currency: "EUR", value: 198, listName: "Summer sale", items: [expectedItem] } });
  });

  it("keeps the transaction id of a purchase", () => {
    const parsed = parseDataLayerEntry({ event: "purchase", ecommerce: { transaction_id: "T-1001", currency: "USD", value: "59.90", items: [{ item_id: 7, price: 59.9 }] } });
    expect(parsed).toEqual({ name: "purchase", props: { transactionId: "T-1001", currency: "USD", value: 59.9, items: [{ id: "7", price: 59.9, currency: "USD" }] } });
  });

  // GA4 asks only for transaction_id, value and currency on a purchase; a tag that sends no items still reports the order.
  it("reads a purchase without items, and a Universal Analytics purchase pushed under the GA4 name", () => {
    expect(parseDataLayerEntry({ event: "purchase", ecommerce: { transaction_id: "T-9", currency: "usd", value: 120 } })).toEqual({
      name: "purchase",
      props: { transactionId: "T-9", currency: "USD", value: 120, items: [] },
    });
    const ua = { event: "purchase", ecommerce: { currencyCode: "USD", purchase: { actionField: { id: "T-8", revenue: "35.43" }, products: [{ id: "P3", price: "35.43" }] } } };
    expect(parseDataLayerEntry(ua)).toEqual({ name: "purchase", props: { currency: "USD", value: 35.43, transactionId: "T-8", items: [{ id: "P3", price: 35.43, currency: "USD" }] } });
  });

  it("reads a GA4 refund, whole or of some items, and a Universal Analytics refund", () => {
    expect(parseDataLayerEntry({ event: "refund", ecommerce: { transaction_id: "T-9", currency: "USD", value: 120 } })).toEqual({
      name: "refund",
      props: { transactionId: "T-9", currency: "USD", value: 120, items: [] },
    });
    expect(parseDataLayerEntry(gtag("event", "refund", { transaction_id: "T-9", items: [{ item_id: "a", quantity: 1 }] }))).toEqual({
      name: "refund",
      props: { transactionId: "T-9", items: [{ id: "a", quantity: 1 }] },
    });
    expect(parseDataLayerEntry({ event: "refund", ecommerce: { refund: { actionField: { id: "T-7" } } } })).toEqual({ name: "refund", props: { transactionId: "T-7", items: [] } });
  });

  it("reads the arguments object that gtag pushes", () => {
    const parsed = parseDataLayerEntry(gtag("event", "add_to_cart", { currency: "PKR", value: 2500, items: [{ item_id: "k-1", item_name: "Kurta", price: 2500 }] }));
    expect(parsed).toEqual({ name: "add_to_cart", props: { currency: "PKR", value: 2500, items: [{ id: "k-1", title: "Kurta", price: 2500, currency: "PKR" }] } });
  });

  // The official "Google Analytics for WooCommerce" extension sends its events with gtag: numeric
  // product ids, prices already divided by the store's minor unit, no currency on view_item, and a
  // purchase whose order id is a number.
  it("reads what WooCommerce's Google Analytics extension sends", () => {
    const viewed = parseDataLayerEntry(gtag("event", "view_item", { items: [{ item_id: 42, item_name: "Beanie", item_list_name: "Product List", item_category: "Accessories", price: 18 }] }));
    expect(viewed).toEqual({ name: "view_item", props: { listName: "Product List", items: [{ id: "42", title: "Beanie", category: ["Accessories"], price: 18 }] } });
    const bought = parseDataLayerEntry(
      gtag("event", "purchase", { transaction_id: 1207, affiliation: "Shop", currency: "USD", value: 36, tax: 0, shipping: 0, items: [{ item_id: 42, item_name: "Beanie", quantity: 2, price: 18 }] }),
    );
    expect(bought).toEqual({ name: "purchase", props: { transactionId: "1207", currency: "USD", value: 36, items: [{ id: "42", title: "Beanie", quantity: 2, price: 18, currency: "USD" }] } });
  });

  // gtag.js took Universal Analytics' item keys before GA4 (and GA4 still reads them): WooCommerce's
  // extension before version 2 sent `id`, `name`, `category` ("Clothing/Hoodies") this way.
  it("reads gtag items with Universal Analytics keys", () => {
    const parsed = parseDataLayerEntry(gtag("event", "add_to_cart", { items: [{ id: "woo-12", name: "Hoodie", brand: "Acme", category: "Clothing/Hoodies", price: "45.00", quantity: 1 }] }));
    expect(parsed).toEqual({ name: "add_to_cart", props: { items: [{ id: "woo-12", title: "Hoodie", brand: "Acme", category: ["Clothing", "Hoodies"], price: 45, quantity: 1 }] } });
  });

  // WordPress plugins print names through esc_attr() and WordPress stores "&" in titles as "&amp;",
  // so "Tom & Jerry's" arrives as "Tom &amp; Jerry&#039;s".
  it("reads string prices in a three-decimal currency as three decimals", () => {
    const { props } = parseDataLayerEntry({ event: "view_item", ecommerce: { currency: "KWD", value: "12.500", items: [{ item_id: "a", price: "12.500" }, { item_id: "b", price: "1.250", currency: "BHD" }] } })!;
    expect([props.value, props.items.map((i) => [i.price, i.currency])]).toEqual([12.5, [[12.5, "KWD"], [1.25, "BHD"]]]);
  });

  it("decodes HTML entities in names, brands and categories", () => {
    const parsed = parseDataLayerEntry({ event: "view_item", ecommerce: { items: [{ item_id: "m-1", item_name: "Tom &amp; Jerry&#039;s Mug", item_brand: "H&amp;M", item_category: "Home &amp; Kitchen" }] } });
    expect(parsed!.props.items).toEqual([{ id: "m-1", title: "Tom & Jerry's Mug", brand: "H&M", category: ["Home & Kitchen"] }]);
  });

  it("ignores gtag calls that are not ecommerce events", () => {
    expect(parseDataLayerEntry(gtag("config", "G-XYZ"))).toBeNull();
    expect(parseDataLayerEntry(gtag("event", "page_view", { page_title: "x" }))).toBeNull();
    expect(parseDataLayerEntry(gtag("js", new Date(0)))).toBeNull();
  });

  it("reads a Universal Analytics detail", () => {
    const parsed = parseDataLayerEntry({
      ecommerce: { currencyCode: "gbp", detail: { actionField: { list: "Search" }, products: [{ id: "P1", name: "Boot", price: "89.50", brand: "Alp", category: "Shoes/Boots", variant: "Black" }] } },
    });
    expect(parsed).toEqual({ name: "view_item", props: { currency: "GBP", listName: "Search", items: [{ id: "P1", title: "Boot", brand: "Alp", price: 89.5, currency: "GBP", category: ["Shoes", "Boots"] }] } });
  });

  it("reads Universal Analytics add and remove", () => {
    const product = { id: "P2", name: "Sock", price: 5, quantity: 3 };
    expect(parseDataLayerEntry({ event: "addToCart", ecommerce: { add: { products: [product] } } })).toEqual({
      name: "add_to_cart",
      props: { items: [{ id: "P2", title: "Sock", price: 5, quantity: 3 }] },
    });
    expect(parseDataLayerEntry({ event: "removeFromCart", ecommerce: { remove: { products: [product] } } })?.name).toBe("remove_from_cart");
  });

  it("reads a Universal Analytics purchase with its action field", () => {
    const parsed = parseDataLayerEntry({ ecommerce: { currencyCode: "USD", purchase: { actionField: { id: "T-7", revenue: "35.43" }, products: [{ id: "P3", price: "35.43" }] } } });
    expect(parsed).toEqual({ name: "purchase", props: { currency: "USD", value: 35.43, transactionId: "T-7", items: [{ id: "P3", price: 35.43, currency: "USD" }] } });
  });

  it("reads Universal Analytics impressions as a list view", () => {
    const parsed = parseDataLayerEntry({ ecommerce: { impressions: [{ id: "A", list: "Home" }, { id: "B", list: "Home" }] } });
    expect(parsed).toEqual({ name: "view_item_list", props: { listName: "Home", items: [{ id: "A" }, { id: "B" }] } });
  });

  it("ignores resets, other events and junk", () => {
    for (const entry of [{ ecommerce: null }, { event: "gtm.js" }, { event: "add_payment_info", ecommerce: { items: [{ item_id: "a" }] } }, "view_item", null, 42, [], { ecommerce: { items: "x" } }]) {
      expect(parseDataLayerEntry(entry)).toBeNull();
    }
  });

  it("skips items without an id and keeps the rest", () => {
    const parsed = parseDataLayerEntry({ event: "view_item_list", ecommerce: { items: [{ item_name: "no id" }, null, { item_id: "ok" }] } });
    expect(parsed?.props.items).toEqual([{ id: "ok" }]);
  });

  it("copies no inherited or prototype keys from the entry", () => {
    const entry = JSON.parse('{"event":"view_item","ecommerce":{"items":[{"item_id":"x","__proto__":{"polluted":true},"constructor":"c"}]}}');
    const parsed = parseDataLayerEntry(entry);
    expect(parsed?.props.items).toEqual([{ id: "x" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

type Host = Window & { dataLayer?: unknown; otherLayer?: unknown };
const host = window as Host;

describe("watchDataLayer", () => {
  let stop = () => {};
  let seen: [string, unknown][] = [];
  const watch = (key?: string) => (stop = watchDataLayer(window, (name, props) => seen.push([name, props.items.map((i) => i.id)]), key));
  const viewItem = (id: string) => ({ event: "view_item", ecommerce: { items: [{ item_id: id }] } });

  beforeEach(() => {
    vi.useFakeTimers();
    seen = [];
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    delete host.dataLayer;
    delete host.otherLayer;
  });

  it("reads entries pushed before it started, then new pushes", () => {
    host.dataLayer = [viewItem("before")];
    watch();
    (host.dataLayer as unknown[]).push({ ecommerce: null }, viewItem("after"));
    expect(seen).toEqual([
      ["view_item", ["before"]],
      ["view_item", ["after"]],
    ]);
  });

  it("keeps the array and push working for the host", () => {
    const layer: unknown[] = [];
    host.dataLayer = layer;
    watch();
    expect(layer.push({ a: 1 }, { b: 2 })).toBe(2);
    expect(host.dataLayer).toBe(layer);
    expect([...layer]).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it("creates nothing when the dataLayer is missing, and attaches once it appears", () => {
    watch();
    expect("dataLayer" in host).toBe(false);
    host.dataLayer = [viewItem("late")];
    vi.advanceTimersByTime(1_000);
    (host.dataLayer as unknown[]).push(viewItem("later"));
    expect(seen.map(([, ids]) => ids)).toEqual([["late"], ["later"]]);
  });

  it("follows a dataLayer the host replaced, without processing an entry twice", () => {
    const first = viewItem("1");
    host.dataLayer = [first];
    watch();
    host.dataLayer = [first, viewItem("2")];
    vi.advanceTimersByTime(1_000);
    (host.dataLayer as unknown[]).push(viewItem("3"));
    expect(seen.map(([, ids]) => ids)).toEqual([["1"], ["2"], ["3"]]);
  });

  it("ignores a dataLayer that is an object", () => {
    const broken = { push: vi.fn(), 0: viewItem("x") };
    host.dataLayer = broken;
    watch();
    vi.advanceTimersByTime(3_000);
    expect(seen).toEqual([]);
    expect(host.dataLayer).toBe(broken);
    expect(broken.push).not.toHaveBeenCalled();
  });

  it("works under Google Tag Manager's push wrapper installed after it", () => {
    const layer: unknown[] = [];
    host.dataLayer = layer;
    watch();
    const gtm: unknown[] = [];
    const ours = layer.push;
    layer.push = function (...entries: unknown[]) {
      const length = ours.apply(layer, entries);
      gtm.push(...entries);
      return length;
    };
    layer.push(viewItem("g"));
    expect(seen).toEqual([["view_item", ["g"]]]);
    expect(gtm).toHaveLength(1);
    expect(layer).toHaveLength(1);
  });

  it("calls a push wrapper installed before it", () => {
    const layer: unknown[] = [];
    const gtm: unknown[] = [];
    const native = layer.push;
    layer.push = function (...entries: unknown[]) {
      gtm.push(...entries);
      return native.apply(layer, entries);
    };
    host.dataLayer = layer;
    watch();
    layer.push(viewItem("g"));
    expect(gtm).toHaveLength(1);
    expect(seen).toEqual([["view_item", ["g"]]]);
  });

  it("reads the gtag arguments form pushed through gtag()", () => {
    host.dataLayer = [];
    watch();
    function gtagCall(..._args: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      (host.dataLayer as unknown[]).push(arguments);
    }
    gtagCall("event", "view_cart", { items: [{ item_id: "c1" }] });
    expect(seen).toEqual([["view_cart", ["c1"]]]);
  });

  it("passes the host's push error through and keeps watching", () => {
    const layer: unknown[] = [];
    host.dataLayer = layer;
    watch();
    const onEntry = vi.fn();
    stop();
    stop = watchDataLayer(window, () => {
      onEntry();
      throw new Error("subscriber bug");
    });
    expect(() => layer.push(viewItem("a"))).not.toThrow();
    expect(onEntry).toHaveBeenCalledTimes(1);
    expect(layer).toHaveLength(1);
  });

  it("reads another key when asked", () => {
    host.otherLayer = [viewItem("o")];
    watch("otherLayer");
    expect(seen).toEqual([["view_item", ["o"]]]);
  });

  it("stops reporting once stopped", () => {
    host.dataLayer = [];
    watch();
    stop();
    (host.dataLayer as unknown[]).push(viewItem("x"));
    expect(seen).toEqual([]);
    expect(host.dataLayer).toHaveLength(1);
  });
});
