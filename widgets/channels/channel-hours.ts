import type { Channel } from "../../src/index";

const DAYS = "SunMonTueWedThuFriSat";

/**
 * Whether a channel's opening `hours` include the instant `now` (epoch ms), read in the hours'
 * time zone; when closed, `next` is the instant it opens next (within a week). Hours that close
 * before they open run past midnight; a close of "24:00" is the end of the day. Undefined for a malformed time or an unknown time zone.
 * @example channelHours({ tz: "Asia/Karachi", days: [1, 2, 3, 4, 5], open: "09:00", close: "18:00" }, now)
 */
export const channelHours = (hours: NonNullable<Channel["hours"]>, now: number): { open: boolean; next?: number } | undefined => {
  try {
    // "24:00", the end of the day, is how many write a close at midnight.
    const mins = (s: string) => (/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(s) ? +s.slice(0, 2) * 60 + +s.slice(3) : NaN);
    const o = mins(hours.open);
    const c = mins(hours.close);
    if (isNaN(o + c)) return undefined;
    const f = new Intl.DateTimeFormat("en-US", { timeZone: hours.tz, weekday: "short", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    // [weekday, minutes since midnight] on the zone's clock at `ms`.
    const wall = (ms: number) => {
      const p: Record<string, string> = {};
      for (const { type, value } of f.formatToParts(ms)) p[type] = value;
      return [DAYS.indexOf(p.weekday!) / 3, (+p.hour! % 24) * 60 + +p.minute!] as const;
    };
    const [day, t] = wall(now);
    const on = (d: number) => !hours.days || hours.days.includes(d % 7);
    // Past midnight, overnight hours belong to the day they opened on: the previous one.
    if (o < c ? on(day) && o <= t && t < c : (on(day) && t >= o) || (on(day + 6) && t < c)) return { open: true };
    for (let d = 0; d < 8; d++)
      if (on(day + d) && (d || o > t)) {
        const at = now + ((d * 1440 + o - t) * 60 - new Date(now).getSeconds()) * 1e3;
        // Clocks changed on the way (DST): move by what the zone's clock then is off the opening time.
        return { open: false, next: at + (((o - wall(at)[1] + 2160) % 1440) - 720) * 6e4 };
      }
    return { open: false };
  } catch {
    // An unknown time zone (RangeError): the hours are not shown.
    return undefined;
  }
};
