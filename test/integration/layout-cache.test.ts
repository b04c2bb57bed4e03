// The layout cache in the built add-on: after setup a table read finds its tab and columns without one developer
// metadata call; a moved column or a renamed header is read right and the cache repaired; columns the header row
// cannot tell apart are always looked up; custom functions read right with, without and unable to write the cache.
import { describe, expect, it } from "vitest";
import type { ListCampaignsResponse } from "../../src/server/approvals/api";
import { CAMPAIGNS_TAB } from "../../src/workbook/approvals/tabs";
import { EXPENSES_TAB } from "../../src/workbook/spend/tabs";
import { TABS } from "../../src/workbook/tabs";
import type { Emulator } from "../emulator/index";
import { campaign, monitorWorkbook, OWNER, tabOf } from "./monitor-support";
import { addPlans, approvePlan, recordTypedRows, spendWorkbook, tabName, writeRows } from "./spend-support";
import { addCampaigns, CAMPAIGN_ROWS, callsOf, clickMenu, setUpWorkbook } from "./support";

function list(emu: Emulator): ListCampaignsResponse {
  return emu.run<ListCampaignsResponse>("rpcListCampaigns", {});
}

/** Every developer-metadata call: the finders of the spreadsheet, a sheet or a range, and what they return. */
function metadataCalls(emu: Emulator): number {
  return Object.entries(emu.counter.snapshot())
    .filter(([k]) => k.includes("DeveloperMetadata"))
    .reduce((n, [, v]) => n + v, 0);
}

/** The calls that find a tab and its columns, and those of the cache. */
function lookupCalls(emu: Emulator): Record<string, number> {
  return {
    metadata: metadataCalls(emu),
    ...callsOf(emu, "Spreadsheet.getSheetById", "Sheet.getSheetId", "Properties", "PropertiesService"),
  };
}

/** The cached layouts in the document properties, by tab key. */
function cachedLayouts(emu: Emulator): Record<string, { sheetId: number; header?: string[]; columns?: unknown[] }> {
  const data = emu.runtime.properties.document(emu.runtime.documentId).data;
  return Object.fromEntries(
    [...data].filter(([k]) => k.startsWith("cc.tab.")).map(([k, v]) => [k.slice("cc.tab.".length), JSON.parse(v)]),
  );
}

function dropCachedLayouts(emu: Emulator): void {
  const data = emu.runtime.properties.document(emu.runtime.documentId).data;
  for (const key of [...data.keys()]) if (key.startsWith("cc.tab.")) data.delete(key);
}

/**
 * A scan of Campaigns' 14 columns: the sheet's finder (create, withKey, find) and, per column, getLocation,
 * getColumn and getValue.
 */
const CAMPAIGNS_SCAN = 3 + 15 * 3;
const names = (res: ListCampaignsResponse) => res.campaigns.map((c) => [c.id, c.name, c.owner, c.budget]);
const LISTED = CAMPAIGN_ROWS.map((r) => [r[0], r[1], r[2], r[10]]);

describe("after setup", () => {
  it("keeps a layout for every tab, and a read makes no developer-metadata call", () => {
    const emu = setUpWorkbook();
    const layouts = cachedLayouts(emu);
    expect(Object.keys(layouts).sort()).toEqual(TABS.map((t) => t.key).sort());
    expect(layouts.campaigns).toEqual({
      sheetId: emu.spreadsheet.getSheetByName("Campaigns")?.getSheetId(),
      header: emu.values("Campaigns")[0]?.map((label) => String(label).toLowerCase()),
      columns: CAMPAIGNS_TAB.columns.map((c, i) => [i + 1, c.key]),
      setup: expect.any(String),
    });
    addCampaigns(emu);
    expect(names(list(emu))).toEqual(LISTED);
    // Settings and Campaigns: one getSheetById each; the properties read once.
    expect(lookupCalls(emu)).toEqual({
      metadata: 0,
      "Spreadsheet.getSheetById": 2,
      "PropertiesService.getDocumentProperties": 1,
      "Properties.getProperties": 1,
    });
    emu.counter.reset();
    list(emu);
    expect(metadataCalls(emu)).toBe(0);
  });

  it("makes the same calls for 10 campaigns as for 2,000", () => {
    const callsFor = (n: number) => {
      const emu = setUpWorkbook();
      const rows = Array.from({ length: n }, (_, i) => {
        const row = [...(CAMPAIGN_ROWS[i % 3] ?? [])];
        row[0] = `C-${i + 1}`;
        return row;
      });
      emu.fill("Campaigns", 2, 1, rows);
      emu.counter.reset();
      expect(list(emu).campaigns).toHaveLength(n);
      return emu.counter.snapshot();
    };
    const small = callsFor(10);
    expect(callsFor(2000)).toEqual(small);
    expect(Object.keys(small).filter((k) => k.includes("DeveloperMetadata"))).toEqual([]);
  });

  it("is refreshed by setup, which adds a lost column back and re-attaches lost metadata", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
    sheet.deleteColumns(13, 1); // KPIs
    for (const md of emu.spreadsheet.createDeveloperMetadataFinder().withKey("campaign-control.column").find())
      md.remove();
    clickMenu(emu, "menuSetUpWorkbook");
    emu.counter.reset();
    expect(names(list(emu))).toEqual(LISTED);
    expect(metadataCalls(emu)).toBe(0);
    expect(cachedLayouts(emu).campaigns?.columns).toContainEqual([15, "kpis"]);
  });
});

describe("when the user changed the tab", () => {
  it("reads a moved column right, scans once, rewrites the cache, and then reads without a scan", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
    sheet.moveColumns(sheet.getRange("K:K"), 1); // Total budget to the front
    emu.counter.reset();
    expect(names(list(emu))).toEqual(LISTED);
    expect(lookupCalls(emu)).toEqual({
      metadata: CAMPAIGNS_SCAN,
      "Spreadsheet.getSheetById": 2,
      "PropertiesService.getDocumentProperties": 2,
      "Properties.getProperties": 1,
      "Properties.setProperties": 1,
    });
    expect(cachedLayouts(emu).campaigns?.columns).toContainEqual([1, "budget"]);
    emu.counter.reset();
    expect(names(list(emu))).toEqual(LISTED);
    expect(metadataCalls(emu)).toBe(0);
  });

  it("reads after a renamed header, and the cache holds the new text", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    emu.edit("Campaigns!K1", "Budget (EUR)");
    emu.counter.reset();
    expect(names(list(emu))).toEqual(LISTED);
    expect(metadataCalls(emu)).toBe(CAMPAIGNS_SCAN);
    expect(cachedLayouts(emu).campaigns?.header?.[10]).toBe("budget (eur)");
    emu.counter.reset();
    list(emu);
    expect(metadataCalls(emu)).toBe(0);
  });

  it("looks the columns up every time while two of them show the same header, so swapping them misleads no one", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    emu.edit("Campaigns!B1", [["Who", "Who"]]); // Name and Owner
    list(emu);
    const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
    sheet.moveColumns(sheet.getRange("C:C"), 2); // the header row still reads ID, Who, Who, ...
    for (let run = 0; run < 2; run++) {
      emu.counter.reset();
      expect(names(list(emu))).toEqual(LISTED);
      expect(metadataCalls(emu)).toBe(CAMPAIGNS_SCAN);
      expect(emu.counter.get("Properties.setProperties")).toBe(run === 0 ? 1 : 0);
    }
  });

  it("looks for a tab whose cached sheet is gone, and setup's new tab is cached at once", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const before = cachedLayouts(emu).campaigns?.sheetId;
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName("Campaigns")!);
    emu.counter.reset();
    expect(list(emu).setupNeeded).toBe(true);
    // The cached sheet is asked for, then the spreadsheet's finder for the tab (create, withKey, withValue, find).
    expect(metadataCalls(emu)).toBe(4);
    clickMenu(emu, "menuSetUpWorkbook");
    expect(cachedLayouts(emu).campaigns?.sheetId).not.toBe(before);
    emu.counter.reset();
    expect(list(emu)).toMatchObject({ setupNeeded: false, campaigns: [] });
    expect(metadataCalls(emu)).toBe(0);
  });

  it("rebuilds a lost cache from the metadata, once", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    dropCachedLayouts(emu);
    emu.counter.reset();
    expect(names(list(emu))).toEqual(LISTED);
    // Settings and Campaigns each: the spreadsheet's finder for the tab (create, withKey, withValue, find, then
    // getLocation and getRow of the match) and its columns' scan (Settings has 3).
    expect(metadataCalls(emu)).toBe(2 * 6 + (3 + 3 * 3) + CAMPAIGNS_SCAN);
    expect(Object.keys(cachedLayouts(emu)).sort()).toEqual(["campaigns", "settings"]);
    emu.counter.reset();
    expect(names(list(emu))).toEqual(LISTED);
    expect(metadataCalls(emu)).toBe(0);
  });
});

describe("the tabs the add-on writes", () => {
  it("keep their cached layout: the chart data a refresh writes into the header row, right of the columns", () => {
    const emu = monitorWorkbook({
      campaigns: [campaign("C-1", { name: "Spring webinars" })],
      kpis: [["C-1", "Leads", "leads", "Higher is better", 500, "", 1, "CRM", ""]],
      readings: [
        ["2026-03-05", "C-1", "Leads", 200],
        ["2026-03-20", "C-1", "Leads", 450],
      ],
    });
    emu.as(OWNER).run("rpcRefreshEvaluation", { focus: "C-1" });
    expect(metadataCalls(emu)).toBe(0);
    const evaluation = emu.values(tabOf(emu, "evaluation"));
    const width = cachedLayouts(emu).evaluation?.header?.length ?? 0;
    expect(evaluation[0]?.slice(width).some((cell) => String(cell).includes("Spring webinars"))).toBe(true);
    emu.counter.reset();
    emu.as(OWNER).run("rpcRefreshEvaluation", { focus: "C-1" });
    expect(metadataCalls(emu)).toBe(0);
    expect(emu.counter.get("Properties.setProperties")).toBe(0);
  });
});

describe("custom functions in cells", () => {
  /** A set-up workbook whose grade thresholds are typed into Settings. */
  function graded(): Emulator {
    const emu = setUpWorkbook();
    const row = emu.values("Settings").findIndex((r) => r[0] === "grade_thresholds") + 1;
    emu.edit(`Settings!B${row}`, "Gold >= 1.2; Silver >= 0.9; Bronze");
    emu.counter.reset();
    return emu;
  }

  /** Types the formula and reads the cell back through the counted document, so the function's calls count. */
  function gradeIn(emu: Emulator, a1: string, score: number): unknown {
    const range = emu.spreadsheet.getSheetByName("Campaigns")?.getRange(a1);
    range?.setFormula(`=CAMPAIGN_GRADE(${score})`);
    return range?.getValue();
  }

  it("CAMPAIGN_GRADE reads Settings through the cache: no metadata call", () => {
    const emu = graded();
    expect(gradeIn(emu, "O2", 0.95)).toBe("Silver");
    expect(metadataCalls(emu)).toBe(0);
  });

  it("CAMPAIGN_GRADE reads right without a cache, and keeps one for the next call", () => {
    const emu = graded();
    dropCachedLayouts(emu);
    expect(gradeIn(emu, "O2", 1.3)).toBe("Gold");
    expect(metadataCalls(emu)).toBe(6 + 3 + 3 * 3); // Settings found (as above) and its 3 columns scanned
    expect(Object.keys(cachedLayouts(emu))).toEqual(["settings"]);
    emu.counter.reset();
    expect(gradeIn(emu, "O3", 0.5)).toBe("Bronze");
    expect(metadataCalls(emu)).toBe(0);
  });

  it("CAMPAIGN_GRADE reads right where the cache may not be written", () => {
    const emu = graded();
    dropCachedLayouts(emu);
    const stop = emu.onServiceCall((method, execution) => {
      if (method === "Properties.setProperties" && execution?.kind === "custom") {
        throw new Error("You do not have permission to call setProperties");
      }
    });
    expect(gradeIn(emu, "O2", 1.3)).toBe("Gold");
    expect(gradeIn(emu, "O3", 0.95)).toBe("Silver");
    stop();
    expect(cachedLayouts(emu)).toEqual({});
    expect(emu.executions.filter((e) => e.kind === "custom").every((e) => e.ok)).toBe(true);
  });

  it("BUDGET_REMAINING follows a moved Expenses column, with the cache and after it", () => {
    const emu = spendWorkbook();
    addPlans(emu, [{ id: "C-1", budget: 10000 }]);
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 10000 }]);
    approvePlan(emu, "C-1");
    writeRows(emu, "expenses", [
      { id: "E-1", date: "2026-03-05", campaign: "C-1", category: "Media", amount: 2500, kind: "Actual" },
    ]);
    // A typed row counts once the add-on records it.
    expect(recordTypedRows(emu)).toBe(1);
    const remaining = (a1: string) => {
      const range = emu.spreadsheet.getSheetByName("Campaigns")?.getRange(a1);
      range?.setFormula('=BUDGET_REMAINING("C-1")');
      return range?.getValue();
    };
    emu.counter.reset();
    expect(remaining("O2")).toBe(7500);
    expect(metadataCalls(emu)).toBe(0);
    const expenses = emu.spreadsheet.getSheetByName(tabName(emu, "expenses"))!;
    expenses.moveColumns(expenses.getRange("E:E"), 1); // the amount to the front
    emu.counter.reset();
    expect(remaining("O3")).toBe(7500);
    expect(metadataCalls(emu)).toBe(3 + 3 * EXPENSES_TAB.columns.length); // Expenses' columns scanned
    emu.counter.reset();
    expect(remaining("O4")).toBe(7500);
    expect(metadataCalls(emu)).toBe(0);
  });
});
