// Refunds and credit notes: a negative amount that names the expense it refunds takes spend back (sealed in the log
// like any expense), never more than is left of that expense, and only within its campaign; anything else is refused
// with a message that names the field, or the tab, row and column of a typed row.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { FakeDataValidationBuilder } from "../emulator/spreadsheet/spreadsheet";
import {
  addPlans,
  approvePlan,
  columnsOf,
  draftOf,
  FAY,
  MIA,
  newRequestId,
  OWNER,
  readyWorkbook,
  recordExpense,
  recordTypedRows,
  tabName,
  writeRows,
} from "./spend-support";
import { clickMenu } from "./support";

function remaining(emu: Emulator, campaign = "C-1"): unknown {
  return emu.customFunction("BUDGET_REMAINING", campaign);
}

/** Field and message of each issue of an answer. */
function issuesOf(res: { issues?: readonly { field: string; message: string }[] }) {
  return res.issues?.map(({ field, message }) => ({ field, message }));
}

function refund(emu: Emulator, of: string, amount: string, extra: Record<string, unknown> = {}) {
  const draft = {
    ...draftOf({ campaign: "C-1", amount, vendor: "Print shop", description: "Credit note" }),
    refundOf: of,
  };
  return emu.as(MIA).run<{
    ok: boolean;
    id?: string;
    status?: string;
    message: string;
    issues?: { field: string; message: string }[];
  }>("rpcRecordExpense", { draft: { ...draft, ...extra }, requestId: newRequestId("refund") });
}

/** The Expenses row of an ID, by column key. */
function expenseRow(emu: Emulator, id: string): Record<string, unknown> {
  const tab = tabName(emu, "expenses");
  const columns = columnsOf(emu, tab);
  const row = emu.values(tab).find((r) => r[(columns.get("id") ?? 1) - 1] === id) ?? [];
  return Object.fromEntries([...columns].map(([key, column]) => [key, row[column - 1]]));
}

/** C-1 with 1,000 approved and one recorded expense of 600 (EXP-00001): 400 left. */
function withExpense(): Emulator {
  const emu = readyWorkbook();
  const first = recordExpense(emu, MIA, { campaign: "C-1", amount: "600" });
  expect(first).toMatchObject({ ok: true, id: "EXP-00001", status: "recorded" });
  expect(remaining(emu)).toBe(400);
  return emu;
}

describe("a refund recorded from the sidebar", () => {
  it("takes spend back, is sealed in the log and written with its link", () => {
    const emu = withExpense();
    const res = refund(emu, "EXP-00001", "-200");
    expect(res).toMatchObject({ ok: true, id: "EXP-00002", status: "recorded" });
    expect(remaining(emu)).toBe(600);
    expect(expenseRow(emu, "EXP-00002")).toMatchObject({ amount: -200, refundOf: "EXP-00001", category: "Media" });
    const sealed = emu
      .values("Approval log")
      .slice(1)
      .find((r) => r.includes("EXP-00002") && r.includes("record"));
    const snapshot = JSON.parse(String(sealed?.find((c) => String(c).startsWith("{")) ?? "{}"));
    expect(snapshot).toMatchObject({ amount: -20000, originalAmount: -200, refundOf: "EXP-00001", outcome: "counted" });
    // A second refund may take back what is left, and no more.
    expect(refund(emu, "EXP-00001", "-400")).toMatchObject({ ok: true, status: "recorded" });
    expect(remaining(emu)).toBe(1000);
  });

  it("refuses a refund larger than what is left of the expense, naming what is left", () => {
    const emu = withExpense();
    expect(refund(emu, "EXP-00001", "-250").ok).toBe(true);
    const res = refund(emu, "EXP-00001", "-400");
    expect(res.ok).toBe(false);
    expect(issuesOf(res)).toEqual([
      {
        field: "amount",
        message: "EXP-00001 has only 350.00 USD left to refund, less than this refund of 400.00 USD",
      },
    ]);
    expect(remaining(emu)).toBe(650);
  });

  it("refuses a refund of an unknown expense, of a refund, or of another campaign's expense", () => {
    const emu = withExpense();
    addPlans(emu, [{ id: "C-2", budget: 500 }]);
    writeRows(emu, "budget", [{ campaign: "C-2", category: "Media", month: "2026-03", planned: 500 }]);
    approvePlan(emu, "C-2");
    const other = recordExpense(emu, MIA, { campaign: "C-2", amount: "100" });
    expect(other.id).toBe("EXP-00002");
    expect(issuesOf(refund(emu, "EXP-09999", "-10"))).toEqual([
      {
        field: "refundOf",
        message:
          "there is no recorded expense “EXP-09999” to refund; give the ID of a recorded expense of this campaign",
      },
    ]);
    expect(issuesOf(refund(emu, "EXP-00002", "-10"))).toEqual([
      {
        field: "campaign",
        message:
          "EXP-00002 was spent on campaign C-2, not C-1: a refund goes to the campaign of the expense it refunds",
      },
    ]);
    expect(refund(emu, "EXP-00001", "-10").ok).toBe(true);
    expect(refund(emu, "EXP-00003", "-5").issues?.[0]?.field).toBe("refundOf");
    expect(remaining(emu)).toBe(410);
    expect(remaining(emu, "C-2")).toBe(400);
  });

  it("says what a negative amount without a link, or a link without a negative amount, is missing", () => {
    const emu = withExpense();
    const negative = recordExpense(emu, MIA, { campaign: "C-1", amount: "-50" });
    expect(issuesOf(negative)).toEqual([
      {
        field: "amount",
        message:
          "found the text “-50”: a negative amount is a refund or credit note, so put the ID of the expense it refunds in Refund of",
      },
    ]);
    expect(issuesOf(refund(emu, "EXP-00001", "50"))).toEqual([
      {
        field: "refundOf",
        message:
          "found the text “EXP-00001”, but the amount is not negative: a refund names the expense it refunds and has an amount below 0, such as -120",
      },
    ]);
    expect(remaining(emu)).toBe(400);
  });

  it("takes the category and kind of the expense it refunds, and is never reimbursed", () => {
    const emu = readyWorkbook();
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "300", kind: "committed" }).id).toBe("EXP-00001");
    const res = refund(emu, "EXP-00001", "-100", { category: "Events", reimbursable: true });
    expect(res).toMatchObject({ ok: true, id: "EXP-00002" });
    expect(expenseRow(emu, "EXP-00002")).toMatchObject({ category: "Media", kind: "Committed" });
    const overview = emu.as(MIA).run<{
      campaigns: { id: string; position: { committed: number }; lines: { category: string }[] }[];
      mine: { id: string; canRequestReimbursement: boolean; refundOf: string }[];
    }>("rpcSpendOverview", {});
    const c1 = overview.campaigns.find((c) => c.id === "C-1");
    expect(c1?.position.committed).toBe(200);
    expect(c1?.lines.map((l) => l.category)).toEqual(["Media"]);
    expect(overview.mine.find((e) => e.id === "EXP-00002")).toMatchObject({
      canRequestReimbursement: false,
      refundOf: "EXP-00001",
    });
    const asked = emu.as(MIA).run<{ ok: boolean; kind?: string }>("rpcRequestReimbursement", {
      id: "EXP-00002",
      requestId: newRequestId(),
    });
    expect(asked).toMatchObject({ ok: false, kind: "not_reimbursable" });
    expect(emu.as(FAY).run<{ toPay: unknown[] }>("rpcSpendOverview", {}).toPay).toEqual([]);
  });
});

describe("a refund typed into the Expenses tab", () => {
  it("is taken by the Amount cell, which refuses text, also in a workbook set up before refunds", () => {
    const emu = readyWorkbook();
    const tab = tabName(emu, "expenses");
    const column = columnsOf(emu, tab).get("amount") ?? 0;
    const cell = `${tab}!${String.fromCharCode(64 + column)}2`;
    // A workbook set up before refunds: its Amount column takes 0 or more only, until Set up workbook runs again.
    const sheet = emu.spreadsheet.getSheetByName(tab);
    const older = new FakeDataValidationBuilder(emu.spreadsheet)
      .requireNumberGreaterThanOrEqualTo(0)
      .setAllowInvalid(false)
      .setHelpText("Enter an amount of 0 or more.")
      .build();
    sheet?.getRange(2, column, sheet.getMaxRows() - 1, 1).setDataValidation(older);
    // ...and the setup stamp that version left on the tab, which differs from this version's (its rule differs).
    const store = emu.runtime.properties.document(emu.runtime.documentId);
    const layout = JSON.parse(String(store.data.get("cc.tab.expenses"))) as Record<string, unknown>;
    store.data.set("cc.tab.expenses", JSON.stringify({ ...layout, setup: "stamp-before-refunds" }));
    emu.as(MIA).edit(cell, "-120");
    expect(emu.lastEdit?.ok).toBe(false);
    emu.as(OWNER);
    clickMenu(emu, "menuSetUpWorkbook");
    emu.as(MIA).edit(cell, "-120");
    expect(emu.lastEdit?.ok).toBe(true);
    emu.as(MIA).edit(cell, "a lot");
    expect(emu.lastEdit?.ok).toBe(false);
  });

  it("counts once recorded, and takes back no more than is left", () => {
    const emu = withExpense();
    writeRows(emu, "expenses", [
      {
        id: "EXP-00101",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        amount: -150,
        kind: "Actual",
        requestedBy: MIA,
        refundOf: "EXP-00001",
      },
    ]);
    expect(remaining(emu)).toBe(400);
    expect(recordTypedRows(emu)).toBe(1);
    expect(remaining(emu)).toBe(550);
  });

  it("is refused with the tab, row and column when it names another campaign's or an unknown expense, or too much", () => {
    const emu = withExpense();
    addPlans(emu, [{ id: "C-2", budget: 500 }]);
    writeRows(emu, "budget", [{ campaign: "C-2", category: "Media", month: "2026-03", planned: 500 }]);
    approvePlan(emu, "C-2");
    const tab = tabName(emu, "expenses");
    const columns = columnsOf(emu, tab);
    const letter = (key: string) => String.fromCharCode(64 + (columns.get(key) ?? 0));
    const row = writeRows(emu, "expenses", [
      {
        id: "EXP-00201",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        amount: -700,
        kind: "Actual",
        requestedBy: MIA,
        refundOf: "EXP-00001",
      },
      {
        id: "EXP-00202",
        date: "2026-03-12",
        campaign: "C-2",
        category: "Media",
        amount: -10,
        kind: "Actual",
        requestedBy: MIA,
        refundOf: "EXP-00001",
      },
      {
        id: "EXP-00203",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        amount: -10,
        kind: "Actual",
        requestedBy: MIA,
        refundOf: "EXP-7",
      },
    ]);
    const record = (id: string) =>
      emu
        .as(MIA)
        .run<{ ok: boolean; kind?: string; message: string }>("rpcSubmitOverrun", { id, requestId: newRequestId() });
    expect(record("EXP-00201")).toMatchObject({
      ok: false,
      message: `${tab}, row ${row}, column ${letter("amount")} (Amount): EXP-00001 has only 600.00 USD left to refund, less than this refund of 700.00 USD`,
    });
    expect(record("EXP-00202").message).toBe(
      `${tab}, row ${row + 1}, column ${letter("campaign")} (Campaign): EXP-00001 was spent on campaign C-1, not C-2: a refund goes to the campaign of the expense it refunds`,
    );
    expect(record("EXP-00203").message).toBe(
      `${tab}, row ${row + 2}, column ${letter("refundOf")} (Refund of): there is no recorded expense “EXP-7” to refund; give the ID of a recorded expense of this campaign`,
    );
    expect(remaining(emu)).toBe(400);
  });

  it("names a negative amount without its link as a problem of the row, at the Amount cell", () => {
    const emu = withExpense();
    const row = writeRows(emu, "expenses", [
      {
        id: "EXP-00301",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        amount: -30,
        kind: "Actual",
        requestedBy: MIA,
      },
    ]);
    const overview = emu
      .as(MIA)
      .run<{ problems: { row: number; label: string; message: string }[] }>("rpcSpendOverview", {});
    expect(overview.problems.find((p) => p.row === row)?.label).toBe("Amount");
    expect(remaining(emu)).toBe(400);
  });
});
