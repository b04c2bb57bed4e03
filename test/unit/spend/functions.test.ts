// The cores of BUDGET_VARIANCE_PCT, BUDGET_STATUS and BUDGET_REMAINING at their edges: 0, negatives, blanks, shapes and text.
import { describe, expect, it } from "vitest";
import {
  budgetRemaining,
  budgetStatus,
  budgetVariancePct,
  describeSpendFunctionProblem,
  foldPositions,
  remainingOf,
  SpendFunctionError,
} from "../../../src/domain/spend";
import { expense, line, SETTINGS } from "./fixtures";

describe("budgetVariancePct", () => {
  it("is (actual - planned) / planned, exact before the one division", () => {
    expect(budgetVariancePct(1000, 1200)).toBe(0.2);
    expect(budgetVariancePct(1000, 800)).toBe(-0.2);
    expect(budgetVariancePct(1000, 1000)).toBe(0);
    expect(budgetVariancePct(0.1, 0.3)).toBe(2);
    expect(budgetVariancePct(100, 100.01)).toBe(0.0001);
    expect(budgetVariancePct(100, 99.99)).toBe(-0.0001);
    expect(budgetVariancePct(3, 4)).toBe(1 / 3);
  });

  it("handles negatives, and a blank actual as 0", () => {
    expect(budgetVariancePct(-100, 50)).toBe(-1.5);
    expect(budgetVariancePct(100, -50)).toBe(-1.5);
    expect(budgetVariancePct(100, "")).toBe(-1);
    expect(budgetVariancePct("", "")).toBe("");
  });

  it("throws a clear error for planned 0, or blank next to an actual", () => {
    expect(() => budgetVariancePct(0, 50)).toThrow(
      "BUDGET_VARIANCE_PCT: planned is the number 0, and a percentage of nothing cannot be computed; enter a planned amount or leave both blank.",
    );
    expect(() => budgetVariancePct(0, 0)).toThrow(/planned is the number 0/);
    expect(() => budgetVariancePct("", 50)).toThrow(/planned is an empty cell/);
    expect(() => budgetVariancePct([[100], [0]], [[90], [5]])).toThrow(
      "BUDGET_VARIANCE_PCT: planned is the number 0 in row 2, column 1 of its range, and a percentage of nothing cannot be computed; enter a planned amount or leave both blank.",
    );
  });

  it("returns the shape it was given, blank where both sides are blank", () => {
    expect(budgetVariancePct([[100], [""], [200], [""]], [[110], [""], [150], [""]])).toEqual([
      [0.1],
      [""],
      [-0.25],
      [""],
    ]);
    expect(budgetVariancePct([[100, 200]], [[150, 200]])).toEqual([[0.5, 0]]);
  });

  it("refuses text and mismatched shapes, naming the argument, row and what was found", () => {
    expect(() => budgetVariancePct("abc", 10)).toThrow(
      "BUDGET_VARIANCE_PCT: planned (the 1st argument) must be a number, but it is the text “abc”.",
    );
    expect(() => budgetVariancePct([[1], [2], [3]], [[1], ["n/a"], [3]])).toThrow(
      "BUDGET_VARIANCE_PCT: actual (the 2nd argument) must hold numbers, but row 2, column 1 of its range is the text “n/a”.",
    );
    expect(() => budgetVariancePct([[1], [2]], [[1], [2], [3]])).toThrow(
      "BUDGET_VARIANCE_PCT: the arguments must be the same size, but planned (the 1st argument) is 2 rows × 1 column and actual (the 2nd argument) is 3 rows × 1 column.",
    );
    expect(() => budgetVariancePct(100, [[1]])).toThrow(/planned \(the 1st argument\) is a single value/);
    expect(() =>
      budgetVariancePct(
        [[1, 2], [3]],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toThrow(/must be the same size/);
    expect(() => budgetVariancePct(100, undefined)).toThrow(
      "BUDGET_VARIANCE_PCT needs these arguments: planned (the 1st argument) and actual (the 2nd argument).",
    );
  });

  it("speaks Chinese when asked, and carries the problem", () => {
    try {
      budgetVariancePct(0, 5, "zh");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpendFunctionError);
      const problem = (error as SpendFunctionError).problem;
      expect(problem).toEqual({ kind: "plannedZero", fn: "BUDGET_VARIANCE_PCT", found: 0 });
      expect((error as Error).message).toBe(
        "BUDGET_VARIANCE_PCT：计划值是数字 0，无法计算百分比；请填写计划金额，或将两者都留空。",
      );
      expect(describeSpendFunctionProblem(problem, "en")).toMatch(/^BUDGET_VARIANCE_PCT: planned is the number 0/);
    }
  });
});

describe("budgetStatus", () => {
  it("is exact at 99.99 %, 100 % and 100.01 %", () => {
    expect(budgetStatus(10000, 9999)).toBe("WARNING");
    expect(budgetStatus(10000, 10000)).toBe("ON_BUDGET");
    expect(budgetStatus(10000, 10001)).toBe("OVER");
    expect(budgetStatus(100, 99.99)).toBe("WARNING");
    expect(budgetStatus(100, 100.01)).toBe("OVER");
    // 0.30000000000000004 is what the cell holds, and Sheets shows it as 0.3: read to 15 significant digits it is the budget
    expect(budgetStatus(0.3, 0.1 + 0.2)).toBe("ON_BUDGET");
    expect(budgetStatus(0.3, 0.30000000000001)).toBe("OVER");
  });

  it("warns from warn_at x planned, 0.9 unless given", () => {
    expect(budgetStatus(1000, 899.99)).toBe("UNDER");
    expect(budgetStatus(1000, 900)).toBe("WARNING");
    expect(budgetStatus(1000, 900, 0.95)).toBe("UNDER");
    expect(budgetStatus(1000, 950, 0.95)).toBe("WARNING");
    expect(budgetStatus(1000, 999, 1)).toBe("UNDER");
    expect(budgetStatus(1000, 900, "")).toBe("WARNING");
  });

  it("handles 0, negatives and blanks", () => {
    expect(budgetStatus(0, 0)).toBe("ON_BUDGET");
    expect(budgetStatus(0, 0.01)).toBe("OVER");
    expect(budgetStatus(0, -5)).toBe("UNDER");
    expect(budgetStatus(100, -5)).toBe("UNDER");
    expect(budgetStatus("", "")).toBe("");
    expect(budgetStatus(100, "")).toBe("UNDER");
    expect(budgetStatus("", 5)).toBe("OVER");
    expect(() => budgetStatus(-1, 0)).toThrow("BUDGET_STATUS: planned must be 0 or more, but it is the number -1.");
    expect(() => budgetStatus([[1], [-1]], [[0], [0]])).toThrow(
      "BUDGET_STATUS: planned must be 0 or more, but row 2, column 1 of its range is the number -1.",
    );
  });

  it("maps ranges cell by cell", () => {
    expect(budgetStatus([[100], [100], [100], [""], [100]], [[50], [95], [100], [""], [101]])).toEqual([
      ["UNDER"],
      ["WARNING"],
      ["ON_BUDGET"],
      [""],
      ["OVER"],
    ]);
  });

  it("refuses a warn_at outside (0, 1], or a range of them", () => {
    const message =
      "BUDGET_STATUS: warn_at must be one number above 0 and at most 1 (0.9 = 90 %), but it is the number 1.5.";
    expect(() => budgetStatus(100, 50, 1.5)).toThrow(message);
    expect(() => budgetStatus(100, 50, 0)).toThrow(/warn_at.*the number 0/);
    expect(() => budgetStatus(100, 50, "90%")).toThrow(/warn_at.*the text “90%”/);
    expect(() => budgetStatus([[100]], [[50]], [[0.9]])).toThrow(/warn_at must be one number/);
  });

  it("refuses text and shapes like the others", () => {
    expect(() => budgetStatus(100, true)).toThrow(
      "BUDGET_STATUS: actual (the 2nd argument) must be a number, but it is the value TRUE.",
    );
    expect(() => budgetStatus([[1], [2]], [[1, 2]])).toThrow(
      /2 rows × 1 column and actual \(the 2nd argument\) is 1 row × 2 columns/,
    );
  });
});

describe("budgetRemaining", () => {
  it("is approved - actual - committed, exact, negative when over", () => {
    expect(budgetRemaining(1000, 300, 200)).toBe(500);
    expect(budgetRemaining(0.3, 0.1, 0.2)).toBe(0);
    expect(budgetRemaining(100, 80, 20.01)).toBe(-0.01);
    expect(budgetRemaining(0, 0, 0)).toBe(0);
    expect(Object.is(budgetRemaining(0, 0, 0), 0)).toBe(true);
    expect(budgetRemaining(-10, 0, 0)).toBe(-10);
  });

  it("counts blanks as 0 and keeps all-blank rows blank", () => {
    expect(budgetRemaining(1000, "", "")).toBe(1000);
    expect(budgetRemaining("", 5, "")).toBe(-5);
    expect(budgetRemaining("", "", "")).toBe("");
    expect(budgetRemaining([[1000], [""], [50]], [[100], [""], [""]], [[100], [""], [60]])).toEqual([
      [800],
      [""],
      [-10],
    ]);
  });

  it("names the argument, row and what was found", () => {
    expect(() => budgetRemaining(100, 10, "x")).toThrow(
      "BUDGET_REMAINING: committed (the 3rd argument) must be a number, but it is the text “x”.",
    );
    expect(() => budgetRemaining([[1]], [[1]], [[1], [2]])).toThrow(
      "BUDGET_REMAINING: the arguments must be the same size, but approved (the 1st argument) is 1 row × 1 column and actual (the 2nd argument) is 1 row × 1 column and committed (the 3rd argument) is 2 rows × 1 column.",
    );
    expect(() => budgetRemaining(1, 2, undefined)).toThrow(/BUDGET_REMAINING needs these arguments/);
  });

  it("gives the campaign's or category's remaining from folded positions", () => {
    const positions = foldPositions(
      {
        currency: "CNY",
        digits: 2,
        lines: [line("C-1", "Media", "2026-03", 100_000), line("C-1", "Events", "2026-03", 50_000)],
        expenses: [expense("A", "C-1", 30_050), expense("B", "C-1", 10_000, { kind: "committed", category: "Events" })],
      },
      { settings: SETTINGS },
    );
    expect(remainingOf(positions, "C-1")).toBe(1099.5);
    expect(remainingOf(positions, "C-1", "Media")).toBe(699.5);
    expect(remainingOf(positions, "C-1", " Events ")).toBe(400);
    expect(remainingOf(positions, "C-1", "Travel")).toBe(0);
    expect(remainingOf(positions, "C-1", "")).toBe(1099.5);
    expect(remainingOf(positions, "C-404")).toBeNull();
  });
});
