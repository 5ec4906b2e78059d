import { describe, expect, it, vi } from "vitest";

vi.mock("../../../src/index", async () => (await import("./fake-shopkeeper")).publicEntry());
import type { Channel } from "../../../src/types";
import { channelHref } from "../../../widgets/channels/channel-link";
import { channelHours } from "../../../widgets/channels/channel-hours";
import { orderChannels } from "../../../widgets/channels/order-channels";

const ch = (type: Channel["type"], value?: string): Channel => (value === undefined ? { type } : { type, value });

describe("channelHref", () => {
  const cases: [Channel["type"], string | undefined, string | undefined, string | undefined][] = [
    ["whatsapp", "+92 300 1234567", undefined, "https://wa.me/923001234567"],
    ["whatsapp", "+92 (300) 123-4567", "Hi, a question & more?", "https://wa.me/923001234567?text=Hi%2C%20a%20question%20%26%20more%3F"],
    ["whatsapp", "0092 300 1234567", undefined, "https://wa.me/923001234567"],
    ["whatsapp", "+٩٢ ٣٠٠ ١٢٣٤٥٦٧", undefined, "https://wa.me/923001234567"],
    ["whatsapp", "۰۰۹۲۳۰۰۱۲۳۴۵۶۷", undefined, "https://wa.me/923001234567"],
    ["whatsapp", '+1 555"><script>', undefined, undefined],
    ["whatsapp", "javascript:alert(1)", undefined, undefined],
    ["whatsapp", "12345", undefined, undefined],
    ["whatsapp", "300 1234567", undefined, undefined],
    ["whatsapp", "٣٠٠ ١٢٣٤٥٦٧٨", undefined, undefined],
    ["whatsapp", "+92 (0) 300 1234567", undefined, "https://wa.me/923001234567"],
    ["phone", "(555) 010-0100", undefined, undefined],
    ["phone", "+44 (0)20 7946 0000", undefined, "tel:+442079460000"],
    ["sms", "447700900123", undefined, undefined],
    ["phone", "+92 21 111 222 333", undefined, "tel:+9221111222333"],
    ["phone", "+1 555 0100 ext. 7", undefined, undefined],
    ["phone", '+1 555"><script>', undefined, undefined],
    ["sms", "+44 7700 900123", "Order #12", "sms:+447700900123?body=Order%20%2312"],
    ["sms", "+44 7700 900123", undefined, "sms:+447700900123"],
    ["email", "help@shop.example", undefined, "mailto:help@shop.example"],
    ["email", "Help+Desk@Shop.Example", "Trail Runner", "mailto:Help%2BDesk@shop.example?subject=Trail%20Runner"],
    ["email", "a@b.com?bcc=x@y.z", undefined, undefined],
    ["email", "a@b.com&bcc=x@y.z", undefined, undefined],
    ["email", "javascript:alert(1)//@x.com", undefined, undefined],
    ["email", "no-at-sign", undefined, undefined],
    ["email", "a@localhost", undefined, undefined],
    ["messenger", "shop.example", undefined, "https://m.me/shop.example"],
    ["messenger", "../../evil", undefined, undefined],
    ["instagram", "@shop_pk", undefined, "https://ig.me/m/shop_pk"],
    ["instagram", "shop/../../evil", undefined, undefined],
    ["telegram", "@shop_help", "ignored", "https://t.me/shop_help"],
    ["telegram", "abc", undefined, undefined],
    ["x", "@ShopHelp", undefined, "https://x.com/ShopHelp"],
    ["x", "783214", undefined, "https://x.com/messages/compose?recipient_id=783214"],
    ["x", "javascript:alert(1)", undefined, undefined],
    ["link", "https://shop.example/contact", undefined, "https://shop.example/contact"],
    ["link", "javascript:alert(1)", undefined, undefined],
    ["link", "data:text/html,<b>x</b>", undefined, undefined],
    ["chat", undefined, undefined, undefined],
  ];

  it.each(cases)("%s %j builds %s", (type, value, message, expected) => {
    expect(channelHref(ch(type, value), message)).toBe(expected);
  });

  it("resolves a relative link against the page and never leaves http(s)", () => {
    expect(channelHref(ch("link", "../../evil"), undefined, "https://shop.example/a/b/c")).toBe("https://shop.example/evil");
    expect(channelHref(ch("link", "../../evil"))).toBeUndefined();
  });

  it("ignores prototype names as types", () => {
    for (const type of ["constructor", "toString", "__proto__", "hasOwnProperty"])
      for (const value of ["+92 300 1234567", "shop_help"]) expect(channelHref({ type, value } as unknown as Channel)).toBeUndefined();
  });

  it("treats a missing value as invalid", () => {
    for (const type of ["whatsapp", "phone", "sms", "email", "messenger", "instagram", "telegram", "x", "link"] as const)
      expect(channelHref(ch(type))).toBeUndefined();
  });
});

describe("channelHours", () => {
  // Wednesday 2025-01-15 10:30 in Karachi (UTC+5) is 05:30 UTC.
  const wed1030 = Date.UTC(2025, 0, 15, 5, 30);
  const weekdays = { tz: "Asia/Karachi", days: [1, 2, 3, 4, 5], open: "09:00", close: "18:00" };

  it("is open inside the hours in the given time zone", () => {
    expect(channelHours(weekdays, wed1030)).toEqual({ open: true });
  });

  it("reads the clock in the hours' zone, not the visitor's", () => {
    expect(channelHours({ ...weekdays, tz: "America/New_York" }, wed1030)).toEqual({ open: false, next: Date.UTC(2025, 0, 15, 14, 0) });
  });

  it("is closed after hours and opens the next morning", () => {
    const evening = Date.UTC(2025, 0, 15, 14, 0);
    expect(channelHours(weekdays, evening)).toEqual({ open: false, next: Date.UTC(2025, 0, 16, 4, 0) });
  });

  it("skips closed days to the next open day", () => {
    const saturday = Date.UTC(2025, 0, 18, 6, 0);
    expect(channelHours(weekdays, saturday)).toEqual({ open: false, next: Date.UTC(2025, 0, 20, 4, 0) });
  });

  it("handles hours that run past midnight", () => {
    const late = { tz: "UTC", open: "20:00", close: "02:00" };
    expect(channelHours(late, Date.UTC(2025, 0, 15, 1, 0))).toEqual({ open: true });
    expect(channelHours(late, Date.UTC(2025, 0, 15, 3, 0))).toEqual({ open: false, next: Date.UTC(2025, 0, 15, 20, 0) });
  });

  describe("overnight hours on given days", () => {
    // Friday evening into Saturday morning; 2025-01-17 is a Friday.
    const friNight = { tz: "UTC", days: [5], open: "20:00", close: "02:00" };

    it("counts the hours after midnight for the day they opened", () => {
      expect(channelHours(friNight, Date.UTC(2025, 0, 18, 1, 0))).toEqual({ open: true });
    });

    it("is closed in the small hours of the opening day itself, until evening", () => {
      expect(channelHours(friNight, Date.UTC(2025, 0, 17, 1, 0))).toEqual({ open: false, next: Date.UTC(2025, 0, 17, 20, 0) });
    });

    it("opens again the next Friday once Saturday's share is over", () => {
      expect(channelHours(friNight, Date.UTC(2025, 0, 18, 3, 0))).toEqual({ open: false, next: Date.UTC(2025, 0, 24, 20, 0) });
    });
  });

  it("names the right opening time across a change of clocks", () => {
    // Saturday 2024-03-09 12:00 in New York (EST, UTC-5); clocks go forward early on Sunday, so
    // Monday 09:00 is EDT (UTC-4): 13:00 UTC. In London they go back on 2024-10-27.
    const ny = { tz: "America/New_York", days: [1, 2, 3, 4, 5], open: "09:00", close: "17:00" };
    expect(channelHours(ny, Date.UTC(2024, 2, 9, 17, 0))).toEqual({ open: false, next: Date.UTC(2024, 2, 11, 13, 0) });
    const london = { tz: "Europe/London", days: [1], open: "00:30", close: "17:00" };
    expect(channelHours(london, Date.UTC(2024, 9, 26, 12, 0))).toEqual({ open: false, next: Date.UTC(2024, 9, 28, 0, 30) });
  });

  it("reads a close of 24:00 as the end of the day", () => {
    const allDay = { tz: "Asia/Karachi", days: [3], open: "09:00", close: "24:00" };
    // Wednesday 23:30 and Thursday 00:30 in Karachi.
    expect(channelHours(allDay, Date.UTC(2025, 0, 15, 18, 30))).toEqual({ open: true });
    expect(channelHours(allDay, Date.UTC(2025, 0, 15, 19, 30))).toEqual({ open: false, next: Date.UTC(2025, 0, 22, 4, 0) });
  });

  it("gives up on malformed times and unknown zones", () => {
    expect(channelHours({ open: "9am", close: "18:00" }, wed1030)).toBeUndefined();
    expect(channelHours({ tz: "Mars/Olympus", open: "09:00", close: "18:00" }, wed1030)).toBeUndefined();
  });
});

describe("orderChannels", () => {
  const list = [ch("email", "a@b.co"), ch("phone", "+15550100100"), ch("whatsapp", "+15550100100"), ch("sms", "+15550100100")];
  const types = (l: Channel[]) => l.map((c) => c.type);

  it("keeps the configured order by default", () => {
    expect(types(orderChannels(list, undefined, []))).toEqual(["email", "phone", "whatsapp", "sms"]);
  });

  it("puts the visitor's preferred channel first", () => {
    expect(types(orderChannels(list, "sms", []))).toEqual(["sms", "email", "phone", "whatsapp"]);
  });

  it("uses the order of the first segment that has one, after the preferred channel", () => {
    const order = { loyal: ["whatsapp" as const, "phone" as const], new: ["sms" as const] };
    expect(types(orderChannels(list, undefined, ["returning", "loyal", "new"], order))).toEqual(["whatsapp", "phone", "email", "sms"]);
    expect(types(orderChannels(list, "email", ["loyal"], order))).toEqual(["email", "whatsapp", "phone", "sms"]);
  });

  it("ignores prototype keys as segment names", () => {
    expect(types(orderChannels(list, undefined, ["__proto__", "constructor"], {}))).toEqual(["email", "phone", "whatsapp", "sms"]);
  });
});
