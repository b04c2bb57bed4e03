// Budget control on the server: the workbook read for it (Settings, Campaigns, the approval log and the three spend
// tabs, one getValues each), the ledger and positions folded from it, the Status column of expenses projected from
// the log, and the Variance report refreshed in one batch.

import { asString, isNumber, max, trimLower } from "../../domain/builtins";
import { catalogIn, type Lang, langOf, tKey } from "../../domain/i18n";
import { fromMinorUnits } from "../../domain/money";
import type { Settings } from "../../domain/settings";
import {
  type ApprovedLines,
  buildLedger,
  categoryNamer,
  conversionMessage,
  convert,
  convertApprovedLines,
  EXPENSE_STATUSES,
  type ExpenseStanding,
  type ExpenseStatus,
  expenseIdOf,
  foldPositions,
  type Ledger,
  majorUnits,
  type OverrunDecision,
  overrunDecisionsOf,
  overrunOf,
  type Positions,
  reportFrom,
  type SealedExpense,
  type SealedLedger,
  type SealedMoney,
  type SpendRowProblem,
  type SpendSettings,
  sealedMoneyOf,
  sealLedger,
  type VarianceReport,
} from "../../domain/spend";
import {
  APPROVED_STATES,
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
import { appendRecords } from "../../workbook/shared/rows";
import { readSettings } from "../../workbook/shared/settings";
import { budgetLinesOf, type LineRow } from "../../workbook/spend/budget-lines";
import { readSpendTab, type SpendTabRead, spendRowProblem } from "../../workbook/spend/read";
import { EXPENSES_TAB } from "../../workbook/spend/tabs";
import { layoutReport, reportSheet, writeReport } from "../../workbook/spend/variance-sheet";
import { localeOf, timeZoneOf } from "./active";
import { readContext } from "./context";
import { FLAG_BACKGROUND } from "./projection";
import { documentProperties, KEY } from "./store";
import { lineChanges, lineText } from "./views";
import { hashWith, readChain, type Workspace } from "./workspace";

/** States in which a campaign's plan is approved: its budget lines are approved budget. */
const APPROVED: ReadonlySet<CampaignState> = new Set(APPROVED_STATES);

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
  /** The verified money events (expenses recorded and paid; with the chain whole, only those): what money is folded from. */
  readonly verified: readonly LogEntry[];
}

/**
 * The rows of the log before its first break (all of them when the chain holds). Money and state are folded from
 * these only: a row at or past a break may have been edited, inserted or forged by hand.
 */
export function verifiedRows(
  rows: readonly (LogRow | null)[],
  verdict: { readonly ok: true } | { readonly ok: false; readonly row: number },
): LogRow[] {
  const upTo = verdict.ok ? rows.length : verdict.row - 1;
  return rows.slice(0, upTo).filter((r): r is LogRow => r !== null);
}

/**
 * Campaign states and the money events from the verified log, as an execution read it: with the chain whole, the kept
 * fold and the rows after it (its `others` hold every expense event); past a break, the rows before it only, read
 * whole when only the tail was read.
 */
export function verifiedFold(
  ss: SpreadsheetPort,
  chain: Pick<Workspace, "log" | "verdict" | "fold" | "kept">,
): { readonly fold: FoldResult; readonly money: readonly LogEntry[] } {
  if (chain.verdict.ok) return { fold: chain.fold, money: chain.fold.others };
  // The verdict names the break (found in the rows read, or recorded by the full verification): the rows before it.
  const read = chain.kept.whole ? chain.log : readLog(ss);
  const rows = verifiedRows(read?.rows ?? [], chain.verdict);
  return { fold: foldEvents(rows), money: rows };
}

/** The same for a read that appends nothing (custom functions, reports, sidebars): the state tab and the log's tail. */
export function readVerifiedFold(ss: SpreadsheetPort): {
  readonly fold: FoldResult;
  readonly money: readonly LogEntry[];
} {
  const props = documentProperties().getProperties();
  return verifiedFold(ss, readChain(ss, props, hashWith(props[KEY.secret]), false));
}

/**
 * The base read without the approvals' extras: for custom functions, the report and reads. The chain is verified
 * and only the rows before a break are folded, so a hand edit of the log cannot raise a budget or count an expense.
 */
export function readSpendBase(ss: SpreadsheetPort, lang: Lang, finance: readonly string[] = []): SpendBase {
  const locale = localeOf(ss);
  const ctx = readContext(ss, lang);
  const settings = readSettings(ss, locale, ctx).settings;
  const { fold, money } = readVerifiedFold(ss);
  return {
    ss,
    lang,
    sheetLang: langOf(locale),
    timeZone: timeZoneOf(ss),
    ctx,
    settings,
    finance,
    campaigns: readCampaigns(ss, ctx),
    fold,
    verified: money,
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
  /** Expenses recorded and reimbursements paid, as sealed in the verified log. */
  readonly sealed: SealedMoney;
}

export function spendSettingsOf(settings: Settings, finance: readonly string[]): SpendSettings {
  return {
    workbookCurrency: settings.currency,
    warnAt: settings.warningThreshold,
    enforceLines: settings.enforceLines,
    receiptRequiredAbove: settings.receiptRequiredAbove,
    finance: finance.map(trimLower),
  };
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
    if (APPROVED.has(view.state)) {
      approved.add(id);
      const captured = view.approvedPlan ? approvedLines(view.approvedPlan) : null;
      if (captured) lines.set(id, captured);
    }
    requests.push(...view.requests);
  }
  const reimbursements = new Map<string, RequestView>();
  for (const request of requests) {
    if (request.type !== "reimbursement") continue;
    const id = expenseIdOf(request.data);
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
    sealed: sealedMoneyOf(base.verified),
  };
}

export interface Folded {
  /** The ledger as the log has it: sealed expenses at their sealed values, then the rows nobody recorded. */
  readonly ledger: Ledger;
  /** What the cells say that the log does not: unrecorded rows, edits of sealed values, rows gone from the tab. */
  readonly seal: SealedLedger;
  readonly positions: Positions;
  /** The approved lines in the workbook currency, and those no rate converts. */
  readonly approvedLines: ApprovedLines;
  /** A typed category as the canonical list spells it (case and full-width/half-width do not matter). */
  readonly category: (text: string) => string;
}

export function foldBook(book: SpendBook): Folded {
  const { budget, expenses, rates } = book;
  const cells = buildLedger(
    {
      budget: budget?.sources ?? [],
      expenses: expenses?.sources ?? [],
      rates: rates?.sources ?? [],
      campaigns: book.known,
      problems: [budget, expenses, rates].flatMap((read) => read?.problems ?? []),
    },
    { workbookCurrency: book.spendSettings.workbookCurrency, formatDate: book.ctx.formatDate },
  );
  // Every data row of the Expenses tab: its cells, and the text of its ID cell (empty included); the first row of each ID.
  const sources = new Map((expenses?.sources ?? []).map((s) => [s.row, s.values] as const));
  const idAtRow = new Map([...sources].map(([row, values]) => [row, asString(values.id ?? "").trim()] as const));
  const rowsById = new Map<string, number>();
  for (const [row, id] of idAtRow) if (id !== "" && !rowsById.has(id)) rowsById.set(id, row);
  const seal = sealLedger(cells, book.sealed, rowsById, idAtRow, (row) => sources.get(row));
  // Lines and expenses meet in one category however it was typed, spelt as the Settings list spells it.
  const category = categoryNamer(book.settings.categories);
  // A rejected reimbursement (in the log) means the company does not pay it: not spend.
  const ledger: Ledger = {
    ...seal.ledger,
    lines: seal.ledger.lines.map((l) => ({ ...l, category: category(l.category) })),
    expenses: seal.ledger.expenses.map((e) => ({
      ...e,
      category: category(e.category),
      status:
        !seal.unrecorded.has(e.id) && book.reimbursements.get(e.id)?.status === "rejected" ? "rejected" : e.status,
    })),
  };
  const approvedLines = convertApprovedLines(ledger.rates, book.approvedLines, category);
  const positions = foldPositions(ledger, {
    settings: book.spendSettings,
    decisions: book.decisions,
    approvedCampaigns: book.approved,
    approvedLines: approvedLines.lines,
    unrecorded: seal.unrecorded,
  });
  return { ledger, seal, positions, approvedLines, category };
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
export function wantedStatuses(book: SpendBook, positions: Positions): Map<number, ExpenseStatus | null> {
  const wanted = new Map<number, ExpenseStatus | null>();
  for (const standing of positions.expenses.values()) {
    if (standing.row === 0) continue;
    if (!standing.recorded) {
      // Typed into the tab, never recorded: its Status says nothing until the add-on records it.
      wanted.set(standing.row, null);
      continue;
    }
    let status: ExpenseStatus = standing.status;
    const request = book.reimbursements.get(standing.id);
    if (standing.standing === "counted") {
      status = "recorded";
      if (request?.status === "open") status = "reimbursement_requested";
      else if (request?.status === "approved") {
        // Paid only when the log holds finance's payment of this very approval.
        const paid = book.sealed.payments.get(standing.id);
        status = paid && paid.requestId === request.id ? "paid" : "reimbursement_approved";
      } else if (request?.status === "rejected") status = "rejected";
    }
    wanted.set(standing.row, status);
  }
  return wanted;
}

/** What one expense's Status is by the log (null: not recorded, or no such expense). */
export function statusOfExpense(book: SpendBook, positions: Positions, id: string): ExpenseStatus | null {
  const standing = positions.expenses.get(id);
  if (!standing) return null;
  return wantedStatuses(book, { ...positions, expenses: new Map([[id, { ...standing, row: 1 }]]) }).get(1) ?? null;
}

/**
 * Writes the Status column (one setValues over its data rows) when any cell disagrees; rows that could not be read
 * keep what they hold.
 */
export function projectExpenseStatuses(book: SpendBook, positions: Positions): void {
  const read = book.expenses;
  const column = read?.index.get("status");
  if (!read || column === undefined || read.table.height < 2) return;
  const wanted = wantedStatuses(book, positions);
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
    if (status === null) {
      if (asString(current) !== "") differs = true;
      cells.push([""]);
      continue;
    }
    if (parse(asString(current)) !== status) differs = true;
    cells.push([statusLabel(status, book.sheetLang)]);
  }
  if (differs)
    setExactValues(
      read.table.sheet.getRange(2, column, cells.length, 1),
      { tab: read.table.name, row: 2, column },
      cells,
    );
}

export { statusLabel as expenseStatusLabel };

/** An expense row as the add-on writes it, from its sealed values, in the sheet's language. */
export function expenseRecordCells(
  s: SealedExpense,
  status: ExpenseStatus | null,
  lang: Lang,
): Record<string, unknown> {
  // Only the tab's columns are written: what else the seal keeps (the converted amount, the outcome) stays in the log.
  return {
    ...s,
    amount: s.originalAmount,
    kind: catalogIn(lang)[`spend.kind.${s.kind}`],
    reimbursable: catalogIn(lang)[s.reimbursable ? "spend.yes" : "spend.no"],
    status: status === null ? "" : statusLabel(status, lang),
  };
}

/**
 * Puts back the rows of recorded expenses that are gone from the Expenses tab (an execution that died between the
 * log append and the row write, or a row deleted by hand): one append. The caller holds the lock and reads again.
 */
export function repairExpenseRows(book: SpendBook, folded: Folded): boolean {
  const read = book.expenses;
  const missing = folded.seal.missingRows;
  if (!read || missing.length === 0) return false;
  appendRecords(
    read,
    EXPENSES_TAB,
    missing.map((s) => expenseRecordCells(s, statusOfExpense(book, folded.positions, s.id), book.sheetLang)),
  );
  return true;
}

/** Our note on an expense cell changed after recording starts with the recorded value, in either language. */
export const SEALED_NOTE = /^(Recorded value|已登记的值)/;

/**
 * Flags the cells of recorded expenses that no longer say what the log sealed (a note with the recorded value and a
 * red background) and takes our flag off cells that agree again. One read of the notes; one write of notes and one
 * of backgrounds, and only when a flag comes or goes.
 */
export function flagSealedEdits(book: SpendBook, folded: Folded): boolean {
  const read = book.expenses;
  if (!read || read.table.height < 2) return false;
  const width = max(read.table.width, ...read.index.values());
  const wanted = new Map<string, string>();
  for (const edit of folded.seal.edits) {
    const column = read.index.get(edit.field);
    if (column === undefined || edit.row < 2) continue;
    wanted.set(`${edit.row}:${column}`, tKey(book.sheetLang, "spend.edit.note", { value: edit.sealed }));
  }
  const range = read.table.sheet.getRange(2, 1, read.table.height - 1, width);
  const notes = range.getNotes();
  let changed = false;
  const next = notes.map((row, i) =>
    row.map((note, c) => {
      const want = wanted.get(`${i + 2}:${c + 1}`);
      if (want !== undefined) {
        if (note !== want) changed = true;
        return want;
      }
      if (SEALED_NOTE.test(note)) {
        changed = true;
        return "";
      }
      return note;
    }),
  );
  if (!changed) return false;
  const backgrounds = range.getBackgrounds();
  range.setNotes(next);
  range.setBackgrounds(
    backgrounds.map((row, i) =>
      row.map((b, c) => {
        if (SEALED_NOTE.test(next[i]?.[c] ?? "")) return FLAG_BACKGROUND;
        return SEALED_NOTE.test(notes[i]?.[c] ?? "") ? null : b;
      }),
    ),
  );
  return true;
}

/** Each cell of a recorded expense typed over, as a problem at its cell: the recorded value is the one that counts. */
export function sealedEditProblems(folded: Folded): SpendRowProblem[] {
  return folded.seal.edits
    .filter((e) => e.row >= 2)
    .map((e) => ({
      tab: "expenses" as const,
      row: e.row,
      column: e.field,
      messageKey: "spend.edit.problem" as const,
      found: e.found,
      params: { value: e.sealed },
    }));
}

/** At most this many sheet rows are named in one notice of the Variance report. */
const LISTED_ROWS = 100;

/**
 * Words for the top of the Variance report: recorded expenses whose overrun request is still to be sent, recorded cells
 * edited since, rows nobody recorded.
 */
function reportNotices(folded: Folded, lang: Lang): string[] {
  const out: string[] = [];
  // The sheet rows of the expenses on the tab that `keep` picks, in row order; "" for none. A cell holds at most 50,000
  // characters, so the first LISTED_ROWS are named and the rest counted (the notice says where to find them all).
  const rows = (keep: (e: ExpenseStanding) => boolean) => {
    const found = [...folded.positions.expenses.values()]
      .filter((e) => e.row > 0 && keep(e))
      .map((e) => e.row)
      .sort((a, b) => a - b);
    const named = found.slice(0, LISTED_ROWS).join(", ");
    const count = found.length - LISTED_ROWS;
    return count > 0 ? tKey(lang, "spend.report.moreRows", { rows: named, count }) : named;
  };
  const unsubmitted = rows((e) => e.needsRequest && e.recorded);
  if (unsubmitted) out.push(tKey(lang, "spend.report.needsRequest", { rows: unsubmitted }));
  const edits = folded.seal.edits;
  if (edits.length > 0) {
    const cells = edits
      .slice(0, 10)
      .map((e) => `${e.id} (${tKey(lang, `spend.field.${e.field}`)} ${e.found} → ${e.sealed})`);
    if (edits.length > 10) cells.push(tKey(lang, "spend.report.moreEdits", { count: edits.length - 10 }));
    out.push(tKey(lang, "spend.report.sealedEdits", { cells: cells.join("; ") }));
  }
  const typed = rows((e) => !e.recorded);
  if (typed) out.push(tKey(lang, "spend.report.unrecorded", { rows: typed }));
  return out;
}

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
export function refreshVariance(given: SpendBook, refreshedAt: string): RefreshSummary {
  if (given.setupNeeded) return { setupNeeded: true, campaigns: 0, excludedRows: 0, problems: 0, tab: "" };
  const { book, folded } = repairedBook(given);
  const { ledger, positions } = folded;
  const report = reportFrom(ledger, positions, book.spendSettings.warnAt);
  const lang = book.sheetLang;
  const notices = reportNotices(folded, lang);
  const layout = layoutReport(report, {
    lang,
    refreshedAt,
    problems: rowProblemsOf(book, report.problems, lang),
    campaignNotes: planDrift(book, folded, report),
    ...(notices.length > 0 ? { notices } : {}),
  });
  const { sheet, created } = reportSheet(book.ss, lang);
  writeReport(sheet, layout, SpreadsheetApp, Charts);
  if (created) {
    sheet.setColumnWidth(1, 220);
    sheet.setColumnWidth(12, 320);
  }
  projectExpenseStatuses(book, positions);
  flagSealedEdits(book, folded);
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
    if (!plan || !isNumber(plan.budget)) continue;
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

/** The base of a write: the approvals' workspace, read under the lock, with the roles' finance list. */
export function baseOf(ws: Workspace): SpendBase {
  const { fold, money } = verifiedFold(ws.ss, ws);
  return { ...ws, finance: ws.roles.finance, fold, verified: money };
}

/** The book and its fold, after putting back any recorded expense's row that is gone (then read again). */
export function repairedBook(book: SpendBook): { book: SpendBook; folded: Folded } {
  const folded = foldBook(book);
  if (!repairExpenseRows(book, folded)) return { book, folded };
  const again = readSpendBook(book);
  return { book: again, folded: foldBook(again) };
}

/**
 * After the approvals' write appended events: when an overrun or a reimbursement was decided (or withdrawn), the
 * expenses' Status column is brought in line with the log (approved overruns count, rejected ones show rejected).
 * One read of the spend tabs, and only when such an event was written.
 */
export function projectSpendAfter(ws: Workspace, fold: FoldResult, sealed: readonly LogRow[]): void {
  const decided = (e: LogEntry) =>
    e.entityType === "expense" ||
    ((e.requestType === "budget_overrun" || e.requestType === "reimbursement") && e.action !== "submit");
  if (!sealed.some(decided)) return;
  const base = baseOf(ws);
  projectSpend(readSpendBook({ ...base, fold, verified: [...base.verified, ...sealed] }));
}

/**
 * After a decision on an overrun or a reimbursement that the log already holds (the same decision sent again, after
 * an execution killed between its log append and its projection): the Status column and the flags as the log says.
 */
export function reprojectSpend(ws: Workspace): void {
  projectSpend(readSpendBook(baseOf(ws)));
}

/** The Status column and the flags of typed-over cells as a book read after the log moved says they should be. */
function projectSpend(book: SpendBook): void {
  if (book.setupNeeded) return;
  const folded = foldBook(book);
  projectExpenseStatuses(book, folded.positions);
  flagSealedEdits(book, folded);
}

/**
 * A final approval of an overrun or a reimbursement, checked against the position at the moment of the decision:
 * null when it may go ahead, else the reason in the approver's words. An overrun is out of date when the expense now
 * needs more than was asked (other spending came first), so approving it would let counted spend pass the budget; a
 * reimbursement when its expense no longer stands as requested, or asks for another amount than was recorded.
 */
export function staleDecision(ws: Workspace, request: RequestView): string | null {
  if (request.type !== "budget_overrun" && request.type !== "reimbursement") return null;
  const id = expenseIdOf(request.data);
  if (id === null) return null;
  const book = readSpendBook(baseOf(ws));
  if (book.setupNeeded) return null;
  const folded = foldBook(book);
  const { positions, ledger } = folded;
  const currency = book.spendSettings.workbookCurrency;
  const money = (minor: number) => `${majorUnits(minor, ledger.digits)} ${currency}`;
  const sealed = book.sealed.expenses.get(id);
  const lang = ws.lang;
  if (request.type === "reimbursement") {
    const status = statusOfExpense(book, positions, id);
    if (status === "reimbursement_requested" && sealed && sealed.amount === request.amount) return null;
    return tKey(lang, "spend.rpc.reimbursementStale", {
      id,
      status: status === null ? "—" : tKey(lang, `spend.expenseStatus.${status}`),
      amount: money(request.amount),
    });
  }
  if (!sealed) return null;
  const position = positions.campaigns.get(sealed.campaign);
  const line = position?.lines.find((l) => l.category === folded.category(sealed.category));
  const used = position ? position.actual + position.committed : 0;
  const approved = position?.approved ?? 0;
  const needed = max(
    overrunOf(used, approved, sealed.amount),
    book.spendSettings.enforceLines && line ? overrunOf(line.actual + line.committed, line.approved, sealed.amount) : 0,
  );
  if (needed === request.amount) return null;
  // Less is needed now than was asked (other spending was rejected, or the budget was raised): approving the full
  // amount would raise the budget by more than the expense needs, so it goes back to be sent with today's figure.
  return tKey(lang, needed < request.amount ? "spend.rpc.overrunStaleLess" : "spend.rpc.overrunStale", {
    id,
    amount: money(sealed.amount),
    asked: money(request.amount),
    used: money(used),
    approved: money(approved),
    needed: money(needed),
  });
}
