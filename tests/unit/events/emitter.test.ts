import { beforeEach, describe, expect, it, vi } from "vitest";
import { createEmitter } from "../../../src/events/emitter";
import { _resetWarnings } from "../../../src/log";
import type { EmittedEvent } from "../../../src/types";

const click: EmittedEvent<"recommendation_click"> = { name: "recommendation_click", props: { productId: "p1", strategy: "for-you", position: 1 }, time: 1, group: "personalized" };
const view: EmittedEvent<"page_view"> = { name: "page_view", props: { path: "/", pageType: "home" }, time: 2, group: "control" };

beforeEach(() => _resetWarnings());

describe("emitter", () => {
  it("calls the subscribers of an event with it", () => {
    const events = createEmitter();
    const seen: string[] = [];
    events.on("recommendation_click", (e) => seen.push(e.props.productId));
    events.emit(click);
    events.emit(view);
    expect(seen).toEqual(["p1"]);
  });

  it("calls wildcard subscribers for every event", () => {
    const events = createEmitter();
    const names: string[] = [];
    events.on("*", (e) => names.push(e.name));
    events.emit(click);
    events.emit(view);
    expect(names).toEqual(["recommendation_click", "page_view"]);
  });

  it("unsubscribes with the returned function and with off()", () => {
    const events = createEmitter();
    const a = vi.fn();
    const b = vi.fn();
    const stop = events.on("page_view", a);
    events.on("page_view", b);
    stop();
    events.off("page_view", b);
    events.emit(view);
    expect(a).not.toHaveBeenCalled();
    expect(b).not.toHaveBeenCalled();
  });

  it("keeps calling the others when a subscriber throws, then warns once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const events = createEmitter();
    const after = vi.fn();
    const sink = vi.fn();
    events.on("page_view", () => {
      throw new Error("broken widget");
    });
    events.on("page_view", after);
    events.on("*", sink);
    events.emit(view);
    events.emit(view);
    expect(after).toHaveBeenCalledTimes(2);
    expect(sink).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/page_view/);
  });

  it("lets a subscriber unsubscribe itself while the event is delivered", () => {
    const events = createEmitter();
    const second = vi.fn();
    const stop = events.on("page_view", () => stop());
    events.on("page_view", second);
    events.emit(view);
    events.emit(view);
    expect(second).toHaveBeenCalledTimes(2);
  });
});
