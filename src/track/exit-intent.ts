import type { ExitSignal } from "../types";
import { ACTIVITY, listen, stopAll } from "./listen";
import { focusedField } from "./focused-field";

/**
 * Calls `onExit` when the visitor seems about to leave, and returns the stop function. With a
 * mouse: the pointer leaves through the top edge while moving up. On touch screens
 * (`pointer: coarse`): a fast scroll up near the top of the page, a back navigation, the tab
 * hidden and back within 30 s (reported on return), or no activity for `idleMs` (default 45 s).
 * Never while the visitor types in a field; at most one signal per 10 s. Minimum engaged time,
 * one survey per session and the pop-up budget are the caller's to enforce.
 * @example const stop = watchExitIntent(window, (signal) => console.log("leaving?", signal));
 */
export function watchExitIntent(
  win: Window,
  onExit: (signal: ExitSignal) => void,
  options: { idleMs?: number; now?: () => number } = {},
): () => void {
  const doc = win.document;
  const now = options.now ?? (() => win.performance.now());
  const idleMs = options.idleMs ?? 45_000;
  let last = -Infinity;
  let y: number | undefined;
  let scrollY = win.scrollY;
  let scrollT = now();
  let hiddenAt = -Infinity;
  let active = scrollT;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = (signal: ExitSignal) => {
    const t = now();
    if (t - last < 10_000 || focusedField(doc)) return;
    last = t;
    try {
      onExit(signal);
    } catch {
      // The subscriber reports its own problems; the watcher keeps watching.
    }
  };
  const stops = [
    listen(doc, "mousemove", (e) => (y = (e as MouseEvent).clientY)),
    listen(doc, "mouseout", (e) => {
      const { clientY, relatedTarget } = e as MouseEvent;
      if (!relatedTarget && clientY <= 0 && y !== undefined && clientY < y) fire("pointer");
    }),
  ];
  if (win.matchMedia?.("(pointer: coarse)").matches) {
    const arm = (wait: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const rest = active + idleMs - now();
        timer = undefined;
        if (rest > 0) arm(rest);
        else if (doc.visibilityState == "visible") fire("idle");
      }, wait);
    };
    arm(idleMs);
    stops.push(
      listen(win, "pointerdown keydown touchstart scroll", () => {
        active = now();
        // One idle signal per idle stretch: activity starts the next one.
        if (!timer) arm(idleMs);
      }, ACTIVITY),
      listen(win, "scroll", () => {
        const t = now();
        const top = win.scrollY;
        // Faster than 1.5 px/ms upward within the first screen: the visitor reaches for the address bar.
        if (top < win.innerHeight && scrollY - top > 1.5 * Math.max(t - scrollT, 1)) fire("scroll");
        scrollY = top;
        scrollT = t;
      }),
      listen(win, "popstate", () => fire("back")),
      listen(doc, "visibilitychange", () => {
        const t = now();
        if (doc.visibilityState == "hidden") hiddenAt = t;
        else if (t - hiddenAt < 30_000) fire("hidden");
        arm(idleMs);
      }),
      () => clearTimeout(timer),
    );
  }
  return stopAll(stops);
}
