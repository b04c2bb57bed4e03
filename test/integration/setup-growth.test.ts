// Growth: tabs sized to what they hold (a spreadsheet has 10 million cells for every tab's grid, used or not), every
// way the add-on writes rows still working when a tab has no spare row, and "Set up workbook" run again on a filled
// workbook staying under 150 spreadsheet calls.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { monitorWorkbook } from "./monitor-support";
import {
  addPlans,
  approvePlan,
  columnsOf,
  MIA,
  OWNER,
  recordExpense,
  spendWorkbook,
  tabName,
  writeRows,
} from "./spend-support";
import { clickMenu, setUpWorkbook } from "./support";

/** Every tab's grid as [name, rows, columns, last used column], not counted. */
function grids(emu: Emulator): { name: string; rows: number; columns: number; used: number }[] {
  return emu.runtime.counter.paused(() =>
    emu.spreadsheet.getSheets().map((s) => ({
      name: s.getName(),
      rows: s.getMaxRows(),
      columns: s.getMaxColumns(),
      used: s.getLastColumn(),
    })),
  );
}

function cells(emu: Emulator): number {
  return grids(emu).reduce((n, g) => n + g.rows * g.columns, 0);
}

/** Cuts every tab to its used rows (at least 2: Sheets keeps one row below a frozen header), as a tidy person might. */
function noSpareRows(emu: Emulator): void {
  emu.runtime.counter.paused(() => {
    for (const sheet of emu.spreadsheet.getSheets()) {
      const keep = Math.max(2, sheet.getLastRow());
      if (sheet.getMaxRows() > keep) sheet.deleteRows(keep + 1, sheet.getMaxRows() - keep);
    }
  });
}

/** The document properties holding the cached layouts, without setup's stamps: as an older version left them. */
function forgetStamps(emu: Emulator): void {
  const store = emu.runtime.properties.document(emu.runtime.documentId);
  for (const [key, value] of Object.entries(store.toJSON())) {
    if (!key.startsWith("cc.tab.")) continue;
    const entry = JSON.parse(value) as Record<string, unknown>;
    delete entry.setup;
    store.data.set(key, JSON.stringify(entry));
  }
}

describe("Set up workbook sizes the tabs", () => {
  const emu = setUpWorkbook();

  it("creates every tab with at most one spare column and a few spare rows", () => {
    const onlyTheAddOnWrites = [
      "Approval log",
      "Notifications",
      "Summaries",
      "Evaluation report",
      "Scorecard",
      "Monitor",
    ];
    for (const g of grids(emu)) {
      if (g.name === "Sheet1") continue; // the document's own first tab is the user's
      if (g.name === "Variance report") {
        expect(g.columns).toBe(1); // written whole by its refresh, which sizes it
        continue;
      }
      expect(g.columns, g.name).toBe(g.used + (onlyTheAddOnWrites.includes(g.name) ? 0 : 1));
      expect(g.rows, g.name).toBeLessThanOrEqual(80);
      expect(g.rows, g.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("spends a few thousand cells on its nineteen tabs instead of 494,000", () => {
    const ours = grids(emu)
      .filter((g) => g.name !== "Sheet1")
      .reduce((n, g) => n + g.rows * g.columns, 0);
    // The new spreadsheet's empty Sheet1 is removed by the first run, so every cell left is one of ours.
    expect(grids(emu).length).toBe(19);
    expect(ours).toBeLessThan(10_000);
    expect(cells(emu)).toBe(ours);
  });

  it("trims an older workbook's 1,000 x 26 tabs to their size, keeping every cell, once", () => {
    const old = setUpWorkbook();
    addPlans(old, [
      { id: "C-1", budget: 1000 },
      { id: "C-2", budget: 2000 },
    ]);
    old.runtime.counter.paused(() => {
      for (const sheet of old.spreadsheet.getSheets()) {
        if (sheet.getMaxRows() < 1000) sheet.insertRowsAfter(sheet.getMaxRows(), 1000 - sheet.getMaxRows());
        if (sheet.getMaxColumns() < 26) sheet.insertColumnsAfter(sheet.getMaxColumns(), 26 - sheet.getMaxColumns());
      }
    });
    forgetStamps(old);
    const before = Object.fromEntries(grids(old).map((g) => [g.name, old.values(g.name)]));
    expect(cells(old)).toBe(19 * 26_000);
    clickMenu(old, "menuSetUpWorkbook");
    for (const g of grids(old)) expect(old.values(g.name), g.name).toEqual(before[g.name]);
    const campaigns = grids(old).find((g) => g.name === "Campaigns");
    expect(campaigns).toMatchObject({ rows: 3 + 50, columns: 16 });
    expect(cells(old)).toBeLessThan(26_000 + 10_000);
    const after = old.save().spreadsheet;
    clickMenu(old, "menuSetUpWorkbook");
    expect(old.save().spreadsheet).toEqual(after);
  });

  it("puts back a dropdown someone removed, on the next run", () => {
    const probe = setUpWorkbook();
    const statusRule = () =>
      (probe.save().spreadsheet.sheets.find((s) => s.name === "Campaigns")?.grids.validations?.[1] ?? [])[13];
    expect(statusRule()).toMatchObject({ type: "VALUE_IN_LIST" });
    probe.runtime.counter.paused(() =>
      probe.spreadsheet.getSheetByName("Campaigns")!.getRange("N2:N").clearDataValidations(),
    );
    expect(statusRule()).toBeFalsy();
    clickMenu(probe, "menuSetUpWorkbook");
    expect(statusRule()).toMatchObject({ type: "VALUE_IN_LIST" });
    expect(probe.ui.toasts.at(-1)?.message).not.toBe("The workbook is already set up; nothing needed to change.");
  });
});

describe("Set up workbook run again on a filled workbook", () => {
  function filled(campaigns: number): Emulator {
    const emu = spendWorkbook();
    addPlans(
      emu,
      Array.from({ length: campaigns }, (_, i) => ({ id: `C-${i + 1}`, budget: 1000 + i })),
    );
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 1000 }]);
    approvePlan(emu, "C-1");
    writeRows(
      emu,
      "expenses",
      Array.from({ length: campaigns * 4 }, (_, i) => ({
        id: `EXP-${i + 1}`,
        date: "2026-03-10",
        campaign: `C-${(i % campaigns) + 1}`,
        category: "Media",
        amount: 10,
        kind: "Actual",
      })),
    );
    emu.as(OWNER); // Set up workbook is an admin's
    clickMenu(emu, "menuSetUpWorkbook"); // the run after an upgrade: looks at every tab in full, writes the stamps
    emu.counter.reset();
    clickMenu(emu, "menuSetUpWorkbook");
    return emu;
  }

  it("makes fewer than 150 spreadsheet calls, the same for 10 campaigns as for 2,000", () => {
    const small = filled(10);
    const large = filled(2000);
    expect(large.counter.snapshot()).toEqual(small.counter.snapshot());
    expect(small.counter.total()).toBeLessThan(150);
    // No developer-metadata scan per column: two counts over the document stand for it.
    expect(small.counter.get("DeveloperMetadataFinder.find")).toBe(2);
    expect(small.counter.get("DeveloperMetadata.getValue")).toBe(0);
    expect(small.ui.toasts.at(-1)?.message).toBe("The workbook is already set up; nothing needed to change.");
  });
});

describe("every way rows are added works on a tab without a spare row", () => {
  it("drafts, submissions, decisions, mail notices, expenses, settings and the reports grow their tabs", () => {
    const emu = spendWorkbook();
    addPlans(emu, [{ id: "C-1", budget: 1000 }]);
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 1000 }]);
    noSpareRows(emu);
    const rowsOf = (key: Parameters<typeof tabName>[1]) =>
      grids(emu).find((g) => g.name === tabName(emu, key))?.rows ?? 0;
    expect(rowsOf("campaigns")).toBe(2);

    approvePlan(emu, "C-1"); // the log, the notifications, the Status column
    const log = emu.values("Approval log");
    expect(log.length).toBeGreaterThan(2);
    expect(emu.values("Notifications").length).toBeGreaterThan(1);

    const draft = emu.as(MIA).run<{ ok: boolean; id?: string; row?: number }>("rpcSavePlan", {
      id: "",
      name: "Autumn fair",
      owner: "",
      objective: "Meet 200 retailers",
      audience: "Retail buyers",
      channels: "Events",
      content: "Booth and demo",
      place: "Hamburg",
      start: "2026-09-01",
      end: "2026-09-05",
      budget: "800",
      currency: "",
      kpis: "Meetings 200",
    });
    expect(draft.ok).toBe(true);
    expect(draft.row).toBe(3);

    noSpareRows(emu);
    const spent = recordExpense(emu, MIA, { campaign: "C-1", amount: "100" });
    expect(spent.ok, spent.message).toBe(true);
    const expenses = emu.values(tabName(emu, "expenses"));
    expect(expenses[expenses.length - 1]).toContain(spent.id);

    // The reports are written to their size: they grow with the report and shrink with it.
    clickMenu(emu, "menuRefreshVariance");
    const variance = grids(emu).find((g) => g.name === tabName(emu, "variance"))!;
    expect(variance.rows).toBe(emu.values(tabName(emu, "variance")).length + 1);
    expect(variance.columns).toBeLessThanOrEqual(variance.used + 2);
    emu.as(OWNER).run("rpcRefreshEvaluation", {});
    const report = grids(emu).find((g) => g.name === "Evaluation report")!;
    expect(report.rows).toBeGreaterThan(2);
    const monitor = emu.as(OWNER).run<{ ok?: boolean }>("rpcMonitorRun", {});
    expect(monitor).toBeTruthy();
    expect(emu.failures).toEqual([]);
    // Nothing was written twice or lost on the way: one approved plan, one draft, one expense.
    expect(columnsOf(emu, "Campaigns").size).toBeGreaterThan(0);
    expect(
      emu
        .values("Campaigns")
        .slice(1)
        .map((r) => r[0] !== ""),
    ).toEqual([true, true]);
  });

  it("shrinks the Evaluation report when the report shrinks", () => {
    const kpis = Array.from({ length: 40 }, (_, i) => [
      "C-1",
      `Indicator ${i + 1}`,
      "",
      "Higher is better",
      100,
      50 + i,
      1,
    ]);
    const emu = monitorWorkbook({ kpis });
    emu.as(OWNER).run("rpcRefreshEvaluation", {});
    const sizeOf = () => grids(emu).find((g) => g.name === "Evaluation report")!.rows;
    const big = sizeOf();
    expect(big).toBe(emu.values("Evaluation report").length + 1);
    expect(big).toBeGreaterThan(40);
    emu.runtime.counter.paused(() => {
      const sheet = emu.spreadsheet.getSheetByName("KPIs")!;
      sheet.deleteRows(4, sheet.getMaxRows() - 3); // two KPIs left
    });
    emu.as(OWNER).run("rpcRefreshEvaluation", {});
    const small = sizeOf();
    expect(small).toBeLessThan(big);
    expect(small).toBe(emu.values("Evaluation report").length + 1);
  });
});
