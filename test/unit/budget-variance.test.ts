// BUDGET_VARIANCE's logic: actual - planned, exact, for single values and ranges, with blanks and clear errors.
import { describe, expect, it } from "vitest";
import { budgetVariance, describeVarianceProblem, VarianceError } from "../../src/domain/budget";

describe("budgetVariance() on single values", () => {
  it("is actual minus planned: positive means over budget", () => {
    expect(budgetVariance(1000, 1200)).toBe(200);
    expect(budgetVariance(1000, 800)).toBe(-200);
    expect(budgetVariance(1000, 1000)).toBe(0);
  });

  it("is exact where floats are not", () => {
    expect(budgetVariance(0.1, 0.3)).toBe(0.2);
    expect(0.3 - 0.1).not.toBe(0.2); // the float noise the function avoids
    expect(budgetVariance(0.1, 0.2)).toBe(0.1);
    expect(budgetVariance(0.2, 0.1)).toBe(-0.1);
    expect(budgetVariance(19.99, 20.01)).toBe(0.02);
  });

  it("handles negatives, zero and big numbers", () => {
    expect(budgetVariance(-50, 50)).toBe(100);
    expect(budgetVariance(0, 0)).toBe(0);
    expect(Object.is(budgetVariance(0, -0), 0)).toBe(true);
    // 15 significant digits, as Sheets keeps: 1e13 + 0.5 has 15 digits and is exact; 1e14 + 0.5 has a 16th
    expect(budgetVariance(1e13, 1e13 + 0.5)).toBe(0.5);
    expect(budgetVariance(100.1 + 100.1 + 100.1, 300.3)).toBe(0);
    expect(budgetVariance(123456789012.34, 123456789012.35)).toBe(0.01);
    expect(budgetVariance(1e21, 3e21)).toBe(2e21);
  });

  it("gives blank when both are blank, and counts one blank side as 0", () => {
    expect(budgetVariance("", "")).toBe("");
    expect(budgetVariance("  ", "")).toBe("");
    expect(budgetVariance(1000, "")).toBe(-1000);
    expect(budgetVariance("", 250)).toBe(250);
  });

  it("refuses text with a message naming the argument and what was found", () => {
    expect(() => budgetVariance("abc", 10)).toThrow(
      "BUDGET_VARIANCE: planned (the 1st argument) must be a number, but it is the text “abc”.",
    );
    expect(() => budgetVariance(10, true)).toThrow(/actual \(the 2nd argument\).*the value TRUE/);
    expect(() => budgetVariance(10, new Date(0))).toThrow(/actual.*a date/);
  });

  it("needs both arguments", () => {
    expect(() => budgetVariance(10, undefined)).toThrow("BUDGET_VARIANCE needs two arguments: planned and actual.");
  });
});

describe("budgetVariance() on ranges", () => {
  it("returns the shape it was given", () => {
    expect(budgetVariance([[100], [200], [0.1]], [[150], [180], [0.3]])).toEqual([[50], [-20], [0.2]]);
    expect(budgetVariance([[1, 2, 3]], [[2, 2, 2]])).toEqual([[1, 0, -1]]);
  });

  it("leaves rows blank where both sides are blank, so an open-ended column works", () => {
    const planned = [[100], [""], [50], [""], [""]];
    const actual = [[90], [""], [""], [20], [""]];
    expect(budgetVariance(planned, actual)).toEqual([[-10], [""], [-50], [20], [""]]);
  });

  it("refuses ranges of different sizes, saying both sizes", () => {
    expect(() => budgetVariance([[1], [2]], [[1], [2], [3]])).toThrow(
      "BUDGET_VARIANCE: planned and actual must be the same size, but planned is 2 rows × 1 column and actual is 3 rows × 1 column.",
    );
    expect(() => budgetVariance([[1, 2]], [[1], [2]])).toThrow(/1 row × 2 columns.*2 rows × 1 column\b/);
  });

  it("refuses a single value next to a range (no broadcasting)", () => {
    expect(() => budgetVariance(100, [[1], [2]])).toThrow(
      /planned is a single value and actual is 2 rows × 1 column\b/,
    );
  });

  it("names the row and column of a text cell", () => {
    expect(() => budgetVariance([[1], [2], ["n/a"]], [[1], [2], [3]])).toThrow(
      "BUDGET_VARIANCE: planned (the 1st argument) must hold numbers, but row 3, column 1 of its range is the text “n/a”.",
    );
  });

  it("carries the problem so the message can be worded in Chinese", () => {
    try {
      budgetVariance([[1]], [["x"]]);
      expect.unreachable("should have thrown");
    } catch (err) {
      expect(err).toBeInstanceOf(VarianceError);
      const problem = (err as VarianceError).problem;
      expect(problem).toEqual({ kind: "notNumber", argument: "actual", found: "x", at: { row: 1, column: 1 } });
      expect(describeVarianceProblem(problem, "zh")).toBe(
        "BUDGET_VARIANCE：实际值（第 2 个参数）必须都是数字，但其区域第 1 行第 1 列是文本“x”。",
      );
    }
  });
});
