// The RPC contract of the export section of Roles and settings (org build): what an admin saves, validated on the
// server, and what the section shows. Types and zod schemas only; the org sidebar imports it as types.
import * as z from "zod/mini";
import type { Lang } from "../domain/i18n";
import type { EmptyRequest, FieldIssue } from "../server/shared/contract";
import { id, requestId, text } from "../server/shared/request-fields";

export const SaveExportRequest = z.strictObject({
  enabled: z.boolean(),
  project: text(30),
  dataset: text(1024),
  team: text(100),
  period: text(40),
});
export type SaveExportRequest = z.input<typeof SaveExportRequest>;

export interface ExportView {
  readonly lang: Lang;
  readonly isAdmin: boolean;
  readonly enabled: boolean;
  readonly project: string;
  readonly dataset: string;
  readonly team: string;
  readonly period: string;
  /** The last run, worded in the reader's language ("" before the first). */
  readonly last: string;
  readonly ok: boolean;
  /** Rows not sent because the workbook cannot read them, by tab, row and column. */
  readonly problems: readonly string[];
  /** Other things the last run found (an exported log row edited by hand, readings changed). */
  readonly notes: readonly string[];
}

export type SaveExportResponse =
  | { readonly ok: true; readonly view: ExportView }
  | { readonly ok: false; readonly message: string; readonly issues: readonly FieldIssue[] };

export const CreateFormRequest = z.strictObject({ requestId, campaign: id });
export type CreateFormRequest = z.input<typeof CreateFormRequest>;

/** A campaign's feedback form: where respondents answer, where it is edited, and the tab its responses land in. */
export interface FeedbackForm {
  readonly url: string;
  readonly edit: string;
  readonly tab: string;
}

export type CreateFormResponse =
  | { readonly ok: true; readonly form: FeedbackForm; readonly created: boolean }
  | { readonly ok: false; readonly message: string };

/** The org build's server functions. */
export interface OrgApi {
  rpcExportView(request: EmptyRequest): ExportView;
  rpcExportSave(request: SaveExportRequest): SaveExportResponse;
  rpcExportNow(request: EmptyRequest): ExportView;
  rpcCreateFeedbackForm(request: CreateFormRequest): CreateFormResponse;
}
