// Refresh evaluation report rewrites its one "Chart data" block in place: refreshing again leaves the sheet identical.
import { describe, expect, it } from "vitest";
import { campaign, MIA, makeReady, monitorWorkbook, OWNER, tabOf } from "./monitor-support";
import { clickMenu } from "./support";

function workbook(locale: string) {
  const emu = monitorWorkbook({
    locale,
    campaigns: [campaign("C-1", { name: "Spring webinars", currency: "" })],
    tasks: [["C-1", "Write the script", MIA, "2026-03-01", "2026-03-05", "Script", "", ""]],
    kpis: [["C-1", "Leads", "leads", "", 500, "", 2, "CRM", ""]],
    readings: [
      ["2026-03-05", "C-1", "Leads", 200],
      ["2026-03-20", "C-1", "Leads", 450],
    ],
  });
  makeReady(emu, "C-1");
  emu.advanceTo("2026-04-02T08:00:00Z");
  emu.as(OWNER);
  emu.open();
  return emu;
}

describe("the chart data of the evaluation report", () => {
  for (const [locale, caption] of [
    ["en_US", "Chart data:"],
    ["zh_CN", "图表数据："],
  ] as const) {
    it(`is one block, rewritten in place (${locale})`, () => {
      const emu = workbook(locale);
      const tab = tabOf(emu, "evaluation");
      clickMenu(emu, "menuRefreshEvaluation");
      const once = emu.values(tab);
      const sheet = emu.spreadsheet.getSheetByName(tab)!;
      const charts = sheet.getCharts().length;
      expect(charts).toBeGreaterThan(0);
      clickMenu(emu, "menuRefreshEvaluation");
      clickMenu(emu, "menuRefreshEvaluation");
      const thrice = emu.values(tab);
      expect(thrice).toEqual(once);
      expect(sheet.getCharts()).toHaveLength(charts);
      const captions = (thrice[0] ?? []).filter((v) => String(v).startsWith(caption));
      expect(captions).toHaveLength(1);
    });
  }
});
