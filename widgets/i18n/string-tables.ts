/**
 * Builds a widget's string tables from its keys, space-separated, and one string per language
 * with the texts in key order joined by `|`: the keys are written once, not once per language,
 * which is smaller (as the core's reason templates do). An empty text leaves its key out, so
 * that language falls back to English for it.
 * @example stringTables("yes no", { en: "Yes|No", ur: "ہاں|" }) // { en: { yes: "Yes", no: "No" }, ur: { yes: "ہاں" } }
 */
export const stringTables = (keys: string, texts: Record<string, string>): Record<string, Record<string, string>> => {
  const names = keys.split(" ");
  const tables: Record<string, Record<string, string>> = {};
  // Own keys only: a page that added an enumerable member to Object.prototype must not reach here.
  for (const lang of Object.keys(texts)) {
    const table: Record<string, string> = (tables[lang] = {});
    texts[lang]!.split("|").forEach((text, i) => text && (table[names[i]!] = text));
  }
  return tables;
};
