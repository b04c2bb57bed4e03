// The formula engine behind the emulated cells: a HyperFormula mirror of the cell store, custom functions
// dispatched to the host, Sheets' open-ended ranges ("B2:B"), spilling with learned result sizes.
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
  SimpleRangeValue,
} from "hyperformula";
import type { SpreadsheetHost } from "./host";
import { dateToSerial, serialToDate } from "./values";

/** What the engine needs from the cell store. Rows and columns are 0-based here. */
export interface EngineModel {
  readonly host: SpreadsheetHost;
  readonly timeZone: string;
  /** Sheets in order, with their full content as HyperFormula input (strings already quoted, formulas translated). */
  engineSheets(): { id: number; name: string; content: RawCellContent[][] }[];
  isDateCell(sheetId: number, row: number, col: number): boolean;
  /** Named ranges as absolute references ("=Sheet1!$B$2:$B$9"), usable by name in formulas. */
  engineNames(): { name: string; expression: string }[];
  /** A Date in the realm of the script that will receive it. */
  makeDate(ms: number): Date;
  /** The sheet's row count (Sheet.getMaxRows): an open-ended range like B2:B reaches down to it. */
  maxRowsOf(sheetId: number): number;
}

/** An evaluated cell as the engine reports it. */
export type EngineValue =
  | { kind: "empty" }
  | { kind: "value"; value: number | string | boolean; date: boolean }
  | { kind: "error"; code: string; message: string };

const OPEN_FN = "ZZOPENRANGE";
const TODAY_FN = "TODAY";
const NOW_FN = "NOW";
/** Pending writes beyond this are cheaper to apply by rebuilding the engine from the store. */
const REBUILD_THRESHOLD = 20_000;
const SHEET_REF = "(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!";
const OPEN_RANGE_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9_$!'.])(${SHEET_REF})?(\$?)([A-Za-z]{1,3})(\$?)(\d+):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_($!:.])`,
  "g",
);
const OPEN_BACK_RE = new RegExp(
  String.raw`${OPEN_FN}\(\s*(${SHEET_REF})?(\$?[A-Z]+):(\$?[A-Z]+)\s*,\s*(?:${SHEET_REF})?(\$?[A-Z]+)(\$?\d+)\s*\)`,
  "g",
);

function mapOutsideStrings(formula: string, fn: (code: string) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      out += fn(formula.slice(i));
      break;
    }
    out += fn(formula.slice(i, q));
    // A string literal runs to the next quote that is not doubled.
    let j = q + 1;
    while (j < formula.length) {
      if (formula[j] === '"') {
        if (formula[j + 1] === '"') {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    out += formula.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}

/** Sheets syntax -> engine syntax: open-ended ranges become a function over the whole column. */
export function toEngineFormula(formula: string): string {
  return mapOutsideStrings(formula, (code) =>
    code.replace(
      OPEN_RANGE_RE,
      (_m, sheet: string | undefined, d1: string, c1: string, d2: string, r1: string, c2: string) => {
        const p = sheet ?? "";
        const endCol = c2.replace("$", "");
        return `${OPEN_FN}(${p}${d1}${c1}:${c2.startsWith("$") ? "$" : ""}${endCol},${p}${d1}${c1}${d2}${r1})`;
      },
    ),
  );
}

/** Engine syntax -> Sheets syntax. */
export function fromEngineFormula(formula: string): string {
  return mapOutsideStrings(formula, (code) =>
    code.replace(
      OPEN_BACK_RE,
      (_m, sheet: string | undefined, c1: string, c2: string, _ac: string, row: string) =>
        `${sheet ?? ""}${c1}${row}:${c2}`,
    ),
  );
}

// ---------------------------------------------------------------- the function plugins

interface AstLike {
  type: string;
  procedureName: string;
  args: AstLike[];
  reference?: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
  start?: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
}
interface StateLike {
  formulaAddress: SimpleCellAddress;
}
type Internal = unknown;
interface VertexLike {
  formula?: unknown;
  array?: unknown;
  width?: number;
  height?: number;
}

const registered = new Set<string>();

function addrKey(a: SimpleCellAddress): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

function isRichDate(v: unknown): boolean {
  const name = (v as { constructor?: { name?: string } } | null)?.constructor?.name;
  return name === "DateNumber" || name === "DateTimeNumber";
}

function rawNumber(v: unknown): unknown {
  if (v !== null && typeof v === "object" && "val" in v && typeof (v as { val: unknown }).val === "number") {
    return (v as { val: number }).val;
  }
  return v;
}

/** The plugin class must own its methods (HyperFormula checks the prototype), so each name gets a fresh class. */
function makePlugin(name: string, kind: "custom" | "open" | "clock"): FunctionPluginDefinition {
  class EmulatorFunctions extends FunctionPlugin {
    run(ast: AstLike, state: StateLike): Internal {
      const engine = (this as unknown as { config: { context: unknown } }).config.context;
      if (!(engine instanceof Engine))
        return new CellError(ErrorType.NAME, `Unknown function: '${ast.procedureName}'.`);
      const self = this as unknown as PluginAccess;
      if (kind === "clock") return engine.clock(ast.procedureName, self);
      if (kind === "open") return engine.fitTopLevel(self, ast, state, engine.openRange(self, ast, state));
      return engine.runCustom(self, ast, state);
    }
    size(_ast: AstLike, state: StateLike): ArraySize {
      const engine = (this as unknown as { config: { context: unknown } }).config.context;
      if (!(engine instanceof Engine)) return ArraySize.scalar();
      return engine.predictSize(state.formulaAddress);
    }
  }
  const parameters =
    kind === "clock"
      ? []
      : kind === "open"
        ? [{ argumentType: FunctionArgumentType.ANY }, { argumentType: FunctionArgumentType.ANY }]
        : [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }];
  (EmulatorFunctions as unknown as { implementedFunctions: unknown }).implementedFunctions = {
    [name]: {
      method: "run",
      ...(kind === "clock" ? { isVolatile: true } : { sizeOfResultArrayMethod: "size" }),
      parameters,
      ...(kind === "custom" ? { repeatLastArgs: 1 } : {}),
    },
  };
  return EmulatorFunctions as unknown as FunctionPluginDefinition;
}

function ensureRegistered(name: string, kind: "custom" | "open" | "clock"): void {
  if (registered.has(name)) return;
  // A custom function may not shadow a built-in, as in Sheets.
  if (kind === "custom" && HyperFormula.getRegisteredFunctionNames("enGB").includes(name)) return;
  if (kind === "clock") HyperFormula.unregisterFunction(name);
  HyperFormula.registerFunctionPlugin(makePlugin(name, kind), { enGB: { [name]: name } });
  registered.add(name);
}

interface PluginAccess {
  evaluateAst(ast: AstLike, state: StateLike): unknown;
  dependencyGraph: {
    getCell(a: SimpleCellAddress): VertexLike | undefined;
    getCellValue(a: SimpleCellAddress): unknown;
    getSheetHeight(sheet: number): number;
  };
  returnNumberWrapper(val: number, type?: string): unknown;
}

// ---------------------------------------------------------------- the engine

interface SimpleCellAddressLike {
  row: number;
  col: number;
}

interface Block {
  sheetId: number;
  row: number;
  col: number;
  data: RawCellContent[][];
}

export class Engine {
  private hf: HyperFormula | null = null;
  private enabled = false;
  private needsRebuild = true;
  private pending: Block[] = [];
  private pendingCells = 0;
  private syncing = false;
  private hfIds = new Map<number, number>();
  private myIds = new Map<number, number>();
  private names: string[] = [];
  private readonly learned = new Map<string, { w: number; h: number }>();
  private readonly relearn = new Set<string>();
  private readonly stash = new Map<string, { args: string; result: unknown }>();
  /** Blocked spills re-entered since the last write, so each is retried once per change. */
  private readonly spillRetried = new Set<string>();

  constructor(private readonly model: EngineModel) {
    ensureRegistered(OPEN_FN, "open");
    ensureRegistered(TODAY_FN, "clock");
    ensureRegistered(NOW_FN, "clock");
  }

  /** True once any formula exists: until then the store alone answers every read. */
  get isEnabled(): boolean {
    return this.enabled;
  }

  enable(): void {
    if (this.enabled) return;
    this.enabled = true;
    this.needsRebuild = true;
  }

  /** The store changed wholesale (sheet added, renamed, restored): rebuild on the next read. */
  invalidate(): void {
    this.needsRebuild = true;
    this.pending = [];
    this.pendingCells = 0;
  }

  write(sheetId: number, row: number, col: number, data: RawCellContent[][]): void {
    if (!this.enabled || this.needsRebuild) return;
    const cells = data.length * (data[0]?.length ?? 0);
    this.pendingCells += cells;
    if (this.pendingCells > REBUILD_THRESHOLD) {
      this.invalidate();
      return;
    }
    this.pending.push({ sheetId, row, col, data });
  }

  private build(): void {
    this.spillRetried.clear();
    const sheets = this.model.engineSheets();
    this.names = this.model.host.customFunctionNames().map((n) => n.toUpperCase());
    for (const n of this.names) ensureRegistered(n, "custom");
    this.hf?.destroy();
    const input: Record<string, RawCellContent[][]> = {};
    for (const s of sheets) input[s.name] = s.content;
    this.hfIds.clear();
    this.myIds.clear();
    this.learned.clear();
    // Building evaluates every formula, and custom functions need the sheet mapping meanwhile: the engine numbers
    // sheets in input order.
    sheets.forEach((s, i) => {
      this.hfIds.set(s.id, i);
      this.myIds.set(i, s.id);
    });
    this.hf = HyperFormula.buildFromSheets(
      input,
      {
        licenseKey: "gpl-v3",
        context: this,
        maxRows: 5_000_000,
        maxColumns: 18_278,
        dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY"],
        timeFormats: ["hh:mm", "hh:mm:ss.sss"],
      },
      // Sheets knows TRUE and FALSE as constants; the engine only as functions.
      [
        { name: "TRUE", expression: "=TRUE()" },
        { name: "FALSE", expression: "=FALSE()" },
        ...this.model.engineNames().filter((n) => !/^(true|false)$/i.test(n.name)),
      ],
    );
    for (const s of sheets) {
      if (this.hf.getSheetId(s.name) !== this.hfIds.get(s.id)) throw new Error(`engine misnumbered sheet ${s.name}`);
    }
    this.needsRebuild = false;
    this.pending = [];
    this.pendingCells = 0;
  }

  private namesChanged(): boolean {
    const now = this.model.host.customFunctionNames().map((n) => n.toUpperCase());
    return now.length !== this.names.length || now.some((n, i) => n !== this.names[i]);
  }

  /** Brings the engine up to date with the store; false while no formula exists. */
  sync(): boolean {
    if (!this.enabled) return false;
    // A custom function that reads cells while the engine evaluates sees the values computed so far.
    if (this.syncing) return this.hf !== null;
    this.syncing = true;
    try {
      // The host's function list only matters when formulas are entered or the engine is rebuilt.
      if (this.needsRebuild || !this.hf || (this.pending.length > 0 && this.namesChanged())) this.build();
      else if (this.pending.length > 0) {
        const hf = this.hf;
        const blocks = this.pending;
        this.spillRetried.clear();
        this.pending = [];
        this.pendingCells = 0;
        hf.batch(() => {
          for (const b of blocks) {
            const sheet = this.hfIds.get(b.sheetId);
            if (sheet !== undefined) hf.setCellContents({ sheet, row: b.row, col: b.col }, b.data);
          }
        });
      }
      this.settle();
    } finally {
      this.syncing = false;
    }
    return true;
  }

  /** Re-enters formulas whose result size differed from the prediction, so the spill matches the result. */
  private settle(): void {
    const hf = this.hf;
    if (!hf) return;
    for (let round = 0; round < 4 && this.relearn.size > 0; round++) {
      const keys = [...this.relearn];
      this.relearn.clear();
      hf.batch(() => {
        for (const key of keys) {
          const [sheet, row, col] = key.split(":").map(Number) as [number, number, number];
          const address = { sheet, row, col };
          const f = hf.getCellFormula(address);
          if (f !== undefined) hf.setCellContents(address, [[f]]);
        }
      });
    }
    this.relearn.clear();
    this.stash.clear();
  }

  /** Runs a structural change in the engine (which moves formula references), if the engine is live. */
  structural(sheetId: number, op: (hf: HyperFormula, sheet: number) => void): boolean {
    if (!this.sync() || !this.hf) return false;
    const sheet = this.hfIds.get(sheetId);
    if (sheet === undefined) return false;
    this.syncing = true;
    try {
      op(this.hf, sheet);
      // Learned sizes are keyed by address, which the change just moved.
      this.learned.clear();
    } catch {
      // The engine refused (an array in the way): rebuild from the store, whose formulas keep their text.
      this.invalidate();
      return false;
    } finally {
      this.syncing = false;
    }
    this.sync();
    return true;
  }

  /** A formula moved from one cell to another as copying moves it (relative references follow), Sheets syntax. */
  movedFormula(sheetId: number, from: SimpleCellAddressLike, to: SimpleCellAddressLike): string | undefined {
    if (!this.sync() || !this.hf) return undefined;
    const sheet = this.hfIds.get(sheetId);
    if (sheet === undefined) return undefined;
    const source = { sheet, row: from.row, col: from.col };
    const target = { sheet, row: to.row, col: to.col };
    try {
      const out = this.hf.getFillRangeData({ start: source, end: source }, { start: target, end: target });
      const f = out[0]?.[0];
      return typeof f === "string" && f.startsWith("=") ? fromEngineFormula(f) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The formula now in a cell, in Sheets syntax (references moved by structural changes). */
  formula(sheetId: number, row: number, col: number): string | undefined {
    const sheet = this.hfIds.get(sheetId);
    if (!this.hf || sheet === undefined) return undefined;
    const f = this.hf.getCellFormula({ sheet, row, col });
    return f === undefined ? undefined : fromEngineFormula(f);
  }

  renameSheet(sheetId: number, name: string): void {
    if (!this.sync() || !this.hf) return;
    const sheet = this.hfIds.get(sheetId);
    if (sheet === undefined) return;
    this.hf.renameSheet(sheet, name);
  }

  addSheet(sheetId: number, name: string): void {
    if (!this.hf || this.needsRebuild) return;
    const hid = this.hf.getSheetId(this.hf.addSheet(name));
    if (hid === undefined) {
      this.invalidate();
      return;
    }
    this.hfIds.set(sheetId, hid);
    this.myIds.set(hid, sheetId);
  }

  /** Removes a sheet; formulas that referred to it become #REF! as in Sheets. */
  removeSheet(sheetId: number): void {
    if (!this.sync() || !this.hf) return;
    const sheet = this.hfIds.get(sheetId);
    if (sheet === undefined) return;
    this.hf.removeSheet(sheet);
    this.hfIds.delete(sheetId);
    this.myIds.delete(sheet);
    this.sync();
  }

  value(sheetId: number, row: number, col: number): EngineValue {
    if (!this.sync() || !this.hf) return { kind: "empty" };
    const sheet = this.hfIds.get(sheetId);
    if (sheet === undefined) return { kind: "empty" };
    const address = { sheet, row, col };
    let v: unknown;
    try {
      v = this.hf.getCellValue(address);
    } catch {
      return { kind: "empty" };
    }
    if (v === null || v === undefined) return { kind: "empty" };
    if (v instanceof DetailedCellError && v.type === "SPILL" && !this.spillRetried.has(addrKey(address))) {
      // The engine does not re-check a blocked spill when the blocking cell is cleared; re-entering does.
      this.spillRetried.add(addrKey(address));
      const f = this.hf.getCellFormula(address);
      if (f !== undefined) {
        this.hf.setCellContents(address, [[f]]);
        this.settle();
        return this.value(sheetId, row, col);
      }
    }
    if (v instanceof DetailedCellError) return toSheetsError(v.type, v.message);
    if (typeof v === "number") {
      let date = false;
      try {
        const t = this.hf.getCellValueDetailedType(address);
        date = t === "NUMBER_DATE" || t === "NUMBER_DATETIME";
      } catch {
        date = false;
      }
      return { kind: "value", value: v, date };
    }
    if (typeof v === "string" || typeof v === "boolean") return { kind: "value", value: v, date: false };
    return { kind: "empty" };
  }

  /** The engine's sheet height (rows holding anything, spills included), 0 when the engine is off. */
  height(sheetId: number): { rows: number; cols: number } {
    if (!this.sync() || !this.hf) return { rows: 0, cols: 0 };
    const sheet = this.hfIds.get(sheetId);
    if (sheet === undefined) return { rows: 0, cols: 0 };
    const d = this.hf.getSheetDimensions(sheet);
    return { rows: d.height, cols: d.width };
  }

  // ---------------------------------------------------------------- called from the plugins

  predictSize(address: SimpleCellAddress): ArraySize {
    const l = this.learned.get(addrKey(address));
    return l ? new ArraySize(l.w, l.h) : ArraySize.scalar();
  }

  clock(name: string, plugin: PluginAccess): Internal {
    const now = this.model.host.now?.() ?? new Date();
    const serial = dateToSerial(now, this.model.timeZone);
    return name === TODAY_FN
      ? plugin.returnNumberWrapper(Math.floor(serial), "NUMBER_DATE")
      : plugin.returnNumberWrapper(serial, "NUMBER_DATETIME");
  }

  openRange(plugin: PluginAccess, ast: AstLike, state: StateLike): Internal {
    const start = this.openStart(ast, state);
    if (!start) return new CellError(ErrorType.REF);
    const cols = plugin.evaluateAst(ast.args[0]!, state);
    if (!(cols instanceof SimpleRangeValue)) return cols instanceof CellError ? cols : new CellError(ErrorType.REF);
    // As in Sheets, B2:B reaches the sheet's last row (getMaxRows), blank rows included: a custom function
    // gets the whole column and returns one row for each, so both inputs of =F(B2:B, C2:C) have the same height.
    const sheetId = this.myIds.get(start.sheet);
    const height = Math.max(1, (sheetId === undefined ? cols.data.length : this.model.maxRowsOf(sheetId)) - start.row);
    const width = cols.data[0]?.length ?? 1;
    const rows = cols.data.slice(start.row, start.row + height);
    while (rows.length < height) rows.push(Array.from({ length: width }, () => EmptyValue));
    return SimpleRangeValue.onlyValues(rows as never);
  }

  private openStart(ast: AstLike, state: StateLike): SimpleCellAddress | null {
    const anchor = ast.args[1];
    if (anchor?.type !== "CELL_REFERENCE" || !anchor.reference) return null;
    return anchor.reference.toSimpleCellAddress(state.formulaAddress);
  }

  /** Where a range argument starts, so date-formatted cells can be handed over as Date objects. */
  private argStart(ast: AstLike, state: StateLike, value: SimpleRangeValue): SimpleCellAddress | null {
    if (value.range) return value.range.start;
    if (ast.type === "FUNCTION_CALL" && ast.procedureName === OPEN_FN) return this.openStart(ast, state);
    return null;
  }

  private toJs(v: unknown, at: SimpleCellAddress | null): unknown {
    if (v === EmptyValue || v === null || v === undefined) return "";
    const raw = rawNumber(v);
    if (typeof raw === "number") {
      const mySheet = at ? this.myIds.get(at.sheet) : undefined;
      const date =
        isRichDate(v) || (at !== null && mySheet !== undefined && this.model.isDateCell(mySheet, at.row, at.col));
      return date ? this.model.makeDate(serialToDate(raw, this.model.timeZone).getTime()) : raw;
    }
    return raw;
  }

  private toEngine(v: unknown, plugin: PluginAccess): Internal {
    if (v === null || v === undefined) return EmptyValue;
    if (typeof v === "number") return Number.isFinite(v) ? v : new CellError(ErrorType.NUM);
    if (typeof v === "string" || typeof v === "boolean") return v;
    if (Object.prototype.toString.call(v) === "[object Date]") {
      const serial = dateToSerial(v as Date, this.model.timeZone);
      return plugin.returnNumberWrapper(serial, Number.isInteger(serial) ? "NUMBER_DATE" : "NUMBER_DATETIME");
    }
    return String(v);
  }

  runCustom(plugin: PluginAccess, ast: AstLike, state: StateLike): Internal {
    const name = ast.procedureName.toUpperCase();
    if (!this.names.includes(name)) return new CellError(ErrorType.NAME, `Unknown function: '${ast.procedureName}'.`);
    const args: unknown[] = [];
    for (const argAst of ast.args) {
      const v = plugin.evaluateAst(argAst, state);
      if (v instanceof CellError) return v;
      if (v instanceof SimpleRangeValue) {
        const start = this.argStart(argAst, state, v);
        const rows: unknown[][] = [];
        for (let r = 0; r < v.data.length; r++) {
          const row: unknown[] = [];
          const src = v.data[r]!;
          for (let c = 0; c < src.length; c++) {
            const cell = src[c];
            if (cell instanceof CellError) return cell;
            row.push(this.toJs(cell, start ? { sheet: start.sheet, row: start.row + r, col: start.col + c } : null));
          }
          rows.push(row);
        }
        args.push(rows);
      } else {
        // A one-cell range ("A1:A1") arrives as its value, like a reference.
        const ref =
          argAst.type === "CELL_REFERENCE" ? argAst.reference : argAst.type === "CELL_RANGE" ? argAst.start : undefined;
        const at = ref ? ref.toSimpleCellAddress(state.formulaAddress) : null;
        args.push(this.toJs(v, at));
      }
    }
    const key = addrKey(state.formulaAddress);
    const argsKey = JSON.stringify(args);
    let result: unknown;
    const stashed = this.stash.get(key);
    if (stashed && stashed.args === argsKey) {
      result = stashed.result;
    } else {
      try {
        result = this.model.host.callCustomFunction(name, args);
      } catch (e) {
        return new CellError(ErrorType.ERROR, e instanceof Error ? e.message : String(e));
      }
    }
    let value: Internal;
    if (Array.isArray(result)) {
      if (result.length === 0) return new CellError(ErrorType.NA, "Function returned an empty array.");
      // A one-dimensional array fills a column, as in Sheets.
      const rows = result.map((r) => (Array.isArray(r) ? r : [r]));
      const width = Math.max(...rows.map((r) => r.length));
      const data = rows.map((r) => {
        const out: Internal[] = [];
        for (let c = 0; c < width; c++) out.push(this.toEngine(r[c], plugin));
        return out;
      });
      value = SimpleRangeValue.onlyValues(data as never);
    } else {
      value = this.toEngine(result, plugin);
    }
    this.stash.set(key, { args: argsKey, result });
    return this.fitTopLevel(plugin, ast, state, value);
  }

  /**
   * A formula's spill size is fixed when it is entered; when the result turns out to have another size, the
   * engine learns the size and re-enters the formula (settle), as the result must spill exactly.
   */
  fitTopLevel(plugin: PluginAccess, ast: AstLike, state: StateLike, value: Internal): Internal {
    const vertex = plugin.dependencyGraph.getCell(state.formulaAddress);
    if (!vertex || vertex.formula !== ast) return value;
    const isArray = vertex.array !== undefined;
    const have = isArray ? { w: vertex.width ?? 1, h: vertex.height ?? 1 } : { w: 1, h: 1 };
    const need = value instanceof SimpleRangeValue ? { w: value.width(), h: value.height() } : { w: 1, h: 1 };
    const key = addrKey(state.formulaAddress);
    if (need.w !== have.w || need.h !== have.h) {
      this.learned.set(key, need);
      this.relearn.add(key);
    }
    if (!(value instanceof SimpleRangeValue)) return value;
    if (!isArray) return value.data[0]![0];
    if (need.w <= have.w && need.h <= have.h) return value;
    const fitted = value.data.slice(0, have.h).map((r) => r.slice(0, have.w));
    return SimpleRangeValue.onlyValues(fitted as never);
  }
}

function toSheetsError(type: string, message: string): EngineValue {
  switch (type) {
    case "CYCLE":
      return {
        kind: "error",
        code: "#REF!",
        message: "Circular dependency detected. To resolve with iterative calculation, see File > Settings.",
      };
    case "SPILL":
      return {
        kind: "error",
        code: "#REF!",
        message: "Array result was not expanded because it would overwrite data.",
      };
    case "ERROR":
    case "LIC":
      return {
        kind: "error",
        code: "#ERROR!",
        message: message.startsWith("Parsing error") ? "Formula parse error." : message,
      };
    case "DIV_BY_ZERO":
      return { kind: "error", code: "#DIV/0!", message: message || "Function DIVIDE parameter 2 cannot be zero." };
    case "NAME": {
      const unknown = /^Function name (\S+) not recognized\.$/.exec(message);
      return { kind: "error", code: "#NAME?", message: unknown ? `Unknown function: '${unknown[1]}'.` : message };
    }
    case "NA":
      return { kind: "error", code: "#N/A", message };
    case "NUM":
      return { kind: "error", code: "#NUM!", message };
    case "REF":
      return { kind: "error", code: "#REF!", message };
    default:
      return { kind: "error", code: "#VALUE!", message };
  }
}
