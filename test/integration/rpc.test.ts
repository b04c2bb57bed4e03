// The sidebar's RPC through google.script.run: listing campaigns (one read per tab) and selecting a campaign's row.
import { describe, expect, it } from "vitest";
import type { ListCampaignsResponse, SelectCampaignResponse } from "../../src/server/approvals/api";
import { ScriptError } from "../emulator/index";
import { addCampaigns, CAMPAIGN_ROWS, emulator, setUpWorkbook, writesOf } from "./support";

function list(emu: ReturnType<typeof emulator>, request: unknown = {}): ListCampaignsResponse {
  return emu.run<ListCampaignsResponse>("rpcListCampaigns", request);
}

/** The message google.script.run's failure handler would get. */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ScriptError);
    return (err as ScriptError).message;
  }
  throw new Error("expected the call to fail");
}

/**
 * Writes cells as a script or an import would: dropdowns and "reject input" rules stop a user typing bad values,
 * not data that arrives otherwise, and the reader must cope with both.
 */
function writeCells(emu: ReturnType<typeof emulator>, tab: string, a1: string, values: unknown[][]): void {
  const start = /^([A-Z]+)(\d+)/.exec(a1);
  if (!start) throw new Error(`writeCells: ${a1} names no start cell`);
  const column = [...start[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  emu.fill(tab, Number(start[2]), column, values);
  emu.counter.reset();
}

describe("rpcListCampaigns", () => {
  it("lists the campaigns as JSON-safe summaries", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const res = list(emu);
    expect(res.lang).toBe("en");
    expect(res.setupNeeded).toBe(false);
    expect(res.tab).toBe("Campaigns");
    expect(res.problems).toEqual([]);
    expect(res.campaigns).toEqual([
      {
        id: "C-1",
        name: "Spring launch",
        owner: "ann@example.com",
        status: "Draft",
        start: "2026-03-01",
        end: "2026-03-31",
        budget: 12000,
        currency: "EUR",
        row: 2,
      },
      {
        id: "C-2",
        name: "Summer fair",
        owner: "bo@example.com",
        status: "PlanApproved",
        start: "2026-06-01",
        end: "2026-06-03",
        budget: 8000.5,
        currency: "USD",
        row: 3,
      },
      {
        id: "C-3",
        name: "Autumn mailing",
        owner: "cy@example.com",
        status: "InProgress",
        start: "2026-09-01",
        end: "2026-09-30",
        budget: 1500,
        currency: "USD",
        row: 4,
      },
    ]);
  });

  it("reads each tab with one getValues and writes nothing", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    list(emu);
    expect(emu.counter.get("Range.getValues")).toBe(2);
    expect(emu.counter.get("Sheet.getDataRange")).toBe(2);
    expect(emu.counter.get("Range.getValue")).toBe(0);
    expect(writesOf(emu)).toEqual({});
    expect(emu.counter.get("Lock.tryLock")).toBe(0);
  });

  it("makes the same service calls for 3 campaigns as for 600 (nothing per row)", () => {
    const callsFor = (n: number): Record<string, number> => {
      const emu = setUpWorkbook();
      const rows = Array.from({ length: n }, (_, i) => {
        const row = [...CAMPAIGN_ROWS[0]!];
        row[0] = `C-${i + 1}`;
        return row;
      });
      writeCells(emu, "Campaigns", `A2:N${n + 1}`, rows);
      expect(list(emu).campaigns).toHaveLength(n);
      return emu.counter.snapshot();
    };
    expect(callsFor(600)).toEqual(callsFor(3));
  });

  it("reports bad rows with tab, row and column next to the good ones", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    writeCells(emu, "Campaigns", "A5:K5", [["C-4", "", "", "", "", "", "", "", "", "", "a lot"]]);
    writeCells(emu, "Campaigns", "A6:B6", [["C-1", "Copy of spring"]]);
    const res = list(emu);
    expect(res.campaigns.map((c) => c.id)).toEqual(["C-1", "C-2", "C-3"]);
    expect(res.problems.map((p) => [p.tab, p.row, p.column, p.label])).toEqual([
      ["Campaigns", 5, "B", "Name"],
      ["Campaigns", 5, "K", "Total budget"],
      ["Campaigns", 6, "A", "ID"],
    ]);
    expect(res.problems[1]?.message).toBe(
      "Campaigns, row 5, column K (Total budget): expected an amount of 0 or more, found the text “a lot”",
    );
  });

  it("includes bad settings among the problems", () => {
    const emu = setUpWorkbook();
    emu.edit("Settings!B3", "high");
    const res = list(emu);
    expect(res.problems.map((p) => [p.tab, p.row, p.column])).toEqual([["Settings", 3, "B"]]);
  });

  it("says when the workbook is not set up", () => {
    const emu = emulator();
    const res = list(emu);
    expect(res).toEqual({ lang: "en", setupNeeded: true, tab: "Campaigns", campaigns: [], problems: [] });
  });

  it("answers in the user's language", () => {
    const emu = setUpWorkbook();
    emu.configureUser(emu.user, { locale: "zh_CN" });
    writeCells(emu, "Campaigns", "A2:B2", [["C-1", ""]]);
    const res = list(emu);
    expect(res.lang).toBe("zh");
    expect(res.problems[0]?.message).toBe("Campaigns，第 2 行，B 列（Name）：此处必须填写");
  });

  it("rejects a request that is not the agreed shape", () => {
    const emu = setUpWorkbook();
    expect(failure(() => list(emu, { all: true }))).toBe(
      "rpcListCampaigns: the request is not valid: request: unknown field all",
    );
    expect(failure(() => list(emu, "everything"))).toBe(
      "rpcListCampaigns: the request is not valid: request: expected object, received string",
    );
  });
});

describe("rpcSelectCampaign", () => {
  it("selects the campaign's row on the Campaigns tab", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    emu.spreadsheet.setActiveSheet(emu.spreadsheet.getSheetByName("Settings")!);
    const res = emu.run<SelectCampaignResponse>("rpcSelectCampaign", { id: "C-2" });
    expect(res).toEqual({ id: "C-2", row: 3, tab: "Campaigns", a1: "A3:O3" });
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Campaigns");
    expect(emu.spreadsheet.getActiveRange()?.getA1Notation()).toBe("A3:O3");
  });

  it("finds the row after the columns were moved, and rows with problems too", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
    sheet.moveColumns(sheet.getRange("A:A"), 5); // ID now in D
    emu.edit("Campaigns!J4", "not a date"); // C-3's start is now invalid
    const res = emu.run<SelectCampaignResponse>("rpcSelectCampaign", { id: " C-3 " });
    expect(res.row).toBe(4);
    expect(emu.spreadsheet.getActiveRange()?.getA1Notation()).toBe("A4:O4");
  });

  it("refuses an unknown ID with a clear message", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    expect(failure(() => emu.run("rpcSelectCampaign", { id: "C-404" }))).toBe(
      "There is no campaign with the ID “C-404” on the Campaigns tab.",
    );
  });

  it("says to run setup when there is no Campaigns tab", () => {
    const emu = emulator();
    expect(failure(() => emu.run("rpcSelectCampaign", { id: "C-1" }))).toBe(
      "The Campaigns tab is missing. Choose Set up workbook in the add-on menu first.",
    );
  });

  it.each([
    [{}, "rpcSelectCampaign: the request is not valid: id: expected string, received undefined"],
    [{ id: "" }, "rpcSelectCampaign: the request is not valid: id: must not be empty"],
    [{ id: "   " }, "rpcSelectCampaign: the request is not valid: id: must not be empty"],
    [{ id: 7 }, "rpcSelectCampaign: the request is not valid: id: expected string, received number"],
    [{ id: "C-1", row: 2 }, "rpcSelectCampaign: the request is not valid: request: unknown field row"],
    [{ id: "x".repeat(201) }, "rpcSelectCampaign: the request is not valid: id: must be at most 200 characters"],
    [null, "rpcSelectCampaign: the request is not valid: request: expected object, received null"],
  ])("rejects %j with zod's finding", (request, message) => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    expect(failure(() => emu.run("rpcSelectCampaign", request))).toBe(message);
    expect(writesOf(emu)).toEqual({});
  });
});
