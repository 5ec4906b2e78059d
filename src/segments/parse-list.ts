/**
 * Checks a config list item by item: each invalid item is reported as `label[index] "id": why`
 * and left out. `why` gets the item and the ids already accepted, and returns "" when it is valid.
 * @example parseList(config.surveys, "surveys", check) // { surveys: [...], problems: [...] }
 */
export const parseList = <K extends string, T extends { id: string }>(
  raw: unknown,
  label: K,
  why: (item: unknown, ids: string[]) => string,
): { [k in K]: T[] } & { problems: string[] } => {
  const list: T[] = [];
  const problems: string[] = [];
  if (Array.isArray(raw))
    raw.forEach((x: unknown, i) => {
      const problem = why(x, list.map((y) => y.id));
      const id = (x as { id?: unknown } | null)?.id;
      if (problem) problems.push(`${label}[${i}]${typeof id == "string" ? ` "${id}"` : ""}: ${problem}`);
      else list.push(x as T);
    });
  else problems.push(label + ": expected an array");
  return { [label]: list, problems } as { [k in K]: T[] } & { problems: string[] };
};
