/**
 * Splits delimited text (CSV or TSV) into rows of fields, lazily, per RFC 4180: a field in
 * double quotes may hold the separator, newlines and doubled quotes (`""`). Tolerant where
 * exports are sloppy: a quote inside an unquoted field is kept as a character; `\r\n`, `\n`
 * and a lone `\r` all end a row.
 * @example [...parseRows('a,"b ""c"", d"\n1,2', ",")] // [["a", 'b "c", d'], ["1", "2"]]
 */
export function* parseRows(text: string, sep: string): Generator<string[]> {
  const field = new RegExp(`(?:"((?:[^"]|"")*)"|([^\\r\\n${sep}]*))(${sep}|\\r\\n?|\\n|$)`, "y");
  let row: string[] = [];
  while (field.lastIndex < text.length) {
    const m = field.exec(text)!;
    row.push(m[1]?.replace(/""/g, '"') ?? m[2]!);
    if (m[3] != sep) {
      yield row;
      row = [];
    } else if (field.lastIndex == text.length) {
      row.push("");
      yield row;
    }
  }
}
