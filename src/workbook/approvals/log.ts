// The Approval log tab as the event log: rows read back as engine rows (null where a row is not one any more), with
// their sheet rows so a verdict can name the row a person sees; new sealed rows appended in one write, as text.
import { LOG_COLUMNS, type LogRow, readLogRow } from "../../domain/workflow";
import type { SpreadsheetPort } from "../shared/ports";
import { appendRecords, cellOf, type KeyedTable, keyed } from "../shared/rows";
import { findTab, readTable } from "../shared/table";
import { LOG_TAB } from "./tabs";

export interface LogRead extends KeyedTable {
  /** In sheet order; blank rows are not rows of the log and are skipped. */
  readonly rows: readonly (LogRow | null)[];
  /** The sheet row of each entry of `rows`. */
  readonly sheetRows: readonly number[];
  /** False when a column of the log is gone: nothing can be verified or appended then. */
  readonly complete: boolean;
}

/** Null when the workbook has no log tab. One getValues. */
export function readLog(ss: SpreadsheetPort): LogRead | null {
  const sheet = findTab(ss, LOG_TAB);
  if (!sheet) return null;
  const t = keyed(readTable(sheet, LOG_TAB));
  const complete = t.table.layout.missing.length === 0;
  const rows: (LogRow | null)[] = [];
  const sheetRows: number[] = [];
  for (const row of t.table.rows) {
    const values: Record<string, unknown> = {};
    for (const key of LOG_COLUMNS) values[key] = cellOf(t, row, key);
    rows.push(complete ? readLogRow(values) : null);
    sheetRows.push(row.row);
  }
  return { ...t, rows, sheetRows, complete };
}

/** The sheet row a verdict's 1-based log position stands for (past the end: the row after the last). */
export function sheetRowOf(log: LogRead | null, position: number): number {
  if (!log) return position + 1;
  const row = log.sheetRows[position - 1];
  if (row !== undefined) return row;
  const last = log.sheetRows[log.sheetRows.length - 1] ?? 1;
  return last + (position - log.sheetRows.length);
}

/** Appends sealed rows below the log's last row, every cell as text. */
export function appendLog(log: LogRead, rows: readonly LogRow[]): void {
  const records = rows.map((row) => {
    const record: Record<string, string> = {};
    for (const key of LOG_COLUMNS) record[key] = String(row[key]);
    return record;
  });
  appendRecords(log, LOG_TAB, records, { plainText: true });
}
