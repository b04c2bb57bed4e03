// Recording expenses through the Expenses sidebar's server functions, as the people of the process would: the
// overrun rule at 99.99 %, 100 % and 100.01 %, the overrun request in the approvers' inbox routed by the overrun,
// approval raising the budget and rejection leaving the expense rejected, per-field messages, free text written
// inert, currencies converted at the expense date, reimbursement to payment, and the document lock.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import {
  addPlans,
  approvePlan,
  BO,
  columnsOf,
  DANA,
  decideAll,
  draftOf,
  expenseStatuses,
  FAY,
  inboxItem,
  LEO,
  MIA,
  makeReady,
  newRequestId,
  recordExpense,
  spendWorkbook,
  tabName,
  writeRows,
} from "./spend-support";

/**
 * C-1 approved with a budget line of 10,000 (Media, March) and any more lines given (its budget is their sum); C-D is a
 * draft with a line of 5,000.
 */
function workbook(more: readonly { category: string; month: string; planned: number }[] = []): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [
    { id: "C-1", budget: 10000 + more.reduce((sum, l) => sum + l.planned, 0) },
    { id: "C-D", budget: 5000 },
  ]);
  writeRows(emu, "budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 10000 },
    ...more.map((l) => ({ campaign: "C-1", ...l })),
    { campaign: "C-D", category: "Media", month: "2026-03", planned: 5000 },
  ]);
  approvePlan(emu, "C-1");
  return emu;
}

function remaining(emu: Emulator, campaign: string, category?: string): unknown {
  return category === undefined
    ? emu.customFunction("BUDGET_REMAINING", campaign)
    : emu.customFunction("BUDGET_REMAINING", campaign, category);
}

interface Assessed {
  ok: boolean;
  message?: string;
  issues?: { field: string; message: string }[];
  assessment?: {
    outcome: string;
    overrun: number;
    limit: string | null;
    converted: number;
    before: { remaining: number; status: string };
    after: { remaining: number; usedPct: number | null; status: string };
    lineAfter: { remaining: number; status: string };
  };
}

function assess(emu: Emulator, as: string, draft: Parameters<typeof draftOf>[0]): Assessed {
  return emu.as(as).run<Assessed>("rpcAssessExpense", { draft: draftOf(draft), requestId: newRequestId() });
}

describe("the overrun rule through the server", () => {
  it("records 99.99 % of the budget as spend, with a warning", () => {
    const emu = workbook();
    const mailed = emu.outbox.length;
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "9999" });
    expect(res).toMatchObject({ ok: true, id: "EXP-00001", status: "recorded", requestId: null });
    expect(res.assessment).toMatchObject({ outcome: "warning", overrun: 0 });
    expect(expenseStatuses(emu)).toEqual({ "EXP-00001": "Recorded" });
    expect(remaining(emu, "C-1")).toBe(1);
    expect(emu.outbox.slice(mailed)).toEqual([]);
  });

  it("records exactly 100 % as on budget, not over: no approval needed", () => {
    const emu = workbook();
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "10000" });
    expect(res).toMatchObject({ ok: true, status: "recorded", requestId: null });
    expect(res.assessment).toMatchObject({ outcome: "warning", overrun: 0 });
    expect(assess(emu, MIA, { campaign: "C-1", amount: "0" }).assessment?.before.status).toBe("ON_BUDGET");
    expect(remaining(emu, "C-1")).toBe(0);
    expect(inboxItem(emu, LEO, "none")).toBeUndefined();
  });

  it("holds 100.01 % as pending: it does not count and reaches level 1's inbox, routed by the overrun", () => {
    const emu = workbook();
    const mailed = emu.outbox.length;
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "10001" });
    expect(res).toMatchObject({ ok: true, status: "pending_overrun" });
    expect(res.assessment).toMatchObject({ outcome: "needs_overrun_approval", overrun: 1 });
    expect(res.message).toBe(
      "Expense EXP-00001 is recorded as pending: it goes over the budget by 1.00 USD and waits for approval.",
    );
    expect(expenseStatuses(emu)).toEqual({ "EXP-00001": "Pending overrun approval" });
    // Pending spend is not approved spend.
    expect(remaining(emu, "C-1")).toBe(10000);
    const item = inboxItem(emu, LEO, res.requestId ?? "");
    expect(item?.request).toMatchObject({ type: "budget_overrun", level: 1, levels: 1, amount: 1 });
    expect(inboxItem(emu, DANA, res.requestId ?? "")).toBeUndefined();
    expect(emu.outbox.slice(mailed).map((m) => [m.to, m.subject])).toEqual([
      [LEO, "Approval needed: Campaign C-1 (Budget overrun)"],
    ]);
  });

  it("routes an overrun above level 1's limit to both levels", () => {
    const emu = workbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "9500" });
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "2000" });
    // Only the part above the budget is routed: 1,500, above level 1's 1,000.
    expect(res.assessment).toMatchObject({ outcome: "needs_overrun_approval", overrun: 1500 });
    expect(inboxItem(emu, LEO, res.requestId ?? "")?.request.levels).toBe(2);
  });

  it("counts the expense once the overrun is approved, the budget raised by exactly the overrun", () => {
    const emu = workbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "9000" });
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "1500.50" });
    expect(res.assessment?.overrun).toBe(500.5);
    decideAll(emu, "C-1", res.requestId ?? "", "approve");
    expect(expenseStatuses(emu)).toEqual({ "EXP-00001": "Recorded", "EXP-00002": "Recorded" });
    // Approved 10,000 + 500.50; spent 10,500.50.
    expect(remaining(emu, "C-1")).toBe(0);
    const next = assess(emu, MIA, { campaign: "C-1", amount: "0.01" });
    expect(next.assessment).toMatchObject({ outcome: "needs_overrun_approval", overrun: 0.01 });
  });

  it("leaves a rejected overrun rejected: it never counts", () => {
    const emu = workbook();
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "10000.01" });
    decideAll(emu, "C-1", res.requestId ?? "", "reject");
    expect(expenseStatuses(emu)).toEqual({ "EXP-00001": "Rejected" });
    expect(remaining(emu, "C-1")).toBe(10000);
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "10000" }).status).toBe("recorded");
  });

  it("shows what is left before submitting, and writes nothing", () => {
    const emu = workbook();
    recordExpense(emu, MIA, { campaign: "C-1", amount: "1000", kind: "committed" });
    emu.counter.reset();
    const at = (amount: string) => assess(emu, MIA, { campaign: "C-1", amount }).assessment;
    expect(at("7999.99")).toMatchObject({ outcome: "ok", after: { remaining: 1000.01, status: "UNDER" } });
    expect(at("8000")).toMatchObject({ outcome: "warning", after: { usedPct: 0.9, status: "WARNING" } });
    expect(at("9000")).toMatchObject({ outcome: "warning", after: { remaining: 0, status: "ON_BUDGET" } });
    expect(at("9000.01")).toMatchObject({
      outcome: "needs_overrun_approval",
      overrun: 0.01,
      after: { status: "OVER" },
    });
    const writes = Object.keys(emu.counter.snapshot()).filter((k) => /\.(set|insert|append|delete)/.test(k));
    expect(writes).toEqual([]);
    expect(emu.counter.get("Lock.tryLock") ?? 0).toBe(0);
  });

  it("holds each campaign × category to its lines when Settings say so", () => {
    const emu = workbook([{ category: "Events", month: "2026-04", planned: 2000 }]);
    const settings = tabName(emu, "settings");
    const rows = emu.values(settings);
    const row = rows.findIndex((r) => r[0] === "enforce_line_budgets") + 1;
    emu.edit(`${settings}!B${row}`, "TRUE");
    // The campaign has 12,000 approved, Events only 2,000: 2,500 on Events goes over its line by 500.
    const res = recordExpense(emu, MIA, { campaign: "C-1", category: "Events", amount: "2500" });
    expect(res).toMatchObject({ status: "pending_overrun", assessment: { overrun: 500 } });
    expect(remaining(emu, "C-1", "Events")).toBe(2000);
    expect(recordExpense(emu, MIA, { campaign: "C-1", category: "Media", amount: "2500" }).status).toBe("recorded");
  });
});

describe("what the server checks before writing anything", () => {
  it("answers each bad field with its own message and writes nothing", () => {
    const emu = workbook();
    const before = emu.values(tabName(emu, "expenses"));
    const res = recordExpense(emu, MIA, {
      campaign: "C-1",
      date: "31/03/2026",
      amount: "1,200",
      currency: "US",
      receiptLink: "drive/receipt",
    });
    expect(res.ok).toBe(false);
    expect(res.issues?.map((i) => [i.field, i.message])).toEqual([
      ["date", "expected a date like 2026-03-31, found the text “31/03/2026”"],
      ["amount", "expected an amount of 0 or more, found the text “1,200”"],
      ["currency", "expected a three-letter currency code such as CNY or USD, found the text “US”"],
      ["receiptLink", "expected a link starting with https://, found the text “drive/receipt”"],
    ]);
    expect(emu.values(tabName(emu, "expenses"))).toEqual(before);
  });

  it("refuses an unknown campaign, and one whose plan is not approved", () => {
    const emu = workbook();
    expect(recordExpense(emu, MIA, { campaign: "C-9", amount: "10" }).issues).toEqual([
      expect.objectContaining({ field: "campaign", message: "there is no campaign with the ID “C-9”" }),
    ]);
    const draft = recordExpense(emu, MIA, { campaign: "C-D", amount: "10" });
    expect(draft).toMatchObject({ ok: false, kind: "not_approved" });
    expect(draft.message).toBe("The plan of campaign C-D is not approved, so it has no budget to spend yet.");
  });

  it("asks for a receipt link on an actual expense above the limit in Settings", () => {
    const emu = workbook();
    const settings = tabName(emu, "settings");
    const row = emu.values(settings).findIndex((r) => r[0] === "receipt_required_above") + 1;
    emu.edit(`${settings}!B${row}`, "500");
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "500.01", receiptLink: "" });
    expect(res.issues).toEqual([
      expect.objectContaining({
        field: "receiptLink",
        message: "A receipt link is required for an actual expense above 500 USD.",
      }),
    ]);
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "500", receiptLink: "" }).ok).toBe(true);
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "900", kind: "committed", receiptLink: "" }).ok).toBe(
      true,
    );
  });

  it("writes free text inert: a vendor that looks like a formula stays text", () => {
    const emu = workbook();
    const res = recordExpense(emu, MIA, {
      campaign: "C-1",
      amount: "12",
      vendor: '=HYPERLINK("https://evil.example.com","Print")',
      description: "+49 call to the venue",
    });
    expect(res.ok).toBe(true);
    const tab = tabName(emu, "expenses");
    const columns = columnsOf(emu, tab);
    const vendor = emu.cell(`${tab}!${String.fromCharCode(64 + (columns.get("vendor") ?? 0))}2`);
    expect(vendor.formula).toBe("");
    expect(vendor.value).toBe('=HYPERLINK("https://evil.example.com","Print")');
    const description = emu.cell(`${tab}!${String.fromCharCode(64 + (columns.get("description") ?? 0))}2`);
    expect(description.value).toBe("+49 call to the venue");
  });

  it("records a request sent twice once, and flags a likely duplicate", () => {
    const emu = workbook();
    const requestId = newRequestId();
    const first = recordExpense(emu, MIA, { campaign: "C-1", amount: "120", vendor: "Taxi" }, requestId);
    const again = recordExpense(emu, MIA, { campaign: "C-1", amount: "120", vendor: "Taxi" }, requestId);
    expect(again).toMatchObject({ ok: true, id: first.id, duplicate: true });
    expect(Object.keys(expenseStatuses(emu))).toEqual(["EXP-00001"]);
    const other = recordExpense(emu, MIA, { campaign: "C-1", amount: "120", vendor: " taxi " });
    expect(other).toMatchObject({ ok: true, id: "EXP-00002" });
    expect((other as { assessment?: { duplicateOf?: string[] } }).assessment?.duplicateOf).toEqual(["EXP-00001"]);
  });
});

describe("currencies", () => {
  it("converts at the rate valid on the expense date, and names a missing rate", () => {
    const emu = workbook();
    writeRows(emu, "rates", [
      { currency: "EUR", rate: 1.1, validFrom: "2026-01-01" },
      { currency: "EUR", rate: 1.2, validFrom: "2026-03-01" },
      { currency: "CNY", rate: 0.1385, validFrom: "2026-01-01" },
    ]);
    const on = (date: string, amount: string, currency: string) =>
      assess(emu, MIA, { campaign: "C-1", amount, currency, date }).assessment?.converted;
    expect(on("2026-02-28", "1000", "EUR")).toBe(1100);
    expect(on("2026-03-01", "1000", "EUR")).toBe(1200);
    // Exact, rounded once half away from zero: 333.33 × 0.1385 = 46.166205 -> 46.17.
    expect(on("2026-03-05", "333.33", "CNY")).toBe(46.17);
    const early = assess(emu, MIA, { campaign: "C-1", amount: "10", currency: "EUR", date: "2025-12-31" });
    expect(early.issues).toEqual([
      expect.objectContaining({
        field: "currency",
        message: "no rate for EUR is valid on 2025-12-31; add one to the Rates tab",
      }),
    ]);
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "8000", currency: "EUR", date: "2026-03-20" });
    // 8,000 EUR at 1.2 is 9,600 USD of the 10,000.
    expect(res).toMatchObject({ status: "recorded", assessment: { converted: 9600 } });
    expect(remaining(emu, "C-1")).toBe(400);
  });
});

describe("reimbursement: requested, approved, paid", () => {
  function running(): Emulator {
    const emu = workbook();
    makeReady(emu, "C-1");
    return emu;
  }

  it("goes from the marketer's request through the approver's inbox to finance", () => {
    const emu = running();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "300", reimbursable: true });
    expect(rec.status).toBe("recorded");
    const id = rec.id ?? "";
    expect(
      emu.as(BO).run<{ ok: boolean; message: string }>("rpcRequestReimbursement", { id, requestId: newRequestId() }),
    ).toMatchObject({
      ok: false,
      message: "Only mia@example.com, who is named in Requested by, can ask for this reimbursement.",
    });
    const requestId = newRequestId();
    const asked = emu.as(MIA).run<{ ok: boolean; status: string }>("rpcRequestReimbursement", { id, requestId });
    expect(asked).toMatchObject({ ok: true, status: "reimbursement_requested" });
    expect(expenseStatuses(emu)[id]).toBe("Reimbursement requested");
    expect(inboxItem(emu, LEO, requestId)?.request.type).toBe("reimbursement");

    decideAll(emu, "C-1", requestId, "approve");
    expect(expenseStatuses(emu)[id]).toBe("Reimbursement approved");
    const notFinance = emu
      .as(LEO)
      .run<{ ok: boolean; message: string }>("rpcMarkPaid", { id, requestId: newRequestId() });
    expect(notFinance).toMatchObject({ ok: false, message: "Only finance may mark a reimbursement paid." });
    const overview = emu.as(FAY).run<{ toPay: { id: string; canMarkPaid: boolean }[] }>("rpcSpendOverview", {});
    expect(overview.toPay).toEqual([expect.objectContaining({ id, canMarkPaid: true })]);
    const paid = emu.as(FAY).run<{ ok: boolean; status: string }>("rpcMarkPaid", { id, requestId: newRequestId() });
    expect(paid).toMatchObject({ ok: true, status: "paid" });
    expect(expenseStatuses(emu)[id]).toBe("Paid");
    // Paid spend still counts.
    expect(remaining(emu, "C-1")).toBe(9700);
  });

  it("leaves the expense rejected when the reimbursement is rejected: it is not spend", () => {
    const emu = running();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "250", reimbursable: true });
    const requestId = newRequestId();
    emu.as(MIA).run("rpcRequestReimbursement", { id: rec.id, requestId });
    expect(remaining(emu, "C-1")).toBe(9750);
    decideAll(emu, "C-1", requestId, "reject");
    expect(expenseStatuses(emu)[rec.id ?? ""]).toBe("Rejected");
    expect(remaining(emu, "C-1")).toBe(10000);
  });

  it("refuses an expense that is not reimbursable", () => {
    const emu = running();
    const rec = recordExpense(emu, MIA, { campaign: "C-1", amount: "80" });
    const res = emu.as(MIA).run<{ ok: boolean; message: string }>("rpcRequestReimbursement", {
      id: rec.id,
      requestId: newRequestId(),
    });
    expect(res).toMatchObject({ ok: false, message: "This expense is not marked reimbursable." });
  });
});

describe("two marketers at once", () => {
  it("never exceed the budget without approval: the lock holds from the read to the append", () => {
    const emu = workbook();
    let inner: { ok: boolean; kind?: string } | null = null;
    const stop = emu.onServiceCall((method, execution) => {
      // Mia's execution has read the tabs and assessed 6,000 as fitting; it is about to append her row. Bo sends
      // 5,000 now: if he could read before her row is there, both would fit and 11,000 would count.
      if (inner === null && method === "Range.setValues" && execution?.functionName === "rpcRecordExpense") {
        inner = recordExpense(emu, BO, { campaign: "C-1", amount: "5000", vendor: "Venue" });
      }
    });
    const mia = recordExpense(emu, MIA, { campaign: "C-1", amount: "6000" });
    stop();
    expect(mia).toMatchObject({ ok: true, status: "recorded" });
    expect(inner).toMatchObject({
      ok: false,
      kind: "busy",
      message: "Someone else is saving right now. Nothing was changed; try again in a moment.",
    });
    expect(expenseStatuses(emu)).toEqual({ "EXP-00001": "Recorded" });

    // Bo tries again once Mia is done: his expense now sees hers and waits for approval.
    const bo = recordExpense(emu, BO, { campaign: "C-1", amount: "5000", vendor: "Venue" });
    expect(bo).toMatchObject({ ok: true, status: "pending_overrun", assessment: { overrun: 1000 } });
    expect(expenseStatuses(emu)).toEqual({ "EXP-00001": "Recorded", "EXP-00002": "Pending overrun approval" });
    expect(remaining(emu, "C-1")).toBe(4000);
  });

  it("are assessed in turn when they come one after another", () => {
    const emu = workbook();
    const answers = ["4000", "4000", "4000"].map((amount, i) =>
      recordExpense(emu, i % 2 === 0 ? MIA : BO, { campaign: "C-1", amount, vendor: `Vendor ${i}` }),
    );
    expect(answers.map((a) => a.status)).toEqual(["recorded", "recorded", "pending_overrun"]);
    expect(answers[2]?.assessment?.overrun).toBe(2000);
    expect(remaining(emu, "C-1")).toBe(2000);
  });
});
