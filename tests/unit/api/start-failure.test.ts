import { describe, expect, it, vi } from "vitest";
import { createShopkeeper } from "../../../src/index";

// The tracker's start touches the page (History, dataLayer, listeners): a page can make it throw.
vi.mock("../../../src/track/tracker", () => ({
  startTracker: () => {
    throw new TypeError("Cannot assign to read only property 'pushState' of object '#<History>'");
  },
}));

describe("a start that fails after storage was read", () => {
  it("still resolves ready, reports it once, and leaves the rest working", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sk = createShopkeeper({ catalog: [{ id: "a", title: "Tent", url: "https://shop.example/a", popularity: 3 }] });
    await expect(sk.ready).resolves.toBeUndefined();
    sk.track("add_to_cart", { id: "b", quantity: 1 });
    expect(sk.profile().cartAdds).toBe(1);
    expect((await sk.recommend({ strategy: "trending" })).map((p) => p.id)).toEqual(["a"]);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(["[shopkeeper] could not start (start)"]);
    sk.destroy();
  });
});
