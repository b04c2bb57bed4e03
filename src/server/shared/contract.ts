// What every feature's RPC contract shares: the empty request, issues placed on cells, refusals, the notices of a
// write, and the views of requests, plans and history that more than one sidebar shows. Types and zod schemas only,
// nothing that touches Apps Script, so the sidebars can import it as types.
import * as z from "zod/mini";
import type { CampaignStatus } from "../../domain/campaign";
import type { RowProblem } from "../../workbook/shared/problems";

export type { RowProblem };

export const EmptyRequest = z.strictObject({});
export type EmptyRequest = z.input<typeof EmptyRequest>;

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
  /** A submission type (plan, execution, change, cancellation) or another request type (overrun, summary ...). */
  readonly type: string;
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
