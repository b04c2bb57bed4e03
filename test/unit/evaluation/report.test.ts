// The evaluation report model: per-campaign figures that leave bad rows out and say so, chart series, and a large workbook in one pass.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_EVALUATION_SETTINGS,
  type EvaluationInput,
  evaluate,
  goalCounts,
  type SheetRow,
} from "../../../src/domain/evaluation";

const settings = DEFAULT_EVALUATION_SETTINGS;
const rows = (list: Record<string, unknown>[], first = 2): SheetRow[] =>
  list.map((cells, i) => ({ row: first + i, cells }));

function fixture(): EvaluationInput {
  return {
    kpis: rows([
      { campaign: "C-1", indicator: "Leads", unit: "leads", direction: "higher", target: 500, actual: 600, weight: 2 },
      {
        campaign: "C-1",
        indicator: "Cost per lead",
        unit: "CNY",
        direction: "lower",
        target: 20,
        actual: 25,
        weight: 1,
      },
      { campaign: "C-1", indicator: "Reach", direction: "higher", target: 10000, weight: 1 }, // measured by readings
      { campaign: "C-2", indicator: "Sales", direction: "higher", target: 100, actual: 100, weight: 1 },
      { campaign: "C-2", indicator: "NPS", direction: "higher", target: 50, actual: 10, weight: 0 }, // watched only
      { campaign: "C-3", indicator: "Leads", direction: "higher", target: 0, actual: 5 }, // bad: zero target
      { campaign: "C-1", indicator: " leads ", direction: "higher", target: 1, actual: 1 }, // bad: duplicate
      { campaign: "C-4", indicator: "Signups", direction: "sideways", target: "lots" }, // bad: two fields
      { campaign: "C-5", indicator: "Visits", direction: "higher", target: 1000 }, // never measured
    ]),
    readings: rows([
      { date: "2026-03-10", campaign: "C-1", indicator: "Reach", value: 4000 },
      { date: "2026-03-03", campaign: "C-1", indicator: "reach", value: 1500 },
      { date: "2026-03-10", campaign: "C-1", indicator: "Reach", value: 4500 }, // correction of the same date
      { date: "2026-03-17", campaign: "C-1", indicator: "Reach", value: 8000 },
      { date: "2026-03-17", campaign: "C-9", indicator: "Reach", value: 1 }, // bad: no such KPI
      { date: "yesterday", campaign: "C-1", indicator: "Reach", value: 1 }, // bad: date
    ]),
    spend: new Map([
      ["C-1", 1000.1],
      ["C-2", 500.2],
      ["C-6", 300],
    ]),
    revenue: new Map([
      ["C-1", 1500.3],
      ["C-2", 400],
    ]),
    settings,
  };
}

describe("evaluate()", () => {
  const report = evaluate(fixture());
  const byId = new Map(report.campaigns.map((c) => [c.campaign, c]));

  it("lists every campaign with KPIs, spend or revenue, in ID order", () => {
    expect(report.campaigns.map((c) => c.campaign)).toEqual(["C-1", "C-2", "C-5", "C-6"]);
  });

  it("computes attainment per KPI, the actual falling back to the latest reading", () => {
    const c1 = byId.get("C-1");
    expect(c1?.kpis.map((k) => [k.indicator, k.actual, k.actualFrom, k.attainment, k.met])).toEqual([
      ["Leads", 600, "kpi", 1.2, true],
      ["Cost per lead", 25, "kpi", 0.8, false],
      ["Reach", 8000, "reading", 0.8, false],
    ]);
  });

  it("gives the capped weighted score, grade, ROI and goals", () => {
    const c1 = byId.get("C-1");
    // (1.2 × 2 + 0.8 + 0.8) / 4 = 1.0
    expect(c1).toMatchObject({ measured: 3, score: 1, grade: "A", goalsMet: false });
    expect(c1?.roi).toBe(0.500149985001); // 500.2 / 1000.1, to 12 significant digits
    const c2 = byId.get("C-2");
    // NPS has weight 0: it neither lowers the score nor fails the goals.
    expect(c2).toMatchObject({ score: 1, grade: "A", goalsMet: true, spend: 500.2, revenue: 400 });
    expect(c2?.roi).toBe(-0.200319872051);
    const c5 = byId.get("C-5");
    expect(c5).toMatchObject({ measured: 0, score: null, grade: null, goalsMet: null, roi: null, spend: null });
    const c6 = byId.get("C-6");
    expect(c6).toMatchObject({ kpis: [], spend: 300, revenue: null, roi: null });
  });

  it("draws each KPI's readings in date order with the target beside each point", () => {
    const reach = byId.get("C-1")?.kpis.find((k) => k.indicator === "Reach");
    expect(reach?.series).toEqual([
      { date: "2026-03-03", value: 1500, target: 10000 },
      { date: "2026-03-10", value: 4500, target: 10000 },
      { date: "2026-03-17", value: 8000, target: 10000 },
    ]);
  });

  it("evaluates the good rows only, and leaves each bad row out once", () => {
    expect(report.campaigns.flatMap((c) => c.kpis)).toHaveLength(6);
    // Rows left out: three KPI rows (one of them with two problems) and two readings.
    const leftOut = (tab: string) => new Set(report.problems.filter((p) => p.tab === tab).map((p) => p.row)).size;
    expect([leftOut("kpis"), leftOut("readings")]).toEqual([3, 2]);
  });

  it("lists each bad row with tab, row, field and message key", () => {
    expect(report.problems.map((p) => [p.tab, p.row, p.field, p.messageKey])).toEqual([
      ["kpis", 7, "target", "evaluation.problem.positive"],
      ["kpis", 8, "indicator", "evaluation.problem.duplicateKpi"],
      ["kpis", 9, "direction", "evaluation.problem.direction"],
      ["kpis", 9, "target", "evaluation.problem.positive"],
      ["readings", 6, "indicator", "evaluation.problem.unknownKpi"],
      ["readings", 7, "date", "evaluation.problem.date"],
    ]);
    expect(report.problems[1]?.params).toEqual({ campaign: "C-1", indicator: "leads", first: 2 });
  });

  it("counts the KPIs that met their target among those that count, for the summary form", () => {
    const c1 = byId.get("C-1");
    const c2 = byId.get("C-2");
    if (!c1 || !c2) throw new Error("C-1 or C-2 missing");
    expect(goalCounts(c1)).toEqual({ met: 1, counted: 3 });
    // NPS has weight 0: it is not counted.
    expect(goalCounts(c2)).toEqual({ met: 1, counted: 1 });
  });
});

describe("evaluate() goals", () => {
  const one = (kpis: Record<string, unknown>[]) =>
    evaluate({ kpis: rows(kpis), readings: [], spend: new Map(), revenue: new Map(), settings }).campaigns[0];

  it("are met only when every counted KPI reaches 100 %, unknown while one is unmeasured and none failed", () => {
    expect(one([{ campaign: "C", indicator: "A", target: 10, actual: 10 }])?.goalsMet).toBe(true);
    expect(one([{ campaign: "C", indicator: "A", target: 10, actual: 9.99 }])?.goalsMet).toBe(false);
    expect(
      one([
        { campaign: "C", indicator: "A", target: 10, actual: 20 },
        { campaign: "C", indicator: "B", target: 10 },
      ])?.goalsMet,
    ).toBeNull();
    expect(
      one([
        { campaign: "C", indicator: "A", target: 10, actual: 5 },
        { campaign: "C", indicator: "B", target: 10 },
      ])?.goalsMet,
    ).toBe(false);
  });

  it("leave a lower-is-better KPI with an actual of 0 unmeasured rather than dividing by it", () => {
    const c = one([{ campaign: "C", indicator: "Complaints", direction: "lower", target: 5, actual: 0 }]);
    expect(c?.kpis[0]?.attainment).toBeNull();
    expect(c?.score).toBeNull();
  });
});

describe("evaluate() at workbook scale", () => {
  it("handles 5,000 campaigns, 20,000 KPI rows and 100,000 readings in one pass", () => {
    const kpis: SheetRow[] = [];
    const readings: SheetRow[] = [];
    const spend = new Map<string, number>();
    const revenue = new Map<string, number>();
    for (let c = 0; c < 5000; c++) {
      const campaign = `C-${String(c).padStart(4, "0")}`;
      spend.set(campaign, 1000);
      revenue.set(campaign, 1000 + c);
      for (let k = 0; k < 4; k++) {
        kpis.push({
          row: kpis.length + 2,
          cells: { campaign, indicator: `K${k}`, direction: k === 3 ? "lower" : "higher", target: 100, weight: 1 },
        });
        for (let r = 0; r < 5; r++) {
          readings.push({
            row: readings.length + 2,
            cells: {
              date: `2026-03-${String(10 + r).padStart(2, "0")}`,
              campaign,
              indicator: `K${k}`,
              value: 60 + r * 10,
            },
          });
        }
      }
    }
    const report = evaluate({ kpis, readings, spend, revenue, settings });
    expect(report.problems).toEqual([]);
    expect(report.campaigns).toHaveLength(5000);
    expect(report.campaigns.flatMap((c) => c.kpis)).toHaveLength(20_000);
    expect(report.campaigns.every((c) => c.spend === 1000 && c.kpis.every((k) => k.series.length === 5))).toBe(true);
    // Latest reading 100 against 100: every KPI attains exactly 1.
    expect(report.campaigns[4999]).toMatchObject({
      campaign: "C-4999",
      score: 1,
      grade: "A",
      goalsMet: true,
      roi: 4.999,
    });
  });
});
