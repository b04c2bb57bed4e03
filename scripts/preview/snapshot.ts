// Reads the emulated workbook into plain JSON for the preview page: each tab's evaluated display values and
// the formatting a person would see (bold headers, backgrounds, frozen rows, widths, notes), the messages behind
// error cells, and the charts the add-on inserted, as data the page draws.
import type { Emulator } from "../../test/emulator/index";
import type { FakeChart } from "../../test/emulator/spreadsheet/spreadsheet";
import type { FrameKey } from "./i18n";

/** A chart as the add-on built it: its type, title and anchor, and the series read from its ranges. */
export interface ChartView {
  id: number;
  type: string;
  title: string;
  /** 1-based anchor cell and pixel offsets, as EmbeddedChartBuilder.setPosition took them. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  /** The data ranges in A1 notation, for a person checking what is drawn. */
  ranges: string[];
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface TabView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  widths: number[];
  rows: string[][];
  formulas: string[][];
  backgrounds: string[][];
  bold: boolean[][];
  notes: string[][];
  /** Error messages by A1 cell (the custom function's message behind #ERROR!). */
  errors: Record<string, string>;
  charts: ChartView[];
}

export interface WorkbookView {
  name: string;
  locale: string;
  timeZone: string;
  activeSheet: string;
  activeRange: { sheet: string; a1: string; row: number; column: number; rows: number; columns: number } | null;
  tabs: TabView[];
}

/** Everything the preview page draws, as GET /api/state and every action return it. */
export interface PreviewState {
  user: string;
  users: readonly { email: string; role: string }[];
  now: string;
  workbook: WorkbookView;
  menu: { caption: string; functionName: string }[];
  sidebar: { id: number; title: string; kind: string } | null;
  outbox: { from: string; to: string; subject: string; body: string; at: string }[];
  notice: { kind: "info" | "error"; text: string } | null;
  /** A dialog a script is waiting on (Ui.alert or Ui.prompt): the page shows it modal until answered. */
  dialog: { id: number; kind: "alert" | "prompt"; title: string; prompt: string; buttons: string[] } | null;
  /** Toasts with increasing ids, so the page shows each once. */
  toastLog: { id: number; message: string; title: string }[];
  /** Set when --locale asked for another language than the saved workbook's. */
  localeMismatch: { saved: string; asked: string } | null;
  /** Words of the preview's frame, in the workbook's language. */
  frame: Record<FrameKey, string>;
}

const EXTRA_ROWS = 12;
const EXTRA_COLUMNS = 6;
/** Sheets draws a chart 600 × 371 px unless told otherwise; the page needs its width to fit the grid around it. */
export const CHART_WIDTH_COLUMNS = 7;

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function toNumber(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * A chart's data as Sheets reads it: the ranges side by side, the first row as series names when `headers` is 1
 * (or when it holds text over numbers), the first column as the labels when `useFirstColumnAsDomain` is set.
 */
function chartView(chart: FakeChart): ChartView {
  const ranges = chart.getRanges();
  const options = chart.getOptionsRecorded();
  const columns: { values: unknown[]; display: string[] }[] = [];
  for (const range of ranges) {
    const values = range.getValues();
    const display = range.getDisplayValues();
    for (let c = 0; c < range.getNumColumns(); c++) {
      columns.push({ values: values.map((r) => r[c]), display: display.map((r) => r[c] ?? "") });
    }
  }
  const height = Math.max(0, ...columns.map((c) => c.values.length));
  const guessHeaders =
    columns.length > 1 &&
    columns.slice(1).every((c) => toNumber(c.values[0]) === null) &&
    columns.slice(1).some((c) => c.values.slice(1).some((v) => toNumber(v) !== null));
  const headers = typeof options.headers === "number" ? options.headers : guessHeaders ? 1 : 0;
  const domain =
    options.useFirstColumnAsDomain === true || (options.useFirstColumnAsDomain === undefined && columns.length > 1);
  const data = domain ? columns.slice(1) : columns;
  const rows = Array.from({ length: Math.max(0, height - headers) }, (_, i) => i + headers);
  const labels = domain ? rows.map((r) => columns[0]?.display[r] ?? "") : rows.map((r) => String(r + 1));
  const [anchorRow, anchorColumn, offsetX, offsetY] = chart.model.position ?? [1, 1, 0, 0];
  return {
    id: chart.getChartId() ?? 0,
    type: chart.getType() ?? "LINE",
    title: typeof options.title === "string" ? options.title : "",
    anchor: { row: anchorRow, column: anchorColumn, offsetX, offsetY },
    ranges: ranges.map((r) => r.getA1Notation()),
    labels,
    series: data.map((c, i) => ({
      name: headers > 0 ? (c.display[0] ?? "") : `${columnLetter(i + 1)}`,
      values: rows.map((r) => toNumber(c.values[r])),
    })),
  };
}

export function snapshotWorkbook(emu: Emulator): WorkbookView {
  const ss = emu.spreadsheet;
  const tabs: TabView[] = ss.getSheets().map((sheet) => {
    const lastRow = sheet.getLastRow();
    const charts = (sheet.getCharts() as FakeChart[]).map((chart) => chartView(chart));
    // The grid goes a few columns past the data (a person may type there, as in Sheets), and far enough for the
    // charts anchored to its right.
    const lastColumn = Math.max(sheet.getLastColumn(), 1);
    const shownColumns = Math.max(
      8,
      Math.min(sheet.getMaxColumns(), lastColumn + EXTRA_COLUMNS),
      ...charts.map((c) => c.anchor.column + CHART_WIDTH_COLUMNS),
    );
    const readColumns = Math.min(shownColumns, sheet.getMaxColumns());
    const shownRows = Math.min(sheet.getMaxRows(), Math.max(lastRow, 1) + EXTRA_ROWS);
    const range = sheet.getRange(1, 1, shownRows, readColumns);
    const rows = range.getDisplayValues();
    const errors: Record<string, string> = {};
    const quoted = `'${sheet.getName().replace(/'/g, "''")}'`;
    for (const [r, row] of rows.entries()) {
      for (const [c, text] of row.entries()) {
        if (!/^#[A-Z0-9/!?]+[!?A]?$/.test(text)) continue;
        const a1 = `${columnLetter(c + 1)}${r + 1}`;
        const message = ss.getErrorMessage(`${quoted}!${a1}`);
        if (message) errors[a1] = message;
      }
    }
    return {
      name: sheet.getName(),
      hidden: sheet.isSheetHidden(),
      frozenRows: sheet.getFrozenRows(),
      widths: Array.from({ length: shownColumns }, (_, i) => sheet.getColumnWidth(i + 1)),
      rows,
      formulas: range.getFormulas(),
      backgrounds: range.getBackgrounds(),
      bold: range.getFontWeights().map((r) => r.map((w) => w === "bold")),
      notes: range.getNotes(),
      errors,
      charts,
    };
  });
  const active = ss.getActiveRange();
  return {
    name: ss.getName(),
    locale: ss.getSpreadsheetLocale(),
    timeZone: ss.getSpreadsheetTimeZone(),
    activeSheet: ss.getActiveSheet().getName(),
    activeRange: active
      ? {
          sheet: active.getSheet().getName(),
          a1: active.getA1Notation(),
          row: active.getRow(),
          column: active.getColumn(),
          rows: active.getNumRows(),
          columns: active.getNumColumns(),
        }
      : null,
    tabs,
  };
}
