// The spreadsheet the script runs in: one short name for SpreadsheetApp.getActiveSpreadsheet(), which thirty-odd
// server functions start from (Code.js spells a global's member out at every call; a local function it minifies).
import { trimLower } from "../../domain/builtins";
export function activeSpreadsheet(): ReturnType<typeof SpreadsheetApp.getActiveSpreadsheet> {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** A user's e-mail, trimmed and lower-cased; "" when Google does not reveal it. */
export function emailOf(user: () => { getEmail(): string | null }): string {
  try {
    return trimLower(user().getEmail() ?? "");
  } catch {
    return "";
  }
}

/** Utilities.formatDate, as YYYY-MM-DD unless another pattern is given. */
export function formatDate(date: Date, timeZone: string, pattern = "yyyy-MM-dd"): string {
  return Utilities.formatDate(date, timeZone, pattern);
}

export function userInterface(): ReturnType<typeof SpreadsheetApp.getUi> {
  return SpreadsheetApp.getUi();
}

/** SpreadsheetApp.flush(): pending writes applied now. */
export function flush(): void {
  SpreadsheetApp.flush();
}

export function documentLock(): ReturnType<typeof LockService.getDocumentLock> {
  return LockService.getDocumentLock();
}

/** The spreadsheet's time zone; the active spreadsheet's unless another is given. */
export function timeZoneOf(ss: { getSpreadsheetTimeZone(): string } = activeSpreadsheet()): string {
  return ss.getSpreadsheetTimeZone();
}

/** The spreadsheet's locale; the active spreadsheet's unless another is given. */
export function localeOf(ss: { getSpreadsheetLocale(): string } = activeSpreadsheet()): string {
  return ss.getSpreadsheetLocale();
}
