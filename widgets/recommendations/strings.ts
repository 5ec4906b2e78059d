/** Text of the recommendations shelf, by language; shops override keys through `config.strings`. */
export const STRINGS: Record<string, Record<string, string>> = {
  en: { title: "Recommended for you", sale: "Sale", was: "Was", hide: "Not interested", why: "Why am I seeing this?" },
  ur: { title: "آپ کے لیے تجاویز", sale: "سیل", was: "پرانی قیمت", hide: "دلچسپی نہیں", why: "یہ مجھے کیوں دکھایا جا رہا ہے؟" },
  ar: { title: "مقترحات لك", sale: "تخفيض", was: "السعر السابق", hide: "لا يهمني", why: "لماذا أرى هذا؟" },
};
