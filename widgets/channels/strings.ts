import { stringTables } from "../i18n/string-tables";

/** The channel picker's text in English, Urdu and Arabic; `config.strings` overrides any key. */
export const CHANNEL_STRINGS: Record<string, Record<string, string>> = stringTables("title why whatsapp phone sms email messenger instagram telegram x chat link open closed prefer qr scan msg", {
  en: "Contact us|Why this order? What this shop remembers|WhatsApp|Call|Text message|Email|Messenger|Instagram|Telegram|X|Live chat|Contact page|Usually replies within an hour|Closed now · opens {time}|Make {name} my preferred channel|Show QR code|Scan with your phone to chat on WhatsApp|Hi, I have a question about {product}",
  ur: "ہم سے رابطہ کریں|یہ ترتیب کیوں؟ یہ دکان کیا یاد رکھتی ہے||کال کریں|ایس ایم ایس|ای میل|||||لائیو چیٹ|رابطے کا صفحہ|عموماً ایک گھنٹے کے اندر جواب دیتے ہیں|ابھی بند ہے · {time} کھلے گا|{name} کو میرا پسندیدہ ذریعہ بنائیں|کیو آر کوڈ دکھائیں|واٹس ایپ پر بات کرنے کے لیے اپنے فون سے اسکین کریں|السلام علیکم، مجھے {product} کے بارے میں ایک سوال پوچھنا ہے",
  ar: "تواصل معنا|لماذا هذا الترتيب؟ ما يتذكره هذا المتجر||اتصال هاتفي|رسالة نصية|البريد الإلكتروني|||||دردشة مباشرة|صفحة التواصل|نرد عادةً خلال ساعة|مغلق الآن · يفتح {time}|اجعل {name} وسيلتي المفضلة|إظهار رمز QR|امسح الرمز بهاتفك للمحادثة عبر واتساب|مرحباً، لدي سؤال عن {product}",
});
