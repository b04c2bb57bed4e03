// Writes the tabs the add-on owns whole (Evaluation report, Scorecard, Monitor) and the rows it adds (Summaries,
// Lessons): whole ranges, one setValues per run of adjacent columns, so the number of calls does not grow with rows.

import { asString, mathMin, max } from "../../domain/builtins";
import { cellFor, inertCell } from "../../domain/inert";
import { setExactValues } from "../shared/cells";
import { columnIndex } from "../shared/columns";
import type { EnumValue, SheetPort } from "../shared/ports";
import { ensureGrid, GROWTH_ROWS, rowsToKeep, trimRows } from "../shared/sizing";
import { type TabSpec, tabName } from "../shared/spec";

export { MONEY_FORMAT } from "../shared/spec";

import type { Table } from "../shared/table";

/** What a fresh cell shows in Sheets; leftover rows get it back when a report shrinks. */
export const PLAIN_FORMAT = "0.###############";
export const PERCENT_FORMAT = "0.0%";
export const NUMBER_FORMAT = "#,##0.##";

export type Record_ = Readonly<Record<string, unknown>>;

export interface RowStyle {
  /** Number format per column key; others get the plain format (text columns: "@"). */
  readonly formats?: Readonly<Record<string, string>>;
  /** Rows to set in bold with a shaded background (a campaign's heading row). */
  readonly heading?: (index: number) => boolean;
}

const HEADING_BACKGROUND = "#f1f3f4";

/** Consecutive runs of the tab's located columns, so a tab whose columns were moved apart still writes in few calls. */
function runsOf(table: Table): { first: number; keys: string[] }[] {
  const located = [...columnIndex(table.layout).entries()].sort((a, b) => a[1] - b[1]);
  const runs: { first: number; keys: string[] }[] = [];
  for (const [key, column] of located) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.keys.length === column) last.keys.push(key);
    else runs.push({ first: column, keys: [key] });
  }
  return runs;
}

/**
 * Replaces the data rows of an add-on-owned tab by `rows` (cells by column key), growing the grid first: rows the
 * previous write had beyond the new ones are deleted (or blanked in our columns, where a person's own cells sit in
 * them). Columns a person added to the tab are left as they are.
 */
export function rewriteRows(
  table: Table,
  spec: TabSpec,
  rows: readonly Record_[],
  style: RowStyle = {},
  /** Rows the grid keeps at least, for what the add-on writes beside the report (chartRows). */
  minRows = 0,
): void {
  // Rows below the report that still hold a person's own cells are blanked in our columns and kept; the rest of the
  // grid below the report is deleted, so the tab is as long as its report (cells count against the 10-million limit).
  const ours = new Set(columnIndex(table.layout).values());
  let theirs = 1;
  for (const r of table.rows) {
    if (r.cells.some((v, i) => !ours.has(i + 1) && v !== "" && v !== null && v !== undefined)) theirs = r.row;
  }
  const written = max(rows.length, theirs - 1);
  const maxRows = table.sheet.getMaxRows();
  const keep = max(rowsToKeep(spec.key, written + 1), minRows);
  ensureGrid(table.sheet, keep, 0, { maxRows });
  trimRows(table.sheet, keep, max(maxRows, keep));
  // What the previous report left in the rows that stay is blanked in the same write.
  const total = max(written, mathMin(table.height, keep) - 1);
  if (total === 0) return;
  const plain = new Set(spec.columns.filter((c) => c.plainText || c.kind === "text").map((c) => c.key));
  for (const run of runsOf(table)) {
    // Every row of a column has the column's format.
    const formats = run.keys.map((key) => style.formats?.[key] ?? (plain.has(key) ? "@" : PLAIN_FORMAT));
    const values: unknown[][] = [];
    const headings: boolean[] = [];
    for (let i = 0; i < total; i++) {
      const record = rows[i];
      headings.push(record !== undefined && style.heading?.(i) === true);
      values.push(
        run.keys.map((key, j) => {
          const value = record?.[key];
          return value === undefined || value === null ? "" : cellFor(value, formats[j] ?? "");
        }),
      );
    }
    const range = table.sheet.getRange(2, run.first, total, run.keys.length);
    range.setNumberFormats(values.map(() => formats));
    range.setValues(values);
    if (style.heading) {
      range.setFontWeights(headings.map((heading) => run.keys.map(() => (heading ? "bold" : "normal"))));
      range.setBackgrounds(headings.map((heading) => run.keys.map(() => (heading ? HEADING_BACKGROUND : null))));
    }
  }
}

/** Appends rows below the last used row (cells by column key), one setValues over the located columns' span. */
export function appendRows(table: Table, rows: readonly Record_[]): void {
  if (rows.length === 0) return;
  const index = columnIndex(table.layout);
  const width = max(table.width, ...index.values());
  const first = table.height + 1;
  const maxRows = table.sheet.getMaxRows();
  const last = first + rows.length - 1;
  if (last > maxRows) table.sheet.insertRowsAfter(maxRows, last - maxRows + GROWTH_ROWS);
  ensureGrid(table.sheet, 0, width);
  const values = rows.map((record) => {
    const row: unknown[] = new Array(width).fill("");
    for (const [key, column] of index) row[column - 1] = record[key] ?? "";
    return row;
  });
  setExactValues(
    table.sheet.getRange(first, 1, values.length, width),
    { tab: table.name, row: first, column: 1 },
    values,
  );
}

/**
 * Rewrites cells of one existing row (by column key) in one setValues over the span of those columns; the cells in
 * between that are not ours keep what they hold.
 */
export function writeRowCells(table: Table, row: number, cells: Record_): void {
  const index = columnIndex(table.layout);
  const columns = Object.keys(cells).flatMap((key) => {
    const column = index.get(key);
    return column === undefined ? [] : [[key, column] as const];
  });
  if (columns.length === 0) return;
  const first = mathMin(...columns.map(([, c]) => c));
  const last = max(...columns.map(([, c]) => c));
  const current = table.rows.find((r) => r.row === row)?.cells ?? [];
  const values = Array.from({ length: last - first + 1 }, (_, i) => current[first - 1 + i] ?? "");
  for (const [key, column] of columns) values[column - first] = cells[key] ?? "";
  // The cells in between are written back as read: text there must stay text too.
  setExactValues(table.sheet.getRange(row, first, 1, values.length), { tab: table.name, row, column: first }, [values]);
}

// ---------------------------------------------------------------------------------------------------------------
// The chart of one campaign's readings against their targets

export interface ChartBlock {
  readonly title: string;
  /** Header row: date label, the indicator, the target label. */
  readonly header: readonly [string, string, string];
  readonly points: readonly { readonly date: string; readonly value: number; readonly target: number }[];
}

export interface ChartApp {
  readonly ChartType: { readonly LINE: EnumValue };
}

/** The rows writeCharts needs: the series and the charts' anchors (one every 20 rows from row 2). */
export function chartRows(blocks: readonly ChartBlock[]): number {
  if (blocks.length === 0) return 0;
  const series = 1 + blocks.reduce((n, b) => n + b.points.length + 2, 0);
  return max(series, 2 + (blocks.length - 1) * 20);
}

/**
 * The width of the report itself: the header row up to its last label, stopping at the chart data block that
 * writeCharts put to its right on an earlier refresh (its caption starts with one of `chartCaptions`). Counting that
 * block as report columns would move the block further right on every refresh and leave the old one behind.
 */
export function reportWidthOf(header: readonly unknown[], chartCaptions: readonly string[]): number {
  const prefixes = chartCaptions.map((c) => c.trim()).filter((c) => c !== "");
  let width = 0;
  for (let i = 0; i < header.length; i++) {
    const text = asString(header[i] ?? "").trim();
    if (text === "") continue;
    if (prefixes.some((p) => text.startsWith(p))) break;
    width = i + 1;
  }
  return width;
}

/**
 * Writes each block's series beside the report (date, reading, target) and one line chart per block over it; the
 * tab's earlier charts and series are removed first, so a refresh never piles charts up.
 */
export function writeCharts(
  sheet: SheetPort,
  firstColumn: number,
  caption: string,
  blocks: readonly ChartBlock[],
  charts: ChartApp,
): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const lastRow = sheet.getLastRow();
  const oldWidth = sheet.getLastColumn() - firstColumn + 1;
  if (lastRow > 0 && oldWidth > 0) sheet.getRange(1, firstColumn, lastRow, oldWidth).clearContent();
  if (blocks.length === 0) return;
  const rows: unknown[][] = [[caption, "", ""]];
  const anchors: { row: number; height: number; block: ChartBlock }[] = [];
  for (const block of blocks) {
    const row = rows.length + 1;
    // Headers are text (an indicator's name); the points are the add-on's own dates and numbers, parsed on purpose.
    rows.push(block.header.map((v) => inertCell(v)));
    for (const p of block.points) rows.push([p.date, p.value, p.target]);
    anchors.push({ row, height: block.points.length + 1, block });
    rows.push(["", "", ""]);
  }
  // The series and the charts' anchors (column firstColumn + 4, every 20 rows) must lie inside the grid.
  ensureGrid(sheet, chartRows(blocks), firstColumn + 4);
  const block = sheet.getRange(1, firstColumn, rows.length, 3);
  // Columns the grid grew by take the report's text format: the series are dates and numbers, set as such first.
  block.setNumberFormats(rows.map(() => ["yyyy-mm-dd", PLAIN_FORMAT, PLAIN_FORMAT]));
  block.setValues(rows);
  anchors.forEach(({ row, height, block }, i) => {
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.LINE)
      .addRange(sheet.getRange(row, firstColumn, height, 3))
      .setPosition(2 + i * 20, firstColumn + 4, 0, 0)
      .setOption("title", block.title)
      .setOption("useFirstColumnAsDomain", true)
      .build();
    sheet.insertChart(chart);
  });
}

export { tabName };
