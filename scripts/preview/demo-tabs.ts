// What the preview's demo loaders share: finding the add-on's tabs and columns by their stable keys, reading a
// column, and pasting rows as a person would (so validation and onEdit apply as in Sheets).
import type { Emulator } from "../../test/emulator/index";

const TAB_KEY = "campaign-control.tab";
const COLUMN_KEY = "campaign-control.column";

export interface FoundTab {
  readonly name: string;
  readonly columns: Map<string, number>;
}

export type DemoRow = Readonly<Record<string, string | number | undefined>>;

/** A tab of the add-on by its key, with its columns by key. */
export function findTab(emu: Emulator, key: string): FoundTab | null {
  const tagged = emu.spreadsheet.createDeveloperMetadataFinder().withKey(TAB_KEY).withValue(key).find()[0];
  const location = tagged?.getLocation();
  const sheet = location?.getRow()?.getSheet() ?? location?.getSheet();
  if (!sheet) return null;
  const columns = new Map<string, number>();
  for (const m of sheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const column = m.getLocation().getColumn()?.getColumn();
    const value = m.getValue();
    if (column && value && !columns.has(value)) columns.set(value, column);
  }
  return { name: sheet.getName(), columns };
}

/** The values of one column below the header, as text. */
export function columnValues(emu: Emulator, tab: FoundTab, key: string): string[] {
  const sheet = emu.spreadsheet.getSheetByName(tab.name);
  const column = tab.columns.get(key);
  if (!sheet || !column || sheet.getLastRow() < 2) return [];
  return sheet
    .getRange(2, column, sheet.getLastRow() - 1, 1)
    .getValues()
    .map((r) => String(r[0]));
}

export function has(emu: Emulator, tab: FoundTab, key: string, value: string): boolean {
  return columnValues(emu, tab, key).includes(value);
}

/** Pastes rows below the tab's last row, each value into the column of its key; a refused paste is an error. */
export function paste(emu: Emulator, tab: FoundTab, rows: readonly DemoRow[]): void {
  const sheet = emu.spreadsheet.getSheetByName(tab.name);
  if (!sheet || rows.length === 0) return;
  const width = Math.max(...tab.columns.values());
  const block = rows.map((record) => {
    const cells: (string | number)[] = new Array(width).fill("");
    for (const [key, column] of tab.columns) if (record[key] !== undefined) cells[column - 1] = record[key] ?? "";
    return cells;
  });
  emu.edit(`'${tab.name.replace(/'/g, "''")}'!A${sheet.getLastRow() + 1}`, block);
  if (emu.lastEdit && !emu.lastEdit.ok)
    throw new Error(`demo rows refused on ${tab.name}: ${emu.lastEdit.message ?? ""}`);
}

export function requestId(prefix: string): string {
  return `${prefix}-${Math.random().toString(16).slice(2, 10)}${Date.now().toString(16)}`;
}
