// Writes the tabs the add-on owns whole (Evaluation report, Scorecard, Monitor) and the rows it adds (Summaries,
// Lessons): whole ranges, one setValues per run of adjacent columns, so the number of calls does not grow with rows.
import { cellFor, inertCell } from "../../domain/inert";
import { setExactValues } from "../shared/cells";
import { columnIndex } from "../shared/columns";
import type { EnumValue, SheetPort } from "../shared/ports";
import { type TabSpec, tabName } from "../shared/spec";
import type { Table } from "../shared/table";

/** What a fresh cell shows in Sheets; leftover rows get it back when a report shrinks. */
export const PLAIN_FORMAT = "0.###############";
export const PERCENT_FORMAT = "0.0%";
export const NUMBER_FORMAT = "#,##0.##";
export const MONEY_FORMAT = "#,##0.00";

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
 * Replaces the data rows of an add-on-owned tab by `rows` (cells by column key): rows the previous write had beyond
 * the new ones are blanked in the same call. Columns a person added to the tab are left as they are.
 */
export function rewriteRows(table: Table, spec: TabSpec, rows: readonly Record_[], style: RowStyle = {}): void {
  const total = Math.max(rows.length, table.height - 1);
  if (total === 0) return;
  const plain = new Set(spec.columns.filter((c) => c.plainText || c.kind === "text").map((c) => c.key));
  for (const run of runsOf(table)) {
    const values: unknown[][] = new Array(total);
    const formats: string[][] = new Array(total);
    const weights: (string | null)[][] = new Array(total);
    const backgrounds: (string | null)[][] = new Array(total);
    for (let i = 0; i < total; i++) {
      const record = rows[i];
      const heading = record !== undefined && style.heading?.(i) === true;
      formats[i] = run.keys.map((key) => style.formats?.[key] ?? (plain.has(key) ? "@" : PLAIN_FORMAT));
      values[i] = run.keys.map((key, j) => {
        const value = record?.[key];
        return value === undefined || value === null ? "" : cellFor(value, formats[i]?.[j] ?? "");
      });
      weights[i] = run.keys.map(() => (heading ? "bold" : "normal"));
      backgrounds[i] = run.keys.map(() => (heading ? HEADING_BACKGROUND : null));
    }
    const range = table.sheet.getRange(2, run.first, total, run.keys.length);
    range.setNumberFormats(formats);
    range.setValues(values);
    if (style.heading) {
      range.setFontWeights(weights);
      range.setBackgrounds(backgrounds);
    }
  }
}

/** Appends rows below the last used row (cells by column key), one setValues over the located columns' span. */
export function appendRows(table: Table, rows: readonly Record_[]): number {
  if (rows.length === 0) return 0;
  const index = columnIndex(table.layout);
  const width = Math.max(table.width, ...index.values());
  const first = table.height + 1;
  const values = rows.map((record) => {
    const row: unknown[] = new Array(width).fill("");
    for (const [key, column] of index) {
      const value = record[key];
      if (value !== undefined && value !== null) row[column - 1] = value;
    }
    return row;
  });
  setExactValues(
    table.sheet.getRange(first, 1, values.length, width),
    { tab: table.name, row: first, column: 1 },
    values,
  );
  return first;
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
  const first = Math.min(...columns.map(([, c]) => c));
  const last = Math.max(...columns.map(([, c]) => c));
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

/**
 * Writes each block's series beside the report (date, reading, target) and one line chart per block over it; the
 * tab's earlier charts and series are removed first, so a refresh never piles charts up.
 */
/**
 * The width of the report itself: the header row up to its last label, stopping at the chart data block that
 * writeCharts put to its right on an earlier refresh (its caption starts with one of `chartCaptions`). Counting that
 * block as report columns would move the block further right on every refresh and leave the old one behind.
 */
export function reportWidthOf(header: readonly unknown[], chartCaptions: readonly string[]): number {
  const prefixes = chartCaptions.map((c) => c.trim()).filter((c) => c !== "");
  let width = 0;
  for (let i = 0; i < header.length; i++) {
    const text = String(header[i] ?? "").trim();
    if (text === "") continue;
    if (prefixes.some((p) => text.startsWith(p))) break;
    width = i + 1;
  }
  return width;
}

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
  sheet.getRange(1, firstColumn, rows.length, 3).setValues(rows);
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
