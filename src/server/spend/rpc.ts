// The Expenses sidebar's server functions: what is left of each budget, an expense assessed before it is sent, an
// expense recorded (read-assess-append under the document lock, an overrun request into the approvers' inbox when it
// goes over), a reimbursement requested, and a reimbursement marked paid by finance.

import { CURRENCIES } from "../../domain/campaign";
import { type Lang, type MessageKey, t, tKey } from "../../domain/i18n";
import { formatAmount } from "../../domain/money";
import { parseRoles, routingOf } from "../../domain/roles";
import {
  type Assessment,
  assessExpense,
  assessmentMessage,
  BUDGET_STATUSES,
  type CampaignPosition,
  checkRefund,
  conversionMessage,
  convert,
  describeSpendProblem,
  EXPENSE_KINDS,
  EXPENSE_STATUSES,
  type Expense,
  type ExpenseRef,
  type ExpenseStatus,
  emptyCampaignPosition,
  expenseDecoder,
  findDuplicates,
  type LedgerExpense,
  linePosition,
  majorUnits,
  overrunSubmission,
  overrunSubmissionFor,
  type Position,
  payEntry,
  receiptRequired,
  recordEntry,
  reimburse,
  reimbursementSubmission,
  type SealedFields,
  sealedFieldsOf,
} from "../../domain/spend";
import { CAMPAIGN_STATES, type CampaignState, type LogEntry, type Submission, submit } from "../../domain/workflow";
import { appendRecords, writeCells } from "../../workbook/shared/rows";
import type { SpendTabRead } from "../../workbook/spend/read";
import { EXPENSES_TAB } from "../../workbook/spend/tabs";
import type { FieldIssue, Refused } from "../shared/contract";
import { uiLang, userLang } from "../shared/locale";
import { parseRequest } from "../shared/request";
import {
  baseOf,
  expenseRecordCells,
  expenseStatusLabel,
  type Folded,
  foldBook,
  projectExpenseStatuses,
  readSpendBase,
  readSpendBook,
  repairedBook,
  rowProblemsOf,
  type SpendBook,
  sealedEditProblems,
  statusOfExpense,
  wantedStatuses,
} from "../shared/spend-book";
import { documentProperties, KEY } from "../shared/store";
import { waitingNotices } from "../shared/views";
import { viewOf, type Workspace } from "../shared/workspace";
import { callerEmail, refused, type WriteContext, write } from "../shared/write";
import {
  type AssessmentView,
  type AssessResponse,
  type CampaignBudget,
  ExpenseActionRequest,
  type ExpenseActionResponse,
  type ExpenseDraft,
  type ExpenseView,
  RecordExpenseRequest,
  type RecordExpenseResponse,
  type SpendLabels,
  type SpendOverview,
  SpendOverviewRequest,
  type SpendPosition,
} from "./api";

/** Reimbursements are submitted while the campaign runs (the approval engine's rule for the request type). */
const REIMBURSABLE_STATES: ReadonlySet<CampaignState> = new Set<CampaignState>(["Ready", "InProgress", "Completed"]);
const MAX_LISTED = 200;

export function positionView(p: Position, digits: number): SpendPosition {
  const m = (minor: number) => majorUnits(minor, digits);
  return {
    planned: m(p.planned),
    approved: m(p.approved),
    committed: m(p.committed),
    actual: m(p.actual),
    pending: m(p.pending),
    remaining: m(p.remaining),
    usedPct: p.usedPct,
    status: p.status,
  };
}

function issue(field: string, message: string): FieldIssue {
  return { field, message, where: "", tab: "", row: 0, column: "" };
}

// ---------------------------------------------------------------------------------------------------------
// Checking a draft

interface Checked {
  readonly record: Expense;
  /** Minor units of the workbook currency. */
  readonly amount: number;
}

/**
 * The draft read the way a row of the Expenses tab is read (the same decoder, so the form and the tab agree), then
 * what only the whole workbook can tell: the campaign exists, a rate converts the amount on its date, and an actual
 * expense above the receipt limit has its receipt link. Every problem comes back by field.
 */
function checkDraft(
  book: SpendBook,
  folded: Folded,
  draft: ExpenseDraft,
  me: string,
  lang: Lang,
): { ok: true; value: Checked } | { ok: false; issues: FieldIssue[] } {
  const decode = expenseDecoder({ workbookCurrency: book.spendSettings.workbookCurrency });
  const decoded = decode({ ...draft, id: "new", requestedBy: me, status: "" });
  if (!decoded.ok) {
    return { ok: false, issues: decoded.problems.map((p) => issue(p.field, describeSpendProblem(p, lang))) };
  }
  // Recorded as the Settings list spells the category, so it meets its budget line however it was typed.
  let record = { ...decoded.value, category: folded.category(decoded.value.category) };
  const issues: FieldIssue[] = [];
  if (book.known && !book.known.has(record.campaign)) {
    issues.push(
      issue(
        "campaign",
        describeSpendProblem({ messageKey: "spend.problem.unknownCampaign", params: { id: record.campaign } }, lang),
      ),
    );
  }
  const conversion = convert(folded.ledger.rates, record.amount, record.currency, record.date);
  let amount = 0;
  if (conversion.ok) amount = conversion.minor;
  else {
    const { messageKey, params } = conversionMessage(conversion.problem);
    issues.push(
      issue(
        conversion.problem.kind === "noRate" ? "currency" : "amount",
        describeSpendProblem({ messageKey, params, found: record.amount }, lang),
      ),
    );
  }
  if (conversion.ok && record.refundOf !== "") {
    // A refund takes back spend of the expense it names: in its category and kind, never more than is left of it.
    const original = checkRefund(folded.positions, { ...record, amount });
    if ("messageKey" in original) issues.push(issue(original.field, describeSpendProblem(original, lang)));
    else record = { ...record, category: original.category, kind: original.kind };
  }
  const settings = book.spendSettings;
  if (conversion.ok && record.kind === "actual" && record.receiptLink === "" && receiptRequired(amount, settings)) {
    const limit = `${String(settings.receiptRequiredAbove)} ${settings.workbookCurrency}`;
    issues.push(issue("receiptLink", t(lang, "spend.rpc.receiptRequired", { limit })));
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { record, amount } };
}

function positionOfCampaign(book: SpendBook, folded: Folded, campaign: string): CampaignPosition {
  return folded.positions.campaigns.get(campaign) ?? emptyCampaignPosition(campaign, book.spendSettings.warnAt);
}

function assessmentView(
  book: SpendBook,
  folded: Folded,
  checked: Checked,
  assessment: Assessment,
  lang: Lang,
): AssessmentView {
  const digits = folded.ledger.digits;
  const before = positionOfCampaign(book, folded, checked.record.campaign);
  const category = checked.record.category;
  const { messageKey, params } = assessmentMessage(assessment, book.spendSettings.workbookCurrency);
  const others = folded.ledger.expenses.map((e) => e.record);
  const flag = findDuplicates([...others, checked.record]).find((f) => f.id === checked.record.id);
  return {
    outcome: assessment.outcome,
    overrun: majorUnits(assessment.overrun, digits),
    limit: assessment.limit,
    message: tKey(lang, messageKey, params),
    converted: majorUnits(checked.amount, digits),
    before: positionView(before, digits),
    after: positionView(assessment.after, digits),
    lineBefore: positionView(linePosition(before, category), digits),
    lineAfter: positionView(linePosition(assessment.after, category), digits),
    duplicateOf: flag?.others ?? [],
  };
}

function notApproved(book: SpendBook, campaign: string): boolean {
  return !book.approved.has(campaign) && (book.known === null || book.known.has(campaign));
}

// ---------------------------------------------------------------------------------------------------------
// Reads

function labelsOf(lang: Lang): SpendLabels {
  const of = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, tKey(lang, `${prefix}${k}` as MessageKey)])) as { [P in K]: string };
  return {
    expenseStatus: of(EXPENSE_STATUSES, "spend.expenseStatus."),
    budgetStatus: of(BUDGET_STATUSES, "spend.budgetStatus."),
    kind: of(EXPENSE_KINDS, "spend.kind."),
    state: of(CAMPAIGN_STATES, "workflow.state."),
  };
}

function rolesFinance(): readonly string[] {
  return parseRoles(documentProperties().getProperty(KEY.roles)).finance;
}

/**
 * Who may send the overrun request of an expense typed into the tab: the person it names in Requested by, or, when it
 * names nobody, the owner of the campaign's plan in force (who answers for its budget).
 */
function maySubmitOverrun(book: SpendBook, e: LedgerExpense, me: string): boolean {
  if (me === "") return false;
  const named = e.record.requestedBy;
  return named !== "" ? named === me : book.fold.campaigns.get(e.campaign)?.owner === me;
}

function expenseView(
  e: LedgerExpense,
  status: ExpenseStatus,
  duplicates: ReadonlyMap<string, readonly string[]>,
  me: string,
  book: SpendBook,
  isFinance: boolean,
  folded?: Folded,
): ExpenseView {
  const r = e.record;
  const state = book.states.get(e.campaign) ?? "Draft";
  const standing = folded?.positions.expenses.get(r.id);
  const unsent = standing?.needsRequest === true;
  return {
    ...r,
    row: e.row,
    status,
    duplicateOf: duplicates.get(r.id) ?? [],
    canRequestReimbursement:
      status === "recorded" && r.reimbursable && r.amount > 0 && r.requestedBy === me && REIMBURSABLE_STATES.has(state),
    canMarkPaid: isFinance && status === "reimbursement_approved" && r.requestedBy !== me,
    canSubmitOverrun: unsent && maySubmitOverrun(book, e, me),
    overrun: unsent && folded ? majorUnits(standing?.overrun ?? 0, folded.ledger.digits) : 0,
    recorded: standing?.recorded !== false,
  };
}

export function rpcSpendOverview(request: unknown): SpendOverview {
  parseRequest("rpcSpendOverview", SpendOverviewRequest, request, userLang());
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const me = callerEmail();
  const finance = rolesFinance();
  const base = readSpendBase(ss, userLang(), finance);
  const lang = uiLang(base.settings);
  const book = readSpendBook({ ...base, lang });
  const isFinance = me !== "" && book.spendSettings.finance.includes(me);
  const settings = book.spendSettings;
  const common = {
    lang,
    labels: labelsOf(lang),
    user: me,
    isFinance,
    currency: settings.workbookCurrency,
    warnAt: settings.warnAt,
    enforceLines: settings.enforceLines,
    receiptRequiredAbove: settings.receiptRequiredAbove,
  };
  if (book.setupNeeded) {
    return {
      ...common,
      setupNeeded: true,
      campaigns: [],
      categories: [],
      currencies: [],
      mine: [],
      toPay: [],
      needsRequest: [],
      problems: [],
    };
  }
  const folded = foldBook(book);
  const digits = folded.ledger.digits;
  const campaigns: CampaignBudget[] = [];
  const table = book.campaigns;
  const nameColumn = table?.keyed.index.get("name");
  for (const [id, row] of table?.rowsById ?? []) {
    const position = positionOfCampaign(book, folded, id);
    campaigns.push({
      id,
      name: nameColumn !== undefined ? String(row.cells[nameColumn - 1] ?? "").trim() || id : id,
      state: book.states.get(id) ?? "Draft",
      open: book.approved.has(id),
      position: positionView(position, digits),
      lines: position.lines.map((l) => ({ category: l.category, ...positionView(l, digits) })),
    });
  }
  campaigns.sort((a, b) => Number(b.open) - Number(a.open) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const categories = new Set(base.settings.categories.map(folded.category));
  for (const line of folded.ledger.lines) categories.add(line.category);
  const currencies = new Set([settings.workbookCurrency, ...CURRENCIES, ...folded.ledger.rates.byCurrency.keys()]);
  const statuses = wantedStatuses(book, folded.positions);
  const duplicates = new Map(findDuplicates(folded.ledger.expenses.map((e) => e.record)).map((f) => [f.id, f.others]));
  const view = (e: LedgerExpense) =>
    expenseView(
      e,
      statuses.has(e.row) ? (statuses.get(e.row) ?? "pending_overrun") : (e.status ?? "recorded"),
      duplicates,
      me,
      book,
      isFinance,
      folded,
    );
  const newestFirst = [...folded.ledger.expenses].sort((a, b) => b.row - a.row);
  const mine = newestFirst
    .filter((e) => e.record.requestedBy === me)
    .slice(0, MAX_LISTED)
    .map(view);
  const toPay = isFinance
    ? newestFirst
        .filter((e) => statuses.get(e.row) === "reimbursement_approved")
        .slice(0, MAX_LISTED)
        .map(view)
    : [];
  const needsRequest = [...folded.ledger.expenses]
    .filter((e) => folded.positions.expenses.get(e.id)?.needsRequest === true && maySubmitOverrun(book, e, me))
    .slice(0, MAX_LISTED)
    .map(view);
  return {
    ...common,
    setupNeeded: false,
    campaigns,
    categories: [...categories].filter((c) => c !== "").sort(),
    currencies: [...currencies].sort(),
    mine,
    toPay,
    needsRequest,
    // Cells of recorded expenses typed over first (they count at the recorded value), then rows left out.
    problems: rowProblemsOf(
      book,
      [...sealedEditProblems(folded), ...folded.ledger.problems].slice(0, MAX_LISTED),
      lang,
    ),
  };
}

/** "What is left if I submit this": the same checks and assessment as recording, nothing written, no lock. */
export function rpcAssessExpense(request: unknown): AssessResponse {
  const { draft } = parseRequest("rpcAssessExpense", RecordExpenseRequest, request, userLang());
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const base = readSpendBase(ss, userLang());
  const lang = uiLang(base.settings);
  const book = readSpendBook({ ...base, lang });
  if (book.setupNeeded) return { ok: false, message: t(lang, "spend.rpc.setupNeeded"), issues: [] };
  const folded = foldBook(book);
  const checked = checkDraft(book, folded, draft, callerEmail(), lang);
  if (!checked.ok)
    return { ok: false, message: checked.issues.map((i) => i.message).join(" "), issues: checked.issues };
  const { record, amount } = checked.value;
  if (notApproved(book, record.campaign)) {
    const message = t(lang, "spend.rpc.notApproved", { id: record.campaign });
    return { ok: false, message, issues: [issue("campaign", message)] };
  }
  const position = positionOfCampaign(book, folded, record.campaign);
  const assessment = assessExpense(
    position,
    { category: record.category, kind: record.kind, amount },
    book.spendSettings,
  );
  return { ok: true, assessment: assessmentView(book, folded, checked.value, assessment, lang) };
}

// ---------------------------------------------------------------------------------------------------------
// Writes

/** The next free ID: EXP- and one more than the highest number in use (never reused, even after a row is deleted). */
function nextExpenseId(book: SpendBook): string {
  let max = 0;
  // The IDs on the tab and those sealed in the log: a sealed expense whose ID cell was edited keeps its ID.
  const ids = [
    ...(book.expenses?.sources ?? []).map(({ values }) => String(values.id ?? "")),
    ...book.sealed.expenses.keys(),
  ];
  for (const id of ids) {
    const m = /^EXP-(\d+)$/.exec(id.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `EXP-${String(max + 1).padStart(5, "0")}`;
}

function refOf(record: Expense, amount: number, currency: string): ExpenseRef {
  return {
    id: record.id,
    date: record.date,
    campaign: record.campaign,
    category: record.category,
    vendor: record.vendor,
    description: record.description,
    kind: record.kind,
    amount,
    // The request's amount is in minor units of the workbook currency; the approvers' inbox shows it in that one.
    currency,
    receiptLink: record.receiptLink,
    originalAmount: record.amount,
    originalCurrency: record.currency,
  };
}

/** The note an approver reads with the request: what was bought, from whom, as typed. */
function requestComment(record: Expense): string {
  const what = [record.vendor, record.description].filter((s) => s !== "").join(" – ");
  return `${record.id}: ${what} (${record.amount} ${record.currency}, ${record.date})`;
}

/**
 * The book with its Expenses tab, folded; a refusal when setup has not made the tabs yet. A recorded expense whose row
 * is gone (an execution that died between the log append and the row write) gets its row back first.
 */
function openBook(ws: Workspace): { ok: true; book: SpendBook; folded: Folded; expenses: SpendTabRead } | Refused {
  const read = readSpendBook(baseOf(ws));
  if (read.setupNeeded || !read.expenses) return refused("setup", t(ws.lang, "spend.rpc.setupNeeded"));
  const { book, folded } = repairedBook(read);
  if (!book.expenses) return refused("setup", t(ws.lang, "spend.rpc.setupNeeded"));
  // A Status cell an execution killed after its log append never wrote (or one typed over): put right now, in one
  // write and only when a cell differs, so a retry answered from the log leaves the sheet as the log says.
  projectExpenseStatuses(book, folded.positions);
  return { ok: true, book, folded, expenses: book.expenses };
}

/**
 * The same, and the expense as the log has it now; a refusal naming the ID when there is none. `status` is null for a
 * row typed into the tab that was never recorded.
 */
function openExpense(
  ws: Workspace,
  id: string,
):
  | {
      ok: true;
      book: SpendBook;
      folded: Folded;
      expenses: SpendTabRead;
      expense: LedgerExpense;
      status: ExpenseStatus | null;
    }
  | Refused {
  const opened = openBook(ws);
  if (!opened.ok) return opened;
  const { book, folded } = opened;
  const expense = folded.ledger.expenses.find((e) => e.id === id.trim());
  if (!expense) return refused("unknown_expense", t(ws.lang, "spend.rpc.unknownExpense", { id }));
  return { ...opened, expense, status: statusOfExpense(book, folded.positions, expense.id) };
}

/** A refusal of the approval engine or the reimbursement rules, in the caller's words. */
function ruleRefusal(
  lang: Lang,
  error: { kind: string; messageKey: MessageKey; params?: Readonly<Record<string, string | number>> },
): Refused {
  return refused(error.kind, tKey(lang, error.messageKey, error.params));
}

/** A request about an expense into the approvers' inbox, with the note they read about it. */
function submitAbout(
  ws: Workspace,
  { me, at, newId }: WriteContext,
  record: Expense,
  campaign: string,
  submission: Submission,
  requestId: string,
) {
  return submit({
    view: viewOf(ws, campaign),
    submission,
    requestId,
    eventId: newId(),
    actor: me,
    at,
    comment: requestComment(record),
    settings: routingOf(ws.roles),
  });
}

/** The write of an expense's Status cell, in the sheet's language. */
function writeStatus(ws: Workspace, expenses: SpendTabRead, row: number, status: ExpenseStatus): () => void {
  const sheetLang = ws.sheetLang;
  return () => {
    if (row >= 2) writeCells(expenses, EXPENSES_TAB, row, { status: expenseStatusLabel(status, sheetLang) });
  };
}

/** What is sealed of an expense: its values as recorded and how the budget gate assessed it. */
function sealedFields(record: Expense, amount: number, assessment: Assessment, row: number): SealedFields {
  return sealedFieldsOf(
    record,
    amount,
    row,
    assessment.outcome === "needs_overrun_approval" ? assessment.overrun : undefined,
  );
}

/**
 * The events that record an expense: the sealed record, then (when it goes over) its overrun request. Both are
 * appended in one write before any cell is touched, so an execution that dies later leaves the log complete and the
 * next one puts the row back.
 */
function recordEvents(
  ws: Workspace,
  ctx: WriteContext,
  record: Expense,
  amount: number,
  assessment: Assessment,
  requestId: string,
  row: number,
): { ok: true; events: LogEntry[]; submitted: boolean } | Refused {
  const currency = ws.settings.currency;
  const state = viewOf(ws, record.campaign).state;
  const fields = sealedFields(record, amount, assessment, row);
  const events: LogEntry[] = [
    recordEntry({
      eventId: ctx.newId(),
      at: ctx.at,
      actor: ctx.me,
      expenseId: record.id,
      requestId,
      state,
      comment: requestComment(record),
      fields,
    }),
  ];
  const submission = overrunSubmission(refOf(record, amount, currency), assessment);
  if (submission) {
    const result = submitAbout(ws, ctx, record, record.campaign, submission, requestId);
    if (!result.ok) return ruleRefusal(ws.lang, result.error);
    events.push(...result.value.events);
  }
  return { ok: true, events, submitted: submission !== null };
}

type ActionValue = Omit<Extract<ExpenseActionResponse, { ok: true }>, "ok" | "notices">;

type RecordValue = Omit<Extract<RecordExpenseResponse, { ok: true }>, "ok" | "notices">;

export function rpcRecordExpense(request: unknown): RecordExpenseResponse {
  const req = parseRequest("rpcRecordExpense", RecordExpenseRequest, request, userLang());
  return write<RecordValue>({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const opened = openBook(ws);
    if (!opened.ok) return opened;
    const { book, folded, expenses } = opened;
    const checked = checkDraft(book, folded, req.draft, me, lang);
    if (!checked.ok) return refused("invalid", checked.issues.map((i) => i.message).join(" "), checked.issues);
    const { amount } = checked.value;
    const campaign = checked.value.record.campaign;
    const position = positionOfCampaign(book, folded, campaign);
    const candidate = { category: checked.value.record.category, kind: checked.value.record.kind, amount };
    const assessment = assessExpense(position, candidate, book.spendSettings);
    // The same request sent again (a double click, a retry after a lost answer): the log knows it; nothing is written.
    const existing = book.sealed.byRequest.get(req.requestId);
    if (existing) {
      const standing = folded.positions.expenses.get(existing.id);
      return {
        value: {
          id: existing.id,
          row: standing?.row ?? 0,
          status: statusOfExpense(book, folded.positions, existing.id) ?? "recorded",
          message: t(lang, "spend.rpc.recorded", { id: existing.id }),
          requestId: existing.outcome === "pending_overrun" ? req.requestId : null,
          assessment: assessmentView(book, folded, checked.value, assessment, lang),
          duplicate: true,
        },
      };
    }
    if (notApproved(book, campaign)) {
      const message = t(lang, "spend.rpc.notApproved", { id: campaign });
      return refused("not_approved", message, [issue("campaign", message)]);
    }

    const id = nextExpenseId(book);
    const record: Expense = { ...checked.value.record, id, requestedBy: me };
    const row = Math.max(expenses.table.height, 1) + 1;
    const recorded = recordEvents(ws, ctx, record, amount, assessment, req.requestId, row);
    if (!recorded.ok) return recorded;
    const status: ExpenseStatus = recorded.submitted ? "pending_overrun" : "recorded";
    const sheetLang = ws.sheetLang;
    const checkedWithId = { ...checked.value, record };
    const currency = book.spendSettings.workbookCurrency;
    const money = `${formatAmount(assessment.overrun, currency)} ${currency}`;
    const sealed = sealedFields(record, amount, assessment, row);
    return {
      events: recorded.events,
      apply: () => {
        appendRecords(expenses, EXPENSES_TAB, [
          expenseRecordCells({ ...sealed, id, requestId: req.requestId, seq: 0, at, actor: me }, status, sheetLang),
        ]);
      },
      notices: recorded.submitted ? waitingNotices(ws, campaign, req.requestId, at) : undefined,
      value: {
        id,
        row,
        status,
        message: recorded.submitted
          ? t(lang, "spend.rpc.pending", { id, amount: money })
          : t(lang, "spend.rpc.recorded", { id }),
        requestId: recorded.submitted ? req.requestId : null,
        assessment: assessmentView(book, folded, checkedWithId, assessment, lang),
        duplicate: false,
      },
    };
  });
}

export function rpcRequestReimbursement(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcRequestReimbursement", ExpenseActionRequest, request, userLang());
  return write({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const found = openExpense(ws, req.id);
    if (!found.ok) return found;
    const { book, expenses, expense, status } = found;
    if (status === null) return refused("not_recorded", t(lang, "spend.rpc.notRecorded", { id: expense.id }));
    // The same request sent again: the log has it; nothing more is written.
    const sent = book.reimbursements.get(expense.id);
    if (sent && sent.id === req.requestId) {
      return {
        value: {
          id: expense.id,
          status,
          message: t(lang, "spend.rpc.reimbursementRequested", { id: expense.id }),
          requestId: req.requestId,
        },
      };
    }
    const requester = expense.record.requestedBy;
    if (requester !== "" && requester !== me) {
      return refused("not_requester", t(lang, "spend.rpc.notRequester", { email: requester }));
    }
    const settings = book.spendSettings;
    // The sealed expense: its amount as recorded, whatever its cells say now.
    const step = reimburse({
      expense: expense.record,
      status,
      amount: expense.amount,
      action: "request",
      actor: me,
      settings,
    });
    if (!step.ok) return ruleRefusal(lang, step.error);
    const submission = reimbursementSubmission(refOf(expense.record, expense.amount, settings.workbookCurrency), me);
    const result = submitAbout(ws, ctx, expense.record, expense.campaign, submission, req.requestId);
    if (!result.ok) return ruleRefusal(lang, result.error);
    return {
      events: result.value.events,
      apply: writeStatus(ws, expenses, expense.row, step.value),
      notices: waitingNotices(ws, expense.campaign, req.requestId, at),
      value: {
        id: expense.id,
        status: step.value,
        message: t(lang, "spend.rpc.reimbursementRequested", { id: expense.id }),
        requestId: req.requestId,
      },
    };
  });
}

/**
 * Finance marks an approved reimbursement paid: a sealed pay event naming the approved request and its amount, then
 * the Status cell. Paid only for an approval the verified log holds, at the amount it approved.
 */
export function rpcMarkPaid(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcMarkPaid", ExpenseActionRequest, request, userLang());
  return write({ needsLog: true }, (ws, ctx) => {
    const { me } = ctx;
    const lang = ws.lang;
    const found = openExpense(ws, req.id);
    if (!found.ok) return found;
    const { book, expenses, expense, status } = found;
    if (status === null) return refused("not_recorded", t(lang, "spend.rpc.notRecorded", { id: expense.id }));
    if (status === "paid") {
      // Already paid (a retry after a lost answer): the log has it; nothing more is written.
      return {
        value: { id: expense.id, status, message: t(lang, "spend.rpc.paid", { id: expense.id }), requestId: null },
      };
    }
    const approval = book.reimbursements.get(expense.id);
    const step = reimburse({
      expense: expense.record,
      status,
      amount: approval?.amount ?? expense.amount,
      action: "pay",
      actor: me,
      settings: book.spendSettings,
    });
    if (!step.ok) return ruleRefusal(lang, step.error);
    if (approval?.status !== "approved") {
      return refused("illegal_transition", t(lang, "spend.reimbursement.notApproved"));
    }
    return {
      events: [
        payEntry({
          eventId: ctx.newId(),
          at: ctx.at,
          actor: me,
          expenseId: expense.id,
          requestId: approval.id,
          state: viewOf(ws, expense.campaign).state,
          amount: approval.amount,
        }),
      ],
      apply: writeStatus(ws, expenses, expense.row, step.value),
      value: {
        id: expense.id,
        status: step.value,
        message: t(lang, "spend.rpc.paid", { id: expense.id }),
        requestId: null,
      },
    };
  });
}

/**
 * An expense typed into the Expenses tab counts for nothing until the add-on records it. Its person in Requested by
 * (or the campaign's owner) records it with one click: under the lock, the budget gate assesses it against the
 * position now; it is sealed in the log, and when it goes over, its overrun request goes with it. A recorded
 * expense whose overrun request was sent back is sent again the same way, with the overrun in force now. The same
 * click twice is one record and one request.
 */
export function rpcSubmitOverrun(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcSubmitOverrun", ExpenseActionRequest, request, userLang());
  return write<ActionValue>({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const found = openExpense(ws, req.id);
    if (!found.ok) return found;
    const { book, folded, expenses, expense } = found;
    const standing = folded.positions.expenses.get(expense.id);
    const currency = book.spendSettings.workbookCurrency;
    const money = (minor: number) => `${formatAmount(minor, currency)} ${currency}`;
    const sealedNow = book.sealed.expenses.get(expense.id);
    if (standing && (standing.requestId === req.requestId || sealedNow?.requestId === req.requestId)) {
      // The same click sent again (a retry after a lost answer): it was done; nothing more is written.
      const status = statusOfExpense(book, folded.positions, expense.id) ?? "recorded";
      const message =
        status === "pending_overrun"
          ? t(lang, "spend.rpc.overrunSent", { id: expense.id, amount: money(standing.overrun) })
          : t(lang, "spend.rpc.recorded", { id: expense.id });
      return { value: { id: expense.id, status, message, requestId: req.requestId } };
    }
    if (!standing?.needsRequest) {
      return refused("no_overrun", t(lang, "spend.rpc.noOverrunNeeded", { id: expense.id }));
    }
    if (!maySubmitOverrun(book, expense, me)) {
      const email = expense.record.requestedBy || book.fold.campaigns.get(expense.campaign)?.owner || "—";
      return refused("not_requester", t(lang, "spend.rpc.notOverrunSubmitter", { email }));
    }
    if (!standing.recorded) {
      if (notApproved(book, expense.campaign)) {
        return refused("not_approved", t(lang, "spend.rpc.notApproved", { id: expense.campaign }));
      }
      // Recorded now, from the row as it stands, through the same gate as the sidebar's form.
      let record = expense.record;
      if (standing.refundOf) {
        const original = checkRefund(folded.positions, standing);
        if ("messageKey" in original) {
          const where = { ...original, tab: "expenses" as const, row: expense.row, column: original.field };
          const [problem] = rowProblemsOf(book, [{ ...where, found: expense.record[original.field] }], lang);
          return refused("invalid", problem?.message ?? "");
        }
        record = { ...record, category: original.category, kind: original.kind };
      }
      const position = positionOfCampaign(book, folded, expense.campaign);
      const assessment = assessExpense(position, { ...record, amount: expense.amount }, book.spendSettings);
      const recorded = recordEvents(ws, ctx, record, expense.amount, assessment, req.requestId, expense.row);
      if (!recorded.ok) return recorded;
      const status: ExpenseStatus = recorded.submitted ? "pending_overrun" : "recorded";
      return {
        events: recorded.events,
        apply: writeStatus(ws, expenses, expense.row, status),
        notices: recorded.submitted ? waitingNotices(ws, expense.campaign, req.requestId, at) : undefined,
        value: {
          id: expense.id,
          status,
          message: recorded.submitted
            ? t(lang, "spend.rpc.overrunSent", { id: expense.id, amount: money(assessment.overrun) })
            : t(lang, "spend.rpc.recorded", { id: expense.id }),
          requestId: recorded.submitted ? req.requestId : null,
        },
      };
    }
    const submission = overrunSubmissionFor(refOf(expense.record, expense.amount, currency), standing.overrun);
    if (!submission) return refused("no_overrun", t(lang, "spend.rpc.noOverrunNeeded", { id: expense.id }));
    const result = submitAbout(ws, ctx, expense.record, expense.campaign, submission, req.requestId);
    if (!result.ok) return ruleRefusal(lang, result.error);
    return {
      events: result.value.events,
      apply: writeStatus(ws, expenses, expense.row, "pending_overrun"),
      notices: result.value.duplicate ? undefined : waitingNotices(ws, expense.campaign, req.requestId, at),
      value: {
        id: expense.id,
        status: "pending_overrun" as ExpenseStatus,
        message: t(lang, "spend.rpc.overrunSent", { id: expense.id, amount: money(standing.overrun) }),
        requestId: req.requestId,
      },
    };
  });
}

/** Spread into RPC (src/server/rpc.ts), which proves every ServerApi function has its implementation. */
export const SPEND_RPC = {
  rpcSpendOverview,
  rpcAssessExpense,
  rpcRecordExpense,
  rpcRequestReimbursement,
  rpcMarkPaid,
  rpcSubmitOverrun,
} as const;
