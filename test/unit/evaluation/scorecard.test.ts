// The team scorecard: campaigns run, budget adherence, on-time tasks (on time, late, or unknown without a completion date), mean attainment, score and tier per person and period.
import { describe, expect, it } from "vitest";
import {
  type BudgetPosition,
  DEFAULT_EVALUATION_SETTINGS,
  periodOf,
  type ScorecardInput,
  scorecard,
  type Task,
} from "../../../src/domain/evaluation";

const task = (t: Partial<Task> & Pick<Task, "owner" | "due">): Task => ({
  campaign: "C-1",
  step: "Step",
  start: null,
  deliverable: "",
  status: "todo",
  completed: null,
  ...t,
});

function input(): ScorecardInput {
  return {
    today: "2026-03-31",
    campaigns: [
      { id: "C-1", owner: "ann@example.com", end: "2026-03-30", state: "Completed" },
      { id: "C-2", owner: "Ann@Example.com", end: "2026-02-15", state: "Closed" },
      { id: "C-3", owner: "ann@example.com", end: "2026-03-01", state: "Cancelled" },
      { id: "C-4", owner: "bob@example.com", end: "2026-04-10", state: "InProgress" },
      { id: "C-5", owner: "bob@example.com", end: "2026-01-20", state: "Closed" },
      { id: "C-6", owner: "bob@example.com", end: "2026-03-20", state: "PlanApproved" },
    ],
    tasks: [
      task({ owner: "ann@example.com", due: "2026-03-10", status: "done", completed: "2026-03-09" }), // on time
      task({ owner: "ann@example.com", due: "2026-03-10", status: "done", completed: "2026-03-12" }), // late
      task({ owner: "ann@example.com", due: "2026-03-20", status: "in_progress" }), // late, still open
      task({ owner: "ann@example.com", due: "2026-04-05" }), // not due yet: not judged
      task({ owner: "ann@example.com", due: "2026-02-01", status: "done" }), // done, no date: unknown
      task({ owner: "ann@example.com", due: "2026-02-01", status: "cancelled" }), // not counted
      task({ owner: "bob@example.com", due: "2026-03-15", status: "done", completed: "2026-03-15" }), // on the day
      task({ owner: "", due: "2026-03-01" }), // nobody to score
    ],
    budgets: new Map<string, BudgetPosition>([
      ["C-1", { approved: 1000, actual: 1000, committed: 0 }], // exactly on budget: within
      ["C-2", { approved: 500, actual: 450, committed: 100 }], // over with the committed money
      ["C-4", { approved: 100, actual: 20, committed: 0 }],
    ]),
    scores: new Map([
      ["C-1", 1.2],
      ["C-2", 0.8],
      ["C-4", 0.1],
    ]),
    settings: DEFAULT_EVALUATION_SETTINGS,
  };
}

describe("scorecard()", () => {
  it("scores each person per quarter from the components that have data", () => {
    expect(scorecard(input())).toEqual([
      {
        owner: "ann@example.com",
        period: "2026-Q1",
        campaigns: 2,
        budgeted: 2,
        withinBudget: 1,
        budgetAdherence: 0.5,
        // On time, late, late and still open, and one done without a date: left out of the rate.
        tasksDue: 4,
        tasksOnTime: 1,
        tasksUnknown: 1,
        onTimeRate: 0.333333333333,
        meanAttainment: 1,
        // (0.5 + 1/3 + 1) / 3
        score: 0.611111111111,
        tier: "meets",
      },
      {
        owner: "bob@example.com",
        period: "2026-Q1",
        campaigns: 1,
        budgeted: 0,
        withinBudget: 0,
        budgetAdherence: null,
        tasksDue: 1,
        tasksOnTime: 1,
        tasksUnknown: 0,
        onTimeRate: 1,
        meanAttainment: null,
        score: 1,
        tier: "recognition",
      },
      {
        owner: "bob@example.com",
        period: "2026-Q2",
        campaigns: 1,
        budgeted: 1,
        withinBudget: 1,
        budgetAdherence: 1,
        tasksDue: 0,
        tasksOnTime: 0,
        tasksUnknown: 0,
        onTimeRate: null,
        meanAttainment: 0.1,
        score: 0.55,
        tier: "improvement",
      },
    ]);
  });

  it("counts attainment only up to 100 % in the score, so over-achievement does not buy back lateness", () => {
    const base = input();
    const rows = scorecard({
      ...base,
      scores: new Map([
        ["C-1", 1.5],
        ["C-2", 1.5],
      ]),
    });
    const ann = rows.find((r) => r.owner === "ann@example.com");
    expect(ann?.meanAttainment).toBe(1.5);
    expect(ann?.score).toBe(0.611111111111);
  });

  it("splits by month when asked and follows the weights and tier rules from Settings", () => {
    const settings = {
      scorecard: {
        period: "quarter" as const,
        weights: { budget: 0, onTime: 1, attainment: 0 },
        recognition: 0.5,
        improvement: 0.2,
      },
    };
    const rows = scorecard({ ...input(), settings, period: "month" });
    expect(
      rows.filter((r) => r.owner === "ann@example.com").map((r) => [r.period, r.onTimeRate, r.score, r.tier]),
    ).toEqual([
      // February's one task was done without a date: no rate, and with only that component weighted, no score.
      ["2026-02", null, null, null],
      ["2026-03", 0.333333333333, 0.333333333333, "meets"],
    ]);
  });

  it("counts a task done on or before its due date on time, after it late, and without a date apart", () => {
    const owner = "cy@example.com";
    const rows = scorecard({
      ...input(),
      campaigns: [],
      tasks: [
        task({ owner, due: "2026-03-10", status: "done", completed: "2026-03-02" }), // early: on time
        task({ owner, due: "2026-03-10", status: "done", completed: "2026-03-10" }), // on the day: on time
        task({ owner, due: "2026-03-10", status: "done", completed: "2026-03-11" }), // a day after: late
        task({ owner, due: "2026-03-12", status: "blocked", completed: "2026-03-01" }), // open: its date means nothing
        task({ owner, due: "2026-03-12", status: "done" }), // no date: unknown
        task({ owner, due: "2026-03-14", status: "done" }), // no date: unknown
      ],
    });
    expect(rows).toHaveLength(1);
    // 6 decided, 2 of them unknown: 2 on time of the 4 whose timeliness is known.
    expect(rows[0]).toMatchObject({ owner, tasksDue: 6, tasksOnTime: 2, tasksUnknown: 2, onTimeRate: 0.5 });
  });

  it("gives no on-time rate when every task was done without a date, and scores from what is known", () => {
    const owner = "cy@example.com";
    const rows = scorecard({
      ...input(),
      campaigns: [{ id: "C-9", owner, end: "2026-03-30", state: "Completed" }],
      tasks: [
        task({ campaign: "C-9", owner, due: "2026-03-10", status: "done" }),
        task({ campaign: "C-9", owner, due: "2026-03-11", status: "done" }),
      ],
      budgets: new Map([["C-9", { approved: 100, actual: 90, committed: 0 }]]),
      scores: new Map([["C-9", 0.8]]),
    });
    expect(rows).toEqual([
      expect.objectContaining({ owner, tasksDue: 2, tasksOnTime: 0, tasksUnknown: 2, onTimeRate: null }),
    ]);
    // Budget adherence 1 and attainment 0.8 only: an unknown rate neither helps nor hurts.
    expect(rows[0]?.score).toBe(0.9);
  });

  it("names periods by month or quarter", () => {
    expect(periodOf("2026-03-31", "month")).toBe("2026-03");
    expect(["2026-01-01", "2026-03-31", "2026-04-01", "2026-12-31"].map((d) => periodOf(d, "quarter"))).toEqual([
      "2026-Q1",
      "2026-Q1",
      "2026-Q2",
      "2026-Q4",
    ]);
  });
});
