// Market research (市场调研) through the bundle in the emulator: the Research tab installed by Set up, findings cited
// from the plan's row and the draft form, the completeness check (required by default once there is research to
// cite), the findings sealed with the submission and shown to the approver as they read then, and bad rows named by
// tab, row and column.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import {
  decide,
  inbox,
  LEO,
  LOG,
  logRows,
  MIA,
  mine,
  OWNER,
  planForm,
  saved,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

/** id, topic, segment, finding, evidence, date, author, tags */
const R1 = [
  "R-1",
  "SMB webinar demand",
  "SMB owners, Berlin",
  "Two in three SMB owners asked for live product webinars",
  "https://example.com/research/smb-2026",
  "2026-02-10",
  MIA,
  "webinar, smb",
];
const R2 = ["R-2", "Competitor pricing", "Germany", "Rivals discount 20 % in spring", "", "2026-02-20", MIA, "pricing"];

/** Findings typed from row 2 on, the grid grown first as a person adds rows at the bottom. */
function research(emu: Emulator, rows: unknown[][]): void {
  const sheet = emu.spreadsheet.getSheetByName("Research");
  if (!sheet) throw new Error("no Research tab");
  const short = rows.length + 1 - sheet.getMaxRows();
  if (short > 0) emu.runtime.counter.paused(() => sheet.insertRowsAfter(sheet.getMaxRows(), short));
  emu.as(MIA).edit("Research!A2", rows);
}

/** Campaign C-1's Research cell (column O, after Status). */
function cite(emu: Emulator, ids: string): void {
  emu.as(MIA).edit("Campaigns!O2", ids);
}

function setting(emu: Emulator, key: string, value: unknown): void {
  const row = emu.values("Settings").findIndex((r) => r[0] === key) + 1;
  expect(row).toBeGreaterThan(0);
  emu.as(OWNER).edit(`Settings!B${row}`, value);
}

const card = (emu: Emulator) => mine(emu, MIA).campaigns.find((c) => c.id === "C-1");

describe("the Research tab", () => {
  it("is installed by Set up with its columns in English and Chinese, and a Research column after Status", () => {
    const emu = workbook();
    expect(emu.values("Research")[0]).toEqual([
      "Finding ID",
      "Topic",
      "Segment or market",
      "Finding",
      "Evidence link",
      "Found on",
      "Author",
      "Tags",
    ]);
    expect(emu.values("Campaigns")[0]?.slice(13)).toEqual(["Status", "Research"]);
    expect(emu.values("Settings").find((r) => r[0] === "research_required")?.[1]).toBe(true);
    const zh = workbook({ locale: "zh_CN" });
    expect(zh.values("市场调研")[0]?.slice(0, 4)).toEqual(["调研编号", "调研主题", "细分市场", "调研结论"]);
    expect(zh.values("推广活动")[0]?.[14]).toBe("调研依据");
  });

  it("names bad rows by tab, row and column, and leaves them out of what a plan can cite", () => {
    const emu = workbook();
    research(emu, [
      R1,
      ["R-1", "Again", "", "A second R-1", "", "", "", ""],
      ["R-3", "No finding", "", "", "", "", "", ""],
      ["", "No ID", "", "Found", "", "", "", ""],
    ]);
    const response = mine(emu, MIA);
    const messages = response.problems.filter((p) => p.tab === "Research").map((p) => p.message);
    expect(messages).toEqual([
      "Research, row 3, column A (Finding ID): the ID “R-1” is already used in row 2",
      "Research, row 4, column D (Finding): a value is required here",
      "Research, row 5, column A (Finding ID): a value is required here",
    ]);
    expect(response.findings.map((f) => f.id)).toEqual(["R-1"]);
    expect(response.findings[0]?.finding).toBe(R1[3]);
  });
});

describe("a plan cites research", () => {
  it("is not required while the Research tab is empty", () => {
    const emu = workbook();
    expect(card(emu)?.missing).toEqual([]);
    expect(submit(emu, MIA)).toMatchObject({ ok: true, state: "PlanSubmitted" });
    expect(inbox(emu, LEO).requests[0]?.research).toEqual([]);
  });

  it("is required once there is research, named on the row's Research cell, and nothing is written", () => {
    const emu = workbook();
    research(emu, [R1, R2]);
    const missing = card(emu)?.missing ?? [];
    expect(missing.map((m) => [m.field, m.where])).toEqual([["research", "Campaigns, row 2, column O (Research)"]]);
    expect(missing[0]?.message).toContain("Cite at least one research finding");
    const before = saved(emu);
    const refused = submit(emu, MIA);
    expect(refused).toMatchObject({ ok: false, kind: "incomplete" });
    expect(refused.issues?.map((i) => [i.field, i.tab, i.row, i.column])).toEqual([["research", "Campaigns", 2, "O"]]);
    expect(saved(emu)).toEqual(before);
  });

  it("refuses an ID the Research tab does not have", () => {
    const emu = workbook();
    research(emu, [R1]);
    cite(emu, "R-1, R-9");
    const refused = submit(emu, MIA);
    expect(refused).toMatchObject({ ok: false, kind: "incomplete" });
    expect(refused.issues?.map((i) => i.message)).toEqual(["No finding R-9 in the Research tab."]);
  });

  it("is optional when Settings say research_required is FALSE", () => {
    const emu = workbook();
    research(emu, [R1]);
    setting(emu, "research_required", false);
    expect(card(emu)?.missing).toEqual([]);
    expect(submit(emu, MIA)).toMatchObject({ ok: true });
  });

  it("is sealed with the submission: the approver sees the findings and links as they read then", () => {
    const emu = workbook();
    research(emu, [R1, R2]);
    cite(emu, "R-2, R-1");
    expect(submit(emu, MIA)).toMatchObject({ ok: true, state: "PlanSubmitted" });
    const sealed = JSON.parse(String(logRows(emu)[0]?.[LOG.snapshot])) as { research: unknown };
    const shown = [
      { id: "R-2", topic: R2[1], finding: R2[3], evidence: "" },
      { id: "R-1", topic: R1[1], finding: R1[3], evidence: R1[4] },
    ];
    expect(sealed.research).toEqual(shown);
    // The Research row edited after the submission: the approver still sees what the plan was based on.
    emu.as(MIA).edit("Research!D2", "Nobody wants webinars");
    expect(inbox(emu, LEO).requests[0]?.research).toEqual(shown);
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
    // Citing other research later is not a change of the approved plan.
    cite(emu, "R-2");
    expect(card(emu)?.diff).toEqual([]);
  });
});

describe("the draft form", () => {
  it("saves the finding IDs into the row's Research cell, as text, and leaves them when the form sends none", () => {
    const emu = workbook();
    research(emu, [R1, R2]);
    const save = (form: Record<string, string | undefined>) => emu.as(MIA).run<WriteResult>("rpcSavePlan", form);
    expect(save(planForm({ research: " R-1 ，R-2 " }))).toMatchObject({ ok: true });
    expect(emu.cell("Campaigns!O2").value).toBe("R-1, R-2");
    const { research: _left, ...older } = planForm();
    expect(save(older)).toMatchObject({ ok: true });
    expect(emu.cell("Campaigns!O2").value).toBe("R-1, R-2");
    expect(save(planForm({ research: '=HYPERLINK("http://evil.example","R-1")' }))).toMatchObject({ ok: true });
    expect(emu.cell("Campaigns!O2").formula).toBe("");
    expect(emu.cell("Campaigns!O2").value).toBe('=HYPERLINK("http://evil.example", "R-1")');
    expect(card(emu)?.missing.map((m) => m.field)).toEqual(["research", "research"]);
  });
});
