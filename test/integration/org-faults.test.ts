// Exactly once under faults: an export killed at its k-th service call, for every k, then run again, leaves every row
// in the emulated BigQuery exactly once (the time limit, a quota or a crash can stop a run anywhere; the checkpoint
// saved with each request as pending, and the check of a pending request, make the retry neither lose nor repeat).
// Bad input: an unreachable project, a missing dataset, a missing permission or a disabled API gives one clear message
// in the sidebar and the Monitor tab; the workbook keeps working, and the next run sends everything.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BigQueryCloud } from "../emulator/index";
import { Emulator } from "../emulator/index";
import { killedAt } from "./faults-support";
import { monitorRows } from "./monitor-support";
import { cloud, DATASET, DIST_ORG, duplicates, enableExport, exportNow, orgWorkbook, PROJECT } from "./org-support";
import { MIA, OWNER, recordExpense } from "./spend-support";
import { ROOT } from "./support";

/** Every table's row ids, sorted: what a complete export holds. */
function held(bq: BigQueryCloud): string[] {
  const out: string[] = [];
  for (const [table, t] of bq.projects.get(PROJECT)?.datasets.get(DATASET) ?? []) {
    for (const r of t.rows) out.push(`${table}:${String(r.json.row_id)}`);
  }
  return out.sort();
}

function cloneCloud(bq: BigQueryCloud): BigQueryCloud {
  const copy = cloud();
  for (const [table, t] of bq.projects.get(PROJECT)?.datasets.get(DATASET) ?? []) {
    copy.projects.get(PROJECT)?.datasets.get(DATASET)?.set(table, structuredClone(t));
  }
  return copy;
}

describe("the export is exactly once when a run is killed anywhere", () => {
  it("a first export and an incremental one, killed at every service call, end with every row once", {
    timeout: 300_000,
  }, () => {
    const base = cloud();
    const seed = orgWorkbook(base, 1);
    enableExport(seed, "North");
    const start = seed.save();

    // What an export that is never killed leaves, first in full and then after a day's new events.
    const clean = cloud();
    const ref = Emulator.restore(start, { bundleDir: DIST_ORG, owner: OWNER, bigquery: clean });
    exportNow(ref);
    const firstRun = held(clean);
    expect(firstRun.length).toBeGreaterThan(20);

    // The incremental run's start: the first export done, then a day's activity (an expense recorded).
    const more = recordExpense(ref, MIA, { campaign: "C-101", amount: "10", category: "Media" });
    expect(more.ok, more.message).toBe(true);
    const later = ref.save();
    const afterFirst = cloneCloud(clean);
    exportNow(ref);
    const secondRun = held(clean);
    expect(secondRun.length).toBeGreaterThan(firstRun.length);

    for (const [state, expected, base] of [
      [start, firstRun, null],
      [later, secondRun, afterFirst],
    ] as const) {
      let k = 1;
      let completed = false;
      for (; !completed && k < 400; k++) {
        const bq = base ? cloneCloud(base) : cloud();
        const emu = Emulator.restore(state, { bundleDir: DIST_ORG, owner: OWNER, bigquery: bq });
        completed = killedAt(emu, k, () => exportNow(emu));
        // The clock moves past the insertId memory: only the add-on's own checkpoint can prevent a repeat.
        emu.advance(2 * 60_000);
        exportNow(emu);
        expect(duplicates(bq), `k=${k}`).toEqual([]);
        expect(held(bq), `k=${k}`).toEqual(expected);
      }
      expect(completed, "the export completes within 400 calls").toBe(true);
      expect(k).toBeGreaterThan(10);
    }
  });
});

describe("a target that cannot be reached", () => {
  const cases: [string, (bq: BigQueryCloud) => void, RegExp][] = [
    ["an unknown project", (bq) => bq.projects.delete(PROJECT), /project acme-marketing cannot be reached/],
    [
      "a missing dataset",
      (bq) => bq.projects.get(PROJECT)?.datasets.delete(DATASET),
      /Dataset campaigns was not found/,
    ],
    [
      "a missing permission",
      (bq) => {
        const p = bq.projects.get(PROJECT);
        if (p) p.access = "read";
      },
      /may not write to acme-marketing\.campaigns/,
    ],
    [
      "a disabled API",
      (bq) => {
        const p = bq.projects.get(PROJECT);
        if (p) p.apiEnabled = false;
      },
      /BigQuery API is disabled in project acme-marketing/,
    ],
  ];
  for (const [what, breakIt, message] of cases) {
    it(`${what}: one clear message in the sidebar and the Monitor tab; the workbook goes on; the next run sends all`, () => {
      const bq = cloud();
      const emu = orgWorkbook(bq, 2);
      enableExport(emu, "South");
      const saved = structuredClone(bq.projects.get(PROJECT));
      breakIt(bq);
      const view = exportNow(emu);
      expect(view.ok).toBe(false);
      expect(view.last).toMatch(message);
      const row = monitorRows(emu).find((r) => String(r.kind) === "BigQuery export");
      expect(String(row?.message)).toMatch(message);
      // The workbook keeps working: an expense is recorded meanwhile.
      expect(recordExpense(emu, MIA, { campaign: "C-201", amount: "5", category: "Media" }).ok).toBe(true);
      // Fixed: the next run sends everything, once, and the Monitor row goes.
      if (saved) bq.projects.set(PROJECT, saved);
      const again = exportNow(emu);
      expect(again.ok, again.last).toBe(true);
      expect(bq.rows(PROJECT, DATASET, "approval_events").length).toBeGreaterThan(5);
      expect(duplicates(bq)).toEqual([]);
      expect(monitorRows(emu).find((r) => String(r.kind) === "BigQuery export")).toBeUndefined();
    });
  }

  it("the default build has no BigQuery global and its manifest asks for no BigQuery scope", () => {
    const emu = Emulator.create();
    expect(emu.functions).not.toContain("rpcExportNow");
    const manifest = JSON.parse(readFileSync(join(ROOT, "dist", "appsscript.json"), "utf8")) as Record<string, unknown>;
    expect(JSON.stringify(manifest)).not.toMatch(/bigquery/i);
    const org = JSON.parse(readFileSync(join(DIST_ORG, "appsscript.json"), "utf8")) as { oauthScopes: string[] };
    expect(org.oauthScopes).toContain("https://www.googleapis.com/auth/bigquery");
  });
});
