// Calendar-date checks shared by every reader of the workbook (workflow, budget control, monitoring): one rule for what a date is.
import { asNumber, asString } from "./builtins";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A real calendar day written YYYY-MM-DD (2026-02-29 and 2026-02-30 are not). Plain arithmetic on the proleptic
 * Gregorian calendar: Date.UTC would read the years 0000-0099 as 1900-1999.
 */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const year = asNumber(m[1]);
  const month = asNumber(m[2]);
  const day = asNumber(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= days;
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

/**
 * A moment as people read it in the workbook's language, from its wall-clock parts in the spreadsheet's time zone
 * ([year, month 1-12, day, hour, minute]): "2 Mar 2026, 09:05" (the day before the month, never ambiguous), and
 * "2026年3月2日 09:05". The server takes the parts from Utilities.formatDate, the sidebars from Intl: one wording.
 */
export function timeText([year, month, day, hour, minute]: readonly number[], lang: "en" | "zh"): string {
  const hm = `${asString(hour).padStart(2, "0")}:${asString(minute).padStart(2, "0")}`;
  return lang === "zh" ? `${year}年${month}月${day}日 ${hm}` : `${day} ${MONTHS[(month ?? 1) - 1]} ${year}, ${hm}`;
}
