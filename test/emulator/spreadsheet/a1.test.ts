// A1 notation: parsing every form the add-on uses and the notation ranges report back.
import { describe, expect, it } from "vitest";
import { columnToLetters, lettersToColumn, parseA1, quoteSheetName } from "./a1";
import { setup } from "./fake-host";

describe("A1 parsing", () => {
  it("converts column letters both ways", () => {
    expect(columnToLetters(1)).toBe("A");
    expect(columnToLetters(26)).toBe("Z");
    expect(columnToLetters(27)).toBe("AA");
    expect(columnToLetters(703)).toBe("AAA");
    expect(lettersToColumn("AB")).toBe(28);
    expect(lettersToColumn("ab")).toBe(28);
  });

  it("parses cells, ranges, whole and open-ended columns and rows", () => {
    expect(parseA1("B2")).toEqual({ sheetName: null, startRow: 2, startColumn: 2, endRow: 2, endColumn: 2 });
    expect(parseA1("D9:B2")).toEqual({ sheetName: null, startRow: 2, startColumn: 2, endRow: 9, endColumn: 4 });
    expect(parseA1("B:B")).toEqual({ sheetName: null, startRow: 1, startColumn: 2, endRow: null, endColumn: 2 });
    expect(parseA1("B2:D")).toEqual({ sheetName: null, startRow: 2, startColumn: 2, endRow: null, endColumn: 4 });
    expect(parseA1("2:3")).toEqual({ sheetName: null, startRow: 2, startColumn: 1, endRow: 3, endColumn: null });
    expect(parseA1("$A$1:$B$2")).toMatchObject({ startRow: 1, endRow: 2, endColumn: 2 });
  });

  it("parses sheet prefixes, quoted or not", () => {
    expect(parseA1("Sheet1!A1:B2")).toMatchObject({ sheetName: "Sheet1", startRow: 1, endColumn: 2 });
    expect(parseA1("'My Sheet'!C3")).toMatchObject({ sheetName: "My Sheet", startRow: 3, startColumn: 3 });
    expect(parseA1("'It''s'!A1")).toMatchObject({ sheetName: "It's" });
  });

  it("rejects what is not a reference", () => {
    expect(parseA1("hello")).toBeNull();
    expect(parseA1("A0")).toBeNull();
    expect(parseA1("A1:B2:C3")).toBeNull();
  });

  it("quotes sheet names only when needed", () => {
    expect(quoteSheetName("Budget")).toBe("Budget");
    expect(quoteSheetName("Q1 Plan")).toBe("'Q1 Plan'");
    expect(quoteSheetName("A1")).toBe("'A1'");
  });
});

describe("Sheet.getRange", () => {
  it("reports position, size and notation", () => {
    const { sheet } = setup();
    const r = sheet.getRange("B2:D9");
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 8, 3]);
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([9, 4]);
    expect(r.getA1Notation()).toBe("B2:D9");
    expect(sheet.getRange(2, 3).getA1Notation()).toBe("C2");
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe("C2:C5");
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe("C2:D5");
  });

  it("sizes whole and open-ended columns by the sheet", () => {
    const { sheet } = setup();
    const col = sheet.getRange("B:B");
    expect(col.getA1Notation()).toBe("B:B");
    expect(col.getNumRows()).toBe(1000);
    const open = sheet.getRange("B2:B");
    expect(open.getA1Notation()).toBe("B2:B");
    expect(open.getNumRows()).toBe(999);
    const row = sheet.getRange("2:2");
    expect(row.getA1Notation()).toBe("2:2");
    expect(row.getNumColumns()).toBe(26);
  });

  it("resolves another sheet named in the notation", () => {
    const { ss, sheet } = setup();
    const other = ss.insertSheet("My Sheet");
    other.getRange("A1").setValue("there");
    expect(sheet.getRange("'My Sheet'!A1").getValue()).toBe("there");
    expect(sheet.getRange("'My Sheet'!A1").getSheet().getName()).toBe("My Sheet");
  });

  it("offsets ranges", () => {
    const { sheet } = setup();
    const r = sheet.getRange("B2:C3");
    expect(r.offset(1, 1).getA1Notation()).toBe("C3:D4");
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(() => r.offset(-2, 0)).toThrow("The starting row of the range is too small.");
  });

  it("throws Apps Script's messages for bad coordinates", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("nonsense")).toThrow("Range not found");
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 0)).toThrow("The starting column of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
  });

  it("reads the data range up to the last non-empty row and column", () => {
    const { sheet } = setup();
    sheet.getRange("C5").setValue("x");
    sheet.getRange("A2").setValue(1);
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C5");
    sheet.getRange("C5").clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });
});
