import { warnOnce, type Shopkeeper, type Widget } from "../src/index";
const ATTRIBUTES = ["data-shopkeeper", "data-product", "data-strategy", "data-limit", "data-title"];

/**
 * Fills every `[data-shopkeeper="<name>"]` slot whose name is in `registry`, now and whenever slots
 * are added later, once each; unmounts slots that leave the document. Re-renders a slot whose
 * `data-*` options change, all mounted slots after a back/forward-cache restore, and
 * recommendation slots after an SPA navigation (`page_view` with a new URL), so shelves are never
 * stale. Returns a function that stops and unmounts everything. Options come from the slot's
 * `data-strategy` (`recommend()` warns about an unknown one and uses the default), `data-limit`, `data-title` and
 * `data-product`, read by name.
 * @example autoMount(sk, { recommendations, preferences, channels })
 */
export const autoMount = (sk: Shopkeeper, registry: Record<string, Widget<any>>, doc: Document = document): () => void => {
  const mounted = new Map<HTMLElement, () => void>();
  const win = doc.defaultView;
  let url = doc.URL;

  const unmount = (el: HTMLElement) => {
    try {
      mounted.get(el)?.();
    } catch (e) {
      warnOnce("unmount", "widget unmount failed", e);
    }
    mounted.delete(el);
    delete el.dataset.shopkeeperMounted;
  };
  const mount = (el: HTMLElement) => {
    const d = el.dataset;
    const name = d.shopkeeper!;
    // Own keys only: a slot named "constructor" must not reach Object.prototype. A slot that
    // already shows a widget was mounted by the page's own `mount` call, which may run first: it
    // stays the page's.
    if (!{}.hasOwnProperty.call(registry, name) || d.shopkeeperMounted != null || el.shadowRoot?.hasChildNodes()) return;
    const o: Record<string, unknown> = {};
    const limit = parseInt(d.limit!);
    if (limit > 0) o.limit = Math.min(limit, 24);
    for (const k of ["strategy", "title", "product"]) if (d[k]) o[k] = d[k];
    d.shopkeeperMounted = "";
    try {
      mounted.set(el, sk.mount(el, registry[name]!, o));
    } catch (e) {
      warnOnce("mount-" + name, `${name} widget failed`, e);
    }
  };
  const remount = (only?: string) => {
    // A copy: re-adding a key while iterating a Map visits it again, forever.
    for (const el of [...mounted.keys()])
      if (!only || el.dataset.shopkeeper == only) {
        unmount(el);
        mount(el);
      }
  };
  const scan = (records: MutationRecord[] = []) => {
    // A framework re-rendering a slot in place changes its options, not the element.
    for (const { target, attributeName, oldValue } of records)
      if (attributeName && (target as Element).getAttribute(attributeName) != oldValue) unmount(target as HTMLElement);
    mounted.forEach((_, el) => el.isConnected || unmount(el));
    doc.querySelectorAll<HTMLElement>("[data-shopkeeper]").forEach(mount);
  };
  const onShow = (e: PageTransitionEvent) => e.persisted && remount();

  const observer = new MutationObserver(scan);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributeFilter: ATTRIBUTES, attributeOldValue: true });
  win?.addEventListener("pageshow", onShow);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const off = sk.on("page_view", () => {
    // The first page_view of a load describes the page the shelves were just rendered for. Later
    // ones fire inside pushState, before the router renders the new page: wait a task.
    if (doc.URL != url) timer = setTimeout(remount, 0, "recommendations");
    url = doc.URL;
  });
  scan();

  return () => {
    observer.disconnect();
    clearTimeout(timer);
    win?.removeEventListener("pageshow", onShow);
    off();
    mounted.forEach((_, el) => unmount(el));
  };
};
