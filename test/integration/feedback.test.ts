// Feedback through the bundle in the emulator: Set up installs the Feedback tab (and adds it to a workbook set up
// before it existed), the report shows per campaign the count, the mean rating, the low ratings and the share of them
// still open, from the Feedback tab and a linked form's responses mapped by their headers; bad rows are reported by
// tab, row and column and left out.
import { describe, expect, it } from "vitest";
import type { RefreshEvaluationResponse } from "../../src/server/evaluation/api";
import type { Emulator } from "../emulator/index";
import { campaign, monitorWorkbook, OWNER, tabOf, writeRows } from "./monitor-support";
import { clickMenu, setUpWorkbook } from "./support";

const FEEDBACK_HEADER = ["Date", "Campaign", "Channel", "Rating", "Comment", "Follow-up owner", "Follow-up"];

function workbook(locale?: string): Emulator {
  const emu = monitorWorkbook({
    campaigns: [campaign("C-1"), campaign("C-2"), campaign("C-3")],
    ...(locale ? { locale } : {}),
  });
  emu.as(OWNER);
  return emu;
}

/** The heading row of each campaign on the report: campaign, feedback, mean rating, low ratings, share still open. */
function feedbackFigures(emu: Emulator): unknown[][] {
  const [header, ...rows] = emu.values(tabOf(emu, "evaluation"));
  const at = (label: string) => header?.indexOf(label) ?? -1;
  const columns = [at("Campaign"), at("Feedback"), at("Mean rating"), at("Low ratings"), at("Low, follow-up open")];
  return rows.filter((r) => r[columns[1] ?? 0] !== "").map((r) => columns.map((c) => r[c]));
}

describe("the Feedback tab", () => {
  it("is installed by Set up with its columns, help and a follow-up dropdown, in either language", () => {
    const emu = setUpWorkbook();
    expect(emu.values("Feedback")[0]).toEqual(FEEDBACK_HEADER);
    expect(emu.spreadsheet.peek("Feedback!D1").note).toBe(
      "A whole number from 1 (poor) to 5 (excellent); empty when none was given.",
    );
    const rules = emu.save().spreadsheet.sheets.find((s) => s.name === "Feedback")?.grids.validations?.[1] as ({
      type: string;
      values: unknown[];
    } | null)[];
    expect(rules[6]).toMatchObject({ type: "VALUE_IN_LIST" });
    expect(rules[6]?.values[0]).toEqual(["Open", "In progress", "Done", "None needed"]);
    const zh = setUpWorkbook({ locale: "zh_CN" });
    expect(zh.values("反馈")[0]).toEqual(["日期", "推广活动", "渠道", "评分", "意见", "跟进人", "跟进状态"]);
  });

  it("is added by Set up to a workbook set up before it existed, with its Settings rows, and nothing else moves", () => {
    const emu = setUpWorkbook();
    emu.runtime.counter.paused(() => {
      const ss = emu.spreadsheet;
      ss.deleteSheet(ss.getSheetByName("Feedback")!);
      const settings = ss.getSheetByName("Settings")!;
      for (const key of ["feedback_forms", "feedback_low_rating"]) {
        settings.deleteRows(
          settings
            .getDataRange()
            .getValues()
            .map((r) => r[0])
            .indexOf(key) + 1,
          1,
        );
      }
    });
    const before = emu.values("Campaigns");
    clickMenu(emu, "menuSetUpWorkbook");
    expect(emu.values("Feedback")[0]).toEqual(FEEDBACK_HEADER);
    const settings = new Map(emu.values("Settings").map((r) => [r[0], r[1]]));
    expect(settings.get("feedback_low_rating")).toBe(2);
    expect(settings.get("feedback_forms")).toBe("Form Responses 1, 表单回复 1");
    expect(emu.values("Campaigns")).toEqual(before);
  });
});

describe("feedback on the evaluation report", () => {
  it("stores hostile text inert: a campaign known by its feedback alone is written as text, never as a formula", () => {
    const hostile = ["=1+1", "+1", "-1", "@A1"];
    const emu = monitorWorkbook({
      campaigns: hostile.map((id) => campaign(id, { name: `=HYPERLINK("http://x", "${id}")` })),
    });
    emu.as(OWNER);
    writeRows(
      emu,
      "feedback",
      hostile.map((id) => ({ date: "2026-03-10", campaign: id, rating: 1, comment: '=IMPORTXML("http://x")' })),
    );
    const result = emu.run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(result.problems).toEqual([]);
    const report = tabOf(emu, "evaluation");
    const rows = emu.values(report).slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual([...hostile].sort());
    for (let row = 2; row <= rows.length + 1; row++) {
      for (const column of ["A", "B"]) expect(emu.spreadsheet.peek(`'${report}'!${column}${row}`).formula).toBe("");
    }
    // The names were typed as HYPERLINK formulas, whose values are the IDs: text on the report, not formulas.
    expect(rows.map((r) => r[1]).sort()).toEqual([...hostile].sort());
    expect(feedbackFigures(emu).map((r) => r.slice(1))).toEqual(hostile.map(() => [1, 1, 1, 1]));
  });

  it("shows the count, the mean rating, the low ratings and the share still open, from the tab and a linked form", () => {
    const emu = workbook();
    writeRows(emu, "feedback", [
      { date: "2026-03-10", campaign: "C-1", channel: "Event", rating: 5, comment: "Great" },
      { date: "2026-03-10", campaign: "C-1", channel: "Event", rating: 2, comment: "Too long", state: "Done" },
      { date: "2026-03-11", campaign: "C-1", channel: "Email", rating: 1, comment: '=HYPERLINK("x")' },
      { date: "2026-03-11", campaign: "C-1", comment: "No rating, a comment only" },
      // Every low rating followed up: 0 % still open.
      { date: "2026-03-12", campaign: "C-2", rating: 1, state: "Done" },
      { date: "2026-03-12", campaign: "C-2", rating: 2, state: "None needed" },
    ]);
    // A Google Form linked to the workbook: Timestamp first, then the questions by their titles (any order, any case).
    emu.runtime.counter.paused(() => {
      const form = emu.spreadsheet.insertSheet("Form Responses 1");
      form.getRange(1, 1, 4, 5).setValues([
        ["Timestamp", "rating", "Campaign", "What could we do better?", "comment"],
        [new Date("2026-03-13T09:00:00Z"), 2, "C-1", "", "Parking"],
        [new Date("2026-03-13T10:00:00Z"), 1, "C-3", "", "Bad sound"],
        [new Date("2026-03-13T11:00:00Z"), 2, "C-3", "", "Cold room"],
      ]);
    });
    const result = emu.run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(result.problems).toEqual([]);
    // C-1: 5 rows (4 typed, 1 form), ratings 5, 2, 1, 2: mean 2.5; three low, two still open (the typed 1, the form's 2).
    // C-2: all low, every follow-up done or not needed. C-3: form responses only, all low and open.
    expect(feedbackFigures(emu)).toEqual([
      ["C-1", 5, 2.5, 3, 0.666666666667],
      ["C-2", 2, 1.5, 2, 0],
      ["C-3", 2, 1.5, 2, 1],
    ]);
  });

  it("a campaign without feedback shows 0 and blanks; the low-rating threshold comes from Settings", () => {
    const emu = workbook();
    writeRows(emu, "kpis", [{ campaign: "C-2", indicator: "Leads", target: 10, actual: 5 }]);
    writeRows(emu, "feedback", [{ date: "2026-03-10", campaign: "C-1", rating: 3 }]);
    emu.run("rpcRefreshEvaluation", {});
    expect(feedbackFigures(emu)).toEqual([
      ["C-1", 1, 3, 0, ""],
      ["C-2", 0, "", 0, ""],
    ]);
    const settings = tabOf(emu, "settings");
    const row = emu.values(settings).findIndex((r) => r[0] === "feedback_low_rating") + 1;
    emu.edit(`${settings}!B${row}`, 3);
    emu.run("rpcRefreshEvaluation", {});
    expect(feedbackFigures(emu)[0]).toEqual(["C-1", 1, 3, 1, 1]);
  });

  it("reports bad rows by tab, row and column, leaves them out, and keeps them in the sheet", () => {
    const emu = workbook();
    writeRows(emu, "feedback", [
      { date: "2026-03-10", campaign: "C-1", rating: 4 },
      { date: "2026-03-10", campaign: "C-9", rating: 4 },
      { date: "2026-03-10", campaign: "C-1", rating: 7, state: "later" },
      { date: "soon", campaign: "C-1", rating: 3.5 },
    ]);
    emu.runtime.counter.paused(() => {
      emu.spreadsheet
        .insertSheet("Form Responses 1")
        .getRange(1, 1, 3, 3)
        .setValues([
          ["Timestamp", "Campaign", "Rating"],
          [new Date("2026-03-13T09:00:00Z"), "C-1", "five"],
          [new Date("2026-03-13T10:00:00Z"), "C-1", 5],
        ]);
      // A second form whose questions do not name the campaign: the whole tab is said to lack the column.
      emu.spreadsheet
        .insertSheet("Event survey")
        .getRange(1, 1, 2, 2)
        .setValues([
          ["Timestamp", "How was it?"],
          [new Date("2026-03-13T09:00:00Z"), 4],
        ]);
    });
    const settings = tabOf(emu, "settings");
    const row = emu.values(settings).findIndex((r) => r[0] === "feedback_forms") + 1;
    emu.edit(`${settings}!B${row}`, "Form Responses 1, Event survey");
    const before = emu.values("Feedback");
    const result = emu.run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(result.problems.map((p) => p.message)).toEqual([
      "Feedback, row 3, column B (Campaign): there is no campaign C-9 on the Campaigns tab; the row is left out",
      "Feedback, row 4, column D (Rating): expected a rating from 1 to 5 (a whole number), found the number 7",
      "Feedback, row 4, column G (Follow-up): expected Open, In progress, Done or None needed, found the text “later”",
      "Feedback, row 5, column A (Date): expected a date like 2026-03-31, found the text “soon”",
      "Feedback, row 5, column D (Rating): expected a rating from 1 to 5 (a whole number), found the number 3.5",
      "Form Responses 1, row 2, column C (Rating): expected a rating from 1 to 5 (a whole number), found the text “five”",
      "Event survey, row 1, column ? (Campaign): no question of this linked form is titled so; its responses are left out",
    ]);
    expect(feedbackFigures(emu)).toEqual([["C-1", 2, 4.5, 0, ""]]);
    expect(emu.values("Feedback")).toEqual(before);
  });
});
