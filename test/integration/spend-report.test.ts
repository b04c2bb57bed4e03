// The Variance report: by campaign, category and month with a status per row, conditional formats and a chart,
// rows that could not be read listed at the top and left out of the totals, currencies converted at their dates,
// written in one batch (the same calls for 10 rows as for 10,000), refreshed from the menu and hourly by the one
// scheduled trigger the menu turns on and off.
import { describe, expect, it } from "vitest";
import type { RolesView } from "../../src/server/admin/api";
import type { Emulator } from "../emulator/index";
import {
  addPlans,
  approvePlan,
  columnsOf,
  expenseStatuses,
  MIA,
  OWNER,
  recordExpense,
  recordTypedRows,
  spendWorkbook,
  tabName,
  writeRows,
} from "./spend-support";
import { clickMenu } from "./support";

const REPORT = "Variance report";

function refresh(emu: Emulator, as = OWNER): void {
  emu.as(as);
  clickMenu(emu, "menuRefreshVariance");
}

/** Report rows from a section title to the blank row after its totals. */
function section(emu: Emulator, title: string): unknown[][] {
  const values = emu.values(REPORT);
  const start = values.findIndex((r) => r[0] === title);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = values.findIndex((r, i) => i > start && r.every((c) => c === ""));
  return values.slice(start + 2, end < 0 ? values.length : end);
}

/** Key -> [planned, approved, committed, actual, pending, remaining, variance, variance %, used %, status, note]. */
function byKey(rows: unknown[][]): Record<string, unknown[]> {
  return Object.fromEntries(rows.map((r) => [String(r[0]), r.slice(1)]));
}

/**
 * C-1 (approved): Media 6,000 in March, Events 4,000 EUR in April (rate 1.1 from January, 1.25 from April: the line
 * converts on the 1st of its month, 5,000 USD). C-2 (approved): Media 3,000 in June. C-3: a draft with 1,000.
 */
function workbook(): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [
    { id: "C-1", budget: 11000 },
    { id: "C-2", budget: 3000 },
    { id: "C-3", budget: 1000 },
  ]);
  writeRows(emu, "rates", [
    { currency: "EUR", rate: 1.1, validFrom: "2026-01-01" },
    { currency: "EUR", rate: 1.25, validFrom: "2026-04-01" },
  ]);
  writeRows(emu, "budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 6000 },
    { campaign: "C-1", category: "Events", month: "2026-04", planned: 4000, currency: "EUR" },
    { campaign: "C-2", category: "Media", month: "2026-06", planned: 3000 },
    { campaign: "C-3", category: "Media", month: "2026-05", planned: 1000 },
  ]);
  // The lines are submitted and approved with the plans (C-1's EUR line counts at the rate of 1 April: 5,000 USD).
  approvePlan(emu, "C-1");
  approvePlan(emu, "C-2");
  writeRows(emu, "expenses", [
    // 1,000 EUR on 31 March at 1.1 and on 1 April at 1.25.
    {
      id: "E-1",
      date: "2026-03-31",
      campaign: "C-1",
      category: "Media",
      amount: 1000,
      currency: "EUR",
      kind: "Actual",
    },
    {
      id: "E-2",
      date: "2026-04-01",
      campaign: "C-1",
      category: "Events",
      amount: 1000,
      currency: "EUR",
      kind: "Actual",
    },
    { id: "E-3", date: "2026-04-10", campaign: "C-1", category: "Events", amount: 500, kind: "Committed" },
    { id: "E-4", date: "2026-06-02", campaign: "C-2", category: "Media", amount: 3000, kind: "Actual" },
  ]);
  // Rows typed into the tab count once the add-on records them.
  recordTypedRows(emu);
  return emu;
}

describe("the Variance report", () => {
  it("groups planned, approved, committed, actual, remaining and variance by campaign, category and month", () => {
    const emu = workbook();
    refresh(emu);
    const values = emu.values(REPORT);
    expect(values[0]?.[0]).toBe("Budget variance report");
    expect(values[1]?.[0]).toBe(
      "Refreshed 2 Mar 2026, 09:00. Amounts in USD. Variance = actual − planned (positive is over plan).",
    );
    expect(values[2]?.[0]).toBe("Every row was read.");
    expect(values[5]).toEqual([
      "Campaign / category / month",
      "Planned",
      "Approved",
      "Committed",
      "Actual",
      "Pending overrun approval",
      "Remaining",
      "Variance",
      "Variance %",
      "Used %",
      "Status",
      "Note",
    ]);
    const campaigns = byKey(section(emu, "By campaign"));
    // C-1: planned 6,000 + 4,000 EUR x 1.25 = 11,000; actual 1,100 + 1,250; committed 500.
    expect(campaigns["C-1"]).toEqual([
      11000,
      11000,
      500,
      2350,
      0,
      8150,
      -8650,
      -8650 / 11000,
      2850 / 11000,
      "Under budget",
      "",
    ]);
    // C-2 spent exactly its budget: on budget, not over.
    expect(campaigns["C-2"]).toEqual([3000, 3000, 0, 3000, 0, 0, 0, 0, 1, "On budget", ""]);
    // A draft's lines are planned, not approved: not "on budget", no variance against money nobody approved.
    expect(campaigns["C-3"]).toEqual([
      1000,
      0,
      0,
      0,
      0,
      0,
      0,
      "",
      "",
      "Not approved",
      "Its plan is not approved: nothing may be spent yet, and its planned amount is left out of the variance.",
    ]);
    // The totals' variance is against the approved budget; C-3's planned 1,000 does not drag it.
    expect(campaigns.Total).toEqual([
      15000,
      14000,
      500,
      5350,
      0,
      8150,
      -8650,
      -8650 / 14000,
      5850 / 14000,
      "Under budget",
      "",
    ]);
    const rows = emu.values(REPORT).map((r) => String(r[0]));
    expect(rows).toContain("Planned but not approved, kept out of the variance: 1,000.00 USD in 1 campaign.");
    const categories = byKey(section(emu, "By category"));
    expect(categories.Events?.slice(0, 4)).toEqual([5000, 5000, 500, 1250]);
    expect(categories.Media?.slice(0, 4)).toEqual([10000, 9000, 0, 4100]);
    const months = byKey(section(emu, "By month"));
    expect(Object.keys(months)).toEqual(["2026-03", "2026-04", "2026-05", "2026-06", "Total"]);
    expect(months["2026-04"]?.slice(0, 4)).toEqual([5000, 5000, 500, 1250]);
  });

  it("colours statuses and overspend, and charts the months", () => {
    const emu = workbook();
    refresh(emu);
    const sheet = emu.spreadsheet.getSheetByName(REPORT)!;
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => [r.condition(), r.background()])).toEqual([
      [{ type: "TEXT_EQUAL_TO", values: ["Over budget"] }, "#f4c7c3"],
      [{ type: "TEXT_EQUAL_TO", values: ["Near the limit"] }, "#fce8b2"],
      [{ type: "TEXT_EQUAL_TO", values: ["On budget"] }, "#d9ead3"],
      [{ type: "TEXT_EQUAL_TO", values: ["Not approved"] }, "#f1f3f4"],
      [{ type: "NUMBER_GREATER_THAN", values: [0] }, null],
    ]);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0]?.getType()).toBe("COLUMN");
    expect(charts[0]?.getOptionsRecorded().title).toBe("Planned, committed and actual by month");
    const monthRows = emu.values(REPORT).findIndex((r) => r[0] === "By month") + 2;
    expect(charts[0]?.getRanges().map((r) => r.getA1Notation())).toEqual([
      `A${monthRows}:A${monthRows + 4}`,
      `B${monthRows}:B${monthRows + 4}`,
      `D${monthRows}:D${monthRows + 4}`,
      `E${monthRows}:E${monthRows + 4}`,
    ]);
    // Months stay text ("2026-03" is not turned into a date), percentages show as percentages.
    expect(emu.spreadsheet.peek(`${REPORT}!A${monthRows + 1}`).format).toBe("@");
    expect(emu.displayValues(REPORT)[monthRows]?.[0]).toBe("2026-03");
    expect(emu.spreadsheet.peek(`${REPORT}!I${monthRows + 1}`).format).toBe("0.0%");
    // A second refresh replaces the chart and the rules rather than adding more.
    refresh(emu);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getConditionalFormatRules()).toHaveLength(5);
  });

  it("lists rows that could not be read with tab, row and column, and leaves them out of the totals", () => {
    const emu = workbook();
    const first = writeRows(emu, "expenses", [
      { id: "E-5", date: "2026-03-12", campaign: "C-1", category: "Media", amount: "twelve", kind: "Actual" },
      { id: "E-6", date: "2026-03-12", campaign: "C-9", category: "Media", amount: 50, kind: "Actual" },
      { id: "E-7", date: "", campaign: "C-1", category: "Media", amount: 70, kind: "Actual" },
    ]);
    recordTypedRows(emu);
    refresh(emu);
    const values = emu.values(REPORT);
    expect(values[2]?.[0]).toBe("3 rows could not be read and are left out of the totals; see the list below.");
    expect(values[4]?.[0]).toBe("Rows left out of the totals");
    expect(values.slice(6, 9).map((r) => r.slice(0, 4))).toEqual([
      ["Expenses", first, "G (Amount)", "expected an amount of 0 or more, found the text “twelve”"],
      ["Expenses", first + 1, "C (Campaign)", "there is no campaign with the ID “C-9”"],
      ["Expenses", first + 2, "B (Date)", "a value is required here"],
    ]);
    // Totals as before: none of the three is in any figure.
    expect(byKey(section(emu, "By campaign")).Total?.slice(0, 5)).toEqual([15000, 14000, 500, 5350, 0]);
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "The variance report is up to date: 3 campaigns; 3 source rows left out.",
    );
  });

  it("shows pending overruns apart, and projects the Status of rows typed by hand", () => {
    const emu = workbook();
    writeRows(emu, "expenses", [
      { id: "E-8", date: "2026-06-20", campaign: "C-2", category: "Media", amount: 200, kind: "Actual" },
    ]);
    recordTypedRows(emu);
    refresh(emu);
    expect(byKey(section(emu, "By campaign"))["C-2"]?.slice(0, 6)).toEqual([3000, 3000, 0, 3000, 200, 0]);
    expect(expenseStatuses(emu)).toMatchObject({ "E-4": "Recorded", "E-8": "Pending overrun approval" });
  });

  it("keeps the lines approved with the plan in force, and names a line edited since on the campaign's row", () => {
    const emu = workbook();
    const first = writeRows(emu, "budget", [{ campaign: "C-2", category: "Events", month: "2026-06", planned: 500 }]);
    // And C-1's Media line raised by hand from 6,000 to 6,500.
    const tab = tabName(emu, "budget");
    emu.spreadsheet
      .getSheetByName(tab)
      ?.getRange(`D${first - 4}`)
      .setValue(6500);
    refresh(emu);
    const campaigns = byKey(section(emu, "By campaign"));
    // The figures are those of the approved lines: planned and approved as before.
    expect(campaigns["C-2"]?.slice(0, 2)).toEqual([3000, 3000]);
    expect(campaigns["C-1"]?.slice(0, 2)).toEqual([11000, 11000]);
    expect(campaigns["C-2"]?.[10]).toBe(
      "Budget lines edited since the plan was approved (— → Events · 2026-06: 500.00 USD); the approved lines count until a change request is approved.",
    );
    expect(campaigns["C-1"]?.[10]).toBe(
      "Budget lines edited since the plan was approved (Media · 2026-03: 6,000.00 USD → Media · 2026-03: 6,500.00 USD); the approved lines count until a change request is approved.",
    );
    // C-3 is not approved: its lines are planned as they stand, nothing to compare with.
    expect(campaigns["C-3"]?.[9]).toBe("Not approved");
    expect(campaigns["C-3"]?.[10]).not.toContain("edited since");
    expect(emu.customFunction("BUDGET_REMAINING", "C-2")).toBe(0);
  });

  it("counts the recorded cells typed over past the ten it names, and says where each is flagged", () => {
    const emu = workbook();
    const tab = tabName(emu, "expenses");
    const columns = columnsOf(emu, tab);
    const sheet = emu.spreadsheet.getSheetByName(tab)!;
    const ids = emu.values(tab).map((r) => String(r[(columns.get("id") ?? 1) - 1]));
    // Three sealed fields of each of E-1 to E-4: twelve cells.
    for (const id of ["E-1", "E-2", "E-3", "E-4"]) {
      const row = ids.indexOf(id) + 1;
      sheet.getRange(row, columns.get("amount")!).setValue(9);
      sheet.getRange(row, columns.get("kind")!).setValue(id === "E-3" ? "Actual" : "Committed");
      sheet.getRange(row, columns.get("campaign")!).setValue("C-3");
    }
    refresh(emu);
    const notice = String(emu.values(REPORT).find((r) => String(r[0]).startsWith("Changed after recording"))?.[0]);
    expect(notice.split("; ")).toHaveLength(11);
    expect(notice).toMatch(
      /; … and 2 more cells, each flagged on the Expenses tab with a note and a red background\.$/,
    );
  });

  it("changes when an expense is recorded from the sidebar", () => {
    const emu = workbook();
    refresh(emu);
    recordExpense(emu, MIA, { campaign: "C-1", category: "Media", amount: "650", date: "2026-03-20" });
    refresh(emu);
    expect(byKey(section(emu, "By campaign"))["C-1"]?.slice(3, 6)).toEqual([3000, 0, 7500]);
  });

  it("is written in the spreadsheet's language", () => {
    const emu = spendWorkbook({ locale: "zh_CN" });
    refresh(emu);
    const tab = tabName(emu, "variance");
    expect(tab).toBe("预算差异报告");
    expect(emu.values(tab)[0]?.[0]).toBe("预算差异报告");
    expect(emu.values(tab)[4]?.[0]).toBe("按推广活动");
  });
});

/** n budget lines and n expenses over 20 campaigns, on the same five dates whatever n is. */
function filled(n: number): Emulator {
  const emu = spendWorkbook();
  const ids = Array.from({ length: 20 }, (_, i) => `C-${i + 1}`);
  addPlans(
    emu,
    ids.map((id) => ({ id, budget: 100000 })),
  );
  const dates = ["2026-03-03", "2026-04-14", "2026-05-05", "2026-06-16", "2026-07-07"];
  for (const name of ["Budget", "Expenses"]) {
    const sheet = emu.spreadsheet.getSheetByName(name)!;
    if (sheet.getMaxRows() < n + 1) sheet.insertRowsAfter(sheet.getMaxRows(), n + 1 - sheet.getMaxRows());
  }
  writeRows(
    emu,
    "budget",
    Array.from({ length: n }, (_, i) => ({
      campaign: ids[i % 20],
      category: ["Media", "Events", "Print"][i % 3],
      month: `2026-0${3 + (i % 5)}`,
      planned: 1000 + (i % 17) * 10.5,
    })),
  );
  writeRows(
    emu,
    "expenses",
    Array.from({ length: n }, (_, i) => ({
      id: `E-${i + 1}`,
      date: dates[i % 5],
      campaign: ids[(i * 7) % 20],
      category: ["Media", "Events", "Print"][i % 3],
      amount: 10 + (i % 13) * 0.25,
      kind: i % 4 === 0 ? "Committed" : "Actual",
      status: "Recorded",
    })),
  );
  return emu;
}

describe("the Variance report in one batch", () => {
  it("makes the same service calls for 10 rows as for 10,000: one read per tab, one write per output range", () => {
    const notices: string[] = [];
    const calls = [10, 10_000].map((n) => {
      const emu = filled(n);
      emu.counter.reset();
      refresh(emu);
      const values = emu.values(REPORT);
      const sums = values.find((r) => r[0] === "Total");
      expect(sums?.[0]).toBe("Total");
      notices.push(String(values.find((r) => String(r[0]).startsWith("Typed into the Expenses tab"))?.[0]));
      return emu.counter.snapshot();
    });
    // Every row is typed with Status "Recorded" and never recorded. Ten are all named; 10,000 row numbers would
    // pass the 50,000 characters Sheets allows in a cell, so the first ones are named and the rest counted.
    expect(notices[0]).toContain("(rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11):");
    expect(notices[0]).not.toContain("not listed");
    expect(notices[1]).toContain("(rows 2, 3, 4, 5,");
    expect(notices[1]).toContain(", 100, 101 and 9,900 more rows not listed here):");
    expect(notices[1]).toContain("Their Status on the Expenses tab is empty.");
    expect(notices[1]?.length).toBeLessThan(1000);
    expect(calls[1]).toEqual(calls[0]);
    const reads = calls[0]!;
    // Settings, Campaigns, Approval log, Budget, Expenses, Rates: each read once.
    expect(reads["Range.getValues"]).toBe(6);
    expect(reads["Range.setValues"]).toBe(2); // the report, and the Status column of rows typed in and not recorded
    expect(reads["Range.setNumberFormats"]).toBe(1);
    expect(reads["Range.setValue"]).toBeUndefined();
    expect(reads["Range.getValue"]).toBeUndefined();
    expect(reads["Lock.tryLock"]).toBe(1);
  });
});

describe("refreshing every hour", () => {
  it("is turned on and off from the menu with one time-driven trigger", () => {
    const emu = workbook();
    emu.as(OWNER);
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.ui.toasts.at(-1)?.message).toBe("The variance report is now refreshed every hour.");
    expect(emu.triggers.map((t) => [t.owner, t.handler, t.eventType])).toEqual([[OWNER, "onScheduleTick", "CLOCK"]]);

    // An hour later the trigger has written the report without anyone clicking; new rows show up the hour after.
    emu.advance(3600 * 1000);
    expect(emu.failures).toEqual([]);
    expect(byKey(section(emu, "By campaign"))["C-1"]?.[3]).toBe(2350);
    writeRows(emu, "expenses", [
      { id: "E-9", date: "2026-03-25", campaign: "C-1", category: "Media", amount: 100, kind: "Actual" },
    ]);
    recordTypedRows(emu);
    emu.advance(3600 * 1000);
    expect(byKey(section(emu, "By campaign"))["C-1"]?.[3]).toBe(2450);

    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.ui.toasts.at(-1)?.message).toBe("The variance report is no longer refreshed automatically.");
    expect(emu.triggers).toEqual([]);
  });

  it("stays within the add-on's one trigger of each type per user: a second admin takes the schedule over", () => {
    const emu = workbook();
    emu.as(OWNER);
    clickMenu(emu, "menuToggleVarianceSchedule");
    // The schedule is an admin's: Mia is made one, then turns it off and on again. It is now hers; the owner's
    // trigger removes itself at its next tick.
    const view = emu.as(OWNER).run<RolesView>("rpcGetRoles", {});
    const roles = {
      admins: [MIA],
      levels: view.levels.map((l) => ({ approvers: l.approvers, limit: l.limit === null ? null : String(l.limit) })),
      finance: view.finance,
      delegations: view.delegations,
    };
    expect(emu.as(OWNER).run<{ ok: boolean }>("rpcSaveRoles", roles).ok).toBe(true);
    emu.as(MIA);
    clickMenu(emu, "menuToggleVarianceSchedule");
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.triggers.map((t) => t.owner).sort()).toEqual([MIA, OWNER].sort());
    emu.advance(3600 * 1000);
    expect(emu.failures).toEqual([]);
    expect(emu.triggers.map((t) => t.owner)).toEqual([MIA]);
    expect(emu.values(REPORT)[0]?.[0]).toBe("Budget variance report");
  });

  it("says so when the platform refuses another time-driven trigger, and turns nothing on", () => {
    const emu = workbook();
    // The owner already holds a time-driven trigger of this add-on in this document, made outside the schedule.
    emu.runtime.triggers.add({
      handler: "somethingElse",
      eventType: "CLOCK",
      owner: OWNER,
      documentId: emu.spreadsheet.getId(),
      createdAt: emu.now().getTime(),
    });
    emu.as(OWNER);
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
    expect(emu.triggers.map((t) => t.handler)).toEqual(["somethingElse"]);
    // Still off: the next click tries again rather than turning it "off".
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
  });
});
