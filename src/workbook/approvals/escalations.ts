// The Escalations tab (problems reported and the superior's instruction) and the Notifications tab (every e-mail
// the add-on tried), read as records with their rows.
import type { EscalationState, NoticeStatus, Severity } from "../../domain/records";
import { cellText, decodeCell } from "../shared/cells";
import type { SpreadsheetPort } from "../shared/ports";
import { cellOf, type KeyedTable, keyed } from "../shared/rows";
import type { TabSpec } from "../shared/spec";
import { findTab, readTable } from "../shared/table";
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

/**
 * Every row of a tab as text by column (its key in camel case: reported_at as reportedAt), a choice column read back
 * to its value (a label in either language). Null when the workbook has no such tab. One getValues.
 */
function readTextRows<R>(ss: SpreadsheetPort, tab: TabSpec): (KeyedTable & { readonly list: R[] }) | null {
  const sheet = findTab(ss, tab);
  if (!sheet) return null;
  const t = keyed(readTable(sheet, tab));
  const list = t.table.rows.map((row) => {
    const record: Record<string, string | number> = { row: row.row };
    for (const spec of tab.columns) {
      const raw = cellOf(t, row, spec.key);
      const key = spec.key.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
      record[key] = cellText(spec.kind === "choice" ? decodeCell(spec, raw, () => "") : raw);
    }
    return record as R;
  });
  return { ...t, list };
}

export function readEscalations(ss: SpreadsheetPort): EscalationsRead | null {
  const read = readTextRows<Escalation>(ss, ESCALATIONS_TAB);
  return read && { ...read, list: read.list.filter((e) => e.id !== "") };
}

export interface NoticeRecord {
  readonly row: number;
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
  return readTextRows<NoticeRecord>(ss, NOTIFICATIONS_TAB);
}
