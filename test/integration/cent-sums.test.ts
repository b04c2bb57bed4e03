// Cent sums in cells: a sum that Sheets shows as exactly the budget is exactly the budget for the budget functions.
import { describe, expect, it } from "vitest";
import { emulator } from "./support";

describe("money arguments are read to Sheets' 15 significant digits", () => {
  it("=BUDGET_STATUS(300.3, A1) with A1 =100.1+100.1+100.1 is ON_BUDGET and its variance exactly 0", () => {
    const emu = emulator();
    const tab = emu.spreadsheet.getSheets()[0]!.getName();
    emu.edit(`${tab}!A1`, "=100.1+100.1+100.1");
    emu.edit(`${tab}!B1`, "=BUDGET_STATUS(300.3, A1)");
    emu.edit(`${tab}!C1`, "=BUDGET_VARIANCE(300.3, A1)");
    emu.edit(`${tab}!D1`, "=BUDGET_STATUS(0.3, 0.1+0.2)");
    emu.edit(`${tab}!E1`, "=BUDGET_VARIANCE_PCT(300.3, A1)");
    emu.edit(`${tab}!F1`, "=BUDGET_STATUS(0.3, 0.1+0.2+0.01)");
    expect(emu.cell(`${tab}!B1`).value).toBe("ON_BUDGET");
    expect(emu.cell(`${tab}!C1`).value).toBe(0);
    expect(emu.cell(`${tab}!D1`).value).toBe("ON_BUDGET");
    expect(emu.cell(`${tab}!E1`).value).toBe(0);
    expect(emu.cell(`${tab}!F1`).value).toBe("OVER");
  });

  it("called directly with the raw doubles, the functions agree", () => {
    const emu = emulator();
    expect(emu.customFunction("BUDGET_STATUS", 300.3, 100.1 + 100.1 + 100.1)).toBe("ON_BUDGET");
    expect(emu.customFunction("BUDGET_VARIANCE", 300.3, 100.1 + 100.1 + 100.1)).toBe(0);
    expect(emu.customFunction("BUDGET_VARIANCE", [[0.3]], [[0.1 + 0.2]])).toEqual([[0]]);
    expect(emu.customFunction("BUDGET_STATUS", 0.3, 0.1 + 0.2)).toBe("ON_BUDGET");
    // a real difference in the 15th digit still counts
    expect(emu.customFunction("BUDGET_STATUS", 300.3, 300.300000000001)).toBe("OVER");
  });
});
