import { describe, expect, it } from "vitest";
import type { Rule } from "../../../src/types";
import { createProfile } from "../../../src/profile/create-profile";
import { getAudienceIds, matchRule, parseAudiences, type RuleContext } from "../../../src/segments/audiences";
import { matchUrl } from "../../../src/segments/match-url";

const NOW = Date.UTC(2024, 6, 1);
const DAY = 864e5;

const ctx = (): RuleContext => {
  const p = createProfile(NOW - 10 * DAY, "v");
  return {
    profile: { ...p, sessions: 4, engagedSeconds: 300, orders: { count: 2, revenue: { USD: 120 }, times: [NOW - 30 * DAY, NOW - 3 * DAY], impulse: 0 }, channel: { preferred: "whatsapp", picks: { whatsapp: 2 } }, stated: ["brand:Acme"], cart: [{ id: "a", quantity: 1 }] },
    segments: ["returning", "irregular"],
    url: "https://shop.example/products/red-shoe?ref=x",
    now: NOW,
  };
};
const is = (rule: Rule) => matchRule(rule, ctx());

describe("matchRule comparisons", () => {
  it.each<[Rule, boolean]>([
    [{ field: "orders.count", op: "eq", value: 2 }, true],
    [{ field: "orders.count", op: "eq", value: "2" }, false],
    [{ field: "channel.preferred", op: "eq", value: "whatsapp" }, true],
    [{ field: "channel.preferred", op: "ne", value: "email" }, true],
    [{ field: "sessions", op: "gt", value: 4 }, false],
    [{ field: "sessions", op: "gte", value: 4 }, true],
    [{ field: "engagedSeconds", op: "lt", value: 300 }, false],
    [{ field: "engagedSeconds", op: "lte", value: 300 }, true],
    [{ field: "sessions", op: "gt", value: "1" }, false],
    [{ field: "channel.preferred", op: "in", value: ["email", "whatsapp"] }, true],
    [{ field: "channel.preferred", op: "in", value: "whatsapp" }, false],
    [{ field: "stated", op: "contains", value: "brand:Acme" }, true],
    [{ field: "channel.preferred", op: "contains", value: "app" }, true],
    [{ field: "orders.revenue.USD", op: "gte", value: 100 }, true],
    [{ field: "cart.length", op: "gt", value: 0 }, true],
    [{ field: "channel.explicit", op: "exists" }, false],
    [{ field: "channel.preferred", op: "exists" }, true],
    [{ field: "channel.explicit", op: "exists", value: false }, true],
    [{ field: "nothing.here", op: "eq", value: undefined }, true],
    [{ field: "daysSinceFirstSeen", op: "eq", value: 10 }, true],
    [{ field: "daysSinceLastOrder", op: "lt", value: 7 }, true],
  ])("%j → %s", (rule, expected) => {
    expect(is(rule)).toBe(expected);
  });

  it("has no daysSinceLastOrder before an order", () => {
    const c = { ...ctx(), profile: createProfile(NOW, "v") };
    expect(matchRule({ field: "daysSinceLastOrder", op: "exists" }, c)).toBe(false);
  });

  it("never reads through prototype paths", () => {
    expect(is({ field: "orders.constructor.name", op: "eq", value: "Object" })).toBe(false);
    expect(is({ field: "orders.toString", op: "exists" })).toBe(false);
    expect(is({ field: "__proto__.polluted", op: "exists" })).toBe(false);
  });
});

describe("matchRule segments, urls and nesting", () => {
  it.each<[Rule, boolean]>([
    [{ segment: "returning" }, true],
    [{ segment: "loyal" }, false],
    [{ url: "/products/*" }, true],
    [{ url: "/products" }, false],
    [{ url: "*shoe" }, true],
    [{ all: [{ segment: "returning" }, { url: "/products/*" }] }, true],
    [{ all: [{ segment: "returning" }, { segment: "loyal" }] }, false],
    [{ any: [{ segment: "loyal" }, { field: "sessions", op: "gt", value: 3 }] }, true],
    [{ any: [{ segment: "loyal" }, { segment: "new" }] }, false],
    [{ not: { segment: "loyal" } }, true],
    [{ not: { any: [{ segment: "loyal" }, { all: [{ url: "/products/*" }, { not: { segment: "new" } }] }] } }, false],
  ])("%j → %s", (rule, expected) => {
    expect(is(rule)).toBe(expected);
  });
});

describe("matchUrl", () => {
  it.each([
    ["/", "https://shop.example", true],
    ["/", "/?q=1", true],
    ["/cart", "/cart#top", true],
    ["/products/*", "/products/", true],
    ["/products/*/reviews", "/products/a/b/reviews", true],
    ["/p.html", "/pxhtml", false],
    ["/sale(s)?", "/sales", false],
    ["*", "/anything/at/all", true],
    // location.pathname is percent-encoded; shops write their Urdu or Arabic paths as they read.
    ["/سیل/*", "/%D8%B3%DB%8C%D9%84/summer", true],
    ["/%D8%B3%DB%8C%D9%84/*", "/سیل/summer", true],
    ["/sale/*", "/sale/%E0%A4%A", true],
  ])("%s against %s → %s", (pattern, url, expected) => {
    expect(matchUrl(pattern, url)).toBe(expected);
  });
});

describe("parseAudiences", () => {
  it("keeps valid audiences in order", () => {
    const raw = [
      { id: "vip", rule: { all: [{ field: "orders.count", op: "gte", value: 3 }, { not: { segment: "new" } }] } },
      { id: "sale", rule: { url: "/sale/*" } },
      { id: "any", rule: { any: [{ segment: "loyal" }, { field: "channel.preferred", op: "exists" }] } },
    ];
    expect(parseAudiences(raw)).toEqual({ audiences: raw, problems: [] });
  });

  it("reports each invalid audience with its index, id and why, and skips it", () => {
    const deep: Record<string, unknown> = { segment: "x" };
    let nested = deep;
    for (let i = 0; i < 20; i++) nested = { not: nested };
    const { audiences, problems } = parseAudiences([
      { id: "ok", rule: { segment: "loyal" } },
      { rule: { segment: "loyal" } },
      { id: "ok", rule: { segment: "new" } },
      { id: "op", rule: { field: "sessions", op: "like", value: 1 } },
      { id: "proto", rule: { field: "__proto__.x", op: "exists" } },
      { id: "ctor", rule: { field: "orders.constructor", op: "exists" } },
      { id: "empty", rule: { all: [] } },
      { id: "value", rule: { field: "sessions", op: "gt" } },
      { id: "keys", rule: { segment: "a", url: "/b" } },
      { id: "inner", rule: { any: [{ segment: "loyal" }, { url: 5 }] } },
      { id: "deep", rule: nested },
      null,
    ]);
    expect(audiences.map((a) => a.id)).toEqual(["ok"]);
    expect(problems).toEqual([
      "audiences[1]: needs an id",
      'audiences[2] "ok": repeats an id or a built-in segment',
      'audiences[3] "op": op must be one of eq, ne, gt, gte, lt, lte, in, contains, exists',
      'audiences[4] "proto": field must be a dot path of profile fields, got __proto__.x',
      'audiences[5] "ctor": field must be a dot path of profile fields, got orders.constructor',
      'audiences[6] "empty": all needs a non-empty array of rules',
      'audiences[7] "value": op gt needs a value',
      'audiences[8] "keys": unknown rule keys segment,url',
      'audiences[9] "inner": url needs a non-empty string',
      'audiences[10] "deep": a rule must be an object, nested at most 8 deep',
      "audiences[11]: needs an id",
    ]);
  });

  it("reports a misspelt field, a value of the wrong type for its op and an unknown segment", () => {
    const { audiences, problems } = parseAudiences([
      { id: "typo", rule: { field: "orders.cout", op: "gt", value: 1 } },
      { id: "top", rule: { field: "order.count", op: "gt", value: 1 } },
      { id: "deeper", rule: { field: "sessions.count", op: "gt", value: 1 } },
      { id: "text-number", rule: { field: "sessions", op: "gte", value: "3" } },
      { id: "not-a-list", rule: { field: "channel.preferred", op: "in", value: "whatsapp" } },
      { id: "text-false", rule: { field: "channel.explicit", op: "exists", value: "false" } },
      { id: "misspelt", rule: { not: { segment: "loyall" } } },
      { id: "later", rule: { segment: "vip" } },
      { id: "loyal", rule: { field: "orders.count", op: "gte", value: 3 } },
      { id: "vip", rule: { field: "orders.count", op: "gte", value: 5 } },
    ]);
    expect(audiences.map((a) => a.id)).toEqual(["vip"]);
    expect(problems).toEqual([
      'audiences[0] "typo": field must be a dot path of profile fields, got orders.cout',
      'audiences[1] "top": field must be a dot path of profile fields, got order.count',
      'audiences[2] "deeper": field must be a dot path of profile fields, got sessions.count',
      'audiences[3] "text-number": op gte takes number values, got "3"',
      'audiences[4] "not-a-list": op in takes array values, got "whatsapp"',
      'audiences[5] "text-false": op exists takes boolean values, got "false"',
      'audiences[6] "misspelt": segment "loyall" is not built in or an earlier audience',
      'audiences[7] "later": segment "vip" is not built in or an earlier audience',
      'audiences[8] "loyal": repeats an id or a built-in segment',
    ]);
  });

  it("accepts every field the profile can hold: records by any key, lists by length or index, survey ids with hyphens", () => {
    const fields = ["orders.revenue.USD", "cart.length", "viewed.0.price", "surveys.exit-nps.answers.nps", "channel.picks.whatsapp", "channel.preferred", "affinity.brand.Acme.s", "daysSinceFirstSeen", "daysSinceLastOrder", "personalization"];
    const { problems } = parseAudiences(fields.map((field, i) => ({ id: `a${i}`, rule: { field, op: "exists" } })));
    expect(problems).toEqual([]);
  });

  it("reports a config that is not an array", () => {
    expect(parseAudiences({ id: "x" })).toEqual({ audiences: [], problems: ["audiences: expected an array"] });
  });
});

describe("getAudienceIds", () => {
  it("returns the ids of matching audiences in config order", () => {
    const { audiences } = parseAudiences([
      { id: "buyers", rule: { field: "orders.count", op: "gt", value: 0 } },
      { id: "loyal-only", rule: { segment: "loyal" } },
      { id: "product-pages", rule: { url: "/products/*" } },
    ]);
    expect(getAudienceIds(audiences, ctx())).toEqual(["buyers", "product-pages"]);
  });

  it("lets an audience build on the ones listed before it", () => {
    const { audiences, problems } = parseAudiences([
      { id: "buyers", rule: { field: "orders.count", op: "gt", value: 0 } },
      { id: "returning-buyers", rule: { all: [{ segment: "buyers" }, { segment: "returning" }] } },
      { id: "first-timers", rule: { not: { segment: "buyers" } } },
    ]);
    expect(problems).toEqual([]);
    expect(getAudienceIds(audiences, ctx())).toEqual(["buyers", "returning-buyers"]);
  });
});
