import type { Shopkeeper } from "../../src/index";

/** Text, numbers, prices and dates in the visitor's language; built by `createI18n`. */
export interface I18n {
  t(key: string, params?: Record<string, string | number>): string;
  locale: string;
  lang: string;
  dir: "ltr" | "rtl";
  num(n: number): string;
  money(amount: number, currency?: string): string;
  date(epochMs: number): string;
}

type Format = { format(n: number): string };

/**
 * Resolves the widget locale: `config.locale`, else the document's `lang`, else the browser's,
 * else `en`. Returns `[locale, lang, dir]`; `dir` follows the document when no locale is set.
 */
export const getLocale = (sk: Shopkeeper): [string, string, "ltr" | "rtl"] => {
  const d = document.documentElement;
  let locale = sk.config.locale || d.lang || navigator.language || "en";
  try {
    locale = Intl.getCanonicalLocales(locale)[0] || "en";
  } catch {
    // A page's lang="en_US" or "english" is common and Intl rejects it.
    locale = "en";
  }
  const lang = locale.split("-")[0]!.toLowerCase();
  const docDir = !sk.config.locale && /^(rtl|ltr)$/.test(d.dir) && d.dir;
  // The likely script decides: Sindhi, Pashto, Kashmiri and pa-Arab are right-to-left too, and
  // ku-Latn or az-Arab say so themselves.
  let script: string | undefined;
  try {
    script = new Intl.Locale(locale).maximize().script;
  } catch {
    // No Intl.Locale: the language decides (scripts are capitalised, languages are not).
  }
  const rtl = /^(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg|ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)$/.test(script || lang);
  return [locale, lang, (docDir || (rtl ? "rtl" : "ltr")) as "ltr" | "rtl"];
};

/**
 * Builds the translator a widget uses for its own string `tables` (`{ en: {...}, ur: {...} }`).
 * Looks a key up in the shop's `config.strings` for the locale and language first, as
 * `"<widget>.<key>"` (so `channels.title` renames one widget's title only) and then as `"<key>"`,
 * then in the tables for the locale, the language, and English: `ur-PK` falls back to `ur`, then `en`.
 * @example createI18n(sk, STRINGS, "survey").t("greeting", { name: "Ayesha" })
 */
export const createI18n = (sk: Shopkeeper, tables: Record<string, Record<string, string>>, widget = ""): I18n => {
  const [locale, lang, dir] = getLocale(sk);
  const own = sk.config.strings || {};
  const shop = [own[locale], own[lang]];
  // typeof guards keys that name Object.prototype members.
  const find = (key: string, list: (Record<string, string> | undefined)[]) => list.map((table) => table?.[key]).find((v) => typeof v == "string");
  const cache: Record<string, Format> = {};
  const fmt = (key: string, make: () => Format) => (cache[key] ||= make());
  const num = (n: number) => fmt("n", () => new Intl.NumberFormat(locale)).format(n);
  return {
    locale,
    lang,
    dir,
    num,
    t(key, params = {}) {
      const s = find(widget + "." + key, shop) ?? find(key, [...shop, tables[locale], tables[lang], tables.en]) ?? key;
      return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
    },
    money(amount, currency) {
      try {
        if (currency) return fmt(currency, () => new Intl.NumberFormat(locale, { style: "currency", currency })).format(amount);
      } catch {
        // An unknown currency code: show the plain number.
      }
      return num(amount);
    },
    date: (ms) => fmt("d", () => new Intl.DateTimeFormat(locale)).format(ms),
  };
};
