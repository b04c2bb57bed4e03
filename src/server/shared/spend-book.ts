// Budget control on the server: the workbook read for it (Settings, Campaigns, the approval log and the three spend
// tabs, one getValues each), the ledger and positions folded from it, the Status column of expenses projected from
// the log, and the Variance report refreshed in one batch.

import { type Lang, langOf, tKey } from "../../domain/i18n";
import { fromMinorUnits } from "../../domain/money";
import type { Settings } from "../../domain/settings";
import {
  type ApprovedLines,
  buildLedger,
  conversionMessage,
  convert,
  convertApprovedLines,
  EXPENSE_STATUSES,
  type ExpenseStatus,
  foldPositions,
  type Ledger,
  type LedgerSource,
  majorUnits,
  type OverrunDecision,
  overrunDecisionsOf,
  type Positions,
  reportFrom,
  type SpendRowProblem,
  type SpendSettings,
  type VarianceReport,
} from "../../domain/spend";
import {
  approvedLines,
  type CampaignState,
  type FoldResult,
  foldEvents,
  type LineSnapshot,
  type LogEntry,
  type LogRow,
  linesSnapshot,
  type RequestView,
} from "../../domain/workflow";
import { type CampaignTable, readCampaigns } from "../../workbook/approvals/campaigns";
import { readLog } from "../../workbook/approvals/log";
import { setExactValues } from "../../workbook/shared/cells";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import type { RowProblem } from "../../workbook/shared/problems";
import type { ReadContext } from "../../workbook/shared/records";
import { readSettings } from "../../workbook/shared/settings";
import { budgetLinesOf, type LineRow } from "../../workbook/spend/budget-lines";
import { readSpendTab, type SpendTabRead, spendRowProblem } from "../../workbook/spend/read";
import { EXPENSES_TAB } from "../../workbook/spend/tabs";
import { layoutReport, reportSheet, writeReport } from "../../workbook/spend/variance-sheet";
import { readContext } from "./context";
import { lineChanges, lineText } from "./views";
import type { Workspace } from "./workspace";

/** States in which a campaign's plan is approved: its budget lines are approved budget. */
const APPROVED_STATES: ReadonlySet<CampaignState> = new Set<CampaignState>([
  "PlanApproved",
  "ExecutionSubmitted",
  "Ready",
  "InProgress",
  "Completed",
  "Closed",
]);

/** What budget control needs from the rest of the workbook; a Workspace (approvals) provides it too. */
export interface SpendBase {
  readonly ss: SpreadsheetPort;
  /** Language of messages to the person acting. */
  readonly lang: Lang;
  /** The spreadsheet's language: what is written into cells. */
  readonly sheetLang: Lang;
  readonly timeZone: string;
  readonly ctx: ReadContext;
  readonly settings: Settings;
  /** Who may mark reimbursements paid (from the roles); empty where the caller does not need it. */
  readonly finance: readonly string[];
  readonly campaigns: CampaignTable | null;
  readonly fold: FoldResult;
}

/**
 * The base read without the approvals' extras (no chain verification, no properties): for custom functions, the
 * report and reads. The log is folded as it reads back, as the approvals' own reads do when a chain is broken.
 */
export function readSpendBase(ss: SpreadsheetPort, lang: Lang, finance: readonly string[] = []): SpendBase {
  const locale = ss.getSpreadsheetLocale();
  const ctx = readContext(ss, lang);
  const settings = readSettings(ss, locale, ctx).settings;
  const log = readLog(ss);
  const rows = (log?.rows ?? []).filter((r): r is LogRow => r !== null);
  return {
    ss,
    lang,
    sheetLang: langOf(locale),
    timeZone: ss.getSpreadsheetTimeZone(),
    ctx,
    settings,
    finance,
    campaigns: readCampaigns(ss, ctx),
    fold: foldEvents(rows),
  };
}

export interface SpendBook extends SpendBase {
  readonly spendSettings: SpendSettings;
  readonly budget: SpendTabRead | null;
  readonly expenses: SpendTabRead | null;
  readonly rates: SpendTabRead | null;
  /** The Budget or Expenses tab is missing: run setup. */
  readonly setupNeeded: boolean;
  /** Campaign IDs of the Campaigns tab (any row); null without the tab, when IDs are taken as they are. */
  readonly known: ReadonlySet<string> | null;
  readonly states: ReadonlyMap<string, CampaignState>;
  /** Campaigns whose plan is approved (and not cancelled): their lines are approved budget. */
  readonly approved: ReadonlySet<string>;
  /** The lines approved with the plan of each approved campaign (not for plans approved before lines were captured). */
  readonly approvedLines: ReadonlyMap<string, readonly LineSnapshot[]>;
  readonly decisions: readonly OverrunDecision[];
  /** The latest reimbursement request of each expense, by expense ID. */
  readonly reimbursements: ReadonlyMap<string, RequestView>;
}

export function spendSettingsOf(settings: Settings, finance: readonly string[]): SpendSettings {
  return {
    workbookCurrency: settings.currency,
    warnAt: settings.warningThreshold,
    enforceLines: settings.enforceLines,
    receiptRequiredAbove: settings.receiptRequiredAbove,
    finance: finance.map((f) => f.trim().toLowerCase()),
  };
}

function expenseIdOf(request: RequestView): string | null {
  const data = request.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const id = (data as { readonly expenseId?: unknown }).expenseId;
  return typeof id === "string" && id !== "" ? id : null;
}

/** Reads the Budget, Expenses and Rates tabs on top of a base. */
export function readSpendBook(base: SpendBase): SpendBook {
  const { ss, fold } = base;
  const budget = readSpendTab(ss, "budget");
  const expenses = readSpendTab(ss, "expenses");
  const rates = readSpendTab(ss, "rates");
  const known = base.campaigns ? new Set(base.campaigns.rowsById.keys()) : null;
  const states = new Map<string, CampaignState>();
  const approved = new Set<string>();
  const lines = new Map<string, readonly LineSnapshot[]>();
  const requests: RequestView[] = [];
  for (const [id, view] of fold.campaigns) {
    states.set(id, view.state);
    if (APPROVED_STATES.has(view.state)) {
      approved.add(id);
      const captured = view.approvedPlan ? approvedLines(view.approvedPlan) : null;
      if (captured) lines.set(id, captured);
    }
    requests.push(...view.requests);
  }
  const reimbursements = new Map<string, RequestView>();
  for (const request of requests) {
    if (request.type !== "reimbursement") continue;
    const id = expenseIdOf(request);
    if (id !== null) reimbursements.set(id, request);
  }
  return {
    ...base,
    spendSettings: spendSettingsOf(base.settings, base.finance),
    budget,
    expenses,
    rates,
    setupNeeded: budget === null || expenses === null,
    known,
    states,
    approved,
    approvedLines: lines,
    decisions: overrunDecisionsOf(requests),
    reimbursements,
  };
}

export function ledgerSourceOf(book: SpendBook): LedgerSource {
  const problems: SpendRowProblem[] = [
    ...(book.budget?.problems ?? []),
    ...(book.expenses?.problems ?? []),
    ...(book.rates?.problems ?? []),
  ];
  return {
    budget: book.budget?.sources ?? [],
    expenses: book.expenses?.sources ?? [],
    rates: book.rates?.sources ?? [],
    campaigns: book.known,
    problems,
  };
}

export interface Folded {
  readonly ledger: Ledger;
  readonly positions: Positions;
  /** The approved lines in the workbook currency, and those no rate converts. */
  readonly approvedLines: ApprovedLines;
}

export function foldBook(book: SpendBook): Folded {
  const ledger = buildLedger(ledgerSourceOf(book), {
    workbookCurrency: book.spendSettings.workbookCurrency,
    formatDate: book.ctx.formatDate,
  });
  const approvedLines = convertApprovedLines(ledger.rates, book.approvedLines);
  const positions = foldPositions(ledger, {
    settings: book.spendSettings,
    decisions: book.decisions,
    approvedCampaigns: book.approved,
    approvedLines: approvedLines.lines,
  });
  return { ledger, positions, approvedLines };
}

/** The problems of a ledger or report as people read them, in the given language. */
export function rowProblemsOf(book: SpendBook, problems: readonly SpendRowProblem[], lang: Lang): RowProblem[] {
  const reads = { budget: book.budget, expenses: book.expenses, rates: book.rates };
  return problems.map((p) => spendRowProblem(reads, p, lang));
}

// ---------------------------------------------------------------------------------------------------------
// The Status column of the Expenses tab

const STATUS_SPEC = EXPENSES_TAB.columns.find((c) => c.key === "status");

function statusLabel(status: ExpenseStatus, lang: Lang): string {
  return STATUS_SPEC?.choice?.values(lang)[EXPENSE_STATUSES.indexOf(status)] ?? status;
}

/**
 * What each expense's Status cell should say: the fold's standing, then where its reimbursement stands in the log
 * (requested while open, approved, rejected; paid is finance's mark and stays).
 */
export function wantedStatuses(book: SpendBook, positions: Positions): Map<number, ExpenseStatus> {
  const wanted = new Map<number, ExpenseStatus>();
  for (const standing of positions.expenses.values()) {
    let status = standing.status;
    const request = book.reimbursements.get(standing.id);
    if (standing.standing === "counted" && request) {
      if (request.status === "open") status = "reimbursement_requested";
      else if (request.status === "approved") status = status === "paid" ? "paid" : "reimbursement_approved";
      else if (request.status === "rejected") status = "rejected";
      else if (status === "reimbursement_requested") status = "recorded";
    }
    wanted.set(standing.row, status);
  }
  return wanted;
}

/**
 * Writes the Status column (one setValues over its data rows) when any cell disagrees; rows that could not be read
 * keep what they hold. `extra` sets rows decided in this execution (a row just appended, a payment).
 */
export function projectExpenseStatuses(
  book: SpendBook,
  positions: Positions,
  extra: ReadonlyMap<number, ExpenseStatus> = new Map(),
): boolean {
  const read = book.expenses;
  const column = read?.index.get("status");
  if (!read || column === undefined || read.table.height < 2) return false;
  const wanted = wantedStatuses(book, positions);
  for (const [row, status] of extra) wanted.set(row, status);
  const parse = STATUS_SPEC?.choice?.parse ?? (() => null);
  const byRow = new Map(read.table.rows.map((r) => [r.row, r.cells]));
  const cells: unknown[][] = [];
  let differs = false;
  for (let row = 2; row <= read.table.height; row++) {
    const current = byRow.get(row)?.[column - 1] ?? "";
    const status = wanted.get(row);
    if (status === undefined) {
      cells.push([current]);
      continue;
    }
    if (parse(String(current)) !== status) differs = true;
    cells.push([statusLabel(status, book.sheetLang)]);
  }
  if (differs)
    setExactValues(
      read.table.sheet.getRange(2, column, cells.length, 1),
      { tab: read.table.name, row: 2, column },
      cells,
    );
  return differs;
}

export { statusLabel as expenseStatusLabel };

// ---------------------------------------------------------------------------------------------------------
// The Variance report

export interface RefreshSummary {
  readonly setupNeeded: boolean;
  readonly campaigns: number;
  readonly excludedRows: number;
  readonly problems: number;
  readonly tab: string;
}

/**
 * Refreshes the Variance report and the expenses' Status column. The caller holds the document lock. The number of
 * spreadsheet calls does not depend on the number of rows: one read per tab, one write per output range.
 */
export function refreshVariance(book: SpendBook, refreshedAt: string): RefreshSummary {
  if (book.setupNeeded) return { setupNeeded: true, campaigns: 0, excludedRows: 0, problems: 0, tab: "" };
  const folded = foldBook(book);
  const { ledger, positions } = folded;
  const report = reportFrom(ledger, positions, book.spendSettings.warnAt);
  const lang = book.sheetLang;
  const unsubmitted = [...positions.expenses.values()].filter((e) => e.needsRequest).map((e) => e.row);
  const layout = layoutReport(report, {
    lang,
    refreshedAt,
    problems: rowProblemsOf(book, report.problems, lang),
    campaignNotes: planDrift(book, folded, report),
    ...(unsubmitted.length > 0
      ? {
          notices: [tKey(lang, "spend.report.needsRequest", { rows: unsubmitted.sort((a, b) => a - b).join(", ") })],
        }
      : {}),
  });
  const { sheet, created } = reportSheet(book.ss, lang);
  writeReport(sheet, layout, SpreadsheetApp, Charts);
  if (created) {
    sheet.setColumnWidth(1, 220);
    sheet.setColumnWidth(12, 320);
  }
  projectExpenseStatuses(book, positions);
  return {
    setupNeeded: false,
    campaigns: report.byCampaign.length,
    excludedRows: report.excludedRows,
    problems: report.problems.length,
    tab: sheet.getName(),
  };
}

/**
 * Notes for approved campaigns whose Budget tab lines are not the approved ones. The approved budget is the lines as
 * approved with the plan, so an edit since is named on the campaign's row (the approved lines still count) until a
 * change request is approved. Plans approved before lines were captured have only their total to compare with.
 */
export function planDrift(book: SpendBook, folded: Folded, report: VarianceReport): Map<string, string> {
  const { ledger } = folded;
  const notes = new Map<string, string>();
  const planned = new Map(report.byCampaign.map((r) => [r.key, r.planned]));
  const currency = book.spendSettings.workbookCurrency;
  const shown = (minor: number) => `${majorUnits(minor, ledger.digits)} ${currency}`;
  const sheet: ReadonlyMap<string, readonly LineRow[]> = book.budget
    ? budgetLinesOf(book.budget, book.ctx.formatDate, currency).byCampaign
    : new Map();
  const lang = book.sheetLang;
  for (const [id, approved] of book.approvedLines) {
    const now = linesSnapshot((sheet.get(id) ?? []).map((l) => l.draft));
    const parts: string[] = [];
    const changes = lineChanges(approved, now);
    if (changes.length > 0) {
      const text = (l: LineSnapshot | null) => (l ? lineText(l) : "—");
      const listed = changes.slice(0, 3).map((c) => `${text(c.before)} → ${text(c.after)}`);
      if (changes.length > 3) listed.push("…");
      parts.push(tKey(lang, "spend.report.linesEdited", { changes: listed.join("; ") }));
    }
    for (const { line, problem } of folded.approvedLines.unconverted.get(id) ?? []) {
      const { messageKey, params } = conversionMessage(problem);
      parts.push(
        tKey(lang, "spend.report.lineUnconverted", { line: lineText(line), reason: tKey(lang, messageKey, params) }),
      );
    }
    if (parts.length > 0) notes.set(id, parts.join(" "));
  }
  for (const id of book.approved) {
    if (book.approvedLines.has(id)) continue;
    const plan = book.fold.campaigns.get(id)?.approvedPlan;
    if (!plan || typeof plan.budget !== "number") continue;
    const planCurrency = plan.currency || currency;
    const converted = convert(ledger.rates, fromMinorUnits(plan.budget, planCurrency), planCurrency, plan.start);
    const lines = planned.get(id) ?? 0;
    if (converted.ok && converted.minor !== lines) {
      notes.set(
        id,
        tKey(book.sheetLang, "spend.report.linesDiffer", { lines: shown(lines), plan: shown(converted.minor) }),
      );
    }
  }
  return notes;
}

/** "2026-03-02 09:00" in the spreadsheet's zone. */
export function localNow(timeZone: string): string {
  return Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd HH:mm");
}

/** The base of a write: the approvals' workspace, read under the lock, with the roles' finance list. */
export function baseOf(ws: Workspace): SpendBase {
  return {
    ss: ws.ss,
    lang: ws.lang,
    sheetLang: ws.sheetLang,
    timeZone: ws.timeZone,
    ctx: ws.ctx,
    settings: ws.settings,
    finance: ws.roles.finance,
    campaigns: ws.campaigns,
    fold: ws.fold,
  };
}

/**
 * After the approvals' write appended events: when an overrun or a reimbursement was decided (or withdrawn), the
 * expenses' Status column is brought in line with the log (approved overruns count, rejected ones show rejected).
 * One read of the spend tabs, and only when such an event was written.
 */
export function projectSpendAfter(ws: Workspace, fold: FoldResult, events: readonly LogEntry[]): void {
  const decided = (e: LogEntry) =>
    (e.requestType === "budget_overrun" || e.requestType === "reimbursement") && e.action !== "submit";
  if (!events.some(decided)) return;
  const book = readSpendBook({ ...baseOf(ws), fold });
  if (book.setupNeeded) return;
  projectExpenseStatuses(book, foldBook(book).positions);
}
