// Cell formulas: built-ins evaluated by the formula engine, errors as Sheets shows them, custom functions
// dispatched to the host (ranges in as 2-D arrays, results spilling), open-ended ranges as arguments.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";

type Grid = unknown[][];

const functions = {
  DOUBLE(x: unknown) {
    return Array.isArray(x)
      ? (x as Grid).map((r) => r.map((v) => (typeof v === "number" ? v * 2 : "")))
      : (x as number) * 2;
  },
  TOTAL(x: unknown) {
    return (x as Grid).flat().reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
  },
  SHAPE(x: unknown) {
    return Array.isArray(x) ? `${x.length}x${(x[0] as unknown[]).length}` : `scalar:${typeof x}`;
  },
  FAIL() {
    throw new Error("Budget must be a number");
  },
  LIST() {
    return ["a", "b", "c"];
  },
  NEXT_DAY(d: unknown) {
    return new Date((d as Date).getTime() + 86_400_000);
  },
  KIND(x: unknown) {
    return x instanceof Date ? "date" : typeof x;
  },
};

describe("built-in formulas", () => {
  it("evaluates and recalculates after every write", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1").setFormula("=SUM(A1:A3)");
    sheet.getRange("B2").setFormula('=IF(B1>5,"big","small")');
    sheet.getRange("B3").setFormula('=TEXT(A3,"0.00")');
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[6], ["big"], ["3.00"]]);
    sheet.getRange("A1").setValue(-10);
    expect(sheet.getRange("B1:B2").getValues()).toEqual([[-5], ["small"]]);
  });

  it("reads other sheets and quoted sheet names", () => {
    const { ss, sheet } = setup();
    ss.insertSheet("My Data")
      .getRange("A1:A2")
      .setValues([[4], [5]]);
    sheet.getRange("A1").setFormula("=SUM('My Data'!A1:A2)");
    sheet.getRange("A2").setFormula("=VLOOKUP(5,'My Data'!A1:A2,1,FALSE)");
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[9], [5]]);
  });

  it("knows named ranges and the TRUE and FALSE constants", () => {
    const { ss, sheet } = setup();
    sheet.getRange("B2:B3").setValues([[10], [20]]);
    ss.setNamedRange("Budgets", sheet.getRange("B2:B3"));
    sheet.getRange("C1").setFormula("=SUM(Budgets)");
    sheet.getRange("C2").setFormula("=VLOOKUP(20,B2:B3,1,FALSE)");
    sheet.getRange("C3").setFormula("=IF(TRUE,1,2)");
    expect(sheet.getRange("C1:C3").getValues()).toEqual([[30], [20], [1]]);
  });

  it("returns errors as the strings Sheets shows, with messages", () => {
    const { ss, sheet } = setup();
    sheet.getRange("A1:A4").setFormulas([["=1/0"], ["=NOSUCHFN(1)"], ["=A3"], ["=SUM("]]);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([["#DIV/0!"], ["#NAME?"], ["#REF!"], ["#ERROR!"]]);
    expect(sheet.getRange("A1:A4").getDisplayValues()).toEqual([["#DIV/0!"], ["#NAME?"], ["#REF!"], ["#ERROR!"]]);
    expect(ss.getErrorMessage("A2")).toBe("Unknown function: 'NOSUCHFN'.");
    expect(ss.getErrorMessage("A4")).toBe("Formula parse error.");
    expect(ss.getErrorMessage("A3")).toContain("Circular dependency");
  });

  it("shows date results as dates", () => {
    const { host, sheet } = setup({}, { timeZone: "Europe/Berlin" });
    host.clock = new Date("2026-03-02T08:00:00Z");
    sheet.getRange("A1").setFormula("=TODAY()");
    sheet.getRange("A2").setFormula("=DATE(2026,1,31)");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("3/2/2026");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-03-01T23:00:00.000Z");
    expect(sheet.getRange("A2").getDisplayValue()).toBe("1/31/2026");
  });

  it("stays correct when a large write replaces the engine's copy", () => {
    const { ss, sheet } = setup();
    const summary = ss.insertSheet("Summary");
    summary.getRange("A1:B1").setFormulas([["=SUM(Sheet1!B:B)", '=COUNTIF(Sheet1!A2:A,"x*")']]);
    const rows = Array.from({ length: 25_000 }, (_, i) => [
      `x${i}`,
      i % 10,
      new Date(Date.UTC(2026, 0, 1 + (i % 365))),
    ]);
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
    sheet.getRange(2, 1, rows.length, 3).setValues(rows);
    expect(summary.getRange("A1:B1").getValues()).toEqual([[112_500, 25_000]]);
    sheet.getRange("B2").setValue(100);
    expect(summary.getRange("A1").getValue()).toBe(112_600);
    expect(sheet.getLastRow()).toBe(25_001);
  });

  it("gives getFormulas the formula text and empty strings for values", () => {
    const { sheet } = setup();
    sheet.getRange("A1:B1").setValues([[1, "=A1+1"]]);
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["", "=A1+1", ""]]);
    sheet.getRange("B1").setValue(5);
    expect(sheet.getRange("B1").getFormula()).toBe("");
  });
});

describe("custom functions", () => {
  it("passes a range as a 2-D array and a single cell as a scalar", () => {
    const { host, sheet } = setup(functions);
    sheet.getRange("A1:B2").setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange("D1:D3").setFormulas([["=SHAPE(A1:B2)"], ["=SHAPE(A1)"], ["=TOTAL(A1:B2)"]]);
    expect(sheet.getRange("D1:D3").getValues()).toEqual([["2x2"], ["scalar:number"], [10]]);
    expect(host.calls.find((c) => c.name === "TOTAL")?.args).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
  });

  it("spills 2-D results and keeps spilled cells formula-free", () => {
    const { ss, sheet } = setup(functions);
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1").setFormula("=DOUBLE(A1:A3)");
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange("B1:B3").getFormulas()).toEqual([["=DOUBLE(A1:A3)"], [""], [""]]);
    expect(sheet.getLastRow()).toBe(3);
    sheet.getRange("C1").setFormula("=LIST()");
    expect(sheet.getRange("C1:C3").getValues()).toEqual([["a"], ["b"], ["c"]]);
    expect(ss.peek("C3").value).toBe("c");
  });

  it("resizes the spill when the result changes shape", () => {
    const { sheet } = setup(functions);
    sheet.getRange("A2:A3").setValues([[1], [2]]);
    sheet.getRange("B2").setFormula("=DOUBLE(A2:A)");
    expect(sheet.getRange("B2:B4").getValues()).toEqual([[2], [4], [""]]);
    sheet.getRange("A4").setValue(10);
    expect(sheet.getRange("B2:B4").getValues()).toEqual([[2], [4], [20]]);
    sheet.getRange("A3:A4").clearContent();
    expect(sheet.getRange("B2:B4").getValues()).toEqual([[2], [""], [""]]);
  });

  it("shows #REF! when a spill would overwrite data", () => {
    const { ss, sheet } = setup(functions);
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B3").setValue("in the way");
    sheet.getRange("B1").setFormula("=DOUBLE(A1:A3)");
    expect(sheet.getRange("B1").getValue()).toBe("#REF!");
    expect(ss.getErrorMessage("B1")).toContain("Array result was not expanded");
    sheet.getRange("B3").clearContent();
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[2], [4], [6]]);
  });

  it("shows a thrown error as #ERROR! and keeps its message", () => {
    const { ss, sheet } = setup(functions);
    sheet.getRange("A1").setFormula("=FAIL()");
    expect(sheet.getRange("A1").getValue()).toBe("#ERROR!");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("#ERROR!");
    expect(ss.getErrorMessage("A1")).toBe("Budget must be a number");
  });

  it("passes open-ended ranges down to the sheet's last row, blanks included, as Sheets does", () => {
    const { host, sheet } = setup(functions);
    sheet.getRange("B1:B4").setValues([["Budget"], [10], [20], [30]]);
    sheet.getRange("D1").setFormula("=TOTAL(B2:B)");
    sheet.getRange("D2").setFormula("=SHAPE(B2:B)");
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getRange("D1:D2").getValues()).toEqual([[60], ["999x1"]]);
    sheet.getRange("B5").setValue(40);
    expect(sheet.getRange("D1:D2").getValues()).toEqual([[100], ["999x1"]]);
    expect(sheet.getRange("D1").getFormula()).toBe("=TOTAL(B2:B)");
    const args = host.calls.at(-1)?.args[0] as unknown[][];
    expect(args).toHaveLength(999);
    expect(args.slice(0, 5)).toEqual([[10], [20], [30], [40], [""]]);
    expect(args.slice(4).every((r) => r.length === 1 && r[0] === "")).toBe(true);
  });

  it("hands date cells over as Dates and shows returned Dates as dates", () => {
    const { sheet } = setup(functions);
    sheet.getRange("A1").setValue(new Date("2026-03-01T00:00:00+01:00"));
    sheet.getRange("B1").setFormula("=KIND(A1)");
    sheet.getRange("B2").setFormula("=KIND(A1:A1)");
    sheet.getRange("C1").setFormula("=NEXT_DAY(A1)");
    expect(sheet.getRange("B1").getValue()).toBe("date");
    expect(sheet.getRange("B2").getValue()).toBe("date");
    expect((sheet.getRange("C1").getValue() as Date).toISOString()).toBe("2026-03-01T23:00:00.000Z");
    expect(sheet.getRange("C1").getDisplayValue()).toBe("3/2/2026");
  });

  it("works inside built-ins and propagates argument errors", () => {
    const { sheet } = setup(functions);
    sheet.getRange("A1:A2").setValues([[1], [2]]);
    sheet.getRange("B1").setFormula("=ROUND(TOTAL(A1:A2)/4,1)");
    sheet.getRange("B2").setFormula("=DOUBLE(1/0)");
    expect(sheet.getRange("B1:B2").getValues()).toEqual([[0.8], ["#DIV/0!"]]);
  });

  it("treats names the bundle does not define as unknown", () => {
    const { sheet } = setup({});
    sheet.getRange("A1").setFormula("=DOUBLE(2)");
    expect(sheet.getRange("A1").getValue()).toBe("#NAME?");
  });

  it("learns functions the bundle defines later", () => {
    const { host, ss, sheet } = setup({});
    sheet.getRange("A1").setFormula("=TRIPLE(2)");
    expect(sheet.getRange("A1").getValue()).toBe("#NAME?");
    host.functions.TRIPLE = (x: unknown) => (x as number) * 3;
    // Entering a formula or recalculating picks up the new function.
    sheet.getRange("A2").setFormula("=TRIPLE(3)");
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[6], [9]]);
    host.functions.QUAD = (x: unknown) => (x as number) * 4;
    sheet.getRange("A1").setFormula("=QUAD(2)");
    host.functions = {};
    ss.recalculate();
    expect(sheet.getRange("A1:A2").getValues()).toEqual([["#NAME?"], ["#NAME?"]]);
  });
});
