// The emulated Spreadsheet service: Spreadsheet, Sheet and Range over the cell store, with Sheets' value
// semantics, protections, validation, metadata, structural edits, call counting and custom-function read-only mode.
import type { RawCellContent } from "hyperformula";
import type * as P from "../../../src/workbook/shared/ports";
import { cellA1, columnToLetters, parseA1, quoteSheetName } from "./a1";
import { Engine, type EngineModel, toEngineFormula } from "./engine";
import {
  ChartType,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumName,
  ProtectionType,
} from "./enums";
import type { CreateSpreadsheetOptions, SpreadsheetHost, UserEditResult } from "./host";
import {
  type ChartModel,
  type CondRuleModel,
  columnOrder,
  type MetadataModel,
  moveMetadata,
  moveRect,
  type ProtectionModel,
  type Rect,
  rectsOverlap,
  SheetModel,
  type Structural,
  type ValidationRule,
} from "./model";
import {
  CELL_CHAR_LIMIT,
  CELL_LIMIT_MESSAGE,
  dateToSerial,
  defaultDateFormat,
  formatValue,
  isDateFormat,
  isTextFormat,
  type Literal,
  type Parsed,
  parseInput,
  serialToDate,
} from "./values";

/** Errors thrown by the emulated services read like Apps Script's ("Exception: ..."). */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Exception";
  }
}

function fail(message: string): never {
  throw new AppsScriptException(message);
}

/**
 * A spreadsheet holds at most 10 million cells, counted over every sheet's grid (rows x columns, empty or not):
 * "Up to 10 million cells or 18,278 columns (column ZZZ)" (Google Drive Help, "Files you can store in Google Drive").
 */
export const CELL_LIMIT = 10_000_000;
export const MSG_CELL_LIMIT = `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`;
/** A range that reaches past the sheet's last row or column: Sheets refuses it when the range is asked for. */
export const MSG_OUTSIDE_SHEET = "The coordinates of the range are outside the dimensions of the sheet.";
/** What a sheet inserted by insertSheet() measures in Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export const PROTECTED_MESSAGE =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
/** Sheets Help Center, "Files you can store in Google Drive": up to 50,000 characters in a cell. */
const METADATA_RANGE_MESSAGE =
  "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.";

/** An evaluated cell: a literal or formula result, or an error with its message. */
interface Evaluated {
  value: Literal | null;
  /** Formula results the engine types as dates (TODAY(), DATE(), a custom function returning a Date). */
  engineDate: boolean;
  error: { code: string; message: string } | null;
}

interface SheetState {
  id: number;
  name: string;
  hidden: boolean;
  tabColor: string | null;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  colWidths: [number, number][];
  hiddenRows: number[];
  grids: Record<string, unknown[][]>;
  condRules: CondRuleModel[];
  charts: ChartModel[];
}

/** Everything a spreadsheet holds, JSON-safe (dates are serial numbers, as in the cells). */
export interface SpreadsheetState {
  version: 1;
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  owner: string;
  sheets: SheetState[];
  activeSheetId: number;
  activeRange: Rect | null;
  namedRanges: [string, Rect][];
  metadata: MetadataModel[];
  protections: ProtectionModel[];
  nextIds: { sheet: number; metadata: number; protection: number; chart: number };
}

let spreadsheetCounter = 0;

// ================================================================ Spreadsheet

export class FakeSpreadsheet implements P.SpreadsheetPort, EngineModel {
  readonly engine: Engine;
  readonly sheets: SheetModel[] = [];
  namedRanges = new Map<string, Rect>();
  metadata: MetadataModel[] = [];
  protections: ProtectionModel[] = [];
  activeSheetId = 0;
  activeRange: Rect | null = null;
  nextIds = { sheet: 0, metadata: 1, protection: 1, chart: 1 };
  private readonly sheetApis = new Map<number, FakeSheet>();
  readonly id: string;
  name: string;
  readonly locale: string;
  timeZone: string;
  readonly owner: string;

  constructor(
    readonly host: SpreadsheetHost,
    options: CreateSpreadsheetOptions,
    firstSheet = true,
  ) {
    spreadsheetCounter++;
    this.id = options.id ?? `1emu${String(spreadsheetCounter).padStart(6, "0")}spreadsheet${Date.now().toString(36)}`;
    this.name = options.name;
    this.locale = options.locale;
    this.timeZone = options.timeZone;
    this.owner = options.owner;
    this.engine = new Engine(this);
    if (firstSheet) {
      // A new spreadsheet has one sheet; its name follows the locale, as in Sheets.
      this.addSheetModel(this.locale.startsWith("zh") ? "工作表1" : "Sheet1", 0);
    }
  }

  // ---------------------------------------------------------------- plumbing

  /** Counts a read-only call. */
  call(method: string): void {
    this.host.counter.count(method);
  }

  /** Cells moved by a bulk read or write (the latency model's per-cell part). */
  moved(cells: number): void {
    this.host.counter.countCells(cells);
  }

  /** Counts a mutating call; refused while a custom function runs, as Sheets does. */
  mutate(method: string): void {
    this.host.counter.count(method);
    if (this.host.readOnly()) fail(`You do not have permission to call ${method}`);
  }

  sheetApi(model: SheetModel): FakeSheet {
    let api = this.sheetApis.get(model.id);
    if (!api) {
      api = new FakeSheet(this, model);
      this.sheetApis.set(model.id, api);
    }
    return api;
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The cells of every sheet's grid, as Sheets counts them against its limit. */
  cellCount(): number {
    let n = 0;
    for (const s of this.sheets) n += s.maxRows * s.maxCols;
    return n;
  }

  /** Refuses a change that would add `more` cells to the grids beyond the spreadsheet's limit. */
  assertCells(more: number): void {
    if (more > 0 && this.cellCount() + more > CELL_LIMIT) fail(MSG_CELL_LIMIT);
  }

  private addSheetModel(name: string, index: number): SheetModel {
    this.assertCells(NEW_SHEET_ROWS * NEW_SHEET_COLUMNS);
    const model = new SheetModel(this.nextIds.sheet, name);
    // Sheets gives the first sheet id 0 and later ones large ids.
    this.nextIds.sheet = this.nextIds.sheet === 0 ? 1_000_001 : this.nextIds.sheet + 7919;
    this.sheets.splice(index, 0, model);
    this.engine.addSheet(model.id, name);
    return model;
  }

  activeSheetModel(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0]!;
  }

  rangeOf(rect: Rect): FakeRange {
    const sheet = this.sheetById(rect.sheetId);
    if (!sheet) fail("Range not found");
    return new FakeRange(
      this,
      sheet,
      rect.row,
      rect.col,
      rect.openRows ? null : rect.rows,
      rect.openCols ? null : rect.cols,
    );
  }

  // ---------------------------------------------------------------- EngineModel

  engineSheets(): { id: number; name: string; content: RawCellContent[][] }[] {
    return this.sheets.map((s) => ({ id: s.id, name: s.name, content: engineContent(s) }));
  }

  maxRowsOf(sheetId: number): number {
    return this.sheetById(sheetId)?.maxRows ?? 1000;
  }

  engineNames(): { name: string; expression: string }[] {
    const out: { name: string; expression: string }[] = [];
    for (const [name, rect] of this.namedRanges) {
      const sheet = this.sheetById(rect.sheetId);
      if (!sheet) continue;
      const c1 = columnToLetters(rect.col);
      const c2 = columnToLetters(rect.col + (rect.openCols ? sheet.maxCols - rect.col + 1 : rect.cols) - 1);
      const r2 = rect.row + (rect.openRows ? sheet.maxRows - rect.row + 1 : rect.rows) - 1;
      out.push({ name, expression: `=${quoteSheetName(sheet.name)}!$${c1}$${rect.row}:$${c2}$${r2}` });
    }
    return out;
  }

  isDateCell(sheetId: number, row: number, col: number): boolean {
    const sheet = this.sheetById(sheetId);
    const fmt = sheet?.formats.get(row, col);
    return fmt !== undefined && isDateFormat(fmt);
  }

  // ---------------------------------------------------------------- cell reading

  evaluate(sheet: SheetModel, r: number, c: number): Evaluated {
    const formula = sheet.formulas.get(r, c);
    if (formula === undefined) {
      const v = sheet.values.get(r, c);
      if (v !== undefined) return { value: v, engineDate: false, error: null };
      // Cells inside a spilled array have no content of their own but show the array's values.
      if (sheet.formulas.size === 0 || !this.engine.isEnabled) return { value: null, engineDate: false, error: null };
    }
    const ev = this.engine.value(sheet.id, r, c);
    if (ev.kind === "empty") return { value: null, engineDate: false, error: null };
    if (ev.kind === "error") return { value: null, engineDate: false, error: { code: ev.code, message: ev.message } };
    return { value: ev.value, engineDate: ev.date, error: null };
  }

  /** A cell as getValues returns it. */
  cellValue(sheet: SheetModel, r: number, c: number): unknown {
    const e = this.evaluate(sheet, r, c);
    if (e.error) return e.error.code;
    if (e.value === null) return "";
    if (typeof e.value === "number") {
      const fmt = sheet.formats.get(r, c);
      if ((fmt !== undefined && isDateFormat(fmt)) || (e.engineDate && fmt === undefined)) {
        return this.makeDate(serialToDate(e.value, this.timeZone).getTime());
      }
    }
    return e.value;
  }

  makeDate(ms: number): Date {
    return this.host.makeDate ? this.host.makeDate(ms) : new Date(ms);
  }

  /** A cell as getDisplayValues shows it. */
  cellDisplay(sheet: SheetModel, r: number, c: number): string {
    const e = this.evaluate(sheet, r, c);
    if (e.error) return e.error.code;
    if (e.value === null) return "";
    let fmt = sheet.formats.get(r, c) ?? "";
    if (fmt === "" && e.engineDate && typeof e.value === "number") fmt = defaultDateFormat(e.value, this.locale);
    return formatValue(e.value, fmt, this.locale);
  }

  lastRow(sheet: SheetModel): number {
    const own = Math.max(sheet.values.lastRow(), sheet.formulas.lastRow());
    if (sheet.formulas.size === 0 || !this.engine.isEnabled) return own;
    return Math.max(own, this.engine.height(sheet.id).rows);
  }

  lastCol(sheet: SheetModel): number {
    const own = Math.max(sheet.values.lastCol(), sheet.formulas.lastCol());
    if (sheet.formulas.size === 0 || !this.engine.isEnabled) return own;
    return Math.max(own, this.engine.height(sheet.id).cols);
  }

  // ---------------------------------------------------------------- cell writing

  /** Turns a script value (or typed text, for user edits) into cell content, given the cell's number format. */
  toContent(input: unknown, format: string | undefined): Parsed {
    if (input === null || input === undefined) return { kind: "empty" };
    if (typeof input === "string") {
      // Sheets refuses the whole write when one cell would hold more than its limit (the apostrophe is not stored).
      const stored = format !== undefined && isTextFormat(format) ? input.length : input.replace(/^'/, "").length;
      if (stored > CELL_CHAR_LIMIT) fail(CELL_LIMIT_MESSAGE);
      if (format !== undefined && isTextFormat(format))
        return input === "" ? { kind: "empty" } : { kind: "value", value: input };
      return parseInput(input, this.locale);
    }
    if (typeof input === "number") return { kind: "value", value: input };
    if (typeof input === "boolean") return { kind: "value", value: input };
    if (isDate(input)) {
      if (Number.isNaN(input.getTime())) return { kind: "value", value: "" };
      const serial = dateToSerial(input, this.timeZone);
      return {
        kind: "value",
        value: serial,
        format: format !== undefined && isDateFormat(format) ? undefined : defaultDateFormat(serial, this.locale),
      };
    }
    return { kind: "value", value: String(input) };
  }

  /** Writes a block of parsed contents (0-based origin) and mirrors it into the formula engine. */
  writeBlock(sheet: SheetModel, r0: number, c0: number, block: Parsed[][]): void {
    const mirror = this.engine.isEnabled;
    const out: RawCellContent[][] = [];
    let sawFormula = false;
    for (let i = 0; i < block.length; i++) {
      const row = block[i]!;
      const engineRow: RawCellContent[] = [];
      for (let j = 0; j < row.length; j++) {
        const p = row[j]!;
        const r = r0 + i;
        const c = c0 + j;
        if (p.kind === "formula") {
          sheet.values.set(r, c, undefined);
          sheet.formulas.set(r, c, p.formula);
          sawFormula = true;
          if (mirror) engineRow.push(toEngineFormula(p.formula));
        } else if (p.kind === "value") {
          sheet.formulas.set(r, c, undefined);
          sheet.values.set(r, c, p.value);
          if (p.format !== undefined) {
            const current = sheet.formats.get(r, c);
            if (current === undefined || current === "" || current.toLowerCase() === "general") {
              sheet.formats.set(r, c, p.format);
            }
          }
          if (mirror) engineRow.push(engineLiteral(p.value));
        } else {
          sheet.formulas.set(r, c, undefined);
          sheet.values.set(r, c, undefined);
          if (mirror) engineRow.push(null);
        }
      }
      if (mirror) out.push(engineRow);
    }
    this.grow(sheet, r0 + block.length, c0 + (block[0]?.length ?? 0));
    if (mirror) this.engine.write(sheet.id, r0, c0, out);
    if (sawFormula) this.engine.enable();
  }

  /** Clears contents (values and formulas) of a rectangle, 0-based. */
  clearContents(sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): void {
    // The engine only needs emptying up to the last row that held anything before the clear.
    const bound = this.engine.isEnabled ? this.lastRow(sheet) : 0;
    sheet.values.clearRect(r0, c0, nr, nc);
    sheet.formulas.clearRect(r0, c0, nr, nc);
    if (this.engine.isEnabled) {
      const rows = Math.max(0, Math.min(nr, bound - r0));
      const cols = Math.max(0, Math.min(nc, sheet.maxCols - c0));
      if (rows > 0 && cols > 0) {
        const empty: RawCellContent[][] = Array.from({ length: rows }, () =>
          new Array<RawCellContent>(cols).fill(null),
        );
        this.engine.write(sheet.id, r0, c0, empty);
      }
    }
  }

  grow(sheet: SheetModel, rows: number, cols: number): void {
    const more = Math.max(rows, sheet.maxRows) * Math.max(cols, sheet.maxCols) - sheet.maxRows * sheet.maxCols;
    this.assertCells(more);
    if (rows > sheet.maxRows) sheet.maxRows = rows;
    if (cols > sheet.maxCols) sheet.maxCols = cols;
  }

  // ---------------------------------------------------------------- protection and validation

  /** Protections covering a rectangle that the user may not edit, and whether only warnings apply. */
  protectionCheck(sheet: SheetModel, rect: Rect, user: string): { blocked: boolean; warned: boolean } {
    let blocked = false;
    let warned = false;
    for (const p of this.protections) {
      if (p.sheetId !== sheet.id) continue;
      if (p.type === "RANGE" && (!p.rect || !rectsOverlap(p.rect, rect, sheet.maxRows, sheet.maxCols))) continue;
      if (p.warningOnly) {
        warned = true;
        continue;
      }
      if (!this.canEditProtection(p, user)) blocked = true;
    }
    return { blocked, warned };
  }

  canEditProtection(p: ProtectionModel, user: string): boolean {
    if (p.warningOnly) return true;
    const u = user.toLowerCase();
    return u === this.owner.toLowerCase() || p.editors.some((e) => e.toLowerCase() === u);
  }

  /** Script writes into protected cells fail for users who may not edit them, as in Sheets. */
  assertEditable(sheet: SheetModel, row: number, col: number, rows: number, cols: number): void {
    if (this.protections.length === 0) return;
    const check = this.protectionCheck(sheet, { sheetId: sheet.id, row, col, rows, cols }, this.host.activeUserEmail());
    if (check.blocked) fail(PROTECTED_MESSAGE);
  }

  // ---------------------------------------------------------------- structural edits

  /** Applies a row/column change to the engine, the grids' companions and everything anchored to the sheet. */
  applyStructural(sheet: SheetModel, op: Structural, gridOp: () => void): void {
    const engineOk = this.engine.structural(sheet.id, (hf, hfSheet) => {
      switch (op.kind) {
        case "insertRows":
          hf.addRows(hfSheet, [op.at - 1, op.n]);
          break;
        case "deleteRows":
          hf.removeRows(hfSheet, [op.at - 1, op.n]);
          break;
        case "insertCols":
          hf.addColumns(hfSheet, [op.at - 1, op.n]);
          break;
        case "deleteCols":
          hf.removeColumns(hfSheet, [op.at - 1, op.n]);
          break;
        case "moveCols": {
          // Express the permutation as the one block move it came from.
          const moved = findMovedBlock(op.order);
          if (moved) hf.moveColumns(hfSheet, moved.from - 1, moved.n, moved.dest - 1);
          break;
        }
      }
    });
    gridOp();
    if (engineOk) this.refreshFormulas();
    else this.engine.invalidate();
    // Protection objects handed to scripts stay live, so their records are updated in place.
    this.protections = this.protections.filter((p) => {
      if (!p.rect) return true;
      const rect = moveRect(p.rect, op);
      if (rect) p.rect = rect;
      return rect !== null;
    });
    const named = new Map<string, Rect>();
    for (const [name, rect] of this.namedRanges) {
      const moved = moveRect(rect, op);
      if (moved) named.set(name, moved);
    }
    this.namedRanges = named;
    this.metadata = this.metadata.flatMap((m) => {
      const location = moveMetadata(m.location, op);
      return location ? [{ ...m, location }] : [];
    });
    for (const s of this.sheets) {
      s.condRules = s.condRules
        .map((rule) => ({ ...rule, ranges: rule.ranges.flatMap((r) => moveRect(r, op) ?? []) }))
        .filter((rule) => rule.ranges.length > 0);
      for (const chart of s.charts) chart.ranges = chart.ranges.flatMap((r) => moveRect(r, op) ?? []);
    }
    if (this.activeRange) this.activeRange = moveRect(this.activeRange, op);
  }

  /** Takes the formulas' text back from the engine, which has moved their references. */
  refreshFormulas(): void {
    for (const s of this.sheets) {
      if (s.formulas.size === 0) continue;
      s.formulas.forEach((r, c) => {
        const f = this.engine.formula(s.id, r, c);
        if (f !== undefined) s.formulas.set(r, c, f);
      });
    }
  }

  // ---------------------------------------------------------------- SpreadsheetPort

  getId(): string {
    this.call("Spreadsheet.getId");
    return this.id;
  }

  getName(): string {
    this.call("Spreadsheet.getName");
    return this.name;
  }

  getUrl(): string {
    this.call("Spreadsheet.getUrl");
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetLocale(): string {
    this.call("Spreadsheet.getSpreadsheetLocale");
    return this.locale;
  }

  getSpreadsheetTimeZone(): string {
    this.call("Spreadsheet.getSpreadsheetTimeZone");
    return this.timeZone;
  }

  /** File › Settings › Time zone: date cells keep their serial numbers, so they now show this zone's wall time. */
  setSpreadsheetTimeZone(timeZone: string): this {
    this.call("Spreadsheet.setSpreadsheetTimeZone");
    this.timeZone = timeZone;
    return this;
  }

  getSheets(): FakeSheet[] {
    this.call("Spreadsheet.getSheets");
    return this.sheets.map((s) => this.sheetApi(s));
  }

  getSheetByName(name: string): FakeSheet | null {
    this.call("Spreadsheet.getSheetByName");
    const s = this.sheetByName(name);
    return s ? this.sheetApi(s) : null;
  }

  getSheetById(id: number): FakeSheet | null {
    this.call("Spreadsheet.getSheetById");
    const s = this.sheetById(id);
    return s ? this.sheetApi(s) : null;
  }

  insertSheet(sheetName?: string, sheetIndex?: number): FakeSheet {
    this.mutate("Spreadsheet.insertSheet");
    let name = sheetName;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.sheetByName(name)) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const index = sheetIndex === undefined ? this.sheets.length : Math.max(0, Math.min(sheetIndex, this.sheets.length));
    const model = this.addSheetModel(name, index);
    // The new sheet becomes the active sheet.
    this.activeSheetId = model.id;
    this.activeRange = null;
    return this.sheetApi(model);
  }

  deleteSheet(sheet: P.SheetPort): void {
    this.mutate("Spreadsheet.deleteSheet");
    const model = (sheet as FakeSheet).model;
    const index = this.sheets.indexOf(model);
    if (index < 0) fail("The sheet has been deleted.");
    if (this.sheets.length === 1) fail("You can't remove all the sheets in a document.");
    this.engine.removeSheet(model.id);
    this.sheets.splice(index, 1);
    this.sheetApis.delete(model.id);
    this.protections = this.protections.filter((p) => p.sheetId !== model.id);
    this.metadata = this.metadata.filter((m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== model.id);
    for (const [name, rect] of this.namedRanges) if (rect.sheetId === model.id) this.namedRanges.delete(name);
    if (this.engine.isEnabled) this.refreshFormulas();
    if (this.activeSheetId === model.id) {
      this.activeSheetId = this.sheets[Math.max(0, index - 1)]!.id;
      this.activeRange = null;
    }
  }

  getActiveSheet(): FakeSheet {
    this.call("Spreadsheet.getActiveSheet");
    return this.sheetApi(this.activeSheetModel());
  }

  setActiveSheet(sheet: P.SheetPort): FakeSheet {
    this.mutate("Spreadsheet.setActiveSheet");
    const model = (sheet as FakeSheet).model;
    this.activeSheetId = model.id;
    this.activeRange = null;
    return this.sheetApi(model);
  }

  getActiveRange(): FakeRange | null {
    this.call("Spreadsheet.getActiveRange");
    const sheet = this.activeSheetModel();
    if (this.activeRange && this.activeRange.sheetId === sheet.id) return this.rangeOf(this.activeRange);
    return new FakeRange(this, sheet, 1, 1, 1, 1);
  }

  setActiveRange(range: P.RangePort): FakeRange {
    this.mutate("Spreadsheet.setActiveRange");
    const r = range as FakeRange;
    this.activeSheetId = r.sheet.id;
    this.activeRange = r.rect();
    return r;
  }

  getRangeByName(name: string): FakeRange | null {
    this.call("Spreadsheet.getRangeByName");
    const rect = this.namedRanges.get(name);
    return rect ? this.rangeOf(rect) : null;
  }

  setNamedRange(name: string, range: P.RangePort): void {
    this.mutate("Spreadsheet.setNamedRange");
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
      fail(`The name "${name}" is invalid.`);
    }
    this.namedRanges.set(name, (range as FakeRange).rect());
    this.engine.invalidate();
  }

  removeNamedRange(name: string): void {
    this.mutate("Spreadsheet.removeNamedRange");
    if (!this.namedRanges.delete(name)) fail(`Named range "${name}" not found.`);
    this.engine.invalidate();
  }

  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.mutate("Spreadsheet.toast");
    this.host.toast(String(msg), title ?? "", timeoutSeconds ?? 5);
  }

  getOwner(): P.UserPort | null {
    this.call("Spreadsheet.getOwner");
    return new FakeUser(this, this.owner);
  }

  createDeveloperMetadataFinder(): P.DeveloperMetadataFinderPort {
    this.call("Spreadsheet.createDeveloperMetadataFinder");
    return new FakeMetadataFinder(this, null);
  }

  // ---------------------------------------------------------------- outside the port: the emulator's own access

  /** Resolves "Sheet!A1:B2" or "A1:B2" (active sheet) without counting. */
  resolve(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (!ref) fail("Range not found");
    const sheet = ref.sheetName === null ? this.activeSheetModel() : this.sheetByName(ref.sheetName);
    if (!sheet) fail("Range not found");
    return new FakeRange(
      this,
      sheet,
      ref.startRow,
      ref.startColumn,
      ref.endRow === null ? null : ref.endRow - ref.startRow + 1,
      ref.endColumn === null ? null : ref.endColumn - ref.startColumn + 1,
    );
  }

  /** A cell's value, display, formula and error message, for tests and the preview (not counted). */
  peek(a1: string): {
    value: unknown;
    display: string;
    formula: string;
    error: string | null;
    note: string;
    format: string;
  } {
    const r = this.resolve(a1);
    const r0 = r.row - 1;
    const c0 = r.col - 1;
    const e = this.evaluate(r.sheet, r0, c0);
    return {
      value: this.cellValue(r.sheet, r0, c0),
      display: this.cellDisplay(r.sheet, r0, c0),
      formula: r.sheet.formulas.get(r0, c0) ?? "",
      error: e.error ? e.error.message : null,
      note: r.sheet.notes.get(r0, c0) ?? "",
      format: r.sheet.formats.get(r0, c0) ?? "",
    };
  }

  /** Re-evaluates every formula, e.g. after the host's set of custom functions changed (not counted). */
  recalculate(): void {
    if (this.sheets.some((s) => s.formulas.size > 0)) this.engine.enable();
    this.engine.invalidate();
  }

  /** The message behind a cell's error value (#ERROR! of a custom function, #REF! of a spill), or null. */
  getErrorMessage(a1: string): string | null {
    return this.peek(a1).error;
  }

  /** getValues of a sheet's data range, not counted. */
  sheetValues(sheetName: string): unknown[][] {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) fail(`No sheet named ${sheetName}`);
    const rows = this.lastRow(sheet);
    const cols = this.lastCol(sheet);
    const out: unknown[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < cols; c++) row.push(this.cellValue(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** getDisplayValues of a sheet's data range, not counted. */
  sheetDisplayValues(sheetName: string): string[][] {
    const sheet = this.sheetByName(sheetName);
    if (!sheet) fail(`No sheet named ${sheetName}`);
    const rows = this.lastRow(sheet);
    const cols = this.lastCol(sheet);
    const out: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < cols; c++) row.push(this.cellDisplay(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * A person typing (one value) or pasting (a 2-D array) at a1: text is parsed as Sheets parses typing, data
   * validation that rejects invalid input refuses the edit with its help text, and protections apply to the
   * active user. Nothing fires here: the runtime fires onEdit from the result.
   */
  userEdit(a1: string, input: unknown): UserEditResult {
    const target = this.resolve(a1);
    const sheet = target.sheet;
    const data: unknown[][] = Array.isArray(input)
      ? input.length > 0 && Array.isArray(input[0])
        ? (input as unknown[][])
        : [input as unknown[]]
      : [[input]];
    const numRows = data.length;
    const numColumns = Math.max(...data.map((r) => r.length));
    const range = new FakeRange(this, sheet, target.row, target.col, numRows, numColumns);
    const base: UserEditResult = {
      ok: true,
      warned: false,
      sheetName: sheet.name,
      a1: range.a1(),
      row: target.row,
      column: target.col,
      numRows,
      numColumns,
      range,
    };
    const rect: Rect = { sheetId: sheet.id, row: target.row, col: target.col, rows: numRows, cols: numColumns };
    const protection = this.protectionCheck(sheet, rect, this.host.activeUserEmail());
    if (protection.blocked) return { ...base, ok: false, message: PROTECTED_MESSAGE };
    const block: Parsed[][] = [];
    for (let i = 0; i < numRows; i++) {
      const row: Parsed[] = [];
      for (let j = 0; j < numColumns; j++) {
        const r0 = target.row - 1 + i;
        const c0 = target.col - 1 + j;
        const raw = data[i]![j];
        const parsed = this.toContent(raw === undefined ? "" : raw, sheet.formats.get(r0, c0));
        const rule = sheet.validations.get(r0, c0);
        if (rule && !rule.allowInvalid && parsed.kind === "value" && !validationAccepts(rule, parsed)) {
          return { ...base, ok: false, message: rule.helpText ?? defaultValidationMessage(rule) };
        }
        row.push(parsed);
      }
      block.push(row);
    }
    let oldValue: string | undefined;
    if (numRows === 1 && numColumns === 1) {
      const old = sheet.values.get(target.row - 1, target.col - 1);
      if (old !== undefined && sheet.formulas.get(target.row - 1, target.col - 1) === undefined)
        oldValue = eventText(old);
    }
    this.writeBlock(sheet, target.row - 1, target.col - 1, block);
    const result: UserEditResult = { ...base, warned: protection.warned };
    if (numRows === 1 && numColumns === 1) {
      const p = block[0]![0]!;
      if (p.kind === "value") result.value = eventText(p.value);
      if (oldValue !== undefined) result.oldValue = oldValue;
    }
    return result;
  }

  // ---------------------------------------------------------------- persistence

  toJSON(): SpreadsheetState {
    return {
      version: 1,
      id: this.id,
      name: this.name,
      locale: this.locale,
      timeZone: this.timeZone,
      owner: this.owner,
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        hidden: s.hidden,
        tabColor: s.tabColor,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        frozenRows: s.frozenRows,
        colWidths: [...s.colWidths],
        hiddenRows: [...s.hiddenRows],
        grids: Object.fromEntries(s.gridEntries().map(([name, g]) => [name, serializeGrid(g.rows)])),
        condRules: structuredClone(s.condRules),
        charts: structuredClone(s.charts),
      })),
      activeSheetId: this.activeSheetId,
      activeRange: this.activeRange,
      namedRanges: [...this.namedRanges],
      metadata: structuredClone(this.metadata),
      protections: structuredClone(this.protections),
      nextIds: { ...this.nextIds },
    };
  }

  static fromJSON(host: SpreadsheetHost, state: SpreadsheetState): FakeSpreadsheet {
    if (state.version !== 1) throw new Error(`Unknown spreadsheet state version ${String(state.version)}`);
    const ss = new FakeSpreadsheet(
      host,
      { id: state.id, name: state.name, locale: state.locale, timeZone: state.timeZone, owner: state.owner },
      false,
    );
    for (const st of state.sheets) {
      const s = new SheetModel(st.id, st.name);
      s.hidden = st.hidden;
      s.tabColor = st.tabColor;
      s.maxRows = st.maxRows;
      s.maxCols = st.maxCols;
      s.frozenRows = st.frozenRows;
      s.colWidths = new Map(st.colWidths);
      s.hiddenRows = new Set(st.hiddenRows);
      for (const [name, grid] of s.gridEntries()) {
        const rows = st.grids[name] ?? [];
        rows.forEach((row, r) => {
          row.forEach((v, c) => {
            if (v !== null && v !== undefined) grid.set(r, c, v);
          });
        });
      }
      s.condRules = structuredClone(st.condRules);
      s.charts = structuredClone(st.charts);
      ss.sheets.push(s);
      if (s.formulas.size > 0) ss.engine.enable();
    }
    ss.activeSheetId = state.activeSheetId;
    ss.activeRange = state.activeRange;
    ss.namedRanges = new Map(state.namedRanges);
    ss.metadata = structuredClone(state.metadata);
    ss.protections = structuredClone(state.protections);
    ss.nextIds = { ...state.nextIds };
    ss.engine.invalidate();
    return ss;
  }
}

/** Dates from a script's own realm fail `instanceof Date` here, so the check goes by the built-in tag. */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

function serializeGrid(rows: unknown[][]): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const copy: unknown[] = [];
    if (row) for (let c = 0; c < row.length; c++) copy.push(row[c] === undefined ? null : row[c]);
    while (copy.length > 0 && copy[copy.length - 1] === null) copy.pop();
    out.push(copy);
  }
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

const PLAIN_TEXT = /^[A-Za-z\u00C0-\uFFFF]/;
const BOOLEAN_TEXT = /^(true|false)$/i;

function engineLiteral(v: Literal): RawCellContent {
  if (typeof v !== "string") return v;
  // Text the engine could read as something else goes in quoted; quoting everything costs a third more time.
  return PLAIN_TEXT.test(v) && !BOOLEAN_TEXT.test(v) ? v : `'${v}`;
}

function engineContent(sheet: SheetModel): RawCellContent[][] {
  const rows = Math.max(sheet.values.rows.length, sheet.formulas.rows.length);
  const out: RawCellContent[][] = [];
  for (let r = 0; r < rows; r++) {
    const vr = sheet.values.rows[r];
    const fr = sheet.formulas.rows[r];
    const width = Math.max(vr?.length ?? 0, fr?.length ?? 0);
    const row: RawCellContent[] = new Array<RawCellContent>(width).fill(null);
    if (vr) for (let c = 0; c < vr.length; c++) if (vr[c] !== undefined) row[c] = engineLiteral(vr[c]!);
    if (fr) for (let c = 0; c < fr.length; c++) if (fr[c] !== undefined) row[c] = toEngineFormula(fr[c]!);
    out.push(row);
  }
  return out;
}

function findMovedBlock(order: number[]): { from: number; n: number; dest: number } | null {
  // order[newPos-1] = oldCol; the moved block is the run that is out of place.
  let first = 0;
  while (first < order.length && order[first] === first + 1) first++;
  if (first === order.length) return null;
  let last = order.length - 1;
  while (last > first && order[last] === last + 1) last--;
  const head = order[first]!;
  if (head > first + 1) {
    // Columns moved left: the block starts at `head` and lands at first+1.
    let n = 1;
    while (first + n <= last && order[first + n] === head + n) n++;
    return { from: head, n, dest: first + 1 };
  }
  // Columns moved right: the block is at the end of the disordered run.
  const tailStart = order[last]!;
  let n = 1;
  while (last - n >= first && order[last - n] === tailStart - n) n++;
  return { from: tailStart - n + 1, n, dest: last + 2 };
}

/** e.value / e.oldValue of onEdit: the raw value as text (dates as serial numbers). */
function eventText(v: Literal): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function validationAccepts(rule: ValidationRule, parsed: Parsed): boolean {
  if (parsed.kind !== "value") return true;
  const v = parsed.value;
  switch (rule.type) {
    case "VALUE_IN_LIST": {
      const list = (rule.values[0] as string[] | undefined) ?? [];
      const text = typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
      return list.some((item) => String(item) === text);
    }
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return typeof v === "number" && v >= Number(rule.values[0]);
    case "NUMBER_BETWEEN":
      return typeof v === "number" && v >= Number(rule.values[0]) && v <= Number(rule.values[1]);
    case "DATE_IS_VALID_DATE":
      return typeof v === "number" && parsed.format !== undefined && isDateFormat(parsed.format);
    case "CHECKBOX":
      return typeof v === "boolean";
  }
}

function defaultValidationMessage(rule: ValidationRule): string {
  switch (rule.type) {
    case "VALUE_IN_LIST":
      return "Input must be an item on the specified list.";
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return `Input must be a number greater than or equal to ${String(rule.values[0])}.`;
    case "NUMBER_BETWEEN":
      return `Input must be a number between ${String(rule.values[0])} and ${String(rule.values[1])}.`;
    case "DATE_IS_VALID_DATE":
      return "Input must be a valid date.";
    case "CHECKBOX":
      return "Input must be a checkbox value.";
  }
}

// ================================================================ Sheet

export class FakeSheet implements P.SheetPort {
  constructor(
    readonly ss: FakeSpreadsheet,
    readonly model: SheetModel,
  ) {}

  private alive(): SheetModel {
    if (!this.ss.sheets.includes(this.model)) fail("The sheet has been deleted.");
    return this.model;
  }

  getName(): string {
    this.ss.call("Sheet.getName");
    return this.alive().name;
  }

  setName(name: string): FakeSheet {
    this.ss.mutate("Sheet.setName");
    const m = this.alive();
    const clash = this.ss.sheetByName(name);
    if (clash && clash !== m) fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    m.name = name;
    this.ss.engine.renameSheet(m.id, name);
    if (this.ss.engine.isEnabled) this.ss.refreshFormulas();
    return this;
  }

  /** The form that sends its responses to this tab (test/emulator/services/forms.ts links them), or null. */
  getFormUrl(): string | null {
    this.ss.call("Sheet.getFormUrl");
    return this.ss.host.formUrlOf?.(this.ss.id, this.alive().id) ?? null;
  }

  getSheetId(): number {
    this.ss.call("Sheet.getSheetId");
    return this.alive().id;
  }

  getIndex(): number {
    this.ss.call("Sheet.getIndex");
    return this.ss.sheets.indexOf(this.alive()) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.ss.call("Sheet.getParent");
    return this.ss;
  }

  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.ss.call("Sheet.getRange");
    const m = this.alive();
    if (typeof a1OrRow === "string") {
      const ref = parseA1(a1OrRow);
      if (!ref) fail("Range not found");
      const sheet = ref.sheetName === null ? m : this.ss.sheetByName(ref.sheetName);
      if (!sheet) fail("Range not found");
      if ((ref.endRow ?? ref.startRow) > sheet.maxRows || (ref.endColumn ?? ref.startColumn) > sheet.maxCols) {
        fail(MSG_OUTSIDE_SHEET);
      }
      return new FakeRange(
        this.ss,
        sheet,
        ref.startRow,
        ref.startColumn,
        ref.endRow === null ? null : ref.endRow - ref.startRow + 1,
        ref.endColumn === null ? null : ref.endColumn - ref.startColumn + 1,
      );
    }
    const row = a1OrRow;
    if (column === undefined)
      fail("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    if (!Number.isInteger(row) || row < 1) fail("The starting row of the range is too small.");
    if (!Number.isInteger(column) || column < 1) fail("The starting column of the range is too small.");
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    if (!Number.isInteger(nr) || nr < 1) fail("The number of rows in the range must be at least 1.");
    if (!Number.isInteger(nc) || nc < 1) fail("The number of columns in the range must be at least 1.");
    // Sheets refuses a range past the grid; appendRow and insertRowsAfter are what make a sheet longer.
    if (row + nr - 1 > m.maxRows || column + nc - 1 > m.maxCols) fail(MSG_OUTSIDE_SHEET);
    return new FakeRange(this.ss, m, row, column, nr, nc);
  }

  getDataRange(): FakeRange {
    this.ss.call("Sheet.getDataRange");
    const m = this.alive();
    return new FakeRange(this.ss, m, 1, 1, Math.max(1, this.ss.lastRow(m)), Math.max(1, this.ss.lastCol(m)));
  }

  getLastRow(): number {
    this.ss.call("Sheet.getLastRow");
    return this.ss.lastRow(this.alive());
  }

  getLastColumn(): number {
    this.ss.call("Sheet.getLastColumn");
    return this.ss.lastCol(this.alive());
  }

  getMaxRows(): number {
    this.ss.call("Sheet.getMaxRows");
    return this.alive().maxRows;
  }

  getMaxColumns(): number {
    this.ss.call("Sheet.getMaxColumns");
    return this.alive().maxCols;
  }

  appendRow(rowContents: unknown[]): FakeSheet {
    this.ss.mutate("Sheet.appendRow");
    const m = this.alive();
    if (!Array.isArray(rowContents))
      fail("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const r0 = this.ss.lastRow(m);
    // appendRow adds a row at the end when the sheet is full, as in Sheets.
    if (r0 + 1 > m.maxRows) {
      this.ss.assertCells(m.maxCols);
      m.maxRows = r0 + 1;
    }
    this.ss.assertEditable(m, r0 + 1, 1, 1, Math.max(1, rowContents.length));
    const parsed = rowContents.map((v, c) => this.ss.toContent(v, m.formats.get(r0, c)));
    this.ss.writeBlock(m, r0, 0, [parsed]);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.ss.mutate("Sheet.insertRowsAfter");
    this.insertRows(afterPosition + 1, howMany, afterPosition);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.ss.mutate("Sheet.insertRowsBefore");
    this.insertRows(beforePosition, howMany, beforePosition);
    return this;
  }

  /** Inserts before `at` (1-based); new rows take the formats and validation of row `copyFrom`. */
  private insertRows(at: number, n: number, copyFrom: number): void {
    const m = this.alive();
    if (!Number.isInteger(at) || at < 1 || at > m.maxRows + 1) fail("Those rows are out of bounds.");
    if (!Number.isInteger(n) || n < 1) fail("The number of rows to insert must be at least 1.");
    this.ss.assertCells(n * m.maxCols);
    this.ss.applyStructural(m, { kind: "insertRows", sheetId: m.id, at, n }, () => {
      for (const g of m.allGrids()) g.insertRows(at - 1, n);
      const src = copyFrom - 1 + (copyFrom >= at ? n : 0);
      for (const g of m.formatGrids()) {
        for (let i = 0; i < n; i++) {
          const row = g.rows[src];
          if (!row) continue;
          for (let c = 0; c < row.length; c++) if (row[c] !== undefined) g.set(at - 1 + i, c, row[c]);
        }
      }
      m.maxRows += n;
      m.hiddenRows = new Set([...m.hiddenRows].map((r) => (r >= at ? r + n : r)));
    });
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.ss.mutate("Sheet.deleteRows");
    const m = this.alive();
    if (!Number.isInteger(rowPosition) || rowPosition < 1 || rowPosition + howMany - 1 > m.maxRows) {
      fail("Those rows are out of bounds.");
    }
    if (howMany >= m.maxRows - m.frozenRows && rowPosition > m.frozenRows) {
      fail("Sorry, it is not possible to delete all non-frozen rows.");
    }
    this.ss.assertEditable(m, rowPosition, 1, howMany, m.maxCols);
    this.ss.applyStructural(m, { kind: "deleteRows", sheetId: m.id, at: rowPosition, n: howMany }, () => {
      for (const g of m.allGrids()) g.deleteRows(rowPosition - 1, howMany);
      m.maxRows -= howMany;
      const end = rowPosition + howMany - 1;
      m.hiddenRows = new Set(
        [...m.hiddenRows].filter((r) => r < rowPosition || r > end).map((r) => (r > end ? r - howMany : r)),
      );
    });
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.ss.mutate("Sheet.insertColumnsAfter");
    const m = this.alive();
    const at = afterPosition + 1;
    if (!Number.isInteger(afterPosition) || afterPosition < 1 || afterPosition > m.maxCols) {
      fail("Those columns are out of bounds.");
    }
    this.ss.assertCells(howMany * m.maxRows);
    this.ss.applyStructural(m, { kind: "insertCols", sheetId: m.id, at, n: howMany }, () => {
      for (const g of m.allGrids()) g.insertCols(at - 1, howMany);
      for (const g of m.formatGrids()) {
        g.rows.forEach((row, r) => {
          if (!row) return;
          const v = row[afterPosition - 1];
          for (let i = 0; i < howMany; i++) g.set(r, at - 1 + i, v);
        });
      }
      m.maxCols += howMany;
      m.colWidths = new Map([...m.colWidths].map(([c, w]) => [c >= at ? c + howMany : c, w]));
    });
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.ss.mutate("Sheet.deleteColumns");
    const m = this.alive();
    if (!Number.isInteger(columnPosition) || columnPosition < 1 || columnPosition + howMany - 1 > m.maxCols) {
      fail("Those columns are out of bounds.");
    }
    if (howMany >= m.maxCols) fail("Sorry, it is not possible to delete all columns.");
    this.ss.assertEditable(m, 1, columnPosition, m.maxRows, howMany);
    this.ss.applyStructural(m, { kind: "deleteCols", sheetId: m.id, at: columnPosition, n: howMany }, () => {
      for (const g of m.allGrids()) g.deleteCols(columnPosition - 1, howMany);
      m.maxCols -= howMany;
      const end = columnPosition + howMany - 1;
      m.colWidths = new Map(
        [...m.colWidths].filter(([c]) => c < columnPosition || c > end).map(([c, w]) => [c > end ? c - howMany : c, w]),
      );
    });
  }

  moveColumns(columnSpec: P.RangePort, destinationIndex: number): void {
    this.ss.mutate("Sheet.moveColumns");
    const m = this.alive();
    const spec = columnSpec as FakeRange;
    const from = spec.col;
    const n = spec.numCols();
    if (destinationIndex < 1 || destinationIndex > m.maxCols + 1) fail("Those columns are out of bounds.");
    if (destinationIndex >= from && destinationIndex <= from + n) return;
    const order = columnOrder(m.maxCols, from, n, destinationIndex);
    this.ss.applyStructural(m, { kind: "moveCols", sheetId: m.id, order }, () => {
      const zero = order.map((c) => c - 1);
      for (const g of m.allGrids()) g.permuteCols(zero);
      m.colWidths = new Map([...m.colWidths].map(([c, w]) => [order.indexOf(c) + 1, w]));
    });
  }

  setFrozenRows(rows: number): void {
    this.ss.mutate("Sheet.setFrozenRows");
    this.alive().frozenRows = rows;
  }

  getFrozenRows(): number {
    this.ss.call("Sheet.getFrozenRows");
    return this.alive().frozenRows;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.ss.mutate("Sheet.setColumnWidth");
    this.alive().colWidths.set(columnPosition, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.ss.call("Sheet.getColumnWidth");
    return this.alive().colWidths.get(columnPosition) ?? 100;
  }

  hideSheet(): FakeSheet {
    this.ss.mutate("Sheet.hideSheet");
    const m = this.alive();
    if (this.ss.sheets.filter((s) => !s.hidden && s !== m).length === 0) {
      fail("You can't hide all the sheets in a document.");
    }
    m.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.ss.mutate("Sheet.showSheet");
    this.alive().hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.ss.call("Sheet.isSheetHidden");
    return this.alive().hidden;
  }

  hideRows(rowIndex: number, numRows?: number): void {
    this.ss.mutate("Sheet.hideRows");
    const m = this.alive();
    for (let i = 0; i < (numRows ?? 1); i++) m.hiddenRows.add(rowIndex + i);
  }

  showRows(rowIndex: number, numRows?: number): void {
    this.ss.mutate("Sheet.showRows");
    const m = this.alive();
    for (let i = 0; i < (numRows ?? 1); i++) m.hiddenRows.delete(rowIndex + i);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.ss.call("Sheet.isRowHiddenByUser");
    return this.alive().hiddenRows.has(rowPosition);
  }

  setTabColor(color: string | null): FakeSheet {
    this.ss.mutate("Sheet.setTabColor");
    this.alive().tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    this.ss.call("Sheet.getTabColor");
    return this.alive().tabColor;
  }

  activate(): FakeSheet {
    this.ss.mutate("Sheet.activate");
    this.ss.activeSheetId = this.alive().id;
    this.ss.activeRange = null;
    return this;
  }

  clear(): FakeSheet {
    this.ss.mutate("Sheet.clear");
    const m = this.alive();
    this.ss.assertEditable(m, 1, 1, m.maxRows, m.maxCols);
    this.ss.clearContents(m, 0, 0, m.maxRows, m.maxCols);
    for (const g of [m.formats, m.backgrounds, m.fontWeights, m.wraps, m.hAligns])
      g.clearRect(0, 0, m.maxRows, m.maxCols);
    return this;
  }

  clearContents(): FakeSheet {
    this.ss.mutate("Sheet.clearContents");
    const m = this.alive();
    this.ss.assertEditable(m, 1, 1, m.maxRows, m.maxCols);
    this.ss.clearContents(m, 0, 0, m.maxRows, m.maxCols);
    return this;
  }

  sort(columnPosition: number, ascending?: boolean): FakeSheet {
    this.ss.mutate("Sheet.sort");
    const m = this.alive();
    const first = m.frozenRows + 1;
    const last = this.ss.lastRow(m);
    if (last >= first) {
      sortRows(this.ss, m, first, 1, last - first + 1, m.maxCols, [
        { column: columnPosition, ascending: ascending ?? true },
      ]);
    }
    return this;
  }

  protect(): FakeProtection {
    this.ss.mutate("Sheet.protect");
    const m = this.alive();
    const existing = this.ss.protections.find((p) => p.type === "SHEET" && p.sheetId === m.id);
    if (existing) return new FakeProtection(this.ss, existing);
    const p: ProtectionModel = {
      id: this.ss.nextIds.protection++,
      type: "SHEET",
      sheetId: m.id,
      rect: null,
      description: "",
      warningOnly: false,
      editors: uniqueEmails([this.ss.owner, this.ss.host.activeUserEmail()]),
    };
    this.ss.protections.push(p);
    return new FakeProtection(this.ss, p);
  }

  getProtections(type: P.EnumValue): FakeProtection[] {
    this.ss.call("Sheet.getProtections");
    const m = this.alive();
    const t = enumName(type);
    return this.ss.protections
      .filter((p) => p.sheetId === m.id && p.type === t)
      .map((p) => new FakeProtection(this.ss, p));
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.ss.call("Sheet.getConditionalFormatRules");
    return this.alive().condRules.map((r) => new FakeConditionalFormatRule(this.ss, r));
  }

  setConditionalFormatRules(rules: P.ConditionalFormatRulePort[]): void {
    this.ss.mutate("Sheet.setConditionalFormatRules");
    this.alive().condRules = rules.map((r) => structuredClone((r as FakeConditionalFormatRule).model));
  }

  newChart(): FakeChartBuilder {
    this.ss.call("Sheet.newChart");
    return new FakeChartBuilder(this.ss, { id: null, type: null, ranges: [], position: null, options: {} });
  }

  insertChart(chart: P.EmbeddedChartPort): void {
    this.ss.mutate("Sheet.insertChart");
    const model = (chart as FakeChart).model;
    if (model.id === null) model.id = this.ss.nextIds.chart++;
    const m = this.alive();
    if (!m.charts.includes(model)) m.charts.push(model);
  }

  removeChart(chart: P.EmbeddedChartPort): void {
    this.ss.mutate("Sheet.removeChart");
    const m = this.alive();
    const id = (chart as FakeChart).model.id;
    m.charts = m.charts.filter((c) => c.id !== id);
  }

  getCharts(): FakeChart[] {
    this.ss.call("Sheet.getCharts");
    return this.alive().charts.map((c) => new FakeChart(this.ss, c));
  }

  createDeveloperMetadataFinder(): FakeMetadataFinder {
    this.ss.call("Sheet.createDeveloperMetadataFinder");
    return new FakeMetadataFinder(this.ss, this.alive().id);
  }
}

function uniqueEmails(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of list) {
    const k = e.toLowerCase();
    if (e && !seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

interface SortKey {
  column: number;
  ascending: boolean;
}

function sortRank(v: unknown): number {
  if (v === "" || v === null || v === undefined) return 4;
  if (typeof v === "number" || isDate(v)) return 0;
  if (typeof v === "string") return 1;
  if (typeof v === "boolean") return 2;
  return 3;
}

/** Sorts rows [row, row+rows) of columns [col, col+cols) (1-based), moving each cell with everything it holds. */
function sortRows(
  ss: FakeSpreadsheet,
  m: SheetModel,
  row: number,
  col: number,
  rows: number,
  cols: number,
  keys: SortKey[],
): void {
  ss.assertEditable(m, row, col, rows, cols);
  const r0 = row - 1;
  const keyValues = keys.map((k) => {
    const vals: unknown[] = [];
    for (let i = 0; i < rows; i++) vals.push(ss.cellValue(m, r0 + i, k.column - 1));
    return vals;
  });
  const order = Array.from({ length: rows }, (_, i) => i);
  order.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const va = keyValues[k]![a];
      const vb = keyValues[k]![b];
      const ra = sortRank(va);
      const rb = sortRank(vb);
      // Blank cells go last whatever the direction.
      if (ra === 4 || rb === 4) {
        if (ra !== rb) return ra === 4 ? 1 : -1;
        continue;
      }
      let cmp = 0;
      if (ra !== rb) cmp = ra - rb;
      else if (ra === 0) cmp = Number(va) - Number(vb);
      else if (ra === 1) cmp = String(va).localeCompare(String(vb), undefined, { sensitivity: "base" });
      else if (ra === 2) cmp = Number(va) - Number(vb);
      if (cmp !== 0) return keys[k]!.ascending ? cmp : -cmp;
    }
    return a - b;
  });
  const absolute = order.map((i) => r0 + i);
  // Formulas move as copying moves them: relative references follow the row.
  const moved: [number, number, string][] = [];
  if (ss.engine.isEnabled && m.formulas.size > 0) {
    absolute.forEach((from, i) => {
      const to = r0 + i;
      if (from === to) return;
      const row = m.formulas.rows[from];
      if (!row) return;
      for (let c = col - 1; c < Math.min(row.length, col - 1 + cols); c++) {
        if (row[c] === undefined) continue;
        const f = ss.engine.movedFormula(m.id, { row: from, col: c }, { row: to, col: c });
        if (f !== undefined) moved.push([to, c, f]);
      }
    });
  }
  for (const g of m.allGrids()) g.permuteRows(r0, absolute, col - 1, cols);
  for (const [r, c, f] of moved) m.formulas.set(r, c, f);
  // The engine learns the moved contents as ordinary writes.
  if (ss.engine.isEnabled) {
    const block: RawCellContent[][] = [];
    for (let i = 0; i < rows; i++) {
      const line: RawCellContent[] = [];
      for (let j = 0; j < cols && col - 1 + j < m.maxCols; j++) {
        const f = m.formulas.get(r0 + i, col - 1 + j);
        const v = m.values.get(r0 + i, col - 1 + j);
        line.push(f !== undefined ? toEngineFormula(f) : v !== undefined ? engineLiteral(v) : null);
      }
      block.push(line);
    }
    ss.engine.write(m.id, r0, col - 1, block);
  }
}

// ================================================================ Range

export class FakeRange implements P.RangePort {
  constructor(
    readonly ss: FakeSpreadsheet,
    readonly sheet: SheetModel,
    readonly row: number,
    readonly col: number,
    /** null: open downwards to the sheet's last row ("B:B", "B2:B"). */
    private readonly rowsFixed: number | null,
    /** null: open to the right ("2:2"). */
    private readonly colsFixed: number | null,
  ) {}

  numRows(): number {
    return this.rowsFixed ?? Math.max(1, this.sheet.maxRows - this.row + 1);
  }

  numCols(): number {
    return this.colsFixed ?? Math.max(1, this.sheet.maxCols - this.col + 1);
  }

  rect(): Rect {
    return {
      sheetId: this.sheet.id,
      row: this.row,
      col: this.col,
      rows: this.numRows(),
      cols: this.numCols(),
      ...(this.rowsFixed === null ? { openRows: true } : {}),
      ...(this.colsFixed === null ? { openCols: true } : {}),
    };
  }

  a1(): string {
    const c1 = columnToLetters(this.col);
    const c2 = columnToLetters(this.col + this.numCols() - 1);
    if (this.rowsFixed === null && this.colsFixed !== null) {
      return this.row === 1 ? `${c1}:${c2}` : `${c1}${this.row}:${c2}`;
    }
    if (this.colsFixed === null && this.rowsFixed !== null) {
      const r2 = this.row + this.rowsFixed - 1;
      return this.col === 1 ? `${this.row}:${r2}` : `${c1}${this.row}:${r2}`;
    }
    if (this.numRows() === 1 && this.numCols() === 1) return cellA1(this.row, this.col);
    return `${cellA1(this.row, this.col)}:${cellA1(this.row + this.numRows() - 1, this.col + this.numCols() - 1)}`;
  }

  private alive(): SheetModel {
    if (!this.ss.sheets.includes(this.sheet)) fail("The sheet has been deleted.");
    return this.sheet;
  }

  private each<T>(fn: (r0: number, c0: number) => T): T[][] {
    this.alive();
    const out: T[][] = [];
    const nr = this.numRows();
    const nc = this.numCols();
    for (let i = 0; i < nr; i++) {
      const row: T[] = new Array<T>(nc);
      for (let j = 0; j < nc; j++) row[j] = fn(this.row - 1 + i, this.col - 1 + j);
      out.push(row);
    }
    return out;
  }

  private checkDims(data: unknown[][], method: string): void {
    if (!Array.isArray(data))
      fail(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
    const nr = this.numRows();
    const nc = this.numCols();
    if (data.length !== nr) {
      fail(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${nr}.`,
      );
    }
    for (const row of data) {
      if (!Array.isArray(row))
        fail(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
      if (row.length !== nc) {
        fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${nc}.`,
        );
      }
    }
  }

  private guardEdit(): SheetModel {
    const m = this.alive();
    this.ss.assertEditable(m, this.row, this.col, this.numRows(), this.numCols());
    return m;
  }

  private setEach<T>(grid: { set(r: number, c: number, v: T | undefined): void }, values: (T | undefined)[][]): void {
    values.forEach((row, i) => {
      row.forEach((v, j) => {
        grid.set(this.row - 1 + i, this.col - 1 + j, v);
      });
    });
    this.ss.grow(this.sheet, this.row - 1 + values.length, this.col - 1 + (values[0]?.length ?? 0));
  }

  private fill<T>(value: T): T[][] {
    return Array.from({ length: this.numRows() }, () => new Array<T>(this.numCols()).fill(value));
  }

  getSheet(): FakeSheet {
    this.ss.call("Range.getSheet");
    return this.ss.sheetApi(this.alive());
  }

  getA1Notation(): string {
    this.ss.call("Range.getA1Notation");
    return this.a1();
  }

  getRow(): number {
    this.ss.call("Range.getRow");
    return this.row;
  }

  getColumn(): number {
    this.ss.call("Range.getColumn");
    return this.col;
  }

  getLastRow(): number {
    this.ss.call("Range.getLastRow");
    return this.row + this.numRows() - 1;
  }

  getLastColumn(): number {
    this.ss.call("Range.getLastColumn");
    return this.col + this.numCols() - 1;
  }

  getNumRows(): number {
    this.ss.call("Range.getNumRows");
    return this.numRows();
  }

  getNumColumns(): number {
    this.ss.call("Range.getNumColumns");
    return this.numCols();
  }

  getValue(): unknown {
    this.ss.call("Range.getValue");
    this.alive();
    return this.ss.cellValue(this.sheet, this.row - 1, this.col - 1);
  }

  getValues(): unknown[][] {
    this.ss.call("Range.getValues");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => this.ss.cellValue(this.sheet, r, c));
  }

  setValue(value: unknown): FakeRange {
    this.ss.mutate("Range.setValue");
    const m = this.guardEdit();
    const block = this.each((r, c) => this.ss.toContent(value, m.formats.get(r, c)));
    this.ss.writeBlock(m, this.row - 1, this.col - 1, block);
    return this;
  }

  setValues(values: unknown[][]): FakeRange {
    this.ss.mutate("Range.setValues");
    this.ss.moved(this.numRows() * this.numCols());
    this.checkDims(values, "setValues");
    const m = this.guardEdit();
    const r0 = this.row - 1;
    const c0 = this.col - 1;
    const block: Parsed[][] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const src = values[i]!;
      const row: Parsed[] = new Array(src.length);
      for (let j = 0; j < src.length; j++) row[j] = this.ss.toContent(src[j], m.formats.get(r0 + i, c0 + j));
      block[i] = row;
    }
    this.ss.writeBlock(m, r0, c0, block);
    return this;
  }

  getDisplayValue(): string {
    this.ss.call("Range.getDisplayValue");
    this.alive();
    return this.ss.cellDisplay(this.sheet, this.row - 1, this.col - 1);
  }

  getDisplayValues(): string[][] {
    this.ss.call("Range.getDisplayValues");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => this.ss.cellDisplay(this.sheet, r, c));
  }

  getFormula(): string {
    this.ss.call("Range.getFormula");
    this.alive();
    return this.sheet.formulas.get(this.row - 1, this.col - 1) ?? "";
  }

  getFormulas(): string[][] {
    this.ss.call("Range.getFormulas");
    return this.each((r, c) => this.sheet.formulas.get(r, c) ?? "");
  }

  setFormula(formula: string): FakeRange {
    this.ss.mutate("Range.setFormula");
    const m = this.guardEdit();
    this.ss.writeBlock(m, this.row - 1, this.col - 1, this.fill(formulaContent(formula)));
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.ss.mutate("Range.setFormulas");
    this.checkDims(formulas, "setFormulas");
    const m = this.guardEdit();
    this.ss.writeBlock(
      m,
      this.row - 1,
      this.col - 1,
      formulas.map((row) => row.map(formulaContent)),
    );
    return this;
  }

  clear(): FakeRange {
    this.ss.mutate("Range.clear");
    const m = this.guardEdit();
    const [r0, c0, nr, nc] = [this.row - 1, this.col - 1, this.numRows(), this.numCols()];
    this.ss.clearContents(m, r0, c0, nr, nc);
    for (const g of [m.formats, m.backgrounds, m.fontWeights, m.wraps, m.hAligns]) g.clearRect(r0, c0, nr, nc);
    return this;
  }

  clearContent(): FakeRange {
    this.ss.mutate("Range.clearContent");
    const m = this.guardEdit();
    this.ss.clearContents(m, this.row - 1, this.col - 1, this.numRows(), this.numCols());
    return this;
  }

  clearDataValidations(): FakeRange {
    this.ss.mutate("Range.clearDataValidations");
    const m = this.guardEdit();
    m.validations.clearRect(this.row - 1, this.col - 1, this.numRows(), this.numCols());
    return this;
  }

  getNumberFormat(): string {
    this.ss.call("Range.getNumberFormat");
    this.alive();
    return this.sheet.formats.get(this.row - 1, this.col - 1) ?? "0.###############";
  }

  getNumberFormats(): string[][] {
    this.ss.call("Range.getNumberFormats");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => this.sheet.formats.get(r, c) ?? "0.###############");
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.ss.mutate("Range.setNumberFormat");
    const m = this.guardEdit();
    this.setEach(m.formats, this.fill(numberFormat || undefined));
    return this;
  }

  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.ss.mutate("Range.setNumberFormats");
    this.ss.moved(this.numRows() * this.numCols());
    this.checkDims(numberFormats, "setNumberFormats");
    const m = this.guardEdit();
    this.setEach(
      m.formats,
      numberFormats.map((r) => r.map((f) => f || undefined)),
    );
    return this;
  }

  getNote(): string {
    this.ss.call("Range.getNote");
    this.alive();
    return this.sheet.notes.get(this.row - 1, this.col - 1) ?? "";
  }

  getNotes(): string[][] {
    this.ss.call("Range.getNotes");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => this.sheet.notes.get(r, c) ?? "");
  }

  setNote(note: string | null): FakeRange {
    this.ss.mutate("Range.setNote");
    const m = this.guardEdit();
    this.setEach(m.notes, this.fill(note ? String(note) : undefined));
    return this;
  }

  setNotes(notes: (string | null)[][]): FakeRange {
    this.ss.mutate("Range.setNotes");
    this.ss.moved(this.numRows() * this.numCols());
    this.checkDims(notes, "setNotes");
    const m = this.guardEdit();
    this.setEach(
      m.notes,
      notes.map((r) => r.map((n) => (n ? String(n) : undefined))),
    );
    return this;
  }

  getBackground(): string {
    this.ss.call("Range.getBackground");
    this.alive();
    return this.sheet.backgrounds.get(this.row - 1, this.col - 1) ?? "#ffffff";
  }

  getBackgrounds(): string[][] {
    this.ss.call("Range.getBackgrounds");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => this.sheet.backgrounds.get(r, c) ?? "#ffffff");
  }

  setBackground(color: string | null): FakeRange {
    this.ss.mutate("Range.setBackground");
    const m = this.guardEdit();
    this.setEach(m.backgrounds, this.fill(normalizeColor(color)));
    return this;
  }

  setBackgrounds(color: (string | null)[][]): FakeRange {
    this.ss.mutate("Range.setBackgrounds");
    this.ss.moved(this.numRows() * this.numCols());
    this.checkDims(color, "setBackgrounds");
    const m = this.guardEdit();
    this.setEach(
      m.backgrounds,
      color.map((r) => r.map(normalizeColor)),
    );
    return this;
  }

  getFontWeight(): string {
    this.ss.call("Range.getFontWeight");
    this.alive();
    return this.sheet.fontWeights.get(this.row - 1, this.col - 1) ?? "normal";
  }

  getFontWeights(): string[][] {
    this.ss.call("Range.getFontWeights");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => this.sheet.fontWeights.get(r, c) ?? "normal");
  }

  setFontWeight(fontWeight: string | null): FakeRange {
    this.ss.mutate("Range.setFontWeight");
    const m = this.guardEdit();
    this.setEach(m.fontWeights, this.fill(fontWeight === "bold" ? "bold" : undefined));
    return this;
  }

  setFontWeights(fontWeights: (string | null)[][]): FakeRange {
    this.ss.mutate("Range.setFontWeights");
    this.ss.moved(this.numRows() * this.numCols());
    this.checkDims(fontWeights, "setFontWeights");
    const m = this.guardEdit();
    this.setEach(
      m.fontWeights,
      fontWeights.map((r) => r.map((w) => (w === "bold" ? "bold" : undefined))),
    );
    return this;
  }

  setWrap(isWrapEnabled: boolean): FakeRange {
    this.ss.mutate("Range.setWrap");
    const m = this.guardEdit();
    this.setEach(m.wraps, this.fill(isWrapEnabled ? true : undefined));
    return this;
  }

  getWrap(): boolean {
    this.ss.call("Range.getWrap");
    return this.sheet.wraps.get(this.row - 1, this.col - 1) ?? false;
  }

  setHorizontalAlignment(alignment: string | null): FakeRange {
    this.ss.mutate("Range.setHorizontalAlignment");
    const m = this.guardEdit();
    this.setEach(m.hAligns, this.fill(alignment ?? undefined));
    return this;
  }

  getHorizontalAlignment(): string {
    this.ss.call("Range.getHorizontalAlignment");
    return this.sheet.hAligns.get(this.row - 1, this.col - 1) ?? "general";
  }

  getDataValidation(): FakeDataValidation | null {
    this.ss.call("Range.getDataValidation");
    this.alive();
    const rule = this.sheet.validations.get(this.row - 1, this.col - 1);
    return rule ? new FakeDataValidation(this.ss, rule) : null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.ss.call("Range.getDataValidations");
    this.ss.moved(this.numRows() * this.numCols());
    return this.each((r, c) => {
      const rule = this.sheet.validations.get(r, c);
      return rule ? new FakeDataValidation(this.ss, rule) : null;
    });
  }

  setDataValidation(rule: P.DataValidationPort | null): FakeRange {
    this.ss.mutate("Range.setDataValidation");
    const m = this.guardEdit();
    this.setEach(m.validations, this.fill(rule ? (rule as FakeDataValidation).rule : undefined));
    return this;
  }

  setDataValidations(rules: (P.DataValidationPort | null)[][]): FakeRange {
    this.ss.mutate("Range.setDataValidations");
    this.checkDims(rules, "setDataValidations");
    const m = this.guardEdit();
    this.setEach(
      m.validations,
      rules.map((r) => r.map((v) => (v ? (v as FakeDataValidation).rule : undefined))),
    );
    return this;
  }

  protect(): FakeProtection {
    this.ss.mutate("Range.protect");
    const m = this.alive();
    const p: ProtectionModel = {
      id: this.ss.nextIds.protection++,
      type: "RANGE",
      sheetId: m.id,
      rect: this.rect(),
      description: "",
      warningOnly: false,
      editors: uniqueEmails([this.ss.owner, this.ss.host.activeUserEmail()]),
    };
    this.ss.protections.push(p);
    return new FakeProtection(this.ss, p);
  }

  activate(): FakeRange {
    this.ss.mutate("Range.activate");
    this.ss.activeSheetId = this.alive().id;
    this.ss.activeRange = this.rect();
    return this;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    this.ss.call("Range.offset");
    const row = this.row + rowOffset;
    const col = this.col + columnOffset;
    if (row < 1) fail("The starting row of the range is too small.");
    if (col < 1) fail("The starting column of the range is too small.");
    // As getRange: a range has at least one row and one column (offset(0, 0, 0) throws in Apps Script).
    const rows = numRows ?? this.numRows();
    const cols = numColumns ?? this.numCols();
    if (!Number.isInteger(rows) || rows < 1) fail("The number of rows in the range must be at least 1.");
    if (!Number.isInteger(cols) || cols < 1) fail("The number of columns in the range must be at least 1.");
    return new FakeRange(this.ss, this.alive(), row, col, rows, cols);
  }

  sort(sortSpecObj: unknown): FakeRange {
    this.ss.mutate("Range.sort");
    const m = this.alive();
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const keys: SortKey[] = specs.map((s) => {
      if (typeof s === "number") return { column: s, ascending: true };
      if (s && typeof s === "object" && "column" in s) {
        const spec = s as { column: unknown; ascending?: unknown };
        return { column: Number(spec.column), ascending: spec.ascending !== false };
      }
      return fail("Sort specification is invalid.");
    });
    for (const k of keys) {
      if (!Number.isInteger(k.column) || k.column < this.col || k.column >= this.col + this.numCols()) {
        fail(
          `The column index ${k.column} is out of range. The range has columns ${this.col} to ${this.col + this.numCols() - 1}.`,
        );
      }
    }
    const rows = this.rowsFixed === null ? Math.max(0, this.ss.lastRow(m) - this.row + 1) : this.numRows();
    if (rows > 1) sortRows(this.ss, m, this.row, this.col, rows, this.numCols(), keys);
    return this;
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: string | P.EnumValue, visibility?: P.EnumValue): FakeRange {
    this.ss.mutate("Range.addDeveloperMetadata");
    const m = this.alive();
    let value: string | null = null;
    let vis = "DOCUMENT";
    if (typeof valueOrVisibility === "string") value = valueOrVisibility;
    else if (valueOrVisibility !== undefined) vis = enumName(valueOrVisibility);
    if (visibility !== undefined) vis = enumName(visibility);
    const wholeColumns = this.row === 1 && (this.rowsFixed === null || this.rowsFixed === m.maxRows);
    const wholeRows = this.col === 1 && (this.colsFixed === null || this.colsFixed === m.maxCols);
    let location: MetadataModel["location"];
    if (wholeColumns && !wholeRows)
      location = { type: "COLUMN", sheetId: m.id, start: this.col, count: this.numCols() };
    else if (wholeRows && !wholeColumns)
      location = { type: "ROW", sheetId: m.id, start: this.row, count: this.numRows() };
    else return fail(METADATA_RANGE_MESSAGE);
    this.ss.metadata.push({
      id: this.ss.nextIds.metadata++,
      key,
      value,
      visibility: vis === "PROJECT" ? "PROJECT" : "DOCUMENT",
      location,
    });
    return this;
  }

  getDeveloperMetadata(): FakeMetadata[] {
    this.ss.call("Range.getDeveloperMetadata");
    const m = this.alive();
    return this.ss.metadata
      .filter((md) => {
        const l = md.location;
        if (l.type === "COLUMN")
          return l.sheetId === m.id && l.start === this.col && l.count === this.numCols() && this.row === 1;
        if (l.type === "ROW")
          return l.sheetId === m.id && l.start === this.row && l.count === this.numRows() && this.col === 1;
        return false;
      })
      .map((md) => new FakeMetadata(this.ss, md.id));
  }
}

function formulaContent(formula: string): Parsed {
  if (formula === "" || formula === null || formula === undefined) return { kind: "empty" };
  const f = String(formula);
  return f.startsWith("=") ? { kind: "formula", formula: f } : parseInput(f, "en_US");
}

/** CSS color names, which `setBackground` accepts besides hex notation (Range reference: "in CSS notation"). */
const CSS_COLOR_NAMES = new Set(
  "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen".split(
    " ",
  ),
);

/** The hex form of the CSS names a test may compare with; other names are kept as given. */
const NAMED_HEX: Readonly<Record<string, string>> = {
  white: "#ffffff",
  black: "#000000",
  red: "#ff0000",
  green: "#00ff00",
  blue: "#0000ff",
  yellow: "#ffff00",
};

/**
 * A colour in CSS notation ("#fff", "#ffffff" or a CSS name), lower-cased; null or "" resets. Anything else throws
 * "Invalid color string", as Apps Script does for `Range.setBackground("not a colour")` (live-verified behaviour,
 * listed in the emulator README).
 */
function normalizeColor(color: string | null): string | undefined {
  if (color === null || color === "") return undefined;
  const c = String(color).trim().toLowerCase();
  if (NAMED_HEX[c]) return NAMED_HEX[c];
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  if (/^#[0-9a-f]{6}$/.test(c) || CSS_COLOR_NAMES.has(c)) return c;
  return fail("Invalid color string");
}

// ================================================================ validation

export class FakeDataValidationBuilder implements P.DataValidationBuilderPort {
  private rule: ValidationRule | null = null;
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(private readonly ss: FakeSpreadsheet) {}

  private set(type: ValidationRule["type"], values: unknown[]): this {
    this.rule = { type, values, allowInvalid: this.allowInvalid, helpText: this.helpText };
    return this;
  }

  requireValueInList(values: string[], showDropdown?: boolean): this {
    this.ss.call("DataValidationBuilder.requireValueInList");
    return this.set("VALUE_IN_LIST", [values.map(String), showDropdown ?? true]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    this.ss.call("DataValidationBuilder.requireNumberGreaterThanOrEqualTo");
    return this.set("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }

  requireNumberBetween(start: number, end: number): this {
    this.ss.call("DataValidationBuilder.requireNumberBetween");
    return this.set("NUMBER_BETWEEN", [start, end]);
  }

  requireDate(): this {
    this.ss.call("DataValidationBuilder.requireDate");
    return this.set("DATE_IS_VALID_DATE", []);
  }

  requireCheckbox(): this {
    this.ss.call("DataValidationBuilder.requireCheckbox");
    return this.set("CHECKBOX", []);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.ss.call("DataValidationBuilder.setAllowInvalid");
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.ss.call("DataValidationBuilder.setHelpText");
    this.helpText = helpText;
    return this;
  }

  build(): FakeDataValidation {
    this.ss.call("DataValidationBuilder.build");
    if (!this.rule) fail("You must specify a criteria type before building the validation rule.");
    return new FakeDataValidation(
      this.ss,
      Object.freeze({ ...this.rule, allowInvalid: this.allowInvalid, helpText: this.helpText }),
    );
  }
}

export class FakeDataValidation implements P.DataValidationPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    readonly rule: ValidationRule,
  ) {}

  getCriteriaType(): P.EnumValue {
    this.ss.call("DataValidation.getCriteriaType");
    return DataValidationCriteria[this.rule.type];
  }

  getCriteriaValues(): unknown[] {
    this.ss.call("DataValidation.getCriteriaValues");
    return this.rule.values.map((v) => (Array.isArray(v) ? [...v] : v));
  }

  getAllowInvalid(): boolean {
    this.ss.call("DataValidation.getAllowInvalid");
    return this.rule.allowInvalid;
  }

  getHelpText(): string | null {
    this.ss.call("DataValidation.getHelpText");
    return this.rule.helpText;
  }
}

// ================================================================ protection

export class FakeProtection implements P.ProtectionPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    readonly model: ProtectionModel,
  ) {}

  /** Only the owner and the protection's editors may change it. */
  private guard(method: string): void {
    this.ss.mutate(method);
    if (!this.ss.protections.includes(this.model)) fail("The protection has been removed.");
    const user = this.ss.host.activeUserEmail();
    if (!this.ss.canEditProtection({ ...this.model, warningOnly: false }, user)) fail(PROTECTED_MESSAGE);
  }

  getDescription(): string {
    this.ss.call("Protection.getDescription");
    return this.model.description;
  }

  setDescription(description: string): FakeProtection {
    this.guard("Protection.setDescription");
    this.model.description = description;
    return this;
  }

  isWarningOnly(): boolean {
    this.ss.call("Protection.isWarningOnly");
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.guard("Protection.setWarningOnly");
    this.model.warningOnly = warningOnly;
    return this;
  }

  /**
   * A warning-only protection has no editor list: Sheets shows a warning to everyone and lets everyone edit, and
   * `getEditors()` returns an empty array for it (live-verified, listed in the emulator README).
   */
  getEditors(): FakeUser[] {
    this.ss.call("Protection.getEditors");
    if (this.model.warningOnly) return [];
    return this.model.editors.map((e) => new FakeUser(this.ss, e));
  }

  addEditor(emailAddress: string): FakeProtection {
    this.guard("Protection.addEditor");
    this.model.editors = uniqueEmails([...this.model.editors, emailAddress]);
    return this;
  }

  addEditors(emailAddresses: string[]): FakeProtection {
    this.guard("Protection.addEditors");
    this.model.editors = uniqueEmails([...this.model.editors, ...emailAddresses]);
    return this;
  }

  removeEditors(emailAddresses: string[]): FakeProtection {
    this.guard("Protection.removeEditors");
    const drop = new Set(emailAddresses.map((e) => e.toLowerCase()));
    // The owner always stays an editor.
    this.model.editors = this.model.editors.filter(
      (e) => !drop.has(e.toLowerCase()) || e.toLowerCase() === this.ss.owner.toLowerCase(),
    );
    return this;
  }

  getRange(): FakeRange {
    this.ss.call("Protection.getRange");
    if (this.model.rect) return this.ss.rangeOf(this.model.rect);
    const sheet = this.ss.sheetById(this.model.sheetId);
    if (!sheet) fail("The sheet has been deleted.");
    return new FakeRange(this.ss, sheet, 1, 1, sheet.maxRows, sheet.maxCols);
  }

  getProtectionType(): P.EnumValue {
    this.ss.call("Protection.getProtectionType");
    return ProtectionType[this.model.type];
  }

  remove(): void {
    this.guard("Protection.remove");
    this.ss.protections = this.ss.protections.filter((p) => p !== this.model);
  }

  canEdit(): boolean {
    this.ss.call("Protection.canEdit");
    return this.ss.canEditProtection(this.model, this.ss.host.activeUserEmail());
  }
}

export class FakeUser implements P.UserPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.ss.call("User.getEmail");
    return this.email;
  }
}

// ================================================================ conditional formats and charts

export class FakeConditionalFormatRuleBuilder implements P.ConditionalFormatRuleBuilderPort {
  private readonly model: CondRuleModel = { condition: null, background: null, fontColor: null, ranges: [] };

  constructor(private readonly ss: FakeSpreadsheet) {}

  whenNumberGreaterThan(number: number): this {
    this.ss.call("ConditionalFormatRuleBuilder.whenNumberGreaterThan");
    this.model.condition = { type: "NUMBER_GREATER_THAN", values: [number] };
    return this;
  }

  whenNumberLessThan(number: number): this {
    this.ss.call("ConditionalFormatRuleBuilder.whenNumberLessThan");
    this.model.condition = { type: "NUMBER_LESS_THAN", values: [number] };
    return this;
  }

  whenTextEqualTo(text: string): this {
    this.ss.call("ConditionalFormatRuleBuilder.whenTextEqualTo");
    this.model.condition = { type: "TEXT_EQUAL_TO", values: [text] };
    return this;
  }

  whenFormulaSatisfied(formula: string): this {
    this.ss.call("ConditionalFormatRuleBuilder.whenFormulaSatisfied");
    this.model.condition = { type: "CUSTOM_FORMULA", values: [formula] };
    return this;
  }

  setBackground(color: string | null): this {
    this.ss.call("ConditionalFormatRuleBuilder.setBackground");
    this.model.background = normalizeColor(color) ?? null;
    return this;
  }

  setFontColor(color: string | null): this {
    this.ss.call("ConditionalFormatRuleBuilder.setFontColor");
    this.model.fontColor = normalizeColor(color) ?? null;
    return this;
  }

  setRanges(ranges: P.RangePort[]): this {
    this.ss.call("ConditionalFormatRuleBuilder.setRanges");
    this.model.ranges = ranges.map((r) => (r as FakeRange).rect());
    return this;
  }

  build(): FakeConditionalFormatRule {
    this.ss.call("ConditionalFormatRuleBuilder.build");
    return new FakeConditionalFormatRule(this.ss, structuredClone(this.model));
  }
}

export class FakeConditionalFormatRule implements P.ConditionalFormatRulePort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    readonly model: CondRuleModel,
  ) {}

  getRanges(): FakeRange[] {
    this.ss.call("ConditionalFormatRule.getRanges");
    return this.model.ranges.map((r) => this.ss.rangeOf(r));
  }

  /** The recorded condition ({ type, values }), for tests. */
  condition(): CondRuleModel["condition"] {
    return this.model.condition;
  }

  background(): string | null {
    return this.model.background;
  }
}

export class FakeChartBuilder implements P.EmbeddedChartBuilderPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly model: ChartModel,
  ) {}

  addRange(range: P.RangePort): this {
    this.ss.call("EmbeddedChartBuilder.addRange");
    this.model.ranges.push((range as FakeRange).rect());
    return this;
  }

  setChartType(type: P.EnumValue): this {
    this.ss.call("EmbeddedChartBuilder.setChartType");
    this.model.type = enumName(type);
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.ss.call("EmbeddedChartBuilder.setPosition");
    this.model.position = [anchorRowPos, anchorColPos, offsetX, offsetY];
    return this;
  }

  setOption(option: string, value: unknown): this {
    this.ss.call("EmbeddedChartBuilder.setOption");
    this.model.options[option] = structuredClone(value);
    return this;
  }

  build(): FakeChart {
    this.ss.call("EmbeddedChartBuilder.build");
    return new FakeChart(this.ss, structuredClone(this.model));
  }
}

export class FakeChart implements P.EmbeddedChartPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    readonly model: ChartModel,
  ) {}

  getRanges(): FakeRange[] {
    this.ss.call("EmbeddedChart.getRanges");
    return this.model.ranges.map((r) => this.ss.rangeOf(r));
  }

  getChartId(): number | null {
    this.ss.call("EmbeddedChart.getChartId");
    return this.model.id;
  }

  /** Recorded type and options, for tests. */
  getType(): string | null {
    return this.model.type;
  }

  getOptionsRecorded(): Record<string, unknown> {
    return this.model.options;
  }
}

// ================================================================ developer metadata

export class FakeMetadataFinder implements P.DeveloperMetadataFinderPort {
  private key: string | null = null;
  private value: string | null = null;

  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly sheetId: number | null,
  ) {}

  withKey(key: string): this {
    this.ss.call("DeveloperMetadataFinder.withKey");
    this.key = key;
    return this;
  }

  withValue(value: string): this {
    this.ss.call("DeveloperMetadataFinder.withValue");
    this.value = value;
    return this;
  }

  find(): FakeMetadata[] {
    this.ss.call("DeveloperMetadataFinder.find");
    return this.ss.metadata
      .filter((m) => {
        if (this.sheetId !== null && (m.location.type === "SPREADSHEET" || m.location.sheetId !== this.sheetId))
          return false;
        if (this.key !== null && m.key !== this.key) return false;
        if (this.value !== null && m.value !== this.value) return false;
        return true;
      })
      .map((m) => new FakeMetadata(this.ss, m.id));
  }
}

export class FakeMetadata implements P.DeveloperMetadataPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly id: number,
  ) {}

  /** The live record: structural edits replace records, so it is looked up by id each time. */
  private current(): MetadataModel {
    const m = this.ss.metadata.find((x) => x.id === this.id);
    if (!m) fail("The developer metadata has been removed.");
    return m;
  }

  getId(): number {
    this.ss.call("DeveloperMetadata.getId");
    return this.id;
  }

  getKey(): string {
    this.ss.call("DeveloperMetadata.getKey");
    return this.current().key;
  }

  getValue(): string | null {
    this.ss.call("DeveloperMetadata.getValue");
    return this.current().value;
  }

  getVisibility(): P.EnumValue {
    this.ss.call("DeveloperMetadata.getVisibility");
    return DeveloperMetadataVisibility[this.current().visibility];
  }

  getLocation(): FakeMetadataLocation {
    this.ss.call("DeveloperMetadata.getLocation");
    return new FakeMetadataLocation(this.ss, this.current().location);
  }

  setValue(value: string): FakeMetadata {
    this.ss.mutate("DeveloperMetadata.setValue");
    this.current().value = value;
    return this;
  }

  remove(): void {
    this.ss.mutate("DeveloperMetadata.remove");
    this.current();
    this.ss.metadata = this.ss.metadata.filter((x) => x.id !== this.id);
  }
}

export class FakeMetadataLocation implements P.DeveloperMetadataLocationPort {
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly location: MetadataModel["location"],
  ) {}

  getLocationType(): P.EnumValue {
    this.ss.call("DeveloperMetadataLocation.getLocationType");
    return DeveloperMetadataLocationType[this.location.type];
  }

  getColumn(): FakeRange | null {
    this.ss.call("DeveloperMetadataLocation.getColumn");
    const l = this.location;
    if (l.type !== "COLUMN") return null;
    const sheet = this.ss.sheetById(l.sheetId);
    return sheet ? new FakeRange(this.ss, sheet, 1, l.start, null, l.count) : null;
  }

  getRow(): FakeRange | null {
    this.ss.call("DeveloperMetadataLocation.getRow");
    const l = this.location;
    if (l.type !== "ROW") return null;
    const sheet = this.ss.sheetById(l.sheetId);
    return sheet ? new FakeRange(this.ss, sheet, l.start, 1, l.count, null) : null;
  }

  getSheet(): FakeSheet | null {
    this.ss.call("DeveloperMetadataLocation.getSheet");
    const l = this.location;
    if (l.type === "SPREADSHEET") return null;
    const sheet = this.ss.sheetById(l.sheetId);
    return sheet ? this.ss.sheetApi(sheet) : null;
  }

  getSpreadsheet(): FakeSpreadsheet | null {
    this.ss.call("DeveloperMetadataLocation.getSpreadsheet");
    return this.location.type === "SPREADSHEET" ? this.ss : null;
  }
}

// ================================================================ entry points

export function createSpreadsheet(host: SpreadsheetHost, options: CreateSpreadsheetOptions): FakeSpreadsheet {
  return new FakeSpreadsheet(host, options);
}

/** The SpreadsheetApp global over one spreadsheet (the active one of every execution). */
export function createSpreadsheetApp(
  host: SpreadsheetHost,
  ss: FakeSpreadsheet,
): P.SpreadsheetAppPort & {
  getActive(): FakeSpreadsheet;
  getActiveSheet(): FakeSheet;
  getActiveRange(): FakeRange | null;
  DeveloperMetadataLocationType: typeof DeveloperMetadataLocationType;
} {
  const count = (m: string) => host.counter.count(`SpreadsheetApp.${m}`);
  return {
    getActiveSpreadsheet() {
      count("getActiveSpreadsheet");
      return ss;
    },
    getActive() {
      count("getActive");
      return ss;
    },
    getActiveSheet() {
      count("getActiveSheet");
      return ss.sheetApi(ss.activeSheetModel());
    },
    getActiveRange() {
      count("getActiveRange");
      const r = ss.activeRange;
      return r && r.sheetId === ss.activeSheetModel().id ? ss.rangeOf(r) : null;
    },
    getUi() {
      count("getUi");
      return host.ui();
    },
    flush() {
      count("flush");
    },
    newDataValidation() {
      count("newDataValidation");
      return new FakeDataValidationBuilder(ss);
    },
    newConditionalFormatRule() {
      count("newConditionalFormatRule");
      return new FakeConditionalFormatRuleBuilder(ss);
    },
    ProtectionType,
    DataValidationCriteria,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
  };
}

/** The Charts global (only its ChartType enum is used with embedded charts). */
export function createCharts(): P.ChartsPort {
  return { ChartType };
}
