// Reads a tab as a table: finds the tab (by metadata, then by name), reads all its cells with ONE getValues, finds
// the columns by key and hands out the non-blank data rows with their sheet row numbers. Where the tab and its
// columns are comes from the layout cache (layouts.ts) while the header row vouches for it, else from the metadata.
import { isBlank } from "../../domain/found";
import { type ColumnMetadata, type Layout, locateColumns } from "./columns";
import { cachedColumns, cachedTab, rememberColumns, rememberTab } from "./layouts";
import type { SheetPort, SpreadsheetPort } from "./ports";
import { COLUMN_METADATA_KEY, TAB_METADATA_KEY, type TabSpec, tabNames } from "./spec";

export interface TableRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly cells: readonly unknown[];
}

export interface Table {
  readonly sheet: SheetPort;
  /** The tab's name as the sheet shows it now. */
  readonly name: string;
  readonly header: readonly unknown[];
  readonly layout: Layout;
  readonly metadata: readonly ColumnMetadata[];
  readonly rows: readonly TableRow[];
  /** Width of the data range (the last column holding anything). */
  readonly width: number;
  /** Height of the data range, header included. */
  readonly height: number;
}

export interface FoundTab {
  readonly sheet: SheetPort;
  /** False when found by its default name only (a hand-made tab, or someone else's tab of that name). */
  readonly byMetadata: boolean;
}

/**
 * The tab carrying our tab metadata (so a renamed tab is still ours), else a tab with one of its default names in
 * any language; null when there is none. The sheet the metadata was last found on is tried first (one call).
 */
export function locateTab(ss: SpreadsheetPort, tab: TabSpec): FoundTab | null {
  const cached = cachedTab(ss, tab);
  if (cached) return { sheet: cached, byMetadata: true };
  const found = scanForTab(ss, tab);
  if (found?.byMetadata) rememberTab(tab, found.sheet);
  return found;
}

/** locateTab without the cache: setup, which adds and moves metadata, looks at what is there. */
export function scanForTab(ss: SpreadsheetPort, tab: TabSpec): FoundTab | null {
  const tagged = ss.createDeveloperMetadataFinder().withKey(TAB_METADATA_KEY).withValue(tab.key).find();
  for (const md of tagged) {
    const location = md.getLocation();
    const sheet = location.getRow()?.getSheet() ?? location.getSheet();
    if (sheet) return { sheet, byMetadata: true };
  }
  for (const name of tabNames(tab)) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return { sheet, byMetadata: false };
  }
  return null;
}

export function findTab(ss: SpreadsheetPort, tab: TabSpec): SheetPort | null {
  return locateTab(ss, tab)?.sheet ?? null;
}

export function readColumnMetadata(sheet: SheetPort): ColumnMetadata[] {
  return sheet
    .createDeveloperMetadataFinder()
    .withKey(COLUMN_METADATA_KEY)
    .find()
    .map((md) => ({ column: md.getLocation().getColumn()?.getColumn() ?? 0, value: md.getValue() ?? "" }));
}

/** One getValues for the whole tab; rows that are entirely blank are skipped (they are not campaigns). */
export function readTable(sheet: SheetPort, tab: TabSpec): Table {
  const values = sheet.getDataRange().getValues();
  const header = values[0] ?? [];
  let metadata = cachedColumns(sheet, tab, header);
  if (!metadata) {
    metadata = readColumnMetadata(sheet);
    rememberColumns(sheet, tab, header, metadata);
  }
  return tableFromValues(sheet, tab, values, metadata);
}

/** A table from values already read (setup reads a tab once and uses the values twice). */
export function tableFromValues(
  sheet: SheetPort,
  tab: TabSpec,
  values: readonly (readonly unknown[])[],
  metadata: readonly ColumnMetadata[],
): Table {
  const header = values[0] ?? [];
  const layout = locateColumns(tab, header, metadata);
  const rows: TableRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    if (!cells.every(isBlank)) rows.push({ row: i + 1, cells });
  }
  return {
    sheet,
    name: sheet.getName(),
    header,
    layout,
    metadata,
    rows,
    width: header.length,
    height: values.length,
  };
}
