/**
 * Each element of a JSON feed's product array, parsed one at a time, so a large feed never sits
 * in one long `JSON.parse` (18 MB took about 150 ms in one task). The array is the body itself or
 * the top-level `"products"` member. Strings are skipped whole, so brackets inside titles do not
 * count; an element that is not valid JSON throws, as `JSON.parse` of the whole body would.
 * @example [...jsonItems('{"products":[{"id":1},{"id":2}]}')] // [{ id: 1 }, { id: 2 }]
 */
export function* jsonItems(body: string): Generator<unknown> {
  let i = body.search(/\S/);
  if (body[i] == "{") i = productsArray(body, i);
  if (body[i] != "[") throw new SyntaxError("the JSON feed has no product array");
  let depth = 0;
  let start = 0;
  for (i++; i < body.length; i++) {
    const c = body[i]!;
    if (c == '"') {
      const end = stringEnd(body, i);
      // A bare string element is not a product, but it is counted as a dropped item.
      if (!depth) yield JSON.parse(body.slice(i, end + 1));
      i = end;
    } else if (c == "{" || c == "[") depth++ || (start = i);
    else if (c == "}" || c == "]") {
      if (!depth) return;
      if (!--depth) yield JSON.parse(body.slice(start, i + 1));
    } else if (!depth && !/[\s,]/.test(c)) {
      const token = /[^,\]\s]+/y;
      token.lastIndex = i;
      const literal = token.exec(body)![0];
      yield JSON.parse(literal);
      i += literal.length - 1;
    }
  }
  throw new SyntaxError("the JSON feed ends inside its product array");
}

/** The index of the closing quote of the string opening at `i` (escaped quotes skipped). */
const stringEnd = (body: string, i: number): number => {
  for (;;) {
    const end = body.indexOf('"', i + 1);
    if (end < 0) return body.length;
    let slash = end;
    while (body[slash - 1] == "\\") slash--;
    if ((end - slash) % 2 == 0) return end;
    i = end;
  }
};

/** The index of the `[` that opens the top-level `"products"` member, or -1. */
const productsArray = (body: string, i: number): number => {
  let depth = 0;
  for (; i < body.length; i++) {
    const c = body[i];
    if (c == '"') {
      const end = stringEnd(body, i);
      const key = depth == 1 && body.slice(i, end + 1) == '"products"';
      i = end;
      if (key) {
        const open = /^\s*:\s*\[/.exec(body.slice(i + 1, i + 64));
        if (open) return i + open[0].length;
      }
    } else if (c == "{" || c == "[") depth++;
    else if (c == "}" || c == "]") depth--;
  }
  return -1;
};
