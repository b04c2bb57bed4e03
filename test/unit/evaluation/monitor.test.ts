// The monitoring rules at a given moment: overdue tasks, lagging KPIs by projection, overspend and long-waiting requests, and nothing for what is on track.
import { describe, expect, it } from "vitest";
import {
  type BudgetPosition,
  DEFAULT_EVALUATION_SETTINGS,
  formatEvaluationMessage,
  type Kpi,
  type KpiReading,
  type MonitorInput,
  monitor,
  projectKpi,
  type Task,
} from "../../../src/domain/evaluation";

const settings = { ...DEFAULT_EVALUATION_SETTINGS, managers: ["Director@Example.com", "cmo@example.com"] };
const NOW = "2026-03-15T09:00:00+08:00";

const task = (t: Partial<Task> & Pick<Task, "campaign" | "step" | "due">): Task => ({
  owner: "ann@example.com",
  start: null,
  deliverable: "",
  status: "todo",
  completed: null,
  ...t,
});
const kpi = (k: Partial<Kpi> & Pick<Kpi, "campaign" | "indicator" | "target">): Kpi => ({
  unit: "",
  direction: "higher",
  actual: null,
  weight: 1,
  source: "",
  updated: null,
  ...k,
});
const reading = (campaign: string, indicator: string, date: string, value: number): KpiReading => ({
  campaign,
  indicator,
  date,
  value,
});

function scenario(): MonitorInput {
  return {
    now: NOW,
    campaigns: [
      { id: "C-1", name: "Spring launch", start: "2026-03-01", end: "2026-03-30", state: "InProgress" },
      { id: "C-2", start: "2026-01-01", end: "2026-02-28", state: "Closed" },
      { id: "C-3", start: "2026-03-01", end: "2026-03-30", state: "Cancelled" },
    ],
    tasks: [
      task({ campaign: "C-1", step: "Print flyers", due: "2026-03-10", status: "in_progress" }), // overdue
      task({ campaign: "C-1", step: "Book venue", due: "2026-03-20" }), // not due yet
      task({ campaign: "C-1", step: "Due today", due: "2026-03-15" }), // due today is not overdue
      task({ campaign: "C-1", step: "Brief agency", due: "2026-03-05", status: "done" }),
      task({ campaign: "C-1", step: "Dropped idea", due: "2026-03-05", status: "cancelled" }),
      task({ campaign: "C-2", step: "Old task", due: "2026-02-01" }), // campaign closed
    ],
    kpis: [
      kpi({ campaign: "C-1", indicator: "Leads", unit: "leads", target: 3000 }), // lagging
      kpi({ campaign: "C-1", indicator: "Reach", target: 10000 }), // on pace
      kpi({ campaign: "C-1", indicator: "Cost per lead", unit: "CNY", direction: "lower", target: 20 }), // 95 %
      kpi({ campaign: "C-1", indicator: "Conversion", unit: "%", target: 5 }), // a level at 96 %
    ],
    readings: [
      reading("C-1", "Leads", "2026-03-05", 200),
      reading("C-1", "Leads", "2026-03-10", 500),
      reading("C-1", "Reach", "2026-03-12", 4000),
      reading("C-1", "Cost per lead", "2026-03-12", 21),
      reading("C-1", "Conversion", "2026-03-12", 4.8),
      reading("C-1", "Leads", "2026-03-20", 99999), // after today: not yet real
    ],
    budgets: new Map<string, BudgetPosition>([
      ["C-1", { approved: 10000, actual: 6000.1, committed: 3999.9 }], // exactly on budget
      ["C-3", { approved: 100, actual: 500, committed: 0 }], // cancelled
    ]),
    requests: [
      {
        id: "R-1",
        campaign: "C-1",
        type: "budget_overrun",
        submittedAt: "2026-03-10T09:00:00+08:00",
        approvers: ["Boss@Example.com"],
      },
      { id: "R-2", campaign: "C-1", type: "change", submittedAt: "2026-03-13T10:00:00+08:00", approvers: ["b@x.com"] },
    ],
    settings,
  };
}

describe("monitor()", () => {
  it("finds exactly the overdue task, the lagging KPI and the old request, and nothing on track", () => {
    const alerts = monitor(scenario());
    expect(alerts).toEqual([
      {
        key: '["task_overdue","C-1","Print flyers","2026-03-10"]',
        kind: "task_overdue",
        severity: "warning",
        campaign: "C-1",
        recipients: ["cmo@example.com", "director@example.com"],
        messageKey: "evaluation.alert.task_overdue",
        params: {
          campaign: "Spring launch (C-1)",
          step: "Print flyers",
          due: "2026-03-10",
          days: 5,
          owner: "ann@example.com",
        },
      },
      {
        key: '["kpi_lagging","C-1","leads","2026-03-10"]',
        kind: "kpi_lagging",
        severity: "warning",
        campaign: "C-1",
        recipients: ["cmo@example.com", "director@example.com"],
        messageKey: "evaluation.alert.kpi_lagging",
        // 500 leads after 10 of 30 days: 1,500 at this pace, 50 % of 3,000.
        params: {
          campaign: "Spring launch (C-1)",
          indicator: "Leads",
          projected: 1500,
          unit: "leads",
          target: 3000,
          percent: 50,
          date: "2026-03-10",
        },
      },
      {
        key: '["request_waiting","R-1","boss@example.com"]',
        kind: "request_waiting",
        severity: "warning",
        campaign: "C-1",
        recipients: ["boss@example.com"],
        messageKey: "evaluation.alert.request_waiting",
        params: {
          campaign: "Spring launch (C-1)",
          type: "budget_overrun",
          request: "R-1",
          days: 5,
          submitted: "2026-03-10T09:00:00+08:00",
        },
      },
    ]);
    expect(formatEvaluationMessage("evaluation.alert.kpi_lagging", "en", alerts[1]?.params)).toBe(
      "Spring launch (C-1): Leads is heading for 1500 leads against a target of 3000 leads (50 % of target; last measured 2026-03-10).",
    );
  });

  it("gives the same keys on a later run while nothing changes, so a digest can tell what it sent", () => {
    const first = monitor(scenario()).map((a) => a.key);
    const later = monitor({ ...scenario(), now: "2026-03-15T17:00:00+08:00" }).map((a) => a.key);
    expect(later).toEqual(first);
  });

  it("reports overspend beyond the approved amount, critical, and not a cent earlier", () => {
    const input = {
      ...scenario(),
      tasks: [],
      kpis: [],
      requests: [],
      budgets: new Map<string, BudgetPosition>([
        ["C-1", { approved: 0.3, actual: 0.1, committed: 0.2 }], // 0.1 + 0.2 is 0.3 exactly: on budget
        ["C-4", { approved: 1000, actual: 900, committed: 100.01 }],
      ]),
    };
    expect(monitor(input)).toEqual([
      {
        key: '["overspend","C-4",1000]',
        kind: "overspend",
        severity: "critical",
        campaign: "C-4",
        recipients: ["cmo@example.com", "director@example.com"],
        messageKey: "evaluation.alert.overspend",
        params: { campaign: "C-4", spent: 1000.01, approved: 1000, over: 0.01 },
      },
    ]);
  });

  it("escalates long-overdue tasks and long-waiting requests, and waits strictly longer than N days", () => {
    const input: MonitorInput = {
      ...scenario(),
      kpis: [],
      tasks: [task({ campaign: "C-1", step: "Late", due: "2026-03-07" })],
      requests: [
        {
          id: "R-old",
          campaign: "C-1",
          type: "plan",
          submittedAt: "2026-03-07T08:59:00+08:00",
          approvers: ["a@x.com"],
        },
        { id: "R-3d", campaign: "C-1", type: "plan", submittedAt: "2026-03-12T09:00:00+08:00", approvers: ["a@x.com"] },
        { id: "R-date", campaign: "C-1", type: "summary", submittedAt: "2026-03-11", approvers: ["a@x.com"] },
      ],
    };
    const alerts = monitor(input);
    expect(alerts.map((a) => [a.kind, a.severity, a.params.days])).toEqual([
      ["task_overdue", "critical", 8],
      ["request_waiting", "critical", 8],
      ["request_waiting", "warning", 4],
    ]);
    expect(alerts.some((a) => a.params.request === "R-3d")).toBe(false);
  });

  it("does not judge KPIs outside the campaign window or of campaigns not running", () => {
    const base = scenario();
    const before = monitor({ ...base, now: "2026-02-27T09:00:00+08:00", tasks: [], requests: [] });
    expect(before.filter((a) => a.kind === "kpi_lagging")).toEqual([]);
    const ready = monitor({
      ...base,
      requests: [],
      budgets: new Map(),
      tasks: base.tasks.filter((t) => t.campaign === "C-1"),
      campaigns: [{ id: "C-1", start: "2026-03-01", end: "2026-03-30", state: "Completed" }],
    });
    // Completed: the work is declared done, so neither its open tasks nor its KPIs are chased any more.
    expect(ready).toEqual([]);
  });

  it("uses the KPI row's actual and updated date when there is no reading", () => {
    const input: MonitorInput = {
      ...scenario(),
      tasks: [],
      requests: [],
      readings: [],
      kpis: [kpi({ campaign: "C-1", indicator: "Signups", target: 300, actual: 50, updated: "2026-03-15" })],
    };
    expect(monitor(input).map((a) => [a.kind, a.params.projected, a.params.percent])).toEqual([
      ["kpi_lagging", 100, 33],
    ]);
  });

  it("refuses a moment that is not an instant with offset", () => {
    expect(() => monitor({ ...scenario(), now: "2026-03-15" })).toThrow(RangeError);
  });
});

describe("projectKpi()", () => {
  const window = { start: "2026-03-01", end: "2026-03-30" };
  const levels = new Set(["%"]);

  it("extends a running total at its pace so far to the end of the window", () => {
    const leads = kpi({ campaign: "C", indicator: "Leads", target: 3000 });
    expect(projectKpi(leads, { date: "2026-03-10", value: 500 }, window, levels)).toEqual({
      projected: 1500,
      attainment: 0.5,
    });
    expect(projectKpi(leads, { date: "2026-03-30", value: 2900 }, window, levels)?.projected).toBe(2900);
    expect(projectKpi(leads, { date: "2026-03-01", value: 100 }, window, levels)?.projected).toBe(3000);
  });

  it("keeps levels and lower-is-better values as they are", () => {
    const rate = kpi({ campaign: "C", indicator: "CTR", unit: "%", target: 5 });
    expect(projectKpi(rate, { date: "2026-03-10", value: 4 }, window, levels)).toEqual({
      projected: 4,
      attainment: 0.8,
    });
    const cpl = kpi({ campaign: "C", indicator: "CPL", direction: "lower", target: 20 });
    expect(projectKpi(cpl, { date: "2026-03-10", value: 25 }, window, levels)).toEqual({
      projected: 25,
      attainment: 0.8,
    });
  });

  it("gives no projection from a baseline before the start or a lower-is-better value of 0", () => {
    const leads = kpi({ campaign: "C", indicator: "Leads", target: 3000 });
    expect(projectKpi(leads, { date: "2026-02-20", value: 10 }, window, levels)).toBeNull();
    const cpl = kpi({ campaign: "C", indicator: "CPL", direction: "lower", target: 20 });
    expect(projectKpi(cpl, { date: "2026-03-10", value: 0 }, window, levels)).toBeNull();
  });
});
