// Reads the emulated workbook into plain JSON for the preview page: each tab's evaluated display values and
// the formatting a person would see (bold headers, backgrounds, frozen rows, widths, notes).
import type { Emulator } from "../../test/emulator/index";

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
  toasts: { message: string; title: string }[];
  outbox: { from: string; to: string; subject: string; body: string; at: string }[];
  notice: { kind: "info" | "error"; text: string } | null;
}

const EXTRA_ROWS = 12;

export function snapshotWorkbook(emu: Emulator): WorkbookView {
  const ss = emu.spreadsheet;
  const tabs: TabView[] = ss.getSheets().map((sheet) => {
    const lastRow = sheet.getLastRow();
    const lastColumn = Math.max(sheet.getLastColumn(), 1);
    const shownRows = Math.min(sheet.getMaxRows(), Math.max(lastRow, 1) + EXTRA_ROWS);
    const range = sheet.getRange(1, 1, shownRows, lastColumn);
    return {
      name: sheet.getName(),
      hidden: sheet.isSheetHidden(),
      frozenRows: sheet.getFrozenRows(),
      widths: Array.from({ length: lastColumn }, (_, i) => sheet.getColumnWidth(i + 1)),
      rows: range.getDisplayValues(),
      formulas: range.getFormulas(),
      backgrounds: range.getBackgrounds(),
      bold: range.getFontWeights().map((r) => r.map((w) => w === "bold")),
      notes: range.getNotes(),
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
