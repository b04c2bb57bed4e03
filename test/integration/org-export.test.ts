// The org build (dist-org/) exporting to the emulated BigQuery: tables created with their schema, partitioning and
// clustering; facts once each; snapshots whole; the next run sends only what changed.
import { describe, expect, it } from "vitest";
import { cloud, DATASET, duplicates, enableExport, exportNow, orgWorkbook, PROJECT } from "./org-support";

describe("the org build's BigQuery export", () => {
  it("creates its tables and sends every fact and snapshot once", () => {
    const bq = cloud();
    const emu = orgWorkbook(bq, 1);
    enableExport(emu, "North");
    const view = exportNow(emu);
    expect(view.ok, view.last).toBe(true);
    const rows = (t: string) => bq.rows(PROJECT, DATASET, t);
    expect(rows("approval_events").length).toBeGreaterThan(5);
    expect(rows("expense_events").length).toBeGreaterThan(1);
    expect(rows("kpi_readings")).toHaveLength(2);
    expect(rows("campaigns")).toHaveLength(2);
    expect(rows("budget_lines").length).toBeGreaterThan(0);
    expect(duplicates(bq)).toEqual([]);
    const table = bq.table(PROJECT, DATASET, "approval_events");
    expect(table?.resource.timePartitioning).toEqual({ type: "DAY", field: "event_date" });
    expect(table?.resource.clustering.fields).toEqual(["workbook_id", "campaign_id"]);
    for (const r of rows("approval_events")) {
      expect(r.workbook_id).toBe(emu.spreadsheet.getId());
      expect(r.period).toBe("2026");
      expect(r.team).toBe("North");
    }
    const before = bq.requests.length;
    const again = exportNow(emu);
    expect(again.ok, again.last).toBe(true);
    expect(bq.requests.length).toBe(before);
    expect(duplicates(bq)).toEqual([]);
  });
});
