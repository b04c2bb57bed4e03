// Reading cells of a table by column key, and writing rows back: a new block below the last row in one write, or
// the changed cells of one row as runs of adjacent columns. Text must read back exactly as written whatever a person
// did to the column's format, so each write first reads the number formats of the cells it writes (one call per
// range) and writes text bare into plain-text cells and with an apostrophe where Sheets would parse it elsewhere.
// Text longer than a cell holds is refused before anything of the write is made.

import { asString } from "../../domain/builtins";
import { cellFor, inertCell } from "../../domain/inert";
import { checkLengths } from "./cells";
import { columnIndex } from "./columns";
import type { SheetPort } from "./ports";
import { runs } from "./setup-plan";
import { GROWTH_ROWS } from "./sizing";
import type { TabSpec } from "./spec";
import type { Table, TableRow } from "./table";

export interface KeyedTable {
  readonly table: Table;
  /** Column number (1-based) by key. */
  readonly index: ReadonlyMap<string, number>;
}

export function keyed(table: Table): KeyedTable {
  return { table, index: columnIndex(table.layout) };
}

export function cellOf(t: KeyedTable, row: TableRow, key: string): unknown {
  const column = t.index.get(key);
  return column === undefined ? "" : row.cells[column - 1];
}

/** A cell value as the add-on writes it into a cell of the given number format (unknown: the column's spec). */
function writable(tab: TabSpec, key: string, value: unknown, format?: string): unknown {
  const spec = tab.columns.find((c) => c.key === key);
  const v = value === null || value === undefined ? "" : spec?.plainText ? asString(value) : value;
  if (format !== undefined) return cellFor(v, format);
  return spec?.plainText ? v : inertCell(v);
}

/**
 * Appends records below the table's last row in one write (inserting sheet rows first when the sheet is full).
 * Columns the add-on does not know stay blank. Returns the first new row.
 */
export function appendRecords(
  t: KeyedTable,
  tab: TabSpec,
  records: readonly Readonly<Record<string, unknown>>[],
  options: { readonly plainText?: boolean } = {},
): number {
  const { sheet } = t.table;
  const width = Math.max(t.table.width, ...t.index.values());
  const first = Math.max(t.table.height, 1) + 1;
  if (records.length === 0) return first;
  const raw = records.map((record) => recordRow(t, tab, record, width, null));
  checkLengths(t.table.name, first, 1, raw);
  ensureRows(sheet, first + records.length - 1);
  const range = sheet.getRange(first, 1, raw.length, width);
  // The log's cells must stay text whatever a person did to the tab's formats: what reads back is what was hashed.
  if (options.plainText) {
    const text: string[] = new Array(width).fill("@");
    range.setNumberFormat("@");
    range.setValues(records.map((record) => recordRow(t, tab, record, width, text)));
    return first;
  }
  const formats = range.getNumberFormats();
  range.setValues(records.map((record, i) => recordRow(t, tab, record, width, formats[i] ?? [])));
  return first;
}

/**
 * A record as a row of cells of the given width, each value written for its cell's number format (`formats`, as
 * getNumberFormats returns them), for the column's spec when the formats are not known, or as it is (null).
 */
export function recordRow(
  t: KeyedTable,
  tab: TabSpec,
  record: Readonly<Record<string, unknown>>,
  width: number,
  formats?: readonly string[] | null,
): unknown[] {
  const row: unknown[] = new Array(width).fill("");
  for (const [key, column] of t.index) {
    if (!(key in record)) continue;
    const value = record[key];
    row[column - 1] =
      formats === null ? (value ?? "") : writable(tab, key, value, formats ? (formats[column - 1] ?? "") : undefined);
  }
  return row;
}

/** Writes some cells of one row: one setValues per run of adjacent columns. */
export function writeCells(t: KeyedTable, tab: TabSpec, row: number, values: Readonly<Record<string, unknown>>): void {
  const byColumn = new Map<number, unknown>();
  const keyOf = new Map<number, string>();
  for (const [key, value] of Object.entries(values)) {
    const column = t.index.get(key);
    if (column === undefined) continue;
    byColumn.set(column, value ?? "");
    keyOf.set(column, key);
  }
  const planned = runs(byColumn);
  for (const run of planned) checkLengths(t.table.name, row, run.column, [run.values]);
  for (const run of planned) {
    const range = t.table.sheet.getRange(row, run.column, 1, run.values.length);
    const formats = range.getNumberFormats()[0] ?? [];
    range.setValues([run.values.map((v, j) => writable(tab, keyOf.get(run.column + j) ?? "", v, formats[j] ?? ""))]);
  }
}

export function ensureRows(sheet: SheetPort, lastRow: number): void {
  const max = sheet.getMaxRows();
  // Grown a step beyond what is needed, so the next appends find room (sizing.ts).
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max + GROWTH_ROWS);
}
