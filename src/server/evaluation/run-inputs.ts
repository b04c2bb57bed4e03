// Whether the scheduled monitoring run has anything to do: a cheap fingerprint of its inputs, kept with the time
// before which nothing time-based can change. A run reads every source tab whole, so at a department's size a
// full run costs seconds of reads; an hourly schedule would spend far more than the daily trigger quota if every
// tick did it. A tick whose inputs are unchanged skips, for about 20 service calls instead.
//
// The fingerprint, and why each part:
// - the local date: overdue tasks, projected attainment and the "days" in every alert move with it (one full run
//   a day at least);
// - the last row of each source tab (Campaigns, Tasks, Approval log, KPIs, readings, Feedback, Budget, Expenses,
//   Rates, Settings): every row the add-on or a person adds, pastes or deletes changes one (a layout-cached getSheetById
//   and a getLastRow per tab);
// - the log's anchor (its count and last hash) and the roles, from the document properties read anyway: every
//   decision, submission and change of who may decide;
// - the edit marker: onEdit notes the time of the first edit after a run, so a typed change of an
//   existing cell (a KPI's actual, a task's status, a due date) is seen at the next tick (shared/freshness.ts).
// What it does not see: a script or the Sheets API changing existing cells without adding or removing rows (no
// onEdit fires for them), and a re-saved draft from the sidebar. Those reach the reports at the next full run (the
// next day, or at once with "Run now" or the Refresh items).

import { dateParse, finiteNumber, mathFloor, stringify } from "../../domain/builtins";
import { CAMPAIGNS_TAB, LOG_TAB, TASKS_TAB } from "../../workbook/approvals/tabs";
import { FEEDBACK_TAB, KPIS_TAB, READINGS_TAB } from "../../workbook/evaluation/tabs";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import { SETTINGS_TAB } from "../../workbook/shared/settings";
import { fnv1a } from "../../workbook/shared/setup-plan";
import { findTab } from "../../workbook/shared/table";
import { BUDGET_TAB, EXPENSES_TAB, RATES_TAB } from "../../workbook/spend/tabs";
import { KEY } from "../shared/store";

const SOURCE_TABS = [
  CAMPAIGNS_TAB,
  TASKS_TAB,
  LOG_TAB,
  KPIS_TAB,
  READINGS_TAB,
  FEEDBACK_TAB,
  BUDGET_TAB,
  EXPENSES_TAB,
  RATES_TAB,
  SETTINGS_TAB,
];

const DAY_MS = 24 * 3600 * 1000;

/** The fingerprint of the inputs now: 2 calls per source tab, none for the properties (already read). */
export function fingerprintNow(
  ss: SpreadsheetPort,
  stored: Readonly<Record<string, string>>,
  localDate: string,
): string {
  const rows = SOURCE_TABS.map((tab) => findTab(ss, tab)?.getLastRow() ?? -1);
  return fnv1a(stringify([localDate, rows, stored[KEY.anchor] ?? "", stored[KEY.roles] ?? ""]));
}

/**
 * The first instant after `now` at which a waiting request's alert changes by time alone: it crosses the wait or
 * the escalation threshold, or its day count goes up. Requests whose time is a date only change with the date.
 */
export function nextTimeChange(
  requests: readonly { readonly submittedAt: string }[],
  settings: { readonly requestWaitDays: number; readonly escalateAfterDays: number },
  now: number,
): number | null {
  let next: number | null = null;
  const consider = (at: number) => {
    if (at > now && (next === null || at < next)) next = at;
  };
  for (const r of requests) {
    if (!/T/.test(r.submittedAt)) continue;
    const t0 = dateParse(r.submittedAt);
    if (!finiteNumber(t0)) continue;
    consider(t0 + settings.requestWaitDays * DAY_MS);
    consider(t0 + settings.escalateAfterDays * DAY_MS);
    consider(t0 + (mathFloor((now - t0) / DAY_MS) + 1) * DAY_MS);
  }
  return next;
}
