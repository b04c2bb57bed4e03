// The variance report model: figures by campaign, category and month that add up to the totals, bad rows reported and left out, and scale.
import { describe, expect, it } from "vitest";
import {
  buildLedger,
  buildVarianceReport,
  findDuplicates,
  foldPositions,
  type SourceRow,
  type VarianceInput,
  type VarianceReport,
  type VarianceRow,
} from "../../../src/domain/spend";
import { intBelow, rng, rows, SETTINGS } from "./fixtures";

const FIGURES = ["planned", "approved", "committed", "actual", "pending", "used", "remaining", "variance"] as const;

function byKey(list: readonly VarianceRow[]): Record<string, VarianceRow> {
  return Object.fromEntries(list.map((r) => [r.key, r]));
}

function expectGroupsAddUp(report: VarianceReport): void {
  for (const grouping of [report.byCampaign, report.byCategory, report.byMonth]) {
    for (const figure of FIGURES) {
      expect(
        grouping.reduce((sum, r) => sum + r[figure], 0),
        figure,
      ).toBe(report.total[figure]);
    }
  }
}

function expenseRow(
  id: string,
  campaign: string,
  category: string,
  date: unknown,
  amount: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    date,
    campaign,
    category,
    vendor: "Acme",
    description: "",
    amount,
    currency: "",
    kind: "actual",
    status: "recorded",
    ...extra,
  };
}

const SMALL: VarianceInput = {
  settings: SETTINGS,
  campaigns: ["C-1", "C-2"],
  budget: rows(
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 6000, currency: "", note: "" },
    { campaign: "C-1", category: "Events", month: "2026-04", planned: 4000, currency: "", note: "" },
    { campaign: "C-2", category: "Media", month: "2026-03", planned: 1000, currency: "USD", note: "converted at 7.2" },
    { campaign: "C-2", category: "Media", month: "2026-04", planned: "lots", currency: "", note: "" }, // row 5: text amount
    { campaign: "C-9", category: "Media", month: "2026-04", planned: 10, currency: "", note: "" }, // row 6: unknown campaign
    { campaign: "", category: "", month: "", planned: "", currency: "", note: "" }, // blank: not data, not a problem
  ),
  rates: rows({ currency: "USD", rate: 7.2, validFrom: "2026-03-01" }),
  expenses: rows(
    expenseRow("X-1", "C-1", "Media", "2026-03-05", 5000),
    expenseRow("X-2", "C-1", "Events", "2026-04-02", 1500, { kind: "committed" }),
    expenseRow("X-3", "C-2", "Media", "2026-03-20", 1100, { currency: "USD" }), // 7,920.00 CNY
    expenseRow("X-4", "C-2", "Travel", "2026-04-01", 300), // no plan for Travel
    expenseRow("X-5", "C-1", "Media", "", 99), // row 6: missing date
    expenseRow("X-6", "C-404", "Media", "2026-03-01", 1), // row 7: unknown campaign
    expenseRow("X-7", "C-1", "Media", "2026-03-01", "twelve"), // row 8: text amount
    expenseRow("X-8", "C-1", "Media", "2026-02-01", 10, { currency: "USD" }), // row 9: before the first USD rate
    expenseRow("X-1", "C-1", "Media", "2026-03-06", 1), // row 10: ID used in row 2
    expenseRow("X-9", "C-2", "Media", "2026-04-03", 200, { status: "" }), // row 11: over budget, typed in by hand
    expenseRow("X-10", "C-1", "Media", "2026-03-07", 70, { status: "rejected" }),
  ),
};

describe("buildVarianceReport on a small workbook", () => {
  const report = buildVarianceReport(SMALL);

  it("reports every bad row with tab, row, column and message key, and leaves it out", () => {
    expect(report.problems.map((p) => [p.tab, p.row, p.column, p.messageKey])).toEqual([
      ["budget", 5, "planned", "spend.problem.amount"],
      ["budget", 6, "campaign", "spend.problem.unknownCampaign"],
      ["expenses", 6, "date", "spend.problem.required"],
      ["expenses", 7, "campaign", "spend.problem.unknownCampaign"],
      ["expenses", 8, "amount", "spend.problem.amount"],
      ["expenses", 9, "currency", "spend.problem.noRate"],
      ["expenses", 10, "id", "spend.problem.duplicateId"],
    ]);
    expect(report.problems[5]?.params).toEqual({ currency: "USD", date: "2026-02-01" });
    expect(report.excludedRows).toBe(7);
    expect(report.complete).toBe(false);
    expect(report.notice).toEqual({ messageKey: "spend.report.rowsExcluded", params: { count: 7 } });
  });

  it("gives planned, committed, actual, remaining, variance and status by campaign", () => {
    const c = byKey(report.byCampaign);
    expect(Object.keys(c)).toEqual(["C-1", "C-2"]);
    expect(c["C-1"]).toMatchObject({
      planned: 1_000_000,
      approved: 1_000_000,
      committed: 150_000,
      actual: 500_000,
      remaining: 350_000,
      variance: -500_000,
      variancePct: -0.5,
      usedPct: 0.65,
      status: "UNDER",
      note: null,
    });
    // 1,000 USD planned at 7.2 = 7,200.00; spent 7,920.00 + 300.00; the 200.00 typed in by hand does not fit.
    expect(c["C-2"]).toMatchObject({
      planned: 720_000,
      approved: 720_000,
      actual: 822_000,
      pending: 20_000,
      remaining: -102_000,
      variance: 102_000,
      status: "OVER",
    });
    expect(c["C-2"]?.variancePct).toBeCloseTo(102_000 / 720_000, 15);
    // The expense waiting for overrun approval, as the fold stands it for the Status column and the sidebar.
    const positions = foldPositions(buildLedger(SMALL, { workbookCurrency: SETTINGS.workbookCurrency }), {
      settings: SETTINGS,
    });
    const pending = [...positions.expenses.values()].filter((s) => s.standing === "pending_overrun");
    expect(pending.map((s) => [s.id, s.row, s.overrun, s.needsRequest])).toEqual([["X-9", 11, 20_000, true]]);
  });

  it("by category, with a blank variance % and a note where nothing was planned", () => {
    const c = byKey(report.byCategory);
    expect(Object.keys(c)).toEqual(["Events", "Media", "Travel"]);
    expect(c.Media).toMatchObject({ planned: 1_320_000, actual: 1_292_000, pending: 20_000 });
    expect(c.Travel).toMatchObject({
      planned: 0,
      actual: 30_000,
      variance: 30_000,
      variancePct: null,
      note: "spend.report.noPlan",
      status: "OVER",
    });
  });

  it("by month, in calendar order", () => {
    const m = byKey(report.byMonth);
    expect(Object.keys(m)).toEqual(["2026-03", "2026-04"]);
    expect(m["2026-03"]).toMatchObject({ planned: 1_320_000, actual: 1_292_000, committed: 0 });
    expect(m["2026-04"]).toMatchObject({ planned: 400_000, actual: 30_000, committed: 150_000, pending: 20_000 });
  });

  it("has totals equal to the sum of each grouping", () => {
    expect(report.total).toMatchObject({
      key: "",
      planned: 1_720_000,
      committed: 150_000,
      actual: 1_322_000,
      pending: 20_000,
    });
    expectGroupsAddUp(report);
  });

  it("says when everything was read, and flags likely duplicates", () => {
    const input: VarianceInput = {
      settings: SETTINGS,
      budget: rows({ campaign: "C-1", category: "Media", month: "2026-03", planned: 100 }),
      expenses: rows(
        expenseRow("X-1", "C-1", "Media", "2026-03-05", 40),
        expenseRow("X-2", "C-1", "Media", "2026-03-05", 40, { vendor: "acme" }),
      ),
    };
    const clean = buildVarianceReport(input);
    expect(clean.complete).toBe(true);
    expect(clean.problems).toEqual([]);
    expect(clean.notice).toEqual({ messageKey: "spend.report.complete", params: {} });
    // Flagged over the ledger's records, as the Expenses sidebar flags them.
    const ledger = buildLedger(input, { workbookCurrency: SETTINGS.workbookCurrency });
    expect(findDuplicates(ledger.expenses.map((e) => e.record))).toEqual([
      { id: "X-1", others: ["X-2"] },
      { id: "X-2", others: ["X-1"] },
    ]);
    expect(clean.total).toMatchObject({ planned: 10_000, actual: 8_000, status: "UNDER", variancePct: -0.2 });
  });

  it("carries problems found upstream and says the figures may be incomplete", () => {
    const upstream = buildVarianceReport({
      settings: SETTINGS,
      budget: [],
      expenses: [],
      problems: [{ tab: "expenses", row: 1, column: "kind", messageKey: "spend.problem.required", found: "" }],
    });
    expect(upstream.complete).toBe(false);
    expect(upstream.notice.messageKey).toBe("spend.report.incomplete");
    expect(upstream.total).toMatchObject({ planned: 0, used: 0, status: "ON_BUDGET", variancePct: null });
    expect(upstream.byCampaign).toEqual([]);
  });
});

describe("buildVarianceReport on generated workbooks", () => {
  it("adds up: every grouping sums to the totals, for any mix of rows (law)", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = rng(seed);
      const campaigns = ["C-1", "C-2", "C-3"];
      const categories = ["Media", "Events", "Print"];
      const months = ["2026-01", "2026-02", "2026-03"];
      const pick = <T>(list: readonly T[]): T => list[intBelow(random, list.length)] as T;
      const budget = rows(
        ...Array.from({ length: 8 }, () => ({
          campaign: pick([...campaigns, "C-x"]),
          category: pick(categories),
          month: pick(months),
          planned: pick([intBelow(random, 100_000) / 100, "n/a", 0]),
          currency: pick(["", "USD"]),
        })),
      );
      const expenses = rows(
        ...Array.from({ length: 40 }, (_, i) =>
          expenseRow(
            `X-${intBelow(random, 45)}`,
            pick(campaigns),
            pick(categories),
            `${pick(months)}-1${i % 10}`,
            intBelow(random, 50_000) / 100,
            {
              kind: pick(["actual", "committed"]),
              status: pick(["", "recorded", "pending_overrun", "rejected", "paid"]),
              currency: pick(["", "", "USD", "EUR"]),
            },
          ),
        ),
      );
      const report = buildVarianceReport({
        settings: { ...SETTINGS, enforceLines: random() < 0.5 },
        campaigns,
        budget,
        expenses,
        rates: rows({ currency: "USD", rate: 7.1234, validFrom: "2026-01-01" }),
        decisions: [{ expenseId: "X-3", requestId: "R-1", status: "approved", amount: 1234 }],
      });
      expectGroupsAddUp(report);
      for (const row of [...report.byCampaign, report.total])
        expect(row.remaining).toBe(row.approved - row.actual - row.committed);
      expect(new Set(report.problems.map((p) => `${p.tab}:${p.row}`)).size).toBe(report.excludedRows);
    }
  });

  it("handles 5,000 campaigns, 20,000 lines and 100,000 expenses with the right totals", () => {
    const campaignCount = 5_000;
    const categories = ["Media", "Events", "Print", "Digital"];
    const budget: SourceRow[] = [];
    let planned = 0;
    for (let i = 0; i < 20_000; i++) {
      const cents = 100_000 + (i % 997) * 100; // generous: every expense below fits
      planned += cents;
      budget.push({
        row: i + 2,
        values: {
          campaign: `C-${i % campaignCount}`,
          category: categories[i % 4],
          month: `2026-0${1 + (i % 6)}`,
          planned: cents / 100,
          currency: "",
          note: "",
        },
      });
    }
    const expenses: SourceRow[] = [];
    let actual = 0;
    let committed = 0;
    let excluded = 0;
    for (let i = 0; i < 100_000; i++) {
      const cents = 1 + ((i * 7919) % 5_000);
      const usd = i % 10 === 0; // 1 in 10 in USD at 7 (exact, so the expected total is plain integer arithmetic)
      const kind = i % 3 === 0 ? "committed" : "actual";
      const bad = i % 20_000 === 1; // a few rows with a text amount
      if (bad) excluded += 1;
      else if (kind === "committed") committed += usd ? cents * 7 : cents;
      else actual += usd ? cents * 7 : cents;
      expenses.push({
        row: i + 2,
        values: {
          id: `X-${i}`,
          date: `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")}`,
          campaign: `C-${i % campaignCount}`,
          category: categories[i % 4],
          vendor: `Vendor ${i % 300}`,
          description: "",
          amount: bad ? "n/a" : cents / 100,
          currency: usd ? "USD" : "",
          kind,
          receiptLink: "",
          reimbursable: false,
          requestedBy: "",
          status: i % 2 === 0 ? "recorded" : "",
        },
      });
    }
    const report = buildVarianceReport({
      settings: SETTINGS,
      budget,
      expenses,
      rates: [{ row: 2, values: { currency: "USD", rate: 7, validFrom: "2025-01-01" } }],
    });
    expect(report.excludedRows).toBe(excluded);
    expect(report.total).toMatchObject({ planned, approved: planned, actual, committed, pending: 0 });
    expect(report.byCampaign).toHaveLength(campaignCount);
    expect(report.byCategory).toHaveLength(4);
    expect(report.byMonth).toHaveLength(6);
    expectGroupsAddUp(report);
  });
});
