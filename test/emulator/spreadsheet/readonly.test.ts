// Custom functions run read-only: every mutating call throws Apps Script's permission error, reads still work.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";

describe("read-only while a custom function runs", () => {
  it("refuses mutating calls with the permission message", () => {
    const { host, app, ss, sheet } = setup();
    const range = sheet.getRange("A1");
    host.inCustomFunction = true;
    const attempts: [string, () => unknown][] = [
      ["Range.setValue", () => range.setValue(1)],
      ["Range.setValues", () => range.setValues([[1]])],
      ["Range.setFormula", () => range.setFormula("=1")],
      ["Range.clearContent", () => range.clearContent()],
      ["Range.setNumberFormat", () => range.setNumberFormat("0")],
      ["Range.setNote", () => range.setNote("n")],
      ["Range.setBackground", () => range.setBackground("#fff")],
      ["Range.protect", () => range.protect()],
      ["Range.sort", () => range.sort(1)],
      ["Range.addDeveloperMetadata", () => sheet.getRange("A:A").addDeveloperMetadata("k", "v")],
      ["Range.activate", () => range.activate()],
      ["Sheet.appendRow", () => sheet.appendRow([1])],
      ["Sheet.insertRowsAfter", () => sheet.insertRowsAfter(1, 1)],
      ["Sheet.deleteRows", () => sheet.deleteRows(1, 1)],
      ["Sheet.insertColumnsAfter", () => sheet.insertColumnsAfter(1, 1)],
      ["Sheet.deleteColumns", () => sheet.deleteColumns(1, 1)],
      ["Sheet.moveColumns", () => sheet.moveColumns(range, 3)],
      ["Sheet.sort", () => sheet.sort(1)],
      ["Sheet.setName", () => sheet.setName("x")],
      ["Sheet.hideSheet", () => sheet.hideSheet()],
      ["Sheet.clear", () => sheet.clear()],
      ["Sheet.protect", () => sheet.protect()],
      ["Sheet.setFrozenRows", () => sheet.setFrozenRows(1)],
      ["Spreadsheet.insertSheet", () => ss.insertSheet("New")],
      ["Spreadsheet.deleteSheet", () => ss.deleteSheet(sheet)],
      ["Spreadsheet.toast", () => ss.toast("hi")],
      ["Spreadsheet.setNamedRange", () => ss.setNamedRange("n", range)],
    ];
    for (const [method, call] of attempts) {
      expect(call, method).toThrow(`You do not have permission to call ${method}`);
    }
    expect(host.toasts).toHaveLength(0);
    // Reads are allowed.
    expect(range.getValue()).toBe("");
    expect(ss.getSheetByName("Sheet1")?.getName()).toBe("Sheet1");
    expect(app.getActiveSpreadsheet().getName()).toBe("Test");
    host.inCustomFunction = false;
    range.setValue(1);
    expect(range.getValue()).toBe(1);
  });

  it("names the error like Apps Script", () => {
    const { host, sheet } = setup();
    host.inCustomFunction = true;
    let caught: unknown;
    try {
      sheet.getRange("A1").setValue(1);
    } catch (e) {
      caught = e;
    }
    expect(String(caught)).toBe("Exception: You do not have permission to call Range.setValue");
  });

  it("shows a custom function's write attempt as #ERROR! with the message", () => {
    const ctx = setup({
      SNEAKY() {
        ctx.ss.getSheets()[0]!.getRange("Z1").setValue("written");
        return 1;
      },
      PEEK() {
        return ctx.ss.getSheets()[0]!.getRange("A2").getValue();
      },
    });
    const { ss, sheet } = ctx;
    sheet.getRange("A2").setValue("readable");
    sheet.getRange("A1").setFormula("=SNEAKY()");
    sheet.getRange("B1").setFormula("=PEEK()");
    expect(sheet.getRange("A1").getValue()).toBe("#ERROR!");
    expect(ss.getErrorMessage("A1")).toBe("You do not have permission to call Range.setValue");
    expect(sheet.getRange("Z1").getValue()).toBe("");
    expect(sheet.getRange("B1").getValue()).toBe("readable");
  });
});
