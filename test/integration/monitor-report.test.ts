// The evaluation report and the team scorecard through the emulator: per campaign the attainment per KPI, score,
// grade, ROI from attributed revenue and actual spend, goals met; a chart of readings against the target; written in
// one batch whatever the number of rows; bad rows reported by tab, row and column and left out, nothing lost.
import { describe, expect, it } from "vitest";
import type { RefreshEvaluationResponse } from "../../src/server/evaluation/api";
import type { Emulator } from "../emulator/index";
import {
  approve,
  campaign,
  LEO,
  MIA,
  makeReady,
  monitorWorkbook,
  OWNER,
  submit,
  tabOf,
  writeRows,
} from "./monitor-support";
import { recordTypedRows } from "./spend-support";
import { clickMenu, writesOf } from "./support";

const KPIS = [
  ["C-1", "Leads", "leads", "Higher is better", 500, "", 2, "CRM", ""],
  ["C-1", "CPL", "USD", "Lower is better", 24, 20, 1, "Ads", "2026-03-20"],
  ["C-1", "Sales", "USD", "", 20000, 15000, 0, "Shop", "2026-03-31"],
  ["C-2", "Visitors", "", "Higher is better", 2000, "", 1, "", ""],
];

const READINGS = [
  ["2026-03-05", "C-1", "Leads", 200],
  ["2026-03-20", "C-1", "Leads", 450],
  ["2026-03-31", "C-1", "Leads", 600],
  ["2026-03-10", "C-1", "CPL", 26],
];

/** C-1 ran in March (Ready) with 4,000 spent and 800 committed against 5,000; C-2's plan is approved, unmeasured. */
function reportWorkbook(extraKpis: Record<string, unknown>[] = []): Emulator {
  const emu = monitorWorkbook({
    campaigns: [
      campaign("C-1", { name: "Spring webinars", currency: "" }),
      campaign("C-2", { name: "Summer fair", currency: "", start: "2026-06-01", end: "2026-06-30" }),
    ],
    tasks: [
      // Completed on: the script a day early, the webinars' recordings a day after their due date.
      ["C-1", "Write the script", MIA, "2026-03-01", "2026-03-05", "Script", "Done", "2026-03-04"],
      ["C-1", "Run the webinars", MIA, "2026-03-06", "2026-03-31", "Recordings", "Done", "2026-04-01"],
    ],
    kpis: KPIS,
    readings: READINGS,
  });
  makeReady(emu, "C-1");
  submit(emu, MIA, "C-2", "plan");
  approve(emu, LEO, "C-2");
  writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 5000, currency: "" }]);
  writeRows(emu, "expenses", [
    { id: "E-1", date: "2026-03-05", campaign: "C-1", category: "Media", amount: 4000, currency: "", kind: "actual" },
    { id: "E-2", date: "2026-03-06", campaign: "C-1", category: "Media", amount: 800, currency: "", kind: "committed" },
  ]);
  // Typed rows count once the add-on records them.
  expect(recordTypedRows(emu, [MIA])).toBe(2);
  if (extraKpis.length > 0) writeRows(emu, "kpis", extraKpis);
  emu.advanceTo("2026-04-02T08:00:00Z");
  emu.as(OWNER);
  return emu;
}

function reportRows(emu: Emulator): unknown[][] {
  return emu.values(tabOf(emu, "evaluation")).map((r) => r.slice(0, 14));
}

describe("the evaluation report", () => {
  it("shows each campaign's score, grade, ROI and goals, and each KPI's attainment", () => {
    const emu = reportWorkbook();
    emu.open();
    clickMenu(emu, "menuRefreshEvaluation");
    const rows = reportRows(emu);
    // Leads 600/500 = 1.2 (weight 2), CPL 24/20 = 1.2 (weight 1), Sales 0.75 for information (weight 0): score 1.2.
    expect(rows.slice(1, 6)).toEqual([
      ["C-1", "Spring webinars", "", "", "", "", "", "", 1.2, "A", 4000, 15000, 2.75, "Met"],
      ["C-1", "", "Leads (leads)", 500, 600, 1.2, 2, "Yes", "", "", "", "", "", ""],
      ["C-1", "", "CPL (USD)", 24, 20, 1.2, 1, "Yes", "", "", "", "", "", ""],
      ["C-1", "", "Sales (USD)", 20000, 15000, 0.75, 0, "No", "", "", "", "", "", ""],
      ["C-2", "Summer fair", "", "", "", "", "", "", "", "", "", "", "", "Not measured yet"],
    ]);
    expect(rows[6]).toEqual(["C-2", "", "Visitors", 2000, "", "", 1, "", "", "", "", "", "", ""]);
    const display = emu.displayValues(tabOf(emu, "evaluation"));
    expect(display[1]?.[8]).toBe("120.0%");
    expect(display[1]?.[12]).toBe("275.0%");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "Evaluation report refreshed: 2 campaigns, 4 KPIs. 0 rows need attention.",
    );
  });

  it("charts the readings of the campaign measured last against the target line, and does not pile charts up", () => {
    const emu = reportWorkbook();
    const first = emu.run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(first.charted).toBe("C-1");
    const sheet = emu.spreadsheet.getSheetByName(tabOf(emu, "evaluation"))!;
    const charts = sheet.getCharts() as unknown as {
      model: { type: string; options: Record<string, unknown>; ranges: unknown[] };
    }[];
    expect(charts.map((c) => c.model.options.title)).toEqual([
      "Spring webinars: Leads against target",
      "Spring webinars: CPL against target",
    ]);
    expect(charts.every((c) => c.model.type === "LINE" && c.model.ranges.length === 1)).toBe(true);
    const values = emu.values(tabOf(emu, "evaluation"));
    const block = values.map((r) => r.slice(19, 22)).filter((r) => r.some((v) => v !== ""));
    expect(block.slice(0, 5).map((r) => r.map((v) => (v instanceof Date ? "date" : v)))).toEqual([
      ["Chart data: Spring webinars", "", ""],
      ["Date", "Leads", "Target"],
      ["date", 200, 500],
      ["date", 450, 500],
      ["date", 600, 500],
    ]);
    emu.run("rpcRefreshEvaluation", { focus: "C-1" });
    expect(sheet.getCharts()).toHaveLength(2);
  });

  it("writes in one batch: the same calls for 4 KPIs as for 400", () => {
    const calls = (extra: number) => {
      const more = Array.from({ length: extra }, (_, i) => ({
        campaign: `C-${i + 10}`,
        indicator: "Leads",
        target: 100,
        actual: 50 + (i % 100),
      }));
      const emu = reportWorkbook(more);
      emu.counter.reset();
      emu.run("rpcRefreshEvaluation", {});
      return {
        writes: writesOf(emu),
        getValues: emu.counter.get("Range.getValues"),
        // Money is folded from the verified log only; the keyed hashes are computed in JavaScript, so checking the
        // chain costs no service call (per log row or per KPI).
        hashes: emu.counter.get("Utilities.computeHmacSha256Signature"),
        logRows: emu.values("Approval log").length - 1,
      };
    };
    const small = calls(0);
    const large = calls(396);
    expect(large).toEqual(small);
    expect(small.writes["Range.setValues"]).toBeLessThanOrEqual(4);
    expect(small.hashes).toBe(0);
    expect(small.logRows).toBeGreaterThan(0);
  });

  it("reports bad rows with tab, row and column, leaves them out and keeps them in the sheet", () => {
    const emu = reportWorkbook([
      { campaign: "C-3", indicator: "Leads", target: 0, actual: 10 },
      { campaign: "C-3", indicator: "Reach", direction: "sideways", target: 100, actual: 10 },
    ]);
    const before = emu.values(tabOf(emu, "kpis"));
    const result = emu.run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(result.problems.map((p) => p.message)).toEqual([
      "KPIs, row 6, column E (Target): expected a number more than 0, found the number 0",
      "KPIs, row 7, column D (Direction): expected Higher is better or Lower is better, found the text “sideways”",
    ]);
    expect(reportRows(emu).some((r) => r[0] === "C-3")).toBe(false);
    expect(emu.values(tabOf(emu, "kpis"))).toEqual(before);
  });

  it("reads its thresholds from Settings and says which setting cannot be used", () => {
    const emu = reportWorkbook();
    const settings = tabOf(emu, "settings");
    const row = emu.values(settings).findIndex((r) => r[0] === "grade_thresholds") + 1;
    emu.edit(`${settings}!B${row}`, "Gold >= 1.25; Silver >= 1; Bronze");
    const capRow = emu.values(settings).findIndex((r) => r[0] === "score_cap") + 1;
    emu.edit(`${settings}!B${capRow}`, "lots");
    const result = emu.run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(reportRows(emu)[1]?.slice(8, 10)).toEqual([1.2, "Silver"]);
    expect(result.problems.map((p) => p.message)).toEqual([
      `Settings, row ${capRow}, column B (Value): the setting score_cap cannot be the text “lots”; the default 1.5 is used until it is fixed`,
    ]);
  });
});

describe("the team scorecard", () => {
  it("scores each owner per period with a suggested tier from the rules in Settings", () => {
    const emu = reportWorkbook();
    // A task written by a script (an import): done, but nobody recorded when.
    writeRows(emu, "tasks", [
      { campaign: "C-1", step: "Send the recap", owner: MIA, due: "2026-03-31", deliverable: "Mail", status: "Done" },
    ]);
    emu.run("rpcRefreshEvaluation", {});
    const [header, ...rows] = emu.values(tabOf(emu, "scorecard"));
    expect(header?.slice(0, 10)).toEqual([
      "Owner",
      "Period",
      "Campaigns run",
      "Budget adherence",
      "Tasks due",
      "On-time rate",
      "Done, no date",
      "Mean attainment",
      "Score",
      "Suggested tier",
    ]);
    // Mia's three tasks: one on time, one late, one left out of the rate; C-1 is Ready (not run yet), so no campaign
    // counts and the score is the on-time rate alone.
    expect(rows.filter((r) => r[0] !== "").map((r) => r.slice(0, 10))).toEqual([
      [MIA, "2026-Q1", 0, "", 3, 0.5, 1, "", 0.5, "Needs improvement"],
    ]);
  });
});
