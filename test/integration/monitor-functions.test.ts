// KPI_ATTAINMENT, CAMPAIGN_SCORE, CAMPAIGN_ROI and CAMPAIGN_GRADE as Sheets runs them: called directly, and typed
// into cells (single values, ranges, open-ended columns that reach the sheet's last row, errors with messages).
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { emulator, setUpWorkbook } from "./support";

/**
 * A KPI table on the first tab: indicator, direction, target, actual, weight in A..E, rows 2-7, with a blank row 5
 * and an unmeasured KPI (row 6). Open ranges such as C2:C reach the sheet's last row in Sheets, blanks included.
 */
function kpiSheet(emu: Emulator = emulator()): { emu: Emulator; tab: string } {
  const tab = emu.spreadsheet.getSheets()[0]!.getName();
  emu.edit(`${tab}!A1`, [
    ["Indicator", "Direction", "Target", "Actual", "Weight"],
    ["Leads", "higher", 1000, 1200, 2],
    ["Pre-orders", "", 2000, 4000, 1],
    ["Cost per lead", "Lower is better", 8, 10, 1],
    ["", "", "", "", ""],
    ["Reach", "higher", 50000, "", 1],
    ["Survey", "越高越好", 40, 30, 0],
  ]);
  emu.counter.reset();
  return { emu, tab };
}

const column = (emu: Emulator, tab: string, letter: string, rows: number[]) =>
  rows.map((r) => emu.cell(`${tab}!${letter}${r}`).value);

describe("called directly", () => {
  it("KPI_ATTAINMENT divides either way and keeps blanks blank", () => {
    const emu = emulator();
    expect(emu.customFunction("KPI_ATTAINMENT", 200, 150)).toBe(0.75);
    expect(emu.customFunction("KPI_ATTAINMENT", 8, 10, "lower")).toBe(0.8);
    expect(emu.customFunction("KPI_ATTAINMENT", 0.3, 0.1, "lower")).toBe(3);
    expect(emu.customFunction("KPI_ATTAINMENT", [[100], [""], [50]], [[90], [""], [""]])).toEqual([[0.9], [""], [""]]);
    expect(emu.customFunction("KPI_ATTAINMENT", 100, 0)).toBe(0);
  });

  it("KPI_ATTAINMENT refuses a zero target and a zero actual where it divides, naming the cell", () => {
    const emu = emulator();
    expect(() => emu.customFunction("KPI_ATTAINMENT", 0, 5)).toThrow(
      "KPI_ATTAINMENT: the target must be a number more than 0, but it is the number 0.",
    );
    expect(() => emu.customFunction("KPI_ATTAINMENT", [[8], [8]], [[4], [0]], "lower")).toThrow(
      "KPI_ATTAINMENT: when lower is better, attainment is target / actual, so the actual (row 2, column 1 of its range) must be more than 0, but it is the number 0.",
    );
    expect(() => emu.customFunction("KPI_ATTAINMENT", 10)).toThrow("KPI_ATTAINMENT needs at least two arguments");
  });

  it("CAMPAIGN_SCORE caps each attainment and weighs it", () => {
    const emu = emulator();
    // (1.2 * 1 + min(2, 1.5) * 1 + 0.5 * 2) / 4 = 0.925
    expect(emu.customFunction("CAMPAIGN_SCORE", [[1.2], [2], [0.5]], [[1], [1], [2]])).toBe(0.925);
    expect(emu.customFunction("CAMPAIGN_SCORE", [[1.2], [2], [0.5]], [[1], [1], [2]], 2)).toBe(1.05);
    expect(() => emu.customFunction("CAMPAIGN_SCORE", [[1], [0.5]], [[0], [0]])).toThrow("the weights add up to 0");
  });

  it("CAMPAIGN_ROI is (revenue - cost) / cost and refuses a cost of 0", () => {
    const emu = emulator();
    expect(emu.customFunction("CAMPAIGN_ROI", 1500, 1000)).toBe(0.5);
    expect(emu.customFunction("CAMPAIGN_ROI", [[0.3], [""]], [[0.1], [""]])).toEqual([[2], [""]]);
    expect(() => emu.customFunction("CAMPAIGN_ROI", 100, 0)).toThrow(
      "CAMPAIGN_ROI: the cost must be more than 0, because ROI divides by it, but it is the number 0.",
    );
  });

  it("CAMPAIGN_GRADE uses the default scale before setup, boundaries inclusive", () => {
    const emu = emulator();
    expect(emu.customFunction("CAMPAIGN_GRADE", [[1], [0.9999], [0.85], [0.7], [0.6999], [""]])).toEqual([
      ["A"],
      ["B"],
      ["B"],
      ["C"],
      ["D"],
      [""],
    ]);
  });

  it("CAMPAIGN_GRADE reads the thresholds from Settings with one getValues and writes nothing", () => {
    const emu = setUpWorkbook();
    const settings = emu.values("Settings");
    const row = settings.findIndex((r) => r[0] === "grade_thresholds") + 1;
    expect(row).toBeGreaterThan(1);
    emu.edit(`Settings!B${row}`, "Gold >= 1.2; Silver >= 0.9; Bronze");
    emu.counter.reset();
    expect(emu.customFunction("CAMPAIGN_GRADE", [[1.2], [1.19], [0.9], [0.5]])).toEqual([
      ["Gold"],
      ["Silver"],
      ["Silver"],
      ["Bronze"],
    ]);
    expect(emu.counter.get("Range.getValues")).toBe(1);
    const writes = Object.keys(emu.counter.snapshot()).filter((k) => /\.(set|insert|delete|clear)/.test(k));
    expect(writes).toEqual([]);
  });

  it("CAMPAIGN_GRADE explains unusable thresholds in Settings", () => {
    const emu = setUpWorkbook();
    const row = emu.values("Settings").findIndex((r) => r[0] === "grade_thresholds") + 1;
    emu.edit(`Settings!B${row}`, "A >= 0.7; B >= 0.85; C");
    expect(() => emu.customFunction("CAMPAIGN_GRADE", 0.9)).toThrow(
      "CAMPAIGN_GRADE: the grade thresholds in Settings cannot be used (the thresholds must fall from the best grade to the worst).",
    );
  });
});

describe("as formulas in cells", () => {
  it("KPI_ATTAINMENT over open-ended columns: one result per row, blanks blank, direction per row", () => {
    const { emu, tab } = kpiSheet();
    emu.edit(`${tab}!F2`, "=KPI_ATTAINMENT(C2:C, D2:D, B2:B)");
    expect(column(emu, tab, "F", [2, 3, 4, 5, 6, 7, 8, 500])).toEqual([1.2, 2, 0.8, "", "", 0.75, "", ""]);
    // A KPI measured later is computed in place.
    emu.edit(`${tab}!D6`, "40000");
    expect(emu.cell(`${tab}!F6`).value).toBe(0.8);
  });

  it("CAMPAIGN_SCORE over the attainments, CAMPAIGN_GRADE of the score", () => {
    const { emu, tab } = kpiSheet();
    emu.edit(`${tab}!F2`, "=KPI_ATTAINMENT(C2:C, D2:D, B2:B)");
    emu.edit(`${tab}!H2`, "=CAMPAIGN_SCORE(F2:F, E2:E)");
    emu.edit(`${tab}!H3`, "=CAMPAIGN_SCORE(F2:F, E2:E, 2)");
    emu.edit(`${tab}!H4`, "=CAMPAIGN_GRADE(H2)");
    // (1.2 * 2 + 1.5 * 1 + 0.8 * 1 + 0.75 * 0) / 4 = 1.175; with a cap of 2: (2.4 + 2 + 0.8) / 4 = 1.3
    expect(emu.cell(`${tab}!H2`).value).toBe(1.175);
    expect(emu.cell(`${tab}!H3`).value).toBe(1.3);
    expect(emu.cell(`${tab}!H4`).value).toBe("A");
  });

  it("CAMPAIGN_ROI in a cell and over ranges", () => {
    const { emu, tab } = kpiSheet();
    emu.edit(`${tab}!J1`, [
      ["Revenue", "Cost"],
      [150000, 100000],
      ["", ""],
      ["", 2000],
    ]);
    emu.edit(`${tab}!L2`, "=CAMPAIGN_ROI(J2:J4, K2:K4)");
    emu.edit(`${tab}!M2`, "=CAMPAIGN_ROI(300, 200)");
    expect(column(emu, tab, "L", [2, 3, 4])).toEqual([0.5, "", -1]);
    expect(emu.cell(`${tab}!M2`).value).toBe(0.5);
  });

  it("shows #ERROR! with the message: zero target, text, mismatched ranges", () => {
    const { emu, tab } = kpiSheet();
    emu.edit(`${tab}!C3`, "0");
    emu.edit(`${tab}!F2`, "=KPI_ATTAINMENT(C2:C7, D2:D7, B2:B7)");
    expect(emu.cell(`${tab}!F2`).value).toBe("#ERROR!");
    expect(emu.spreadsheet.peek(`${tab}!F2`).error).toBe(
      "KPI_ATTAINMENT: the target (row 2, column 1 of its range) must be a number more than 0, but it is the number 0.",
    );
    emu.edit(`${tab}!G2`, "=CAMPAIGN_SCORE(D2:D7, A2:A7)");
    expect(emu.spreadsheet.peek(`${tab}!G2`).error).toBe(
      "CAMPAIGN_SCORE: weights (the 2nd argument) (row 1, column 1 of its range) must be a number, but it is the text “Leads”.",
    );
    emu.edit(`${tab}!G3`, "=CAMPAIGN_ROI(C2:C4, D2:D7)");
    expect(emu.spreadsheet.peek(`${tab}!G3`).error).toBe(
      "CAMPAIGN_ROI: revenue (the 1st argument) and cost (the 2nd argument) must be the same size, but revenue (the 1st argument) is 3 rows × 1 column and cost (the 2nd argument) is 6 rows × 1 column.",
    );
    emu.edit(`${tab}!G4`, '=CAMPAIGN_GRADE("great")');
    expect(emu.spreadsheet.peek(`${tab}!G4`).error).toBe(
      "CAMPAIGN_GRADE: score (the 1st argument) must be a number, but it is the text “great”.",
    );
  });

  it("words the error in the spreadsheet's language", () => {
    const { emu, tab } = kpiSheet(emulator({ locale: "zh_CN" }));
    emu.edit(`${tab}!G2`, "=KPI_ATTAINMENT(0, 5)");
    expect(emu.spreadsheet.peek(`${tab}!G2`).error).toBe("KPI_ATTAINMENT：目标值必须是大于 0 的数字，但它是数字 0。");
  });

  it("each function serves a 10,000-row range in one call", () => {
    const emu = emulator();
    const sheet = emu.spreadsheet.getSheets()[0]!;
    const n = 10_000;
    sheet
      .getRange(2, 1, n, 4)
      .setValues(
        Array.from({ length: n }, (_, i) => (i % 9 === 0 ? ["", "", "", ""] : [100 + i, 90 + i, 1 + (i % 3), 50 + i])),
      );
    const before = emu.executions.length;
    sheet.getRange("F2").setFormula("=KPI_ATTAINMENT(A2:A10001, B2:B10001)");
    sheet.getRange("G2").setFormula("=CAMPAIGN_ROI(B2:B10001, D2:D10001)");
    sheet.getRange("H2").setFormula("=CAMPAIGN_GRADE(F2:F10001)");
    sheet.getRange("I2").setFormula("=CAMPAIGN_SCORE(F2:F10001, C2:C10001)");
    const out = sheet.getRange(2, 6, n, 4).getValues();
    // Row 3 of the sheet: target 101, actual 91, cost 51.
    expect(out[1]?.slice(0, 3)).toEqual([0.90099009901, 0.78431372549, "B"]);
    expect(out[0]).toEqual(["", "", "", expect.any(Number)]);
    expect(out[0]?.[3]).toBeGreaterThan(0.9);
    expect(out[0]?.[3]).toBeLessThan(1);
    expect(out.filter((r) => r[0] !== "").length).toBe(n - Math.ceil(n / 9));
    // One execution per formula (plus one re-entry each to learn the spill size): never one per row.
    const calls = emu.executions.slice(before).filter((e) => e.kind === "custom");
    expect(calls.length).toBeLessThanOrEqual(8);
    expect(calls.every((e) => e.ok)).toBe(true);
  });
});
