import { stringTables } from "../i18n/string-tables";

/**
 * Text of the preferences panel, by language; shops override keys through `config.strings`.
 * `s:<segment id>` keys hold one plain sentence per segment; add `s:<audience id>` for the shop's own.
 */
export const STRINGS: Record<string, Record<string, string>> = stringTables("head ints none rm add addL kind category brand tag segs s:new s:returning s:loyal s:one-time s:irregular s:discount-seeker s:impulse s:need-based s:wanderer viewed contact on dl erase sure cancel done close", {
  en: "What this shop remembers about you|Your interests|Nothing yet.|Remove {v}|Add|Add an interest|Kind|Category|Brand|Topic|Your visits|You are new here.|You have visited before.|You shop with us regularly.|You have ordered once.|You shop now and then.|You like a good deal.|You decide quickly.|You come for something specific.|You like to browse.|Recently viewed|How you like to be contacted|Personalised suggestions|Download my data|Erase everything|Erase all this shop remembers on this device?|Cancel|Done.|Close",
  ur: "یہ دکان آپ کے بارے میں کیا یاد رکھتی ہے|آپ کی دلچسپیاں|ابھی کچھ نہیں۔|{v} ہٹائیں|شامل کریں|دلچسپی شامل کریں|قسم|زمرہ|برانڈ|موضوع|آپ کی آمد|آپ یہاں نئے ہیں۔|آپ پہلے بھی آ چکے ہیں۔|آپ باقاعدگی سے خریداری کرتے ہیں۔|آپ نے ایک بار آرڈر دیا ہے۔|آپ کبھی کبھار خریداری کرتے ہیں۔|آپ کو اچھی رعایت پسند ہے۔|آپ جلدی فیصلہ کرتے ہیں۔|آپ کسی خاص چیز کے لیے آتے ہیں۔|آپ کو چیزیں دیکھنا پسند ہے۔|حال ہی میں دیکھی گئی اشیاء|آپ کس طرح رابطہ پسند کرتے ہیں|ذاتی تجاویز|میرا ڈیٹا ڈاؤن لوڈ کریں|سب کچھ مٹا دیں|اس آلے پر محفوظ سب کچھ مٹا دیں؟|منسوخ کریں|ہو گیا۔|بند کریں",
  ar: "ما يتذكره هذا المتجر عنك|اهتماماتك|لا شيء بعد.|إزالة {v}|إضافة|أضف اهتمامًا|النوع|فئة|علامة تجارية|موضوع|زياراتك|أنت جديد هنا.|زرتنا من قبل.|تتسوق معنا بانتظام.|طلبت مرة واحدة.|تتسوق من حين لآخر.|تحب العروض الجيدة.|تقرر بسرعة.|تأتي لشيء محدد.|تحب التصفح.|شاهدتها مؤخرًا|طريقة التواصل المفضلة لديك|اقتراحات مخصصة لك|تنزيل بياناتي|مسح كل شيء|مسح كل ما يتذكره المتجر على هذا الجهاز؟|إلغاء|تم.|إغلاق",
});
