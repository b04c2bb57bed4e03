// Times as the spreadsheet shows them: the server writes the spreadsheet's time zone into the page (data-tz on
// <html>), and an instant is shown in that zone, worded as the server words it in cells and mails (domain timeText).
import { timeText } from "../../domain/dates";
import type { Lang } from "../../domain/i18n";

function parts(date: Date, timeZone: string | undefined): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(date);
}

/** "2 Mar 2026, 09:05" / "2026年3月2日 09:05" in the spreadsheet's zone; text that is no instant stays as it is. */
export function shownTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (iso === "" || Number.isNaN(date.getTime())) return iso;
  let found: Intl.DateTimeFormatPart[];
  try {
    found = parts(date, document.documentElement.dataset.tz || undefined);
  } catch {
    // A zone this browser does not know: its own zone rather than nothing.
    found = parts(date, undefined);
  }
  const n = (type: string) => Number(found.find((p) => p.type === type)?.value);
  return timeText([n("year"), n("month"), n("day"), n("hour"), n("minute")], lang);
}
