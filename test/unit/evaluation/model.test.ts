// Row decoders and settings: good rows come out typed and pass their schemas, bad fields come back as problems (never thrown), grade scales parse.

import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  DEFAULT_EVALUATION_SETTINGS,
  decodeKpi,
  decodeLesson,
  decodeReading,
  decodeRows,
  decodeSummary,
  decodeTask,
  formatGradeScale,
  parseDirection,
  parseGradeScale,
  parseTaskStatus,
} from "../../../src/domain/evaluation";
import {
  EvaluationSettingsSchema,
  KPI_FIELDS,
  KpiReadingSchema,
  KpiSchema,
  LessonSchema,
  SummarySchema,
  TASK_FIELDS,
  TaskSchema,
} from "../../../src/domain/evaluation/schemas";

describe("decodeKpi()", () => {
  it("reads a full row and fills the defaults (direction higher, weight 1, actual not measured)", () => {
    const result = decodeKpi({ campaign: " C-1 ", indicator: "Leads", target: 500 });
    expect(result).toEqual({
      ok: true,
      value: {
        campaign: "C-1",
        indicator: "Leads",
        unit: "",
        direction: "higher",
        target: 500,
        actual: null,
        weight: 1,
        source: "",
        updated: null,
      },
    });
    if (result.ok) expect(z.safeParse(KpiSchema, result.value).success).toBe(true);
  });

  it("accepts numbers typed as text and directions in either language", () => {
    const result = decodeKpi({
      campaign: "C-1",
      indicator: "Cost per lead",
      unit: "CNY",
      direction: "越低越好",
      target: "20",
      actual: "18.5",
      weight: "0.5",
      source: "CRM",
      updated: "2026-03-10",
    });
    expect(result.ok && result.value).toMatchObject({ direction: "lower", target: 20, actual: 18.5, weight: 0.5 });
  });

  it("reports every bad field with its key, a message key and what was found", () => {
    const result = decodeKpi({
      campaign: "",
      indicator: "Leads",
      direction: "up",
      target: 0,
      actual: "many",
      weight: -1,
      updated: "31/03/2026",
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: "campaign", messageKey: "evaluation.problem.required", found: "" },
        { field: "direction", messageKey: "evaluation.problem.direction", found: "up" },
        { field: "target", messageKey: "evaluation.problem.positive", found: 0 },
        { field: "actual", messageKey: "evaluation.problem.number", found: "many" },
        { field: "weight", messageKey: "evaluation.problem.nonNegative", found: -1 },
        { field: "updated", messageKey: "evaluation.problem.date", found: "31/03/2026" },
      ],
    });
  });

  it("does not throw on anything a cell can hold", () => {
    for (const value of [null, undefined, true, Number.NaN, Number.POSITIVE_INFINITY, new Date(0), {}, [], "=1/0"]) {
      const cells = Object.fromEntries(KPI_FIELDS.map((f) => [f, value]));
      expect(decodeKpi(cells).ok).toBe(false);
    }
  });
});

describe("the other decoders", () => {
  it("decode readings, summaries, lessons and tasks to values their schemas accept", () => {
    const reading = decodeReading({ date: "2026-03-05", campaign: "C-1", indicator: "Leads", value: 120 });
    const summary = decodeSummary({
      campaign: "C-1",
      goalsMet: "是",
      effect: "Strong reach",
      acceptedBy: "Boss@Example.com",
      acceptedAt: "2026-04-02T10:00:00+08:00",
    });
    const lesson = decodeLesson({
      campaign: "C-1",
      channels: "Email, WeChat；Events",
      tags: ["launch"],
      lesson: "Start early",
    });
    const task = decodeTask({
      campaign: "C-1",
      step: "Design",
      owner: "Ann@Example.com",
      due: "2026-03-10",
      status: "已完成",
    });
    if (!reading.ok || !summary.ok || !lesson.ok || !task.ok) throw new Error("expected all four to decode");
    expect(z.safeParse(KpiReadingSchema, reading.value).success).toBe(true);
    expect(z.safeParse(SummarySchema, summary.value).success).toBe(true);
    expect(z.safeParse(LessonSchema, lesson.value).success).toBe(true);
    expect(z.safeParse(TaskSchema, task.value).success).toBe(true);
    expect(summary.value).toMatchObject({ goalsMet: true, acceptedBy: "boss@example.com" });
    expect(lesson.value.channels).toEqual(["Email", "WeChat", "Events"]);
    expect(task.value).toMatchObject({ owner: "ann@example.com", status: "done", start: null, completed: null });
  });

  it("report what is wrong in them", () => {
    expect(decodeReading({ date: "2026-02-30", campaign: "C-1", indicator: "Leads", value: "" })).toEqual({
      ok: false,
      problems: [
        { field: "date", messageKey: "evaluation.problem.date", found: "2026-02-30" },
        { field: "value", messageKey: "evaluation.problem.required", found: "" },
      ],
    });
    expect(decodeSummary({ campaign: "C-1", goalsMet: "maybe", acceptedBy: "boss" })).toMatchObject({
      ok: false,
      problems: [
        { field: "goalsMet", messageKey: "evaluation.problem.yesNo" },
        { field: "acceptedBy", messageKey: "evaluation.problem.email" },
      ],
    });
    expect(decodeLesson({ campaign: "C-1", lesson: " " })).toMatchObject({
      ok: false,
      problems: [{ field: "lesson", messageKey: "evaluation.problem.required" }],
    });
    expect(
      decodeTask({ campaign: "C-1", step: "Print", start: "2026-03-10", due: "2026-03-01", status: "later" }),
    ).toEqual({
      ok: false,
      problems: [
        { field: "status", messageKey: "evaluation.problem.taskStatus", found: "later" },
        {
          field: "due",
          messageKey: "evaluation.problem.dueBeforeStart",
          found: "2026-03-01",
          params: { start: "2026-03-10" },
        },
      ],
    });
  });

  it("decodeRows skips rows blank in every cell and places each problem on its tab and row", () => {
    const blank = Object.fromEntries(TASK_FIELDS.map((f) => [f, ""]));
    const result = decodeRows("tasks", [
      { row: 2, cells: { campaign: "C-1", step: "Design", due: "2026-03-10" } },
      { row: 3, cells: blank },
      { row: 4, cells: { campaign: "C-1", step: "", due: "soon" } },
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.problems).toEqual([
      { tab: "tasks", row: 4, field: "step", messageKey: "evaluation.problem.required", found: "" },
      { tab: "tasks", row: 4, field: "due", messageKey: "evaluation.problem.date", found: "soon" },
    ]);
  });
});

describe("choices and settings", () => {
  it("parse directions and task statuses in both languages", () => {
    expect(["higher", "Higher is better", "越高越好", "高", "HIGH"].map(parseDirection)).toEqual(
      Array(5).fill("higher"),
    );
    expect(["lower", "lower is better", "越低越好", "低"].map(parseDirection)).toEqual(Array(4).fill("lower"));
    expect(parseDirection("sideways")).toBeNull();
    expect(["in_progress", "In progress", "进行中"].map(parseTaskStatus)).toEqual(Array(3).fill("in_progress"));
    expect(parseTaskStatus("受阻")).toBe("blocked");
  });

  it("the defaults pass the settings schema, and a scale with rising thresholds does not", () => {
    expect(z.safeParse(EvaluationSettingsSchema, DEFAULT_EVALUATION_SETTINGS).success).toBe(true);
    const bad = {
      ...DEFAULT_EVALUATION_SETTINGS,
      grades: {
        steps: [
          { grade: "A", min: 0.7 },
          { grade: "B", min: 0.9 },
        ],
        otherwise: "D",
      },
    };
    expect(z.safeParse(EvaluationSettingsSchema, bad).success).toBe(false);
  });

  it("a grade scale reads from a Settings cell and writes back the same", () => {
    const scale = parseGradeScale("A >= 1; B >= 0.85; C >= 0.7; D");
    expect(scale).toEqual(DEFAULT_EVALUATION_SETTINGS.grades);
    expect(parseGradeScale("A: 100%, B: 85%, C：70%, D")).toEqual(DEFAULT_EVALUATION_SETTINGS.grades);
    expect(parseGradeScale(formatGradeScale(DEFAULT_EVALUATION_SETTINGS.grades))).toEqual(
      DEFAULT_EVALUATION_SETTINGS.grades,
    );
    expect(parseGradeScale("A >= 0.7; B >= 0.9; D")).toBeNull();
    expect(parseGradeScale("A >= 1; B >= 0.8")).toBeNull();
    expect(parseGradeScale("A >= 1; A")).toBeNull();
    expect(parseGradeScale("")).toBeNull();
    expect(parseGradeScale("Pass")).toEqual({ steps: [], otherwise: "Pass" });
  });
});
