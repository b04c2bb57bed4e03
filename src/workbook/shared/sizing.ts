// How big a tab's grid is kept. A spreadsheet holds at most 10 million cells, counted over every tab's grid whether
// the cells are used or not, and Sheets gives a new tab 1,000 rows x 26 columns: eighteen such tabs spend 468,000
// cells on nothing. So tabs are kept to their columns (plus one spare where people type), and to their rows plus a
// few spare; they grow
// when the add-on appends (insertRowsAfter: the new rows take the formats and dropdowns of the row above) and when a
// person adds rows in Sheets. A range past the grid is refused by Sheets, so every writer grows the grid first.

import { max } from "../../domain/builtins";
import type { SheetPort } from "./ports";
import type { TabKey } from "./spec";

/** Tabs the add-on rewrites whole (the reports): each write sizes the grid to the report. */
const REWRITTEN: ReadonlySet<TabKey> = new Set<TabKey>(["evaluation", "scorecard", "monitor", "variance"]);

/** Tabs only the add-on appends to. */
const APPENDED: ReadonlySet<TabKey> = new Set<TabKey>(["log", "notifications", "summaries"]);

/**
 * Empty columns kept right of a tab's last column: one where people type (room for their own note column), none
 * where only the add-on writes (on the Approval log, 20,000 events a year, a spare column is 20,000 cells).
 */
export function spareColumns(tab: TabKey): number {
  return REWRITTEN.has(tab) || APPENDED.has(tab) ? 0 : 1;
}

/**
 * Rows added at once when an append finds the grid full: one insertRowsAfter per this many appended rows, instead of
 * one per append (a write call costs far more than the few empty cells).
 */
export const GROWTH_ROWS = 50;

/**
 * Empty rows kept below a tab's last row: one below a report (it is rewritten to its size), a growth step where the
 * add-on appends, a few dozen where people type rows in by hand, so they need not add rows for every campaign.
 */
export function spareRows(tab: TabKey): number {
  if (REWRITTEN.has(tab)) return 1;
  if (APPENDED.has(tab)) return GROWTH_ROWS;
  return 50;
}

/**
 * Setup trims a tab only when it holds more empty rows than this beyond its spare rows, so a tab a person just
 * lengthened in Sheets is not shortened at once, and a re-run has nothing to do.
 */
export const TRIM_SLACK_ROWS = 100;

/** The rows a tab keeps: its header, its used rows and its spare rows; at least 2 (row 2 carries the dropdowns). */
export function rowsToKeep(tab: TabKey, usedRows: number): number {
  return max(2, max(usedRows, 1) + spareRows(tab));
}

/** The columns a tab keeps: what is used (ours and a person's) and the spare. */
export function columnsToKeep(tab: TabKey, usedColumns: number): number {
  return max(1, usedColumns) + spareColumns(tab);
}

/**
 * Makes the grid at least `rows` x `columns` (insertRowsAfter/insertColumnsAfter: the new cells take the formats
 * and validation of the last row or column). `known` passes sizes already read, to spare the calls.
 */
export function ensureGrid(
  sheet: SheetPort,
  rows: number,
  columns: number,
  known: { readonly maxRows?: number; readonly maxColumns?: number } = {},
): void {
  if (rows > 0) {
    const maxRows = known.maxRows ?? sheet.getMaxRows();
    if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  }
  if (columns > 0) {
    const maxColumns = known.maxColumns ?? sheet.getMaxColumns();
    if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  }
}

/**
 * Deletes empty rows below `keep` when there are more than `slack` of them (a person's rows are below `keep` only
 * if the caller counted them in). Returns whether it deleted.
 */
export function trimRows(sheet: SheetPort, keep: number, maxRows: number, slack = 0): boolean {
  if (maxRows - keep <= slack || keep < 1) return false;
  sheet.deleteRows(keep + 1, maxRows - keep);
  return true;
}

/** Deletes empty columns right of `keep`. Returns whether it deleted. */
export function trimColumns(sheet: SheetPort, keep: number, maxColumns: number): boolean {
  if (maxColumns <= keep || keep < 1) return false;
  sheet.deleteColumns(keep + 1, maxColumns - keep);
  return true;
}
