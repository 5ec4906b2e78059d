import type { ShopkeeperConfig } from "./types";
import { warnOnce } from "./log";
import { own } from "./profile/own";

/**
 * Every problem of some options at once, for a developer who wants invalid options to stop a
 * build or a test: `createShopkeeper()` itself never throws (it warns and keeps the valid options).
 * @example const { problems } = parseConfig(options); if (problems.length) throw new ShopkeeperConfigError(problems);
 */
export class ShopkeeperConfigError extends Error {
  override readonly name = "ShopkeeperConfigError" as const;
  constructor(readonly problems: string[]) {
    super(`Invalid Shopkeeper options:\n- ${problems.join("\n- ")}`);
  }
}

/** True for a ShopkeeperConfigError, also one from another frame or bundle copy. */
export const isShopkeeperConfigError = (error: unknown): error is ShopkeeperConfigError =>
  (error as Error | null)?.name === "ShopkeeperConfigError";

type Check = [test: (value: unknown) => boolean, expected: string];

const isBool = (v: unknown) => typeof v === "boolean";
const isString = (v: unknown) => typeof v === "string" && v.length > 0;
/** True for a plain object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const isNumberIn = (min: number, max: number) => (v: unknown) => typeof v === "number" && v >= min && v <= max;
const oneOf = (...values: string[]): Check => [(v) => values.includes(v as string), values.join(" | ")];
const BOOL: Check = [isBool, "true or false"];
const POSITIVE: Check = [isNumberIn(1e-9, 1e9), "a positive number"];

const isLocale = (v: unknown) => {
  try {
    return isString(v) && Intl.getCanonicalLocales(v as string).length === 1;
  } catch {
    return false;
  }
};

const isHttpsUrl = (v: unknown) => {
  try {
    const url = new URL(v as string);
    return url.protocol === "https:" && !url.username && !url.password;
  } catch {
    return false;
  }
};

// One line per option: what it must be. Surveys and audiences get a deeper check where they are used.
const CHECKS: Record<keyof ShopkeeperConfig, Check> = {
  catalog: [(v) => isString(v) || Array.isArray(v), "a feed URL or an array of products"],
  catalogFormat: oneOf("auto", "shopkeeper", "shopify", "woocommerce", "google", "meta"),
  locale: [isLocale, "a BCP 47 locale such as en, ur-PK or ar"],
  consent: oneOf("granted", "pending", "denied"),
  holdout: [isNumberIn(0, 1), "a share between 0 and 1, e.g. 0.1 for 10%"],
  endpoint: [isHttpsUrl, "an https: URL without credentials"],
  dataLayer: BOOL,
  onEvent: [(v) => typeof v === "function", "a function"],
  sendFreeText: BOOL,
  respectGpc: BOOL,
  nonce: [isString, "a non-empty string"],
  debug: BOOL,
  autoTrack: BOOL,
  idleTimeout: [isNumberIn(1000, 36e5), "milliseconds between 1000 and 3600000"],
  halfLifeDays: POSITIVE,
  retentionDays: POSITIVE,
  maxEvents: [(v) => Number.isInteger(v) && isNumberIn(10, 1e4)(v), "an integer between 10 and 10000"],
  flushInterval: [isNumberIn(100, 6e4), "milliseconds between 100 and 60000"],
  maxPerCategory: [(v) => Number.isInteger(v) && isNumberIn(1, 100)(v), "an integer of at least 1"],
  excludeOutOfStock: BOOL,
  surveys: [Array.isArray, "an array of surveys"],
  channels: [(v) => Array.isArray(v) && v.every(isObject), "an array of { type, value } objects"],
  channelOrder: [(v) => isObject(v) && Object.values(v).every((t) => Array.isArray(t) && t.every(isString)), "an object of segment → [channel types]"],
  audiences: [Array.isArray, "an array of { id, rule }"],
  strings: [(v) => isObject(v) && Object.values(v).every((t) => isObject(t) && Object.values(t).every((x) => typeof x == "string")), "an object of locale → { key: text }"],
  interruptions: [
    (v) => isObject(v) && [(v as { perSession?: unknown }).perSession, (v as { perDay?: unknown }).perDay].every((n) => n === undefined || (Number.isInteger(n) && (n as number) >= 0)),
    "{ perSession?, perDay? } as whole numbers",
  ],
  exitIntentMinSeconds: [isNumberIn(0, 3600), "seconds between 0 and 3600"],
  theme: oneOf("auto", "light", "dark"),
  floatingChannels: BOOL,
};

/**
 * Keeps the valid options and lists every invalid one with what was expected.
 * @example parseConfig({ holdout: 2 }).problems // ["holdout: expected a share between 0 and 1, e.g. 0.1 for 10%, got 2"]
 */
export const parseConfig = (raw: unknown): { config: ShopkeeperConfig; problems: string[] } => {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  if (raw != null && !isObject(raw)) return { config, problems: ["options: expected an object"] };
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (value === undefined) continue;
    const check = own(CHECKS, key);
    if (!check) problems.push(`${key}: unknown option`);
    else if (!check[0](value)) problems.push(`${key}: expected ${check[1]}, got ${describe(value)}`);
    else config[key] = value;
  }
  return { config: config as ShopkeeperConfig, problems };
};

/**
 * Reports the invalid options once, in one grouped console warning, and returns the valid ones:
 * both entries start from this, so nothing a page passes can stop the start.
 * @example startShopkeeper(checkConfig({ holdout: 2 })) // warns "holdout: expected a share between 0 and 1…"
 */
export const checkConfig = (raw: unknown, more: string[] = []): ShopkeeperConfig => {
  const { config, problems } = parseConfig(raw);
  problems.push(...more);
  if (problems.length) warnOnce("config", `ignored invalid options (the rest works):\n- ${problems.join("\n- ")}`);
  return config;
};

/** A short quote of a bad value for a warning. */
export const describe = (value: unknown): string => {
  try {
    return typeof value === "function" ? "a function" : JSON.stringify(value).slice(0, 60);
  } catch {
    return typeof value;
  }
};
