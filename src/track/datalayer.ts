import type { EcommerceProps, EventItem } from "../types";
import { parsePrice } from "../catalog/price";
import { plainText } from "../catalog/decode-entities";
import { attempt } from "../log";
import { compact } from "../compact";

/** The ecommerce events read from the dataLayer. */
export type DataLayerEventName =
  | "view_item_list"
  | "select_item"
  | "view_item"
  | "add_to_cart"
  | "remove_from_cart"
  | "view_cart"
  | "begin_checkout"
  | "purchase"
  | "refund";

/** Ecommerce properties; `transactionId` only on `purchase` and `refund`. */
export type DataLayerProps = EcommerceProps & { transactionId?: string };

/** One dataLayer entry, understood. */
export interface DataLayerEvent {
  name: DataLayerEventName;
  props: DataLayerProps;
}

type Bag = Record<string, unknown>;

// `add_shipping_info` and `add_payment_info` are left out: they list the cart `begin_checkout` gave.
const GA4 = "view_item_list select_item view_item add_to_cart remove_from_cart view_cart begin_checkout purchase refund".split(" ");
// Universal Analytics enhanced ecommerce actions, most specific first, and the index of their GA4 names.
const UA: Record<string, number> = { detail: 2, add: 3, remove: 4, checkout: 6, purchase: 7, refund: 8, click: 1, impressions: 0 };

const bag = (v: unknown) => (v && typeof v == "object" ? (v as Bag) : undefined);
// WordPress plugins print names through esc_attr(): "Tom &amp; Jerry&#039;s" is decoded.
const text = plainText;
const upper = (v: unknown) => text(v)?.toUpperCase();

// GA4 names its item keys `item_id`, `item_name`...; Universal Analytics `id`, `name`..., and so
// do gtag calls written for it, which GA4 still reads.
const toItem = (o: Bag, ua: boolean, currency: string | undefined): EventItem | undefined => {
  ua ||= o.item_id == null;
  const get = (key: string) => text(o[ua ? key : "item_" + key]);
  const id = get("id");
  // Google's Shopify channel names a variant by its Merchant Center offer id, `shopify_US_<product>_<variant>`:
  // its product id is the group the page's product (known by its sku or address) belongs to.
  const groupId = /^shopify_[a-z]{2}_(\d+)_\d+$/i.exec(id!)?.[1];
  // The currency tells whether "12.500" is twelve (KWD) or twelve thousand.
  currency = upper(o.currency) ?? currency;
  const price = parsePrice(o.price, 0, currency);
  const discount = parsePrice(o.discount, 0, currency);
  const category = (ua ? get("category")?.split("/") ?? [] : ["", 2, 3, 4, 5].map((n) => get("category" + n))).map((c) => c?.trim()).filter((c): c is string => !!c);
  return id
    ? compact<EventItem>({
        id,
        title: get("name"),
        brand: get("brand"),
        price,
        compareAtPrice: price !== undefined && discount ? price + discount : undefined,
        currency,
        category: category.length ? category : undefined,
        quantity: parsePrice(o.quantity),
        groupId,
      })
    : undefined;
};

/**
 * Turns one dataLayer entry into a Shopkeeper ecommerce event, or `null` when it is none. Reads
 * GA4 objects (`{ event, ecommerce: { currency, value, items } }`), the `arguments` object that
 * `gtag("event", name, params)` pushes, and Universal Analytics enhanced ecommerce
 * (`ecommerce.detail|add|remove|checkout|purchase|refund|click` with `actionField` and `products`,
 * `ecommerce.impressions`). GA4 `discount` is kept as `compareAtPrice = price + discount`;
 * `item_variant` has no field in Shopkeeper's product and is left out. An item id in the Google
 * channel's Shopify form, `shopify_US_<product id>_<variant id>`, also gives `groupId`.
 * @example parseDataLayerEntry({ event: "view_item", ecommerce: { items: [{ item_id: "42" }] } })
 */
export const parseDataLayerEntry = (entry: unknown): DataLayerEvent | null => {
  const e = bag(entry);
  const ec = bag(e?.ecommerce);
  let params = bag(e?.[2]);
  // A GA4 purchase (or refund) may name only its transaction; an `event` beside a Universal
  // Analytics action (`{ event: "purchase", ecommerce: { purchase } }`) is read as UA below.
  let name = e?.[0] == "event" && params ? e[1] : ec?.items || ec?.transaction_id ? e?.event : undefined;
  let items = (params ??= ec)?.items;
  let currency = upper(params?.currency);
  let ua = false;
  if (!name && ec)
    for (const key of Object.keys(UA)) {
      const action = bag(ec[key]);
      if (!action) continue;
      name = GA4[UA[key]!];
      ua = true;
      params = bag(action.actionField);
      items = Array.isArray(action) ? action : action.products;
      currency = upper(ec.currencyCode);
      break;
    }
  if (typeof name != "string" || !GA4.includes(name)) return null;
  const list = Array.isArray(items) ? items : [];
  return {
    name: name as DataLayerEventName,
    props: {
      ...compact<Omit<DataLayerProps, "items">>({
        currency,
        value: parsePrice(params?.value ?? params?.revenue, 0, currency),
        listName: text(params?.item_list_name ?? params?.list ?? bag(list[0])?.[ua ? "list" : "item_list_name"]),
        transactionId: name == "purchase" || name == "refund" ? text(params?.transaction_id ?? params?.id) : undefined,
      }),
      items: list.map((o) => bag(o) && toItem(bag(o)!, ua, currency)).filter((i): i is EventItem => !!i),
    },
  };
};

/**
 * Calls `onEntry` for every ecommerce event in `window[key]` (default `dataLayer`): the entries
 * pushed before it started, then each new push, and returns the stop function. It wraps the
 * array's own `push`, calling the previous one first, so Google Tag Manager's wrapper works
 * whether it was installed before or after. It never assigns `window.dataLayer`: when the array
 * is missing, replaced by the host, or not an array, it waits and checks again each second.
 * No entry is processed twice.
 * @example const stop = watchDataLayer(window, (name, props) => console.log(name, props.items));
 */
export const watchDataLayer = (win: Window, onEntry: (name: DataLayerEventName, props: DataLayerProps) => void, key = "dataLayer"): (() => void) => {
  const seen = new WeakSet<object>();
  let current: unknown;
  let on = true;
  const take = (entry: unknown) => {
    if (!on || !bag(entry) || seen.has(entry as object)) return;
    seen.add(entry as object);
    attempt("datalayer", () => {
      const event = parseDataLayerEntry(entry);
      if (event) onEntry(event.name, event.props);
    }, undefined);
  };
  const check = () =>
    attempt("datalayer-watch", () => {
      const list = (win as unknown as Bag)[key];
      if (!Array.isArray(list) || list === current) return;
      current = list;
      list.forEach(take);
      const previous = list.push;
      // A frozen array throws here: its entries were read, later ones cannot come.
      list.push = function (this: unknown[], ...entries: unknown[]) {
        const length = previous.apply(this, entries);
        entries.forEach(take);
        return length;
      };
    }, undefined);
  check();
  const timer = setInterval(check, 1000);
  return () => {
    on = false;
    clearInterval(timer);
  };
};
