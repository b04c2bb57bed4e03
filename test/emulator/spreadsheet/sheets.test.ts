// Spreadsheet-level behaviour: sheets, active sheet and range, named ranges, rules, charts, notes, formats, Ui.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";
import { createCharts } from "./spreadsheet";

describe("sheets", () => {
  it("starts with one 1000 x 26 sheet named for the locale", () => {
    const { ss, sheet } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(sheet.getSheetId()).toBe(0);
    const zh = setup({}, { locale: "zh_CN", timeZone: "Asia/Shanghai" });
    expect(zh.sheet.getName()).toBe("工作表1");
    expect(zh.ss.getSpreadsheetLocale()).toBe("zh_CN");
    expect(zh.ss.getSpreadsheetTimeZone()).toBe("Asia/Shanghai");
  });

  it("inserts at an index, finds by name and id, renames and deletes", () => {
    const { ss } = setup();
    const log = ss.insertSheet("Log");
    const plan = ss.insertSheet("Plan", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Plan", "Sheet1", "Log"]);
    expect(plan.getIndex()).toBe(1);
    expect(ss.getSheetByName("log")?.getSheetId()).toBe(log.getSheetId());
    expect(ss.getSheetById(log.getSheetId())?.getName()).toBe("Log");
    expect(ss.getActiveSheet().getName()).toBe("Plan");
    expect(() => ss.insertSheet("Log")).toThrow(
      'A sheet with the name "Log" already exists. Please enter another name.',
    );
    log.setName("Approval log");
    expect(ss.getSheetByName("Log")).toBeNull();
    ss.deleteSheet(plan);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1", "Approval log"]);
    expect(() => plan.getName()).toThrow("The sheet has been deleted.");
  });

  it("hides and shows sheets but never all of them", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Other");
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(() => sheet.hideSheet()).toThrow();
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  it("keeps formulas pointing at a renamed sheet", () => {
    const { ss, sheet } = setup();
    const data = ss.insertSheet("Data");
    data.getRange("A1").setValue(5);
    sheet.getRange("A1").setFormula("=Data!A1*2");
    expect(sheet.getRange("A1").getValue()).toBe(10);
    data.setName("Budget");
    expect(sheet.getRange("A1").getFormula()).toBe("=Budget!A1*2");
    expect(sheet.getRange("A1").getValue()).toBe(10);
  });

  it("turns references to a deleted sheet into #REF!", () => {
    const { ss, sheet } = setup();
    const data = ss.insertSheet("Data");
    data.getRange("A1").setValue(5);
    sheet.getRange("A1").setFormula("=Data!A1");
    ss.deleteSheet(data);
    expect(sheet.getRange("A1").getValue()).toBe("#REF!");
  });

  it("tracks the active sheet and range", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("Other");
    expect(ss.getActiveSheet().getName()).toBe("Other");
    sheet.getRange("B3:C4").activate();
    expect(ss.getActiveSheet().getName()).toBe("Sheet1");
    expect(ss.getActiveRange()?.getA1Notation()).toBe("B3:C4");
    ss.setActiveRange(other.getRange("D1"));
    expect(ss.getActiveRange()?.getA1Notation()).toBe("D1");
    ss.setActiveSheet(sheet);
    expect(ss.getActiveRange()?.getA1Notation()).toBe("A1");
  });

  it("keeps named ranges", () => {
    const { ss, sheet } = setup();
    ss.setNamedRange("Budgets", sheet.getRange("C2:C10"));
    expect(ss.getRangeByName("Budgets")?.getA1Notation()).toBe("C2:C10");
    ss.removeNamedRange("Budgets");
    expect(ss.getRangeByName("Budgets")).toBeNull();
  });

  it("records notes, backgrounds, font weights, wrap, alignment, frozen rows, widths and hidden rows", () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1:B1");
    r.setNotes([["first", null]])
      .setBackground("#FFEE00")
      .setFontWeight("bold")
      .setWrap(true)
      .setHorizontalAlignment("center");
    expect(r.getNotes()).toEqual([["first", ""]]);
    expect(r.getBackgrounds()).toEqual([["#ffee00", "#ffee00"]]);
    expect(r.getFontWeights()).toEqual([["bold", "bold"]]);
    expect(sheet.getRange("C1").getBackground()).toBe("#ffffff");
    expect(sheet.getRange("C1").getFontWeight()).toBe("normal");
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.hideRows(5, 2);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getColumnWidth(3)).toBe(100);
    expect([sheet.isRowHiddenByUser(5), sheet.isRowHiddenByUser(6), sheet.isRowHiddenByUser(7)]).toEqual([
      true,
      true,
      false,
    ]);
    sheet.showRows(5, 1);
    expect(sheet.isRowHiddenByUser(5)).toBe(false);
  });

  it("clears contents, formats and validations separately", () => {
    const { app, sheet } = setup();
    const r = sheet.getRange("A1");
    r.setValue(5).setNumberFormat("0.00").setDataValidation(app.newDataValidation().requireCheckbox().build());
    r.clearContent();
    expect([r.getValue(), r.getNumberFormat(), r.getDataValidation() !== null]).toEqual(["", "0.00", true]);
    r.setValue(5);
    r.clear();
    expect([r.getValue(), r.getNumberFormat(), r.getDataValidation() !== null]).toEqual([
      "",
      "0.###############",
      true,
    ]);
    r.clearDataValidations();
    expect(r.getDataValidation()).toBeNull();
  });

  it("records conditional-format rules with their ranges", () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenNumberGreaterThan(100)
      .setBackground("#F4CCCC")
      .setRanges([sheet.getRange("E2:E")])
      .build();
    sheet.setConditionalFormatRules([rule]);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getRanges().map((r) => r.getA1Notation())).toEqual(["E2:E"]);
    expect(rules[0]!.condition()).toEqual({ type: "NUMBER_GREATER_THAN", values: [100] });
    expect(rules[0]!.background()).toBe("#f4cccc");
  });

  it("records charts with ranges, type, position and options", () => {
    const { sheet } = setup();
    const Charts = createCharts();
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange("A1:B5"))
      .setChartType(Charts.ChartType.COLUMN)
      .setPosition(2, 4, 0, 0)
      .setOption("title", "Spend")
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]!.getChartId()).toBeGreaterThan(0);
    expect(charts[0]!.getRanges()[0]!.getA1Notation()).toBe("A1:B5");
    expect(charts[0]!.getType()).toBe("COLUMN");
    expect(charts[0]!.getOptionsRecorded()).toEqual({ title: "Spend" });
    sheet.removeChart(charts[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });

  it("delegates toast and getUi to the host, and exposes enums by name", () => {
    const { host, app, ss } = setup();
    ss.toast("Saved", "Campaign Control", 3);
    ss.toast("Plain");
    expect(host.toasts).toEqual([
      { message: "Saved", title: "Campaign Control", timeoutSeconds: 3 },
      { message: "Plain", title: "", timeoutSeconds: 5 },
    ]);
    expect(app.getUi()).toEqual({ marker: "ui" });
    expect(app.ProtectionType.RANGE.toString()).toBe("RANGE");
    expect(String(app.DataValidationCriteria.VALUE_IN_LIST)).toBe("VALUE_IN_LIST");
    expect(app.getActiveSpreadsheet()).toBe(ss);
    expect(ss.getOwner()?.getEmail()).toBe("owner@example.com");
    expect(ss.getUrl()).toContain(ss.getId());
  });
});
