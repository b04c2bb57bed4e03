// Helpers for tests and benchmarks of a growing approval log: the document properties as stored, the log's rows as the
// domain reads them, a log grown by sealing made-up events with the document's key (one setValues), and a count of the
// cells read from the log tab.
import {
  type HashFn,
  keyedHash,
  LOG_COLUMNS,
  type LogEntry,
  type LogRow,
  readLogRow,
  sealEntries,
} from "../../src/domain/workflow";
import type { Emulator } from "../emulator/index";
import { FakeRange } from "../emulator/spreadsheet/spreadsheet";

export const LOG_TAB = "Approval log";
export const STATE_TAB = "Campaign Control state";

/** The document properties as stored. */
export function documentProps(emu: Emulator): Record<string, string> {
  return Object.values(emu.save().properties.documents)[0] ?? {};
}

/** Bytes of the document property store as its quota counts them (keys and values, UTF-8). */
export function propertyBytes(emu: Emulator): number {
  return Object.entries(documentProps(emu)).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}

export function logRowsOf(emu: Emulator): LogRow[] {
  const values = emu.values(LOG_TAB).slice(1);
  return values
    .map((cells) => readLogRow(Object.fromEntries(LOG_COLUMNS.map((k, i) => [k, cells[i]]))))
    .filter((r): r is LogRow => r !== null);
}

/**
 * Appends `pairs` plan submissions and approvals of made-up campaigns (F-<from>, F-<from+1>, ...) to the log, sealed
 * under the document's key after its last row exactly as the add-on seals them, in one setValues; the template is the
 * add-on's own first approved plan in the log. Sheet rows are added so that the log keeps spare rows, as a small one
 * does.
 */
export function growLog(emu: Emulator, pairs: number, from = 1, seal?: HashFn): void {
  const rows = logRowsOf(emu);
  const submitRow = rows.find((r) => r.action === "submit" && r.requestType === "plan");
  const approveRow = rows.find((r) => r.action === "approve" && r.requestId === submitRow?.requestId);
  if (!submitRow || !approveRow) throw new Error("no approved plan to copy");
  const entry = (r: LogRow): LogEntry => {
    const { seq: _s, prevHash: _p, hash: _h, ...rest } = r;
    return rest;
  };
  const entries: LogEntry[] = [];
  for (let k = from; k < from + pairs; k++) {
    const requestId = `fill-${k}`;
    entries.push({ ...entry(submitRow), id: `fill-${k}-s`, entityId: `F-${k}`, requestId });
    entries.push({ ...entry(approveRow), id: `fill-${k}-a`, entityId: `F-${k}`, requestId });
  }
  const last = rows[rows.length - 1];
  const secret = documentProps(emu)["cc.secret"];
  const sealed = sealEntries(entries, last ? { seq: last.seq, hash: last.hash } : null, seal ?? keyedHash(secret));
  const sheet = emu.spreadsheet.getSheetByName(LOG_TAB);
  if (!sheet) throw new Error("no log tab");
  const first = sheet.getLastRow() + 1;
  const lastRow = first + sealed.length - 1;
  if (sheet.getMaxRows() < lastRow + 200) {
    sheet.insertRowsAfter(sheet.getMaxRows(), lastRow + 200 - sheet.getMaxRows());
  }
  const range = sheet.getRange(first, 1, sealed.length, LOG_COLUMNS.length);
  range.setNumberFormat("@");
  range.setValues(sealed.map((r) => LOG_COLUMNS.map((k) => String(r[k]))));
  // The anchor moves as the add-on moves it after an append.
  const end = sealed[sealed.length - 1];
  if (end) {
    const anchor = JSON.stringify({ count: end.seq, lastHash: end.hash });
    emu.runtime.properties.document(emu.runtime.documentId).write([["cc.anchor", anchor]], false);
  }
}

/**
 * Counts the cells every getValues reads from the log tab (whole or in part) until the returned function is called,
 * which gives the count and puts the emulator's Range back as it was.
 */
export function countLogCells(): {
  readonly cells: () => number;
  readonly reset: () => void;
  readonly stop: () => void;
} {
  const original = FakeRange.prototype.getValues;
  let cells = 0;
  FakeRange.prototype.getValues = function (this: FakeRange) {
    const values = original.call(this);
    if (this.sheet.name === LOG_TAB) cells += values.length * (values[0]?.length ?? 0);
    return values;
  };
  return {
    cells: () => cells,
    reset: () => {
      cells = 0;
    },
    stop: () => {
      FakeRange.prototype.getValues = original;
    },
  };
}
