import { afterEach, describe, expect, it, vi } from "vitest";
import { createShopkeeper, type ConsentMode } from "../../../src/index";

const VIEW = { items: [{ id: "a", title: "Tent", price: 120 }] };

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as { dataLayer?: unknown }).dataLayer;
});

describe("consent and outgoing events", () => {
  it("sends nothing to the dataLayer or the callback until consent is granted", async () => {
    const sent: string[] = [];
    const sk = createShopkeeper({ autoTrack: false, consent: "pending", dataLayer: true, onEvent: (e) => sent.push(e.name) });
    await sk.ready;
    const seen: string[] = [];
    sk.on("view_item", (e) => seen.push(e.name));
    sk.track("view_item", VIEW);
    expect(seen).toEqual(["view_item"]);
    expect(sent).toEqual([]);
    expect((window as { dataLayer?: unknown[] }).dataLayer ?? []).toEqual([]);
    sk.consent("granted");
    sk.track("view_item", VIEW);
    expect(sent).toEqual(["view_item"]);
    expect((window as { dataLayer?: { event: string }[] }).dataLayer!.filter((e) => e.event === "shopkeeper_view_item")).toHaveLength(1);
    sk.consent("denied");
    sk.track("view_item", VIEW);
    expect(sent).toEqual(["view_item"]);
    sk.destroy();
  });

  it("keeps its mode, with one warning, when asked for a mode that does not exist", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sk = createShopkeeper({ autoTrack: false });
    await sk.ready;
    expect(sk.consent(true as unknown as ConsentMode)).toBe("granted");
    expect(sk.consent("yes" as ConsentMode)).toBe("granted");
    expect(sk.storage()).toBe("idb");
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("consent must be"))).toHaveLength(1);
    sk.destroy();
  });
});

describe("a catalog URL that is not a URL", () => {
  it("is reported once and the rest starts: tracking, profile, recommendations from seen products", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const sk = createShopkeeper({ autoTrack: false, catalog: "https://shop.example:99999/catalog.json" });
    await sk.ready;
    sk.track("view_item", { items: [{ id: "a", title: "Tent", url: "https://shop.example/a", price: 120 }] });
    expect(sk.profile().productViews).toBe(1);
    expect(Array.isArray(await sk.recommend({ strategy: "recently-viewed" }))).toBe(true);
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("is not a URL"))).toHaveLength(1);
    sk.destroy();
  });
});
