// Submission completeness: every missing or invalid plan and execution-plan item is reported with its field and message key.

import { describe, expect, it } from "vitest";
import { checkExecution, checkPlan, type Issue, type TaskDraft } from "../../../src/domain/workflow";
import { OWNER, validPlan, validTasks } from "./fixtures";

function issuesOf(result: { ok: boolean; error?: readonly Issue[] } | { ok: true }): [string, string][] {
  if (result.ok || !("error" in result) || result.error === undefined) return [];
  return result.error.map((i) => [i.field, i.messageKey]);
}

describe("checkPlan", () => {
  it("accepts a complete plan and returns it normalised", () => {
    const result = checkPlan(validPlan({ owner: " Olga@Example.com ", currency: "cny", budget: "500000" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.owner).toBe(OWNER);
    expect(result.value.currency).toBe("CNY");
    expect(result.value.budget).toBe(500_000);
    expect(result.value.kpis).toHaveLength(2);
  });

  it("reports every required item of an empty plan at once", () => {
    expect(issuesOf(checkPlan({}))).toEqual([
      ["name", "workflow.plan.name.missing"],
      ["owner", "workflow.plan.owner.missing"],
      ["objective", "workflow.plan.objective.missing"],
      ["audience", "workflow.plan.audience.missing"],
      ["channels", "workflow.plan.channels.missing"],
      ["content", "workflow.plan.content.missing"],
      ["start", "workflow.plan.start.missing"],
      ["end", "workflow.plan.end.missing"],
      ["budget", "workflow.plan.budget.missing"],
      ["currency", "workflow.plan.currency.missing"],
      ["kpis", "workflow.plan.kpis.missing"],
    ]);
  });

  it.each([
    ["name", "   ", "workflow.plan.name.missing"],
    ["objective", "", "workflow.plan.objective.missing"],
    ["audience", null, "workflow.plan.audience.missing"],
    ["content", undefined, "workflow.plan.content.missing"],
    ["channels", [], "workflow.plan.channels.missing"],
    ["channels", " , ", "workflow.plan.channels.missing"],
    ["owner", "", "workflow.plan.owner.missing"],
    ["owner", "olga", "workflow.plan.owner.invalid"],
    ["start", "", "workflow.plan.start.missing"],
    ["start", "2024-02-30", "workflow.plan.start.invalid"],
    ["end", "30/06/2024", "workflow.plan.end.invalid"],
    ["budget", "", "workflow.plan.budget.missing"],
    ["budget", "a lot", "workflow.plan.budget.invalid"],
    ["budget", 12.5, "workflow.plan.budget.invalid"],
    ["budget", -1, "workflow.plan.budget.negative"],
    ["currency", "", "workflow.plan.currency.missing"],
    ["currency", "RMB yuan", "workflow.plan.currency.invalid"],
    ["kpis", [], "workflow.plan.kpis.missing"],
    ["kpis", "Leads 1200", "workflow.plan.kpis.missing"],
  ])("reports %s = %j as %s", (field, value, key) => {
    expect(issuesOf(checkPlan(validPlan({ [field]: value })))).toEqual([[field, key]]);
  });

  it("reports an end before the start on the end field", () => {
    expect(issuesOf(checkPlan(validPlan({ start: "2024-06-30", end: "2024-06-01" })))).toEqual([
      ["end", "workflow.plan.end.beforeStart"],
    ]);
  });

  it("accepts a one-day campaign and a zero budget", () => {
    expect(checkPlan(validPlan({ start: "2024-06-01", end: "2024-06-01", budget: 0 })).ok).toBe(true);
  });

  it("reports each KPI problem on its own line, numbered as the marketer sees it", () => {
    const result = checkPlan(
      validPlan({
        kpis: [
          { indicator: "Leads", target: 100 },
          { indicator: "", target: "", unit: "" }, // unused line: skipped, keeps its number
          { indicator: "Reach" },
          { indicator: "", target: 5 },
          { indicator: "Sales", target: "plenty" },
          { indicator: "Returns", target: -3 },
          { indicator: "NPS", target: 40, direction: "sideways" },
          { indicator: "leads", target: 7 },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      { field: "kpis.2.target", messageKey: "workflow.plan.kpi.target.missing", params: { n: 3 } },
      { field: "kpis.3.indicator", messageKey: "workflow.plan.kpi.indicator.missing", params: { n: 4 } },
      { field: "kpis.4.target", messageKey: "workflow.plan.kpi.target.notNumber", params: { n: 5 } },
      { field: "kpis.5.target", messageKey: "workflow.plan.kpi.target.negative", params: { n: 6 } },
      { field: "kpis.6.direction", messageKey: "workflow.plan.kpi.direction.invalid", params: { n: 7 } },
      {
        field: "kpis.7.indicator",
        messageKey: "workflow.plan.kpi.indicator.duplicate",
        params: { n: 8, indicator: "leads" },
      },
    ]);
  });

  it("refuses a KPI target of 0, since attainment divides by it", () => {
    const result = checkPlan(validPlan({ kpis: [{ indicator: "Complaints", target: 0, direction: "lower" }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      { field: "kpis.0.target", messageKey: "workflow.plan.kpi.target.zero", params: { n: 1 } },
    ]);
    expect(checkPlan(validPlan({ kpis: [{ indicator: "Complaints", target: 0.5, direction: "lower" }] })).ok).toBe(
      true,
    );
  });

  it("counts a KPI target typed as text when it is a number", () => {
    const result = checkPlan(validPlan({ kpis: [{ indicator: "Leads", target: " 1200 " }] }));
    expect(result.ok && result.value.kpis[0]?.target).toBe(1200);
  });

  it("reads channels typed into one cell and checks them against Settings", () => {
    const ok = checkPlan(validPlan({ channels: "Email，Social、Email" }), { channels: ["Email", "Social"] });
    expect(ok.ok && ok.value.channels).toEqual(["Email", "Social"]);
    const result = checkPlan(validPlan({ channels: "Email, Billboard" }), { channels: ["Email", "Social"] });
    expect(result.ok ? [] : result.error).toEqual([
      { field: "channels", messageKey: "workflow.plan.channels.unknown", params: { channel: "Billboard" } },
    ]);
  });

  it("keeps free text as text, formula-looking or not (writing it inert is the workbook's job)", () => {
    const result = checkPlan(validPlan({ objective: '=IMPORTXML("x")', audience: "<img src=x onerror=alert(1)>" }));
    expect(result.ok && [result.value.objective, result.value.audience]).toEqual([
      '=IMPORTXML("x")',
      "<img src=x onerror=alert(1)>",
    ]);
  });

  it("reports several problems together", () => {
    expect(issuesOf(checkPlan(validPlan({ objective: "", end: "2024-05-01", budget: -5, kpis: [] })))).toEqual([
      ["objective", "workflow.plan.objective.missing"],
      ["end", "workflow.plan.end.beforeStart"],
      ["budget", "workflow.plan.budget.negative"],
      ["kpis", "workflow.plan.kpis.missing"],
    ]);
  });
});

describe("checkExecution", () => {
  const plan = { end: "2024-06-30" };
  const task = (overrides: Partial<Record<keyof TaskDraft, unknown>>): TaskDraft => ({
    step: "Produce video",
    owner: OWNER,
    start: "2024-06-01",
    due: "2024-06-10",
    deliverable: "Video file",
    ...overrides,
  });

  it("accepts tasks with owners and dates inside the campaign, preparation before it included", () => {
    const result = checkExecution(plan, validTasks());
    expect(result.ok && result.value.tasks.map((t) => t.step)).toEqual(["Produce launch video", "Run social posts"]);
  });

  it("needs at least one task", () => {
    expect(issuesOf(checkExecution(plan, []))).toEqual([["tasks", "workflow.execution.tasks.missing"]]);
    expect(issuesOf(checkExecution(plan, [{ step: " ", owner: "" }]))).toEqual([
      ["tasks", "workflow.execution.tasks.missing"],
    ]);
  });

  it.each([
    ["step", "", "workflow.execution.task.step.missing"],
    ["owner", "", "workflow.execution.task.owner.missing"],
    ["owner", "the intern", "workflow.execution.task.owner.invalid"],
    ["start", "", "workflow.execution.task.start.missing"],
    ["start", "next week", "workflow.execution.task.start.invalid"],
    ["due", "", "workflow.execution.task.due.missing"],
    ["due", "2024-13-01", "workflow.execution.task.due.invalid"],
    ["deliverable", "", "workflow.execution.task.deliverable.missing"],
  ])("reports task %s = %j as %s", (field, value, key) => {
    expect(checkExecution(plan, [task({ [field]: value })])).toEqual({
      ok: false,
      error: [{ field: `tasks.0.${field}`, messageKey: key, params: { n: 1 } }],
    });
  });

  it("reports a task due before it starts", () => {
    expect(issuesOf(checkExecution(plan, [task({ start: "2024-06-10", due: "2024-06-09" })]))).toEqual([
      ["tasks.0.due", "workflow.execution.task.due.beforeStart"],
    ]);
  });

  it("reports a task due after the campaign ends, naming the end", () => {
    const result = checkExecution(plan, [task({}), task({ due: "2024-07-01" })]);
    expect(result.ok ? [] : result.error).toEqual([
      {
        field: "tasks.1.due",
        messageKey: "workflow.execution.task.due.afterCampaignEnd",
        params: { n: 2, end: "2024-06-30" },
      },
    ]);
  });

  it("reports problems of every task, skipping blank lines but keeping their numbers", () => {
    const result = checkExecution(plan, [task({ owner: "" }), {}, task({ deliverable: "", due: "2024-08-01" })]);
    expect(issuesOf(result)).toEqual([
      ["tasks.0.owner", "workflow.execution.task.owner.missing"],
      ["tasks.2.due", "workflow.execution.task.due.afterCampaignEnd"],
      ["tasks.2.deliverable", "workflow.execution.task.deliverable.missing"],
    ]);
  });
});
