// Data validation and protection: user edits are checked like Sheets checks typing; script writes are not
// validated but do respect protections for the user running the script.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";

describe("data validation", () => {
  function withRules() {
    const ctx = setup();
    const { app, sheet } = ctx;
    sheet
      .getRange("A2:A10")
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(["Draft", "Approved"], true)
          .setAllowInvalid(false)
          .setHelpText("Pick a status from the list.")
          .build(),
      );
    sheet
      .getRange("B2:B10")
      .setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).setAllowInvalid(false).build());
    sheet
      .getRange("C2:C10")
      .setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).setAllowInvalid(false).build());
    sheet.getRange("D2:D10").setDataValidation(app.newDataValidation().requireDate().setAllowInvalid(false).build());
    sheet.getRange("E2:E10").setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.getRange("F2:F10").setDataValidation(app.newDataValidation().requireNumberBetween(1, 5).build());
    return ctx;
  }

  it("exposes the rule's criteria, values, help text and allowInvalid", () => {
    const { app, sheet } = withRules();
    const list = sheet.getRange("A2").getDataValidation()!;
    expect(list.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(list.getCriteriaValues()).toEqual([["Draft", "Approved"], true]);
    expect(list.getAllowInvalid()).toBe(false);
    expect(list.getHelpText()).toBe("Pick a status from the list.");
    expect(String(sheet.getRange("B2").getDataValidation()!.getCriteriaType())).toBe("NUMBER_GREATER_THAN_OR_EQUAL_TO");
    expect(sheet.getRange("C2").getDataValidation()!.getCriteriaValues()).toEqual([1, 5]);
    expect(String(sheet.getRange("D2").getDataValidation()!.getCriteriaType())).toBe("DATE_IS_VALID_DATE");
    expect(String(sheet.getRange("E2").getDataValidation()!.getCriteriaType())).toBe("CHECKBOX");
    expect(sheet.getRange("E2").getDataValidation()!.getAllowInvalid()).toBe(true);
    expect(sheet.getRange("A1").getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange("A1:B2")
        .getDataValidations()[1]!
        .map((v) => v !== null),
    ).toEqual([true, true]);
  });

  it("rejects invalid user input with the help text and keeps the old value", () => {
    const { ss, sheet } = withRules();
    sheet.getRange("A2").setValue("Draft");
    const r = ss.userEdit("A2", "Done");
    expect(r.ok).toBe(false);
    expect(r.message).toBe("Pick a status from the list.");
    expect(sheet.getRange("A2").getValue()).toBe("Draft");
    expect(ss.userEdit("A2", "Approved").ok).toBe(true);
    expect(sheet.getRange("A2").getValue()).toBe("Approved");
  });

  it("checks numbers, ranges of numbers and dates, with default messages", () => {
    const { ss } = withRules();
    expect(ss.userEdit("B2", "-1")).toMatchObject({
      ok: false,
      message: "Input must be a number greater than or equal to 0.",
    });
    expect(ss.userEdit("B2", "12").ok).toBe(true);
    expect(ss.userEdit("B2", "twelve").ok).toBe(false);
    expect(ss.userEdit("C2", "6")).toMatchObject({ ok: false, message: "Input must be a number between 1 and 5." });
    expect(ss.userEdit("C2", "5").ok).toBe(true);
    expect(ss.userEdit("D2", "soon").ok).toBe(false);
    expect(ss.userEdit("D2", "2026-03-01").ok).toBe(true);
    // Clearing a cell is always allowed.
    expect(ss.userEdit("C2", "").ok).toBe(true);
  });

  it("lets invalid input through when the rule only warns", () => {
    const { ss, sheet } = withRules();
    expect(ss.userEdit("F2", "9").ok).toBe(true);
    expect(sheet.getRange("F2").getValue()).toBe(9);
    expect(ss.userEdit("E2", "TRUE").ok).toBe(true);
    expect(sheet.getRange("E2").getValue()).toBe(true);
  });

  it("rejects a whole paste when one cell is invalid", () => {
    const { ss, sheet } = withRules();
    const r = ss.userEdit("A2", [["Draft"], ["Nope"]]);
    expect(r.ok).toBe(false);
    expect(sheet.getRange("A2:A3").getValues()).toEqual([[""], [""]]);
  });

  it("does not validate script writes, as Sheets does not", () => {
    const { sheet } = withRules();
    sheet.getRange("A2:B2").setValues([["Anything", -5]]);
    expect(sheet.getRange("A2:B2").getValues()).toEqual([["Anything", -5]]);
  });

  it("reports what onEdit needs", () => {
    const { ss } = withRules();
    ss.userEdit("B2", "3");
    const r = ss.userEdit("Sheet1!B2", "4");
    expect(r).toMatchObject({
      ok: true,
      sheetName: "Sheet1",
      a1: "B2",
      row: 2,
      column: 2,
      numRows: 1,
      numColumns: 1,
      value: "4",
      oldValue: "3",
    });
    expect(r.range.getA1Notation()).toBe("B2");
    const paste = ss.userEdit("G1", [
      [1, 2],
      [3, 4],
    ]);
    expect(paste).toMatchObject({ ok: true, a1: "G1:H2", numRows: 2, numColumns: 2 });
    expect(paste.value).toBeUndefined();
  });

  it("parses typed text like Sheets", () => {
    const { ss, sheet } = setup();
    ss.userEdit("A1", [["12", "3.5", "TRUE", "2026-03-01", "'007", "=A1*2", "hello"]]);
    const values = sheet.getRange("A1:G1").getValues()[0]!;
    expect(values.slice(0, 3)).toEqual([12, 3.5, true]);
    expect(values[3]).toBeInstanceOf(Date);
    expect(values.slice(4)).toEqual(["007", 24, "hello"]);
    expect(sheet.getRange("F1").getFormula()).toBe("=A1*2");
  });
});

describe("protection", () => {
  it("protects ranges with a description and an editor list", () => {
    const { app, sheet, host } = setup();
    const p = sheet.getRange("A1:D1").protect().setDescription("Header");
    expect(p.getDescription()).toBe("Header");
    expect(p.getRange().getA1Notation()).toBe("A1:D1");
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(["owner@example.com"]);
    p.addEditor("lead@example.com");
    p.addEditors(["a@example.com", "b@example.com"]);
    p.removeEditors(["a@example.com", "owner@example.com"]);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(["owner@example.com", "lead@example.com", "b@example.com"]);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
    expect(p.canEdit()).toBe(true);
    host.user = "guest@example.com";
    expect(p.canEdit()).toBe(false);
    host.user = "lead@example.com";
    expect(p.canEdit()).toBe(true);
  });

  it("refuses user edits by non-editors and allows editors", () => {
    const { ss, sheet, host } = setup();
    sheet.getRange("B:B").protect().addEditor("lead@example.com");
    host.user = "guest@example.com";
    const refused = ss.userEdit("B5", "1");
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain("You are trying to edit a protected cell or object.");
    expect(sheet.getRange("B5").getValue()).toBe("");
    expect(ss.userEdit("C5", "1").ok).toBe(true);
    host.user = "lead@example.com";
    expect(ss.userEdit("B5", "1").ok).toBe(true);
  });

  it("only warns for warning-only protections", () => {
    const { ss, sheet, host } = setup();
    const p = sheet.protect().setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    host.user = "guest@example.com";
    expect(p.canEdit()).toBe(true);
    const r = ss.userEdit("A1", "x");
    expect(r).toMatchObject({ ok: true, warned: true });
    sheet.getRange("A2").setValue("script");
    expect(sheet.getRange("A1:A2").getValues()).toEqual([["x"], ["script"]]);
  });

  it("refuses script writes into protected cells for a user who may not edit them", () => {
    const { sheet, host } = setup();
    sheet.protect().setDescription("Log");
    host.user = "guest@example.com";
    expect(() => sheet.getRange("A1").setValue(1)).toThrow("You are trying to edit a protected cell or object.");
    expect(() => sheet.appendRow([1])).toThrow("You are trying to edit a protected cell or object.");
    host.user = "owner@example.com";
    sheet.appendRow([1]);
    expect(sheet.getLastRow()).toBe(1);
  });

  it("moves protected ranges with structural edits and removes them", () => {
    const { app, sheet } = setup();
    const p = sheet.getRange("B2:C3").protect();
    sheet.insertRowsBefore(1, 1);
    sheet.insertColumnsAfter(1, 1);
    expect(p.getRange().getA1Notation()).toBe("C3:D4");
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  it("protects a sheet once and lets only editors change the protection", () => {
    const { app, sheet, host } = setup();
    const p = sheet.protect();
    expect(sheet.protect().getDescription()).toBe(p.getDescription());
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    host.user = "guest@example.com";
    expect(() => p.addEditor("guest@example.com")).toThrow("You are trying to edit a protected cell or object.");
  });
});
