// "Set up workbook" installs and upgrades the budget-control tabs like the others: Budget, Expenses, Rates and the
// generated Variance report, with stable column keys, labels in both languages, validation, formats and widths,
// and the Settings rows budget control reads.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { columnsOf } from "./spend-support";
import { clickMenu, emulator, setUpWorkbook, writesOf } from "./support";

function sheetState(emu: Emulator, name: string) {
  const sheet = emu.save().spreadsheet.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

type Rule = { type: string; values: unknown[]; allowInvalid: boolean } | null;

function rulesOfRow2(emu: Emulator, name: string): Rule[] {
  return (sheetState(emu, name).grids.validations?.[1] ?? []) as Rule[];
}

const EXPENSE_KEYS = [
  "id",
  "date",
  "campaign",
  "category",
  "vendor",
  "description",
  "amount",
  "currency",
  "kind",
  "receiptLink",
  "reimbursable",
  "requestedBy",
  "status",
  "refundOf",
];

describe("Set up workbook: the budget-control tabs", () => {
  const emu = setUpWorkbook();

  it("creates Budget, Expenses, Rates and the Variance report, in that order", () => {
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    const at = names.indexOf("Budget");
    expect(names.slice(at, at + 4)).toEqual(["Budget", "Expenses", "Rates", "Variance report"]);
    expect(emu.values("Budget")[0]).toEqual(["Campaign", "Category", "Month", "Planned amount", "Currency", "Note"]);
    expect(emu.values("Expenses")[0]).toEqual([
      "ID",
      "Date",
      "Campaign",
      "Category",
      "Vendor",
      "Description",
      "Amount",
      "Currency",
      "Kind",
      "Receipt link",
      "Reimbursable",
      "Requested by",
      "Status",
      "Refund of",
    ]);
    expect(emu.values("Rates")[0]).toEqual(["Currency", "Rate", "Valid from"]);
  });

  it("keys every column by developer metadata, so columns survive moves and renamed headers", () => {
    expect([...columnsOf(emu, "Expenses").entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k)).toEqual(EXPENSE_KEYS);
    expect([...columnsOf(emu, "Budget").keys()].sort()).toEqual(
      ["campaign", "category", "currency", "month", "note", "planned"].sort(),
    );
    expect([...columnsOf(emu, "Rates").keys()].sort()).toEqual(["currency", "rate", "validFrom"]);
  });

  it("sets dropdowns, number formats, help notes and widths", () => {
    const expenses = rulesOfRow2(emu, "Expenses");
    expect(expenses[1]).toMatchObject({ type: "DATE_IS_VALID_DATE", allowInvalid: false });
    // The amount takes refunds (negative), only numbers; a planned amount is 0 or more.
    expect(expenses[6]).toMatchObject({
      type: "NUMBER_GREATER_THAN_OR_EQUAL_TO",
      values: [-1e13],
      allowInvalid: false,
    });
    expect(rulesOfRow2(emu, "Budget")[3]).toMatchObject({ type: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [0] });
    // A kind typed otherwise is warned about here and reported with its row when read; Yes/No is strict.
    expect(expenses[8]).toMatchObject({ type: "VALUE_IN_LIST", allowInvalid: true });
    expect(expenses[8]?.values[0]).toEqual(["Committed", "Actual"]);
    expect(expenses[10]).toMatchObject({ type: "VALUE_IN_LIST", allowInvalid: false });
    expect(expenses[10]?.values[0]).toEqual(["Yes", "No"]);
    // The status is the add-on's to write: its rule only warns, so a repaired or blank cell is never refused.
    expect(expenses[12]).toMatchObject({ type: "VALUE_IN_LIST", allowInvalid: true });
    expect(emu.spreadsheet.peek("Expenses!G2").format).toBe("#,##0.00");
    expect(emu.spreadsheet.peek("Expenses!B51").format).toBe("yyyy-mm-dd"); // the last row of the trimmed tab
    expect(emu.spreadsheet.peek("Expenses!A2").format).toBe("@");
    // A month stays text: "2026-03" must not become the 1st of March.
    expect(emu.spreadsheet.peek("Budget!C2").format).toBe("@");
    expect(emu.spreadsheet.peek("Budget!D2").format).toBe("#,##0.00");
    expect(emu.spreadsheet.peek("Rates!C2").format).toBe("yyyy-mm-dd");
    expect(emu.spreadsheet.peek("Expenses!I1").note).toBe(
      "Committed: ordered or contracted, not paid yet. Actual: incurred or paid. Both use up the budget.",
    );
    const widths = new Map(sheetState(emu, "Expenses").colWidths);
    expect(widths.get(6)).toBe(220);
    expect(widths.get(13)).toBe(180);
    expect(sheetState(emu, "Budget").frozenRows).toBe(1);
  });

  it("refuses a typed Reimbursable that is not Yes or No, and text in the amount", () => {
    const probe = setUpWorkbook();
    probe.edit("Expenses!K2", "Maybe");
    expect(probe.lastEdit?.ok).toBe(false);
    probe.edit("Expenses!G2", "lots");
    expect(probe.lastEdit?.ok).toBe(false);
  });

  it("adds the budget-control settings with their defaults", () => {
    const settings = new Map(emu.values("Settings").map((r) => [r[0], r[1]]));
    expect(settings.get("warning_threshold")).toBe(0.9);
    expect(settings.get("enforce_line_budgets")).toBe(false);
    expect(settings.get("receipt_required_above")).toBe(0);
  });

  it("changes nothing on a second run, and reads each budget-control tab once", () => {
    const again = setUpWorkbook();
    const before = again.save().spreadsheet;
    clickMenu(again, "menuSetUpWorkbook");
    expect(again.save().spreadsheet).toEqual(before);
    expect(writesOf(again)).toEqual({});
  });
});

describe("Set up workbook in a Chinese spreadsheet", () => {
  it("names the tabs, headers and dropdowns in Chinese", () => {
    const emu = emulator({ locale: "zh_CN" });
    emu.open();
    clickMenu(emu, "menuSetUpWorkbook");
    const names = emu.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(["预算", "费用", "汇率", "预算差异报告"]));
    expect(emu.values("费用")[0]?.slice(0, 4)).toEqual(["编号", "日期", "推广活动", "费用类别"]);
    expect(rulesOfRow2(emu, "费用")[8]?.values[0]).toEqual(["已承诺", "实际发生"]);
  });
});

describe("Upgrading a workbook set up before budget control", () => {
  it("adds a missing column at the end, losing no data", () => {
    const emu = setUpWorkbook();
    const sheet = emu.spreadsheet.getSheetByName("Expenses")!;
    sheet.getRange(2, 1, 1, 3).setValues([["EXP-1", "2026-03-10", "C-1"]]);
    sheet.deleteColumns(13, 2); // an older Expenses tab without Status and Refund of
    clickMenu(emu, "menuSetUpWorkbook");
    expect(emu.values("Expenses")[0]?.slice(12)).toEqual(["Status", "Refund of"]);
    expect(emu.values("Expenses")[1]?.[0]).toBe("EXP-1");
    expect(columnsOf(emu, "Expenses").get("status")).toBe(13);
    expect(columnsOf(emu, "Expenses").get("refundOf")).toBe(14);
  });
});
