// The Tasks tab as the execution plans: the task rows of each campaign, in sheet order (the order of the steps),
// decoded as the workflow's completeness check reads them.
import type { TaskDraft } from "../../domain/workflow";
import { cellText } from "../shared/cells";
import type { SpreadsheetPort } from "../shared/ports";
import type { ReadContext } from "../shared/records";
import { cellOf, type KeyedTable, keyed } from "../shared/rows";
import { findTab, readTable } from "../shared/table";
import { decodedCells } from "./decoded";
import { TASKS_TAB } from "./tabs";

/** The task's columns, in the order of a task. */
const TASK_FIELDS = ["step", "owner", "start", "due", "deliverable"] as const;

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
  for (const row of t.table.rows) {
    const campaign = cellText(cellOf(t, row, "campaign"));
    if (campaign === "") continue;
    const draft: TaskDraft = decodedCells(t, TASKS_TAB, row, TASK_FIELDS, ctx);
    const list = byCampaign.get(campaign) ?? [];
    list.push({ row: row.row, draft });
    byCampaign.set(campaign, list);
  }
  return { ...t, byCampaign };
}
