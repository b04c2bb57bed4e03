// The approved budget of a campaign is the sum of its budget lines as approved with the plan: the lines go into the
// plan's submission and must add up to its total budget (a message per line and for the sum, naming the Budget tab's
// rows); once approved, they are the budget BUDGET_REMAINING and the Variance report use, whatever the tab says later;
// an edit of them is flagged by onEdit, found on every read and shown as a diff, and takes effect only through an
// approved change request.
import { describe, expect, it } from "vitest";
import type { InboxResponse, MyCampaignsResponse } from "../../src/server/approvals/api";
import type { Emulator } from "../emulator/index";
import {
  addPlans,
  approvePlan,
  columnsOf,
  decideAll,
  LEO,
  MIA,
  makeReady,
  newRequestId,
  OWNER,
  spendWorkbook,
  tabName,
  writeRows,
} from "./spend-support";
import { clickMenu } from "./support";

interface Line {
  readonly category: string;
  readonly month: string;
  readonly planned: unknown;
}

const LINES: readonly Line[] = [
  { category: "Media", month: "2026-03", planned: 6000 },
  { category: "Events", month: "2026-04", planned: 4000 },
];

/** C-1 (Mia's, 10,000 USD) with its lines on the Budget tab from row 2: Media 6,000 in March, Events 4,000 in April. */
function planned(lines: readonly Line[] = LINES, budget = 10000): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [{ id: "C-1", budget }]);
  writeRows(
    emu,
    "budget",
    lines.map((l) => ({ campaign: "C-1", ...l })),
  );
  return emu;
}

type Answer = {
  ok: boolean;
  kind?: string;
  message?: string;
  state?: string;
  issues?: { field: string; message: string; where: string; tab: string; row: number; column: string }[];
};

function submit(emu: Emulator, type: "plan" | "change" | "execution", comment = ""): Answer {
  return emu.as(MIA).run<Answer>("rpcSubmit", { campaignId: "C-1", type, requestId: newRequestId(type), comment });
}

function card(emu: Emulator, id = "C-1") {
  const found = emu
    .as(MIA)
    .run<MyCampaignsResponse>("rpcMyCampaigns", {})
    .campaigns.find((c) => c.id === id);
  if (!found) throw new Error(`no card for ${id}`);
  return found;
}

function logLength(emu: Emulator): number {
  return emu.values("Approval log").length;
}

/** A cell of the Budget tab by column key and sheet row (read without counting). */
function budgetCell(emu: Emulator, key: string, row: number): string {
  const column = columnsOf(emu, tabName(emu, "budget")).get(key);
  if (column === undefined) throw new Error(`no column ${key}`);
  return `Budget!${String.fromCharCode(64 + column)}${row}`;
}

function flagOf(emu: Emulator, a1: string) {
  const [tab, cell] = a1.split("!") as [string, string];
  return emu.runtime.counter.paused(() => {
    const range = emu.spreadsheet.getSheetByName(tab)!.getRange(cell);
    return { note: range.getNote(), background: range.getBackground() };
  });
}

const remaining = (emu: Emulator, ...args: string[]) => emu.customFunction("BUDGET_REMAINING", ...args);

describe("a plan's budget lines at submission", () => {
  it("must add up to the total budget: the message names the Budget rows, and nothing is written", () => {
    const emu = planned([
      { category: "Media", month: "2026-03", planned: 6000 },
      { category: "Events", month: "2026-04", planned: 3000 },
    ]);
    const before = logLength(emu);
    const res = submit(emu, "plan");
    expect(res).toMatchObject({ ok: false, kind: "incomplete" });
    expect(res.issues?.map((i) => [i.field, i.message, i.where])).toEqual([
      [
        "lines",
        "The budget lines (Budget rows 2, 3) add up to 9,000.00 USD, the total budget is 10,000.00 USD: they must be equal.",
        "Budget, rows 2, 3, column D (Planned amount)",
      ],
    ]);
    expect(res.issues?.[0]).toMatchObject({ tab: "Budget", row: 2, column: "D" });
    expect(logLength(emu)).toBe(before);
    // My campaigns shows the same before anyone submits.
    expect(card(emu).missing.map((i) => i.field)).toEqual(["lines"]);
  });

  it("names each line that cannot be read by its row and column", () => {
    const emu = planned([
      { category: "Media", month: "2026-03", planned: 6000 },
      { category: "", month: "March", planned: "four thousand" },
    ]);
    const res = submit(emu, "plan");
    expect(res.issues?.map((i) => [i.field, i.message, i.where])).toEqual([
      ["lines.1.category", "Budget row 3: name the category.", "Budget, row 3, column B (Category)"],
      ["lines.1.month", "Budget row 3: the month must look like 2026-03.", "Budget, row 3, column C (Month)"],
      [
        "lines.1.planned",
        "Budget row 3: the planned amount must be an amount of money of 0 or more.",
        "Budget, row 3, column D (Planned amount)",
      ],
    ]);
  });

  it("cost My campaigns one read of the Budget tab, however many lines there are", () => {
    const calls = [LINES, Array.from({ length: 200 }, (_, i) => ({ ...LINES[i % 2]!, planned: 50 }))].map((lines) => {
      const emu = planned(lines);
      emu.counter.reset();
      card(emu);
      return emu.counter.snapshot();
    });
    expect(calls[1]).toEqual(calls[0]);
    // Settings, Campaigns, the log, Tasks, Escalations, Notifications, Budget and Research: no Rates, no line is in
    // another currency.
    expect(calls[0]?.["Range.getValues"]).toBe(8);
  });

  it("asks for lines when there are none, and counts a line in another currency at its rate", () => {
    const emu = planned([]);
    expect(submit(emu, "plan").issues?.map((i) => [i.field, i.message, i.where])).toEqual([
      [
        "lines",
        "Add budget lines for this campaign on the Budget tab; they must add up to the total budget (10,000.00 USD).",
        "Budget",
      ],
    ]);
    writeRows(emu, "budget", [
      { campaign: "C-1", category: "Media", month: "2026-03", planned: 6000 },
      { campaign: "C-1", category: "Events", month: "2026-04", planned: 3200, currency: "EUR" },
    ]);
    // No rate for EUR yet: the line is named; with 1.25 from April, 3,200 EUR is 4,000 USD and the lines add up.
    expect(submit(emu, "plan").issues?.map((i) => [i.field, i.message])).toEqual([
      [
        "lines.1.currency",
        "Budget row 3 is in EUR, which no rate converts into the plan's USD: write the line in USD.",
      ],
    ]);
    writeRows(emu, "rates", [{ currency: "EUR", rate: 1.25, validFrom: "2026-04-01" }]);
    expect(submit(emu, "plan")).toMatchObject({ ok: true, state: "PlanSubmitted" });
    // The approver sees the lines with the plan.
    const item = emu.as(LEO).run<InboxResponse>("rpcInbox", {}).requests[0];
    expect(item?.plan?.lines).toEqual([
      { category: "Events", month: "2026-04", amount: 3200, currency: "EUR" },
      { category: "Media", month: "2026-03", amount: 6000, currency: "USD" },
    ]);
  });

  it("are captured in the approved snapshot as a versioned field, in canonical order", () => {
    const emu = planned([
      { category: "Media", month: "2026-03", planned: 2000 },
      { category: "Events", month: "2026-04", planned: 4000 },
      // Split over two rows: one line of 6,000.
      { category: "Media", month: "2026-03", planned: 4000 },
    ]);
    approvePlan(emu, "C-1");
    const approve = emu.values("Approval log").find((r) => r[10] === "approve");
    const snapshot = JSON.parse(String(approve?.[15])) as { data: { v: number; lines: unknown[] } };
    expect(snapshot.data.v).toBe(2);
    expect(snapshot.data.lines).toEqual([
      { category: "Events", currency: "USD", month: "2026-04", planned: 400000 },
      { category: "Media", currency: "USD", month: "2026-03", planned: 600000 },
    ]);
    // Splitting or merging rows of one line is no change.
    expect(card(emu).diff).toEqual([]);
  });
});

describe("the lines approved with the plan", () => {
  it("are the budget BUDGET_REMAINING and the Variance report use, whatever the Budget tab says later", () => {
    const emu = planned();
    approvePlan(emu, "C-1");
    expect(remaining(emu, "C-1")).toBe(10000);
    expect(remaining(emu, "C-1", "Media")).toBe(6000);
    // A script (or a paste) raises the Media line: nothing changes until a change request is approved.
    emu.spreadsheet
      .getSheetByName("Budget")!
      .getRange(budgetCell(emu, "planned", 2).split("!")[1]!)
      .setValue(9000);
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Print", month: "2026-05", planned: 500 }]);
    expect(remaining(emu, "C-1")).toBe(10000);
    expect(remaining(emu, "C-1", "Media")).toBe(6000);
    expect(remaining(emu, "C-1", "Print")).toBe(0);

    emu.as(OWNER);
    clickMenu(emu, "menuRefreshVariance");
    const row = emu.values("Variance report").find((r) => r[0] === "C-1");
    expect(row?.slice(1, 3)).toEqual([10000, 10000]);
    expect(row?.[11]).toBe(
      "Budget lines edited since the plan was approved (Media · 2026-03: 6,000.00 USD → Media · 2026-03: 9,000.00 USD; — → Print · 2026-05: 500.00 USD); the approved lines count until a change request is approved.",
    );

    // My campaigns shows the edit as a diff, line by line, and offers a change request.
    const c = card(emu);
    expect(c.diff).toEqual([
      { field: "lines", before: "Media · 2026-03: 6,000.00 USD", after: "Media · 2026-03: 9,000.00 USD" },
      { field: "lines", before: "", after: "Print · 2026-05: 500.00 USD" },
    ]);
    expect(c.can.submitChange).toBe(true);
  });

  it("shows an edit in the Approvals inbox beside any request of the campaign", () => {
    const emu = planned();
    approvePlan(emu, "C-1");
    writeRows(emu, "tasks", [
      { campaign: "C-1", step: "Book", owner: MIA, start: "2026-03-02", due: "2026-03-20", deliverable: "Contract" },
    ]);
    emu.spreadsheet
      .getSheetByName("Budget")!
      .getRange(budgetCell(emu, "planned", 3).split("!")[1]!)
      .setValue(3500);
    expect(submit(emu, "execution")).toMatchObject({ ok: true });
    const item = emu.as(LEO).run<InboxResponse>("rpcInbox", {}).requests[0];
    expect(item?.request.type).toBe("execution");
    expect(item?.editedSinceApproval).toEqual([
      { field: "lines", before: "Events · 2026-04: 4,000.00 USD", after: "Events · 2026-04: 3,500.00 USD" },
    ]);
  });

  it("are flagged by onEdit when a line of the approved campaign is edited, cheaply, and unflagged when put back", () => {
    const emu = planned();
    approvePlan(emu, "C-1");
    const cell = budgetCell(emu, "planned", 2);
    emu.counter.reset();
    emu.as(MIA).edit(cell, 6500);
    expect(flagOf(emu, cell)).toEqual({
      note: "Approved value: Media · 2026-03: 6,000.00 USD\nThis campaign is approved: a change takes effect only through an approved change request (My campaigns › Submit change request).",
      background: "#fce8e6",
    });
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "Budget lines of C-1 was approved as “Media · 2026-03: 6,000.00 USD”. The edit needs an approved change request.",
    );
    // One read of the edited row, one of the document properties (the layout) and one of the hidden state tab's ID
    // column (the campaign's entry is one cell there): no whole-tab read, no lock.
    const calls = emu.counter.snapshot();
    expect(calls["Range.getValues"]).toBe(2);
    expect(calls["Sheet.getDataRange"]).toBeUndefined();
    expect(calls["Properties.getProperties"]).toBe(1);
    expect(calls["Properties.getProperty"]).toBeUndefined();
    expect(calls["Lock.tryLock"]).toBeUndefined();

    emu.as(MIA).edit(cell, 6000);
    expect(flagOf(emu, cell)).toMatchObject({ note: "" });
    expect(flagOf(emu, cell).background).not.toBe("#fce8e6");

    // A category the plan has no line for is no approved line at all.
    emu.as(MIA).edit(budgetCell(emu, "category", 3), "Print");
    expect(flagOf(emu, budgetCell(emu, "category", 3)).note).toMatch(/^Approved value: —\n/);
  });

  it("do not flag lines of a campaign that is not approved", () => {
    const emu = planned();
    const cell = budgetCell(emu, "planned", 2);
    emu.as(MIA).edit(cell, 6500);
    expect(flagOf(emu, cell).note).toBe("");
  });

  it("change through an approved change request, which puts the new lines in force and clears the flags", () => {
    const emu = planned();
    approvePlan(emu, "C-1");
    makeReady(emu, "C-1");
    // Mia moves 2,000 from Events to Media; the total stays 10,000.
    emu.as(MIA).edit(budgetCell(emu, "planned", 2), 8000);
    emu.as(MIA).edit(budgetCell(emu, "planned", 3), 2000);
    expect(flagOf(emu, budgetCell(emu, "planned", 3)).note).not.toBe("");
    expect(submit(emu, "change", "")).toMatchObject({ ok: false, kind: "reason_required" });
    const requestId = newRequestId("change");
    const sent = emu.as(MIA).run<Answer>("rpcSubmit", {
      campaignId: "C-1",
      type: "change",
      requestId,
      comment: "Media costs more than planned",
    });
    expect(sent).toMatchObject({ ok: true, state: "Ready" });
    const item = emu
      .as(LEO)
      .run<InboxResponse>("rpcInbox", {})
      .requests.find((r) => r.request.id === requestId);
    expect(item?.diffSinceApproval).toEqual([
      { field: "lines", before: "Events · 2026-04: 4,000.00 USD", after: "Events · 2026-04: 2,000.00 USD" },
      { field: "lines", before: "Media · 2026-03: 6,000.00 USD", after: "Media · 2026-03: 8,000.00 USD" },
    ]);
    // Until it is approved the old lines count.
    expect(remaining(emu, "C-1", "Media")).toBe(6000);
    decideAll(emu, "C-1", requestId, "approve");
    expect(remaining(emu, "C-1", "Media")).toBe(8000);
    expect(remaining(emu, "C-1", "Events")).toBe(2000);
    expect(remaining(emu, "C-1")).toBe(10000);
    expect(card(emu).diff).toEqual([]);
    expect(flagOf(emu, budgetCell(emu, "planned", 2)).note).toBe("");
    expect(flagOf(emu, budgetCell(emu, "planned", 3)).note).toBe("");
    // The new lines are the guarded ones now.
    emu.as(MIA).edit(budgetCell(emu, "planned", 2), 6000);
    expect(flagOf(emu, budgetCell(emu, "planned", 2)).note).toContain("Media · 2026-03: 8,000.00 USD");
  });

  it("refuse a change request whose lines do not add up to its budget", () => {
    const emu = planned();
    approvePlan(emu, "C-1");
    emu.as(MIA).edit("Campaigns!K2", 12000);
    const res = submit(emu, "change", "Bigger venue");
    expect(res).toMatchObject({ ok: false, kind: "incomplete" });
    expect(res.issues?.map((i) => i.message)).toEqual([
      "The budget lines (Budget rows 2, 3) add up to 10,000.00 USD, the total budget is 12,000.00 USD: they must be equal.",
    ]);
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Events", month: "2026-05", planned: 2000 }]);
    expect(submit(emu, "change", "Bigger venue")).toMatchObject({ ok: true });
  });
});
