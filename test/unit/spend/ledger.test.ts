// Reading the three tabs into one ledger: conversion per row, campaign checks, blank rows, and where each problem is reported.
import { describe, expect, it } from "vitest";
import { buildLedger, describeSpendProblem } from "../../../src/domain/spend";
import { rows } from "./fixtures";

const CTX = { workbookCurrency: "CNY" };

function expenseRow(values: Record<string, unknown>): Record<string, unknown> {
  return { id: "X-1", date: "2026-03-10", campaign: "C-1", category: "Media", amount: 10, kind: "actual", ...values };
}

describe("buildLedger", () => {
  it("converts expenses at their date and budget lines at the first day of their month", () => {
    const ledger = buildLedger(
      {
        rates: rows(
          { currency: "USD", rate: 7, validFrom: "2026-03-01" },
          { currency: "USD", rate: 7.5, validFrom: "2026-03-15" },
        ),
        budget: rows(
          { campaign: "C-1", category: "Media", month: "2026-03", planned: 100, currency: "USD" },
          { campaign: "C-1", category: "Media", month: "2026-02", planned: 100, currency: "USD" },
        ),
        expenses: rows(expenseRow({ currency: "USD", date: "2026-03-20" })),
      },
      CTX,
    );
    expect(ledger.lines).toEqual([{ row: 2, campaign: "C-1", category: "Media", month: "2026-03", planned: 70_000 }]);
    expect(ledger.expenses[0]).toMatchObject({ amount: 7_500, month: "2026-03" });
    expect(ledger.problems).toEqual([
      {
        tab: "budget",
        row: 3,
        column: "currency",
        messageKey: "spend.problem.noRate",
        found: "USD",
        params: { currency: "USD", date: "2026-02-01" },
      },
    ]);
    const [problem] = ledger.problems;
    if (problem)
      expect(describeSpendProblem(problem, "en")).toBe(
        "no rate for USD is valid on 2026-02-01; add one to the Rates tab",
      );
  });

  it("skips blank rows silently but reports half-filled ones", () => {
    const ledger = buildLedger(
      {
        budget: rows({ campaign: "", category: " ", month: null, planned: "" }),
        expenses: rows({}, expenseRow({ amount: "" }), { id: "", date: "", note: "forgot the rest" }),
        rates: rows({ currency: "", rate: "", validFrom: "" }),
      },
      CTX,
    );
    expect(ledger.excludedRows).toBe(2);
    expect(ledger.problems.map((p) => `${p.tab}:${p.row}:${p.column}`)).toEqual([
      "expenses:3:amount",
      "expenses:4:id",
      "expenses:4:date",
      "expenses:4:campaign",
      "expenses:4:category",
      "expenses:4:amount",
      "expenses:4:kind",
    ]);
  });

  it("checks campaign IDs only when the list is given", () => {
    const source = { budget: [], expenses: rows(expenseRow({ campaign: "C-404" })) };
    expect(buildLedger(source, CTX).expenses).toHaveLength(1);
    const checked = buildLedger({ ...source, campaigns: ["C-1"] }, CTX);
    expect(checked.expenses).toEqual([]);
    expect(checked.problems).toEqual([
      {
        tab: "expenses",
        row: 2,
        column: "campaign",
        messageKey: "spend.problem.unknownCampaign",
        found: "C-404",
        params: { id: "C-404" },
      },
    ]);
  });

  it("puts an amount too large to convert on the amount, not the currency", () => {
    const ledger = buildLedger(
      {
        rates: rows({ currency: "USD", rate: 1e6, validFrom: "2026-01-01" }),
        budget: [],
        expenses: rows(expenseRow({ currency: "USD", amount: 1e12 })),
      },
      CTX,
    );
    expect(ledger.problems).toMatchObject([{ column: "amount", messageKey: "spend.problem.tooLarge", found: 1e12 }]);
  });

  it("reads date cells through the formatter and counts a row with several problems once", () => {
    const formatDate = (date: Date) => date.toISOString().slice(0, 10);
    const ledger = buildLedger(
      {
        budget: [],
        expenses: rows(
          expenseRow({ date: new Date(Date.UTC(2026, 3, 2)) }),
          expenseRow({ id: "X-2", amount: "x", kind: "?" }),
        ),
      },
      { ...CTX, formatDate },
    );
    expect(ledger.expenses[0]).toMatchObject({ date: "2026-04-02", month: "2026-04" });
    expect(ledger.problems).toHaveLength(2);
    expect(ledger.excludedRows).toBe(1);
  });
});
