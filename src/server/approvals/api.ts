// The RPC contract of My campaigns and Approvals: request schemas (validated on the server) and JSON-safe response
// types, which the sidebars import as types only. Nothing here touches Apps Script, so the sidebars can type-check it.
import * as z from "zod/mini";
import type { CampaignStatus } from "../../domain/campaign";
import type { DraftForm } from "../../domain/draft";
import type { Lang } from "../../domain/i18n";
import { SEVERITIES } from "../../domain/records";
import type { BrandCheck } from "../../domain/workflow/brand";
import type { Finding } from "../../domain/workflow/plan";
import type { SummaryView } from "../evaluation/api";
import type {
  ChainView,
  EmptyRequest,
  FieldDiff,
  FieldIssue,
  HistoryEntry,
  NoticeView,
  PlanView,
  RequestView,
  RowProblem,
  TaskView,
  Written,
} from "../shared/contract";
import { id, requestId, text } from "../shared/request-fields";
import type { InboxExpense } from "../spend/api";

const version = z.int().check(z.minimum(1), z.maximum(1_000_000));

export const ListCampaignsRequest = z.strictObject({});
export type ListCampaignsRequest = z.input<typeof ListCampaignsRequest>;

export const SelectCampaignRequest = z.strictObject({ id });
export type SelectCampaignRequest = z.input<typeof SelectCampaignRequest>;

/** A draft plan as the form sends it: every field as the person typed it (checked field by field on the server). */
export const SavePlanRequest = z.strictObject({
  id: text(40),
  name: text(200),
  owner: text(200),
  objective: text(),
  audience: text(),
  channels: text(1000),
  content: text(),
  place: text(500),
  start: text(40),
  end: text(40),
  budget: text(40),
  currency: text(10),
  kpis: text(),
  /** Finding IDs of the Research tab; left out, the row's citations stay as they are. */
  research: z.optional(text(1000)),
});
export type SavePlanRequest = z.input<typeof SavePlanRequest>;

export const SUBMISSION_TYPES = ["plan", "execution", "change", "cancellation"] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

export const SubmitRequest = z.strictObject({
  campaignId: id,
  type: z.enum(SUBMISSION_TYPES),
  requestId,
  comment: text(),
  /** The brand rules the submitter confirmed, as the form showed them (every rule of Settings must be among them). */
  brand: z.optional(z.array(text(1000)).check(z.maxLength(100))),
});
export type SubmitRequest = z.input<typeof SubmitRequest>;

export const WithdrawRequest = z.strictObject({ campaignId: id, requestId, seenVersion: version, comment: text() });
export type WithdrawRequest = z.input<typeof WithdrawRequest>;

export const DecideRequest = z.strictObject({
  campaignId: id,
  requestId,
  seenVersion: version,
  decision: z.enum(["approve", "reject", "request_changes"]),
  comment: text(),
});
export type DecideRequest = z.input<typeof DecideRequest>;

export const EscalateRequest = z.strictObject({ campaignId: id, severity: z.enum(SEVERITIES), problem: text() });
export type EscalateRequest = z.input<typeof EscalateRequest>;

/** A reported problem or its answer, and whether the same one had been written before (nothing more was). */
export interface Escalated {
  readonly id: string;
  readonly duplicate: boolean;
}

export const AnswerRequest = z.strictObject({ escalationId: id, instruction: text() });
export type AnswerRequest = z.input<typeof AnswerRequest>;

// ------------------------------------------------------------------------------------------------ answers

export interface EscalationView {
  readonly id: string;
  readonly campaignId: string;
  readonly campaignName: string;
  readonly reportedAt: string;
  readonly reportedBy: string;
  readonly severity: string;
  readonly problem: string;
  readonly instruction: string;
  readonly answeredBy: string;
  readonly answeredAt: string;
  readonly state: string;
  readonly canAnswer: boolean;
}

/** The plan fields as the form edits them (text, as typed): the draft the server checks. */
export type PlanForm = DraftForm;

export interface CampaignCard {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly row: number;
  /** From the approval log. */
  readonly status: CampaignStatus;
  readonly start: string | null;
  readonly end: string | null;
  /** Major units, or null when the cell holds no amount. */
  readonly budget: number | null;
  readonly currency: string;
  readonly mine: boolean;
  /** The submission that makes sense now, with what it still lacks (empty: complete). */
  readonly next: "plan" | "execution" | null;
  readonly missing: readonly FieldIssue[];
  readonly can: {
    readonly edit: boolean;
    readonly submitPlan: boolean;
    readonly submitExecution: boolean;
    readonly submitChange: boolean;
    readonly submitCancellation: boolean;
    readonly withdraw: boolean;
    readonly escalate: boolean;
  };
  readonly openRequest: RequestView | null;
  /** Approved values changed in the sheet since the approval. */
  readonly diff: readonly FieldDiff[];
  readonly history: readonly HistoryEntry[];
  readonly escalations: readonly EscalationView[];
  readonly unsent: readonly NoticeView[];
  /** The row's plan as text, when the campaign is a draft the form may edit. */
  readonly form: PlanForm | null;
}

export interface MyCampaignsResponse {
  readonly lang: Lang;
  readonly user: string;
  readonly setupNeeded: boolean;
  /** The Campaigns tab's name as the sheet shows it. */
  readonly tab: string;
  readonly chain: ChainView;
  readonly currency: string;
  /** Settings' brand rules, which a plan, change or execution plan submission confirms one by one. */
  readonly brandRules: readonly string[];
  /** The Research tab's findings a plan may cite, in sheet order. */
  readonly findings: readonly Finding[];
  readonly campaigns: readonly CampaignCard[];
  readonly problems: readonly RowProblem[];
}

export interface InboxItem {
  readonly campaignId: string;
  readonly campaignName: string;
  readonly owner: string;
  readonly row: number;
  readonly status: CampaignStatus;
  readonly request: RequestView;
  /** The approver the caller decides for ("" in their own right). */
  readonly onBehalfOf: string;
  /** Why the caller may not decide, or null. */
  readonly blocked: string | null;
  readonly plan: PlanView | null;
  readonly tasks: readonly TaskView[] | null;
  readonly checklist: readonly { readonly item: string; readonly ok: boolean }[];
  /** Settings' brand rules, each confirmed or not by the submission's sealed confirmations; approval needs all. */
  readonly brand: readonly BrandCheck[];
  /** The research findings the plan or change cited, as they read at submission (sealed with it). */
  readonly research: readonly Finding[];
  readonly diffSinceApproval: readonly FieldDiff[];
  readonly diffSinceSubmission: readonly FieldDiff[];
  /** For a request other than a plan or change: approved values edited in the sheet since (not in force). */
  readonly editedSinceApproval: readonly FieldDiff[];
  /** For an overrun or a reimbursement: the expense and where the campaign's budget stands. */
  readonly expense: InboxExpense | null;
  /** For a campaign summary: what the approver accepts (the summary as submitted, its lessons). */
  readonly summary: SummaryView | null;
  readonly history: readonly HistoryEntry[];
}

export interface InboxResponse {
  readonly lang: Lang;
  readonly user: string;
  readonly setupNeeded: boolean;
  readonly isApprover: boolean;
  readonly chain: ChainView;
  readonly requests: readonly InboxItem[];
  readonly escalations: readonly EscalationView[];
  readonly unsent: readonly NoticeView[];
}

// Kept from the first slice: the plain list of the Campaigns tab as its cells say.
export interface CampaignSummary {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly status: CampaignStatus;
  /** ISO YYYY-MM-DD in the spreadsheet's time zone, or null. */
  readonly start: string | null;
  readonly end: string | null;
  readonly budget: number | null;
  /** The row's currency, or the Settings currency when the row leaves it empty. */
  readonly currency: string;
  /** 1-based sheet row. */
  readonly row: number;
}

export interface ListCampaignsResponse {
  readonly lang: Lang;
  readonly setupNeeded: boolean;
  readonly tab: string;
  readonly campaigns: readonly CampaignSummary[];
  readonly problems: readonly RowProblem[];
}

export interface SelectCampaignResponse {
  readonly id: string;
  readonly row: number;
  readonly tab: string;
  /** The selected range, e.g. "A5:N5". */
  readonly a1: string;
}

/** The server functions of My campaigns and Approvals. */
export interface ApprovalsApi {
  rpcListCampaigns(request: ListCampaignsRequest): ListCampaignsResponse;
  rpcSelectCampaign(request: SelectCampaignRequest): SelectCampaignResponse;
  rpcMyCampaigns(request: EmptyRequest): MyCampaignsResponse;
  rpcSavePlan(request: SavePlanRequest): Written<{ readonly id: string; readonly row: number }>;
  rpcSubmit(request: SubmitRequest): Written<{ readonly state: CampaignStatus; readonly duplicate: boolean }>;
  rpcWithdraw(request: WithdrawRequest): Written<{ readonly state: CampaignStatus; readonly duplicate: boolean }>;
  rpcEscalate(request: EscalateRequest): Written<Escalated>;
  rpcInbox(request: EmptyRequest): InboxResponse;
  rpcDecide(request: DecideRequest): Written<{ readonly state: CampaignStatus; readonly duplicate: boolean }>;
  rpcAnswerEscalation(request: AnswerRequest): Written<Escalated>;
}
