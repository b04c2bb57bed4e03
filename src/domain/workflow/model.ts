// The workflow vocabulary (states, request types, actions) and the approval-log row, with zod schemas for rows read back from the sheet.

import * as z from "zod/mini";
import { trimLower } from "../builtins";
import { isIsoDate } from "../dates";
import { CELL_LIMIT } from "../inert";

export const CAMPAIGN_STATES = [
  "Draft",
  "PlanSubmitted",
  "PlanApproved",
  "ExecutionSubmitted",
  "Ready",
  "InProgress",
  "Completed",
  "Closed",
  "Cancelled",
] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

/** The states from the plan's approval to the close, in the lifecycle's order: the plan's budget is approved. */
export const APPROVED_STATES: readonly CampaignState[] = CAMPAIGN_STATES.slice(2, 8);

/**
 * Every request type the process knows. plan, execution, change and cancellation are in use now; the other
 * three run through the same machinery (type, entity, amount, version, levels) and only need their payload
 * checks when their features arrive.
 */
export const REQUEST_TYPES = [
  "plan",
  "execution",
  "change",
  "cancellation",
  "budget_overrun",
  "reimbursement",
  "summary",
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Actions on a request. cancel_request is the submitter withdrawing an open request. */
export const REQUEST_ACTIONS = ["submit", "approve", "reject", "request_changes", "cancel_request"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** What an approver may answer. */
export const DECISIONS = ["approve", "reject", "request_changes"] as const;
export type Decision = (typeof DECISIONS)[number];

/** Campaign moves that need no approval: discard an unapproved draft, start and complete the work. */
export const OPERATIONS = ["discard", "start", "complete"] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
/**
 * Events of a period rather than of a campaign: the first event of a new period's log names the workbook it was
 * carried over from and that log's last hash (server/admin/period.ts).
 */
export const PERIOD_ACTIONS = ["carry_over"] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

/**
 * Money events of an expense (entity type "expense"): record seals what was recorded and how the budget gate
 * assessed it; pay seals that finance paid an approved reimbursement. The campaign fold skips them.
 */
export const EXPENSE_ACTIONS = ["record", "pay"] as const;
export type ExpenseAction = (typeof EXPENSE_ACTIONS)[number];

export const ACTIONS = [...REQUEST_ACTIONS, ...OPERATIONS, ...PERIOD_ACTIONS, ...EXPENSE_ACTIONS] as const;
export type Action = (typeof ACTIONS)[number];

/** Campaigns carry requests; a period carries its carry-over event; an expense its money events. */
export const ENTITY_TYPES = ["campaign", "period", "expense"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * One approval-log event as the engine produces it (before it is sealed into the chain). Field order here is
 * the column order of the log tab and of the hashed text.
 * - requestId / requestType are "" and requestVersion 0 for operations (discard, start, complete).
 * - requestVersion is the request's version after this event: 1 for the submit, +1 for every later event on
 *   the same request, so (requestId, requestVersion) names exactly one row.
 * - level is 0 except on decisions, where it is the approval level decided (1-based).
 * - snapshot is canonical JSON of what was submitted / approved ("" when the event carries none).
 */
export interface LogEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly onBehalfOf: string;
  readonly entityType: EntityType;
  readonly entityId: string;
  readonly requestId: string;
  readonly requestType: RequestType | "";
  readonly requestVersion: number;
  readonly action: Action;
  readonly fromState: CampaignState;
  readonly toState: CampaignState;
  readonly level: number;
  readonly comment: string;
  readonly snapshot: string;
}

/** A sealed row: its place in the chain (seq is 1-based and gap-free), the previous row's hash and its own. */
export interface LogRow extends LogEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Sheets refuses more than 50,000 characters in one cell (Help Center), and the log keeps a request's snapshot in one
 * cell, so a submission whose snapshot is longer is refused before anything is written.
 */
export const LOG_CELL_LIMIT = CELL_LIMIT;

/** Column keys of the log tab in order; the workbook layer builds the tab from this list. */
export const LOG_COLUMNS = [
  "seq",
  "id",
  "at",
  "actor",
  "onBehalfOf",
  "entityType",
  "entityId",
  "requestId",
  "requestType",
  "requestVersion",
  "action",
  "fromState",
  "toState",
  "level",
  "comment",
  "snapshot",
  "prevHash",
  "hash",
] as const satisfies readonly (keyof LogRow)[];

const nonEmpty = z.string().check(z.minLength(1));
const count = z.int().check(z.minimum(0));

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * ISO 8601 instant with Z or ±hh:mm, on a real calendar day (the workbook's one date rule, isIsoDate); the date part
 * is read as the spreadsheet-local date (see README).
 */
export const IsoInstantSchema = z.string().check(z.refine((s) => ISO_INSTANT.test(s) && isIsoDate(s.slice(0, 10))));
/** A real calendar day written YYYY-MM-DD, by the workbook's one date rule. */
export const IsoDateSchema = z.string().check(z.refine(isIsoDate));
/** An e-mail address: the pattern of zod's z.email(), kept here so every reader checks with one regular expression. */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const EmailSchema = z.string().check(z.regex(EMAIL));
/** An e-mail address, or "" for none. */
export const OptionalEmailSchema = z.string().check(z.refine((s) => s === "" || EMAIL.test(s)));

export const LogEntrySchema = z.object({
  id: nonEmpty,
  at: IsoInstantSchema,
  actor: EmailSchema,
  onBehalfOf: OptionalEmailSchema,
  entityType: z.enum(ENTITY_TYPES),
  entityId: nonEmpty,
  requestId: z.string(),
  requestType: z.enum(["", ...REQUEST_TYPES]),
  requestVersion: count,
  action: z.enum(ACTIONS),
  fromState: z.enum(CAMPAIGN_STATES),
  toState: z.enum(CAMPAIGN_STATES),
  level: count,
  comment: z.string(),
  snapshot: z.string(),
});

export const LogRowSchema = z.object({
  ...LogEntrySchema.shape,
  seq: z.int().check(z.minimum(1)),
  prevHash: z.string(),
  hash: nonEmpty,
});

/** Emails compare case-insensitively: the signed-in address and the one typed into Settings may differ in case. */
export function normalizeEmail(email: string): string {
  return trimLower(email);
}

// Compile-time proof that the schema and the interface describe the same row (a drift fails type-checking).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type LogRowSchemaMatchesLogRow = Assert<Same<z.output<typeof LogRowSchema>, LogRow>>;
