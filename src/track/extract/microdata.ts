const value = (el: Element): string | null =>
  // `content` beats the visible text, unless a theme printed it empty; Magento keeps the unformatted
  // number in `data-price-amount`; `<data>` and `<meter>` hold theirs in `value` (HTML's item value).
  el.getAttribute("content") || el.getAttribute("data-price-amount") || el.getAttribute("value") || el.getAttribute("href") || el.getAttribute("src") || el.textContent;

const item = (scope: Element): Record<string, unknown> => {
  const o: Record<string, unknown> = Object.create(null);
  o["@type"] = scope.getAttribute("itemtype");
  scope.querySelectorAll("[itemprop]").forEach((el) => {
    // A property belongs to the nearest enclosing item only.
    if (el.parentElement?.closest("[itemscope]") != scope) return;
    const v = el.hasAttribute("itemscope") ? item(el) : value(el);
    for (const k of el.getAttribute("itemprop")!.split(/\s+/)) o[k] = k in o ? [o[k], v].flat() : v;
  });
  return o;
};

/**
 * Reads every top-level microdata item (`itemscope itemtype=".../Product"`, breadcrumbs, lists)
 * into the shape of JSON-LD, so one schema.org reader serves both.
 */
export const readMicrodata = (doc: Document): unknown[] => [...doc.querySelectorAll("[itemscope]:not([itemprop])")].map(item);
