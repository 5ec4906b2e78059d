import { afterEach, describe, expect, it } from "vitest";
import { plain } from "../../../src/plain";
import { createShopkeeper } from "../../../src/index";

const arrays = Array.prototype as unknown as { toJSON?: () => string };

afterEach(() => {
  delete arrays.toJSON;
});

describe("plain", () => {
  it("copies what a JSON round trip keeps, and drops what it drops", () => {
    const date = new Date(Date.UTC(2026, 0, 2));
    const source = { a: [1, undefined, () => 1], n: NaN, d: date, s: "x", f() {}, u: undefined, o: { b: null, t: true } };
    expect(plain(source)).toEqual(JSON.parse(JSON.stringify(source)));
  });

  it("refuses cycles and keys that reach a prototype, as the store needs", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => plain(cyclic)).toThrow();
    expect(() => plain(JSON.parse('{"a":{"__proto__":{"x":1}}}'))).toThrow();
  });

  it("keeps arrays arrays where Prototype.js gave every array a toJSON", () => {
    arrays.toJSON = () => "hacked";
    expect(plain({ items: [{ id: "a" }] })).toEqual({ items: [{ id: "a" }] });
  });

  it("leaves the profile intact on such a page", async () => {
    arrays.toJSON = () => "hacked";
    const sk = createShopkeeper({ autoTrack: false });
    await sk.ready;
    sk.track("view_item", { items: [{ id: "a", title: "Tent", category: ["Camping"] }] });
    expect(sk.profile().viewed.map((v) => v.id)).toEqual(["a"]);
    expect((await sk.export()).events.map((e) => e.name)).toEqual(["view_item"]);
    sk.destroy();
  });

  it("reads a catalog given as an array in the options on such a page", async () => {
    arrays.toJSON = () => "hacked";
    const sk = createShopkeeper({ autoTrack: false, catalog: [{ id: "a", title: "Tent", url: "https://shop.example/a", popularity: 3 }] });
    expect((await sk.recommend({ strategy: "trending" })).map((p) => p.id)).toEqual(["a"]);
    sk.destroy();
  });
});

describe("a page that polluted Object.prototype", () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it("keeps the stored profile readable: no inherited key is copied into it", async () => {
    (Object.prototype as Record<string, unknown>).polluted = "x";
    const first = createShopkeeper({ autoTrack: false });
    await first.ready;
    first.track("page_view", { path: "/", pageType: "home" });
    first.track("view_item", { items: [{ id: "a", title: "Tent", category: ["Camping"], brand: "Acme" }] });
    await first.export();
    first.destroy();
    const again = createShopkeeper({ autoTrack: false });
    await again.ready;
    expect(again.profile()).toMatchObject({ pageViews: 1, productViews: 1 });
    expect(Object.keys(again.profile().affinity)).not.toContain("polluted");
    again.destroy();
  });
});
