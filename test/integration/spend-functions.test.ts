// BUDGET_VARIANCE_PCT, BUDGET_STATUS and BUDGET_REMAINING as Sheets runs them: called directly, and typed into cells
// (single values, ranges, open-ended columns that reach the sheet's last row), with #ERROR! messages.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { addPlans, approvePlan, recordTypedRows, spendWorkbook, writeRows } from "./spend-support";
import { CODE_JS, emulator } from "./support";

/** Planned in B, actual in C, rows 2-7: a blank row 4, one-sided rows 5 and 6, exact 100 % in row 7. */
function figures(locale = "en_US"): { emu: Emulator; tab: string } {
  const emu = emulator({ locale });
  const tab = emu.spreadsheet.getSheets()[0]!.getName();
  emu.edit(`${tab}!A1`, [
    ["Line", "Planned", "Actual"],
    ["Venue", 5000, 5200],
    ["Print", 0.3, 0.1],
    ["", "", ""],
    ["Ads", 1200, ""],
    ["Gifts", 10000, 9999],
    ["Fees", 100, 100],
  ]);
  emu.counter.reset();
  return { emu, tab };
}

function column(emu: Emulator, tab: string, letter: string, rows: readonly number[]): unknown[] {
  return rows.map((r) => emu.cell(`${tab}!${letter}${r}`).value);
}

describe("the stubs Sheets reads", () => {
  it("give each function its parameters and JSDoc with @customfunction, so Sheets shows argument help", () => {
    const code = readFileSync(CODE_JS, "utf8");
    for (const [name, params] of [
      ["BUDGET_VARIANCE_PCT", "planned, actual"],
      ["BUDGET_STATUS", "planned, actual, warn_at"],
      ["BUDGET_REMAINING", "campaign_id, category"],
    ] as const) {
      const stub = `function ${name}(${params}) { return App.${name}(${params}); }`;
      const at = code.indexOf(stub);
      expect(at, name).toBeGreaterThan(0);
      const doc = code.slice(code.lastIndexOf("/**", at), at);
      expect(doc).toContain(" * @customfunction\n */");
      expect(doc).toContain(" * @param {");
    }
  });
});

describe("BUDGET_VARIANCE_PCT and BUDGET_STATUS called directly", () => {
  it("compute exactly for numbers and ranges", () => {
    const emu = emulator();
    expect(emu.customFunction("BUDGET_VARIANCE_PCT", 100, 110)).toBe(0.1);
    expect(emu.customFunction("BUDGET_VARIANCE_PCT", 0.3, 0.1)).toBe(-2 / 3);
    expect(emu.customFunction("BUDGET_VARIANCE_PCT", [[200], [""]], [[150], [""]])).toEqual([[-0.25], [""]]);
    expect(emu.customFunction("BUDGET_STATUS", 10000, 9999)).toBe("WARNING");
    expect(emu.customFunction("BUDGET_STATUS", 10000, 10000)).toBe("ON_BUDGET");
    expect(emu.customFunction("BUDGET_STATUS", 10000, 10001)).toBe("OVER");
    expect(emu.customFunction("BUDGET_STATUS", 10000, 8999.99)).toBe("UNDER");
    expect(emu.customFunction("BUDGET_STATUS", 10000, 8000, 0.8)).toBe("WARNING");
  });

  it("throw messages that name the function, the argument and what was found", () => {
    const emu = emulator();
    expect(() => emu.customFunction("BUDGET_VARIANCE_PCT", 0, 50)).toThrow(
      "BUDGET_VARIANCE_PCT: planned is the number 0, and a percentage of nothing cannot be computed; enter a planned amount or leave both blank.",
    );
    expect(() => emu.customFunction("BUDGET_STATUS", 100, 50, 1.5)).toThrow(
      "BUDGET_STATUS: warn_at must be one number above 0 and at most 1 (0.9 = 90 %), but it is the number 1.5.",
    );
  });
});

describe("BUDGET_VARIANCE_PCT and BUDGET_STATUS in cells", () => {
  it("spill over open-ended columns: blank rows stay blank, rows typed later are computed", () => {
    const { emu, tab } = figures();
    emu.edit(`${tab}!D2`, "=BUDGET_VARIANCE_PCT(B2:B, C2:C)");
    expect(column(emu, tab, "D", [2, 4, 5, 6, 7, 8, 40])).toEqual([0.04, "", -1, -0.0001, 0, "", ""]);
    // HyperFormula keeps fewer digits than Sheets in a cell; the function's own answer is exact (above).
    expect(emu.cell(`${tab}!D3`).value).toBeCloseTo(-2 / 3, 10);
    emu.edit(`${tab}!B9`, [[400, 500]]);
    expect(emu.cell(`${tab}!D9`).value).toBe(0.25);
    // The open range reaches the sheet's last row, blank rows included.
    expect(emu.cell(`${tab}!D1000`).value).toBe("");
  });

  it("give the stable status codes, 100 % being on budget", () => {
    const { emu, tab } = figures();
    emu.edit(`${tab}!E2`, "=BUDGET_STATUS(B2:B, C2:C)");
    expect(column(emu, tab, "E", [2, 3, 4, 5, 6, 7, 8])).toEqual([
      "OVER",
      "UNDER",
      "",
      "UNDER",
      "WARNING",
      "ON_BUDGET",
      "",
    ]);
    emu.edit(`${tab}!F2`, "=BUDGET_STATUS(B6, C6, 0.9999)");
    expect(emu.cell(`${tab}!F2`).value).toBe("WARNING");
    emu.edit(`${tab}!F3`, "=BUDGET_STATUS(B6, C6, 1)");
    expect(emu.cell(`${tab}!F3`).value).toBe("UNDER");
  });

  it("show #ERROR! with the row and column of the bad cell", () => {
    const { emu, tab } = figures();
    emu.edit(`${tab}!C5`, "n/a");
    emu.edit(`${tab}!D2`, "=BUDGET_STATUS(B2:B, C2:C)");
    expect(emu.cell(`${tab}!D2`).value).toBe("#ERROR!");
    expect(emu.spreadsheet.peek(`${tab}!D2`).error).toBe(
      "BUDGET_STATUS: actual (the 2nd argument) must hold numbers, but row 4, column 1 of its range is the text “n/a”.",
    );
    emu.edit(`${tab}!E2`, "=BUDGET_VARIANCE_PCT(B2:B4, C2:C6)");
    expect(emu.spreadsheet.peek(`${tab}!E2`).error).toBe(
      "BUDGET_VARIANCE_PCT: the arguments must be the same size, but planned (the 1st argument) is 3 rows × 1 column and actual (the 2nd argument) is 5 rows × 1 column.",
    );
  });

  it("word the error in the spreadsheet's language", () => {
    const { emu, tab } = figures("zh_CN");
    emu.edit(`${tab}!D2`, "=BUDGET_VARIANCE_PCT(0, 5)");
    expect(emu.spreadsheet.peek(`${tab}!D2`).error).toBe(
      "BUDGET_VARIANCE_PCT：计划值是数字 0，无法计算百分比；请填写计划金额，或将两者都留空。",
    );
  });

  it("call no service when the formula works", () => {
    const { emu, tab } = figures();
    emu.edit(`${tab}!D2`, "=BUDGET_STATUS(B2:B, C2:C)");
    expect(emu.cell(`${tab}!D2`).value).toBe("OVER");
    const calls = Object.keys(emu.counter.snapshot()).filter((k) => !k.startsWith("Range.") && !k.startsWith("Sheet."));
    expect(calls).toEqual([]);
  });
});

/**
 * Two approved campaigns with budget lines, and expenses typed into the tab, then recorded through the add-on (a
 * typed row counts for nothing until then). C-1: 10,000 planned (Media 6,000, Events 4,000); 2,500 actual and 1,000 committed on Media.
 * C-2: 3,000 planned; 3,000 actual: exactly on budget.
 */
function budgets(locale = "en_US"): Emulator {
  const emu = spendWorkbook({ locale });
  addPlans(emu, [
    { id: "C-1", budget: 10000 },
    { id: "C-2", budget: 3000 },
  ]);
  writeRows(emu, "budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 6000 },
    { campaign: "C-1", category: "Events", month: "2026-04", planned: 4000 },
    { campaign: "C-2", category: "Media", month: "2026-06", planned: 3000 },
  ]);
  approvePlan(emu, "C-1");
  approvePlan(emu, "C-2");
  writeRows(emu, "expenses", [
    { id: "E-1", date: "2026-03-05", campaign: "C-1", category: "Media", amount: 2500, kind: "Actual" },
    { id: "E-2", date: "2026-03-09", campaign: "C-1", category: "Media", amount: 1000, kind: "Committed" },
    { id: "E-3", date: "2026-06-02", campaign: "C-2", category: "Media", amount: 3000, kind: "Actual" },
  ]);
  recordTypedRows(emu);
  return emu;
}

describe("BUDGET_REMAINING in cells", () => {
  it("reads the tabs: approved - actual - committed, per campaign and per category", () => {
    const emu = budgets();
    emu.edit("Campaigns!P1", '=BUDGET_REMAINING("C-1")');
    emu.edit("Campaigns!P2", '=BUDGET_REMAINING("C-1", "Media")');
    emu.edit("Campaigns!P3", '=BUDGET_REMAINING("C-2")');
    expect(emu.cell("Campaigns!P1").value).toBe(6500);
    expect(emu.cell("Campaigns!P2").value).toBe(2500);
    expect(emu.cell("Campaigns!P3").value).toBe(0);
    expect(emu.customFunction("BUDGET_REMAINING", "C-1", "Events")).toBe(4000);
  });

  it("serves an open-ended column of IDs: blank IDs stay blank down to the last row", () => {
    const emu = budgets();
    // Campaigns!A holds the header, C-1, C-2; the formula sits beside it.
    emu.edit("Campaigns!P2", "=BUDGET_REMAINING(A2:A)");
    const last = emu.runtime.counter.paused(() => emu.spreadsheet.getSheetByName("Campaigns")!.getMaxRows());
    expect(last).toBeGreaterThan(5);
    expect(column(emu, "Campaigns", "P", [2, 3, 4, 5, last])).toEqual([6500, 0, "", "", ""]);
  });

  it("takes a range of categories of the same size", () => {
    const emu = budgets();
    // Set up removed the empty default sheet; the person types into a tab of their own.
    const tab = emu.spreadsheet.insertSheet("Scratch").getName();
    emu.edit(`${tab}!A1`, [
      ["C-1", "Media"],
      ["C-1", "Events"],
      ["", ""],
    ]);
    emu.edit(`${tab}!C1`, "=BUDGET_REMAINING(A1:A3, B1:B3)");
    expect(column(emu, tab, "C", [1, 2, 3])).toEqual([2500, 4000, ""]);
  });

  it("reads each tab once and writes nothing", () => {
    const emu = budgets();
    emu.counter.reset();
    expect(emu.customFunction("BUDGET_REMAINING", [["C-1"], ["C-2"], [""]])).toEqual([[6500], [0], [""]]);
    // Settings, Campaigns, the state tab (the kept fold), the Approval log's header and its rows from the kept fold's
    // last one, Budget, Expenses, Rates: never the whole log.
    expect(emu.counter.get("Range.getValues")).toBe(8);
    const writes = Object.keys(emu.counter.snapshot()).filter((k) => /\.(set|insert|delete|append|clear)/.test(k));
    expect(writes).toEqual([]);
  });

  it("shows #ERROR! naming an unknown campaign and its cell", () => {
    const emu = budgets();
    emu.edit("Campaigns!P2", "=BUDGET_REMAINING(Q2:Q4)");
    emu.edit("Campaigns!Q2", [["C-1"], ["C-9"]]);
    expect(emu.cell("Campaigns!P2").value).toBe("#ERROR!");
    expect(emu.spreadsheet.peek("Campaigns!P2").error).toBe(
      "BUDGET_REMAINING: no budget line or expense belongs to the campaign “C-9” (row 2, column 1 of its range).",
    );
    emu.edit("Campaigns!P10", "=BUDGET_REMAINING(TRUE)");
    expect(emu.spreadsheet.peek("Campaigns!P10").error).toBe(
      "BUDGET_REMAINING: campaign_id (the 1st argument) must be text, but it is the value TRUE.",
    );
  });

  it("words the error in Chinese in a Chinese spreadsheet", () => {
    const emu = budgets("zh_CN");
    expect(() => emu.customFunction("BUDGET_REMAINING", "C-404")).toThrow(
      "BUDGET_REMAINING：没有属于推广活动“C-404”的预算明细或费用。",
    );
  });

  it("asks for setup when the tabs are missing, and costs nothing for blank IDs", () => {
    const emu = emulator();
    expect(emu.customFunction("BUDGET_REMAINING", [[""], [""]])).toEqual([[""], [""]]);
    expect(emu.counter.total()).toBe(0);
    expect(() => emu.customFunction("BUDGET_REMAINING", "C-1")).toThrow(
      "BUDGET_REMAINING: the Budget and Expenses tabs are missing; run Extensions › Campaign Control › Set up workbook.",
    );
  });
});
