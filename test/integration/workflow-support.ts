// Shared set-up of the approval tests: a workbook with roles (Leo decides level 1 up to 100,000, Dana level 2
// without limit, Fay is finance), a draft campaign of Mia's that is complete, and helpers to act as each person.
import { expect } from "vitest";
import type { SaveRolesRequest } from "../../src/server/admin/api";
import type { DecideRequest, InboxResponse, MyCampaignsResponse, SubmitRequest } from "../../src/server/approvals/api";
import type { Emulator, EmulatorState } from "../emulator/index";
import { budgetLinesFor, pasteBudgetLines, setUpWorkbook } from "./support";

export const OWNER = "owner@example.com";
export const MIA = "mia.marketer@example.com";
export const LEO = "leo.lead@example.com";
export const LIA = "lia.lead@example.com";
export const DANA = "dana.director@example.com";
export const FAY = "fay.finance@example.com";
export const DEPUTY = "deng.deputy@example.com";

export const ROLES: SaveRolesRequest = {
  admins: [],
  levels: [
    { approvers: [LEO, LIA], limit: "100000" },
    { approvers: [DANA], limit: null },
  ],
  finance: [FAY],
  delegations: [],
};

/** Column order of the Campaigns tab (see src/workbook/approvals/tabs.ts). */
export const PLAN_ROW = {
  id: "C-1",
  name: "Spring launch",
  owner: MIA,
  objective: "Win 500 leads in March",
  audience: "SMB owners in Berlin",
  channels: "Email, Events",
  content: "Webinar series and a newsletter",
  place: "Berlin",
  start: "2026-03-10",
  end: "2026-03-31",
  budget: 12000,
  currency: "EUR",
  kpis: "Leads 500; CPL <= 24",
};

/** The Campaigns row of PLAN_ROW as the My campaigns form sends it (every field as text), with overrides. */
export function planForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    id: PLAN_ROW.id,
    name: PLAN_ROW.name,
    owner: PLAN_ROW.owner,
    objective: PLAN_ROW.objective,
    audience: PLAN_ROW.audience,
    channels: PLAN_ROW.channels,
    content: PLAN_ROW.content,
    place: PLAN_ROW.place,
    start: PLAN_ROW.start,
    end: PLAN_ROW.end,
    budget: String(PLAN_ROW.budget),
    currency: PLAN_ROW.currency,
    kpis: PLAN_ROW.kpis,
    ...overrides,
  };
}

export function campaignRow(overrides: Partial<typeof PLAN_ROW> = {}): unknown[] {
  const r = { ...PLAN_ROW, ...overrides };
  return [
    r.id,
    r.name,
    r.owner,
    r.objective,
    r.audience,
    r.channels,
    r.content,
    r.place,
    r.start,
    r.end,
    r.budget,
    r.currency,
    r.kpis,
  ];
}

/** Tasks rows: campaign, step, owner, start, due, deliverable. */
export const TASK_ROWS: unknown[][] = [
  ["C-1", "Write the webinar script", MIA, "2026-03-02", "2026-03-09", "Script"],
  ["C-1", "Run three webinars", MIA, "2026-03-10", "2026-03-31", "Recordings and lead list"],
];

/**
 * Set up, roles saved by the owner, campaign C-1 (and any extra rows) pasted by Mia with budget lines adding up to
 * each budget (or the `budget` rows given: campaign, category, month, planned, currency), tasks for C-1.
 */
export function workbook(
  options: {
    campaigns?: unknown[][];
    tasks?: unknown[][];
    budget?: unknown[][];
    mailQuota?: number;
    locale?: string;
  } = {},
): Emulator {
  const emu = setUpWorkbook({
    ...(options.mailQuota === undefined ? {} : { mailQuota: options.mailQuota }),
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  const zh = options.locale?.startsWith("zh") === true;
  const saved = emu.as(OWNER).run<{ ok: boolean }>("rpcSaveRoles", ROLES);
  expect(saved.ok).toBe(true);
  emu.as(MIA);
  const rows = options.campaigns ?? [campaignRow()];
  if (rows.length > 0) emu.edit(`${zh ? "推广活动" : "Campaigns"}!A2`, rows);
  pasteBudgetLines(emu, options.budget ?? budgetLinesFor(rows));
  const tasks = options.tasks ?? TASK_ROWS;
  if (tasks.length > 0) emu.edit(`${zh ? "执行任务" : "Tasks"}!A2`, tasks);
  emu.counter.reset();
  return emu;
}

let counter = 0;
/** A fresh request ID, as the sidebar makes one per form. */
export function requestId(): string {
  counter += 1;
  return `req-${String(counter).padStart(8, "0")}`;
}

export type WriteResult = {
  ok: boolean;
  kind?: string;
  message?: string;
  issues?: { field: string; message: string; where: string; tab: string; row: number; column: string }[];
  state?: string;
  duplicate?: boolean;
  notices?: { to: string; subject: string; sent: boolean; reason: string }[];
};

export function submit(emu: Emulator, who: string, request: Partial<SubmitRequest> = {}): WriteResult {
  return emu.as(who).run<WriteResult>("rpcSubmit", {
    campaignId: "C-1",
    type: "plan",
    requestId: requestId(),
    comment: "",
    ...request,
  });
}

export function inbox(emu: Emulator, who: string): InboxResponse {
  return emu.as(who).run<InboxResponse>("rpcInbox", {});
}

export function mine(emu: Emulator, who: string): MyCampaignsResponse {
  return emu.as(who).run<MyCampaignsResponse>("rpcMyCampaigns", {});
}

/** The open request of a campaign as its marketer sees it. */
export function openRequest(emu: Emulator, id = "C-1") {
  const card = mine(emu, OWNER).campaigns.find((c) => c.id === id);
  if (!card?.openRequest) throw new Error(`${id} has no open request`);
  return card.openRequest;
}

export function decide(
  emu: Emulator,
  who: string,
  decision: DecideRequest["decision"] = "approve",
  extra: Partial<DecideRequest> = {},
): WriteResult {
  const open = openRequest(emu, extra.campaignId ?? "C-1");
  return emu.as(who).run<WriteResult>("rpcDecide", {
    campaignId: "C-1",
    requestId: open.id,
    seenVersion: open.version,
    decision,
    comment: "",
    ...extra,
  });
}

/** The log tab's data rows (header dropped), as the sheet holds them. */
export function logRows(emu: Emulator): unknown[][] {
  return emu.values("Approval log").slice(1);
}

/** Column of a log key in the log tab (LOG_COLUMNS order). */
export const LOG = {
  seq: 0,
  id: 1,
  at: 2,
  actor: 3,
  onBehalfOf: 4,
  entityType: 5,
  entityId: 6,
  requestId: 7,
  requestType: 8,
  requestVersion: 9,
  action: 10,
  fromState: 11,
  toState: 12,
  level: 13,
  comment: 14,
  snapshot: 15,
  prevHash: 16,
  hash: 17,
} as const;

/** What a forged call could change: every cell, note, format and protection, the properties and the outbox. */
export function saved(emu: Emulator): Omit<EmulatorState, "clock" | "activeUser" | "users" | "caches"> {
  const { clock: _c, activeUser: _a, users: _u, caches: _k, ...rest } = emu.save();
  return rest;
}

/** The Status cell of a campaign row. */
export function statusOf(emu: Emulator, row = 2): unknown {
  return emu.cell(`Campaigns!N${row}`).value;
}
