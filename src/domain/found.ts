// Describes a cell value that was not what we expected, in words a marketer recognises ("the text “abc”").

import { asString, isBoolean, isNumber, isString } from "./builtins";
import { type Lang, t } from "./i18n";

const MAX_SHOWN = 40;

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined || (isString(value) && value.trim() === "");
}

/** Dates may come from another realm (the Apps Script runtime), so instanceof is not enough. */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]";
}

export function describeFound(value: unknown, lang: Lang): string {
  if (isBlank(value)) return t(lang, "found.blank");
  if (isString(value)) {
    const text = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return t(lang, "found.text", { text });
  }
  if (isNumber(value)) return t(lang, "found.number", { number: asString(value) });
  if (isBoolean(value)) return t(lang, "found.boolean", { value: value ? "TRUE" : "FALSE" });
  if (isDate(value)) return t(lang, "found.date");
  return t(lang, "found.other");
}
