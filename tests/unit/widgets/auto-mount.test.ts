import { afterEach, describe, expect, it, vi } from "vitest";
import type { Widget } from "../../../src/types";
import { autoMount } from "../../../widgets/auto-mount";
import { fakeShopkeeper, flush } from "./fake-shopkeeper";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());

/** A widget that writes its options into the slot and counts mounts and teardowns. */
function probe() {
  const log: string[] = [];
  const widget: Widget<Record<string, unknown>> = (host, _sk, options) => {
    log.push(`mount ${host.id} ${JSON.stringify(options)}`);
    return () => log.push(`teardown ${host.id}`);
  };
  return { log, widget };
}

function slot(id: string, name: string, data: Record<string, string> = {}) {
  const el = document.createElement("div");
  el.id = id;
  el.dataset.shopkeeper = name;
  Object.assign(el.dataset, data);
  document.body.append(el);
  return el;
}

describe("autoMount", () => {
  let stop = () => undefined as void;
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it("mounts the slots present at start with their data-* options, once", () => {
    const { log, widget } = probe();
    slot("r", "recommendations", { strategy: "similar", limit: "3", title: "More", product: "p1", other: "ignored" });
    slot("u", "unknown");
    slot("c", "constructor");
    stop = autoMount(fakeShopkeeper().sk, { recommendations: widget });
    expect(log).toEqual([`mount r {"limit":3,"strategy":"similar","title":"More","product":"p1"}`]);
    expect(document.getElementById("r")?.dataset.shopkeeperMounted).toBe("");
  });

  it("leaves a slot the page mounted itself before it started", () => {
    const { log, widget } = probe();
    const own = slot("r", "recommendations");
    own.attachShadow({ mode: "open" }).append(document.createElement("div"));
    slot("c", "channels");
    stop = autoMount(fakeShopkeeper().sk, { recommendations: widget, channels: widget });
    expect(log).toEqual(["mount c {}"]);
  });

  it("mounts slots added later and unmounts removed ones", async () => {
    const { log, widget } = probe();
    stop = autoMount(fakeShopkeeper().sk, { preferences: widget });
    const el = slot("p", "preferences");
    await flush();
    expect(log).toEqual(["mount p {}"]);
    el.remove();
    await flush();
    expect(log).toEqual(["mount p {}", "teardown p"]);
  });

  it("finds slots nested inside added subtrees", async () => {
    const { log, widget } = probe();
    stop = autoMount(fakeShopkeeper().sk, { channels: widget });
    const wrapper = document.createElement("section");
    const inner = document.createElement("div");
    inner.id = "n";
    inner.dataset.shopkeeper = "channels";
    wrapper.append(document.createElement("div"), inner);
    document.body.append(wrapper);
    await flush();
    expect(log).toEqual(["mount n {}"]);
  });

  it("re-renders every slot after a back/forward cache restore", () => {
    const { log, widget } = probe();
    slot("a", "recommendations");
    slot("b", "preferences");
    stop = autoMount(fakeShopkeeper().sk, { recommendations: widget, preferences: widget });
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: false }));
    expect(log).toHaveLength(2);
    window.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    expect(log.slice(2)).toEqual(["teardown a", "mount a {}", "teardown b", "mount b {}"]);
  });

  it("re-renders only recommendation slots a task after an SPA navigation, once the router has rendered", () => {
    vi.useFakeTimers();
    const { log, widget } = probe();
    slot("a", "recommendations");
    slot("b", "preferences");
    const fake = fakeShopkeeper();
    stop = autoMount(fake.sk, { recommendations: widget, preferences: widget });
    fake.emit("page_view", { path: location.pathname, pageType: "other" });
    expect(log).toHaveLength(2);
    history.pushState(null, "", "/next");
    fake.emit("page_view", { path: "/next", pageType: "other" });
    expect(log).toHaveLength(2);
    vi.advanceTimersByTime(0);
    expect(log.slice(2)).toEqual(["teardown a", "mount a {}"]);
  });

  it("re-renders a slot whose options change in place", async () => {
    const { log, widget } = probe();
    const el = slot("r", "recommendations", { strategy: "similar", product: "p1" });
    stop = autoMount(fakeShopkeeper().sk, { recommendations: widget });
    el.dataset.product = "p2";
    await flush();
    expect(log).toEqual([`mount r {"strategy":"similar","product":"p1"}`, "teardown r", `mount r {"strategy":"similar","product":"p2"}`]);
  });

  it("leaves a slot alone when an option is set to the same value or another attribute changes", async () => {
    const { log, widget } = probe();
    const el = slot("r", "recommendations", { product: "p1" });
    stop = autoMount(fakeShopkeeper().sk, { recommendations: widget });
    el.dataset.product = "p1";
    el.className = "wide";
    el.dataset.other = "x";
    await flush();
    expect(log).toEqual([`mount r {"product":"p1"}`]);
  });

  it("passes data-strategy on as written: recommend() warns about an unknown one", async () => {
    const { log, widget } = probe();
    slot("r", "recommendations", { strategy: "bestsellers", limit: "2" });
    stop = autoMount(fakeShopkeeper().sk, { recommendations: widget });
    expect(log).toEqual([`mount r {"limit":2,"strategy":"bestsellers"}`]);
  });

  it("keeps going when a widget throws, and stops everything on teardown", async () => {
    const { log, widget } = probe();
    slot("x", "recommendations");
    slot("y", "preferences");
    const boom: Widget = () => {
      throw new Error("boom");
    };
    const off = autoMount(fakeShopkeeper().sk, { recommendations: boom, preferences: widget });
    expect(log).toEqual(["mount y {}"]);
    off();
    expect(log).toEqual(["mount y {}", "teardown y"]);
    slot("z", "preferences");
    await flush();
    expect(log).toHaveLength(2);
  });
});
