// Reimbursement of expenses paid out of pocket (requested -> approved -> paid, or rejected), the receipt rule, and likely duplicates.

import { asString, isNumber, trimLower } from "../builtins";
import { err, ok, type Result } from "../workflow";
import { minorDigits, minorUnitsOfNumber } from "./currency";
import type { MessageParams, SpendMessageKey } from "./messages";
import type { Expense, ExpenseStatus, SpendSettings } from "./model";

/**
 * request: the marketer puts a recorded expense up for reimbursement; approve / reject: an approver decides (through
 * the approval engine, which also routes it); pay: finance marks it paid.
 */
export const REIMBURSEMENT_ACTIONS = ["request", "approve", "reject", "pay"] as const;
export type ReimbursementAction = (typeof REIMBURSEMENT_ACTIONS)[number];

/** Each action: the status it starts from, the status it leads to, and why not when the expense is elsewhere. */
const STEPS: {
  readonly [A in ReimbursementAction]: readonly [from: ExpenseStatus, to: ExpenseStatus, wrongState: SpendMessageKey];
} = {
  request: ["recorded", "reimbursement_requested", "spend.reimbursement.notRecorded"],
  approve: ["reimbursement_requested", "reimbursement_approved", "spend.reimbursement.notRequested"],
  reject: ["reimbursement_requested", "rejected", "spend.reimbursement.notRequested"],
  pay: ["reimbursement_approved", "paid", "spend.reimbursement.notApproved"],
};

export const REIMBURSEMENT_REFUSALS = [
  "illegal_transition",
  "not_reimbursable",
  "requester_missing",
  "receipt_required",
  "not_finance",
  "own_request",
] as const;
export type ReimbursementRefusalKind = (typeof REIMBURSEMENT_REFUSALS)[number];

export interface ReimbursementRefusal {
  readonly kind: ReimbursementRefusalKind;
  readonly messageKey: SpendMessageKey;
  readonly params?: MessageParams;
}

export interface ReimbursementInput {
  readonly expense: Pick<Expense, "reimbursable" | "requestedBy" | "receiptLink">;
  /** The expense's status as the position fold projects it (a blank cell that fitted the budget is "recorded"). */
  readonly status: ExpenseStatus;
  /** Minor units of the workbook currency. */
  readonly amount: number;
  readonly action: ReimbursementAction;
  /** Email of who acts. */
  readonly actor: string;
  readonly settings: Pick<SpendSettings, "workbookCurrency" | "receiptRequiredAbove" | "finance">;
}

/** True when an amount (minor units, workbook currency) needs a receipt link: strictly above the setting. */
export function receiptRequired(
  amount: number,
  settings: Pick<SpendSettings, "workbookCurrency" | "receiptRequiredAbove">,
): boolean {
  if (settings.receiptRequiredAbove === null) return false;
  const limit = minorUnitsOfNumber(settings.receiptRequiredAbove, minorDigits(settings.workbookCurrency));
  return limit !== null && amount > limit;
}

/** The receipt limit as the messages name it: the setting as typed, in the workbook currency. */
export function receiptLimit(settings: Pick<SpendSettings, "workbookCurrency" | "receiptRequiredAbove">): string {
  return `${asString(settings.receiptRequiredAbove)} ${settings.workbookCurrency}`;
}

function refuse(kind: ReimbursementRefusalKind, messageKey: SpendMessageKey, params?: MessageParams) {
  return err<ReimbursementRefusal>(params ? { kind, messageKey, params } : { kind, messageKey });
}

/**
 * The status after `action`, or why not. Only counted spend can be reimbursed (a pending overrun must be approved
 * first). The receipt rule is checked at every step forward, so a link removed after the request still stops the
 * payment. Nobody decides or pays their own reimbursement; only finance pays.
 */
export function reimburse(input: ReimbursementInput): Result<ExpenseStatus, ReimbursementRefusal> {
  const { expense, action, settings } = input;
  const [from, to, wrongState] = STEPS[action];
  if (input.status !== from) return refuse("illegal_transition", wrongState);
  const actor = trimLower(input.actor);
  const requester = trimLower(expense.requestedBy);
  if (action === "request") {
    // A refund is money coming back, never owed to anyone.
    if (!expense.reimbursable || input.amount < 0)
      return refuse("not_reimbursable", "spend.reimbursement.notReimbursable");
    if (requester === "") return refuse("requester_missing", "spend.reimbursement.requesterMissing");
  } else if (actor === requester) return refuse("own_request", "spend.reimbursement.ownRequest");
  if (action === "pay" && !settings.finance.some((f) => trimLower(f) === actor)) {
    return refuse("not_finance", "spend.reimbursement.notFinance");
  }
  if (action !== "reject" && expense.receiptLink.trim() === "" && receiptRequired(input.amount, settings)) {
    return refuse("receipt_required", "spend.reimbursement.receiptRequired", { limit: receiptLimit(settings) });
  }
  return ok(to);
}

// ---------------------------------------------------------------------------------------------------------
// Likely duplicates

export type DuplicateCandidate = Pick<Expense, "id" | "campaign" | "vendor" | "amount" | "currency" | "date">;

export interface DuplicateFlag {
  readonly id: string;
  /** The other expenses with the same campaign, vendor, amount and date, in input order. */
  readonly others: readonly string[];
}

/** Vendor names as people type them: case, surrounding and repeated spaces do not make a different vendor. */
function vendorKey(vendor: string): string {
  return vendor.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Flags expenses that look entered twice: same campaign, vendor, amount (exactly, in its own currency) and date.
 * Only a flag: two equal taxi fares on one day are possible, so nothing is excluded. Linear: one Map pass.
 */
export function findDuplicates(expenses: readonly DuplicateCandidate[]): DuplicateFlag[] {
  // First by date and amount (a number key, the date string the record's own): most expenses are alone there and
  // cost one lookup; only the few that share both are compared by campaign, vendor and currency.
  const byDate = new Map<string, Map<number, number | number[]>>();
  expenses.forEach((e, index) => {
    let byAmount = byDate.get(e.date);
    if (!byAmount) {
      byAmount = new Map();
      byDate.set(e.date, byAmount);
    }
    const seen = byAmount.get(e.amount);
    if (seen === undefined) byAmount.set(e.amount, index);
    else if (isNumber(seen)) byAmount.set(e.amount, [seen, index]);
    else seen.push(index);
  });
  // By input index: a sparse list, read back in index order.
  const flagged: DuplicateFlag[] = [];
  for (const byAmount of byDate.values()) {
    for (const candidates of byAmount.values()) {
      if (isNumber(candidates)) continue;
      const groups = new Map<string, number[]>();
      for (const index of candidates) {
        const e = expenses[index] as DuplicateCandidate;
        const key = `${e.campaign}\u0000${vendorKey(e.vendor)}\u0000${e.currency}`;
        const group = groups.get(key);
        if (group) group.push(index);
        else groups.set(key, [index]);
      }
      for (const group of groups.values()) {
        if (group.length < 2) continue;
        const ids = group.map((i) => (expenses[i] as DuplicateCandidate).id);
        group.forEach((index, k) => {
          flagged[index] = { id: ids[k] as string, others: ids.filter((_, j) => j !== k) };
        });
      }
    }
  }
  return flagged.filter((flag) => flag !== undefined);
}

/** The flag as a sentence for the row: which other IDs it may repeat. */
export function duplicateMessage(flag: DuplicateFlag): {
  readonly messageKey: SpendMessageKey;
  readonly params: MessageParams;
} {
  return { messageKey: "spend.duplicate.flag", params: { ids: flag.others.join(", ") } };
}
