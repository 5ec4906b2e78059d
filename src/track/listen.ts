/**
 * Adds one listener for several event types and returns the function that removes them all.
 * Every listener the tracker adds goes through here, so `stop()` can undo each of them.
 * @example const off = listen(window, "focus blur", onChange); off();
 */
export const listen = (target: EventTarget, types: string, fn: (event: Event) => void, options?: AddEventListenerOptions): (() => void) => {
  const list = types.split(" ");
  for (const type of list) target.addEventListener(type, fn, options);
  return () => {
    for (const type of list) target.removeEventListener(type, fn, options);
  };
};

/**
 * Returns one function that calls each of `stops`: the stop function of a watcher made of several.
 * @example const stop = stopAll([listen(window, "focus", a), listen(window, "blur", b)]);
 */
export const stopAll =
  (stops: (() => void)[]) =>
  (): void => {
    for (const stop of stops) stop();
  };

/** Options for activity listeners: capture sees events the page stops, passive never delays scrolling. */
export const ACTIVITY: AddEventListenerOptions = { capture: true, passive: true };
