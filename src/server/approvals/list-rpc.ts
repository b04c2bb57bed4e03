// Listing the campaigns and selecting one's row: they change no data, so any editor who can open a sidebar may call
// them and no lock is taken.

import { max } from "../../domain/builtins";
import { t } from "../../domain/i18n";
import { findCampaignRow, readCampaigns } from "../../workbook/approvals/campaigns";
import { CAMPAIGNS_TAB } from "../../workbook/approvals/tabs";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import { readSettings } from "../../workbook/shared/settings";
import { tabName } from "../../workbook/shared/spec";
import { activeSpreadsheet, localeOf } from "../shared/active";
import { readContext } from "../shared/context";
import { uiLang, userLang } from "../shared/locale";
import { parseRequest } from "../shared/request";
import {
  type CampaignSummary,
  ListCampaignsRequest,
  type ListCampaignsResponse,
  SelectCampaignRequest,
  type SelectCampaignResponse,
} from "./api";

/** The Settings tab, the language it gives and the Campaigns tab read in that language. */
function campaignsIn(ss: SpreadsheetPort) {
  const locale = localeOf(ss);
  const read = readSettings(ss, locale, readContext(ss, userLang()));
  const lang = uiLang(read.settings);
  return { read, lang, table: readCampaigns(ss, readContext(ss, lang)) };
}

export function rpcListCampaigns(request: unknown): ListCampaignsResponse {
  parseRequest("rpcListCampaigns", ListCampaignsRequest, request);
  const ss = activeSpreadsheet();
  const { read, lang, table } = campaignsIn(ss);
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
  const { id } = parseRequest("rpcSelectCampaign", SelectCampaignRequest, request);
  const ss = activeSpreadsheet();
  const { lang, table } = campaignsIn(ss);
  if (!table) throw Error(t(lang, "rpc.noTab", { tab: tabName(CAMPAIGNS_TAB, lang) }));
  const row = findCampaignRow(table, id);
  if (row === undefined) throw Error(t(lang, "rpc.noCampaign", { id, tab: table.tab }));
  const range = table.sheet.getRange(row, 1, 1, max(table.width, 1));
  range.activate();
  return { id, row, tab: table.tab, a1: range.getA1Notation() };
}
