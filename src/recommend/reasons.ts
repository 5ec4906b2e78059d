/**
 * Reason sentences for recommendations in English, Urdu and Arabic. Each template holds at
 * most one `{placeholder}`; shops override any of them with `strings["reason.<key>"]`.
 */

/** The reasons a recommendation can give. */
export type ReasonKey = "viewed" | "popularIn" | "priceDrop" | "backInStock" | "boughtWith" | "similar" | "like" | "popular" | "recent";

const KEYS = "viewed popularIn priceDrop backInStock boughtWith similar like popular recent".split(" ");

// One string per language, templates in KEYS order: smaller than an object per language.
const TEMPLATES: Record<string, string> = {
  en: "Because you viewed {title}|Popular in {category}|Price dropped {percent} since you looked|Back in stock|Often bought with {title}|Similar to {title}|You like {name}|Popular now|You viewed this recently",
  ur: "کیونکہ آپ نے {title} دیکھا|{category} میں مقبول|آپ کے دیکھنے کے بعد قیمت {percent} کم ہوئی|دوبارہ دستیاب|اکثر {title} کے ساتھ خریدا جاتا ہے|{title} سے ملتا جلتا|آپ کو {name} پسند ہے|ابھی مقبول|آپ نے اسے حال ہی میں دیکھا",
  ar: "لأنك شاهدت {title}|رائج في {category}|انخفض السعر {percent} منذ أن شاهدته|متوفر من جديد|يُشترى غالبًا مع {title}|مشابه لـ {title}|يعجبك {name}|رائج الآن|شاهدته مؤخرًا",
};

/**
 * Makes the reason formatter for a locale (English when the language is not shipped); numbers
 * (the `priceDrop` share, 0–1) are written with the locale's own digits and percent sign.
 * @example createReasons("ur-PK")("like", "Nike") // "آپ کو Nike پسند ہے"
 */
export function createReasons(locale = "en", strings: Record<string, string> = {}): (key: ReasonKey, value?: string | number) => string {
  const all = (TEMPLATES[locale.slice(0, 2).toLowerCase()] ?? TEMPLATES.en!).split("|");
  return (key, value = "") => {
    const own = "reason." + key;
    const t = Object.hasOwn(strings, own) ? String(strings[own]) : all[KEYS.indexOf(key)]!;
    const v = typeof value == "number" ? percent(locale, value) : value;
    return t.replace(/\{\w+\}/g, () => v);
  };
}

function percent(locale: string, share: number): string {
  try {
    return new Intl.NumberFormat(locale, { style: "percent" }).format(share);
  } catch {
    return Math.round(share * 100) + "%";
  }
}
