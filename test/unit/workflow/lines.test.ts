// Budget lines in the plan: checked at submission (each line, then the sum against the total budget, exactly in minor
// units), captured in the snapshot as version 2 in canonical order, diffed line by line against the approved plan, and
// put in force by an approved plan or change request. A plan approved before lines were captured (version 1) reads
// as it did and shows no line diff.
import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  checkPlan,
  diffSnapshot,
  type Issue,
  type LineDraft,
  linesSnapshot,
  type PlanSnapshot,
  parsePlanSnapshot,
  planSnapshot,
  SNAPSHOT_VERSION,
} from "../../../src/domain/workflow";
import { expectOk, LEAD, Scenario, validPlan } from "./fixtures";

/** The fixture plan's 5,000.00 CNY (500,000 fen) as two lines. */
const LINES: LineDraft[] = [
  { category: "Media", month: "2024-06", planned: 300_000, currency: "CNY", row: 2 },
  { category: "Events", month: "2024-06", planned: 200_000, currency: "CNY", row: 3 },
];

function issuesOf(result: ReturnType<typeof checkPlan>): Issue[] {
  return result.ok ? [] : [...result.error];
}

describe("checkPlan with budget lines", () => {
  it("accepts lines that add up to the budget exactly, and returns them in canonical form", () => {
    const result = checkPlan(validPlan({ lines: LINES }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.lines).toEqual([
      { category: "Events", month: "2024-06", planned: 200_000, currency: "CNY" },
      { category: "Media", month: "2024-06", planned: 300_000, currency: "CNY" },
    ]);
  });

  it("names the rows when the sum differs, by a single minor unit too", () => {
    const short = [LINES[0]!, { ...LINES[1]!, planned: 199_999 }];
    expect(issuesOf(checkPlan(validPlan({ lines: short })))).toEqual([
      {
        field: "lines",
        messageKey: "workflow.plan.lines.sum",
        params: { sum: 499_999, budget: 500_000, rows: "2, 3" },
      },
    ]);
    const over = [LINES[0]!, { ...LINES[1]!, planned: 200_001 }];
    expect(issuesOf(checkPlan(validPlan({ lines: over })))[0]?.params).toMatchObject({ sum: 500_001 });
  });

  it("reports every line that cannot be read, by its row, before any sum", () => {
    const bad: LineDraft[] = [
      { category: "", month: "June", planned: "lots", currency: "RMB!", row: 7 },
      { category: "Media", month: "2024-13", planned: -1, currency: "CNY", row: 8 },
      { category: "Media", month: "2024-06", planned: 12.5, currency: "CNY", row: 9 },
    ];
    expect(issuesOf(checkPlan(validPlan({ lines: bad }))).map((i) => [i.field, i.messageKey, i.params])).toEqual([
      ["lines.0.category", "workflow.plan.line.category.missing", { row: 7 }],
      ["lines.0.month", "workflow.plan.line.month.invalid", { row: 7 }],
      ["lines.0.planned", "workflow.plan.line.planned.invalid", { row: 7 }],
      ["lines.0.currency", "workflow.plan.line.currency.invalid", { row: 7 }],
      ["lines.1.month", "workflow.plan.line.month.invalid", { row: 8 }],
      ["lines.1.planned", "workflow.plan.line.planned.invalid", { row: 8 }],
      ["lines.2.planned", "workflow.plan.line.planned.invalid", { row: 9 }],
    ]);
  });

  it("asks for lines when a budget has none; a budget of 0 needs none", () => {
    expect(issuesOf(checkPlan(validPlan({ lines: [] })))).toEqual([
      { field: "lines", messageKey: "workflow.plan.lines.missing", params: { budget: 500_000 } },
    ]);
    const zero = checkPlan(validPlan({ budget: 0, lines: [] }));
    expect(zero.ok && zero.value.lines).toEqual([]);
  });

  it("counts a line in another currency as the caller converts it, and names it when nothing does", () => {
    const usd: LineDraft = { category: "Media", month: "2024-06", planned: 30_000, currency: "USD", row: 4 };
    const lines = [usd, { ...LINES[1]!, planned: 290_000 }];
    expect(issuesOf(checkPlan(validPlan({ lines })))).toEqual([
      {
        field: "lines.0.currency",
        messageKey: "workflow.plan.line.currency.noRate",
        params: { row: 4, currency: "USD", plan: "CNY" },
      },
    ]);
    const seen: [string, string][] = [];
    const converted = checkPlan(validPlan({ lines }), {
      lineInPlanCurrency: (line, plan) => {
        seen.push([line.currency, plan]);
        return line.planned === 30_000 ? 210_000 : null;
      },
    });
    expect(converted.ok).toBe(true);
    expect(seen).toEqual([["USD", "CNY"]]);
  });

  it("leaves the lines alone when the caller gave none to check (a version 1 plan)", () => {
    const result = checkPlan(validPlan());
    expect(result.ok && "lines" in result.value).toBe(false);
  });

  it("checks no sum while the budget itself is wrong: the budget's message is enough", () => {
    expect(issuesOf(checkPlan(validPlan({ budget: "a lot", lines: LINES }))).map((i) => i.field)).toEqual(["budget"]);
  });
});

describe("the snapshot's lines", () => {
  it("are one line per category, month and currency, summed exactly and sorted, blank rows dropped", () => {
    expect(
      linesSnapshot([
        { category: " Media ", month: "2024-06", planned: 100_001, currency: "cny" },
        { category: "", month: "", planned: "", currency: "CNY" },
        { category: "Events", month: "2024-07", planned: 5, currency: "CNY" },
        { category: "Media", month: "2024-06", planned: 199_999, currency: "CNY" },
        { category: "Media", month: "2024-06", planned: "typo", currency: "CNY" },
      ]),
    ).toEqual([
      { category: "Events", month: "2024-07", planned: 5, currency: "CNY" },
      // Ties are broken by canonical text, so the order never depends on the rows'.
      { category: "Media", month: "2024-06", planned: "typo", currency: "CNY" },
      { category: "Media", month: "2024-06", planned: 300_000, currency: "CNY" },
    ]);
  });

  it("make the snapshot version 2, whose canonical text does not depend on the rows' order", () => {
    const a = planSnapshot(validPlan({ lines: LINES }));
    const b = planSnapshot(validPlan({ lines: [...LINES].reverse() }));
    expect(a.v).toBe(SNAPSHOT_VERSION);
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(parsePlanSnapshot(canonicalJson(a))).toEqual(a);
  });

  it("are diffed against an approved version 2 snapshot, and not against a version 1 one", () => {
    const approved = planSnapshot(validPlan({ lines: LINES }));
    const moved = planSnapshot(validPlan({ lines: [LINES[0]!, { ...LINES[1]!, month: "2024-07" }] }));
    expect(diffSnapshot(approved, moved).map((c) => c.field)).toEqual(["lines"]);
    // Fields are listed in a fixed order: budget and currency, then lines, then the rest.
    const more = planSnapshot(validPlan({ budget: 600_000, place: "Online", lines: [] }));
    expect(diffSnapshot(approved, more).map((c) => c.field)).toEqual(["budget", "lines", "place"]);
    const v1: PlanSnapshot = planSnapshot(validPlan());
    expect(v1.v).toBeUndefined();
    expect(parsePlanSnapshot(canonicalJson(v1))).toEqual(v1);
    expect(diffSnapshot(v1, moved)).toEqual([]);
  });
});

describe("lines through the engine", () => {
  it("are approved with the plan and changed only by an approved change request", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ lines: LINES }) }));
    expectOk(s.decide(LEAD, "approve"));
    expect(s.view.approvedPlan?.lines?.map((l) => l.category)).toEqual(["Events", "Media"]);

    // The same lines again are no change; moved money is one, routed by the (unchanged) budget.
    expect(s.submit({ type: "change", plan: validPlan({ lines: LINES }) }, undefined, "Nothing")).toMatchObject({
      ok: false,
      error: { kind: "no_change" },
    });
    const moved = [
      { ...LINES[0]!, planned: 350_000 },
      { ...LINES[1]!, planned: 150_000 },
    ];
    const change = expectOk(
      s.submit({ type: "change", plan: validPlan({ lines: moved }) }, undefined, "Media costs more"),
    );
    expect(JSON.parse(change.events[0]!.snapshot)).toMatchObject({ amount: 500_000 });
    // Not in force until approved.
    expect(s.view.approvedPlan?.lines?.find((l) => l.category === "Media")?.planned).toBe(300_000);
    expectOk(s.decide(LEAD, "approve"));
    expect(s.view.approvedPlan?.lines?.find((l) => l.category === "Media")?.planned).toBe(350_000);
  });

  it("refuse a change whose lines do not add up to its new budget", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ lines: LINES }) }));
    expectOk(s.decide(LEAD, "approve"));
    const result = s.submit({ type: "change", plan: validPlan({ budget: 600_000, lines: LINES }) }, undefined, "More");
    expect(result).toMatchObject({ ok: false, error: { kind: "incomplete" } });
    expect(result.ok ? [] : result.error.issues?.map((i) => i.messageKey)).toEqual(["workflow.plan.lines.sum"]);
  });
});
