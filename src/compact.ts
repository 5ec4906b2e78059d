/**
 * Drops the keys whose value is `undefined`, so records can be written as one literal and still
 * satisfy `exactOptionalPropertyTypes` (an absent key, never a key set to `undefined`).
 * @example compact({ path: "/", title: undefined }) // { path: "/" }
 */
export const compact = <T extends object>(record: { [K in keyof T]: T[K] | undefined }): T => {
  for (const key in record) if (record[key] === undefined) delete record[key];
  return record as T;
};
