// Filling the emulated workbook for the benchmarks: records written into a tab by column key (wherever setup put each
// column), and approval-log events sealed and written as the add-on would have appended them.
import { type HashFn, LOG_COLUMNS, type LogEntry, sealEntries } from "../src/domain/workflow";
import type { Emulator } from "../test/emulator/index";

const COLUMN_KEY = "campaign-control.column";

/** Each tab's columns by key, from the column metadata setup writes. */
export function columnsOf(emu: Emulator): Map<string, Map<string, number>> {
  const byTab = new Map<string, Map<string, number>>();
  for (const m of emu.spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const column = m.getLocation().getColumn();
    if (!column) continue;
    const tab = column.getSheet().getName();
    const map = byTab.get(tab) ?? new Map<string, number>();
    map.set(m.getValue() ?? "", column.getColumn());
    byTab.set(tab, map);
  }
  return byTab;
}

/** The records as the tab's rows from row 2, in one setValues; the sheet grows to hold them. */
export function writeRecords(emu: Emulator, tab: string, records: readonly Record<string, unknown>[]): void {
  const columns = columnsOf(emu).get(tab);
  const sheet = emu.spreadsheet.getSheetByName(tab);
  if (!columns || !sheet) throw new Error(`no tab ${tab}`);
  const width = Math.max(...columns.values());
  const need = records.length + 1;
  if (sheet.getMaxRows() < need) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
  const block = records.map((record) => {
    const cells: unknown[] = new Array(width).fill("");
    for (const [key, value] of Object.entries(record)) cells[(columns.get(key) ?? 0) - 1] = value;
    return cells;
  });
  if (block.length > 0) sheet.getRange(2, 1, block.length, width).setValues(block);
}

/** The events sealed into a chain and written to the Approval log tab, every cell text. */
export function writeLog(emu: Emulator, events: readonly LogEntry[], seal?: HashFn): void {
  // Unless a seal is given, the rows carry a made-up hash: enough for reads that fold, not for a verification.
  const sealed = sealEntries(events, null, seal ?? (() => "bench"));
  const end = sealed[sealed.length - 1];
  if (seal && end) {
    // The anchor, as the add-on keeps it after an append.
    const anchor = JSON.stringify({ count: end.seq, lastHash: end.hash });
    emu.runtime.properties.document(emu.runtime.documentId).write([["cc.anchor", anchor]], false);
  }
  writeRecords(
    emu,
    "Approval log",
    sealed.map((e) => Object.fromEntries(LOG_COLUMNS.map((k) => [k, String(e[k])]))),
  );
}
