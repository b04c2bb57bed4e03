// A recorded expense whose ID cell was edited is flagged, never written twice; and the expenses of a workbook recorded
// before expenses were sealed are adopted into the log by an admin, named in it, so the books stay as they were.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { expectLogSound, killEverywhere } from "./faults-support";
import { columnsOf, MIA, newRequestId, OWNER, readyWorkbook, recordExpense, tabName, writeRows } from "./spend-support";
import { clickMenu } from "./support";

function remaining(emu: Emulator): unknown {
  return emu.customFunction("BUDGET_REMAINING", "C-1");
}

function cell(emu: Emulator, row: number, key: string) {
  const tab = tabName(emu, "expenses");
  const column = columnsOf(emu, tab).get(key) ?? 0;
  const range = emu.spreadsheet.getSheetByName(tab)?.getRange(row, column);
  if (!range) throw new Error(`no cell ${key} in row ${row}`);
  return range;
}

function expenseRows(emu: Emulator): unknown[][] {
  return emu.values(tabName(emu, "expenses")).slice(1);
}

function logRows(emu: Emulator): unknown[][] {
  return emu.values("Approval log");
}

describe("a recorded expense whose ID cell was edited", () => {
  for (const typed of ["X-9", ""]) {
    it(`is flagged at its ID cell and never written a second time (ID typed as "${typed}")`, () => {
      const emu = readyWorkbook();
      const first = recordExpense(emu, MIA, { campaign: "C-1", amount: "500", vendor: "Print shop" });
      expect(first).toMatchObject({ ok: true, id: "EXP-00001", row: 2 });
      cell(emu, 2, "id").setValue(typed);
      // The next write neither puts the row back a second time nor reuses the sealed ID.
      const next = recordExpense(emu, MIA, { campaign: "C-1", amount: "100", vendor: "Cafe" });
      expect(next).toMatchObject({ ok: true, id: "EXP-00002", status: "recorded" });
      expect(expenseRows(emu)).toHaveLength(2);
      expect(cell(emu, 2, "id").getNote()).toBe(
        "Recorded value: EXP-00001. This cell was changed after the expense was recorded; the recorded value counts, not this one.",
      );
      expect(cell(emu, 2, "id").getBackground()).toBe("#fce8e6");
      // The sealed 500 still counts, once; the row typed over is not a new expense of its own.
      expect(remaining(emu)).toBe(400);
      emu.as(OWNER);
      clickMenu(emu, "menuRefreshVariance");
      expect(expenseRows(emu)).toHaveLength(2);
      const report = emu.values("Variance report").map((r) => String(r[0]));
      expect(report.some((line) => line.startsWith("Changed after recording") && line.includes("EXP-00001 (ID"))).toBe(
        true,
      );
      expect(report.some((line) => line.startsWith("Typed into the Expenses tab"))).toBe(false);
      // Put back as it was: the flag goes.
      cell(emu, 2, "id").setValue("EXP-00001");
      clickMenu(emu, "menuRefreshVariance");
      expect(cell(emu, 2, "id").getNote()).toBe("");
      expect(remaining(emu)).toBe(400);
    });
  }

  it("is found by its content when rows were also moved", () => {
    const emu = readyWorkbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "500", vendor: "Print shop" });
    recordExpense(emu, MIA, { campaign: "C-1", amount: "200", vendor: "Cafe" });
    const tab = tabName(emu, "expenses");
    const sheet = emu.spreadsheet.getSheetByName(tab);
    const width = sheet?.getLastColumn() ?? 1;
    // Swap the two rows by hand and blank the first expense's ID.
    const values = sheet?.getRange(2, 1, 2, width).getValues() ?? [];
    sheet?.getRange(2, 1, 2, width).setValues([values[1] ?? [], values[0] ?? []]);
    cell(emu, 3, "id").setValue("");
    emu.as(OWNER);
    clickMenu(emu, "menuRefreshVariance");
    expect(expenseRows(emu)).toHaveLength(2);
    expect(cell(emu, 3, "id").getNote()).toMatch(/^Recorded value: EXP-00001\./);
    expect(remaining(emu)).toBe(300);
  });
});

describe("the Expenses sidebar", () => {
  it("lists a typed row as not recorded yet (to record, no overrun when it fits) and a typed-over cell as a problem", () => {
    const emu = readyWorkbook();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "500" });
    cell(emu, rec.row ?? 0, "amount").setValue(5000);
    writeRows(emu, "expenses", [
      {
        id: "E-9",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        amount: 100,
        kind: "Actual",
        requestedBy: MIA,
      },
    ]);
    const overview = emu.as(MIA).run<{
      needsRequest: { id: string; recorded: boolean; overrun: number; canSubmitOverrun: boolean }[];
      mine: { id: string; recorded: boolean }[];
      problems: { row: number; message: string }[];
    }>("rpcSpendOverview", {});
    expect(overview.needsRequest).toEqual([
      expect.objectContaining({ id: "E-9", recorded: false, overrun: 0, canSubmitOverrun: true }),
    ]);
    expect(overview.mine.find((e) => e.id === rec.id)?.recorded).toBe(true);
    expect(overview.problems.map((p) => [p.row, p.message])).toContainEqual([
      rec.row,
      expect.stringMatching(/row 2.*changed to .*5000.* after the expense was recorded; the recorded value 500 counts/),
    ]);
    // Recorded with one click: it fits, so no overrun request goes with it.
    const res = emu
      .as(MIA)
      .run<{ ok: boolean; status: string }>("rpcSubmitOverrun", { id: "E-9", requestId: newRequestId("rec") });
    expect(res).toMatchObject({ ok: true, status: "recorded" });
    expect(remaining(emu)).toBe(400);
  });
});

describe("expenses recorded before expenses were sealed", () => {
  function legacy(): Emulator {
    const emu = readyWorkbook();
    writeRows(emu, "expenses", [
      {
        id: "EXP-00001",
        date: "2026-03-02",
        campaign: "C-1",
        category: "Media",
        amount: 300,
        kind: "Actual",
        status: "Recorded",
      },
      {
        id: "EXP-00002",
        date: "2026-03-03",
        campaign: "C-1",
        category: "Media",
        amount: 200,
        kind: "Actual",
        status: "Paid",
      },
      {
        id: "EXP-00003",
        date: "2026-03-04",
        campaign: "C-1",
        category: "Media",
        amount: 900,
        kind: "Actual",
        status: "",
      },
    ]);
    return emu;
  }

  it("count for nothing until an admin adopts them; the adoption names the admin, and runs once", () => {
    const emu = legacy();
    expect(remaining(emu)).toBe(1000);
    const before = logRows(emu).length;
    // Not an admin: refused, nothing written.
    emu.as(MIA);
    clickMenu(emu, "menuAdoptExpenses");
    expect(emu.ui.toasts.at(-1)?.message).toMatch(/admin|owner/i);
    expect(logRows(emu)).toHaveLength(before);

    emu.as(OWNER);
    clickMenu(emu, "menuAdoptExpenses");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "2 expenses recorded before sealing were adopted into the approval log in your name (Expenses rows 2, 3).",
    );
    const header = logRows(emu)[0] ?? [];
    const adopted = logRows(emu).slice(before);
    expect(adopted).toHaveLength(2);
    for (const row of adopted) {
      expect(row[header.indexOf("Action")]).toBe("record");
      expect(row[header.indexOf("By")]).toBe(OWNER);
      expect(String(row[header.indexOf("Comment")])).toMatch(/^Adopted at set-up from Expenses row [23]/);
    }
    // The two recorded rows count as they did; the row with no status is still only typed.
    expect(remaining(emu)).toBe(500);
    // Again: nothing more to adopt; nothing written twice.
    clickMenu(emu, "menuAdoptExpenses");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "Every expense recorded before sealing is in the approval log already; nothing to adopt.",
    );
    expect(logRows(emu)).toHaveLength(before + 2);
    const verdict = emu.as(MIA).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {});
    expect(verdict.chain.ok).toBe(true);
    // The adopted expense's sealed amount counts, whatever its cell says later.
    cell(emu, 2, "amount").setValue(5000);
    expect(remaining(emu)).toBe(500);
  });

  it("are adopted once each whatever service call kills the adoption", () => {
    const emu = legacy();
    const before = logRows(emu).length;
    killEverywhere(
      emu.save(),
      OWNER,
      (e) => {
        e.as(OWNER);
        e.open();
        clickMenu(e, "menuAdoptExpenses");
        return { ok: true };
      },
      (e, label) => {
        expectLogSound(e, MIA, label);
        expect(logRows(e), label).toHaveLength(before + 2);
        expect(remaining(e), label).toBe(500);
      },
    );
  }, 600_000);
});
