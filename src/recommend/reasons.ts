/**
 * Reason sentences for recommendations in English, Urdu and Arabic. Each template holds at
 * most one placeholder, `{}` or a named one such as `{title}`; shops override any of them with
 * `strings["reason.<key>"]`, e.g. `{ "reason.like": "For fans of {name}" }`. What fills a
 * placeholder is isolated between U+2068 and U+2069 (as Fluent does), so an English title's
 * trailing "!" or "++" stays with it inside an Urdu or Arabic sentence.
 */
import { has } from "../profile/own";

/**
 * The reasons a recommendation can give, and what fills their placeholder: `viewed`,
 * `boughtWith` and `similar` a product title, `popularIn` a category, `like` a category, brand
 * or tag, `priceDrop` the drop as a percentage; the others have none.
 */
export type ReasonKey = "viewed" | "popularIn" | "priceDrop" | "backInStock" | "boughtWith" | "similar" | "like" | "popular" | "recent";

const KEYS = "viewed popularIn priceDrop backInStock boughtWith similar like popular recent".split(" ");

// One string per language, templates in KEYS order: smaller than an object per language.
const TEMPLATES: Record<string, string> = {
  en: "Because you viewed {}|Popular in {}|Price dropped {} since you looked|Back in stock|Often bought with {}|Similar to {}|You like {}|Popular now|You viewed this recently",
  ur: "کیونکہ آپ نے {} دیکھا|{} میں مقبول|آپ کے دیکھنے کے بعد قیمت {} کم ہوئی|دوبارہ دستیاب|اکثر {} کے ساتھ خریدا جاتا ہے|{} سے ملتا جلتا|آپ کو {} پسند ہے|ابھی مقبول|آپ نے اسے حال ہی میں دیکھا",
  ar: "لأنك شاهدت {}|رائج في {}|انخفض السعر {} منذ أن شاهدته|متوفر من جديد|يُشترى غالبًا مع {}|مشابه لـ {}|يعجبك {}|رائج الآن|شاهدته مؤخرًا",
};

/**
 * Makes the reason formatter for a locale (English when the language is not shipped); numbers
 * (the `priceDrop` share, 0–1) are written with the locale's own digits and percent sign.
 * @example createReasons("ur-PK")("like", "Nike") // "آپ کو Nike پسند ہے"
 */
export const createReasons = (locale = "en", strings: Record<string, string> = {}): ((key: ReasonKey, value?: string | number) => string) => {
  const all = (TEMPLATES[locale.slice(0, 2).toLowerCase()] ?? TEMPLATES.en!).split("|");
  return (key, value = "") => {
    const own = "reason." + key;
    const t = has(strings, own) ? String(strings[own]) : all[KEYS.indexOf(key)]!;
    // The value's own direction marks could reorder the sentence around it: they go.
    const v = typeof value == "number" ? percent(locale, value) : value.replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
    return t.replace(/\{\w*\}/g, () => "\u2068" + v + "\u2069");
  };
};

const percent = (locale: string, share: number): string => {
  try {
    return share.toLocaleString(locale, { style: "percent" });
  } catch {
    return Math.round(share * 100) + "%";
  }
};
