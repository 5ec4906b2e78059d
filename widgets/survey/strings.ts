import { stringTables } from "../i18n/string-tables";

/** The survey dialog's text in English, Urdu and Arabic; `config.strings` overrides any key. */
export const SURVEY_STRINGS: Record<string, Record<string, string>> = stringTables("close why next thanks of nps0 nps1 csat0 csat1 ces0 ces1", {
  en: "Close survey|Why am I seeing this?|Next|Thank you for your feedback!|{n} out of {max}|Not at all likely|Extremely likely|Very dissatisfied|Very satisfied|Very difficult|Very easy",
  ur: "سروے بند کریں|یہ مجھے کیوں دکھایا جا رہا ہے؟|آگے|آپ کی رائے کا بہت شکریہ!|{max} میں سے {n}|بالکل امکان نہیں|بہت زیادہ امکان ہے|بالکل مطمئن نہیں|بہت مطمئن|بہت مشکل|بہت آسان",
  ar: "إغلاق الاستبيان|لماذا أرى هذا؟|التالي|شكراً على ملاحظاتك!|{n} من {max}|غير محتمل إطلاقاً|محتمل جداً|غير راضٍ إطلاقاً|راضٍ جداً|صعب جداً|سهل جداً",
});
