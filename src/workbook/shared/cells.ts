// Turns a raw cell (what getValues returns) into the value a column's schema expects: trimmed text, lists, ISO
// dates in the spreadsheet's time zone, numbers. A value that does not fit is passed on as it is, so validation
// reports it with what was actually found.

import { asString, isBoolean, isString } from "../../domain/builtins";
import { isBlank, isDate } from "../../domain/found";
import { CELL_LIMIT, cellFor, tooLongForCell } from "../../domain/inert";
import { splitList } from "../../domain/lists";
import type { RangePort } from "./ports";
import type { ColumnSpec } from "./spec";

/** A cell as text: strings trimmed, blank for nothing, anything else as String() writes it. */
export function cellText(value: unknown): string {
  return isString(value) ? value.trim() : value === null || value === undefined ? "" : asString(value);
}

/** Formats a date cell as YYYY-MM-DD in the spreadsheet's time zone (the server passes Utilities.formatDate). */
export type DateFormatter = (date: Date) => string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export { isDate };

function asText(value: unknown, formatDate: DateFormatter): string {
  if (isBlank(value)) return "";
  if (isString(value)) return value.trim();
  if (isBoolean(value)) return value ? "TRUE" : "FALSE";
  if (isDate(value)) return formatDate(value);
  return asString(value);
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
      if (isString(raw) && ISO_DATE.test(raw.trim())) return raw.trim();
      return raw;
    case "money":
    case "number":
      if (isBlank(raw)) return null;
      return raw;
    case "choice": {
      const choice = column.choice;
      if (isBlank(raw)) return choice ? choice.blank : null;
      if (!isString(raw) || !choice) return raw;
      return choice.parse(raw) ?? raw;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing: what is written reads back as exactly that value

/**
 * Refuses a block (first cell at row, column) before it is written when one of its values is too long: a "CellTooLong"
 * error that names the tab, row and column.
 */
export function checkLengths(tab: string, row: number, column: number, block: readonly (readonly unknown[])[]): void {
  for (let i = 0; i < block.length; i++) {
    const cells = block[i] ?? [];
    for (let j = 0; j < cells.length; j++) {
      const v = cells[j];
      if (!tooLongForCell(v)) continue;
      const at = `${tab}!R${row + i}C${column + j}`;
      const error = Error(
        `${at}: ${asString(v).length} characters is more than the ${CELL_LIMIT} a cell holds; nothing was written.`,
      );
      error.name = "CellTooLong";
      throw error;
    }
  }
}

/**
 * Writes values so that each string reads back as exactly that string: bare into plain-text cells, with an apostrophe
 * where Sheets would parse it elsewhere. The cells' formats are read in one call unless the caller just set them.
 * Text a cell cannot hold is refused before anything is written.
 */
export function setExactValues(
  range: RangePort,
  at: { readonly tab: string; readonly row: number; readonly column: number },
  values: readonly (readonly unknown[])[],
  formats?: readonly (readonly string[])[],
): void {
  checkLengths(at.tab, at.row, at.column, values);
  const known = formats ?? range.getNumberFormats();
  range.setValues(values.map((row, i) => row.map((v, j) => cellFor(v ?? "", known[i]?.[j] ?? ""))));
}
