// Wall-clock time in an IANA time zone, as both emulated services need it: Utilities.formatDate and the spreadsheet's
// date serials. One Intl formatter per zone, kept (creating one is slow, using one is not).

export const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 1 = Monday ... 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const checkedZones = new Map<string, string>();

/**
 * Java treats an unknown zone id as GMT; Intl would throw. Java also reads custom ids such as GMT+8 or GMT+08:00, which
 * Intl lacks: whole hours become Etc/GMT-8 (Etc signs are inverted). Asked per formatted date, so each answer is kept.
 */
export function validZone(timeZone: string): string {
  let zone = checkedZones.get(timeZone);
  if (zone === undefined) {
    const custom = /^GMT([+-])(\d{1,2})(?::?(00))?$/.exec(timeZone);
    const candidate =
      custom && Number(custom[2]) <= 14 ? `Etc/GMT${custom[1] === "+" ? "-" : "+"}${Number(custom[2])}` : timeZone;
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: candidate });
      zone = candidate;
    } catch {
      zone = "GMT";
    }
    checkedZones.set(timeZone, zone);
  }
  return zone;
}

/** The calendar date and time an instant shows in the zone, to the second. Intl throws on an unknown zone. */
export function wallClock(ms: number, timeZone: string): WallClock {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: WEEKDAYS.indexOf(p.weekday ?? "") + 1,
  };
}
