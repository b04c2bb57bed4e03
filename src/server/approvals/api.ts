// The sidebar RPC contract: request schemas (validated on the server), JSON-safe response types, and ServerApi,
// which the sidebars import as a type only. Nothing here touches Apps Script, so the sidebars can type-check it.
import * as z from "zod/mini";
import type { CampaignStatus } from "../../domain/campaign";
import type { DraftForm } from "../../domain/draft";
import type { Lang } from "../../domain/i18n";
import { SEVERITIES } from "../../domain/records";
import type { RowProblem } from "../../workbook/shared/problems";
import type { EvaluationApi } from "../evaluation/api";
import { id, requestId, text } from "../shared/request-fields";
import type { SpendApi, SpendPosition } from "../spend/api";

const version = z.int().check(z.minimum(1), z.maximum(1_000_000));

export const ListCampaignsRequest = z.strictObject({});
export type ListCampaignsRequest = z.input<typeof ListCampaignsRequest>;

export const SelectCampaignRequest = z.strictObject({ id });
export type SelectCampaignRequest = z.input<typeof SelectCampaignRequest>;

export const EmptyRequest = z.strictObject({});
export type EmptyRequest = z.input<typeof EmptyRequest>;

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
});
export type SavePlanRequest = z.input<typeof SavePlanRequest>;

export const SUBMISSION_TYPES = ["plan", "execution", "change", "cancellation"] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];

export const SubmitRequest = z.strictObject({
  campaignId: id,
  type: z.enum(SUBMISSION_TYPES),
  requestId,
  comment: text(),
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

export const AnswerRequest = z.strictObject({ escalationId: id, instruction: text() });
export type AnswerRequest = z.input<typeof AnswerRequest>;

const emails = z.array(text(200)).check(z.maxLength(50));
export const SaveRolesRequest = z.strictObject({
  admins: emails,
  levels: z.array(z.strictObject({ approvers: emails, limit: z.nullable(text(40)) })).check(z.maxLength(10)),
  finance: emails,
  delegations: z
    .array(z.strictObject({ approver: text(200), delegate: text(200), from: text(40), to: text(40) }))
    .check(z.maxLength(50)),
});
export type SaveRolesRequest = z.input<typeof SaveRolesRequest>;

export type { RowProblem };

// ------------------------------------------------------------------------------------------------ answers

/** One problem with what was sent, by field; where it is a cell, where that cell is. */
export interface FieldIssue {
  /** The form field or the engine's path ("budget", "kpis.0.target", "tasks.2.owner", "levels.1.limit"). */
  readonly field: string;
  readonly message: string;
  /** "Campaigns, row 5, column K (Total budget)" when the problem is in a cell, else "". */
  readonly where: string;
  readonly tab: string;
  readonly row: number;
  readonly column: string;
}

/** Why nothing was written. */
export interface Refused {
  readonly ok: false;
  readonly kind: string;
  readonly message: string;
  readonly issues: readonly FieldIssue[];
}

/** What happened to one e-mail notice. */
export interface NoticeView {
  readonly campaign: string;
  readonly to: string;
  readonly subject: string;
  readonly sent: boolean;
  readonly reason: string;
}

export type Written<T> = ({ readonly ok: true; readonly notices: readonly NoticeView[] } & T) | Refused;

export type ChainView =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly row: number; readonly kind: string; readonly message: string };

export interface HistoryEntry {
  readonly at: string;
  readonly actor: string;
  readonly onBehalfOf: string;
  readonly action: string;
  readonly requestType: string;
  readonly level: number;
  readonly comment: string;
  readonly toState: CampaignStatus;
}

export interface FieldDiff {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export interface RequestView {
  readonly id: string;
  readonly type: SubmissionType | string;
  readonly version: number;
  readonly level: number;
  readonly levels: number;
  /** Major units, as shown in the sheet. */
  readonly amount: number;
  readonly currency: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly comment: string;
  /** Who may decide the current level now (approvers and active delegates). */
  readonly waitingFor: readonly string[];
}

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
  readonly campaigns: readonly CampaignCard[];
  readonly problems: readonly RowProblem[];
}

export interface PlanView {
  readonly budget: number | null;
  readonly currency: string;
  readonly start: string;
  readonly end: string;
  readonly objective: string;
  readonly audience: string;
  readonly channels: readonly string[];
  readonly content: string;
  readonly place: string;
  readonly kpis: readonly string[];
  /** The budget lines submitted with the plan (major units of each line's currency); empty for a version 1 plan. */
  readonly lines: readonly {
    readonly category: string;
    readonly month: string;
    readonly amount: number | null;
    readonly currency: string;
  }[];
}

export interface TaskView {
  readonly step: string;
  readonly owner: string;
  readonly start: string;
  readonly due: string;
  readonly deliverable: string;
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
  readonly diffSinceApproval: readonly FieldDiff[];
  readonly diffSinceSubmission: readonly FieldDiff[];
  /** For a request other than a plan or change: approved values edited in the sheet since (not in force). */
  readonly editedSinceApproval: readonly FieldDiff[];
  /** For an overrun or a reimbursement: the expense and where the campaign's budget stands. */
  readonly expense: InboxExpense | null;
  readonly history: readonly HistoryEntry[];
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

export interface RolesView {
  readonly lang: Lang;
  readonly user: string;
  readonly owner: string;
  readonly isAdmin: boolean;
  readonly currency: string;
  readonly admins: readonly string[];
  readonly levels: readonly { readonly approvers: readonly string[]; readonly limit: number | null }[];
  readonly finance: readonly string[];
  readonly delegations: readonly { approver: string; delegate: string; from: string; to: string }[];
}

export interface VerifyResponse {
  readonly lang: Lang;
  readonly chain: ChainView;
  readonly message: string;
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

/** Every function the sidebars may call through google.script.run, with its request and response. */
export interface ServerApi extends SpendApi, EvaluationApi {
  rpcListCampaigns(request: ListCampaignsRequest): ListCampaignsResponse;
  rpcSelectCampaign(request: SelectCampaignRequest): SelectCampaignResponse;
  rpcMyCampaigns(request: EmptyRequest): MyCampaignsResponse;
  rpcSavePlan(request: SavePlanRequest): Written<{ readonly id: string; readonly row: number }>;
  rpcSubmit(request: SubmitRequest): Written<{ readonly state: CampaignStatus; readonly duplicate: boolean }>;
  rpcWithdraw(request: WithdrawRequest): Written<{ readonly state: CampaignStatus; readonly duplicate: boolean }>;
  rpcEscalate(request: EscalateRequest): Written<{ readonly id: string }>;
  rpcInbox(request: EmptyRequest): InboxResponse;
  rpcDecide(request: DecideRequest): Written<{ readonly state: CampaignStatus; readonly duplicate: boolean }>;
  rpcAnswerEscalation(request: AnswerRequest): Written<{ readonly id: string }>;
  rpcVerifyLog(request: EmptyRequest): VerifyResponse;
  rpcGetRoles(request: EmptyRequest): RolesView;
  rpcSaveRoles(request: SaveRolesRequest): Written<{ readonly roles: RolesView }>;
}
