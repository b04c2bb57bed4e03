// toJSON/fromJSON keep everything a spreadsheet holds across a restart of the local preview.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";
import { FakeSpreadsheet } from "./spreadsheet";

describe("persistence", () => {
  it("round-trips cells, formats, structure, protections, metadata, rules, charts and names", () => {
    const { host, app, ss, sheet } = setup({
      DOUBLE: (x: unknown) => (x as unknown[][]).map((r) => r.map((v) => (v as number) * 2)),
    });
    const log = ss.insertSheet("Log");
    sheet.getRange("A1:C3").setValues([
      ["Name", "Budget", "Start"],
      ["Spring", 100, new Date("2026-03-01T00:00:00+01:00")],
      ["Summer", 200, new Date("2026-06-01T00:00:00+02:00")],
    ]);
    sheet.getRange("D2").setFormula("=DOUBLE(B2:B)");
    sheet.getRange("E1").setFormula("=SUM(B2:B3)");
    sheet
      .getRange("B2:B3")
      .setNumberFormat("#,##0.00")
      .setNote("in EUR")
      .setBackground("#eeeeee")
      .setFontWeight("bold");
    sheet
      .getRange("A2:A3")
      .setDataValidation(
        app
          .newDataValidation()
          .requireValueInList(["Spring", "Summer"])
          .setAllowInvalid(false)
          .setHelpText("Pick one")
          .build(),
      );
    sheet.getRange("B:B").addDeveloperMetadata("col", "budget");
    sheet.getRange("A1:C1").protect().setDescription("Header").addEditor("lead@example.com");
    log.protect().setWarningOnly(true);
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 200);
    sheet.hideRows(3);
    ss.setNamedRange("Budgets", sheet.getRange("B2:B3"));
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberLessThan(0)
        .setBackground("#ff0000")
        .setRanges([sheet.getRange("B2:B")])
        .build(),
    ]);
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange("A1:B3")).setPosition(1, 5, 0, 0).build());
    sheet.getRange("C5").activate();

    const json = JSON.parse(JSON.stringify(ss.toJSON()));
    const copy = FakeSpreadsheet.fromJSON(host, json);
    const s2 = copy.getSheetByName("Sheet1")!;

    expect(copy.getId()).toBe(ss.getId());
    expect(copy.getSheets().map((s) => [s.getName(), s.getSheetId()])).toEqual(
      ss.getSheets().map((s) => [s.getName(), s.getSheetId()]),
    );
    expect(s2.getRange("A1:E3").getValues()).toEqual(sheet.getRange("A1:E3").getValues());
    expect(s2.getRange("A1:E3").getDisplayValues()).toEqual(sheet.getRange("A1:E3").getDisplayValues());
    expect(s2.getRange("A1:E3").getFormulas()).toEqual(sheet.getRange("A1:E3").getFormulas());
    expect(s2.getRange("D3").getValue()).toBe(400);
    expect(s2.getRange("B2").getNote()).toBe("in EUR");
    expect(s2.getRange("B2").getBackground()).toBe("#eeeeee");
    expect(s2.getRange("B3").getFontWeight()).toBe("bold");
    expect(s2.getRange("A2").getDataValidation()?.getHelpText()).toBe("Pick one");
    expect(
      copy.createDeveloperMetadataFinder().withKey("col").find()[0]?.getLocation().getColumn()?.getA1Notation(),
    ).toBe("B:B");
    const [header] = s2.getProtections(app.ProtectionType.RANGE);
    expect(header?.getDescription()).toBe("Header");
    expect(header?.getEditors().map((u) => u.getEmail())).toEqual(["owner@example.com", "lead@example.com"]);
    expect(copy.getSheetByName("Log")!.getProtections(app.ProtectionType.SHEET)[0]?.isWarningOnly()).toBe(true);
    expect([s2.getFrozenRows(), s2.getColumnWidth(1), s2.isRowHiddenByUser(3)]).toEqual([1, 200, true]);
    expect(copy.getRangeByName("Budgets")?.getA1Notation()).toBe("B2:B3");
    expect(s2.getConditionalFormatRules()[0]?.getRanges()[0]?.getA1Notation()).toBe("B2:B");
    expect(s2.getCharts()[0]?.getRanges()[0]?.getA1Notation()).toBe("A1:B3");
    expect(copy.getActiveRange()?.getA1Notation()).toBe("C5");

    // The restored spreadsheet keeps working: edits, ids and validation.
    expect(copy.userEdit("A2", "Autumn")).toMatchObject({ ok: false, message: "Pick one" });
    s2.getRange("B3").setValue(300);
    expect(s2.getRange("E1").getValue()).toBe(400);
    const again = copy.insertSheet("Third");
    expect(ss.getSheets().map((s) => s.getSheetId())).not.toContain(again.getSheetId());
  });
});
