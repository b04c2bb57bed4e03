// The Expenses sidebar's server functions: what is left of each budget, an expense assessed before it is sent, an
// expense recorded (read-assess-append under the document lock, an overrun request into the approvers' inbox when it
// goes over), a reimbursement requested, and a reimbursement marked paid by finance.

import { CURRENCIES } from "../../domain/campaign";
import { catalogIn, type Lang, type MessageKey, t, tKey } from "../../domain/i18n";
import { formatAmount } from "../../domain/money";
import { parseRoles, routingOf } from "../../domain/roles";
import {
  type Assessment,
  assessExpense,
  assessmentMessage,
  BUDGET_STATUSES,
  type CampaignPosition,
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
  receiptRequired,
  reimburse,
  reimbursementSubmission,
} from "../../domain/spend";
import { CAMPAIGN_STATES, type CampaignState, type Submission, submit } from "../../domain/workflow";
import { appendRecords, writeCells } from "../../workbook/shared/rows";
import type { SpendTabRead } from "../../workbook/spend/read";
import { EXPENSES_TAB } from "../../workbook/spend/tabs";
import type { FieldIssue, Refused } from "../shared/contract";
import { uiLang, userLang } from "../shared/locale";
import { parseRequest } from "../shared/request";
import {
  baseOf,
  expenseStatusLabel,
  type Folded,
  foldBook,
  readSpendBase,
  readSpendBook,
  rowProblemsOf,
  type SpendBook,
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
  const record = decoded.value;
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
    id: r.id,
    row: e.row,
    date: r.date,
    campaign: r.campaign,
    category: r.category,
    vendor: r.vendor,
    description: r.description,
    amount: r.amount,
    currency: r.currency,
    kind: r.kind,
    receiptLink: r.receiptLink,
    reimbursable: r.reimbursable,
    requestedBy: r.requestedBy,
    status,
    duplicateOf: duplicates.get(r.id) ?? [],
    canRequestReimbursement:
      status === "recorded" && r.reimbursable && r.requestedBy === me && REIMBURSABLE_STATES.has(state),
    canMarkPaid: isFinance && status === "reimbursement_approved" && r.requestedBy !== me,
    canSubmitOverrun: unsent && maySubmitOverrun(book, e, me),
    overrun: unsent && folded ? majorUnits(standing?.overrun ?? 0, folded.ledger.digits) : 0,
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

  const categories = new Set(base.settings.categories);
  for (const line of folded.ledger.lines) categories.add(line.category);
  const currencies = new Set([settings.workbookCurrency, ...CURRENCIES, ...folded.ledger.rates.byCurrency.keys()]);
  const statuses = wantedStatuses(book, folded.positions);
  const duplicates = new Map(findDuplicates(folded.ledger.expenses.map((e) => e.record)).map((f) => [f.id, f.others]));
  const view = (e: LedgerExpense) =>
    expenseView(e, statuses.get(e.row) ?? e.status ?? "recorded", duplicates, me, book, isFinance, folded);
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
    problems: rowProblemsOf(book, folded.ledger.problems.slice(0, MAX_LISTED), lang),
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
  for (const { values } of book.expenses?.sources ?? []) {
    const m = /^EXP-(\d+)$/.exec(String(values.id ?? "").trim());
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

const DONE_TTL_S = 600;

/** A request already applied (a double click, a retry after a lost answer) is answered with what it did. */
function doneKey(requestId: string): string {
  return `cc.expense.${requestId}`;
}

/** The book with its Expenses tab, folded; a refusal when setup has not made the tabs yet. */
function openBook(ws: Workspace): { ok: true; book: SpendBook; folded: Folded; expenses: SpendTabRead } | Refused {
  const book = readSpendBook(baseOf(ws));
  if (book.setupNeeded || !book.expenses) return refused("setup", t(ws.lang, "spend.rpc.setupNeeded"));
  return { ok: true, book, folded: foldBook(book), expenses: book.expenses };
}

/** The same, and the expense as the fold and the log have it now; a refusal naming the ID when there is none. */
function openExpense(
  ws: Workspace,
  id: string,
):
  | { ok: true; book: SpendBook; folded: Folded; expenses: SpendTabRead; expense: LedgerExpense; status: ExpenseStatus }
  | Refused {
  const opened = openBook(ws);
  if (!opened.ok) return opened;
  const { book, folded } = opened;
  const expense = folded.ledger.expenses.find((e) => e.id === id.trim());
  if (!expense) return refused("unknown_expense", t(ws.lang, "spend.rpc.unknownExpense", { id }));
  const status = wantedStatuses(book, folded.positions).get(expense.row) ?? "recorded";
  return { ...opened, expense, status };
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
  return () => writeCells(expenses, EXPENSES_TAB, row, { status: expenseStatusLabel(status, sheetLang) });
}

type RecordValue = Omit<Extract<RecordExpenseResponse, { ok: true }>, "ok" | "notices">;

export function rpcRecordExpense(request: unknown): RecordExpenseResponse {
  const req = parseRequest("rpcRecordExpense", RecordExpenseRequest, request, userLang());
  return write<RecordValue>({ needsLog: false }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const opened = openBook(ws);
    if (!opened.ok) return opened;
    const { book, folded, expenses } = opened;
    const checked = checkDraft(book, folded, req.draft, me, lang);
    if (!checked.ok) return refused("invalid", checked.issues.map((i) => i.message).join(" "), checked.issues);
    const { amount } = checked.value;
    const campaign = checked.value.record.campaign;
    if (notApproved(book, campaign)) {
      const message = t(lang, "spend.rpc.notApproved", { id: campaign });
      return refused("not_approved", message, [issue("campaign", message)]);
    }
    const cache = CacheService.getDocumentCache();
    const done = cache?.get(doneKey(req.requestId));
    const existing = done ? folded.ledger.expenses.find((e) => e.id === done) : undefined;
    const position = positionOfCampaign(book, folded, campaign);
    const candidate = { category: checked.value.record.category, kind: checked.value.record.kind, amount };
    const assessment = assessExpense(position, candidate, book.spendSettings);
    if (existing) {
      const status = wantedStatuses(book, folded.positions).get(existing.row) ?? "recorded";
      return {
        value: {
          id: existing.id,
          row: existing.row,
          status,
          message: t(lang, "spend.rpc.recorded", { id: existing.id }),
          requestId: null,
          assessment: assessmentView(book, folded, checked.value, assessment, lang),
          duplicate: true,
        },
      };
    }

    const id = nextExpenseId(book);
    const record: Expense = { ...checked.value.record, id };
    const currency = book.spendSettings.workbookCurrency;
    const submission: Submission | null = overrunSubmission(refOf(record, amount, currency), assessment);
    let events: ReturnType<typeof submit> | null = null;
    if (submission) {
      if (!ws.log) return refused("setup", t(lang, "rpc.noLog", { tab: t(lang, "tab.log") }));
      if (!ws.chain.ok) return refused("chain_broken", ws.chain.message);
      events = submitAbout(ws, ctx, record, campaign, submission, req.requestId);
      if (!events.ok) return ruleRefusal(lang, events.error);
    }
    const status: ExpenseStatus = submission ? "pending_overrun" : "recorded";
    const sheetLang = ws.sheetLang;
    const row = Math.max(expenses.table.height, 1) + 1;
    const checkedWithId = { ...checked.value, record };
    const money = `${formatAmount(assessment.overrun, currency)} ${currency}`;
    return {
      events: events?.ok ? events.value.events : [],
      apply: () => {
        appendRecords(expenses, EXPENSES_TAB, [
          {
            id,
            date: record.date,
            campaign: record.campaign,
            category: record.category,
            vendor: record.vendor,
            description: record.description,
            amount: record.amount,
            currency: record.currency,
            kind: catalogIn(sheetLang)[`spend.kind.${record.kind}`],
            receiptLink: record.receiptLink,
            reimbursable: catalogIn(sheetLang)[record.reimbursable ? "spend.yes" : "spend.no"],
            requestedBy: me,
            status: expenseStatusLabel(status, sheetLang),
          },
        ]);
        cache?.put(doneKey(req.requestId), id, DONE_TTL_S);
      },
      notices: submission ? waitingNotices(ws, campaign, req.requestId, at) : undefined,
      value: {
        id,
        row,
        status,
        message: submission
          ? t(lang, "spend.rpc.pending", { id, amount: money })
          : t(lang, "spend.rpc.recorded", { id }),
        requestId: submission ? req.requestId : null,
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
    const requester = expense.record.requestedBy;
    if (requester !== "" && requester !== me) {
      return refused("not_requester", t(lang, "spend.rpc.notRequester", { email: requester }));
    }
    const settings = book.spendSettings;
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

/** Finance marks an approved reimbursement paid: the Status cell only (the approval is already in the log). */
export function rpcMarkPaid(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcMarkPaid", ExpenseActionRequest, request, userLang());
  return write({ needsLog: false }, (ws, { me }) => {
    const lang = ws.lang;
    const found = openExpense(ws, req.id);
    if (!found.ok) return found;
    const { book, expenses, expense, status } = found;
    const step = reimburse({
      expense: expense.record,
      status,
      amount: expense.amount,
      action: "pay",
      actor: me,
      settings: book.spendSettings,
    });
    if (!step.ok) return ruleRefusal(lang, step.error);
    return {
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
 * An expense typed into the Expenses tab that goes over the approved budget is pending and counts for nothing; its
 * overrun request is sent by the person it names (or the campaign's owner) with one click, routed by the overrun the
 * fold assessed, under the lock (so the overrun is the one in force now, and a second click finds it sent).
 */
export function rpcSubmitOverrun(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcSubmitOverrun", ExpenseActionRequest, request, userLang());
  return write({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const found = openExpense(ws, req.id);
    if (!found.ok) return found;
    const { book, folded, expenses, expense } = found;
    const standing = folded.positions.expenses.get(expense.id);
    const currency = book.spendSettings.workbookCurrency;
    const money = (minor: number) => `${formatAmount(minor, currency)} ${currency}`;
    if (standing && standing.requestId === req.requestId) {
      // The same click sent again (a retry after a lost answer): it was sent; nothing more is written.
      const message = t(lang, "spend.rpc.overrunSent", { id: expense.id, amount: money(standing.overrun) });
      return { value: { id: expense.id, status: standing.status, message, requestId: req.requestId } };
    }
    if (!standing?.needsRequest) {
      return refused("no_overrun", t(lang, "spend.rpc.noOverrunNeeded", { id: expense.id }));
    }
    if (!maySubmitOverrun(book, expense, me)) {
      const email = expense.record.requestedBy || book.fold.campaigns.get(expense.campaign)?.owner || "—";
      return refused("not_requester", t(lang, "spend.rpc.notOverrunSubmitter", { email }));
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
