// Every service call is counted by "Class.method", so tests and benchmarks can assert round trips.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";

describe("call counting", () => {
  it("counts each public call once under Apps Script's class name", () => {
    const { host, app } = setup();
    const ss = app.getActiveSpreadsheet();
    const sheet = ss.getSheetByName("Sheet1")!;
    const range = sheet.getRange("A1:B2");
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    sheet.getDataRange().getDisplayValues();
    app.flush();
    app.newDataValidation().requireCheckbox().build();
    expect(host.counter.snapshot()).toEqual({
      "DataValidationBuilder.build": 1,
      "DataValidationBuilder.requireCheckbox": 1,
      "Range.getDisplayValues": 1,
      "Range.getValues": 2,
      "Range.setValues": 1,
      "Sheet.getDataRange": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getSheetByName": 1,
      "SpreadsheetApp.flush": 1,
      "SpreadsheetApp.getActiveSpreadsheet": 1,
      "SpreadsheetApp.newDataValidation": 1,
    });
    expect(host.counter.total("Range.")).toBe(4);
  });

  it("counts refused calls too, and not the emulator's own reads", () => {
    const { host, ss, sheet } = setup();
    host.inCustomFunction = true;
    expect(() => sheet.appendRow([1])).toThrow();
    host.inCustomFunction = false;
    ss.peek("A1");
    ss.sheetValues("Sheet1");
    ss.userEdit("A1", "5");
    expect(host.counter.snapshot()).toEqual({ "Sheet.appendRow": 1 });
  });

  it("counts metadata, protection and chart calls", () => {
    const { host, sheet } = setup();
    sheet.getRange("B:B").addDeveloperMetadata("k", "v");
    const [m] = sheet.createDeveloperMetadataFinder().withKey("k").find();
    m!.getLocation().getColumn();
    sheet.protect().setDescription("d");
    const snap = host.counter.snapshot();
    expect(snap["Range.addDeveloperMetadata"]).toBe(1);
    expect(snap["DeveloperMetadataFinder.find"]).toBe(1);
    expect(snap["DeveloperMetadata.getLocation"]).toBe(1);
    expect(snap["DeveloperMetadataLocation.getColumn"]).toBe(1);
    expect(snap["Sheet.protect"]).toBe(1);
    expect(snap["Protection.setDescription"]).toBe(1);
  });
});
