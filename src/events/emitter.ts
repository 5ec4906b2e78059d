import type { EmittedEvent, EventName, Listener, LocalEvent } from "../types";
import { warnOnce } from "../log";

/** A typed event hub: `on()` returns its own `off()`; `"*"` receives every event (for sinks). */
export interface Emitter {
  on<N extends EventName | LocalEvent>(name: N, fn: Listener<N>): () => void;
  on(name: "*", fn: (event: EmittedEvent) => void): () => void;
  off<N extends EventName | LocalEvent>(name: N, fn: Listener<N>): void;
  off(name: "*", fn: (event: EmittedEvent) => void): void;
  /** Calls the subscribers of `event.name`, then the `"*"` ones; one that throws never stops the rest. */
  emit(event: EmittedEvent): void;
  /** Calls the subscribers of a local signal only: the `"*"` ones (the destinations) never get it. */
  emit(event: { name: LocalEvent; props?: object }, local: true): void;
  /** True while something subscribes to `name` itself (`"*"` subscribers do not count). */
  has(name: EventName | LocalEvent): boolean;
}

type Fn = (event: EmittedEvent) => void;

/**
 * Creates the emitter behind `on`/`off` and the sinks. A subscriber that throws is reported once
 * on the console after every other subscriber has run.
 * @example const events = createEmitter(); const off = events.on("survey_response", (e) => console.log(e.props)); off();
 */
export function createEmitter(): Emitter {
  const subscribers = new Map<string, Fn[]>();
  const get = (name: string) => subscribers.get(name) ?? [];
  const off = (name: string, fn: Fn) => subscribers.set(name, get(name).filter((f) => f !== fn));
  return {
    on(name: string, fn: Fn) {
      subscribers.set(name, [...get(name), fn]);
      return () => void off(name, fn);
    },
    off,
    has: (name: string) => get(name).length > 0,
    emit(event: { name: string }, local?: true) {
      let failure: unknown;
      // Copies of the lists: a subscriber that subscribes or unsubscribes does not change this round.
      for (const fn of [...get(event.name), ...(local ? [] : get("*"))]) {
        try {
          fn(event as EmittedEvent);
        } catch (error) {
          failure ??= error;
        }
      }
      if (failure) warnOnce("listener", `an "${event.name}" subscriber threw`, failure);
    },
  } as Emitter;
}
