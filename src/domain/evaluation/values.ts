// Tolerant readers for cell values as the workbook layer decodes them, and the whole-day date arithmetic the rules use.

import {
  asNumber,
  asString,
  dateParse,
  finiteNumber,
  isBoolean,
  isNumber,
  isString,
  NOT_A_NUMBER,
  numberIsNaN,
} from "../builtins";
import { isIsoDate } from "../dates";
import { isBlank } from "../found";
import { readListWith } from "../lists";
import { compareCodeUnits as compareText } from "../workflow/json";
import { normalizeEmail } from "../workflow/model";

export { compareText, isBlank, isIsoDate, normalizeEmail };

/** A feedback's follow-up: blank reads as open (a low rating nobody has dealt with still waits). */
export const FOLLOW_UPS = ["open", "progress", "done", "none"] as const;

/** Text of a cell: trimmed, line endings unified; numbers and booleans as written, anything else empty. */
export function readText(value: unknown): string {
  if (isString(value)) return value.replace(/\r\n?/g, "\n").trim();
  if (finiteNumber(value)) return asString(value);
  if (isBoolean(value)) return value ? "TRUE" : "FALSE";
  return "";
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number from a cell: finite numbers as they are, decimal text converted (a text-formatted cell still counts),
 * null when blank, NaN for anything else (text, booleans, dates, infinities).
 */
export function readNumber(value: unknown): number | null {
  if (isBlank(value)) return null;
  if (isNumber(value)) return finiteNumber(value) ? value : NOT_A_NUMBER;
  if (isString(value)) {
    const text = value.trim().replace(/,/g, "");
    return DECIMAL.test(text) ? asNumber(text) : NOT_A_NUMBER;
  }
  return NOT_A_NUMBER;
}

/** A list typed into one cell ("Email, Social；Events") or given as an array: trimmed, blanks and repeats dropped. */
export function readList(value: unknown): string[] {
  return readListWith(value, readText);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
export const MS_PER_DAY = 86_400_000;

/** An instant with its offset, e.g. 2026-03-05T09:00:00+08:00 (how the server writes times). */
export function isIsoInstant(text: string): boolean {
  const m = ISO_INSTANT.exec(text);
  return m !== null && isIsoDate(m[1] ?? "") && !numberIsNaN(dateParse(text));
}

/**
 * Days since 1970-01-01 of an ISO date. Calendar days, not instants: the dates in the workbook are already
 * local to the spreadsheet's time zone, so no offset may shift them.
 */
export function dayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return NOT_A_NUMBER;
  return Date.UTC(asNumber(m[1]), asNumber(m[2]) - 1, asNumber(m[3])) / MS_PER_DAY;
}

/** The spreadsheet-local date of an instant the server wrote in the spreadsheet's time zone: its first ten characters. */
export function localDateOf(instant: string): string {
  return instant.slice(0, 10);
}

/** Milliseconds since the epoch of an instant with offset; NaN when it is not one. */
export function instantMs(instant: string): number {
  return isIsoInstant(instant) ? dateParse(instant) : NOT_A_NUMBER;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Lower-cased, de-duplicated, sorted: one canonical form for a recipient list. */
export function emailSet(emails: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const e of emails) {
    const n = normalizeEmail(e);
    if (n !== "") set.add(n);
  }
  return [...set].sort(compareText);
}

/** How labels and indicators are matched: case, width and spacing do not matter ("ＣＰＬ " is "cpl"). */
export function foldText(text: string): string {
  return text.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
