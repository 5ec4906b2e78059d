import { describe, expect, it } from "vitest";
import { createReasons } from "../../../src/recommend/reasons";
import { recommend } from "../../../src/recommend/recommend";
import { catalog, NOW, profileOf, view } from "./fixtures";

describe("reasons", () => {
  it("speaks English by default and for unknown languages", () => {
    expect(createReasons()("like", "Swift")).toBe("You like Swift");
    expect(createReasons("fr-FR")("popularIn", "Sacs")).toBe("Popular in Sacs");
  });

  it("speaks Urdu and Arabic", () => {
    expect(createReasons("ur-PK")("like", "Swift")).toBe("آپ کو Swift پسند ہے");
    expect(createReasons("ar")("similar", "Trail Runner")).toBe("مشابه لـ Trail Runner");
    expect(createReasons("ar")("popular")).toBe("رائج الآن");
  });

  it("writes the price drop with the locale's digits and percent sign", () => {
    expect(createReasons("en")("priceDrop", 0.25)).toBe("Price dropped 25% since you looked");
    expect(createReasons("ar-EG")("priceDrop", 0.25)).toBe("انخفض السعر ٢٥٪؜ منذ أن شاهدته");
  });

  it("lets the shop override a template", () => {
    const say = createReasons("en", { "reason.popular": "Everyone loves it", "reason.like": "For fans of {name}" });
    expect(say("popular")).toBe("Everyone loves it");
    expect(say("like", "Swift")).toBe("For fans of Swift");
    expect(say("backInStock")).toBe("Back in stock");
  });

  it("ignores inherited keys in overrides", () => {
    expect(createReasons("en", Object.create({ "reason.popular": "x" }))("popular")).toBe("Popular now");
  });

  it("are localised in a ranked list", () => {
    const shop = catalog();
    const profile = profileOf(view(shop[0]!, { price: 160 }));
    const [drop] = recommend(shop, profile, { strategy: "price-drop" }, { now: NOW, locale: "ur" });
    expect(drop!.reasons).toEqual(["آپ کے دیکھنے کے بعد قیمت 50% کم ہوئی"]);
    const [popular] = recommend(shop, profile, { strategy: "trending", limit: 1 }, { now: NOW, locale: "en", strings: { "reason.popular": "Hot" } });
    expect(popular!.reasons).toEqual(["Hot"]);
  });
});
