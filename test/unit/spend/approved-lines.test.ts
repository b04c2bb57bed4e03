// The lines approved with a plan are its budget: the fold takes them for planned and approved and ignores the Budget
// tab's rows of that campaign; they convert like tab lines (at the rate on the first day of their month, rounded once);
// a campaign approved before lines were captured keeps its tab lines; an expense typed in over them is pending.
import { describe, expect, it } from "vitest";
import {
  type ApprovedLine,
  buildLedger,
  convertApprovedLines,
  foldPositions,
  reportFrom,
} from "../../../src/domain/spend";
import type { LineSnapshot } from "../../../src/domain/workflow";
import { expense, line, SETTINGS } from "./fixtures";

function foldWith(
  lines: ReturnType<typeof line>[],
  expenses: ReturnType<typeof expense>[],
  approvedLines: ReadonlyMap<string, readonly ApprovedLine[]>,
  approvedCampaigns: readonly string[],
) {
  return foldPositions(
    { currency: "CNY", digits: 2, lines, expenses },
    { settings: SETTINGS, approvedCampaigns, approvedLines },
  );
}

describe("foldPositions with the lines approved with the plan", () => {
  const approved = new Map([
    [
      "C-1",
      [
        { category: "Media", month: "2026-03", planned: 600_000 },
        { category: "Events", month: "2026-04", planned: 400_000 },
      ],
    ],
  ]);

  it("takes them for planned and approved, whatever the tab's lines of that campaign say now", () => {
    const tab = [line("C-1", "Media", "2026-03", 900_000), line("C-1", "Print", "2026-05", 50_000)];
    const positions = foldWith(tab, [expense("E-1", "C-1", 250_000)], approved, ["C-1"]);
    const c1 = positions.campaigns.get("C-1");
    expect(c1).toMatchObject({ planned: 1_000_000, approved: 1_000_000, actual: 250_000, remaining: 750_000 });
    expect(c1?.lines.map((l) => [l.category, l.planned, l.approved])).toEqual([
      ["Events", 400_000, 400_000],
      ["Media", 600_000, 600_000],
    ]);
    // The report sums the same cells: the grouping by month has March and April only.
    const ledger = {
      currency: "CNY",
      digits: 2,
      lines: tab,
      expenses: [],
      rates: buildLedger({ budget: [], expenses: [] }, { workbookCurrency: "CNY" }).rates,
      problems: [],
      excludedRows: 0,
    };
    expect(reportFrom(ledger, positions, 0.9).byMonth.map((r) => r.key)).toEqual(["2026-03", "2026-04"]);
  });

  it("keeps the tab's lines for a campaign approved before lines were captured, and for drafts as planned", () => {
    const tab = [
      line("C-1", "Media", "2026-03", 900_000),
      line("C-2", "Media", "2026-03", 300_000),
      line("C-3", "Media", "2026-03", 100_000),
    ];
    const positions = foldWith(tab, [], approved, ["C-1", "C-2"]);
    expect(positions.campaigns.get("C-2")).toMatchObject({ planned: 300_000, approved: 300_000 });
    expect(positions.campaigns.get("C-3")).toMatchObject({ planned: 100_000, approved: 0 });
  });

  it("holds a typed-in expense over them as pending, with the overrun it needs a request for", () => {
    const typed = expense("E-9", "C-1", 1_100_000, { status: null });
    const positions = foldWith([], [typed], approved, ["C-1"]);
    expect(positions.expenses.get("E-9")).toMatchObject({
      standing: "pending_overrun",
      overrun: 100_000,
      needsRequest: true,
      status: "pending_overrun",
    });
    expect(positions.campaigns.get("C-1")).toMatchObject({ actual: 0, pending: 1_100_000 });
  });
});

describe("convertApprovedLines", () => {
  const table = buildLedger(
    {
      budget: [],
      expenses: [],
      rates: [
        { row: 2, values: { currency: "USD", rate: 7.1, validFrom: "2026-01-01" } },
        { row: 3, values: { currency: "USD", rate: 7.2, validFrom: "2026-04-01" } },
      ],
    },
    { workbookCurrency: "CNY" },
  ).rates;

  it("converts each line at the rate valid on the first day of its month, rounded once", () => {
    const lines: LineSnapshot[] = [
      { category: "Media", month: "2026-03", planned: 100_001, currency: "USD" },
      { category: "Media", month: "2026-04", planned: 100_000, currency: "USD" },
      { category: "Events", month: "2026-04", planned: 50_000, currency: "CNY" },
    ];
    const { lines: out, unconverted } = convertApprovedLines(table, new Map([["C-1", lines]]));
    // 1,000.01 USD x 7.1 = 7,100.071 -> 7,100.07 CNY; 1,000 x 7.2 = 7,200.
    expect(out.get("C-1")).toEqual([
      { category: "Media", month: "2026-03", planned: 710_007 },
      { category: "Media", month: "2026-04", planned: 720_000 },
      { category: "Events", month: "2026-04", planned: 50_000 },
    ]);
    expect(unconverted.size).toBe(0);
  });

  it("names a line no rate converts, and leaves it out", () => {
    const lines: LineSnapshot[] = [
      { category: "Media", month: "2026-03", planned: 100_000, currency: "EUR" },
      { category: "Events", month: "2026-03", planned: 50_000, currency: "CNY" },
    ];
    const { lines: out, unconverted } = convertApprovedLines(table, new Map([["C-1", lines]]));
    expect(out.get("C-1")).toEqual([{ category: "Events", month: "2026-03", planned: 50_000 }]);
    expect(unconverted.get("C-1")).toEqual([
      { line: lines[0], problem: { kind: "noRate", currency: "EUR", date: "2026-03-01" } },
    ]);
  });
});
