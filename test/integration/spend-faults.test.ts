// The money writes killed at every service call: sending an overrun request for a typed row (it is recorded with it),
// requesting a reimbursement, deciding an overrun and a reimbursement, marking paid. After each kill the same call
// again finishes the job: the log verifies, no event is there twice, no Expenses row is written twice or lost, and
// the figures are what one clean call gives.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { expectLogSound, killEverywhere, logRecords } from "./faults-support";
import {
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

function expenseRowCount(emu: Emulator): number {
  return emu
    .values(tabName(emu, "expenses"))
    .slice(1)
    .filter((r) => r.some((c) => c !== "")).length;
}

function sound(emu: Emulator, label: string, rows: number): void {
  expectLogSound(emu, MIA, label);
  expect(expenseRowCount(emu), `${label}: Expenses rows`).toBe(rows);
}

type Answer = { ok: boolean; message?: string; status?: string };

describe("money writes killed at every service call", () => {
  it("sends the overrun request of a typed row (recording it) once", () => {
    const emu = readyWorkbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "800" });
    writeRows(emu, "expenses", [
      {
        id: "E-7",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        amount: 700,
        kind: "Actual",
        requestedBy: MIA,
      },
    ]);
    const requestId = newRequestId("ovr");
    const run = killEverywhere(
      emu.save(),
      OWNER,
      (e) => e.as(MIA).run<Answer>("rpcSubmitOverrun", { id: "E-7", requestId }),
      (e, label) => {
        sound(e, label, 2);
        const log = logRecords(e);
        expect(
          log.filter((r) => r.Action === "record" && r["Entity ID"] === "E-7"),
          label,
        ).toHaveLength(1);
        expect(
          log.filter((r) => r.Action === "submit" && r["Request ID"] === requestId),
          label,
        ).toHaveLength(1);
        expect(expenseStatuses(e)["E-7"], label).toBe("Pending overrun approval");
        expect(remaining(e), label).toBe(200);
      },
    );
    expect(run.kills).toBeGreaterThan(5);
  }, 600_000);

  it("decides an overrun once, at what is still needed", () => {
    const emu = readyWorkbook();
    const over = recordExpense(emu, MIA, { campaign: "C-1", amount: "1200" });
    const requestId = over.requestId ?? "";
    const item = inboxItem(emu, LEO, requestId);
    expect(item).toBeDefined();
    killEverywhere(
      emu.save(),
      OWNER,
      (e) =>
        e.as(LEO).run<Answer>("rpcDecide", {
          campaignId: "C-1",
          requestId,
          seenVersion: item?.request.version,
          decision: "approve",
          comment: "",
        }),
      (e, label) => {
        sound(e, label, 1);
        expect(logRecords(e).filter((r) => r.Action === "approve" && r["Request ID"] === requestId)).toHaveLength(1);
        expect(expenseStatuses(e)[over.id ?? ""], label).toBe("Recorded");
        expect(remaining(e), label).toBe(0);
      },
    );
  }, 600_000);

  it("requests, decides and pays a reimbursement once each, at the sealed amount", () => {
    const emu = readyWorkbook();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "50", reimbursable: true });
    const id = rec.id ?? "";
    const ask = newRequestId("reimb");
    killEverywhere(
      emu.save(),
      OWNER,
      (e) => e.as(MIA).run<Answer>("rpcRequestReimbursement", { id, requestId: ask }),
      (e, label) => {
        sound(e, label, 1);
        expect(
          logRecords(e).filter((r) => r["Request ID"] === ask && r.Action === "submit"),
          label,
        ).toHaveLength(1);
        expect(expenseStatuses(e)[id], label).toBe("Reimbursement requested");
      },
    );

    expect(emu.as(MIA).run<Answer>("rpcRequestReimbursement", { id, requestId: ask }).ok).toBe(true);
    const item = inboxItem(emu, LEO, ask);
    const approve = (e: Emulator) =>
      e.as(LEO).run<Answer>("rpcDecide", {
        campaignId: "C-1",
        requestId: ask,
        seenVersion: item?.request.version,
        decision: "approve",
        comment: "",
      });
    killEverywhere(emu.save(), OWNER, approve, (e, label) => {
      sound(e, label, 1);
      expect(
        logRecords(e).filter((r) => r["Request ID"] === ask && r.Action === "approve"),
        label,
      ).toHaveLength(1);
      expect(expenseStatuses(e)[id], label).toBe("Reimbursement approved");
    });

    approve(emu);
    const payId = newRequestId("pay");
    killEverywhere(
      emu.save(),
      OWNER,
      (e) => e.as(FAY).run<Answer>("rpcMarkPaid", { id, requestId: payId }),
      (e, label) => {
        sound(e, label, 1);
        const pays = logRecords(e).filter((r) => r.Action === "pay");
        expect(pays, label).toHaveLength(1);
        expect(pays[0]?.Snapshot, label).toBe('{"amount":5000}');
        expect(expenseStatuses(e)[id], label).toBe("Paid");
        expect(remaining(e), label).toBe(950);
      },
    );
  }, 600_000);
});
