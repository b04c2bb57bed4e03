// The RPC contract of the Monitoring and evaluation sidebar: request schemas (validated on the server), JSON-safe
// responses, and EvaluationApi, which ServerApi extends. Nothing here touches Apps Script.
import * as z from "zod/mini";
import type { AlertKind, Severity } from "../../domain/evaluation";
import type { Lang } from "../../domain/i18n";
import type { CampaignState, RequestStatus } from "../../domain/workflow";
import type { RowProblem } from "../../workbook/shared/problems";
import type { Written } from "../shared/contract";
import { id, requestId, text } from "../shared/request-fields";

export const FREQUENCIES = ["off", "hourly", "daily"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const MonitorStatusRequest = z.strictObject({});
export type MonitorStatusRequest = z.input<typeof MonitorStatusRequest>;

export const MonitorScheduleRequest = z.strictObject({
  frequency: z.enum(FREQUENCIES),
  /** Daily runs: the local hour (0-23) from which the day's run is due. */
  hour: z.optional(z.int().check(z.minimum(0), z.maximum(23))),
});
export type MonitorScheduleRequest = z.input<typeof MonitorScheduleRequest>;

export const RefreshEvaluationRequest = z.strictObject({
  /** The campaign whose readings the report charts; default the one charted before, else the latest measured. */
  focus: z.optional(id),
});
export type RefreshEvaluationRequest = z.input<typeof RefreshEvaluationRequest>;

export const SummaryFormRequest = z.strictObject({ campaignId: z.optional(id) });
export type SummaryFormRequest = z.input<typeof SummaryFormRequest>;

export const LESSONS_MAX = 20;
const tags = z.array(text(100)).check(z.maxLength(20));

export const SubmitSummaryRequest = z.strictObject({
  campaignId: id,
  requestId,
  goalsMet: z.nullable(z.boolean()),
  effect: text(),
  problems: text(),
  improvements: text(),
  lessons: z
    .array(
      z.strictObject({
        lesson: text(),
        recommendation: text(),
        tags,
      }),
    )
    .check(z.maxLength(LESSONS_MAX)),
  comment: text(),
});
export type SubmitSummaryRequest = z.input<typeof SubmitSummaryRequest>;

/** Moves that need no approval, offered where the summary is: start a Ready campaign, complete a running one. */
export const PROGRESS_OPERATIONS = ["start", "complete"] as const;
export const CampaignProgressRequest = z.strictObject({
  campaignId: id,
  operation: z.enum(PROGRESS_OPERATIONS),
  comment: text(),
});
export type CampaignProgressRequest = z.input<typeof CampaignProgressRequest>;

export const LessonsRequest = z.strictObject({
  campaignId: z.optional(id),
  tags: z.optional(tags),
});
export type LessonsRequest = z.input<typeof LessonsRequest>;

// ---------------------------------------------------------------------------------------------------------------
// Responses

export interface AlertView {
  readonly severity: Severity;
  readonly kind: AlertKind;
  /** Labels as the Monitor tab shows them. */
  readonly severityLabel: string;
  readonly kindLabel: string;
  readonly campaign: string;
  /** The alert in the user's language. */
  readonly message: string;
}

export interface MonitorHealth {
  /** ISO instant of the last run (scheduled or by hand), "" before the first. */
  readonly lastRunAt: string;
  readonly lastRunOk: boolean;
  readonly lastError: string;
  readonly lastErrorAt: string;
  readonly alerts: number;
  readonly sent: number;
  readonly deferred: number;
  /** The last scheduled run, "" before the first. */
  readonly lastScheduledAt: string;
  /** True when a scheduled run was due (twice the interval passed) but none came: the owner may need to re-authorize. */
  readonly stale: boolean;
}

export interface MonitorStatus {
  readonly lang: Lang;
  readonly setupNeeded: boolean;
  readonly frequency: Frequency;
  readonly hour: number;
  /** Whose trigger runs the schedule (lower-case e-mail), "" when none. */
  readonly owner: string;
  readonly canSchedule: boolean;
  /**
   * For admins: the schedule's owner is no longer an admin (its jobs are held), or it has not ticked for hours (its
   * trigger is gone or its grant withdrawn), in the reader's language; "" when all is well or the reader is no admin.
   */
  readonly scheduleNotice: string;
  /** ScriptApp.getAuthorizationInfo(FULL) for the person looking: REQUIRED means they must re-authorize. */
  readonly reauthorizationNeeded: boolean;
  readonly authorizationUrl: string;
  readonly health: MonitorHealth;
  /** The scheduled trigger's runtime today (ms), against the jobs' daily budget and the platform's daily quota. */
  readonly runtime: {
    readonly todayMs: number;
    readonly budgetMs: number;
    readonly quotaMs: number;
    readonly ticks: number;
    readonly skipped: number;
  };
  /** The most urgent current alerts (from the Monitor tab), at most 20, and how many there are in all. */
  readonly alerts: readonly AlertView[];
  readonly alertCount: number;
  readonly problems: readonly RowProblem[];
}

export interface RunResult {
  readonly alerts: number;
  readonly sent: number;
  readonly deferred: number;
  readonly status: MonitorStatus;
}

export interface KpiFigure {
  readonly indicator: string;
  readonly unit: string;
  readonly target: number;
  readonly actual: number | null;
  readonly attainment: number | null;
  readonly weight: number;
}

export interface CampaignFigures {
  readonly id: string;
  readonly name: string;
  readonly state: CampaignState;
  readonly stateLabel: string;
  readonly score: number | null;
  readonly grade: string | null;
  readonly roi: number | null;
  readonly goalsMet: boolean | null;
  readonly met: number;
  readonly counted: number;
  readonly kpis: readonly KpiFigure[];
}

export interface RefreshEvaluationResponse {
  readonly lang: Lang;
  readonly setupNeeded: boolean;
  readonly campaigns: number;
  readonly kpis: number;
  readonly scorecardRows: number;
  readonly charted: string;
  readonly problems: readonly RowProblem[];
}

export interface SummaryRequestView {
  readonly id: string;
  readonly status: RequestStatus;
  readonly version: number;
  readonly submittedBy: string;
  readonly submittedAt: string;
  /** The approver who accepted it and when (final approval), "" until then. */
  readonly acceptedBy: string;
  readonly acceptedAt: string;
}

export interface SummaryForm {
  readonly lang: Lang;
  readonly setupNeeded: boolean;
  /** Every campaign with its state, Completed ones first (those may be summed up). */
  readonly campaigns: readonly {
    readonly id: string;
    readonly name: string;
    readonly state: CampaignState;
    readonly stateLabel: string;
  }[];
  /** The chosen campaign's figures and the form's starting values; null when there is none to choose. */
  readonly campaign: CampaignFigures | null;
  readonly channels: readonly string[];
  readonly audience: string;
  readonly prefill: {
    readonly goalsMet: boolean | null;
    readonly effect: string;
    readonly problems: string;
    readonly improvements: string;
  };
  readonly canSubmit: boolean;
  /** The move that brings the campaign closer to its summary (Ready: start, InProgress: complete), if any. */
  readonly next: "start" | "complete" | null;
  /** Why not, when it cannot be submitted; "" when it can. */
  readonly reason: string;
  readonly request: SummaryRequestView | null;
  readonly problems: readonly RowProblem[];
}

export interface LessonView {
  readonly campaign: string;
  readonly lesson: string;
  readonly recommendation: string;
  readonly channels: readonly string[];
  readonly tags: readonly string[];
  readonly audience: string;
  readonly matched: {
    readonly channels: readonly string[];
    readonly tags: readonly string[];
    readonly audience: boolean;
  };
  /** Sheet row on the Lessons tab. */
  readonly row: number;
}

export interface LessonsResponse {
  readonly lang: Lang;
  readonly setupNeeded: boolean;
  /** Campaigns being drafted (Draft, or with a plan under review): the plans lessons are looked up for. */
  readonly drafts: readonly { readonly id: string; readonly name: string }[];
  readonly campaign: string;
  readonly query: { readonly channels: readonly string[]; readonly audience: string; readonly tags: readonly string[] };
  readonly lessons: readonly LessonView[];
  readonly problems: readonly RowProblem[];
}

export interface EvaluationApi {
  rpcMonitorStatus(request: MonitorStatusRequest): MonitorStatus;
  rpcMonitorSchedule(request: MonitorScheduleRequest): MonitorStatus;
  rpcMonitorRun(request: MonitorStatusRequest): RunResult;
  rpcRefreshEvaluation(request: RefreshEvaluationRequest): RefreshEvaluationResponse;
  rpcSummaryForm(request: SummaryFormRequest): SummaryForm;
  rpcSubmitSummary(
    request: SubmitSummaryRequest,
  ): Written<{ readonly state: CampaignState; readonly duplicate: boolean }>;
  rpcLessons(request: LessonsRequest): LessonsResponse;
  rpcCampaignProgress(
    request: CampaignProgressRequest,
  ): Written<{ readonly state: CampaignState; readonly duplicate: boolean }>;
}

/** A campaign summary as submitted: what the approver accepts, exactly as the log carries it. */
export interface SummaryView {
  readonly goalsMet: boolean | null;
  readonly effect: string;
  readonly problems: string;
  readonly improvements: string;
  readonly channels: readonly string[];
  readonly audience: string;
  readonly lessons: readonly {
    readonly lesson: string;
    readonly recommendation: string;
    readonly tags: readonly string[];
  }[];
}
