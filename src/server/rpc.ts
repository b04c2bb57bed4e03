// The sidebar's server functions: each validates its request with zod, reads the workbook (one getValues per tab)
// and answers with JSON-safe data. Listing and selecting change no data, so any editor who can open the sidebar
// may call them and no lock is taken; functions that write check the caller and take the lock (write.ts).
import { t } from "../domain/i18n";
import { findCampaignRow, readCampaigns } from "../workbook/approvals/campaigns";
import { CAMPAIGNS_TAB } from "../workbook/approvals/tabs";
import type { SpreadsheetPort } from "../workbook/shared/ports";
import { readSettings } from "../workbook/shared/settings";
import { tabName } from "../workbook/shared/spec";
import { rpcGetRoles, rpcSaveRoles, rpcVerifyLog } from "./admin/rpc";
import {
  type CampaignSummary,
  ListCampaignsRequest,
  type ListCampaignsResponse,
  SelectCampaignRequest,
  type SelectCampaignResponse,
  type ServerApi,
} from "./approvals/api";
import { rpcAnswerEscalation, rpcDecide, rpcInbox } from "./approvals/approvals-rpc";
import { rpcEscalate, rpcMyCampaigns, rpcSavePlan, rpcSubmit, rpcWithdraw } from "./approvals/campaigns-rpc";
import { EVALUATION_RPC } from "./evaluation/rpc";
import { readContext } from "./shared/context";
import { uiLang, userLang } from "./shared/locale";
import { parseRequest } from "./shared/request";
import { SPEND_RPC } from "./spend/rpc";

function settingsAndLang(ss: SpreadsheetPort) {
  const locale = ss.getSpreadsheetLocale();
  const read = readSettings(ss, locale, readContext(ss, userLang()));
  return { read, lang: uiLang(read.settings) };
}

export function rpcListCampaigns(request: unknown): ListCampaignsResponse {
  parseRequest("rpcListCampaigns", ListCampaignsRequest, request, userLang());
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { read, lang } = settingsAndLang(ss);
  const table = readCampaigns(ss, readContext(ss, lang));
  if (!table) {
    return { lang, setupNeeded: true, tab: tabName(CAMPAIGNS_TAB, lang), campaigns: [], problems: read.problems };
  }
  const campaigns: CampaignSummary[] = table.campaigns.map(({ row, record: c }) => ({
    id: c.id,
    name: c.name,
    owner: c.owner,
    status: c.status,
    start: c.start,
    end: c.end,
    budget: c.budget,
    currency: c.currency ?? read.settings.currency,
    row,
  }));
  return { lang, setupNeeded: false, tab: table.tab, campaigns, problems: [...table.problems, ...read.problems] };
}

export function rpcSelectCampaign(request: unknown): SelectCampaignResponse {
  const { id } = parseRequest("rpcSelectCampaign", SelectCampaignRequest, request, userLang());
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const { lang } = settingsAndLang(ss);
  const table = readCampaigns(ss, readContext(ss, lang));
  if (!table) throw new Error(t(lang, "rpc.noTab", { tab: tabName(CAMPAIGNS_TAB, lang) }));
  const row = findCampaignRow(table, id);
  if (row === undefined) throw new Error(t(lang, "rpc.noCampaign", { id, tab: table.tab }));
  const range = table.sheet.getRange(row, 1, 1, Math.max(table.width, 1));
  range.activate();
  return { id, row, tab: table.tab, a1: range.getA1Notation() };
}

// The implementations must answer exactly what ServerApi promises the sidebar.
export const RPC: { readonly [K in keyof ServerApi]: (request: unknown) => ReturnType<ServerApi[K]> } = {
  rpcListCampaigns,
  rpcSelectCampaign,
  rpcMyCampaigns,
  rpcSavePlan,
  rpcSubmit,
  rpcWithdraw,
  rpcEscalate,
  rpcInbox,
  rpcDecide,
  rpcAnswerEscalation,
  rpcVerifyLog,
  rpcGetRoles,
  rpcSaveRoles,
  ...SPEND_RPC,
  ...EVALUATION_RPC,
};

export {
  rpcAnswerEscalation,
  rpcDecide,
  rpcEscalate,
  rpcGetRoles,
  rpcInbox,
  rpcMyCampaigns,
  rpcSavePlan,
  rpcSaveRoles,
  rpcSubmit,
  rpcVerifyLog,
  rpcWithdraw,
};
