// Budget control's records (budget line, expense, rate) and settings: field keys, vocabularies and the zod schemas of decoded rows.
import * as z from "zod/mini";
import { OptionalEmailSchema } from "../workflow/model";

/** Committed: ordered or contracted, not yet paid. Actual: incurred or paid. Both use up the budget. */
export const EXPENSE_KINDS = ["committed", "actual"] as const;
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];

/**
 * The Status column of an expense, one column for both sides of its life:
 * - recorded: counts as spend (it fitted the budget, or its overrun was approved);
 * - pending_overrun: would go over the approved budget; counts only once the overrun is approved;
 * - rejected: its overrun or its reimbursement was rejected; the company does not pay it, so it never counts;
 * - reimbursement_requested -> reimbursement_approved -> paid: a recorded expense someone paid out of pocket.
 * A blank status means "not assessed yet" (typed straight into the tab): the fold assesses it.
 */
export const EXPENSE_STATUSES = [
  "recorded",
  "pending_overrun",
  "rejected",
  "reimbursement_requested",
  "reimbursement_approved",
  "paid",
] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

/** Statuses whose expense is approved spend: it fitted, or its overrun was approved, before money moved on. */
export const COUNTED_STATUSES: ReadonlySet<ExpenseStatus> = new Set<ExpenseStatus>([
  "recorded",
  "reimbursement_requested",
  "reimbursement_approved",
  "paid",
]);

export const BUDGET_LINE_FIELDS = ["campaign", "category", "month", "planned", "currency", "note"] as const;
export type BudgetLineField = (typeof BUDGET_LINE_FIELDS)[number];

export const EXPENSE_FIELDS = [
  "id",
  "date",
  "campaign",
  "category",
  "vendor",
  "description",
  "amount",
  "currency",
  "kind",
  "receiptLink",
  "reimbursable",
  "requestedBy",
  "status",
  "refundOf",
] as const;
export type ExpenseField = (typeof EXPENSE_FIELDS)[number];

export const RATE_FIELDS = ["currency", "rate", "validFrom"] as const;
export type RateField = (typeof RATE_FIELDS)[number];

// The schemas below describe decoded rows for their types and for tests; the add-on decodes rows with decode.ts and
// never parses them. Each is built by a function marked free of side effects, so a bundle that imports this module
// without using a schema does not carry it.

/** The field checks the record schemas share. */
/* @__NO_SIDE_EFFECTS__ */
function fields() {
  return {
    required: z.string().check(z.minLength(1)),
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    isoDate: z.iso.date(),
    month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
    amount: z.number().check(z.gte(0)),
    link: z.string().check(z.refine((s) => s === "" || /^https?:\/\/\S+$/i.test(s))),
    email: OptionalEmailSchema,
  };
}

/** One row of the Budget tab: a planned amount for a campaign, a category and a month. JSON-safe. */
/* @__NO_SIDE_EFFECTS__ */
function budgetLineSchema() {
  const { required, month, amount, currency } = fields();
  return z.object({ campaign: required, category: required, month, planned: amount, currency, note: z.string() });
}
export const BudgetLineSchema = budgetLineSchema();
export type BudgetLine = z.output<typeof BudgetLineSchema>;

/**
 * One row of the Expenses tab. Amount is in the expense's own currency, as typed; a refund or credit note has a negative
 * amount and names the expense it refunds in refundOf ("" for any other expense). JSON-safe.
 */
/* @__NO_SIDE_EFFECTS__ */
function expenseSchema() {
  const { required, isoDate, currency, link, email } = fields();
  return z.object({
    id: required,
    date: isoDate,
    campaign: required,
    category: required,
    vendor: z.string(),
    description: z.string(),
    amount: z.number(),
    currency,
    kind: z.enum(EXPENSE_KINDS),
    receiptLink: link,
    reimbursable: z.boolean(),
    requestedBy: email,
    status: z.nullable(z.enum(EXPENSE_STATUSES)),
    refundOf: z.string(),
  });
}
export const ExpenseSchema = expenseSchema();
export type Expense = z.output<typeof ExpenseSchema>;

/** One row of the Rates tab: 1 unit of `currency` is worth `rate` units of the workbook currency from `validFrom` on. */
/* @__NO_SIDE_EFFECTS__ */
function rateSchema() {
  const { currency, isoDate } = fields();
  return z.object({ currency, rate: z.number().check(z.gt(0)), validFrom: isoDate });
}
export const RateSchema = rateSchema();
export type Rate = z.output<typeof RateSchema>;

/** A decoded record and the 1-based sheet row it came from. */
export interface Row<T> {
  readonly row: number;
  readonly record: T;
}

/** The settings budget control reads (Settings tab: currency, warning_threshold, enforce_line_budgets, receipt_required_above; finance from the roles). */
/* @__NO_SIDE_EFFECTS__ */
function spendSettingsSchema() {
  const { currency } = fields();
  return z.object({
    /** Everything is converted to and summed in this currency. */
    workbookCurrency: currency,
    /** Share of the approved budget from which spending is flagged WARNING. */
    warnAt: z.number().check(z.gt(0), z.lte(1)),
    /** When true each campaign x category budget (its lines over all months) is a limit too, not only the campaign's. */
    enforceLines: z.boolean(),
    /** A reimbursement above this amount (workbook currency, major units) needs a receipt link; null: never required. */
    receiptRequiredAbove: z.nullable(z.number().check(z.gte(0))),
    /** Who may mark reimbursements paid (lower-case emails). */
    finance: z.array(z.string()),
  });
}
export const SpendSettingsSchema = spendSettingsSchema();
export type SpendSettings = z.output<typeof SpendSettingsSchema>;

export function defaultSpendSettings(workbookCurrency: string): SpendSettings {
  return { workbookCurrency, warnAt: 0.9, enforceLines: false, receiptRequiredAbove: 0, finance: [] };
}

/** A budget line as approved with a plan, in minor units of the workbook currency. */
export interface ApprovedLine {
  readonly category: string;
  readonly month: string;
  readonly planned: number;
}
