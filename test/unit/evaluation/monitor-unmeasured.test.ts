// A KPI with no measurement at all by the middle of its campaign raises a monitoring alert; before the middle, none.
import { describe, expect, it } from "vitest";
import {
  DEFAULT_EVALUATION_SETTINGS,
  formatEvaluationMessage,
  type Kpi,
  type MonitorInput,
  monitor,
} from "../../../src/domain/evaluation";

const kpi = (k: Partial<Kpi> & Pick<Kpi, "campaign" | "indicator" | "target">): Kpi => ({
  unit: "",
  direction: "higher",
  actual: null,
  weight: 1,
  source: "",
  updated: null,
  ...k,
});

function at(now: string, more: Partial<MonitorInput> = {}): MonitorInput {
  return {
    now,
    campaigns: [{ id: "C-1", name: "Spring launch", start: "2026-03-01", end: "2026-03-30", state: "InProgress" }],
    tasks: [],
    kpis: [kpi({ campaign: "C-1", indicator: "Leads", unit: "leads", target: 3000 })],
    readings: [],
    budgets: new Map(),
    requests: [],
    settings: { ...DEFAULT_EVALUATION_SETTINGS, managers: ["director@example.com"] },
    ...more,
  };
}

describe("a KPI never measured", () => {
  it("raises no alert before the middle of the campaign", () => {
    expect(monitor(at("2026-03-14T09:00:00+08:00"))).toEqual([]);
  });

  it("raises one from the middle on, with the same key every run, worded in both languages", () => {
    const first = monitor(at("2026-03-15T09:00:00+08:00"));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ kind: "kpi_lagging", campaign: "C-1", recipients: ["director@example.com"] });
    const later = monitor(at("2026-03-20T09:00:00+08:00"));
    expect(later[0]?.key).toBe(first[0]?.key);
    const alert = first[0]!;
    expect(formatEvaluationMessage(alert.messageKey, "en", alert.params)).toBe(
      "Spring launch (C-1): Leads (target 3000 leads) has not been measured at all, and the campaign passed its middle on 2026-03-15.",
    );
    expect(formatEvaluationMessage(alert.messageKey, "zh", alert.params)).toContain("指标“Leads”");
  });

  it("stops once any measurement exists (then the lagging rule judges it)", () => {
    const measured = at("2026-03-20T09:00:00+08:00", {
      readings: [{ campaign: "C-1", indicator: "Leads", date: "2026-03-18", value: 2000 }],
    });
    expect(monitor(measured).filter((a) => a.messageKey === "evaluation.alert.kpi_unmeasured")).toEqual([]);
  });

  it("says nothing for a campaign that is not running", () => {
    const closed = at("2026-03-20T09:00:00+08:00", {
      campaigns: [{ id: "C-1", start: "2026-03-01", end: "2026-03-30", state: "Closed" }],
    });
    expect(monitor(closed)).toEqual([]);
  });
});
