// Turns a raw cell (what getValues returns) into the value a column's schema expects: trimmed text, lists, ISO
// dates in the spreadsheet's time zone, numbers. A value that does not fit is passed on as it is, so validation
// reports it with what was actually found.
import { isBlank } from "../../domain/found";
import { splitList } from "../../domain/lists";
import type { ColumnSpec } from "./spec";

/** Formats a date cell as YYYY-MM-DD in the spreadsheet's time zone (the server passes Utilities.formatDate). */
export type DateFormatter = (date: Date) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates may come from another realm (the Apps Script runtime), so instanceof is not enough. */
export function isDate(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]";
}

function asText(value: unknown, formatDate: DateFormatter): string {
  if (isBlank(value)) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return formatDate(value);
  return String(value);
}

export function decodeCell(column: ColumnSpec, raw: unknown, formatDate: DateFormatter): unknown {
  switch (column.kind) {
    case "any":
      return raw;
    case "text":
      return asText(raw, formatDate);
    case "list":
      return splitList(asText(raw, formatDate));
    case "date":
      if (isBlank(raw)) return null;
      if (isDate(raw)) return formatDate(raw);
      if (typeof raw === "string" && ISO_DATE.test(raw.trim())) return raw.trim();
      return raw;
    case "money":
    case "number":
      if (isBlank(raw)) return null;
      return raw;
    case "choice": {
      const choice = column.choice;
      if (isBlank(raw)) return choice ? choice.blank : null;
      if (typeof raw !== "string" || !choice) return raw;
      return choice.parse(raw) ?? raw;
    }
  }
}
