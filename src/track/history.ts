const HUB = Symbol.for("shopkeeper.history");

type Hub = Set<() => void>;

/**
 * Calls `fn` after each successful `history.pushState` or `replaceState`, and returns the
 * unsubscribe. The two methods are wrapped once per window, however many copies of Shopkeeper
 * load: the listener set lives on the window under `Symbol.for("shopkeeper.history")`. The
 * wrapper keeps `this`, the arguments and the return value, and lets the host's exceptions
 * through unchanged (a cross-origin `pushState` still throws `SecurityError`). It calls whatever
 * was there before it, so a router or analytics script that wrapped them earlier keeps working;
 * one that wraps later calls ours. Unsubscribing never restores an older method, which would
 * unwind a wrapper installed after ours.
 * @example const off = onHistoryChange(window, () => console.log(location.pathname));
 */
export const onHistoryChange = (win: Window, fn: () => void): (() => void) => {
  const host = win as Window & { [HUB]?: Hub };
  let hub = host[HUB];
  if (!hub) {
    const set: Hub = (hub = new Set());
    Object.defineProperty(host, HUB, { value: set });
    const h = win.history;
    for (const name of ["pushState", "replaceState"] as const) {
      const original = h[name];
      if (typeof original != "function") continue;
      try {
        h[name] = function (this: History, ...args: Parameters<History["pushState"]>) {
          const result = original.apply(this, args);
          for (const listener of set) {
            try {
              listener();
            } catch {
              // A listener's failure is its own; the host's navigation already happened.
            }
          }
          return result;
        };
      } catch {
        // The page froze History: its own navigations go unseen, back/forward (popstate) still counts.
      }
    }
  }
  hub.add(fn);
  return () => void hub.delete(fn);
};
