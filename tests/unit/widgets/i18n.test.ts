import { afterEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../../../widgets/i18n/index";
import { cleanText } from "../../../widgets/i18n/text";
import { stringTables } from "../../../widgets/i18n/string-tables";
import { fakeShopkeeper } from "./fake-shopkeeper";

const TABLES = { en: { hi: "Hello {name}", only: "English only" }, ur: { hi: "سلام {name}" } };
const i18n = (config = {}) => createI18n(fakeShopkeeper({ config }).sk, TABLES);

describe("createI18n", () => {
  afterEach(() => document.documentElement.removeAttribute("lang"));

  it("falls back from a region locale to its language, then English", () => {
    const i = i18n({ locale: "ur-PK" });
    expect(i.t("hi", { name: "Ayesha" })).toBe("سلام Ayesha");
    expect(i.t("only")).toBe("English only");
    expect(i.dir).toBe("rtl");
    expect(i.lang).toBe("ur");
  });

  it("lets config.strings override any key", () => {
    expect(i18n({ locale: "ur", strings: { ur: { hi: "آداب {name}" } } }).t("hi", { name: "Ali" })).toBe("آداب Ali");
    expect(i18n({ locale: "fr", strings: { fr: { only: "Seulement" } } }).t("only")).toBe("Seulement");
  });

  it("lets a shop override one widget's string without touching the others", () => {
    const sk = fakeShopkeeper({ config: { locale: "ur", strings: { ur: { "shelf.only": "صرف شیلف", only: "سب کے لیے" } } } }).sk;
    expect(createI18n(sk, TABLES, "shelf").t("only")).toBe("صرف شیلف");
    expect(createI18n(sk, TABLES, "survey").t("only")).toBe("سب کے لیے");
  });

  it("reads direction from the locale's script", () => {
    for (const locale of ["sd", "ps", "ks", "ckb", "dv", "yi", "ug", "pa-Arab", "ar-EG"]) expect(i18n({ locale }).dir, locale).toBe("rtl");
    for (const locale of ["pa", "ku", "ur-Latn", "fr", "en-GB"]) expect(i18n({ locale }).dir, locale).toBe("ltr");
  });

  it("returns the key for unknown keys, including Object.prototype names", () => {
    expect(i18n().t("constructor")).toBe("constructor");
  });

  it("keeps unknown placeholders", () => {
    expect(i18n().t("hi")).toBe("Hello {name}");
  });

  it("uses the document's lang, then navigator.language, and survives a malformed one", () => {
    document.documentElement.lang = "ar";
    expect(i18n().dir).toBe("rtl");
    document.documentElement.lang = "english please";
    expect(i18n().locale).toBe("en");
    document.documentElement.removeAttribute("lang");
    vi.spyOn(navigator, "language", "get").mockReturnValue("de-DE");
    expect(i18n().locale).toBe("de-DE");
  });

  it("formats prices in the product's currency and the visitor's locale", () => {
    expect(i18n({ locale: "en-US" }).money(1234.5, "USD")).toBe("$1,234.50");
    expect(i18n({ locale: "en-US" }).money(12, "NOPE!")).toBe("12");
    expect(i18n({ locale: "en-US" }).num(1234)).toBe("1,234");
  });
});

describe("cleanText", () => {
  it("strips bidi overrides, embeddings and isolates", () => {
    expect(cleanText("\u202Egnp.exe\u202C \u2066x\u2069")).toBe("gnp.exe x");
  });

  it("turns control characters into spaces and trims", () => {
    expect(cleanText("\u0000 Red\nShoe \t")).toBe("Red Shoe");
  });

  it("cuts at max without splitting a surrogate pair", () => {
    expect(cleanText("ab😀c", 3)).toBe("ab");
    expect(cleanText("abcdef", 4)).toBe("abcd");
  });
});

describe("packed string tables", () => {
  // Texts are matched to keys by position: one missing or extra `|` would shift every later text.
  it("give every language exactly one text per key, an empty one where it falls back to English", async () => {
    const { readFileSync } = await import("node:fs");
    for (const file of ["channels", "preferences", "recommendations", "survey"].map((w) => `widgets/${w}/strings.ts`).concat("src/recommend/reasons.ts")) {
      const source = readFileSync(file, "utf8");
      const keys = /(?:stringTables\(|const KEYS = )"([^"]+)"/.exec(source)![1]!.split(" ");
      const texts = [...source.matchAll(/^\s+(\w\w): "(.*)",?$/gm)];
      expect(texts.length, file).toBeGreaterThanOrEqual(3);
      for (const [, lang, text] of texts) expect([file, lang, text!.split("|").length]).toEqual([file, lang, keys.length]);
    }
  });

  // Old shop scripts still add enumerable members to Object.prototype; the tables are built as the
  // script tag loads, so a throw here would stop the whole script.
  it("are built from their own languages only on a page that extended Object.prototype", () => {
    Object.defineProperty(Object.prototype, "extend", { value: () => 1, enumerable: true, configurable: true, writable: true });
    try {
      expect(JSON.stringify(stringTables("yes no", { en: "Yes|No", ur: "ہاں|" }))).toBe('{"en":{"yes":"Yes","no":"No"},"ur":{"yes":"ہاں"}}');
    } finally {
      delete (Object.prototype as { extend?: unknown }).extend;
    }
  });
});
