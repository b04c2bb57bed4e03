// Cell values as Apps Script returns them: types, text parsing, dates in the spreadsheet zone, number formats.
import { describe, expect, it } from "vitest";
import { cellFor } from "../../../src/domain/inert";
import { setup } from "./fake-host";
import { dateToSerial, formatValue, parseInput, serialToDate } from "./values";

describe("values", () => {
  it("returns numbers, strings, booleans and empty strings", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C2").setValues([
      [1, "text", true],
      [2.5, null, false],
    ]);
    expect(sheet.getRange("A1:D2").getValues()).toEqual([
      [1, "text", true, ""],
      [2.5, "", false, ""],
    ]);
    expect(sheet.getRange("B2").getValue()).toBe("");
  });

  it("parses strings written by a script as Sheets does", () => {
    const { sheet } = setup();
    sheet.getRange("A1:F1").setValues([["12", "3.5", "TRUE", "01234", "'12", "'=not a formula"]]);
    expect(sheet.getRange("A1:F1").getValues()).toEqual([[12, 3.5, true, 1234, "12", "=not a formula"]]);
    expect(sheet.getRange("A1:F1").getFormulas()).toEqual([["", "", "", "", "", ""]]);
  });

  it("refuses a string over 50,000 characters with Sheets' message and leaves the cell as it was", () => {
    const { sheet } = setup();
    const cell = sheet.getRange("A1");
    cell.setValue("a".repeat(50_000));
    expect(() => cell.setValue("b".repeat(50_001))).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(() => sheet.getRange("A2:B2").setValues([["ok", "c".repeat(50_001)]])).toThrow("50000 characters");
    expect(cell.getValue()).toBe("a".repeat(50_000));
    expect(sheet.getRange("A2").getValue()).toBe("");
  });

  it("keeps text as text in cells formatted as plain text", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setNumberFormat("@");
    sheet.getRange("A1:B1").setValues([["01234", "=1+1"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["01234", "=1+1"]]);
    expect(sheet.getRange("B1").getFormula()).toBe("");
  });

  it("parses what Sheets parses: percents, grouped numbers, dates, booleans, 15 digits, + and - formula starts", () => {
    const { sheet } = setup();
    sheet.getRange("A1:H1").setValues([["12%", "1,000", "true", "11/26/2026", "9007199254740993", "+A9", "-x", "'=q"]]);
    const [row] = sheet.getRange("A1:H1").getValues();
    expect(row?.slice(0, 3)).toEqual([0.12, 1000, true]);
    expect(row?.[3]).toBeInstanceOf(Date);
    expect(row?.[4]).toBe(9007199254740990);
    expect(sheet.getRange("F1:G1").getFormulas()).toEqual([["=+A9", "=-x"]]);
    expect(row?.[7]).toBe("=q");
  });

  it("stores exactly the add-on's quoted text in any format, and bare text in plain-text cells", () => {
    const hostile = [
      "12%",
      "1,000",
      "true",
      "11/26/2026",
      "9007199254740993",
      "'=already quoted",
      '=HYPERLINK("x")',
      "+1",
      "-x",
      "@me",
      " 12 ",
      "$5",
      "2026-03-10",
      "10:30",
    ];
    for (const format of ["", "0.00", "yyyy-mm-dd"]) {
      const { sheet } = setup();
      const range = sheet.getRange(1, 1, 1, hostile.length);
      if (format) range.setNumberFormat(format);
      range.setValues([hostile.map((v) => cellFor(v, format))]);
      expect(range.getValues()).toEqual([hostile]);
      expect(range.getFormulas()[0]?.every((f) => f === "")).toBe(true);
    }
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 1, hostile.length);
    range.setNumberFormat("@");
    range.setValues([hostile.map((v) => cellFor(v, "@"))]);
    expect(range.getValues()).toEqual([hostile]);
  });

  it("refuses a write with a cell over 50,000 characters, writing nothing", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue("kept");
    expect(() => sheet.getRange("A1:B1").setValues([["new", "x".repeat(50_001)]])).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["kept", ""]]);
    sheet.getRange("B1").setValue(`'${"x".repeat(50_000)}`);
    expect(String(sheet.getRange("B1").getValue()).length).toBe(50_000);
  });

  it("turns strings starting with = into formulas", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([[2, "=A1*3"]]);
    expect(sheet.getRange("B1").getValue()).toBe(6);
    expect(sheet.getRange("A1:B1").getFormulas()).toEqual([["", "=A1*3"]]);
  });

  it("throws Apps Script's message when setValues dimensions do not match", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("A1:B2").setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange("A1:B1").setValues([[1, 2, 3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
  });

  it("sets every cell of a range with setValue", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B2").setValue(7);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it("stores dates as serials in the spreadsheet zone and returns the same instant", () => {
    const { sheet } = setup({}, { timeZone: "Asia/Shanghai" });
    const when = new Date("2026-03-01T10:30:00+08:00");
    sheet.getRange("A1").setValue(when);
    const back = sheet.getRange("A1").getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(when.getTime());
    expect(sheet.getRange("A1").getNumberFormat()).toBe("M/d/yyyy H:mm:ss");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("3/1/2026 10:30:00");
    sheet.getRange("A1").setNumberFormat("0.00");
    // The serial is local wall-clock time: 2026-03-01 10:30 in Shanghai.
    expect(sheet.getRange("A1").getValue()).toBeCloseTo(46082.4375, 6);
  });

  it("keeps an existing date format when a date is written", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setNumberFormat("yyyy-mm-dd");
    sheet.getRange("A1").setValue(new Date("2026-03-01T00:00:00+01:00"));
    expect(sheet.getRange("A1").getNumberFormat()).toBe("yyyy-mm-dd");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2026-03-01");
  });

  it("reads typed ISO dates as dates", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue("2026-03-01");
    const v = sheet.getRange("A1").getValue() as Date;
    expect(v).toBeInstanceOf(Date);
    expect(v.toISOString()).toBe("2026-02-28T23:00:00.000Z");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("2026-03-01");
  });

  it("survives daylight-saving changes", () => {
    const tz = "Europe/Berlin";
    for (const iso of [
      "2026-03-29T00:30:00Z",
      "2026-03-29T01:30:00Z",
      "2026-10-24T23:30:00Z",
      "2026-10-25T02:30:00Z",
    ]) {
      const d = new Date(iso);
      expect(serialToDate(dateToSerial(d, tz), tz).toISOString()).toBe(d.toISOString());
    }
    // The hour that repeats when clocks go back has one wall-clock serial for two instants, as in Sheets.
    expect(dateToSerial(new Date("2026-10-25T00:30:00Z"), tz)).toBe(dateToSerial(new Date("2026-10-25T01:30:00Z"), tz));
  });
});

describe("number formats", () => {
  const cases: [number, string, string][] = [
    [1234.5, "", "1234.5"],
    [1 / 3, "", "0.3333333333"],
    [1234.5, "0", "1235"],
    [1234.5, "0.00", "1234.50"],
    [1234567.891, "#,##0", "1,234,568"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [-1234.5, "#,##0.00", "-1,234.50"],
    [0.256, "0%", "26%"],
    [0.256, "0.0%", "25.6%"],
    [1.005, "0.00", "1.01"],
    [1234.5, "[$€]#,##0.00", "€1,234.50"],
    [1234.5, '"$"#,##0.00', "$1,234.50"],
    [-5, "#,##0;(#,##0)", "(5)"],
    [46082.4375, "yyyy-mm-dd", "2026-03-01"],
    [46082.4375, "yyyy-mm-dd hh:mm", "2026-03-01 10:30"],
    [46082.4375, "d mmm yyyy", "1 Mar 2026"],
    [46082.75, "h:mm AM/PM", "6:00 PM"],
    [12, "@", "12"],
  ];
  it.each(cases)("%s with %j shows %j", (value, format, shown) => {
    expect(formatValue(value, format, "en_US")).toBe(shown);
  });

  it("shows booleans and text unchanged", () => {
    expect(formatValue(true, "0.00", "en_US")).toBe("TRUE");
    expect(formatValue("abc", "0.00", "en_US")).toBe("abc");
  });

  it("applies formats in getDisplayValues and records them", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([[1234.5, 0.5]]);
    sheet.getRange("A1:B1").setNumberFormats([["#,##0.00", "0%"]]);
    expect(sheet.getRange("A1:B1").getDisplayValues()).toEqual([["1,234.50", "50%"]]);
    expect(sheet.getRange("A1:B1").getNumberFormats()).toEqual([["#,##0.00", "0%"]]);
    expect(sheet.getRange("C1").getNumberFormat()).toBe("0.###############");
  });
});

describe("typed input", () => {
  it("parses numbers, percentages, currency, booleans, dates and formulas", () => {
    expect(parseInput("12", "en_US")).toEqual({ kind: "value", value: 12 });
    expect(parseInput("1,234.5", "en_US")).toEqual({ kind: "value", value: 1234.5 });
    expect(parseInput("12%", "en_US")).toEqual({ kind: "value", value: 0.12, format: "0%" });
    expect(parseInput("$3.50", "en_US")).toEqual({ kind: "value", value: 3.5, format: '"$"#,##0.00' });
    expect(parseInput("false", "en_US")).toEqual({ kind: "value", value: false });
    expect(parseInput("=A1", "en_US")).toEqual({ kind: "formula", formula: "=A1" });
    expect(parseInput("'=A1", "en_US")).toEqual({ kind: "value", value: "=A1" });
    expect(parseInput("3/1/2026", "en_US")).toMatchObject({ kind: "value", format: "M/d/yyyy" });
    expect(parseInput("2026-02-30", "en_US")).toEqual({ kind: "value", value: "2026-02-30" });
    expect(parseInput("", "en_US")).toEqual({ kind: "empty" });
    expect(parseInput("Q1 launch", "en_US")).toEqual({ kind: "value", value: "Q1 launch" });
  });
});
