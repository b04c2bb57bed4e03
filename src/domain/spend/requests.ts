// The link to the approval engine: the submissions an overrun or a reimbursement makes, and the overrun decisions read back from folded requests.
import type { JsonValue, RequestView, Submission } from "../workflow";
import type { ExpenseKind } from "./model";
import type { Assessment, OverrunDecision } from "./position";

/** The expense as a request carries it: enough for the approver to see what they decide without opening the tab. */
export interface ExpenseRef {
  readonly id: string;
  readonly date: string;
  readonly campaign: string;
  readonly category: string;
  readonly vendor: string;
  readonly description: string;
  readonly kind: ExpenseKind;
  /** Minor units of the workbook currency. */
  readonly amount: number;
  readonly currency: string;
  readonly receiptLink: string;
  /** The amount as typed on the expense, in its own currency (for the approver; routing uses `amount`). */
  readonly originalAmount?: number;
  readonly originalCurrency?: string;
}

function refData(expense: ExpenseRef): { [key: string]: JsonValue } {
  return {
    expenseId: expense.id,
    date: expense.date,
    campaign: expense.campaign,
    category: expense.category,
    vendor: expense.vendor,
    description: expense.description,
    kind: expense.kind,
    amount: expense.amount,
    currency: expense.currency,
    receiptLink: expense.receiptLink,
    ...(expense.originalAmount === undefined ? {} : { originalAmount: expense.originalAmount }),
    ...(expense.originalCurrency === undefined ? {} : { originalCurrency: expense.originalCurrency }),
  };
}

/**
 * What `submit` needs for an expense that goes over budget: routed by the overrun (not the whole expense), since
 * that is the money nobody has approved yet. Null when the assessment needs no approval.
 */
export function overrunSubmission(expense: ExpenseRef, assessment: Assessment): Submission | null {
  if (assessment.outcome !== "needs_overrun_approval") return null;
  return {
    type: "budget_overrun",
    amount: assessment.overrun,
    data: { ...refData(expense), overrun: assessment.overrun, limit: assessment.limit ?? "campaign" },
  };
}

/** The same for an overrun the fold found (a pending expense without a request): `overrun` from its standing. */
export function overrunSubmissionFor(expense: ExpenseRef, overrun: number): Submission | null {
  if (!(overrun > 0)) return null;
  return { type: "budget_overrun", amount: overrun, data: { ...refData(expense), overrun } };
}

/** What `submit` needs for a reimbursement: routed by the amount to pay back. */
export function reimbursementSubmission(expense: ExpenseRef, requestedBy: string): Submission {
  return { type: "reimbursement", amount: expense.amount, data: { ...refData(expense), requestedBy } };
}

function expenseIdOf(data: JsonValue): string | null {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return null;
  const id = (data as { readonly [key: string]: JsonValue }).expenseId;
  return typeof id === "string" && id !== "" ? id : null;
}

/**
 * The overrun requests of folded campaigns, in submission order, as the position fold takes them. A request whose
 * payload names no expense (a hand-made log row) is skipped: it cannot raise any budget.
 */
export function overrunDecisionsOf(requests: Iterable<RequestView>): OverrunDecision[] {
  const out: OverrunDecision[] = [];
  for (const request of requests) {
    if (request.type !== "budget_overrun") continue;
    const expenseId = expenseIdOf(request.data);
    if (expenseId === null) continue;
    out.push({ expenseId, requestId: request.id, status: request.status, amount: request.amount });
  }
  return out;
}
