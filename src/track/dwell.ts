import { ACTIVITY, listen, stopAll } from "./listen";

/** Engaged time on the current page, read and reset with `take()`. */
export interface Dwell {
  /** Engaged milliseconds since the previous `take()` (or since creation). */
  take(): number;
  stop(): void;
}

/**
 * Starts counting engaged time, in milliseconds: time while the page is visible, focused (an
 * embedded frame in focus, such as a product video, counts as the page), and the visitor was
 * active (pointer, key, scroll, touch, wheel) within the last `idleTimeout` ms.
 * A reader who stops moving still counts for up to `idleTimeout`, not beyond. A page hidden or
 * prerendering at start counts as hidden. Durations come from `performance.now()` deltas (or the
 * injected `now`) and are never negative; a wall-clock gap between page views is not dwell.
 * @example const dwell = createDwell(window, { idleTimeout: 30_000 }); addEventListener("pagehide", () => send(dwell.take()));
 */
export const createDwell = (win: Window, options: { idleTimeout: number; now?: () => number }): Dwell => {
  const doc = win.document as Document & { prerendering?: boolean };
  const now = options.now ?? (() => win.performance.now());
  const idle = options.idleTimeout;
  const seen = () => doc.visibilityState == "visible" && !doc.prerendering;
  let mark = now();
  let active = mark;
  let visible = seen();
  let focused = !doc.hasFocus || doc.hasFocus();
  let total = 0;
  // The window blurs when a frame of the page takes focus; no activity reaches us from inside it,
  // so the idle window bounds that time. Some browsers move `activeElement` only after the blur.
  const framed = () => doc.activeElement?.tagName == "IFRAME";
  // Adds the engaged part of [mark, t] under the state that held since `mark`.
  const settle = () => {
    const t = now();
    if (visible && (focused || framed())) total += Math.max(0, Math.min(t, active + idle) - mark);
    mark = Math.max(mark, t);
  };
  const stop = stopAll([
    listen(win, "pointerdown pointermove keydown scroll touchstart wheel", () => (settle(), (active = mark)), ACTIVITY),
    listen(doc, "visibilitychange prerenderingchange", () => {
      settle();
      visible = seen();
      // Coming back to the tab is itself an action of the visitor.
      if (visible) active = mark;
    }),
    listen(win, "focus blur", (e) => {
      settle();
      focused = e.type == "focus" || framed();
      if (focused) active = mark;
    }),
  ]);
  return {
    take() {
      settle();
      const engaged = total;
      total = 0;
      return engaged;
    },
    stop,
  };
};
