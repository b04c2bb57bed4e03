// The link to the approval engine: the submissions an overrun or a reimbursement makes, and the overrun decisions read back from folded requests.

import { isArray, isObject, isString } from "../builtins";
import type { JsonValue, RequestView, Submission } from "../workflow";
import type { Expense } from "./model";
import type { Assessment, OverrunDecision } from "./position";

/**
 * The expense as a request carries it: enough for the approver to see what they decide without opening the tab. The
 * record is as typed (its amount in its own currency); `amount` is minor units of `currency`, the workbook currency,
 * which routing uses.
 */
export interface ExpenseRef {
  readonly record: Pick<
    Expense,
    "id" | "date" | "campaign" | "category" | "vendor" | "description" | "kind" | "amount" | "currency" | "receiptLink"
  >;
  readonly amount: number;
  readonly currency: string;
}

function refData({ record, amount, currency }: ExpenseRef): { [key: string]: JsonValue } {
  return {
    expenseId: record.id,
    date: record.date,
    campaign: record.campaign,
    category: record.category,
    vendor: record.vendor,
    description: record.description,
    kind: record.kind,
    amount,
    currency,
    receiptLink: record.receiptLink,
    originalAmount: record.amount,
    originalCurrency: record.currency,
  };
}

/**
 * What `submit` needs for an expense that goes over budget: routed by the overrun (not the whole expense), since
 * that is the money nobody has approved yet. Null when the assessment needs no approval.
 */
export function overrunSubmission(expense: ExpenseRef, assessment: Assessment): Submission | null {
  if (assessment.outcome !== "needs_overrun_approval") return null;
  return overrunSubmissionFor(expense, assessment.overrun, assessment.limit ?? "campaign");
}

/**
 * The same for an overrun the fold found (a pending expense without a request): `overrun` from its standing, and no
 * limit named (the fold does not tell which one it breaks).
 */
export function overrunSubmissionFor(
  expense: ExpenseRef,
  overrun: number,
  limit?: "campaign" | "line",
): Submission | null {
  if (!(overrun > 0)) return null;
  return {
    type: "budget_overrun",
    amount: overrun,
    data: { ...refData(expense), overrun, ...(limit ? { limit } : {}) },
  };
}

/** What `submit` needs for a reimbursement: routed by the amount to pay back. */
export function reimbursementSubmission(expense: ExpenseRef, requestedBy: string): Submission {
  return { type: "reimbursement", amount: expense.amount, data: { ...refData(expense), requestedBy } };
}

/** A request's payload as an object of fields; {} when it is anything else (a hand-made log row). */
export function payloadOf(data: JsonValue): { readonly [key: string]: JsonValue | undefined } {
  return isObject(data) && !isArray(data) ? (data as { readonly [key: string]: JsonValue }) : {};
}

/** The expense a request is about, from its payload; null when it names none. */
export function expenseIdOf(data: JsonValue): string | null {
  const id = payloadOf(data).expenseId;
  return isString(id) && id !== "" ? id : null;
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
