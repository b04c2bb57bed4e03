// Structural edits: inserting, deleting and moving rows and columns moves everything a cell holds, adjusts
// formula references and carries developer metadata along, as Sheets does.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";

function seed() {
  const ctx = setup();
  const { sheet } = ctx;
  sheet.getRange("A1:D3").setValues([
    ["Name", "Budget", "Spent", "Left"],
    ["Spring", 100, 40, "=B2-C2"],
    ["Summer", 200, 50, "=B3-C3"],
  ]);
  return ctx;
}

describe("rows", () => {
  it("refuses a range past the grid, and grows by insertRowsAfter and appendRow like Sheets", () => {
    const { sheet } = setup();
    const outside = "The coordinates of the range are outside the dimensions of the sheet.";
    expect(() => sheet.getRange(1005, 1)).toThrow(outside);
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow(outside);
    expect(() => sheet.getRange(1, 30)).toThrow(outside);
    expect(() => sheet.getRange("A1:AD2")).toThrow(outside);
    expect(sheet.getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(1000, 5);
    sheet.getRange(1005, 1).setValue("far");
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.insertColumnsAfter(26, 4);
    sheet.getRange(1, 30).setValue("wide");
    expect(sheet.getMaxColumns()).toBe(30);
    sheet.appendRow(["next", 1]);
    expect(sheet.getLastRow()).toBe(1006);
    expect(sheet.getMaxRows()).toBe(1006);
    expect(sheet.getRange("A1006:B1006").getValues()).toEqual([["next", 1]]);
  });

  it("holds at most 10 million cells over all sheets, with Sheets' message", () => {
    const { ss, sheet } = setup();
    const limit = "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";
    // 1000 x 26 now; 384,615 rows x 26 columns = 9,999,990 cells.
    sheet.insertRowsAfter(1000, 384_615 - 1000);
    expect(() => sheet.insertRowsAfter(10, 1)).toThrow(limit);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(limit);
    expect(() => ss.insertSheet("More")).toThrow(limit);
    expect(sheet.getMaxRows()).toBe(384_615);
    sheet.deleteRows(2, 2_000);
    expect(ss.insertSheet("More").getMaxRows()).toBe(1000);
    sheet.insertRowsAfter(10, 1000); // 10 cells left
    sheet.getRange(sheet.getMaxRows(), 1).setValue("last");
    expect(() => sheet.appendRow(["one more row than fits"])).toThrow(limit);
  });

  it("appends after the last row with content and parses like setValues", () => {
    const { sheet } = seed();
    sheet.appendRow(["Autumn", "300", 10, "=B4-C4"]);
    expect(sheet.getRange("A4:D4").getValues()).toEqual([["Autumn", 300, 10, 290]]);
  });

  it("inserts rows, moving values, formats, notes and validation and adjusting formulas", () => {
    const { sheet, app } = seed();
    sheet.getRange("B2").setNumberFormat("#,##0.00").setNote("check");
    sheet.getRange("E1").setFormula("=SUM(B2:B3)");
    sheet.getRange("A3").setDataValidation(app.newDataValidation().requireValueInList(["Summer", "Winter"]).build());
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange("A4:D5").getValues()).toEqual([
      ["Spring", 100, 40, 60],
      ["Summer", 200, 50, 150],
    ]);
    expect(sheet.getRange("D4").getFormula()).toBe("=B4-C4");
    expect(sheet.getRange("E1").getFormula()).toBe("=SUM(B4:B5)");
    expect(sheet.getRange("B4").getNote()).toBe("check");
    expect(sheet.getRange("B4").getDisplayValue()).toBe("100.00");
    expect(sheet.getRange("A5").getDataValidation()?.getCriteriaValues()).toEqual([["Summer", "Winter"], true]);
    // New rows take the formats of the row they were inserted against, not its content.
    expect(sheet.getRange("B2").getNumberFormat()).toBe("#,##0.00");
    expect(sheet.getRange("B2").getValue()).toBe("");
    expect(sheet.getRange("B2").getNote()).toBe("");
  });

  it("inserts rows after a position", () => {
    const { sheet } = seed();
    sheet.insertRowsAfter(1, 1);
    expect(sheet.getRange("A2:A4").getValues()).toEqual([[""], ["Spring"], ["Summer"]]);
    expect(sheet.getRange("D3").getValue()).toBe(60);
  });

  it("deletes rows and turns references to them into #REF!", () => {
    const { sheet } = seed();
    sheet.getRange("E1").setFormula("=C2");
    sheet.getRange("F1").setFormula("=SUM(B2:B3)");
    sheet.deleteRows(2, 1);
    expect(sheet.getMaxRows()).toBe(999);
    expect(sheet.getRange("A2:D2").getValues()).toEqual([["Summer", 200, 50, 150]]);
    expect(sheet.getRange("E1").getValue()).toBe("#REF!");
    expect(sheet.getRange("F1").getFormula()).toBe("=SUM(B2:B2)");
    expect(sheet.getRange("F1").getValue()).toBe(200);
    expect(() => sheet.deleteRows(1, 999)).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
  });

  it("keeps open-ended ranges open across row edits", () => {
    const { sheet } = seed();
    sheet.getRange("F1").setFormula("=SUM(B2:B)");
    expect(sheet.getRange("F1").getValue()).toBe(300);
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange("F2").getFormula()).toBe("=SUM(B3:B)");
    sheet.appendRow(["Winter", 25]);
    expect(sheet.getRange("F2").getValue()).toBe(325);
  });

  it("moves hidden rows with row edits", () => {
    const { sheet } = seed();
    sheet.hideRows(3);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.isRowHiddenByUser(5)).toBe(true);
    expect(sheet.isRowHiddenByUser(3)).toBe(false);
  });
});

describe("columns", () => {
  it("inserts columns after a position and adjusts formulas", () => {
    const { sheet } = seed();
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([["Name", "", "Budget", "Spent", "Left"]]);
    expect(sheet.getRange("E2").getFormula()).toBe("=C2-D2");
    expect(sheet.getRange("E2").getValue()).toBe(60);
  });

  it("deletes columns", () => {
    const { sheet } = seed();
    sheet.deleteColumns(1, 1);
    expect(sheet.getMaxColumns()).toBe(25);
    expect(sheet.getRange("A1:C2").getValues()).toEqual([
      ["Budget", "Spent", "Left"],
      [100, 40, 60],
    ]);
    expect(sheet.getRange("C2").getFormula()).toBe("=A2-B2");
  });

  it("moves columns with Apps Script's destination rule, carrying formats and formulas", () => {
    const { sheet } = seed();
    sheet.getRange("B1:B3").setBackground("#00ff00");
    sheet.setColumnWidth(2, 150);
    // Columns B:C to destination index 5 end up as C:D (the index counts before the move).
    sheet.moveColumns(sheet.getRange("B1:C1"), 5);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["Name", "Left", "Budget", "Spent"]]);
    expect(sheet.getRange("B2").getFormula()).toBe("=C2-D2");
    expect(sheet.getRange("B2").getValue()).toBe(60);
    expect(sheet.getRange("C1").getBackground()).toBe("#00ff00");
    expect(sheet.getColumnWidth(3)).toBe(150);
    // And back to the left.
    sheet.moveColumns(sheet.getRange("C1:D1"), 2);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["Name", "Budget", "Spent", "Left"]]);
    expect(sheet.getRange("D3").getFormula()).toBe("=B3-C3");
  });
});

describe("developer metadata on columns", () => {
  function withKeys() {
    const ctx = seed();
    const { sheet } = ctx;
    sheet.getRange("B:B").addDeveloperMetadata("col", "budget");
    sheet.getRange(1, 3, sheet.getMaxRows(), 1).addDeveloperMetadata("col", "spent");
    return ctx;
  }

  function columnOf(ctx: ReturnType<typeof seed>, value: string): string | null {
    const found = ctx.sheet.createDeveloperMetadataFinder().withKey("col").withValue(value).find();
    expect(found.length).toBeLessThanOrEqual(1);
    return found[0]?.getLocation().getColumn()?.getA1Notation() ?? null;
  }

  it("finds metadata by key and value, on the sheet and the spreadsheet", () => {
    const ctx = withKeys();
    expect(columnOf(ctx, "budget")).toBe("B:B");
    expect(columnOf(ctx, "spent")).toBe("C:C");
    const all = ctx.ss.createDeveloperMetadataFinder().withKey("col").find();
    expect(all.map((m) => m.getValue())).toEqual(["budget", "spent"]);
    expect(all[0]!.getLocation().getSheet()?.getName()).toBe("Sheet1");
    expect(all[0]!.getLocation().getRow()).toBeNull();
    expect(
      ctx.sheet
        .getRange("B:B")
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).toEqual(["col"]);
  });

  it("follows its column through inserts, deletes and moves, and dies with it", () => {
    const ctx = withKeys();
    ctx.sheet.insertColumnsAfter(1, 2);
    expect(columnOf(ctx, "budget")).toBe("D:D");
    ctx.sheet.moveColumns(ctx.sheet.getRange("D:D"), 1);
    expect(columnOf(ctx, "budget")).toBe("A:A");
    expect(columnOf(ctx, "spent")).toBe("E:E");
    ctx.sheet.deleteColumns(1, 1);
    expect(columnOf(ctx, "budget")).toBeNull();
    expect(columnOf(ctx, "spent")).toBe("D:D");
  });

  it("can be changed and removed", () => {
    const ctx = withKeys();
    const [m] = ctx.sheet.createDeveloperMetadataFinder().withValue("budget").find();
    m!.setValue("plan");
    expect(columnOf(ctx, "plan")).toBe("B:B");
    m!.remove();
    expect(columnOf(ctx, "plan")).toBeNull();
  });

  it("is refused on ranges that are not whole columns or rows", () => {
    const { sheet } = seed();
    expect(() => sheet.getRange("B2:B9").addDeveloperMetadata("k", "v")).toThrow(
      "Adding developer metadata to arbitrary ranges is not currently supported.",
    );
  });
});

describe("sorting", () => {
  it("sorts a sheet below its frozen rows", () => {
    const { sheet } = seed();
    sheet.appendRow(["Autumn", 50, 5, "=B4-C4"]);
    sheet.setFrozenRows(1);
    sheet.sort(2, false);
    expect(sheet.getRange("A1:B4").getValues()).toEqual([
      ["Name", "Budget"],
      ["Summer", 200],
      ["Spring", 100],
      ["Autumn", 50],
    ]);
  });

  it("moves formulas with their rows as copying would", () => {
    const { sheet } = seed();
    sheet.getRange("A2:D3").sort({ column: 2, ascending: false });
    expect(sheet.getRange("A2:D3").getValues()).toEqual([
      ["Summer", 200, 50, 150],
      ["Spring", 100, 40, 60],
    ]);
    expect(sheet.getRange("D2:D3").getFormulas()).toEqual([["=B2-C2"], ["=B3-C3"]]);
  });

  it("sorts a range by several keys with blanks last and moves formats", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B5").setValues([
      ["b", 2],
      ["", 9],
      ["a", 2],
      ["c", 1],
      ["B", 1],
    ]);
    sheet.getRange("A4").setBackground("#ff0000");
    sheet.getRange("A1:B5").sort([{ column: 2, ascending: true }, 1]);
    expect(sheet.getRange("A1:B5").getValues()).toEqual([
      ["B", 1],
      ["c", 1],
      ["a", 2],
      ["b", 2],
      ["", 9],
    ]);
    expect(sheet.getRange("A2").getBackground()).toBe("#ff0000");
    sheet.getRange("A1:B5").sort({ column: 1, ascending: false });
    // Text compares without case and ties keep their order.
    expect(sheet.getRange("A1:A5").getValues().flat()).toEqual(["c", "B", "b", "a", ""]);
    expect(() => sheet.getRange("A1:B5").sort(3)).toThrow();
  });
});
