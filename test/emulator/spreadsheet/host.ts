// The contract between the emulated SpreadsheetApp and the runtime that hosts it (executions, users, Ui, custom functions).
import type { RangePort, UiPort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";

export interface SpreadsheetHost {
  counter: CallCounter;
  /** True while a custom function executes: every mutating call then throws, as in Sheets. */
  readOnly(): boolean;
  /** The user whose edits and protections apply right now. */
  activeUserEmail(): string;
  /** SpreadsheetApp.getUi(): the runtime decides whether the current execution may have a Ui (and throws if not). */
  ui(): UiPort;
  toast(message: string, title: string, timeoutSeconds: number): void;
  /** Upper-case names the formula engine must know as custom functions. */
  customFunctionNames(): string[];
  /**
   * Runs the bundle's custom function in a fresh execution; throws (with the user-facing message) on error.
   * Formulas are evaluated lazily, so this may be called during any read of the spreadsheet, including one made
   * by another execution.
   */
  callCustomFunction(name: string, args: unknown[]): unknown;
  /** The virtual clock for TODAY() and NOW(); the machine clock when absent. */
  now?(): Date;
  /**
   * Creates the Date objects handed to scripts (getValues, custom-function arguments), so a script running in
   * another realm (a vm context) gets Dates that pass its own `instanceof Date`. Plain `new Date` when absent.
   */
  makeDate?(ms: number): Date;
  /** Sheet.getFormUrl: the URL of the form that sends its responses to the tab, or null (none when absent). */
  formUrlOf?(spreadsheetId: string, sheetId: number): string | null;
}

export interface CreateSpreadsheetOptions {
  id?: string;
  name: string;
  /** "en_US" or "zh_CN" */
  locale: string;
  /** IANA zone, e.g. "Europe/Berlin" */
  timeZone: string;
  /** e-mail of the owner */
  owner: string;
}

/** What a user edit produced, for the trigger layer (onEdit event object). */
export interface UserEditResult {
  ok: boolean;
  /** Why the edit was refused (validation help text or protection message); set when ok is false. */
  message?: string;
  /** True when a warning-only protection covered the edit (Sheets shows a warning, the edit goes through). */
  warned: boolean;
  sheetName: string;
  /** A1 notation of the edited range without the sheet name. */
  a1: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The edited range (e.range of the event). */
  range: RangePort;
  /** Single-cell edits only: the value as onEdit's e.value reports it (a string, as Sheets does), else undefined. */
  value?: string;
  /** Single-cell edits only: the previous value as e.oldValue reports it, undefined when the cell was empty. */
  oldValue?: string;
}
