// Shared set-up of the monitoring and evaluation scenarios: a workbook with roles (Leo and Lia decide level 1, Dana
// level 2), campaigns taken through plan and execution approval as people do it, and KPIs, readings and tasks typed
// into their tabs.
import { expect } from "vitest";
import type { InboxResponse } from "../../src/server/approvals/api";
import { CAMPAIGN_INPUT_KEYS } from "../campaigns-layout";
import type { Emulator } from "../emulator/index";
import { budgetLinesFor, pasteBudgetLines, setUpWorkbook } from "./support";

export const OWNER = "owner@example.com";
export const MIA = "mia.marketer@example.com";
export const LEO = "leo.lead@example.com";
export const LIA = "lia.lead@example.com";
export const DANA = "dana.director@example.com";

/** Campaign rows in the Campaigns tab's column order (id .. kpis; Status is the add-on's). */
export function campaign(id: string, overrides: Record<string, unknown> = {}): unknown[] {
  const r: Record<string, unknown> = {
    id,
    name: `Campaign ${id}`,
    owner: MIA,
    objective: "Win 500 leads in March",
    audience: "SMB owners",
    channels: "Email, Events",
    content: "Webinars and a newsletter",
    place: "Berlin",
    start: "2026-03-01",
    end: "2026-03-31",
    budget: 12000,
    currency: "EUR",
    kpis: "Leads 500; CPL <= 24",
    ...overrides,
  };
  return CAMPAIGN_INPUT_KEYS.map((k) => r[k]);
}

export interface Scenario {
  readonly campaigns?: unknown[][];
  /** Tasks rows: campaign, step, owner, start, due, deliverable, status. */
  readonly tasks?: unknown[][];
  /** KPIs rows: campaign, indicator, unit, direction, target, actual, weight, source, updated. */
  readonly kpis?: unknown[][];
  /** Readings rows: date, campaign, indicator, value. */
  readonly readings?: unknown[][];
  readonly mailQuota?: number;
  readonly locale?: string;
  /** Another build than dist/ (the org build's dist-org/). */
  readonly bundleDir?: string;
}

/** Set up by the owner, roles saved, rows typed in by Mia. */
export function monitorWorkbook(s: Scenario = {}): Emulator {
  const emu = setUpWorkbook({
    owner: OWNER,
    ...(s.mailQuota === undefined ? {} : { mailQuota: s.mailQuota }),
    ...(s.locale === undefined ? {} : { locale: s.locale }),
    ...(s.bundleDir === undefined ? {} : { bundleDir: s.bundleDir }),
  });
  const saved = emu.as(OWNER).run<{ ok: boolean; message?: string }>("rpcSaveRoles", {
    admins: [],
    levels: [
      { approvers: [LEO, LIA], limit: "100000" },
      { approvers: [DANA], limit: null },
    ],
    finance: [],
    delegations: [],
  });
  expect(saved.ok, saved.message).toBe(true);
  emu.as(MIA);
  const tab = (key: string) => tabOf(emu, key);
  const paste = (key: string, rows: unknown[][] | undefined) => {
    if (!rows?.length) return;
    emu.edit(`'${tab(key)}'!A2`, rows);
    // A paste the sheet's validation refuses would leave the tab empty: say so here, not three steps later.
    expect(emu.lastEdit?.ok, `${key}: ${emu.lastEdit?.message}`).toBe(true);
  };
  paste("campaigns", s.campaigns ?? [campaign("C-1")]);
  // Each plan's budget lines, adding up to its budget: a plan is submitted with them.
  pasteBudgetLines(emu, budgetLinesFor(s.campaigns ?? [campaign("C-1")]));
  paste("tasks", s.tasks);
  paste("kpis", s.kpis);
  paste("readings", s.readings);
  emu.counter.reset();
  return emu;
}

/** A tab's name as the sheet shows it, found by its tab key (a Chinese workbook too). */
export function tabOf(emu: Emulator, key: string): string {
  for (const m of emu.spreadsheet
    .createDeveloperMetadataFinder()
    .withKey("campaign-control.tab")
    .withValue(key)
    .find()) {
    const location = m.getLocation();
    const sheet = location.getRow()?.getSheet() ?? location.getSheet();
    if (sheet) return sheet.getName();
  }
  throw new Error(`no tab with the key ${key}`);
}

let next = 0;
export function requestId(): string {
  next += 1;
  return `mon-${String(next).padStart(8, "0")}`;
}

type Written = { ok: boolean; message?: string; state?: string };

export function submit(emu: Emulator, who: string, campaignId: string, type: string): Written {
  const r = emu.as(who).run<Written>("rpcSubmit", { campaignId, type, requestId: requestId(), comment: "" });
  expect(r.ok, r.message).toBe(true);
  return r;
}

/** The approver decides the campaign's open request (found in their Approvals inbox). */
export function approve(emu: Emulator, who: string, campaignId: string): Written {
  const inbox = emu.as(who).run<InboxResponse>("rpcInbox", {});
  const item = inbox.requests.find((r) => r.campaignId === campaignId);
  if (!item) throw new Error(`${who} has nothing to decide for ${campaignId}`);
  const r = emu.as(who).run<Written>("rpcDecide", {
    campaignId,
    requestId: item.request.id,
    seenVersion: item.request.version,
    decision: "approve",
    comment: "",
  });
  expect(r.ok, r.message).toBe(true);
  return r;
}

/** Plan and execution plan approved by Leo: the campaign is Ready (its tasks must be on the Tasks tab). */
export function makeReady(emu: Emulator, campaignId: string): void {
  submit(emu, MIA, campaignId, "plan");
  approve(emu, LEO, campaignId);
  submit(emu, MIA, campaignId, "execution");
  const r = approve(emu, LEO, campaignId);
  expect(r.state).toBe("Ready");
}

/** The digests in the outbox (mail whose subject is the digest's), by recipient. */
export function digests(emu: Emulator): { to: string; body: string; at: string }[] {
  return emu.outbox
    .filter((m) => /new alerts?$|条新提醒/.test(m.subject))
    .map((m) => ({ to: m.to, body: m.body, at: m.at }));
}

/** The Monitor tab's data rows by column key. */
export function monitorRows(emu: Emulator): Record<string, unknown>[] {
  const [header, ...rows] = emu.values(tabOf(emu, "monitor"));
  const keys = ["severity", "kind", "campaign", "message", "notify", "since", "key"];
  expect(header?.length).toBeGreaterThanOrEqual(keys.length);
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i]])));
}

/** Cells by column key below the last row of a tab, as an import or a script writes them (no validation). */
export function writeRows(emu: Emulator, key: string, rows: readonly Record<string, unknown>[]): number {
  const tab = tabOf(emu, key);
  const columns = new Map<string, number>();
  for (const m of emu.spreadsheet.createDeveloperMetadataFinder().withKey("campaign-control.column").find()) {
    const c = m.getLocation().getColumn();
    if (c && c.getSheet().getName() === tab) columns.set(m.getValue() ?? "", c.getColumn());
  }
  const sheet = emu.spreadsheet.getSheetByName(tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const width = Math.max(sheet.getLastColumn(), ...columns.values());
  const first = sheet.getLastRow() + 1;
  const block = rows.map((r) => {
    const row: unknown[] = new Array(width).fill("");
    for (const [k, v] of Object.entries(r)) {
      const column = columns.get(k);
      if (column === undefined) throw new Error(`${tab} has no column ${k}`);
      row[column - 1] = v;
    }
    return row;
  });
  emu.fill(tab, first, 1, block);
  emu.counter.reset();
  return first;
}
