// Reading cells of a table by column key, and writing rows back: a new block below the last row in one write, or
// the changed cells of one row as runs of adjacent columns. Text is written inert unless the column is plain text
// (a plain-text cell keeps "=..." as text already, and an apostrophe there would be kept as a character).
import { inertCell } from "../../domain/inert";
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

/** A cell value as the add-on writes it in a column of this tab. */
function writable(tab: TabSpec, key: string, value: unknown): unknown {
  const spec = tab.columns.find((c) => c.key === key);
  if (spec?.plainText) return value === null || value === undefined ? "" : String(value);
  return inertCell(value ?? "");
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
  ensureRows(sheet, first + records.length - 1);
  const block = records.map((record) => recordRow(t, tab, record, width));
  const range = sheet.getRange(first, 1, block.length, width);
  // The log's cells must stay text whatever a person did to the tab's formats: what reads back is what was hashed.
  if (options.plainText) range.setNumberFormat("@");
  range.setValues(block);
  return first;
}

/** A record as a row of cells of the given width, each value written as the column wants it. */
export function recordRow(
  t: KeyedTable,
  tab: TabSpec,
  record: Readonly<Record<string, unknown>>,
  width: number,
): unknown[] {
  const row: unknown[] = new Array(width).fill("");
  for (const [key, column] of t.index) {
    if (key in record) row[column - 1] = writable(tab, key, record[key]);
  }
  return row;
}

/** Writes some cells of one row: one setValues per run of adjacent columns. */
export function writeCells(t: KeyedTable, tab: TabSpec, row: number, values: Readonly<Record<string, unknown>>): void {
  const byColumn = new Map<number, unknown>();
  for (const [key, value] of Object.entries(values)) {
    const column = t.index.get(key);
    if (column !== undefined) byColumn.set(column, writable(tab, key, value));
  }
  for (const run of runs(byColumn))
    t.table.sheet.getRange(row, run.column, 1, run.values.length).setValues([run.values]);
}

export function ensureRows(sheet: SheetPort, lastRow: number): void {
  const max = sheet.getMaxRows();
  // Grown a step beyond what is needed, so the next appends find room (sizing.ts).
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max + GROWTH_ROWS);
}
