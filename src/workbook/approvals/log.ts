// The Approval log tab as the event log: rows read back as engine rows (null where a row is not one any more), with
// their sheet rows so a verdict can name the row a person sees; new sealed rows appended in one write, as text.

import { asString } from "../../domain/builtins";
import { LOG_COLUMNS, type LogRow, readLogRow } from "../../domain/workflow";
import { cachedColumns, rememberColumns } from "../shared/layouts";
import type { SpreadsheetPort } from "../shared/ports";
import { appendRecords, cellOf, type KeyedTable, keyed } from "../shared/rows";
import { findTab, readColumnMetadata, readTable, tableFromValues } from "../shared/table";
import { LOG_TAB } from "./tabs";

export interface LogRead extends KeyedTable {
  /** In sheet order; blank rows are not rows of the log and are skipped. */
  readonly rows: readonly (LogRow | null)[];
  /** The sheet row of each entry of `rows`. */
  readonly sheetRows: readonly number[];
  /** False when a column of the log is gone: nothing can be verified or appended then. */
  readonly complete: boolean;
  /** The log position (1-based, blank rows not counted) of `rows[0]`: 1 for a whole read, more for a tail. */
  readonly first: number;
}

function logRead(t: KeyedTable, first: number): LogRead {
  const complete = t.table.layout.missing.length === 0;
  const rows: (LogRow | null)[] = [];
  const sheetRows: number[] = [];
  for (const row of t.table.rows) {
    const values: Record<string, unknown> = {};
    for (const key of LOG_COLUMNS) values[key] = cellOf(t, row, key);
    rows.push(complete ? readLogRow(values) : null);
    sheetRows.push(row.row);
  }
  return { ...t, rows, sheetRows, complete, first };
}

/** Null when the workbook has no log tab. One getValues. */
export function readLog(ss: SpreadsheetPort): LogRead | null {
  const sheet = findTab(ss, LOG_TAB);
  if (!sheet) return null;
  return logRead(keyed(readTable(sheet, LOG_TAB)), 1);
}

/**
 * The log from sheet row `fromRow` (log position `position`) to its end, and its header: what a read costs does not
 * depend on the rows above. Null when there is no log tab or it ends above `fromRow` (rows were cut: read it whole).
 */
export function readLogFrom(ss: SpreadsheetPort, fromRow: number, position: number): LogRead | null {
  const sheet = findTab(ss, LOG_TAB);
  if (!sheet || fromRow < 2) return null;
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  if (lastRow < fromRow || width < 1) return null;
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  let metadata = cachedColumns(sheet, LOG_TAB, header);
  if (!metadata) {
    metadata = readColumnMetadata(sheet);
    rememberColumns(sheet, LOG_TAB, header, metadata);
  }
  const values = sheet.getRange(fromRow, 1, lastRow - fromRow + 1, width).getValues();
  const table = tableFromValues(sheet, LOG_TAB, [header, ...values], metadata);
  // Numbered as if the values followed the header; they start at fromRow.
  const rows = table.rows.map((r) => ({ row: r.row - 2 + fromRow, cells: r.cells }));
  return logRead(keyed({ ...table, rows, height: lastRow }), position);
}

/** The sheet row a verdict's 1-based log position stands for (past the end: the row after the last). */
export function sheetRowOf(log: LogRead | null, position: number): number {
  if (!log) return position + 1;
  const index = position - log.first;
  const row = log.sheetRows[index];
  if (row !== undefined) return row;
  const last = log.sheetRows[log.sheetRows.length - 1] ?? 1;
  return last + (index + 1 - log.sheetRows.length);
}

/** Appends sealed rows below the log's last row, every cell as text; returns the sheet row of the first. */
export function appendLog(log: LogRead, rows: readonly LogRow[]): number {
  const records = rows.map((row) => {
    const record: Record<string, string> = {};
    for (const key of LOG_COLUMNS) record[key] = asString(row[key]);
    return record;
  });
  return appendRecords(log, LOG_TAB, records, { plainText: true });
}
