// The Settings rows of monitoring and evaluation: typed values read in both languages, blanks as defaults, and every unusable value reported with the default used instead.
import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_SETTINGS } from "../../../src/domain/evaluation";
import {
  EVALUATION_SETTING_ROWS,
  parseScorecardWeights,
  readEvaluationSettings,
  readSettingNumber,
} from "../../../src/domain/evaluation-settings";

const rows = (entries: Record<string, unknown>) =>
  new Map(Object.entries(entries).map(([key, value], i) => [key, { value, row: i + 2 }]));

describe("readEvaluationSettings()", () => {
  it("gives the defaults for a workbook that has none of the rows, and their starting values read back as the defaults", () => {
    const none = readEvaluationSettings(new Map());
    expect(none.settings).toEqual(DEFAULT_EVALUATION_SETTINGS);
    expect(none.problems).toEqual([]);
    expect(none.managersNamed).toBe(false);
    const initial = readEvaluationSettings(
      new Map(EVALUATION_SETTING_ROWS.map((r, i) => [r.key, { value: r.initial, row: i + 2 }])),
    );
    expect(initial.settings).toEqual(DEFAULT_EVALUATION_SETTINGS);
    expect(initial.problems).toEqual([]);
  });

  it("reads typed values: a grade scale, percentages, managers, a period in Chinese, labelled weights", () => {
    const read = readEvaluationSettings(
      rows({
        grade_thresholds: "Gold >= 110%; Silver >= 90%; Bronze",
        score_cap: "2",
        lag_threshold: "80%",
        request_wait_days: 5,
        escalate_after_days: 10,
        managers: "Lea@Example.com, tom@example.com; lea@example.com",
        revenue_indicators: "GMV，销售额",
        scorecard_period: "月",
        scorecard_weights: "attainment 2; budget 1; on time 0",
        scorecard_recognition: 0.95,
        scorecard_improvement: "50%",
      }),
    );
    expect(read.problems).toEqual([]);
    expect(read.settings.grades).toEqual({
      steps: [
        { grade: "Gold", min: 1.1 },
        { grade: "Silver", min: 0.9 },
      ],
      otherwise: "Bronze",
    });
    expect(read.settings.cap).toBe(2);
    expect(read.settings.lagThreshold).toBe(0.8);
    expect(read.settings.requestWaitDays).toBe(5);
    expect(read.settings.escalateAfterDays).toBe(10);
    expect(read.settings.managers).toEqual(["lea@example.com", "tom@example.com"]);
    expect(read.managersNamed).toBe(true);
    expect(read.revenueIndicators).toEqual(["GMV", "销售额"]);
    expect(read.settings.scorecard).toEqual({
      period: "month",
      weights: { budget: 1, onTime: 0, attainment: 2 },
      recognition: 0.95,
      improvement: 0.5,
    });
  });

  it("reports each unusable value with its row and keeps the default", () => {
    const read = readEvaluationSettings(
      rows({
        grade_thresholds: "A >= 0.7; B >= 0.9; C",
        score_cap: 0,
        lag_threshold: "soon",
        managers: "boss at example",
        scorecard_period: "week",
        scorecard_weights: "budget 1; budget 2; attainment 1",
      }),
    );
    expect(read.problems.map((p) => [p.key, p.row])).toEqual([
      ["grade_thresholds", 2],
      ["score_cap", 3],
      ["lag_threshold", 4],
      ["managers", 5],
      ["scorecard_period", 6],
      ["scorecard_weights", 7],
    ]);
    expect(read.problems[0]?.fallback).toBe("A >= 1; B >= 0.85; C >= 0.7; D");
    expect(read.settings).toEqual(DEFAULT_EVALUATION_SETTINGS);
  });

  it("refuses an improvement bound above the recognition bound", () => {
    const read = readEvaluationSettings(rows({ scorecard_recognition: 0.5, scorecard_improvement: 0.7 }));
    expect(read.problems.map((p) => p.key)).toEqual(["scorecard_improvement"]);
    expect(read.settings.scorecard.recognition).toBe(0.9);
    expect(read.settings.scorecard.improvement).toBe(0.6);
  });
});

describe("value readers", () => {
  it("readSettingNumber takes numbers, decimal text and percentages", () => {
    expect([0.9, "0.9", "90%", "90 ％", "1,5", "x", true, ""].map(readSettingNumber)).toEqual([
      0.9,
      0.9,
      0.9,
      0.9,
      15,
      null,
      null,
      null,
    ]);
  });

  it("parseScorecardWeights takes three numbers in order or labels in either language", () => {
    expect(parseScorecardWeights("1; 2; 3")).toEqual({ budget: 1, onTime: 2, attainment: 3 });
    expect(parseScorecardWeights("达成 2，预算 1，按时 1")).toEqual({ budget: 1, onTime: 1, attainment: 2 });
    expect(parseScorecardWeights("0; 0; 0")).toBeNull();
    expect(parseScorecardWeights("1; 2")).toBeNull();
  });
});
