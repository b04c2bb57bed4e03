// Budget position of campaigns and their lines, the overrun rule for a new expense, and the fold that computes positions from lines, expenses and overrun decisions.

import { isNumber, mathMin, max } from "../builtins";
import { type Decimal, decimalFromNumber, formatMoney } from "../money";
import type { RequestStatus } from "../workflow";
import { compareCodeUnits as compareText } from "../workflow/json";
import { compare, fromUnits, multiply } from "./decimal";
import type { Ledger, LedgerExpense } from "./ledger";
import type { MessageParams, SpendMessageKey } from "./messages";
import { type ApprovedLine, COUNTED_STATUSES, type ExpenseKind, type ExpenseStatus, type SpendSettings } from "./model";

export type { ApprovedLine };

/**
 * Where spending stands against the approved budget, by used = actual + committed:
 * UNDER below warn_at x approved; WARNING from there up to (not including) the whole budget; ON_BUDGET exactly the
 * whole budget (100 % spent is on budget, not over); OVER above it. With nothing approved, any spending is OVER;
 * nothing spent is NOT_APPROVED when money is planned (a plan waiting for approval is not "on budget") and ON_BUDGET
 * when nothing is planned either. BUDGET_STATUS compares an actual with the planned amount it is given, which it
 * takes as approved, so it never says NOT_APPROVED.
 */
export const BUDGET_STATUSES = ["UNDER", "WARNING", "ON_BUDGET", "OVER", "NOT_APPROVED"] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** Exact: compares decimals, never a rounded percentage, so 99.99 %, 100 % and 100.01 % land where they should. */
export function statusOf(used: Decimal, approved: Decimal, warnAt: Decimal): BudgetStatus {
  const c = compare(used, approved);
  if (c > 0) return "OVER";
  if (c === 0) return "ON_BUDGET";
  return compare(used, multiply(approved, warnAt)) >= 0 ? "WARNING" : "UNDER";
}

/** The same for integer minor units. */
export function budgetStatusOf(used: number, approved: number, warnAt: number | Decimal): BudgetStatus {
  if (used > approved) return "OVER";
  if (used === approved) return "ON_BUDGET";
  const warn = isNumber(warnAt) ? decimalFromNumber(warnAt) : warnAt;
  return statusOf(fromUnits(used, 0), fromUnits(approved, 0), warn);
}

/** The figures that add up: every amount is integer minor units of the workbook currency. */
export interface Figures {
  /** Sum of the budget lines as planned. */
  readonly planned: number;
  /** Lines of campaigns whose plan is approved, plus approved overruns: the limit spending is held to. */
  readonly approved: number;
  /** Approved spend that is ordered but not yet incurred. */
  readonly committed: number;
  /** Approved spend incurred. */
  readonly actual: number;
  /** Expenses waiting for (or needing) overrun approval: shown, never counted. */
  readonly pending: number;
}

export interface Position extends Figures {
  /** actual + committed. */
  readonly used: number;
  /** approved - actual - committed; negative when over. */
  readonly remaining: number;
  /** used / approved (1 = 100 %); null when nothing is approved. For display: statuses are decided exactly. */
  readonly usedPct: number | null;
  readonly status: BudgetStatus;
}

/** A line in the sense of the limit: a campaign's budget for one category, over all months. */
export interface LinePosition extends Position {
  readonly category: string;
}

export interface CampaignPosition extends Position {
  readonly campaign: string;
  /** By category, sorted by category. */
  readonly lines: readonly LinePosition[];
}

export type Acc = { -readonly [K in keyof Figures]: number };

/** The keys of Figures, in their order. */
export const FIGURES = [
  "planned",
  "approved",
  "committed",
  "actual",
  "pending",
] as const satisfies readonly (keyof Figures)[];

/** Each figure of `f` (a cell or a position carries more) given by `value`. */
function figuresOf(value: (key: keyof Figures) => number): Acc {
  return Object.fromEntries(FIGURES.map((key) => [key, value(key)])) as Acc;
}

export function zero(): Acc {
  return figuresOf(() => 0);
}

/** Only the figures of `f` (a cell or a position carries more). */
function copy(f: Figures): Acc {
  return figuresOf((key) => f[key]);
}

/** Adds every figure of `f` to `acc`. */
export function addFigures(acc: Acc, f: Figures): void {
  for (const key of FIGURES) acc[key] += f[key];
}

export function positionOf(figures: Figures, warnAt: number | Decimal): Position {
  const used = figures.actual + figures.committed;
  return {
    ...copy(figures),
    used,
    remaining: figures.approved - used,
    usedPct: figures.approved === 0 ? null : used / figures.approved,
    status:
      figures.approved === 0 && used === 0 && figures.planned > 0
        ? "NOT_APPROVED"
        : budgetStatusOf(used, figures.approved, warnAt),
  };
}

export function emptyCampaignPosition(campaign: string, warnAt: number | Decimal = 0.9): CampaignPosition {
  return { campaign, ...positionOf(zero(), warnAt), lines: [] };
}

/** The campaign's position for one category; all zero when the campaign has no line and no spend there. */
export function linePosition(
  position: CampaignPosition,
  category: string,
  warnAt: number | Decimal = 0.9,
): LinePosition {
  return position.lines.find((l) => l.category === category) ?? { category, ...positionOf(zero(), warnAt) };
}

// ---------------------------------------------------------------------------------------------------------
// The overrun rule

/** An expense about to be recorded, already converted: amount in minor units of the workbook currency. */
export interface SpendCandidate {
  readonly category: string;
  readonly kind: ExpenseKind;
  readonly amount: number;
}

export const ASSESSMENT_OUTCOMES = ["ok", "warning", "needs_overrun_approval"] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

export interface Assessment {
  /**
   * ok: fits and stays under the warning level. warning: fits, but the campaign (or its enforced line) ends at or
   * above the warning level or exactly at the whole budget. needs_overrun_approval: it would push actual + committed
   * above the approved budget; recorded as pending, it counts only once approved.
   */
  readonly outcome: AssessmentOutcome;
  /**
   * How much of this expense lies above the approved budget (minor units): what the overrun request is routed by
   * and what approval adds to the budget. Never more than the expense itself: an excess that was there before is
   * not this expense's doing. 0 unless the outcome is needs_overrun_approval.
   */
  readonly overrun: number;
  /** Which limit it breaks: the campaign's, or the line's when lines are enforced (the larger overrun wins). */
  readonly limit: "campaign" | "line" | null;
  /** The position as it would be with the expense counted (for "what is left if I submit this"). */
  readonly after: CampaignPosition;
}

type Rule = Pick<SpendSettings, "warnAt" | "enforceLines">;

/** The part of `amount` that lands above `approved`, given `used` before it. */
export function overrunOf(used: number, approved: number, amount: number): number {
  return max(0, mathMin(amount, used + amount - approved));
}

export function assessExpense(position: CampaignPosition, expense: SpendCandidate, settings: Rule): Assessment {
  const warn = decimalFromNumber(settings.warnAt);
  const line = linePosition(position, expense.category, warn);
  const field = expense.kind;
  const campaignOverrun = overrunOf(position.used, position.approved, expense.amount);
  const lineOverrun = settings.enforceLines ? overrunOf(line.used, line.approved, expense.amount) : 0;

  const bump = (p: Figures): Acc => ({ ...copy(p), [field]: p[field] + expense.amount });
  const lineAfter: LinePosition = { category: expense.category, ...positionOf(bump(line), warn) };
  // The line replaced (or added), the lines kept in category order.
  const lines = [...position.lines.filter((l) => l.category !== expense.category), lineAfter].sort((a, b) =>
    compareText(a.category, b.category),
  );
  const after: CampaignPosition = { campaign: position.campaign, ...positionOf(bump(position), warn), lines };

  const overrun = max(campaignOverrun, lineOverrun);
  if (overrun > 0) {
    return {
      outcome: "needs_overrun_approval",
      overrun,
      limit: lineOverrun > campaignOverrun ? "line" : "campaign",
      after,
    };
  }
  const flagged = (s: BudgetStatus) => s !== "UNDER";
  const warning = flagged(after.status) || (settings.enforceLines && flagged(lineAfter.status));
  return { outcome: warning ? "warning" : "ok", overrun: 0, limit: null, after };
}

/** Why a refund cannot be recorded: the message key, the field it concerns and its parameters. */
export interface RefundProblem {
  readonly field: "refundOf" | "campaign" | "amount";
  readonly messageKey: SpendMessageKey;
  readonly params: MessageParams;
}

/**
 * Checks a refund (a negative amount, minor units of the workbook currency) against the expense it names: a recorded
 * expense that is not itself a refund, of the same campaign, with at least as much left as the refund takes back. What
 * is left is what the original counts for (nothing while it does not count) less the refunds of it that count. Gives
 * the original's standing, whose category and kind the refund takes, or the problem.
 */
export function checkRefund(
  positions: Positions,
  refund: { readonly refundOf: string; readonly campaign: string; readonly amount: number },
): ExpenseStanding | RefundProblem {
  const id = refund.refundOf;
  const original = positions.expenses.get(id);
  if (!original?.recorded || original.refundOf)
    return { field: "refundOf", messageKey: "spend.problem.refundUnknown", params: { id } };
  if (original.campaign !== refund.campaign) {
    return {
      field: "campaign",
      messageKey: "spend.problem.refundCampaign",
      params: { id, campaign: original.campaign, other: refund.campaign },
    };
  }
  let left = original.standing === "counted" ? original.amount : 0;
  for (const e of positions.expenses.values()) if (e.refundOf === id && e.standing === "counted") left += e.amount;
  if (left + refund.amount >= 0) return original;
  const money = (minor: number) => formatMoney(minor, positions.currency);
  return {
    field: "amount",
    messageKey: "spend.problem.refundTooLarge",
    params: { id, left: money(left), amount: money(-refund.amount) },
  };
}

/** The sentence for the person recording the expense, before they submit it. */
export function assessmentMessage(
  assessment: Assessment,
  currency: string,
): { readonly messageKey: SpendMessageKey; readonly params: MessageParams } {
  const { outcome, overrun } = assessment;
  return outcome === "needs_overrun_approval"
    ? { messageKey: "spend.assess.overrun", params: { amount: formatMoney(overrun, currency) } }
    : { messageKey: `spend.assess.${outcome}`, params: {} };
}

// ---------------------------------------------------------------------------------------------------------
// The fold

/** An overrun request for an expense, as the approval log has it (see overrunDecisionsOf in requests.ts). */
export interface OverrunDecision {
  readonly expenseId: string;
  readonly requestId: string;
  readonly status: RequestStatus;
  /** The overrun it was routed by (minor units); approval raises the budget by exactly this. */
  readonly amount: number;
}

export const STANDINGS = ["counted", "pending_overrun", "rejected"] as const;
export type Standing = (typeof STANDINGS)[number];

/** What the fold made of one expense. */
export interface ExpenseStanding {
  readonly id: string;
  readonly row: number;
  readonly campaign: string;
  readonly category: string;
  readonly month: string;
  readonly kind: ExpenseKind;
  /** Minor units of the workbook currency. */
  readonly amount: number;
  readonly standing: Standing;
  /** While pending: the part over budget (from the open request, or as assessed now). 0 otherwise. */
  readonly overrun: number;
  /** The overrun request that decided or is deciding it. */
  readonly requestId: string | null;
  /** Pending with no open request: the server should submit one (routed by `overrun`). */
  readonly needsRequest: boolean;
  /** What the Status column should say; differs from the cell after a hand edit or for a row typed in by hand. */
  readonly status: ExpenseStatus;
  /** False for a row typed into the tab that the add-on never recorded: it counts for nothing until it is. */
  readonly recorded: boolean;
  /** A refund's original expense ("" for any other expense). */
  readonly refundOf: string;
}

/** The finest grain: one campaign, category and month. Campaign, category and month figures are sums of these. */
export interface Cell extends Figures {
  readonly campaign: string;
  readonly category: string;
  readonly month: string;
}

export interface Positions {
  readonly currency: string;
  readonly digits: number;
  readonly campaigns: ReadonlyMap<string, CampaignPosition>;
  /** By expense ID. */
  readonly expenses: ReadonlyMap<string, ExpenseStanding>;
  readonly cells: readonly Cell[];
}

export interface PositionOptions {
  readonly settings: Rule;
  /** Overrun requests in submission order (the fold's order); for one expense the last one speaks. */
  readonly decisions?: readonly OverrunDecision[];
  /**
   * Campaigns whose plan is approved: only their lines make up the approved budget (a draft's lines are planned,
   * not approved). Not given: every campaign's lines count as approved.
   */
  readonly approvedCampaigns?: Iterable<string> | null;
  /**
   * The lines approved with each campaign's plan, converted (minor units of the workbook currency). For a campaign
   * here they are its planned and approved budget, and its rows on the Budget tab count for nothing: an edit there
   * takes effect only through an approved change request. Campaigns approved before lines were captured are not
   * here, and their Budget tab lines stand in as before.
   */
  readonly approvedLines?: ReadonlyMap<string, readonly ApprovedLine[]> | null;
  /**
   * Expense IDs typed into the tab and never recorded through the add-on (no sealed record in the log). They never
   * count, whatever their Status cell says, and no request decides them: they are pending with the overrun they would
   * cause now (0 when they would fit) and need recording (`needsRequest`).
   */
  readonly unrecorded?: ReadonlySet<string> | null;
}

interface CellAcc extends Acc {
  readonly campaign: string;
  readonly category: string;
  readonly month: string;
  readonly campaignAcc: Acc;
  readonly lineAcc: Acc;
}

/** Requests that no longer decide anything: the expense is as if never submitted and is assessed again. */
const INACTIVE: ReadonlySet<RequestStatus> = new Set<RequestStatus>(["withdrawn", "changes_requested"]);

/**
 * Positions of every campaign from the ledger and the overrun decisions. In order:
 * 1. Lines give planned; lines of approved campaigns give approved. A campaign whose lines were approved with its
 *    plan (approvedLines) takes those for both, whatever its Budget tab rows say now.
 * 2. Expenses a decision or their status settles: an approved overrun raises the budget by its amount (on the
 *    expense's campaign, category and month) and the expense counts, unless its status says it was rejected since
 *    (its reimbursement); a rejected overrun never counts; an open one is pending. Without a live decision, a
 *    rejected status never counts and a counted status (recorded, reimbursement states) counts: it was assessed
 *    when it was recorded and is not judged again, so a later hand edit that inflates it shows as OVER instead of
 *    silently reclassifying other expenses.
 * 3. Expenses never assessed (blank status: typed into the tab) or pending without a live request are assessed now
 *    in sheet-row order (the order they were added) against the running position, as assessExpense would: they
 *    count if they fit, else they are pending with the overrun they would cause, and need a request.
 * Pending expenses never count. Linear in the number of rows (Maps, no nested scans).
 */
export function foldPositions(
  ledger: Pick<Ledger, "currency" | "digits" | "lines" | "expenses">,
  options: PositionOptions,
): Positions {
  const warn = decimalFromNumber(options.settings.warnAt);
  const enforceLines = options.settings.enforceLines;
  const approvedSet = options.approvedCampaigns ? new Set(options.approvedCampaigns) : null;
  const cellList: CellAcc[] = [];
  // Nested by campaign, category, month, each level with its running figures: the keys are the records' own
  // strings, whose hashes the engine caches, where a joined key would be a new string to build and hash per expense.
  const tree = new Map<string, { acc: Acc; lines: Map<string, { acc: Acc; months: Map<string, CellAcc> }> }>();

  const cellOf = (campaign: string, category: string, month: string): CellAcc => {
    let byCampaign = tree.get(campaign);
    if (!byCampaign) {
      byCampaign = { acc: zero(), lines: new Map() };
      tree.set(campaign, byCampaign);
    }
    let byLine = byCampaign.lines.get(category);
    if (!byLine) {
      byLine = { acc: zero(), months: new Map() };
      byCampaign.lines.set(category, byLine);
    }
    let cell = byLine.months.get(month);
    if (!cell) {
      cell = { campaign, category, month, ...zero(), campaignAcc: byCampaign.acc, lineAcc: byLine.acc };
      byLine.months.set(month, cell);
      cellList.push(cell);
    }
    return cell;
  };
  const addTo = (cell: CellAcc, field: keyof Figures, amount: number) => {
    cell[field] += amount;
    cell.campaignAcc[field] += amount;
    cell.lineAcc[field] += amount;
  };

  const addLine = (campaign: string, line: ApprovedLine, approved: boolean) => {
    const cell = cellOf(campaign, line.category, line.month);
    addTo(cell, "planned", line.planned);
    if (approved) addTo(cell, "approved", line.planned);
  };
  const approvedLines = options.approvedLines ?? null;
  for (const line of ledger.lines) {
    if (approvedLines?.has(line.campaign)) continue;
    addLine(line.campaign, line, !approvedSet || approvedSet.has(line.campaign));
  }
  for (const [campaign, lines] of approvedLines ?? []) for (const line of lines) addLine(campaign, line, true);

  const decisions = new Map<string, OverrunDecision>();
  for (const d of options.decisions ?? []) decisions.set(d.expenseId, d);

  const standings = new Map<string, ExpenseStanding>();
  const settle = (
    { id, row, campaign, category, month, kind, amount, status: cellStatus, record }: LedgerExpense,
    standing: Standing,
    {
      overrun = 0,
      requestId = null,
      needsRequest = false,
      recorded = true,
    }: { overrun?: number; requestId?: string | null; needsRequest?: boolean; recorded?: boolean } = {},
  ) => {
    const cell = cellOf(campaign, category, month);
    if (standing === "counted") addTo(cell, kind, amount);
    // A refund waiting to be recorded takes nothing back from what is pending.
    else if (standing === "pending_overrun" && amount > 0) addTo(cell, "pending", amount);
    const status: ExpenseStatus =
      standing === "counted"
        ? cellStatus !== null && COUNTED_STATUSES.has(cellStatus)
          ? cellStatus
          : "recorded"
        : standing;
    standings.set(id, {
      id,
      row,
      campaign,
      category,
      month,
      kind,
      amount,
      standing,
      overrun,
      requestId,
      needsRequest,
      status,
      recorded,
      refundOf: record.refundOf,
    });
  };

  const unrecorded = options.unrecorded ?? null;
  const deferred: LedgerExpense[] = [];
  const typed: LedgerExpense[] = [];
  for (const e of ledger.expenses) {
    if (unrecorded?.has(e.id)) {
      typed.push(e);
      continue;
    }
    const found = decisions.get(e.id);
    const decision = found && !INACTIVE.has(found.status) ? found : null;
    // A refund takes back spend only while what it refunds counts (recorded before it, so settled already).
    if (e.record.refundOf && standings.get(e.record.refundOf)?.standing !== "counted") settle(e, "rejected");
    else if (decision) {
      const { status, amount, requestId } = decision;
      if (status === "approved") {
        addTo(cellOf(e.campaign, e.category, e.month), "approved", amount);
        settle(e, e.status === "rejected" ? "rejected" : "counted", { requestId });
      } else if (status === "rejected") settle(e, "rejected", { requestId });
      else settle(e, "pending_overrun", { overrun: amount, requestId });
    } else if (e.status === "rejected") settle(e, "rejected");
    else if (e.status !== null && COUNTED_STATUSES.has(e.status)) settle(e, "counted");
    else deferred.push(e);
  }

  // The overrun an expense would cause against the running position of what counts.
  const overrunNow = (e: LedgerExpense) => {
    const { campaignAcc: c, lineAcc: l } = cellOf(e.campaign, e.category, e.month);
    return max(
      overrunOf(c.actual + c.committed, c.approved, e.amount),
      enforceLines ? overrunOf(l.actual + l.committed, l.approved, e.amount) : 0,
    );
  };
  deferred.sort((a, b) => a.row - b.row);
  for (const e of deferred) {
    const overrun = overrunNow(e);
    if (overrun > 0) settle(e, "pending_overrun", { overrun, needsRequest: true });
    else settle(e, "counted");
  }
  // Rows nobody recorded, against the position of what counts: never counted, whatever their cells say.
  typed.sort((a, b) => a.row - b.row);
  for (const e of typed) settle(e, "pending_overrun", { overrun: overrunNow(e), needsRequest: true, recorded: false });

  const campaigns = new Map<string, CampaignPosition>();
  for (const [campaign, { acc, lines }] of tree) {
    const sorted = [...lines]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([category, line]): LinePosition => ({ category, ...positionOf(line.acc, warn) }));
    campaigns.set(campaign, { campaign, ...positionOf(acc, warn), lines: sorted });
  }

  const outCells: Cell[] = cellList.map(({ campaignAcc, lineAcc, ...cell }) => cell);

  return { currency: ledger.currency, digits: ledger.digits, campaigns, expenses: standings, cells: outCells };
}
