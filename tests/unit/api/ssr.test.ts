// @vitest-environment node
import { describe, expect, it, vi } from "vitest";

describe("npm entry under SSR", () => {
  it("imports without touching browser globals", async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
    const entry = await import("../../../src/index");
    expect(typeof entry.createShopkeeper).toBe("function");
  });

  it("creates a working in-memory instance without window or IndexedDB", async () => {
    // Node has no IndexedDB; the test setup installs a fake one for the other suites.
    delete (globalThis as { indexedDB?: unknown }).indexedDB;
    // An open BroadcastChannel would keep the server process alive.
    const channels = vi.spyOn(globalThis, "BroadcastChannel");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { createShopkeeper } = await import("../../../src/index");
    const sk = createShopkeeper({ catalog: [{ id: "1", title: "Tent", url: "https://shop.example/tent", popularity: 5 }] });
    await sk.ready;
    sk.track("view_item", { items: [{ id: "1", title: "Tent", category: ["Camping"] }] });
    expect(sk.profile().productViews).toBe(1);
    expect(sk.storage()).toBe("memory");
    expect(channels).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    const list = await sk.recommend({ strategy: "trending" });
    expect(list.map((p) => p.id)).toEqual(["1"]);
    sk.destroy();
  });
});
