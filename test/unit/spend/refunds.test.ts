// Refunds in the domain: how a row reads (a negative amount and its link go together), how the fold counts a refund,
// and what is left of an expense to refund.
import { describe, expect, it } from "vitest";
import { checkRefund, decodeExpense, foldPositions } from "../../../src/domain/spend";
import { campaignOf, expense, fold, line, SETTINGS } from "./fixtures";

const CTX = { workbookCurrency: "CNY" };
const ROW = { id: "E-9", date: "2026-03-10", campaign: "C-1", category: "Media", kind: "actual" };

describe("reading a refund row", () => {
  it("takes a negative amount that names the expense it refunds", () => {
    const decoded = decodeExpense({ ...ROW, amount: -120, refundOf: " E-1 " }, CTX);
    expect(decoded).toMatchObject({ ok: true, value: { amount: -120, refundOf: "E-1" } });
  });

  it("refuses a negative amount without a link at the amount, and a link without one at Refund of", () => {
    expect(decodeExpense({ ...ROW, amount: -120 }, CTX)).toEqual({
      ok: false,
      problems: [{ field: "amount", messageKey: "spend.problem.refundOf", found: -120 }],
    });
    for (const amount of [0, 50]) {
      expect(decodeExpense({ ...ROW, amount, refundOf: "E-1" }, CTX)).toEqual({
        ok: false,
        problems: [{ field: "refundOf", messageKey: "spend.problem.refundAmount", found: "E-1" }],
      });
    }
    expect(decodeExpense({ ...ROW, amount: 50 }, CTX)).toMatchObject({ ok: true, value: { refundOf: "" } });
  });
});

describe("a refund in the fold", () => {
  const lines = [line("C-1", "Media", "2026-03", 100_000)];

  it("takes spend back while the expense it refunds counts", () => {
    const p = fold(lines, [expense("E-1", "C-1", 60_000), expense("R-1", "C-1", -20_000, { refundOf: "E-1" })]);
    expect(campaignOf(p, "C-1")).toMatchObject({ actual: 40_000, remaining: 60_000 });
    expect(p.expenses.get("R-1")).toMatchObject({ standing: "counted", refundOf: "E-1" });
  });

  it("counts for nothing when the expense it refunds no longer counts", () => {
    const p = fold(lines, [
      expense("E-1", "C-1", 60_000, { status: "rejected" }),
      expense("R-1", "C-1", -20_000, { refundOf: "E-1" }),
    ]);
    expect(campaignOf(p, "C-1")).toMatchObject({ actual: 0, remaining: 100_000 });
    expect(p.expenses.get("R-1")?.standing).toBe("rejected");
  });

  it("takes nothing back, from spend or from what is pending, while it waits to be recorded", () => {
    const p = foldPositions(
      {
        currency: "CNY",
        digits: 2,
        lines,
        expenses: [
          expense("E-1", "C-1", 60_000),
          expense("E-2", "C-1", 70_000, { status: null }),
          expense("R-1", "C-1", -20_000, { refundOf: "E-1", status: null }),
        ],
      },
      { settings: SETTINGS, unrecorded: new Set(["E-2", "R-1"]) },
    );
    expect(campaignOf(p, "C-1")).toMatchObject({ actual: 60_000, pending: 70_000 });
    expect(p.expenses.get("R-1")).toMatchObject({ recorded: false, needsRequest: true, overrun: 0 });
  });
});

describe("checkRefund", () => {
  const lines = [line("C-1", "Media", "2026-03", 100_000)];
  const p = fold(lines, [
    expense("E-1", "C-1", 60_000, { kind: "committed" }),
    expense("R-1", "C-1", -25_000, { refundOf: "E-1" }),
    expense("E-2", "C-2", 10_000),
  ]);

  it("gives the expense refunded while the refund fits what is left of it", () => {
    expect(checkRefund(p, { refundOf: "E-1", campaign: "C-1", amount: -35_000 })).toMatchObject({
      id: "E-1",
      category: "Media",
      kind: "committed",
    });
  });

  it("names what is left when the refund takes back more", () => {
    expect(checkRefund(p, { refundOf: "E-1", campaign: "C-1", amount: -35_001 })).toEqual({
      field: "amount",
      messageKey: "spend.problem.refundTooLarge",
      params: { id: "E-1", left: "350.00 CNY", amount: "350.01 CNY" },
    });
  });

  it("refuses an unknown expense, a refund, and another campaign's expense", () => {
    expect(checkRefund(p, { refundOf: "E-7", campaign: "C-1", amount: -1 })).toMatchObject({ field: "refundOf" });
    expect(checkRefund(p, { refundOf: "R-1", campaign: "C-1", amount: -1 })).toMatchObject({ field: "refundOf" });
    expect(checkRefund(p, { refundOf: "E-2", campaign: "C-1", amount: -1 })).toEqual({
      field: "campaign",
      messageKey: "spend.problem.refundCampaign",
      params: { id: "E-2", campaign: "C-2", other: "C-1" },
    });
  });
});
