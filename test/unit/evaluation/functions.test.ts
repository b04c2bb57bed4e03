// The custom-function cores: KPI_ATTAINMENT, CAMPAIGN_SCORE, CAMPAIGN_ROI and CAMPAIGN_GRADE on single values, ranges, blanks, edges and big ranges.
import { describe, expect, it } from "vitest";
import {
  campaignGrade,
  campaignRoi,
  campaignScore,
  DEFAULT_GRADE_SCALE,
  EvaluationFunctionError,
  type GradeScale,
  kpiAttainment,
} from "../../../src/domain/evaluation";

describe("kpiAttainment()", () => {
  it("is actual / target when higher is better, the default", () => {
    expect(kpiAttainment(500, 450)).toBe(0.9);
    expect(kpiAttainment(500, 600, "higher")).toBe(1.2);
    expect(kpiAttainment(0.1, 0.3)).toBe(3); // not 2.9999999999999996
  });

  it("is target / actual when lower is better, in any of the accepted spellings", () => {
    expect(kpiAttainment(20, 25, "lower")).toBe(0.8);
    expect(kpiAttainment(20, 16, "Lower is better")).toBe(1.25);
    expect(kpiAttainment(20, 16, "越低越好")).toBe(1.25);
    expect(kpiAttainment(20, 16, "低")).toBe(1.25);
    expect(kpiAttainment(20, 16, " LOWER ")).toBe(1.25);
    expect(kpiAttainment(20, 16, "高")).toBe(0.8);
    expect(kpiAttainment(20, 16, "")).toBe(0.8);
  });

  it("refuses a zero or negative target, and a missing target beside an actual", () => {
    expect(() => kpiAttainment(0, 10)).toThrow(
      "KPI_ATTAINMENT: the target must be a number more than 0, but it is the number 0.",
    );
    expect(() => kpiAttainment(-5, 10)).toThrow(/target must be a number more than 0, but it is the number -5/);
    expect(() => kpiAttainment("", 10)).toThrow(/target must be a number more than 0, but it is an empty cell/);
  });

  it("refuses a zero actual when lower is better (it divides), but not when higher is better", () => {
    expect(() => kpiAttainment(20, 0, "lower")).toThrow(
      "KPI_ATTAINMENT: when lower is better, attainment is target / actual, so the actual must be more than 0, but it is the number 0.",
    );
    expect(kpiAttainment(20, 0, "higher")).toBe(0);
  });

  it("leaves a not-yet-measured KPI blank instead of 0, and a fully blank row blank", () => {
    expect(kpiAttainment(500, "")).toBe("");
    expect(kpiAttainment("", "")).toBe("");
    expect(kpiAttainment(null, null)).toBe("");
    expect(() => kpiAttainment(0, "")).toThrow(/target must be a number more than 0/);
  });

  it("refuses text and unknown directions, naming the argument and what was found", () => {
    expect(() => kpiAttainment("abc", 10)).toThrow(
      "KPI_ATTAINMENT: target (the 1st argument) must be a number, but it is the text “abc”.",
    );
    expect(() => kpiAttainment(10, true)).toThrow(
      /actual \(the 2nd argument\) must be a number, but it is the value TRUE/,
    );
    expect(() => kpiAttainment(10, new Date(0))).toThrow(/actual.*a date/);
    expect(() => kpiAttainment(10, 5, "sideways")).toThrow(
      "KPI_ATTAINMENT: the direction must be “higher” or “lower”, but it is the text “sideways”.",
    );
  });

  it("needs target and actual", () => {
    expect(() => kpiAttainment(10, undefined)).toThrow(
      "KPI_ATTAINMENT needs at least two arguments: target and actual.",
    );
  });

  it("maps ranges cell by cell with a direction per row or one for all", () => {
    const target = [[100], [20], [""], [50], [40]];
    const actual = [[90], [25], [""], [""], [50]];
    const direction = [["higher"], ["lower"], ["junk on a blank row is ignored"], ["lower"], ["越高越好"]];
    expect(kpiAttainment(target, actual, direction)).toEqual([[0.9], [0.8], [""], [""], [1.25]]);
    expect(kpiAttainment([[100, 200]], [[50, 300]], "higher")).toEqual([[0.5, 1.5]]);
  });

  it("names the row and column of a bad cell in a range", () => {
    expect(() => kpiAttainment([[100], [0]], [[90], [5]])).toThrow(
      "KPI_ATTAINMENT: the target (row 2, column 1 of its range) must be a number more than 0, but it is the number 0.",
    );
    expect(() => kpiAttainment([[100], [50]], [[90], [0]], [["higher"], ["lower"]])).toThrow(
      /actual \(row 2, column 1/,
    );
    expect(() => kpiAttainment([[100], [50]], [[90], [1]], [["higher"], ["up"]])).toThrow(
      /the direction \(row 2, column 1 of its range\).*the text “up”/,
    );
  });

  it("refuses ranges of different sizes and a single value beside a range", () => {
    expect(() => kpiAttainment([[1], [2]], [[1]])).toThrow(
      "KPI_ATTAINMENT: target (the 1st argument) and actual (the 2nd argument) must be the same size, but target (the 1st argument) is 2 rows × 1 column and actual (the 2nd argument) is 1 row × 1 column.",
    );
    expect(() => kpiAttainment(5, [[1]])).toThrow(
      /must be the same size, but target \(the 1st argument\) is a single value/,
    );
    expect(() => kpiAttainment([[1]], [[1]], [["lower"], ["higher"]])).toThrow(
      /direction \(the 3rd argument\) is 2 rows/,
    );
  });

  it("speaks Chinese when asked", () => {
    expect(() => kpiAttainment(0, 10, "higher", "zh")).toThrow(
      "KPI_ATTAINMENT：目标值必须是大于 0 的数字，但它是数字 0。",
    );
  });

  it("carries the problem for callers that want it as data", () => {
    try {
      kpiAttainment([[1], ["x"]], [[1], [1]]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EvaluationFunctionError);
      expect((e as EvaluationFunctionError).problem).toEqual({
        kind: "notNumber",
        fn: "KPI_ATTAINMENT",
        argument: "target",
        found: "x",
        at: { row: 2, column: 1 },
      });
    }
  });
});

describe("campaignScore()", () => {
  it("is the weighted mean of the attainments", () => {
    expect(campaignScore([[0.8], [1.0]], [[1], [3]])).toBe(0.95);
    expect(campaignScore([[0.5], [1]], [[1], [1]])).toBe(0.75);
  });

  it("caps each attainment before weighting (150 % by default)", () => {
    // 3.0 counts as 1.5: (1.5 + 0.5) / 2.
    expect(campaignScore([[3], [0.5]], [[1], [1]])).toBe(1);
    expect(campaignScore([[3], [0.5]], [[1], [1]], 1)).toBe(0.75);
    expect(campaignScore([[3], [0.5]], [[1], [1]], "")).toBe(1);
  });

  it("leaves unmeasured KPIs out, counts a blank weight as 1, and means equal weights without weights", () => {
    expect(campaignScore([[0.6], [""], [1]], [[1], [5], [""]])).toBe(0.8);
    expect(campaignScore([[0.6], [1]])).toBe(0.8);
    expect(campaignScore(0.9)).toBe(0.9);
    expect(campaignScore(2, 1)).toBe(1.5);
  });

  it("is blank when nothing is measured", () => {
    expect(campaignScore([[""], [""]], [[1], [1]])).toBe("");
  });

  it("refuses weights that add up to 0 and negative weights", () => {
    expect(() => campaignScore([[0.8], [1]], [[0], [0]])).toThrow(
      "CAMPAIGN_SCORE: the weights add up to 0, so there is nothing to average. Give at least one measured KPI a weight above 0.",
    );
    expect(() => campaignScore([[0.8], [1]], [[1], [-1]])).toThrow(
      "CAMPAIGN_SCORE: weights must be 0 or more, but the weight (row 2, column 1 of its range) is the number -1.",
    );
  });

  it("refuses a bad cap, text and mismatched shapes", () => {
    expect(() => campaignScore([[1]], [[1]], 0)).toThrow(/the cap must be a number more than 0 .* the number 0/);
    expect(() => campaignScore([[1]], [[1]], "high")).toThrow(/the cap must be a number.*the text “high”/);
    expect(() => campaignScore([[1], ["n/a"]], [[1], [1]])).toThrow(
      /attainments \(the 1st argument\) \(row 2, column 1 of its range\) must be a number, but it is the text “n\/a”/,
    );
    expect(() => campaignScore([[1], [1]], [[1]])).toThrow(/must be the same size/);
    expect(() => campaignScore(undefined)).toThrow("CAMPAIGN_SCORE needs at least one argument: the attainments.");
  });
});

describe("campaignRoi()", () => {
  it("is (revenue - cost) / cost", () => {
    expect(campaignRoi(150, 100)).toBe(0.5);
    expect(campaignRoi(100, 100)).toBe(0);
    expect(campaignRoi(50, 100)).toBe(-0.5);
    expect(campaignRoi(0.3, 0.1)).toBe(2);
  });

  it("counts one blank side as 0, keeps a fully blank row blank, and refuses a cost of 0 or less", () => {
    expect(campaignRoi("", 100)).toBe(-1);
    expect(campaignRoi("", "")).toBe("");
    expect(() => campaignRoi(100, 0)).toThrow(
      "CAMPAIGN_ROI: the cost must be more than 0, because ROI divides by it, but it is the number 0.",
    );
    expect(() => campaignRoi(100, "")).toThrow(/cost must be more than 0.*an empty cell/);
    expect(() => campaignRoi(100, -10)).toThrow(/cost must be more than 0/);
  });

  it("maps ranges and names bad cells", () => {
    expect(campaignRoi([[200], [""], [90]], [[100], [""], [100]])).toEqual([[1], [""], [-0.1]]);
    expect(() => campaignRoi([[200], ["lots"]], [[100], [100]])).toThrow(
      /revenue \(the 1st argument\) \(row 2, column 1 of its range\) must be a number, but it is the text “lots”/,
    );
    expect(() => campaignRoi(1, undefined)).toThrow("CAMPAIGN_ROI needs two arguments: revenue and cost.");
  });
});

describe("campaignGrade()", () => {
  it("gives each grade exactly at its threshold (inclusive) and the next one just below", () => {
    expect(campaignGrade(1.0)).toBe("A");
    expect(campaignGrade(0.9999)).toBe("B");
    expect(campaignGrade(0.85)).toBe("B");
    expect(campaignGrade(0.8499)).toBe("C");
    expect(campaignGrade(0.7)).toBe("C");
    expect(campaignGrade(0.6999)).toBe("D");
    expect(campaignGrade(1.5)).toBe("A");
    expect(campaignGrade(-1)).toBe("D");
  });

  it("treats a score off by float noise as the boundary it stands for", () => {
    const noisy = (0.7 * 0.1 + 0.7 * 0.2) / (0.1 + 0.2);
    expect(noisy).toBeLessThan(0.7); // 0.6999999999999997 in doubles
    expect(campaignGrade(noisy)).toBe("C");
    const score = campaignScore([[0.7], [0.7]], [[0.1], [0.2]]);
    expect(score).toBe(0.7);
    expect(campaignGrade(score)).toBe("C");
  });

  it("uses the scale it is given and maps ranges", () => {
    const scale: GradeScale = {
      steps: [
        { grade: "优", min: 1.1 },
        { grade: "良", min: 0.9 },
      ],
      otherwise: "差",
    };
    expect(campaignGrade([[1.1], [""], [0.9], [0.89]], scale)).toEqual([["优"], [""], ["良"], ["差"]]);
  });

  it("refuses text scores and an unusable scale", () => {
    expect(() => campaignGrade("good")).toThrow(
      "CAMPAIGN_GRADE: score (the 1st argument) must be a number, but it is the text “good”.",
    );
    const bad: GradeScale = {
      steps: [
        { grade: "A", min: 0.7 },
        { grade: "B", min: 0.85 },
      ],
      otherwise: "D",
    };
    expect(() => campaignGrade(1, bad)).toThrow(
      /CAMPAIGN_GRADE: the grade thresholds in Settings cannot be used \(the thresholds must fall from the best grade to the worst\)/,
    );
    expect(campaignGrade(1, DEFAULT_GRADE_SCALE)).toBe("A");
  });
});

describe("10,000-row ranges in one call", () => {
  const n = 10_000;
  const col = (f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [f(i)]);

  it("KPI_ATTAINMENT, CAMPAIGN_ROI and CAMPAIGN_GRADE return a full column, CAMPAIGN_SCORE one number", () => {
    const target = col((i) => (i % 10 === 9 ? "" : 100));
    const direction = col((i) => (i % 2 === 0 ? "higher" : "lower"));
    const attained = kpiAttainment(
      target,
      col((i) => (i % 10 === 9 ? "" : (i % 200) + 1)),
      direction,
    ) as (number | "")[][];
    expect(attained).toHaveLength(n);
    expect(attained[0]).toEqual([0.01]);
    expect(attained[1]).toEqual([50]);
    expect(attained[9]).toEqual([""]);

    const weights = col(() => 1);
    const score = campaignScore(attained, weights, 1.5);
    expect(typeof score).toBe("number");
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(1.5);

    const roi = campaignRoi(
      col((i) => i * 2),
      col((i) => i + 1),
    ) as number[][];
    expect(roi).toHaveLength(n);
    expect(roi[n - 1]).toEqual([(2 * (n - 1) - n) / n]);

    const grades = campaignGrade(col((i) => [0.5, 0.7, 0.85, 1][i % 4])) as string[][];
    expect(grades.slice(0, 4)).toEqual([["D"], ["C"], ["B"], ["A"]]);
    expect(grades).toHaveLength(n);
  });
});

describe("results a cell can hold", () => {
  it.each([
    ["CAMPAIGN_SCORE", () => campaignScore(100, 1e308, 100)],
    ["CAMPAIGN_SCORE", () => campaignScore([[1e308], [1e308]], [[1e308], [1e308]], 1e308)],
    ["KPI_ATTAINMENT", () => kpiAttainment(1e-308, 1e308)],
    ["KPI_ATTAINMENT", () => kpiAttainment(1e308, 1e-308, "lower")],
    ["CAMPAIGN_ROI", () => campaignRoi(1e308, 1e-308)],
    ["CAMPAIGN_ROI", () => campaignRoi([[1.7e308]], [[1e-300]])],
  ])("%s gives a clear error instead of Infinity or NaN", (fn, call) => {
    expect(call).toThrow(`${fn}: the result`);
    expect(call).toThrow("too large for a number in a cell");
  });

  it("names the cell of a range whose result is too large, in Chinese too", () => {
    expect(() => kpiAttainment([[1], [1e-308]], [[2], [1e308]])).toThrow("(row 2, column 1 of its range)");
    expect(() => campaignRoi(1e308, 1e-308, "zh")).toThrow("超出单元格数字的范围");
  });

  it("still computes large but finite figures", () => {
    expect(campaignScore(1, 1e300, 1.5)).toBe(1);
    expect(kpiAttainment(1e150, 1e150)).toBe(1);
  });
});
