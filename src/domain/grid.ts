// Ranges as custom functions receive them: rows of cells, and their size. Shared by every family of custom functions.
import { isArray } from "./builtins";

/** Sheets passes a range as rows of cells; a 1-D array (from a caller that is not Sheets) is read as one column. */
export function asRows(value: readonly unknown[]): unknown[][] {
  return value.map((row) => (isArray(row) ? row : [row]));
}

/** Rows, and columns as the longest row has them (a ragged range is told apart by comparing each row with this). */
export function sizeOf(rows: readonly (readonly unknown[])[]): { rows: number; columns: number } {
  return { rows: rows.length, columns: rows.reduce((max, r) => Math.max(max, r.length), 0) };
}
