// Text stays text: hostile strings through every form come back from the cells exactly as typed, whatever a person did
// to the columns' formats; text longer than a cell holds is refused before anything is written; the custom functions
// give an error instead of Infinity.
import { beforeAll, describe, expect, it } from "vitest";
import type { InboxResponse } from "../../src/server/approvals/api";
import { Emulator } from "../emulator/index";
import { campaign, makeReady, monitorWorkbook, tabOf } from "./monitor-support";
import { requireBuild } from "./support";
import {
  campaignRow,
  decide,
  LEO,
  MIA,
  mine,
  PLAN_ROW,
  planForm,
  requestId,
  saved,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

beforeAll(requireBuild);

/** What Sheets would re-type: formulas, percents, grouped numbers, booleans, dates, long integers, an apostrophe. */
const HOSTILE = {
  name: '=HYPERLINK("http://evil.example","Spring")',
  objective: "12%",
  audience: "1,000",
  content: "true",
  place: "11/26/2026",
};
const MORE_HOSTILE = ["9007199254740993", "'=already quoted", "+49 30 123", "-5 days", "@channel", "$5", "2026-03-10"];

/** A person switches the given columns of a tab to Automatic (General): the add-on must not rely on "@". */
function automatic(emu: Emulator, tab: string, a1: string): void {
  // The columns of `a1` on every row of the grid, within the grid: the tabs are sized to their rows and columns.
  const sheet = emu.spreadsheet.getSheetByName(tab);
  const [, from, to] = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(a1) ?? [];
  if (!sheet || !from || !to) throw new Error(`automatic: ${tab}!${a1}`);
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const last = Math.min(column(to), sheet.getMaxColumns());
  sheet.getRange(1, column(from), sheet.getMaxRows(), last - column(from) + 1).setNumberFormat("General");
}

function cellExactly(emu: Emulator, a1: string, text: string): void {
  const cell = emu.cell(a1);
  expect(cell.formula, a1).toBe("");
  expect(cell.value, a1).toBe(text);
}

function savePlan(emu: Emulator, who: string, overrides: Record<string, string>): WriteResult {
  return emu.as(who).run<WriteResult>("rpcSavePlan", planForm(overrides));
}

describe("text the add-on writes stays text", () => {
  it.each([
    ["as set up (plain text)", false],
    ["after a person switched the columns to Automatic", true],
  ])("keeps a draft's hostile fields exactly %s, and the approved snapshot equal to the row", (_, switched) => {
    const emu = workbook();
    if (switched) automatic(emu, "Campaigns", "A1:M100");
    expect(savePlan(emu, MIA, HOSTILE)).toMatchObject({ ok: true });
    cellExactly(emu, "Campaigns!B2", HOSTILE.name);
    cellExactly(emu, "Campaigns!D2", HOSTILE.objective);
    cellExactly(emu, "Campaigns!E2", HOSTILE.audience);
    cellExactly(emu, "Campaigns!G2", HOSTILE.content);
    cellExactly(emu, "Campaigns!H2", HOSTILE.place);
    expect(submit(emu, MIA)).toMatchObject({ ok: true });
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
    // Read back, the row equals what was approved: nothing was re-typed into a number, a date or a formula.
    expect(mine(emu, MIA).campaigns.find((c) => c.id === "C-1")?.diff).toEqual([]);
  });

  it("keeps every other hostile string exactly in a column switched to Automatic", () => {
    const emu = workbook();
    automatic(emu, "Campaigns", "A1:M100");
    for (const text of MORE_HOSTILE) {
      expect(savePlan(emu, MIA, { place: text }), text).toMatchObject({ ok: true });
      cellExactly(emu, "Campaigns!H2", text);
    }
  });

  it("writes a campaign ID and a problem report as text into an Escalations tab switched to Automatic", () => {
    const id = '=HYPERLINK("http://evil.example","C-1")';
    const emu = workbook({ campaigns: [campaignRow({ id })] });
    automatic(emu, "Escalations", "A1:L100");
    const problem = "'=already quoted";
    const r = emu.as(MIA).run<WriteResult>("rpcEscalate", { campaignId: id, severity: "high", problem });
    expect(r).toMatchObject({ ok: true });
    const row = emu.values("Escalations")[1] ?? [];
    expect(row).toContain(id);
    expect(row).toContain(problem);
    const formulas =
      emu.spreadsheet
        .getSheetByName("Escalations")
        ?.getRange(2, 1, 1, emu.spreadsheet.getSheetByName("Escalations")?.getMaxColumns() ?? 1)
        .getFormulas()[0] ?? [];
    expect(formulas.every((f) => f === "")).toBe(true);
  });

  it("keeps a summary's and its lessons' hostile text exactly on Summaries and Lessons", () => {
    const emu = monitorWorkbook({
      campaigns: [campaign("C-1", { name: "Spring webinars", channels: "Email, Events", audience: "SMB owners" })],
      tasks: [["C-1", "Run the webinars", MIA, "2026-03-01", "2026-03-31", "Recordings", "Done"]],
      kpis: [["C-1", "Leads", "leads", "Higher is better", 500, 450, 1, "CRM", "2026-03-31"]],
    });
    makeReady(emu, "C-1");
    emu.advanceTo("2026-04-01T08:00:00Z");
    automatic(emu, tabOf(emu, "summaries"), "A1:J100");
    automatic(emu, tabOf(emu, "lessons"), "A1:J100");
    for (const operation of ["start", "complete"]) {
      expect(
        emu.as(MIA).run<WriteResult>("rpcCampaignProgress", { campaignId: "C-1", operation, comment: "" }),
      ).toMatchObject({ ok: true });
    }
    const sent = emu.as(MIA).run<WriteResult>("rpcSubmitSummary", {
      campaignId: "C-1",
      requestId: requestId(),
      goalsMet: false,
      effect: "12%",
      problems: "=1+1",
      improvements: "true",
      lessons: [{ lesson: "1,000", recommendation: "'=already quoted", tags: ["2026-03-10"] }],
      comment: "",
    });
    expect(sent).toMatchObject({ ok: true });
    const inbox = emu.as(LEO).run<InboxResponse>("rpcInbox", {});
    const item = inbox.requests.find((r) => r.campaignId === "C-1" && r.request.type === "summary");
    const accepted = emu.as(LEO).run<WriteResult>("rpcDecide", {
      campaignId: "C-1",
      requestId: item?.request.id,
      seenVersion: item?.request.version,
      decision: "approve",
      comment: "",
    });
    expect(accepted).toMatchObject({ ok: true, state: "Closed" });
    expect(emu.values(tabOf(emu, "summaries"))[1]?.slice(2, 5)).toEqual(["12%", "=1+1", "true"]);
    expect(emu.values(tabOf(emu, "lessons"))[1]?.slice(3, 6)).toEqual(["2026-03-10", "1,000", "'=already quoted"]);
  });
});

describe("text longer than a cell holds", () => {
  it("refuses a plan whose snapshot would exceed a log cell, writing nothing", () => {
    const emu = workbook();
    emu.as(MIA).edit("Campaigns!D2", "x".repeat(30_000));
    emu.as(MIA).edit("Campaigns!G2", "y".repeat(30_000));
    const before = saved(emu);
    const r = submit(emu, MIA);
    expect(r).toMatchObject({ ok: false, kind: "too_long" });
    expect(r.message).toContain("50,000");
    expect(r.message).toContain("Approval log");
    expect(saved(emu)).toEqual(before);
  });

  it("is refused by the emulator with Sheets' message, the whole write undone", () => {
    const emu = workbook();
    const sheet = emu.spreadsheet.getSheetByName("Campaigns");
    expect(() => sheet?.getRange("B2:C2").setValues([["ok", "z".repeat(50_001)]])).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(emu.cell("Campaigns!B2").value).toBe(PLAN_ROW.name);
  });
});

describe("custom functions in cells", () => {
  it.each([
    ["CAMPAIGN_SCORE", [100, 1e308, 100]],
    ["KPI_ATTAINMENT", [1e-308, 1e308]],
    ["CAMPAIGN_ROI", [1e308, 1e-308]],
  ] as const)("%s gives a clear error, never Infinity", (fn, args) => {
    const emu = workbook();
    expect(() => emu.customFunction(fn, ...args)).toThrow("too large for a number in a cell");
  });
});

describe("a write killed at any service call", () => {
  /** Runs `act` once cleanly to count its calls, then from the same state kills it at every call k in turn. */
  function killAtEveryCall(
    functionName: string,
    act: (emu: Emulator) => unknown,
    check: (emu: Emulator, killed: boolean) => void,
  ): number {
    const base = workbook();
    const state = base.save();
    const counting = Emulator.restore(state);
    let calls = 0;
    counting.onServiceCall((_m, execution) => {
      if (execution?.functionName === functionName) calls += 1;
    });
    act(counting);
    check(counting, false);
    for (let k = 1; k <= calls; k++) {
      const emu = Emulator.restore(state);
      let seen = 0;
      const stop = emu.onServiceCall((_m, execution) => {
        if (execution?.functionName !== functionName) return;
        seen += 1;
        // The execution's six minutes are up: it dies at its next service call, whatever it catches.
        if (seen === k) emu.runtime.clock.set(emu.runtime.clock.now() + 7 * 60 * 1000);
      });
      let died = false;
      try {
        act(emu);
      } catch (err) {
        died = true;
        expect(String(err)).toContain("Exceeded maximum execution time");
      }
      stop();
      expect(died || k === calls, `call ${k} of ${calls}`).toBe(true);
      check(emu, true);
      // The next execution finds the books consistent and finishes the job once.
      act(emu);
      check(emu, false);
    }
    return calls;
  }

  it("leaves a new draft with hostile text either unwritten or whole, never twice", () => {
    const rows = (emu: Emulator) =>
      emu
        .values("Campaigns")
        .slice(1)
        .filter((r) => r[1] === HOSTILE.name);
    const calls = killAtEveryCall(
      "rpcSavePlan",
      (emu) => {
        if (rows(emu).length === 0) expect(savePlan(emu, MIA, { ...HOSTILE, id: "" })).toMatchObject({ ok: true });
      },
      (emu, killed) => {
        const found = rows(emu);
        if (killed && found.length === 0) return;
        expect(found).toHaveLength(1);
        expect(found[0]?.slice(1, 8)).toEqual([
          HOSTILE.name,
          MIA,
          HOSTILE.objective,
          HOSTILE.audience,
          PLAN_ROW.channels,
          HOSTILE.content,
          HOSTILE.place,
        ]);
      },
    );
    expect(calls).toBeGreaterThan(5);
  });
});
