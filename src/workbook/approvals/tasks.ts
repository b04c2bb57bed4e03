// The Tasks tab as the execution plans: the task rows of each campaign, in sheet order (the order of the steps),
// decoded as the workflow's completeness check reads them.
import type { TaskDraft } from "../../domain/workflow";
import { decodeCell } from "../shared/cells";
import type { SpreadsheetPort } from "../shared/ports";
import type { ReadContext } from "../shared/records";
import { cellOf, type KeyedTable, keyed } from "../shared/rows";
import { findTab, readTable } from "../shared/table";
import { TASKS_TAB } from "./tabs";

export interface TaskRow {
  readonly row: number;
  readonly draft: TaskDraft;
}

export interface TasksRead extends KeyedTable {
  readonly byCampaign: ReadonlyMap<string, readonly TaskRow[]>;
}

/** Null when the workbook has no Tasks tab. One getValues. */
export function readTasks(ss: SpreadsheetPort, ctx: ReadContext): TasksRead | null {
  const sheet = findTab(ss, TASKS_TAB);
  if (!sheet) return null;
  const t = keyed(readTable(sheet, TASKS_TAB));
  const byCampaign = new Map<string, TaskRow[]>();
  const decoded = (row: (typeof t.table.rows)[number], key: string) => {
    const spec = TASKS_TAB.columns.find((c) => c.key === key);
    const raw = cellOf(t, row, key);
    return spec ? decodeCell(spec, raw, ctx.formatDate) : raw;
  };
  for (const row of t.table.rows) {
    const campaign = String(cellOf(t, row, "campaign") ?? "").trim();
    if (campaign === "") continue;
    const draft: TaskDraft = {
      step: decoded(row, "step"),
      owner: decoded(row, "owner"),
      start: decoded(row, "start"),
      due: decoded(row, "due"),
      deliverable: decoded(row, "deliverable"),
    };
    const list = byCampaign.get(campaign) ?? [];
    list.push({ row: row.row, draft });
    byCampaign.set(campaign, list);
  }
  return { ...t, byCampaign };
}
