// Shared set-up of the budget-control scenarios: a workbook set up with roles (two approval levels, finance),
// campaigns whose plans went through the approvals as people would do it, and rows written by column key.
import { expect } from "vitest";
import type { Emulator } from "../emulator/index";
import { clickMenu, emulator } from "./support";

export const OWNER = "owner@example.com";
export const MIA = "mia@example.com";
export const BO = "bo@example.com";
export const LEO = "leo@example.com";
export const DANA = "dana@example.com";
export const FAY = "fay@example.com";

/** Level 1 (Leo) decides up to this many major units of the workbook currency; level 2 (Dana) above it. */
export const LEVEL_1_LIMIT = 1000;

const COLUMN_KEY = "campaign-control.column";
const TAB_KEY = "campaign-control.tab";

export type TabKey = "campaigns" | "tasks" | "budget" | "expenses" | "rates" | "variance" | "settings";

/** A tab's name as the sheet shows it, found by its tab key (so a Chinese or renamed tab is found too). */
export function tabName(emu: Emulator, key: TabKey): string {
  for (const m of emu.spreadsheet.createDeveloperMetadataFinder().withKey(TAB_KEY).withValue(key).find()) {
    const location = m.getLocation();
    const sheet = location.getRow()?.getSheet() ?? location.getSheet();
    if (sheet) return sheet.getName();
  }
  throw new Error(`no tab with the key ${key}`);
}

/** A workbook set up by its owner, with approval levels and finance configured in the Roles sidebar's RPC. */
export function spendWorkbook(options: Parameters<typeof emulator>[0] = {}): Emulator {
  const emu = emulator({ owner: OWNER, ...options });
  emu.open();
  clickMenu(emu, "menuSetUpWorkbook");
  const saved = emu.as(OWNER).run<{ ok: boolean; message?: string }>("rpcSaveRoles", {
    admins: [],
    levels: [
      { approvers: [LEO], limit: String(LEVEL_1_LIMIT) },
      { approvers: [DANA], limit: null },
    ],
    finance: [FAY],
    delegations: [],
  });
  expect(saved.ok, saved.message).toBe(true);
  emu.counter.reset();
  return emu;
}

/** Column numbers by key of a tab the add-on set up (found through its column metadata, as the add-on does). */
export function columnsOf(emu: Emulator, tab: string): Map<string, number> {
  const columns = new Map<string, number>();
  for (const m of emu.spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find()) {
    const column = m.getLocation().getColumn();
    if (column && column.getSheet().getName() === tab) columns.set(m.getValue() ?? "", column.getColumn());
  }
  return columns;
}

/**
 * Writes rows below the last row of a tab, each cell under its column key, as a script or an import would (no
 * validation, as in Sheets). Returns the first sheet row written.
 */
export function writeRows(emu: Emulator, key: TabKey, rows: readonly Record<string, unknown>[]): number {
  const tab = tabName(emu, key);
  const columns = columnsOf(emu, tab);
  const sheet = emu.spreadsheet.getSheetByName(tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const width = Math.max(sheet.getLastColumn(), ...columns.values());
  const first = sheet.getLastRow() + 1;
  const block = rows.map((record) => {
    const row: unknown[] = new Array(width).fill("");
    for (const [key, value] of Object.entries(record)) {
      const column = columns.get(key);
      if (column === undefined) throw new Error(`${tab} has no column ${key}`);
      row[column - 1] = value;
    }
    return row;
  });
  emu.fill(tab, first, 1, block);
  emu.counter.reset();
  return first;
}

export interface PlanRow {
  readonly id: string;
  readonly budget: number;
  readonly owner?: string;
  readonly name?: string;
}

/** Complete plans (every field the approval checklist asks for), owned by Mia unless said otherwise. */
export function addPlans(emu: Emulator, plans: readonly PlanRow[]): void {
  writeRows(
    emu,
    "campaigns",
    plans.map((p) => ({
      id: p.id,
      name: p.name ?? `Campaign ${p.id}`,
      owner: p.owner ?? MIA,
      objective: "Leads from small businesses",
      audience: "SMB owners",
      channels: "Email, Events",
      content: "Webinar and follow-up mails",
      place: "Online",
      start: "2026-03-01",
      end: "2026-06-30",
      budget: p.budget,
      currency: "",
      kpis: "Leads 500",
    })),
  );
}

let requestCounter = 0;
export function newRequestId(prefix = "req"): string {
  requestCounter += 1;
  return `${prefix}-${String(requestCounter).padStart(6, "0")}-${Math.random().toString(16).slice(2, 10)}`;
}

interface InboxItemLike {
  readonly campaignId: string;
  readonly request: {
    readonly id: string;
    readonly version: number;
    readonly level: number;
    readonly levels: number;
    readonly amount: number;
    readonly type: string;
  };
}

/** The open request of a campaign as an approver's inbox lists it (undefined when it is not there). */
export function inboxItem(emu: Emulator, approver: string, requestId: string): InboxItemLike | undefined {
  const inbox = emu.as(approver).run<{ requests: InboxItemLike[] }>("rpcInbox", {});
  return inbox.requests.find((r) => r.request.id === requestId);
}

/** Decides every level of an open request as the approvers of those levels would, from their inbox. */
export function decideAll(emu: Emulator, campaignId: string, requestId: string, decision: "approve" | "reject"): void {
  for (let guard = 0; guard < 5; guard++) {
    const approver = [LEO, DANA].find((who) => inboxItem(emu, who, requestId) !== undefined);
    if (!approver) return;
    const item = inboxItem(emu, approver, requestId);
    if (!item) return;
    const res = emu.as(approver).run<{ ok: boolean; message?: string }>("rpcDecide", {
      campaignId,
      requestId,
      seenVersion: item.request.version,
      decision,
      comment: decision === "reject" ? "Not in this quarter" : "",
    });
    expect(res.ok, res.message).toBe(true);
    if (decision === "reject") return;
  }
  throw new Error(`request ${requestId} is still open`);
}

/** Submits a campaign's plan or execution plan as its owner and has it approved at every level it needs. */
function submitApproved(emu: Emulator, campaignId: string, type: "plan" | "execution", owner: string): void {
  const requestId = newRequestId(type === "plan" ? "plan" : "exec");
  const res = emu.as(owner).run<{ ok: boolean; message?: string }>("rpcSubmit", {
    campaignId,
    type,
    requestId,
    comment: "",
  });
  expect(res.ok, res.message).toBe(true);
  decideAll(emu, campaignId, requestId, "approve");
  emu.counter.reset();
}

/** Submits a campaign's plan as its owner and has it approved at every level it needs. */
export function approvePlan(emu: Emulator, campaignId: string, owner = MIA): void {
  submitApproved(emu, campaignId, "plan", owner);
}

/** Tasks for the execution plan, then its submission and approval: the campaign becomes Ready. */
export function makeReady(emu: Emulator, campaignId: string, owner = MIA): void {
  writeRows(emu, "tasks", [
    {
      campaign: campaignId,
      step: "Book the venue",
      owner,
      start: "2026-03-02",
      due: "2026-03-20",
      deliverable: "Signed contract",
      status: "",
    },
  ]);
  submitApproved(emu, campaignId, "execution", owner);
}

export interface DraftInput {
  readonly date?: string;
  readonly campaign: string;
  readonly category?: string;
  readonly vendor?: string;
  readonly description?: string;
  readonly amount: string;
  readonly currency?: string;
  readonly kind?: "committed" | "actual";
  readonly receiptLink?: string;
  readonly reimbursable?: boolean;
}

export function draftOf(input: DraftInput) {
  return {
    date: input.date ?? "2026-03-10",
    campaign: input.campaign,
    category: input.category ?? "Media",
    vendor: input.vendor ?? "Print shop",
    description: input.description ?? "Flyers",
    amount: input.amount,
    currency: input.currency ?? "",
    kind: input.kind ?? "actual",
    receiptLink: input.receiptLink ?? "https://drive.example.com/receipt-1",
    reimbursable: input.reimbursable ?? false,
  };
}

export interface RecordAnswer {
  readonly ok: boolean;
  readonly kind?: string;
  readonly message: string;
  readonly issues?: readonly { readonly field: string; readonly message: string }[];
  readonly id?: string;
  readonly row?: number;
  readonly status?: string;
  readonly requestId?: string | null;
  readonly assessment?: { readonly outcome: string; readonly overrun: number };
  readonly notices?: readonly { readonly to: string; readonly sent: boolean }[];
}

export function recordExpense(
  emu: Emulator,
  as: string,
  input: DraftInput,
  requestId = newRequestId("exp"),
): RecordAnswer {
  return emu.as(as).run<RecordAnswer>("rpcRecordExpense", { draft: draftOf(input), requestId });
}

/** The Status cells of the Expenses tab by expense ID, as the sheet shows them. */
export function expenseStatuses(emu: Emulator): Record<string, string> {
  const tab = tabName(emu, "expenses");
  const columns = columnsOf(emu, tab);
  const values = emu.values(tab);
  const id = (columns.get("id") ?? 1) - 1;
  const status = (columns.get("status") ?? 1) - 1;
  return Object.fromEntries(
    values
      .slice(1)
      .filter((r) => r[id] !== "")
      .map((r) => [String(r[id]), String(r[status])]),
  );
}

/**
 * Records, through the add-on, the rows typed into the Expenses tab that the add-on has not recorded yet (they count
 * for nothing until then): each as the person the sidebar offers it to (Requested by, or the campaign's owner).
 */
export function recordTypedRows(emu: Emulator, people: readonly string[] = [MIA, BO, OWNER]): number {
  let recorded = 0;
  for (const person of people) {
    const overview = emu.as(person).run<{ needsRequest: { id: string }[] }>("rpcSpendOverview", {});
    for (const e of overview.needsRequest) {
      const res = emu.as(person).run<{ ok: boolean; message?: string }>("rpcSubmitOverrun", {
        id: e.id,
        requestId: newRequestId("typed"),
      });
      expect(res.ok, res.message).toBe(true);
      recorded += 1;
    }
  }
  emu.counter.reset();
  return recorded;
}

/** C-1 approved with one budget line of 1,000 (Media, March) and Ready, so expenses and reimbursements can run. */
export function readyWorkbook(): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [{ id: "C-1", budget: 1000 }]);
  writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 1000 }]);
  approvePlan(emu, "C-1");
  makeReady(emu, "C-1");
  return emu;
}
