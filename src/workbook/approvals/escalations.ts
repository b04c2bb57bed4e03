// The Escalations tab (problems reported and the superior's instruction) and the Notifications tab (every e-mail
// the add-on tried), read as records with their rows.
import type { EscalationState, NoticeStatus, Severity } from "../../domain/records";
import { decodeCell } from "../shared/cells";
import type { SpreadsheetPort } from "../shared/ports";
import { cellOf, type KeyedTable, keyed } from "../shared/rows";
import type { ColumnSpec } from "../shared/spec";
import { findTab, readTable, type TableRow } from "../shared/table";
import { ESCALATIONS_TAB, NOTIFICATIONS_TAB } from "./tabs";

export interface Escalation {
  readonly row: number;
  readonly id: string;
  readonly campaign: string;
  readonly reportedAt: string;
  readonly reportedBy: string;
  readonly severity: Severity | string;
  readonly problem: string;
  readonly instruction: string;
  readonly answeredBy: string;
  readonly answeredAt: string;
  readonly state: EscalationState | string;
}

export interface EscalationsRead extends KeyedTable {
  readonly list: readonly Escalation[];
}

/** Text of a cell; a choice column read back to its value (a label in either language). */
function textOf(t: KeyedTable, columns: readonly ColumnSpec[], row: TableRow, key: string): string {
  const raw = cellOf(t, row, key);
  const spec = columns.find((c) => c.key === key);
  const value = spec?.kind === "choice" ? decodeCell(spec, raw, () => "") : raw;
  return value === null || value === undefined ? "" : String(value).trim();
}

export function readEscalations(ss: SpreadsheetPort): EscalationsRead | null {
  const sheet = findTab(ss, ESCALATIONS_TAB);
  if (!sheet) return null;
  const t = keyed(readTable(sheet, ESCALATIONS_TAB));
  const text = (row: TableRow, key: string) => textOf(t, ESCALATIONS_TAB.columns, row, key);
  const list = t.table.rows
    .map((row) => ({
      row: row.row,
      id: text(row, "id"),
      campaign: text(row, "campaign"),
      reportedAt: text(row, "reported_at"),
      reportedBy: text(row, "reported_by"),
      severity: text(row, "severity"),
      problem: text(row, "problem"),
      instruction: text(row, "instruction"),
      answeredBy: text(row, "answered_by"),
      answeredAt: text(row, "answered_at"),
      state: text(row, "state"),
    }))
    .filter((e) => e.id !== "");
  return { ...t, list };
}

export interface NoticeRecord {
  readonly at: string;
  readonly campaign: string;
  readonly to: string;
  readonly subject: string;
  readonly status: NoticeStatus | string;
  readonly reason: string;
}

export interface NotificationsRead extends KeyedTable {
  readonly list: readonly NoticeRecord[];
}

export function readNotifications(ss: SpreadsheetPort): NotificationsRead | null {
  const sheet = findTab(ss, NOTIFICATIONS_TAB);
  if (!sheet) return null;
  const t = keyed(readTable(sheet, NOTIFICATIONS_TAB));
  const text = (row: TableRow, key: string) => textOf(t, NOTIFICATIONS_TAB.columns, row, key);
  const list = t.table.rows.map((row) => ({
    at: text(row, "at"),
    campaign: text(row, "campaign"),
    to: text(row, "to"),
    subject: text(row, "subject"),
    status: text(row, "status"),
    reason: text(row, "reason"),
  }));
  return { ...t, list };
}
