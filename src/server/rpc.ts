// The sidebar's server functions: each validates its request with zod, reads the workbook (one getValues per tab)
// and answers with JSON-safe data. Listing and selecting change no data, so any editor who can open the sidebar
// may call them and no lock is taken; functions that write will check the caller and take the lock.
import * as z from "zod/mini";
import { type Lang, t } from "../domain/i18n";
import { findCampaignRow, readCampaigns } from "../workbook/campaigns";
import { readSettings } from "../workbook/settings";
import { tabName } from "../workbook/spec";
import { CAMPAIGNS_TAB } from "../workbook/tabs";
import {
  type CampaignSummary,
  ListCampaignsRequest,
  type ListCampaignsResponse,
  SelectCampaignRequest,
  type SelectCampaignResponse,
  type ServerApi,
} from "./api";
import { readContext } from "./context";
import { uiLang, userLang } from "./locale";
import type { SpreadsheetPort } from "./ports";

type Issue = z.core.$ZodIssue;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Issues as a developer-readable sentence: the sidebar never sends a bad request, so whoever sees this is debugging. */
export function describeIssues(issues: readonly Issue[], input: unknown): string {
  return issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "request";
      switch (issue.code) {
        case "invalid_type":
          return `${where}: expected ${issue.expected}, received ${kindOf(valueAt(input, issue.path))}`;
        case "too_small":
          return issue.origin === "string"
            ? `${where}: must not be empty`
            : `${where}: must be at least ${String(issue.minimum)}`;
        case "too_big":
          return issue.origin === "string"
            ? `${where}: must be at most ${String(issue.maximum)} characters`
            : `${where}: must be at most ${String(issue.maximum)}`;
        case "unrecognized_keys":
          return `${where}: unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.join(", ")}`;
        case "invalid_value":
          return `${where}: must be one of ${issue.values.map(String).join(", ")}`;
        default:
          return `${where}: ${issue.code.replace(/_/g, " ")}`;
      }
    })
    .join("; ");
}

function parseRequest<S extends z.ZodMiniType>(
  fn: keyof ServerApi,
  schema: S,
  input: unknown,
  lang: Lang,
): z.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) {
    throw new Error(t(lang, "rpc.invalidRequest", { fn, details: describeIssues(result.error.issues, input) }));
  }
  return result.data;
}

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
};
