// The Expenses sidebar's server functions: what is left of each budget, an expense assessed before it is sent, an
// expense recorded (read-assess-append under the document lock, an overrun request into the approvers' inbox when it
// goes over), a reimbursement requested, and a reimbursement marked paid by finance.

import { asNumber, asString } from "../../domain/builtins";
import { CURRENCIES } from "../../domain/campaign";
import { type Lang, type MessageKey, t, tKey } from "../../domain/i18n";
import { formatMoney } from "../../domain/money";
import { routingOf } from "../../domain/roles";
import {
  type Assessment,
  assessExpense,
  assessmentMessage,
  BUDGET_STATUSES,
  type CampaignPosition,
  checkRefund,
  conversionProblem,
  convert,
  describeSpendProblem,
  EXPENSE_KINDS,
  EXPENSE_STATUSES,
  type Expense,
  type ExpenseRef,
  type ExpenseStatus,
  emptyCampaignPosition,
  expenseDecoder,
  FIGURES,
  findDuplicates,
  type LedgerExpense,
  linePosition,
  majorUnits,
  overrunSubmission,
  overrunSubmissionFor,
  type Position,
  payEntry,
  receiptLimit,
  receiptRequired,
  recordEntry,
  reimburse,
  reimbursementSubmission,
  type SpendRowProblem,
  sealedFieldsOf,
  unknownCampaign,
} from "../../domain/spend";
import {
  CAMPAIGN_STATES,
  type LogEntry,
  REQUEST_RULES,
  type RequestView,
  type Submission,
  submit,
} from "../../domain/workflow";
import { compareCodeUnits } from "../../domain/workflow/json";
import { appendRecords, writeCells } from "../../workbook/shared/rows";
import type { SpendTabRead } from "../../workbook/spend/read";
import { EXPENSES_TAB } from "../../workbook/spend/tabs";
import { activeSpreadsheet } from "../shared/active";
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
import { storedRoles } from "../shared/store";
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

const MAX_LISTED = 200;

/** The amounts a position shows, in major units of the workbook currency. */
const SHOWN = [...FIGURES, "remaining"] as const;

export function positionView(p: Position, digits: number): SpendPosition {
  const amounts = Object.fromEntries(SHOWN.map((key) => [key, majorUnits(p[key], digits)])) as {
    [K in (typeof SHOWN)[number]]: number;
  };
  return { ...amounts, usedPct: p.usedPct, status: p.status };
}

function issue(field: string, message: string): FieldIssue {
  return { field, message, where: "", tab: "", row: 0, column: "" };
}

/** A draft refused, every problem by field, and all of them in one message. */
interface Invalid {
  readonly ok: false;
  readonly message: string;
  readonly issues: FieldIssue[];
}

function invalid(issues: FieldIssue[]): Invalid {
  return { ok: false, message: issues.map((i) => i.message).join(" "), issues };
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
): { ok: true; value: Checked } | Invalid {
  const decode = expenseDecoder({ workbookCurrency: book.spendSettings.workbookCurrency });
  const decoded = decode({ ...draft, id: "new", requestedBy: me, status: "" });
  if (!decoded.ok) {
    return invalid(decoded.problems.map((p) => issue(p.field, describeSpendProblem(p, lang))));
  }
  // Recorded as the Settings list spells the category, so it meets its budget line however it was typed.
  let record = { ...decoded.value, category: folded.category(decoded.value.category) };
  // The same problems, in the same words, as a row of the tab has.
  const problems: SpendRowProblem[] = [];
  if (book.known && !book.known.has(record.campaign)) problems.push(unknownCampaign("expenses", 0, record.campaign));
  const conversion = convert(folded.ledger.rates, record.amount, record.currency, record.date);
  if (!conversion.ok) problems.push(conversionProblem("expenses", 0, record.amount, conversion.problem));
  const issues = problems.map((p) => issue(p.column, describeSpendProblem(p, lang)));
  const amount = conversion.ok ? conversion.minor : 0;
  if (conversion.ok && record.refundOf !== "") {
    // A refund takes back spend of the expense it names: in its category and kind, never more than is left of it.
    const original = checkRefund(folded.positions, { ...record, amount });
    if ("messageKey" in original) issues.push(issue(original.field, describeSpendProblem(original, lang)));
    else record = { ...record, category: original.category, kind: original.kind };
  }
  const settings = book.spendSettings;
  if (conversion.ok && record.kind === "actual" && record.receiptLink === "" && receiptRequired(amount, settings)) {
    issues.push(issue("receiptLink", t(lang, "spend.rpc.receiptRequired", { limit: receiptLimit(settings) })));
  }
  return issues.length > 0 ? invalid(issues) : { ok: true, value: { record, amount } };
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
  const view = (p: Position) => positionView(p, digits);
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
    before: view(before),
    after: view(assessment.after),
    lineBefore: view(linePosition(before, category)),
    lineAfter: view(linePosition(assessment.after, category)),
    duplicateOf: flag?.others ?? [],
  };
}

/** A campaign whose plan is not approved takes no expense (an unknown one is refused as unknown instead). */
function unapproved(book: SpendBook, campaign: string, lang: Lang): Invalid | null {
  if (book.approved.has(campaign) || (book.known !== null && !book.known.has(campaign))) return null;
  return invalid([issue("campaign", t(lang, "spend.rpc.notApproved", { id: campaign }))]);
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

/** The book as the sidebar's reads have it, without the lock, in the language of the person asking. */
function readBook(finance?: readonly string[]) {
  const base = readSpendBase(activeSpreadsheet(), userLang(), finance);
  const lang = uiLang(base.settings);
  return { base, lang, book: readSpendBook({ ...base, lang }) };
}

function rolesFinance(): readonly string[] {
  return storedRoles().finance;
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

export function rpcSpendOverview(request: unknown): SpendOverview {
  parseRequest("rpcSpendOverview", SpendOverviewRequest, request);
  const me = callerEmail();
  const { base, lang, book } = readBook(rolesFinance());
  // The settings as the form needs them (warnAt, enforceLines, receiptRequiredAbove); the finance list stays here.
  const { workbookCurrency, finance, ...limits } = book.spendSettings;
  const isFinance = me !== "" && finance.includes(me);
  const common = { lang, labels: labelsOf(lang), user: me, isFinance, currency: workbookCurrency, ...limits };
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
      name: nameColumn !== undefined ? asString(row.cells[nameColumn - 1] ?? "").trim() || id : id,
      state: book.states.get(id) ?? "Draft",
      open: book.approved.has(id),
      position: positionView(position, digits),
      lines: position.lines.map((l) => ({ category: l.category, ...positionView(l, digits) })),
    });
  }
  campaigns.sort((a, b) => asNumber(b.open) - asNumber(a.open) || compareCodeUnits(a.id, b.id));

  const categories = new Set(base.settings.categories.map(folded.category));
  for (const line of folded.ledger.lines) categories.add(line.category);
  const currencies = new Set([workbookCurrency, ...CURRENCIES, ...folded.ledger.rates.byCurrency.keys()]);
  const statuses = wantedStatuses(book, folded.positions);
  const duplicates = new Map(findDuplicates(folded.ledger.expenses.map((e) => e.record)).map((f) => [f.id, f.others]));
  const view = (e: LedgerExpense): ExpenseView => {
    const r = e.record;
    const status = statuses.has(e.row) ? (statuses.get(e.row) ?? "pending_overrun") : (e.status ?? "recorded");
    const state = book.states.get(e.campaign) ?? "Draft";
    const standing = folded.positions.expenses.get(r.id);
    const unsent = standing?.needsRequest ? standing : undefined;
    return {
      ...r,
      row: e.row,
      status,
      duplicateOf: duplicates.get(r.id) ?? [],
      canRequestReimbursement:
        status === "recorded" &&
        r.reimbursable &&
        r.amount > 0 &&
        r.requestedBy === me &&
        // While the campaign runs: the approval engine's rule for the request type.
        REQUEST_RULES.reimbursement.submitFrom.includes(state),
      canMarkPaid: isFinance && status === "reimbursement_approved" && r.requestedBy !== me,
      canSubmitOverrun: unsent !== undefined && maySubmitOverrun(book, e, me),
      overrun: unsent ? majorUnits(unsent.overrun, digits) : 0,
      recorded: standing?.recorded !== false,
    };
  };
  const listed = (expenses: readonly LedgerExpense[]) => expenses.slice(0, MAX_LISTED).map(view);
  const newestFirst = [...folded.ledger.expenses].sort((a, b) => b.row - a.row);
  return {
    ...common,
    setupNeeded: false,
    campaigns,
    categories: [...categories].filter((c) => c !== "").sort(),
    currencies: [...currencies].sort(),
    mine: listed(newestFirst.filter((e) => e.record.requestedBy === me)),
    toPay: isFinance ? listed(newestFirst.filter((e) => statuses.get(e.row) === "reimbursement_approved")) : [],
    needsRequest: listed(
      folded.ledger.expenses.filter(
        (e) => folded.positions.expenses.get(e.id)?.needsRequest === true && maySubmitOverrun(book, e, me),
      ),
    ),
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
  const { draft } = parseRequest("rpcAssessExpense", RecordExpenseRequest, request);
  const { lang, book } = readBook();
  if (book.setupNeeded) return { ok: false, message: t(lang, "spend.rpc.setupNeeded"), issues: [] };
  const folded = foldBook(book);
  const checked = checkDraft(book, folded, draft, callerEmail(), lang);
  if (!checked.ok) return checked;
  const { record, amount } = checked.value;
  const closed = unapproved(book, record.campaign, lang);
  if (closed) return closed;
  const assessment = assess(book, folded, record, amount);
  return { ok: true, assessment: assessmentView(book, folded, checked.value, assessment, lang) };
}

// ---------------------------------------------------------------------------------------------------------
// Writes

/** The next free ID: EXP- and one more than the highest number in use (never reused, even after a row is deleted). */
function nextExpenseId(book: SpendBook): string {
  let max = 0;
  // The IDs on the tab and those sealed in the log: a sealed expense whose ID cell was edited keeps its ID.
  const ids = [
    ...(book.expenses?.sources ?? []).map(({ values }) => asString(values.id ?? "")),
    ...book.sealed.expenses.keys(),
  ];
  for (const id of ids) {
    const m = /^EXP-(\d+)$/.exec(id.trim());
    if (m) max = Math.max(max, asNumber(m[1]));
  }
  return `EXP-${asString(max + 1).padStart(5, "0")}`;
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
  const setup = () => refused("setup", t(ws.lang, "spend.rpc.setupNeeded"));
  const read = readSpendBook(baseOf(ws));
  if (read.setupNeeded || !read.expenses) return setup();
  const { book, folded } = repairedBook(read);
  if (!book.expenses) return setup();
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

/** A request about an expense into the approvers' inbox, with the note they read about it; or the engine's refusal. */
function submitAbout(
  ws: Workspace,
  { me, at, newId }: WriteContext,
  record: Expense,
  requestId: string,
  submission: Submission,
) {
  const result = submit({
    view: viewOf(ws, record.campaign),
    submission,
    requestId,
    eventId: newId(),
    actor: me,
    at,
    comment: requestComment(record),
    settings: routingOf(ws.roles),
  });
  return result.ok ? result : ruleRefusal(ws.lang, result.error);
}

/** An expense as its request carries it: the amount in minor units of the workbook currency, which the inbox shows. */
function refOf(ws: Workspace, record: Expense, amount: number): ExpenseRef {
  return { record, amount, currency: ws.settings.currency };
}

/** The write of an expense's Status cell, in the sheet's language. */
function writeStatus(ws: Workspace, expenses: SpendTabRead, row: number, status: ExpenseStatus): () => void {
  return () => {
    if (row >= 2) writeCells(expenses, EXPENSES_TAB, row, { status: expenseStatusLabel(status, ws.sheetLang) });
  };
}

/** The pay event of an approved reimbursement: the request it pays, at the amount it approved. */
export function payEvent(ws: Workspace, ctx: WriteContext, expense: LedgerExpense, approval: RequestView): LogEntry {
  return payEntry({
    eventId: ctx.newId(),
    at: ctx.at,
    actor: ctx.me,
    expenseId: expense.id,
    requestId: approval.id,
    state: viewOf(ws, expense.campaign).state,
    amount: approval.amount,
  });
}

/** The budget gate on an expense (amount in minor units of the workbook currency) against its campaign now. */
function assess(
  book: SpendBook,
  folded: Folded,
  expense: Pick<Expense, "campaign" | "category" | "kind">,
  amount: number,
) {
  const position = positionOfCampaign(book, folded, expense.campaign);
  return assessExpense(position, { category: expense.category, kind: expense.kind, amount }, book.spendSettings);
}

/**
 * The events that record an expense: the sealed record, then (when it goes over) its overrun request. Both are
 * appended in one write before any cell is touched, so an execution that dies later leaves the log complete and the
 * next one puts the row back. With them: what is sealed, the expense's status, the request sent (or null) and the
 * approvers' notices.
 */
function recordEvents(
  ws: Workspace,
  ctx: WriteContext,
  record: Expense,
  amount: number,
  assessment: Assessment,
  requestId: string,
  row: number,
) {
  const over = assessment.outcome === "needs_overrun_approval";
  const fields = sealedFieldsOf(record, amount, row, over ? assessment.overrun : undefined);
  const events: LogEntry[] = [
    recordEntry({
      eventId: ctx.newId(),
      at: ctx.at,
      actor: ctx.me,
      expenseId: record.id,
      requestId,
      state: viewOf(ws, record.campaign).state,
      comment: requestComment(record),
      fields,
    }),
  ];
  const submission = overrunSubmission(refOf(ws, record, amount), assessment);
  const result = submission && submitAbout(ws, ctx, record, requestId, submission);
  if (result && !result.ok) return result;
  if (result) events.push(...result.value.events);
  return {
    ok: true as const,
    events,
    fields,
    status: (result ? "pending_overrun" : "recorded") as ExpenseStatus,
    sent: result ? requestId : null,
    notices: result ? waitingNotices(ws, record.campaign, requestId, ctx.at) : undefined,
  };
}

type ActionValue = Omit<Extract<ExpenseActionResponse, { ok: true }>, "ok" | "notices">;

type RecordValue = Omit<Extract<RecordExpenseResponse, { ok: true }>, "ok" | "notices">;

export function rpcRecordExpense(request: unknown): RecordExpenseResponse {
  const req = parseRequest("rpcRecordExpense", RecordExpenseRequest, request);
  return write<RecordValue>({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const opened = openBook(ws);
    if (!opened.ok) return opened;
    const { book, folded, expenses } = opened;
    const checked = checkDraft(book, folded, req.draft, me, lang);
    if (!checked.ok) return refused("invalid", checked.message, checked.issues);
    const { amount } = checked.value;
    const campaign = checked.value.record.campaign;
    const assessment = assess(book, folded, checked.value.record, amount);
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
    const closed = unapproved(book, campaign, lang);
    if (closed) return refused("not_approved", closed.message, closed.issues);

    const id = nextExpenseId(book);
    const record: Expense = { ...checked.value.record, id, requestedBy: me };
    const row = Math.max(expenses.table.height, 1) + 1;
    const recorded = recordEvents(ws, ctx, record, amount, assessment, req.requestId, row);
    if (!recorded.ok) return recorded;
    const { status, sent } = recorded;
    const currency = book.spendSettings.workbookCurrency;
    return {
      events: recorded.events,
      apply: () => {
        appendRecords(expenses, EXPENSES_TAB, [
          expenseRecordCells({ ...recorded.fields, id, requestId: req.requestId, at, actor: me }, status, ws.sheetLang),
        ]);
      },
      notices: recorded.notices,
      value: {
        id,
        row,
        status,
        message: sent
          ? t(lang, "spend.rpc.pending", { id, amount: formatMoney(assessment.overrun, currency) })
          : t(lang, "spend.rpc.recorded", { id }),
        requestId: sent,
        assessment: assessmentView(book, folded, { ...checked.value, record }, assessment, lang),
        duplicate: false,
      },
    };
  });
}

/** The same for an expense that must be recorded (a reimbursement's); a refusal for a row never recorded. */
function openRecorded(ws: Workspace, id: string) {
  const found = openExpense(ws, id);
  if (!found.ok) return found;
  const { expense, status } = found;
  if (status === null) return refused("not_recorded", t(ws.lang, "spend.rpc.notRecorded", { id: expense.id }));
  return { ...found, status };
}

export function rpcRequestReimbursement(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcRequestReimbursement", ExpenseActionRequest, request);
  return write<ActionValue>({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const found = openRecorded(ws, req.id);
    if (!found.ok) return found;
    const { book, expenses, expense, status } = found;
    const done = (status: ExpenseStatus) => ({
      id: expense.id,
      status,
      message: t(lang, "spend.rpc.reimbursementRequested", { id: expense.id }),
      requestId: req.requestId,
    });
    // The same request sent again: the log has it; nothing more is written.
    if (book.reimbursements.get(expense.id)?.id === req.requestId) return { value: done(status) };
    const requester = expense.record.requestedBy;
    if (requester !== "" && requester !== me) {
      return refused("not_requester", t(lang, "spend.rpc.notRequester", { email: requester }));
    }
    // The sealed expense: its amount as recorded, whatever its cells say now.
    const step = reimburse({
      expense: expense.record,
      status,
      amount: expense.amount,
      action: "request",
      actor: me,
      settings: book.spendSettings,
    });
    if (!step.ok) return ruleRefusal(lang, step.error);
    const submission = reimbursementSubmission(refOf(ws, expense.record, expense.amount), me);
    const result = submitAbout(ws, ctx, expense.record, req.requestId, submission);
    if (!result.ok) return result;
    return {
      events: result.value.events,
      apply: writeStatus(ws, expenses, expense.row, step.value),
      notices: waitingNotices(ws, expense.campaign, req.requestId, at),
      value: done(step.value),
    };
  });
}

/**
 * Finance marks an approved reimbursement paid: a sealed pay event naming the approved request and its amount, then
 * the Status cell. Paid only for an approval the verified log holds, at the amount it approved.
 */
export function rpcMarkPaid(request: unknown): ExpenseActionResponse {
  const req = parseRequest("rpcMarkPaid", ExpenseActionRequest, request);
  return write<ActionValue>({ needsLog: true }, (ws, ctx) => {
    const lang = ws.lang;
    const found = openRecorded(ws, req.id);
    if (!found.ok) return found;
    const { book, expenses, expense, status } = found;
    const done = (status: ExpenseStatus) => ({
      id: expense.id,
      status,
      message: t(lang, "spend.rpc.paid", { id: expense.id }),
      requestId: null,
    });
    // Already paid (a retry after a lost answer): the log has it; nothing more is written.
    if (status === "paid") return { value: done(status) };
    const approval = book.reimbursements.get(expense.id);
    const step = reimburse({
      expense: expense.record,
      status,
      amount: approval?.amount ?? expense.amount,
      action: "pay",
      actor: ctx.me,
      settings: book.spendSettings,
    });
    if (!step.ok) return ruleRefusal(lang, step.error);
    if (approval?.status !== "approved") {
      return refused("illegal_transition", t(lang, "spend.reimbursement.notApproved"));
    }
    return {
      events: [payEvent(ws, ctx, expense, approval)],
      apply: writeStatus(ws, expenses, expense.row, step.value),
      value: done(step.value),
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
  const req = parseRequest("rpcSubmitOverrun", ExpenseActionRequest, request);
  return write<ActionValue>({ needsLog: true }, (ws, ctx) => {
    const { me, at } = ctx;
    const lang = ws.lang;
    const found = openExpense(ws, req.id);
    if (!found.ok) return found;
    const { book, folded, expenses, expense } = found;
    const { id, campaign } = expense;
    const standing = folded.positions.expenses.get(id);
    // Pending: its overrun request was sent (routed by `overrun`); else it was recorded within the budget.
    const done = (status: ExpenseStatus, overrun: number, requestId: string | null) => ({
      id,
      status,
      message:
        status === "pending_overrun"
          ? t(lang, "spend.rpc.overrunSent", { id, amount: formatMoney(overrun, book.spendSettings.workbookCurrency) })
          : t(lang, "spend.rpc.recorded", { id }),
      requestId,
    });
    if (
      standing &&
      (standing.requestId === req.requestId || book.sealed.expenses.get(id)?.requestId === req.requestId)
    ) {
      // The same click sent again (a retry after a lost answer): it was done; nothing more is written.
      const status = statusOfExpense(book, folded.positions, id) ?? "recorded";
      return { value: done(status, standing.overrun, req.requestId) };
    }
    const noOverrun = () => refused("no_overrun", t(lang, "spend.rpc.noOverrunNeeded", { id }));
    if (!standing?.needsRequest) return noOverrun();
    if (!maySubmitOverrun(book, expense, me)) {
      const email = expense.record.requestedBy || book.fold.campaigns.get(campaign)?.owner || "—";
      return refused("not_requester", t(lang, "spend.rpc.notOverrunSubmitter", { email }));
    }
    if (!standing.recorded) {
      const closed = unapproved(book, campaign, lang);
      if (closed) return refused("not_approved", closed.message);
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
      const assessment = assess(book, folded, record, expense.amount);
      const recorded = recordEvents(ws, ctx, record, expense.amount, assessment, req.requestId, expense.row);
      if (!recorded.ok) return recorded;
      return {
        events: recorded.events,
        apply: writeStatus(ws, expenses, expense.row, recorded.status),
        notices: recorded.notices,
        value: done(recorded.status, assessment.overrun, recorded.sent),
      };
    }
    const submission = overrunSubmissionFor(refOf(ws, expense.record, expense.amount), standing.overrun);
    if (!submission) return noOverrun();
    const result = submitAbout(ws, ctx, expense.record, req.requestId, submission);
    if (!result.ok) return result;
    return {
      events: result.value.events,
      apply: writeStatus(ws, expenses, expense.row, "pending_overrun"),
      notices: result.value.duplicate ? undefined : waitingNotices(ws, campaign, req.requestId, at),
      value: done("pending_overrun", standing.overrun, req.requestId),
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
