// The Expenses sidebar's RPC contract: request schemas (validated on the server) and JSON-safe answers. Amounts in
// answers are major units of the workbook currency, as the sheet shows them. Imported by the sidebar as types only.
import * as z from "zod/mini";
import type { Lang } from "../../domain/i18n";
import type { AssessmentOutcome, BudgetStatus, ExpenseKind, ExpenseStatus } from "../../domain/spend";
import type { CampaignState } from "../../domain/workflow";
import type { RowProblem } from "../../workbook/shared/problems";
import type { FieldIssue, Written } from "../shared/contract";
import { id, requestId, text } from "../shared/request-fields";

/** An expense as the form sends it: each field as typed (the amount as text), checked field by field on the server. */
export const ExpenseDraft = z.strictObject({
  date: text(40),
  campaign: text(200),
  category: text(200),
  vendor: text(500),
  description: text(2000),
  amount: text(40),
  currency: text(10),
  kind: z.enum(["committed", "actual"]),
  receiptLink: text(2000),
  reimbursable: z.boolean(),
  /** A refund's original expense ID; absent or "" for any other expense. */
  refundOf: z.optional(text(40)),
});
export type ExpenseDraft = z.input<typeof ExpenseDraft>;

export const RecordExpenseRequest = z.strictObject({ draft: ExpenseDraft, requestId });
export type RecordExpenseRequest = z.input<typeof RecordExpenseRequest>;

export const ExpenseActionRequest = z.strictObject({ id, requestId });
export type ExpenseActionRequest = z.input<typeof ExpenseActionRequest>;

export const SpendOverviewRequest = z.strictObject({});
export type SpendOverviewRequest = z.input<typeof SpendOverviewRequest>;

/** Where spending stands against the approved budget; amounts in major units of the workbook currency. */
export interface SpendPosition {
  readonly planned: number;
  readonly approved: number;
  readonly committed: number;
  readonly actual: number;
  readonly pending: number;
  readonly remaining: number;
  /** (actual + committed) / approved; null when nothing is approved. */
  readonly usedPct: number | null;
  readonly status: BudgetStatus;
}

export interface CampaignBudget {
  readonly id: string;
  readonly name: string;
  readonly state: CampaignState;
  /** The plan is approved: expenses may be recorded against it. */
  readonly open: boolean;
  readonly position: SpendPosition;
  readonly lines: readonly ({ readonly category: string } & SpendPosition)[];
}

export interface ExpenseView {
  readonly id: string;
  readonly row: number;
  readonly date: string;
  readonly campaign: string;
  readonly category: string;
  readonly vendor: string;
  readonly description: string;
  /** As typed, in its own currency. */
  readonly amount: number;
  readonly currency: string;
  readonly kind: ExpenseKind;
  readonly receiptLink: string;
  readonly reimbursable: boolean;
  readonly requestedBy: string;
  readonly status: ExpenseStatus;
  /** A refund's original expense ("" for any other expense). */
  readonly refundOf: string;
  /** IDs of expenses with the same campaign, vendor, amount and date: possibly entered twice. */
  readonly duplicateOf: readonly string[];
  readonly canRequestReimbursement: boolean;
  readonly canMarkPaid: boolean;
  /** Typed into the tab, over the approved budget and without an overrun request: the caller may submit one. */
  readonly canSubmitOverrun: boolean;
  /** The part above the approved budget (major units) while it needs a request; 0 otherwise. */
  readonly overrun: number;
  /** False for a row typed into the tab and not recorded through the add-on: it counts for nothing until it is. */
  readonly recorded: boolean;
}

export interface SpendOverview {
  readonly lang: Lang;
  readonly user: string;
  readonly setupNeeded: boolean;
  readonly isFinance: boolean;
  readonly currency: string;
  readonly warnAt: number;
  readonly enforceLines: boolean;
  readonly receiptRequiredAbove: number | null;
  /** Campaigns with an approved plan first, then the others (which cannot take expenses yet). */
  readonly campaigns: readonly CampaignBudget[];
  /** Categories from Settings and the budget lines. */
  readonly categories: readonly string[];
  readonly currencies: readonly string[];
  /** The caller's expenses (Requested by), newest first. */
  readonly mine: readonly ExpenseView[];
  /** For finance: reimbursements approved and waiting to be paid. */
  readonly toPay: readonly ExpenseView[];
  /**
   * Expenses typed into the Expenses tab that go over the approved budget and have no overrun request yet, for the
   * person named in Requested by (or the campaign's owner when nobody is): they count only once one is approved.
   */
  readonly needsRequest: readonly ExpenseView[];
  /** Rows of Budget, Expenses and Rates that are left out of every figure. */
  readonly problems: readonly RowProblem[];
  /** Labels of the codes above in the caller's language, from the one catalog. */
  readonly labels: SpendLabels;
}

export interface SpendLabels {
  readonly expenseStatus: { readonly [S in ExpenseStatus]: string };
  readonly budgetStatus: { readonly [S in BudgetStatus]: string };
  readonly kind: { readonly [K in ExpenseKind]: string };
  readonly state: { readonly [S in CampaignState]: string };
}

export interface AssessmentView {
  readonly outcome: AssessmentOutcome;
  /** The part above the approved budget (major units); 0 unless outcome is needs_overrun_approval. */
  readonly overrun: number;
  readonly limit: "campaign" | "line" | null;
  readonly message: string;
  /** The amount in the workbook currency (major units), after conversion at the expense date. */
  readonly converted: number;
  readonly before: SpendPosition;
  readonly after: SpendPosition;
  /** The expense's category line before and after (a limit too when Settings enforce lines). */
  readonly lineBefore: SpendPosition;
  readonly lineAfter: SpendPosition;
  readonly duplicateOf: readonly string[];
}

export type AssessResponse =
  | { readonly ok: true; readonly assessment: AssessmentView }
  | { readonly ok: false; readonly message: string; readonly issues: readonly FieldIssue[] };

export type RecordExpenseResponse = Written<{
  readonly id: string;
  readonly row: number;
  readonly status: ExpenseStatus;
  readonly message: string;
  /** The overrun request sent to the approvers' inbox, or null when the expense fitted. */
  readonly requestId: string | null;
  readonly assessment: AssessmentView;
  readonly duplicate: boolean;
}>;

export type ExpenseActionResponse = Written<{
  readonly id: string;
  readonly status: ExpenseStatus;
  readonly message: string;
  readonly requestId: string | null;
}>;

/** The budget-control part of the sidebar RPC (ServerApi extends it). */
export interface SpendApi {
  rpcSpendOverview(request: SpendOverviewRequest): SpendOverview;
  rpcAssessExpense(request: RecordExpenseRequest): AssessResponse;
  rpcRecordExpense(request: RecordExpenseRequest): RecordExpenseResponse;
  rpcRequestReimbursement(request: ExpenseActionRequest): ExpenseActionResponse;
  rpcMarkPaid(request: ExpenseActionRequest): ExpenseActionResponse;
  rpcSubmitOverrun(request: ExpenseActionRequest): ExpenseActionResponse;
}

/** The expense an overrun or reimbursement request is about, as the approver needs to judge it. */
export interface InboxExpense {
  readonly id: string;
  /** Its row on the Expenses tab now; 0 when no row has its ID any more. */
  readonly row: number;
  readonly date: string;
  readonly vendor: string;
  readonly description: string;
  readonly category: string;
  readonly kind: string;
  readonly kindLabel: string;
  /** As typed, in its own currency. */
  readonly amount: number;
  readonly currency: string;
  /** In the workbook currency (major units), converted at the expense date. */
  readonly converted: number;
  readonly workbookCurrency: string;
  /** The part above the approved budget (workbook currency, major units); null for a reimbursement. */
  readonly overrun: number | null;
  /** An http(s) link, or "" (anything else is not passed on). */
  readonly receiptLink: string;
  /** Who is owed the money (reimbursement), else who recorded it. */
  readonly requestedBy: string;
  /** The campaign's budget now, and as it will be once this request is approved. */
  readonly before: SpendPosition;
  readonly after: SpendPosition;
  readonly beforeStatus: string;
  readonly afterStatus: string;
}
