// The budget-control tabs: Budget (planned amounts by campaign, category and month), Expenses (one row per expense,
// its Status written by the add-on), Rates (currency rates by date) and the generated Variance report.
import type { MessageKey } from "../../domain/i18n";
import { EXPENSE_KINDS, EXPENSE_STATUSES } from "../../domain/spend/model";
import { type Col, type ColumnSpec, CURRENCY_CHOICE, choiceOf, type TabSpec } from "../shared/spec";

const KIND_CHOICE = choiceOf<string>(EXPENSE_KINDS, (k) => `spend.kind.${k}` as MessageKey, null);
const YES_NO_CHOICE = choiceOf<string>(["yes", "no"], (k) => `spend.${k}` as MessageKey, "no");
// Written by the add-on; the rule only warns, so a blank (not assessed yet) or a repaired cell is never refused.
const STATUS_CHOICE = choiceOf<string>(EXPENSE_STATUSES, (s) => `spend.expenseStatus.${s}` as MessageKey, null);

/**
 * A tab named `spend.tab.<tab>`. Labels reuse the domain's field names, `spend.field.<key>`; help texts are
 * `spend.help.<tab>.<key>`.
 */
function spendTab(tab: "budget" | "expenses" | "rates", list: readonly Col[]): TabSpec {
  const columns: ColumnSpec[] = list.map(([key, kind, width, extra]) => ({
    key,
    label: `spend.field.${key}` as MessageKey,
    help: `spend.help.${tab}.${key}` as MessageKey,
    kind,
    width,
    ...extra,
  }));
  return { key: tab, name: `spend.tab.${tab}` as MessageKey, columns };
}

export const BUDGET_TAB: TabSpec = spendTab("budget", [
  ["campaign", "text", 120, { required: true, plainText: true }],
  ["category", "text", 140],
  // Text, so "2026-03" stays a month and Sheets does not turn it into the 1st of March.
  ["month", "text", 90, { plainText: true }],
  ["planned", "money", 120],
  ["currency", "choice", 80, { choice: CURRENCY_CHOICE }],
  ["note", "text", 240],
]);

export const EXPENSES_TAB: TabSpec = spendTab("expenses", [
  ["id", "text", 110, { required: true, plainText: true, projected: true }],
  ["date", "date", 100],
  ["campaign", "text", 120, { plainText: true }],
  ["category", "text", 130],
  ["vendor", "text", 160],
  ["description", "text", 220],
  ["amount", "money", 110, { signed: true }],
  ["currency", "choice", 80, { choice: CURRENCY_CHOICE }],
  ["kind", "choice", 110, { choice: KIND_CHOICE }],
  ["receiptLink", "text", 200],
  ["reimbursable", "choice", 100, { choice: YES_NO_CHOICE }],
  ["requestedBy", "text", 180],
  ["status", "choice", 180, { choice: STATUS_CHOICE, projected: true }],
  // Last, so a workbook set up before refunds gets it where setup appends new columns.
  ["refundOf", "text", 110, { plainText: true }],
]);

export const RATES_TAB: TabSpec = spendTab("rates", [
  ["currency", "choice", 90, { required: true, choice: CURRENCY_CHOICE }],
  ["rate", "number", 110],
  ["validFrom", "date", 110],
]);

/** Written whole by "Refresh variance report"; it has no columns of its own for setup to manage. */
export const VARIANCE_TAB: TabSpec = {
  key: "variance",
  name: "spend.tab.variance",
  columns: [],
  appendOnly: true,
};

/** In the order setup creates them, after the tabs of the plan. */
export const SPEND_TAB_SPECS: readonly TabSpec[] = [BUDGET_TAB, EXPENSES_TAB, RATES_TAB, VARIANCE_TAB];
