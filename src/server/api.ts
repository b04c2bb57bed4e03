// The sidebar RPC contract: request schemas (validated on the server), JSON-safe response types, and ServerApi,
// which the sidebar imports as a type only. Nothing here touches Apps Script, so the sidebar can type-check it.
import * as z from "zod/mini";
import type { CampaignStatus } from "../domain/campaign";
import type { Lang } from "../domain/i18n";
import type { RowProblem } from "../workbook/problems";

export const ListCampaignsRequest = z.strictObject({});
export type ListCampaignsRequest = z.input<typeof ListCampaignsRequest>;

export const SelectCampaignRequest = z.strictObject({
  id: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});
export type SelectCampaignRequest = z.input<typeof SelectCampaignRequest>;

export type { RowProblem };

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
  /** The language the sidebar should speak (the user's, or the Settings override). */
  readonly lang: Lang;
  /** True when the Campaigns tab does not exist yet. */
  readonly setupNeeded: boolean;
  /** The Campaigns tab's name as the sheet shows it. */
  readonly tab: string;
  readonly campaigns: readonly CampaignSummary[];
  /** Rows of Campaigns and Settings that could not be used, with where and why. */
  readonly problems: readonly RowProblem[];
}

export interface SelectCampaignResponse {
  readonly id: string;
  readonly row: number;
  readonly tab: string;
  /** The selected range, e.g. "A5:N5". */
  readonly a1: string;
}

/** Every function the sidebar may call through google.script.run, with its request and response. */
export interface ServerApi {
  rpcListCampaigns(request: ListCampaignsRequest): ListCampaignsResponse;
  rpcSelectCampaign(request: SelectCampaignRequest): SelectCampaignResponse;
}
