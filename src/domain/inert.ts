// Makes text the add-on writes into cells inert: Sheets would run "=..." (and "+", "-", "@" starts) as a formula,
// and spreadsheet exports treat tab/CR/NUL starts the same way, so such text gets a leading apostrophe, which Sheets
// keeps as a "show as text" marker and does not display.

const FORMULA_START = /^[=+\-@\t\r\0]/;

export function needsQuoting(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Text that Sheets stores and shows as exactly `text`, never as a formula. */
export function inertText(text: string): string {
  return needsQuoting(text) ? `'${text}` : text;
}

/** A value for setValues: strings made inert, numbers, booleans and dates as they are. */
export function inertCell<T>(value: T): T | string {
  return typeof value === "string" ? inertText(value) : value;
}
