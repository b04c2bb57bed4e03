// The Tasks tab's Completed on date through the emulator: setup adds the column to a workbook set up without it; a
// person setting Task status to Done stamps today (the spreadsheet's day) cheaply in onEdit, reopening empties it, a
// paste stamps nothing; and the scorecard's on-time rate after a refresh counts on time, late and unknown apart.
import { describe, expect, it } from "vitest";
import type { RefreshEvaluationResponse } from "../../src/server/evaluation/api";
import type { Emulator } from "../emulator/index";
import { tabOf } from "./monitor-support";
import { addCampaigns, CAMPAIGN_ROWS, setUpWorkbook } from "./support";

const OWNER = "owner@example.com";
const MIA = "mia.marketer@example.com";
// 17:30 UTC on the 9th is 01:30 on the 10th in Shanghai: the stamp must be the spreadsheet's day, not UTC's.
const NOW = "2026-03-09T17:30:00Z";
const TODAY = "2026-03-10";

/** Tasks rows A..G: campaign, step, owner, start, due, deliverable, status ("Doing" as the workbook labels it). */
function tasks(doing = "Doing"): unknown[][] {
  return [
    ["C-1", "Write the script", MIA, "2026-03-01", "2026-03-12", "Script", doing],
    ["C-1", "Book the venue", MIA, "2026-03-01", "2026-03-05", "Contract", doing],
    ["C-1", "Print the flyers", MIA, "2026-03-01", "2026-03-06", "Flyers", ""],
  ];
}

/** C-1 as a person types it: without Status, which the add-on writes (and whose dropdown is labelled per language). */
const CAMPAIGN = CAMPAIGN_ROWS.slice(0, 1).map((row) => row.slice(0, 13));

function workbook(locale = "en_US"): Emulator {
  const emu = setUpWorkbook({ owner: OWNER, timeZone: "Asia/Shanghai", now: NOW, locale });
  addCampaigns(emu, CAMPAIGN, tabOf(emu, "campaigns"));
  emu.as(MIA).edit(`${tabOf(emu, "tasks")}!A2`, tasks(locale.startsWith("zh") ? "进行中" : "Doing"));
  expect(emu.lastEdit?.ok, emu.lastEdit?.message).toBe(true);
  emu.counter.reset();
  return emu;
}

/** What a person sees in a cell of the Tasks tab (not counted). */
function shown(emu: Emulator, cell: string, tab = "Tasks"): string {
  return emu.spreadsheet.peek(`${tab}!${cell}`).display;
}

function cachedTasks(emu: Emulator): { columns?: [number, string][] } {
  const text = emu.runtime.properties.document(emu.runtime.documentId).data.get("cc.tab.tasks");
  return text ? JSON.parse(text) : {};
}

/** Column metadata of a tab as [column, key], read without counting. */
function columnKeys(emu: Emulator, name: string): [number, string][] {
  const st = emu.save().spreadsheet;
  const id = st.sheets.find((s) => s.name === name)?.id;
  const keys: [number, string][] = [];
  for (const m of st.metadata) {
    const at = m.location;
    if (m.key === "campaign-control.column" && at.type === "COLUMN" && at.sheetId === id)
      keys.push([at.start, m.value ?? ""]);
  }
  return keys.sort((a, b) => a[0] - b[0]);
}

describe("Set up workbook on a workbook set up before Completed on existed", () => {
  /** Set up, then the Completed on column taken away, the layouts read as such a workbook keeps them, rows typed. */
  function olderWorkbook(): Emulator {
    const emu = setUpWorkbook({ owner: OWNER, timeZone: "Asia/Shanghai", now: NOW });
    addCampaigns(emu, CAMPAIGN);
    emu.spreadsheet.getSheetByName("Tasks")?.deleteColumns(8, 1);
    // A read of the tab keeps its layout as it is now: seven columns, none of them Completed on.
    emu.as(OWNER).run("rpcRefreshEvaluation", {});
    expect(cachedTasks(emu).columns?.map(([, key]) => key)).not.toContain("completed");
    emu.as(MIA).edit("Tasks!H1", "Notes");
    const [first, second] = tasks();
    emu.edit("Tasks!A2", [
      [...(first ?? []), "call the printer"],
      [...(second ?? []), ""],
    ]);
    emu.counter.reset();
    return emu;
  }

  it("writes nothing on Done before the upgrade: the layout knows no Completed on column", () => {
    const emu = olderWorkbook();
    const before = emu.values("Tasks");
    emu.as(MIA).edit("Tasks!G3", "Done");
    const after = emu.values("Tasks");
    expect(after[2]?.[6]).toBe("Done");
    expect(after.map((r) => r.slice(7))).toEqual(before.map((r) => r.slice(7)));
    expect(emu.counter.get("Range.setValue")).toBe(0);
  });

  it("adds the column at the end, after the user's own, losing no data; then Done stamps it", () => {
    const emu = olderWorkbook();
    const before = emu.values("Tasks");
    emu.as(OWNER).menu("Set up workbook");
    expect(emu.ui.toasts.at(-1)?.message).toBe("Workbook set up: 0 tabs created, 1 column added, 0 settings added.");
    const after = emu.values("Tasks");
    expect(after.map((r) => r.slice(0, 8))).toEqual(before.map((r) => r.slice(0, 8)));
    expect(after[0]?.slice(6)).toEqual(["Task status", "Notes", "Completed on"]);
    expect(columnKeys(emu, "Tasks").find(([, key]) => key === "completed")).toEqual([9, "completed"]);
    // A date column like the others: its format, its help note, and a date validation that refuses other text.
    expect(emu.spreadsheet.peek("Tasks!I2").format).toBe("yyyy-mm-dd");
    expect(emu.spreadsheet.peek("Tasks!I1").note).toMatch(/^The day the step was done, e\.g\. 2026-03-12\./);
    emu.as(MIA).edit("Tasks!I3", "soon");
    expect(emu.lastEdit?.ok).toBe(false);

    emu.as(MIA).edit("Tasks!G2", "Done");
    expect(shown(emu, "I2")).toBe(TODAY);
    expect(shown(emu, "H2")).toBe("call the printer");
    // The upgrade is itself idempotent.
    const upgraded = emu.save().spreadsheet;
    emu.as(OWNER).menu("Set up workbook");
    expect(emu.save().spreadsheet).toEqual(upgraded);
  });
});

describe("a Chinese workbook", () => {
  it("labels the column and its help in Chinese, and 已完成 stamps it", () => {
    const emu = workbook("zh_CN");
    const tasks = tabOf(emu, "tasks");
    expect(emu.values(tasks)[0]?.slice(6)).toEqual(["任务状态", "完成日期"]);
    expect(emu.spreadsheet.peek(`${tasks}!H1`).note).toMatch(/^这一步完成的日期/);
    emu.as(MIA).edit(`${tasks}!G2`, "已完成");
    expect(shown(emu, "H2", tasks)).toBe(TODAY);
    emu.as(MIA).edit(`${tasks}!G2`, "进行中");
    expect(shown(emu, "H2", tasks)).toBe("");
  });
});

describe("setting a task's status to Done", () => {
  it("stamps today in the spreadsheet's time zone, with exactly these calls: no lock, no mail, no tab read", () => {
    const emu = workbook();
    emu.as(MIA).edit("Tasks!G4", "Done");
    expect(shown(emu, "H4")).toBe(TODAY);
    expect(emu.spreadsheet.peek("Tasks!H4").value).toBeInstanceOf(Date);
    // The properties once (the Tasks layout is cached there), the edited cell's place, the two header cells the
    // cache is checked against, the Completed on cell, the spreadsheet's time zone, the write.
    expect(emu.counter.snapshot()).toEqual({
      "PropertiesService.getDocumentProperties": 1,
      "Properties.getProperties": 1,
      "Range.getColumn": 1,
      "Range.getNumRows": 1,
      "Range.getNumColumns": 1,
      "Range.getRow": 1,
      "Range.getSheet": 1,
      "Sheet.getSheetId": 1,
      "Sheet.getRange": 2,
      "Range.getValues": 1,
      "Range.getValue": 1,
      "Spreadsheet.getSpreadsheetTimeZone": 1,
      "Utilities.formatDate": 1,
      "Range.setValue": 1,
    });
  });

  it("reads the one catalog of the label it was changed from, and nothing more, when that is not Done itself", () => {
    const emu = workbook();
    emu.as(MIA).edit("Tasks!G2", "Done");
    expect(shown(emu, "H2")).toBe(TODAY);
    expect(emu.counter.snapshot()).toEqual({
      "PropertiesService.getDocumentProperties": 1,
      "Properties.getProperties": 1,
      "Range.getColumn": 1,
      "Range.getNumRows": 1,
      "Range.getNumColumns": 1,
      "Range.getRow": 1,
      "Range.getSheet": 1,
      "Sheet.getSheetId": 1,
      // "Doing" is a label: is it the English label of Done? The English catalog says.
      "HtmlService.createHtmlOutputFromFile": 1,
      "HtmlOutput.getContent": 1,
      "Sheet.getRange": 2,
      "Range.getValues": 1,
      "Range.getValue": 1,
      "Spreadsheet.getSpreadsheetTimeZone": 1,
      "Utilities.formatDate": 1,
      "Range.setValue": 1,
    });
    // Nothing of the tab is read and nothing is locked or mailed: the figures above are all there is.
    expect(emu.outbox).toEqual([]);
  });

  it("keeps a date the person typed before choosing Done", () => {
    const emu = workbook();
    emu.as(MIA).edit("Tasks!H3", "2026-03-04");
    emu.as(MIA).edit("Tasks!G3", "Done");
    expect(shown(emu, "H3")).toBe("2026-03-04");
    expect(emu.counter.get("Range.setValue")).toBe(0);
  });

  it("empties the date when the status goes back from Done, and the next Done stamps that day", () => {
    const emu = workbook();
    emu.as(MIA).edit("Tasks!G2", "Done");
    expect(shown(emu, "H2")).toBe(TODAY);
    // Reopened: the task is not done, so no completion date stands (nor survives into the next Done).
    emu.as(MIA).edit("Tasks!G2", "Blocked");
    expect(shown(emu, "H2")).toBe("");
    emu.advanceTo("2026-03-13T02:00:00Z");
    emu.as(MIA).edit("Tasks!G2", "Done");
    expect(shown(emu, "H2")).toBe("2026-03-13");
    // A cleared status is To do: reopened too.
    emu.as(MIA).edit("Tasks!G2", "");
    expect(shown(emu, "H2")).toBe("");
  });

  it("does not stamp Done chosen again over Done, so a row pasted as done keeps its date unknown", () => {
    const emu = workbook();
    emu.as(MIA).edit("Tasks!G2", [["Done"], ["Done"]]);
    expect([shown(emu, "H2"), shown(emu, "H3")]).toEqual(["", ""]);
    emu.as(MIA).edit("Tasks!G2", "Done");
    expect(shown(emu, "H2")).toBe("");
    expect(emu.counter.get("Range.setValue")).toBe(0);
  });

  it("writes nothing when the columns moved since the layout was kept, and stamps the right cell after a read", () => {
    const emu = workbook();
    const sheet = emu.spreadsheet.getSheetByName("Tasks");
    // A column inserted before Task status: the kept layout still says Status is G and Completed on is H, which are
    // now the new column and Task status.
    sheet?.insertColumnsAfter(6, 1);
    emu.as(MIA).edit("Tasks!G1", "Priority");
    emu.as(MIA).edit("Tasks!H4", "Blocked");
    // Taken at its word, the kept layout would date Task status (were it blank), then empty it on the way back.
    emu.as(MIA).edit("Tasks!G4", "Done");
    emu.as(MIA).edit("Tasks!G4", "Doing");
    expect(emu.values("Tasks")[3]?.slice(6, 9)).toEqual(["Doing", "Blocked", ""]);
    // Any read of the tab finds the moved columns and keeps them; onEdit then follows.
    emu.as(OWNER).run("rpcRefreshEvaluation", {});
    emu.as(MIA).edit("Tasks!H4", "Done");
    expect(emu.values("Tasks")[3]?.[6]).toBe("Doing");
    expect(shown(emu, "I4")).toBe(TODAY);
  });
});

describe("the scorecard after a refresh", () => {
  it("counts on time and late by the completion date, and shows how many done tasks had none", () => {
    const emu = workbook();
    emu.as(MIA).edit("Tasks!G2", "Done"); // due 12 March, done 10 March: on time
    emu.advanceTo("2026-03-14T02:00:00Z");
    emu.as(MIA).edit("Tasks!G3", "Done"); // due 5 March, done 14 March: late
    emu.as(MIA).edit("Tasks!F4", [["Flyers", "Done"]]); // pasted over two cells: done, date unknown
    expect([shown(emu, "H2"), shown(emu, "H3"), shown(emu, "H4")]).toEqual([TODAY, "2026-03-14", ""]);

    const result = emu.as(OWNER).run<RefreshEvaluationResponse>("rpcRefreshEvaluation", {});
    expect(result.problems).toEqual([]);
    const [header, ...rows] = emu.values("Scorecard");
    const row = rows.find((r) => r[0] === MIA);
    const cell = (label: string) => row?.[header?.indexOf(label) ?? -1];
    expect([cell("Tasks due"), cell("On-time rate"), cell("Done, no date")]).toEqual([3, 0.5, 1]);
    expect(emu.displayValues("Scorecard")[rows.indexOf(row ?? []) + 1]?.[header?.indexOf("On-time rate") ?? -1]).toBe(
      "50.0%",
    );
    // The score rests on what is known: no campaign of Mia's ran, so it is the on-time rate.
    expect([cell("Score"), cell("Suggested tier")]).toEqual([0.5, "Needs improvement"]);
  });
});
