// The emulated spreadsheet's data: sheets as per-cell grids, and the objects anchored to rows/columns that move
// with structural edits (protections, named ranges, metadata, rules, charts).
import { Grid } from "./grid";
import type { Literal } from "./values";

/** A rectangle in a sheet, 1-based. Open ranges ("B:B", "B2:B", "2:2") extend to the sheet's edge. */
export interface Rect {
  sheetId: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
  openRows?: boolean;
  openCols?: boolean;
}

export interface ValidationRule {
  type: "VALUE_IN_LIST" | "NUMBER_GREATER_THAN_OR_EQUAL_TO" | "NUMBER_BETWEEN" | "DATE_IS_VALID_DATE" | "CHECKBOX";
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ProtectionModel {
  id: number;
  type: "RANGE" | "SHEET";
  sheetId: number;
  rect: Rect | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
}

export type MetadataLocation =
  | { type: "SPREADSHEET" }
  | { type: "SHEET"; sheetId: number }
  | { type: "COLUMN"; sheetId: number; start: number; count: number }
  | { type: "ROW"; sheetId: number; start: number; count: number };

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: "DOCUMENT" | "PROJECT";
  location: MetadataLocation;
}

export interface CondRuleModel {
  condition: { type: string; values: unknown[] } | null;
  background: string | null;
  fontColor: string | null;
  ranges: Rect[];
}

export interface ChartModel {
  id: number | null;
  type: string | null;
  ranges: Rect[];
  position: [number, number, number, number] | null;
  options: Record<string, unknown>;
}

export class SheetModel {
  readonly values = new Grid<Literal>();
  readonly formulas = new Grid<string>();
  readonly formats = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly backgrounds = new Grid<string>();
  readonly fontWeights = new Grid<string>();
  readonly wraps = new Grid<boolean>();
  readonly hAligns = new Grid<string>();
  readonly validations = new Grid<ValidationRule>();
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  hidden = false;
  tabColor: string | null = null;
  colWidths = new Map<number, number>();
  hiddenRows = new Set<number>();
  condRules: CondRuleModel[] = [];
  charts: ChartModel[] = [];

  constructor(
    public readonly id: number,
    public name: string,
  ) {}

  /** Grids whose cells move with the cell in row/column surgery. */
  allGrids(): Grid<unknown>[] {
    return this.gridEntries().map(([, grid]) => grid);
  }

  /** Grids whose settings a newly inserted row or column inherits from its neighbour, as in Sheets. */
  formatGrids(): Grid<unknown>[] {
    return [
      this.formats,
      this.backgrounds,
      this.fontWeights,
      this.wraps,
      this.hAligns,
      this.validations,
    ] as Grid<unknown>[];
  }

  gridEntries(): [string, Grid<unknown>][] {
    return [
      ["values", this.values],
      ["formulas", this.formulas],
      ["formats", this.formats],
      ["notes", this.notes],
      ["backgrounds", this.backgrounds],
      ["fontWeights", this.fontWeights],
      ["wraps", this.wraps],
      ["hAligns", this.hAligns],
      ["validations", this.validations],
    ] as [string, Grid<unknown>][];
  }
}

// ---------------------------------------------------------------- moving anchored things

/** Span [start, start+count) after inserting n at `at` (1-based, before `at`). */
export function spanAfterInsert(start: number, count: number, at: number, n: number): [number, number] {
  if (at <= start) return [start + n, count];
  if (at < start + count) return [start, count + n];
  return [start, count];
}

/** Span after deleting [at, at+n); null when the span is deleted entirely. */
export function spanAfterDelete(start: number, count: number, at: number, n: number): [number, number] | null {
  const end = start + count - 1;
  const delEnd = at + n - 1;
  if (delEnd < start) return [start - n, count];
  if (at > end) return [start, count];
  const overlap = Math.min(end, delEnd) - Math.max(start, at) + 1;
  const left = count - overlap;
  if (left <= 0) return null;
  return [Math.min(start, at), left];
}

/** New 1-based position of each old column after moveColumns(from, n, dest), per Apps Script's rule. */
export function columnOrder(total: number, from: number, n: number, dest: number): number[] {
  const order = Array.from({ length: total }, (_, i) => i + 1);
  const block = order.splice(from - 1, n);
  const insertAt = dest > from ? dest - 1 - n : dest - 1;
  order.splice(insertAt, 0, ...block);
  return order;
}

export type Structural =
  | { kind: "insertRows"; sheetId: number; at: number; n: number }
  | { kind: "deleteRows"; sheetId: number; at: number; n: number }
  | { kind: "insertCols"; sheetId: number; at: number; n: number }
  | { kind: "deleteCols"; sheetId: number; at: number; n: number }
  | { kind: "moveCols"; sheetId: number; order: number[] };

/**
 * A span along the axis a row or column insert/delete acts on, after it; null when the delete took all of it. An
 * open span (a whole column "B:B" along rows) keeps its count: it still runs to the sheet's edge.
 */
function moveSpan(
  start: number,
  count: number,
  open: boolean,
  op: Exclude<Structural, { kind: "moveCols" }>,
): [number, number] | null {
  if (op.kind === "insertRows" || op.kind === "insertCols") {
    const [at, n] = spanAfterInsert(start, count, op.at, op.n);
    return [at, open ? count : n];
  }
  if (open) return [start > op.at + op.n - 1 ? start - op.n : Math.min(start, op.at), count];
  return spanAfterDelete(start, count, op.at, op.n);
}

/** Moves a rectangle with a structural change; null when the change deleted it. */
export function moveRect(rect: Rect, op: Structural): Rect | null {
  if (rect.sheetId !== op.sheetId) return rect;
  switch (op.kind) {
    case "insertRows":
    case "deleteRows": {
      const s = moveSpan(rect.row, rect.rows, rect.openRows === true, op);
      return s ? { ...rect, row: s[0], rows: s[1] } : null;
    }
    case "insertCols":
    case "deleteCols": {
      const s = moveSpan(rect.col, rect.cols, rect.openCols === true, op);
      return s ? { ...rect, col: s[0], cols: s[1] } : null;
    }
    case "moveCols": {
      const first = op.order.indexOf(rect.col) + 1;
      return first > 0 ? { ...rect, col: first } : rect;
    }
  }
}

export function moveMetadata(location: MetadataLocation, op: Structural): MetadataLocation | null {
  if (location.type === "SPREADSHEET" || location.type === "SHEET" || location.sheetId !== op.sheetId) return location;
  const byRows = op.kind === "insertRows" || op.kind === "deleteRows";
  if ((location.type === "ROW") !== byRows) return location;
  if (op.kind === "moveCols") {
    const first = op.order.indexOf(location.start) + 1;
    return first > 0 ? { ...location, start: first } : location;
  }
  const s = moveSpan(location.start, location.count, false, op);
  return s ? { ...location, start: s[0], count: s[1] } : null;
}

export function rectsOverlap(a: Rect, b: Rect, maxRows: number, maxCols: number): boolean {
  if (a.sheetId !== b.sheetId) return false;
  const aRows = a.openRows ? maxRows - a.row + 1 : a.rows;
  const bRows = b.openRows ? maxRows - b.row + 1 : b.rows;
  const aCols = a.openCols ? maxCols - a.col + 1 : a.cols;
  const bCols = b.openCols ? maxCols - b.col + 1 : b.cols;
  return a.row < b.row + bRows && b.row < a.row + aRows && a.col < b.col + bCols && b.col < a.col + aCols;
}
