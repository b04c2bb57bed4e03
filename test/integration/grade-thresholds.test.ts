// CAMPAIGN_GRADE with its thresholds as an argument: a change of the thresholds regrades at once, as Sheets recalculates.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODE_JS, emulator, setUpWorkbook } from "./support";

describe("CAMPAIGN_GRADE(score, [thresholds])", () => {
  it("has the optional parameter and the recalculation rule in the stub's help", () => {
    const code = readFileSync(CODE_JS, "utf8");
    const stub = "function CAMPAIGN_GRADE(score, thresholds) { return App.CAMPAIGN_GRADE(score, thresholds); }";
    const at = code.indexOf(stub);
    expect(at).toBeGreaterThan(0);
    const doc = code.slice(code.lastIndexOf("/**", at), at);
    expect(doc).toContain("@param {string|Array<Array<string>>} thresholds Optional");
    expect(doc).toContain("recalculates it only when its arguments change");
  });

  it("grades by a text cell, a column of steps, or two columns, called directly", () => {
    const emu = emulator();
    expect(emu.customFunction("CAMPAIGN_GRADE", [[1.2], [0.95], [0.5]], "Gold >= 1.2; Silver >= 0.9; Bronze")).toEqual([
      ["Gold"],
      ["Silver"],
      ["Bronze"],
    ]);
    expect(emu.customFunction("CAMPAIGN_GRADE", 0.95, [["Gold >= 1.2"], ["Silver >= 0.9"], ["Bronze"], [""]])).toBe(
      "Silver",
    );
    expect(
      emu.customFunction("CAMPAIGN_GRADE", 0.95, [
        ["Gold", 1.2],
        ["Silver", 0.9],
        ["Bronze", ""],
      ]),
    ).toBe("Silver");
    expect(() => emu.customFunction("CAMPAIGN_GRADE", 0.95, "B >= 0.9; A >= 1; C")).toThrow(
      "the thresholds given as the second argument cannot be used",
    );
  });

  it("in a cell, regrades when the thresholds it points at change", () => {
    const emu = setUpWorkbook();
    const row = emu.values("Settings").findIndex((r) => r[0] === "grade_thresholds") + 1;
    const tab = emu.spreadsheet
      .getSheets()
      .find((s) => s.getName() === "Campaigns")!
      .getName();
    emu.edit(`${tab}!Z1`, 0.9);
    emu.edit(`${tab}!Z2`, `=CAMPAIGN_GRADE(Z1, Settings!B${row})`);
    expect(emu.cell(`${tab}!Z2`).value).toBe("B");
    emu.edit(`Settings!B${row}`, "A >= 0.8; B >= 0.5; C");
    expect(emu.cell(`${tab}!Z2`).value).toBe("A");
  });
});
