// Overrun and reimbursement requests in the approvers' inbox: the expense (ID, date, vendor, description, category,
// amount in its currency and converted, the receipt link) and the campaign's budget now and once approved. And an
// expense typed straight into the Expenses tab that goes over budget: counted for nothing until recorded, listed at the top of the
// Variance report, and recorded (with its overrun request) with one click by the person it names (or the campaign's owner).
import { describe, expect, it } from "vitest";
import type { InboxItem, InboxResponse } from "../../src/server/approvals/api";
import type { ExpenseActionResponse, SpendOverview } from "../../src/server/spend/api";
import type { Emulator } from "../emulator/index";
import {
  addPlans,
  approvePlan,
  BO,
  decideAll,
  expenseStatuses,
  LEO,
  MIA,
  makeReady,
  newRequestId,
  OWNER,
  recordExpense,
  spendWorkbook,
  writeRows,
} from "./spend-support";
import { clickMenu } from "./support";

/** C-1: Mia's, 10,000 USD approved (one Media line), ready to run; EUR at 1.2 USD. */
function workbook(): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [{ id: "C-1", budget: 10000 }]);
  writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 10000 }]);
  writeRows(emu, "rates", [{ currency: "EUR", rate: 1.2, validFrom: "2026-01-01" }]);
  approvePlan(emu, "C-1");
  makeReady(emu, "C-1");
  return emu;
}

function inboxOf(emu: Emulator, who: string, requestId: string): InboxItem | undefined {
  return emu
    .as(who)
    .run<InboxResponse>("rpcInbox", {})
    .requests.find((r) => r.request.id === requestId);
}

const remaining = (emu: Emulator) => emu.customFunction("BUDGET_REMAINING", "C-1");

describe("the approvers' inbox", () => {
  it("shows an overrun with its expense, both amounts and the budget now and once approved", () => {
    const emu = workbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "9000", vendor: "Venue", description: "Hall" });
    const res = recordExpense(emu, MIA, {
      campaign: "C-1",
      amount: "1000",
      currency: "EUR",
      date: "2026-03-12",
      vendor: "Print shop",
      description: "<img src=x onerror=alert(1)>",
      receiptLink: "https://drive.example.com/receipts/118",
    });
    expect(res).toMatchObject({ status: "pending_overrun", assessment: { overrun: 200 } });
    const item = inboxOf(emu, LEO, res.requestId ?? "");
    expect(item?.request).toMatchObject({ type: "budget_overrun", amount: 200, currency: "USD" });
    expect(item?.plan).toBeNull();
    expect(item?.expense).toEqual({
      id: "EXP-00002",
      row: 3,
      date: "2026-03-12",
      vendor: "Print shop",
      description: "<img src=x onerror=alert(1)>",
      category: "Media",
      kind: "actual",
      kindLabel: "Actual",
      amount: 1000,
      currency: "EUR",
      converted: 1200,
      workbookCurrency: "USD",
      overrun: 200,
      receiptLink: "https://drive.example.com/receipts/118",
      requestedBy: MIA,
      before: {
        planned: 10000,
        approved: 10000,
        committed: 0,
        actual: 9000,
        pending: 1200,
        remaining: 1000,
        usedPct: 0.9,
        status: "WARNING",
      },
      after: {
        planned: 10000,
        approved: 10200,
        committed: 0,
        actual: 10200,
        pending: 0,
        remaining: 0,
        usedPct: 1,
        status: "ON_BUDGET",
      },
      beforeStatus: "Near the limit",
      afterStatus: "On budget",
    });
    // What the inbox said is what approval does.
    decideAll(emu, "C-1", res.requestId ?? "", "approve");
    expect(remaining(emu)).toBe(0);
  });

  it("shows a reimbursement with its receipt link and who is owed, the budget unchanged by it", () => {
    const emu = workbook();
    const rec = recordExpense(emu, MIA, {
      campaign: "C-1",
      amount: "300",
      reimbursable: true,
      vendor: "Taxi",
      receiptLink: "https://drive.example.com/receipts/taxi",
    });
    const requestId = newRequestId("reimb");
    emu.as(MIA).run("rpcRequestReimbursement", { id: rec.id, requestId });
    const expense = inboxOf(emu, LEO, requestId)?.expense;
    expect(expense).toMatchObject({
      id: rec.id,
      vendor: "Taxi",
      amount: 300,
      currency: "USD",
      converted: 300,
      overrun: null,
      receiptLink: "https://drive.example.com/receipts/taxi",
      requestedBy: MIA,
      beforeStatus: "Under budget",
      afterStatus: "Under budget",
    });
    expect(expense?.after).toEqual(expense?.before);
    expect(expense?.before).toMatchObject({ approved: 10000, actual: 300, remaining: 9700 });
  });

  it("reads the spend tabs only when such a request waits", () => {
    const emu = workbook();
    emu.counter.reset();
    emu.as(LEO).run<InboxResponse>("rpcInbox", {});
    // Settings, Campaigns, the state tab (the kept fold), the log's header and its rows after the kept fold,
    // Escalations, Notifications and Budget (for diffs of approved lines).
    expect(emu.counter.get("Range.getValues")).toBe(8);
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "10001" });
    expect(res.status).toBe("pending_overrun");
    emu.counter.reset();
    emu.as(LEO).run<InboxResponse>("rpcInbox", {});
    // And once more the Budget, Expenses and Rates tabs for the expense and the position (the sealed expenses come
    // with the kept fold: no second read of the log).
    expect(emu.counter.get("Range.getValues")).toBe(11);
  });
});

describe("an expense typed into the Expenses tab that goes over budget", () => {
  function typed(requestedBy: string): Emulator {
    const emu = workbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "9800" });
    writeRows(emu, "expenses", [
      {
        id: "E-7",
        date: "2026-03-12",
        campaign: "C-1",
        category: "Media",
        vendor: "Late invoice",
        amount: 700,
        kind: "Actual",
        requestedBy,
      },
    ]);
    return emu;
  }

  function overview(emu: Emulator, who: string): SpendOverview {
    return emu.as(who).run<SpendOverview>("rpcSpendOverview", {});
  }

  function send(emu: Emulator, who: string, requestId = newRequestId("ovr")): ExpenseActionResponse {
    return emu.as(who).run<ExpenseActionResponse>("rpcSubmitOverrun", { id: "E-7", requestId });
  }

  it("counts for nothing until recorded; its requester sees it to record, and the report says so at the top", () => {
    const emu = typed(MIA);
    expect(remaining(emu)).toBe(200);
    const mine = overview(emu, MIA).needsRequest;
    expect(mine).toEqual([
      expect.objectContaining({ id: "E-7", row: 3, status: "pending_overrun", canSubmitOverrun: true, overrun: 500 }),
    ]);
    expect(overview(emu, BO).needsRequest).toEqual([]);
    emu.as(OWNER);
    clickMenu(emu, "menuRefreshVariance");
    // A typed row is not recorded: the report names it as such, and its Status cell says nothing the log does not.
    expect(emu.values("Variance report")[3]?.[0]).toBe(
      "Typed into the Expenses tab and not recorded yet (rows 3): they count for nothing until recorded from the Expenses sidebar. Their Status on the Expenses tab is empty.",
    );
    expect(expenseStatuses(emu)["E-7"]).toBe("");
    expect(remaining(emu)).toBe(200);
  });

  it("is sent with one click by its requester only, once, and counts when the overrun is approved", () => {
    const emu = typed(MIA);
    const log = () => emu.values("Approval log").length;
    const before = log();
    expect(send(emu, BO)).toMatchObject({
      ok: false,
      kind: "not_requester",
      message: "Only mia@example.com can send the overrun request for this expense.",
    });
    expect(log()).toBe(before);
    const mailed = emu.outbox.length;
    const requestId = newRequestId("ovr");
    emu.counter.reset();
    const sent = send(emu, MIA, requestId);
    // Under the lock: Settings, Campaigns, the state tab, the log's header and its rows after the kept fold (which
    // holds the sealed expenses too), Budget, Expenses and Rates; once the record and its request are sealed, Budget,
    // Expenses and Rates again to project the statuses and flags from the log; Notifications for the mail. Written:
    // the log rows, the Status cell, the state tab, the Notifications row.
    expect(emu.counter.get("Range.getValues")).toBe(12);
    expect(emu.counter.get("Range.setValues")).toBe(4);
    expect(sent).toMatchObject({
      ok: true,
      status: "pending_overrun",
      requestId,
      message: "The overrun request for E-7 is sent: it goes over the budget by 500.00 USD and counts once approved.",
    });
    // The record of the typed row and its overrun request.
    expect(log()).toBe(before + 2);
    expect(emu.outbox.slice(mailed).map((m) => [m.to, m.subject])).toEqual([
      [LEO, "Approval needed: Campaign C-1 (Budget overrun)"],
    ]);
    // The same click again (a retry) is answered as done; a new one finds nothing left to send.
    expect(send(emu, MIA, requestId)).toMatchObject({ ok: true, requestId });
    expect(send(emu, MIA)).toMatchObject({ ok: false, kind: "no_overrun" });
    expect(log()).toBe(before + 2);
    expect(overview(emu, MIA).needsRequest).toEqual([]);

    const item = inboxOf(emu, LEO, requestId);
    expect(item?.expense).toMatchObject({ id: "E-7", vendor: "Late invoice", amount: 700, overrun: 500 });
    expect(remaining(emu)).toBe(200);
    decideAll(emu, "C-1", requestId, "approve");
    expect(expenseStatuses(emu)["E-7"]).toBe("Recorded");
    expect(remaining(emu)).toBe(0);
  });

  it("is the campaign owner's to send when the row names nobody", () => {
    const emu = typed("");
    expect(overview(emu, MIA).needsRequest.map((e) => e.id)).toEqual(["E-7"]);
    expect(send(emu, BO)).toMatchObject({ ok: false, kind: "not_requester" });
    expect(send(emu, MIA)).toMatchObject({ ok: true, status: "pending_overrun" });
  });

  it("is rejected for good when the overrun is rejected", () => {
    const emu = typed(MIA);
    const requestId = newRequestId("ovr");
    send(emu, MIA, requestId);
    decideAll(emu, "C-1", requestId, "reject");
    expect(expenseStatuses(emu)["E-7"]).toBe("Rejected");
    expect(remaining(emu)).toBe(200);
    expect(overview(emu, MIA).needsRequest).toEqual([]);
  });
});
