import { describe, expect, it } from "vitest";
import { createProfile } from "../../../src/profile/create-profile";
import { foldProfile } from "../../../src/profile/fold";
import { storableProps } from "../../../src/profile/storable";
import { createShopkeeper } from "../../../src/index";
import type { EventName, TrackedEvent } from "../../../src/types";

// A Shopify /products/<handle>.js product as themes hand it around: HTML, 40 variants, 20 images.
const shopifyProduct = {
  id: 7712001,
  title: "Trail Runner 3",
  url: "https://shop.example/products/trail-runner-3",
  price: 119,
  currency: "USD",
  vendor: "Summit",
  description: "<p>" + "Grippy, light and waterproof. ".repeat(400) + "</p>",
  variants: Array.from({ length: 40 }, (_, i) => ({ id: 4400 + i, title: `Size ${i}`, sku: `TR3-${i}`, price: 11900, available: true, featured_image: { src: "https://cdn.example/x.jpg", alt: "x".repeat(200) } })),
  images: Array.from({ length: 20 }, (_, i) => `https://cdn.example/trail-runner-3-${i}.jpg?v=1712345678`),
};
const at = 1_700_000_000_000;
const event = (name: EventName, props: Record<string, unknown>) => ({ name, props, time: at }) as TrackedEvent;

describe("the stored copy of an event", () => {
  it("keeps a whole platform product passed to track() to a few kilobytes, and folds to the same profile", () => {
    const raw = { items: [shopifyProduct], value: 119, currency: "USD" };
    const stored = storableProps(raw);
    expect(JSON.stringify(raw).length).toBeGreaterThan(20_000);
    expect(JSON.stringify(stored).length).toBeLessThan(1_000);
    const fresh = createProfile(at, "v");
    expect(foldProfile(fresh, event("view_item", stored), at)).toEqual(foldProfile(fresh, event("view_item", raw), at));
  });

  it("bounds the other props too, two levels deep, within about 8,000 characters", () => {
    const stored = storableProps({ productId: "p1", ...shopifyProduct });
    const size = JSON.stringify(stored).length;
    expect(size).toBeGreaterThan(7_000);
    expect(size).toBeLessThan(9_000);
    expect(stored).toMatchObject({ productId: "p1", id: 7712001, title: "Trail Runner 3" });
  });

  it("keeps what small events say, false values, survey answers and a 2,000-character text answer included", () => {
    const answers = { nps: 9, reasons: ["price", "speed"], text: "é".repeat(2000) };
    expect(storableProps({ surveyId: "exit", answers, completed: false })).toEqual({ surveyId: "exit", answers, completed: false });
    expect(storableProps({ path: "/", pageType: "home", utm: { utm_source: "news" } })).toEqual({ path: "/", pageType: "home", utm: { utm_source: "news" } });
    expect(storableProps({ channel: "whatsapp", preferred: false })).toEqual({ channel: "whatsapp", preferred: false });
  });

  it("is what the event ring holds, while listeners hear the event as the page gave it", async () => {
    const sk = createShopkeeper({ autoTrack: false });
    const heard: unknown[] = [];
    sk.on("view_item", (e) => heard.push(e.props));
    await sk.ready;
    sk.track("view_item", shopifyProduct as never);
    const data = await sk.export();
    const stored = data.events.find((e) => e.name == "view_item")!;
    expect(JSON.stringify(stored).length).toBeLessThan(1_000);
    expect((heard[0] as { items: unknown[] }).items[0]).toBe(shopifyProduct);
    sk.destroy();
  });
});
