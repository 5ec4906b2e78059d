import { stringTables } from "../i18n/string-tables";

/** Text of the recommendations shelf, by language; shops override keys through `config.strings`. */
export const STRINGS: Record<string, Record<string, string>> = stringTables("title sale was hide why", {
  en: "Recommended for you|Sale|Was|Not interested|Why am I seeing this?",
  ur: "آپ کے لیے تجاویز|سیل|پرانی قیمت|دلچسپی نہیں|یہ مجھے کیوں دکھایا جا رہا ہے؟",
  ar: "مقترحات لك|تخفيض|السعر السابق|لا يهمني|لماذا أرى هذا؟",
});
