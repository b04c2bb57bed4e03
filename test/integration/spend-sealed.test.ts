// Money from the sealed log, not from cells: the hostile edits of issue 12 (a status, an amount or a whole row typed
// into the Expenses tab, an edited or forged log), a stale overrun approval, and executions killed at every service
// call of a money write. Each case failed before expenses were sealed.
import { describe, expect, it } from "vitest";
import { Emulator } from "../emulator/index";
import { killedAt } from "./faults-support";
import {
  columnsOf,
  decideAll,
  expenseStatuses,
  FAY,
  inboxItem,
  LEO,
  MIA,
  newRequestId,
  OWNER,
  readyWorkbook,
  recordExpense,
  tabName,
  writeRows,
} from "./spend-support";

function remaining(emu: Emulator): unknown {
  return emu.customFunction("BUDGET_REMAINING", "C-1");
}

/** Types a value into an Expenses cell by column key, as an editor would (no add-on involved). */
function typeInto(emu: Emulator, row: number, key: string, value: unknown): void {
  const tab = tabName(emu, "expenses");
  const column = columnsOf(emu, tab).get(key);
  if (column === undefined) throw new Error(`no column ${key}`);
  emu.spreadsheet.getSheetByName(tab)?.getRange(row, column).setValue(value);
}

function logRows(emu: Emulator): unknown[][] {
  return emu.values("Approval log");
}

function overview(emu: Emulator, as: string) {
  return emu.as(as).run<{
    toPay: { id: string }[];
    needsRequest: { id: string }[];
    mine: { id: string; status: string; amount: number }[];
  }>("rpcSpendOverview", {});
}

describe("a status typed into a cell is not believed", () => {
  it("never pays a row typed in as approved for reimbursement", () => {
    const emu = readyWorkbook();
    writeRows(emu, "expenses", [
      {
        id: "EXP-90001",
        date: "2026-03-10",
        campaign: "C-1",
        category: "Media",
        amount: 5000,
        kind: "Actual",
        reimbursable: "Yes",
        requestedBy: MIA,
        receiptLink: "https://drive.example.com/r",
        status: "Reimbursement approved",
      },
    ]);
    expect(overview(emu, FAY).toPay).toEqual([]);
    const paid = emu.as(FAY).run<{ ok: boolean; kind?: string }>("rpcMarkPaid", {
      id: "EXP-90001",
      requestId: newRequestId(),
    });
    expect(paid).toMatchObject({ ok: false, kind: "not_recorded" });
    // It counts for nothing.
    expect(remaining(emu)).toBe(1000);
  });

  it("counts a row typed in as Recorded or Paid for nothing", () => {
    const emu = readyWorkbook();
    writeRows(emu, "expenses", [
      {
        id: "EXP-90002",
        date: "2026-03-10",
        campaign: "C-1",
        category: "Media",
        amount: 5000,
        kind: "Actual",
        status: "Paid",
      },
      {
        id: "EXP-90003",
        date: "2026-03-11",
        campaign: "C-1",
        category: "Media",
        amount: 5000,
        kind: "Actual",
        status: "Recorded",
      },
    ]);
    expect(remaining(emu)).toBe(1000);
  });

  it("counts a recorded 500 edited to 5,000 at 500, and flags the cell with the recorded value", () => {
    const emu = readyWorkbook();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "500" });
    expect(rec).toMatchObject({ ok: true, status: "recorded" });
    typeInto(emu, rec.row ?? 0, "amount", 5000);
    expect(remaining(emu)).toBe(500);
    // A later write flags the edited cell and still counts the sealed 500: 400 more fits, 600 would not.
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "400" })).toMatchObject({ ok: true, status: "recorded" });
    const tab = tabName(emu, "expenses");
    const column = columnsOf(emu, tab).get("amount") ?? 0;
    const cell = emu.spreadsheet.getSheetByName(tab)?.getRange(rec.row ?? 0, column);
    expect(cell?.getNote()).toMatch(/^Recorded value: 500\./);
    expect(cell?.getBackground()).toBe("#fce8e6");
    expect(remaining(emu)).toBe(100);
  });

  it("pays a reimbursement approved at 50 and edited to 900 at 50", () => {
    const emu = readyWorkbook();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "50", reimbursable: true });
    const requestId = newRequestId();
    expect(emu.as(MIA).run<{ ok: boolean }>("rpcRequestReimbursement", { id: rec.id, requestId }).ok).toBe(true);
    decideAll(emu, "C-1", requestId, "approve");
    typeInto(emu, rec.row ?? 0, "amount", 900);
    const paid = emu
      .as(FAY)
      .run<{ ok: boolean; status: string }>("rpcMarkPaid", { id: rec.id, requestId: newRequestId() });
    expect(paid).toMatchObject({ ok: true, status: "paid" });
    const pay = logRows(emu).find((r) => r.includes("pay"));
    expect(pay?.some((c) => String(c) === '{"amount":5000}')).toBe(true);
    expect(remaining(emu)).toBe(950);
  });
});

describe("a broken log feeds no money", () => {
  it("ignores an approved budget edited in the log, and once verified refuses every money write", () => {
    const emu = readyWorkbook();
    const log = emu.spreadsheet.getSheetByName("Approval log");
    const values = log?.getDataRange().getValues() ?? [];
    const header = values[0] ?? [];
    const snapshot = header.indexOf("Snapshot");
    const approveRow = values.findIndex(
      (r, i) => i > 0 && r.includes("approve") && /"planned":\d+/.test(String(r[snapshot])),
    );
    expect(approveRow).toBeGreaterThan(0);
    const edited = String(values[approveRow]?.[snapshot]).replace(/"planned":(\d+)/, '"planned":10000000');
    log?.getRange(approveRow + 1, snapshot + 1).setValue(edited);
    // The edited row is inside the kept fold: until the full verification runs, the figures come from the sealed
    // fold, so the typed budget is not believed (the detection window the README describes).
    expect(remaining(emu)).toBe(1000);
    // The full verification (menu or schedule) finds the break and records it: from then on only the rows before it
    // count (the plan's approval is at or after it, so nothing is approved), and every money write is refused.
    expect(emu.as(LEO).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {}).chain.ok).toBe(false);
    expect(remaining(emu)).toBe(0);
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "5000" });
    expect(res).toMatchObject({ ok: false, kind: "chain_broken" });
    expect(expenseStatuses(emu)).toEqual({});
  });
});

describe("a stale overrun approval", () => {
  it("is refused with the figures of now when other spending came first", () => {
    const emu = readyWorkbook();
    const over = recordExpense(emu, MIA, { campaign: "C-1", amount: "1200" });
    expect(over).toMatchObject({ ok: true, status: "pending_overrun", assessment: { overrun: 200 } });
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "1000" })).toMatchObject({
      ok: true,
      status: "recorded",
    });
    const item = inboxItem(emu, LEO, over.requestId ?? "");
    const res = emu.as(LEO).run<{ ok: boolean; kind?: string; message: string }>("rpcDecide", {
      campaignId: "C-1",
      requestId: over.requestId,
      seenVersion: item?.request.version,
      decision: "approve",
      comment: "",
    });
    expect(res).toMatchObject({ ok: false, kind: "stale" });
    expect(res.message).toContain("It asked for 200 USD more for expense EXP-00001 (1200 USD)");
    expect(res.message).toContain("1000 USD used of 1000 USD approved, so the expense needs 1200 USD more");
    // Nothing was approved: counted spend stays within the approved budget.
    expect(remaining(emu)).toBe(0);
  });
});

describe("an overrun approval that asks for more than is needed now", () => {
  it("is refused as stale with today's figures, and the expense counts once sent back, as it fits now", () => {
    const emu = readyWorkbook();
    const first = recordExpense(emu, MIA, { campaign: "C-1", amount: "600", reimbursable: true });
    const over = recordExpense(emu, MIA, { campaign: "C-1", amount: "700" });
    expect(over).toMatchObject({ ok: true, status: "pending_overrun", assessment: { overrun: 300 } });
    // The 600 is not spend any more: its reimbursement is rejected.
    const ask = newRequestId();
    expect(emu.as(MIA).run<{ ok: boolean }>("rpcRequestReimbursement", { id: first.id, requestId: ask }).ok).toBe(true);
    decideAll(emu, "C-1", ask, "reject");
    expect(remaining(emu)).toBe(1000);
    const item = inboxItem(emu, LEO, over.requestId ?? "");
    const decide = (decision: string) =>
      emu.as(LEO).run<{ ok: boolean; kind?: string; message: string }>("rpcDecide", {
        campaignId: "C-1",
        requestId: over.requestId,
        seenVersion: item?.request.version,
        decision,
        comment: decision === "approve" ? "" : "Send it again with today's figure",
      });
    const res = decide("approve");
    expect(res).toMatchObject({ ok: false, kind: "stale" });
    expect(res.message).toContain("It asked for 300 USD more for expense EXP-00002 (700 USD)");
    expect(res.message).toContain("0 USD used of 1000 USD approved, so the expense needs only 0 USD more");
    // Approving 300 would have raised the budget to 1,300 for an expense that fits: nothing was approved.
    expect(remaining(emu)).toBe(1000);
    const back = decide("request_changes");
    expect(back.ok, back.message).toBe(true);
    expect(remaining(emu)).toBe(300);
  });
});

describe("executions killed at every service call", () => {
  for (const amount of ["300", "1300"]) {
    it(`records ${amount} once whatever call kills it, the log verifying and the row put back`, () => {
      let completed = false;
      const start = readyWorkbook().save();
      for (let k = 1; !completed && k < 400; k++) {
        const emu = Emulator.restore(start, { owner: OWNER });
        const requestId = newRequestId("kill");
        completed = killedAt(emu, k, () => recordExpense(emu, MIA, { campaign: "C-1", amount }, requestId));
        // The retry with the same request id finishes the job and writes nothing twice.
        const retry = recordExpense(emu, MIA, { campaign: "C-1", amount }, requestId);
        expect(retry.ok, `k=${k}: ${retry.message}`).toBe(true);
        const again = recordExpense(emu, MIA, { campaign: "C-1", amount }, requestId);
        expect(again).toMatchObject({ ok: true, id: retry.id });
        expect(Object.keys(expenseStatuses(emu)), `k=${k}`).toEqual(["EXP-00001"]);
        const records = logRows(emu).filter((r) => r.includes("record"));
        expect(records, `k=${k}`).toHaveLength(1);
        const verdict = emu.as(MIA).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {});
        expect(verdict.chain.ok, `k=${k}`).toBe(true);
        expect(remaining(emu), `k=${k}`).toBe(amount === "300" ? 700 : 1000);
        if (amount === "1300") expect(expenseStatuses(emu)["EXP-00001"]).toBe("Pending overrun approval");
      }
      expect(completed).toBe(true);
    }, 600_000);
  }
});
