import { describe, expect, it } from "vitest";
import { createReasons } from "../../../src/recommend/reasons";
import { recommend } from "../../../src/recommend/recommend";
import { catalog, NOW, profileOf, view } from "./fixtures";

describe("reasons", () => {
  it("speaks English by default and for unknown languages", () => {
    expect(createReasons()("like", "Swift")).toBe("You like \u2068Swift\u2069");
    expect(createReasons("fr-FR")("popularIn", "Sacs")).toBe("Popular in \u2068Sacs\u2069");
  });

  it("speaks Urdu and Arabic", () => {
    expect(createReasons("ur-PK")("like", "Swift")).toBe("آپ کو \u2068Swift\u2069 پسند ہے");
    expect(createReasons("ar")("similar", "Trail Runner")).toBe("مشابه لـ \u2068Trail Runner\u2069");
    expect(createReasons("ar")("popular")).toBe("رائج الآن");
  });

  it("writes the price drop with the locale's digits and percent sign", () => {
    expect(createReasons("en")("priceDrop", 0.25)).toBe("Price dropped \u206825%\u2069 since you looked");
    expect(createReasons("ar-EG")("priceDrop", 0.25)).toBe("انخفض السعر \u2068٢٥٪؜\u2069 منذ أن شاهدته");
  });

  it("isolates what fills the placeholder and drops the value's own direction marks", () => {
    // Unisolated, the "++" of a Latin name at the end of an Arabic sentence is shown before it.
    expect(createReasons("ar")("viewed", "Notepad++")).toBe("لأنك شاهدت \u2068Notepad++\u2069");
    expect(createReasons("en")("similar", "\u202eevil\u202c \u2067shoe\u2069")).toBe("Similar to \u2068evil shoe\u2069");
    expect(createReasons("en")("popular")).toBe("Popular now");
  });

  it("lets the shop override a template", () => {
    const say = createReasons("en", { "reason.popular": "Everyone loves it", "reason.like": "For fans of {name}" });
    expect(say("popular")).toBe("Everyone loves it");
    expect(say("like", "Swift")).toBe("For fans of \u2068Swift\u2069");
    expect(say("backInStock")).toBe("Back in stock");
  });

  it("ignores inherited keys in overrides", () => {
    expect(createReasons("en", Object.create({ "reason.popular": "x" }))("popular")).toBe("Popular now");
  });

  it("are localised in a ranked list", () => {
    const shop = catalog();
    const profile = profileOf(view(shop[0]!, { price: 160 }));
    const [drop] = recommend(shop, profile, { strategy: "price-drop" }, { now: NOW, locale: "ur" });
    expect(drop!.reasons).toEqual(["آپ کے دیکھنے کے بعد قیمت \u206850%\u2069 کم ہوئی"]);
    const [popular] = recommend(shop, profile, { strategy: "trending", limit: 1 }, { now: NOW, locale: "en", strings: { "reason.popular": "Hot" } });
    expect(popular!.reasons).toEqual(["Hot"]);
  });
});
