// Makes text the add-on writes into cells stay exactly that text. Sheets parses a string written into a cell whose
// format is not plain text as if a person had typed it: "=..." (and "+", "-", "@" starts) becomes a formula,
// "12%" 0.12, "1,000" 1000, "true" TRUE, "11/26/2026" a date, "9007199254740993" a number that loses digits, and a
// leading apostrophe is taken off. Such text gets one leading apostrophe, which Sheets keeps out of the value as a
// "show as text" marker. A plain-text ("@") cell keeps any string as it is (and would keep the apostrophe as a
// character), so there the text is written bare: the writer looks at the cell's format (workbook/shared/rows.ts).
import { isString } from "./builtins";

/** Sheets' limit for one cell: "Your input contains more than the maximum of 50000 characters in a single cell." */
export const CELL_LIMIT = 50_000;

/** Starts that make a formula (or that spreadsheet exports treat as one), and an apostrophe Sheets would eat. */
const SPECIAL_START = /^[=+\-@'\t\r\n\0]/;

/** Month and weekday words (English and Chinese) and clock markers, which still leave text a date or time. */
const DATE_WORDS =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a|p)\b|[年月日时時分秒点點上下午星期周]/gi;

/**
 * Whether Sheets would store something other than this exact string: a formula start or apostrophe, TRUE/FALSE in any
 * case, or text with a digit and nothing but number, percent, currency, date and time marks around it. It errs on the
 * side of quoting (a quoted string is stored exactly either way); text with other words in it is left alone.
 */
export function needsQuoting(text: string): boolean {
  if (text === "") return false;
  if (SPECIAL_START.test(text)) return true;
  const t = text.trim();
  // Sheets trims text before reading it as a number, a date or a boolean (not before "=": " =1" stays text).
  if (/^(?:true|false)$/i.test(t)) return true;
  if (!/\d/.test(t)) return false;
  const rest = t.replace(DATE_WORDS, "").replace(/[eE](?=[+-]?\d)/g, "");
  return !/[\p{L}]/u.test(rest);
}

/** Text that Sheets stores and shows as exactly `text` in a cell that is not plain text. */
export function inertText(text: string): string {
  return needsQuoting(text) ? `'${text}` : text;
}

/** A value for setValues into a cell that is not plain text: strings made inert, everything else as it is. */
export function inertCell<T>(value: T): T | string {
  return isString(value) ? inertText(value) : value;
}

/** A value for a cell with the given number format: bare in a plain-text ("@") cell, made inert elsewhere. */
export function cellFor<T>(value: T, format: string): T | string {
  return format === "@" ? value : inertCell(value);
}

/** Whether a value would be refused by Sheets for its length (the apostrophe does not count: it is not stored). */
export function tooLongForCell(value: unknown): boolean {
  return isString(value) && value.length > CELL_LIMIT;
}
