// BUDGET_VARIANCE as Sheets runs it: called directly, and typed into cells (scalars, ranges, open-ended columns).
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { emulator } from "./support";

/**
 * A budget table on the first tab: planned in B, actual in C, rows 2-7, with a blank row 4 and one-sided rows 5
 * and 6. An open range such as B2:B reaches the sheet's last row in Sheets, blank rows included.
 */
function budgetSheet(locale = "en_US"): { emu: Emulator; tab: string } {
  const emu = emulator({ locale });
  const tab = emu.spreadsheet.getSheets()[0]!.getName();
  emu.edit(`${tab}!A1`, [
    ["Line", "Planned", "Actual"],
    ["Venue", 5000, 5200],
    ["Print", 0.1, 0.3],
    ["", "", ""],
    ["Ads", 1200, ""],
    ["Gifts", "", 80],
    ["Fees", 100, 100],
  ]);
  emu.counter.reset();
  return { emu, tab };
}

describe("BUDGET_VARIANCE called directly", () => {
  it("returns exact differences for numbers and ranges", () => {
    const emu = emulator();
    expect(emu.customFunction("BUDGET_VARIANCE", 0.1, 0.3)).toBe(0.2);
    expect(emu.run("BUDGET_VARIANCE", 1000, 1250)).toBe(250);
    expect(emu.customFunction("BUDGET_VARIANCE", [[1], [""], [3]], [[2], [""], [""]])).toEqual([[1], [""], [-3]]);
  });

  it("throws a message that names the problem", () => {
    const emu = emulator();
    expect(() => emu.customFunction("BUDGET_VARIANCE", "ten", 5)).toThrow(
      "BUDGET_VARIANCE: planned (the 1st argument) must be a number, but it is the text “ten”.",
    );
  });
});

describe("BUDGET_VARIANCE in cells", () => {
  it("computes a single value, exactly", () => {
    const { emu, tab } = budgetSheet();
    emu.edit(`${tab}!E2`, "=BUDGET_VARIANCE(B3, C3)");
    emu.edit(`${tab}!E3`, "=BUDGET_VARIANCE(0.1, 0.3)");
    expect(emu.cell(`${tab}!E2`).value).toBe(0.2);
    expect(emu.cell(`${tab}!E3`).value).toBe(0.2);
  });

  it("spills a range of the size it was given", () => {
    const { emu, tab } = budgetSheet();
    emu.edit(`${tab}!D2`, "=BUDGET_VARIANCE(B2:B6, C2:C6)");
    const column = [2, 3, 4, 5, 6].map((r) => emu.cell(`${tab}!D${r}`).value);
    expect(column).toEqual([200, 0.2, "", -1200, 80]);
  });

  it("serves an open-ended column: blank rows stay blank", () => {
    const { emu, tab } = budgetSheet();
    emu.edit(`${tab}!D2`, "=BUDGET_VARIANCE(B2:B, C2:C)");
    expect([2, 3, 4, 5, 6, 7, 8, 50].map((r) => emu.cell(`${tab}!D${r}`).value)).toEqual([
      200,
      0.2,
      "",
      -1200,
      80,
      0,
      "",
      "",
    ]);
    // A row typed later is computed too.
    emu.edit(`${tab}!B8`, [[300, 450]]);
    expect(emu.cell(`${tab}!D8`).value).toBe(150);
    // Columns that end on different rows still line up: both open ranges reach the sheet's last row.
    emu.edit(`${tab}!C9`, "75");
    expect(emu.cell(`${tab}!D9`).value).toBe(75);
    expect(emu.cell(`${tab}!D1000`).value).toBe("");
  });

  it("shows #ERROR! with the sizes when the ranges differ", () => {
    const { emu, tab } = budgetSheet();
    emu.edit(`${tab}!E2`, "=BUDGET_VARIANCE(B2:B4, C2:C6)");
    expect(emu.cell(`${tab}!E2`).value).toBe("#ERROR!");
    expect(emu.spreadsheet.peek(`${tab}!E2`).error).toBe(
      "BUDGET_VARIANCE: planned and actual must be the same size, but planned is 3 rows × 1 column and actual is 5 rows × 1 column.",
    );
  });

  it("shows #ERROR! naming the argument, row and text found", () => {
    const { emu, tab } = budgetSheet();
    emu.edit(`${tab}!C5`, "n/a");
    emu.edit(`${tab}!E2`, "=BUDGET_VARIANCE(B2:B6, C2:C6)");
    expect(emu.cell(`${tab}!E2`).value).toBe("#ERROR!");
    expect(emu.spreadsheet.peek(`${tab}!E2`).error).toBe(
      "BUDGET_VARIANCE: actual (the 2nd argument) must hold numbers, but row 4, column 1 of its range is the text “n/a”.",
    );
  });

  it("words the error in the spreadsheet's language", () => {
    const { emu, tab } = budgetSheet("zh_CN");
    emu.edit(`${tab}!E2`, '=BUDGET_VARIANCE("abc", 1)');
    expect(emu.spreadsheet.peek(`${tab}!E2`).error).toBe(
      "BUDGET_VARIANCE：计划值（第 1 个参数）必须是数字，但它是文本“abc”。",
    );
  });

  it("calls no service when the formula works", () => {
    const { emu, tab } = budgetSheet();
    emu.edit(`${tab}!D2`, "=BUDGET_VARIANCE(B2:B, C2:C)");
    expect(emu.cell(`${tab}!D2`).value).toBe(200);
    const calls = Object.keys(emu.counter.snapshot()).filter((k) => !k.startsWith("Range.") && !k.startsWith("Sheet."));
    expect(calls).toEqual([]);
  });
});
