// Shared set-up of the org build's tests: workbooks of dist-org/ that export to one emulated BigQuery, each with an
// approved campaign, budget lines, recorded expenses (one over budget and approved), KPIs and readings.
import { join } from "node:path";
import { expect } from "vitest";
import { BigQueryCloud, type Emulator } from "../emulator/index";
import { writeRows as writeByKey } from "./monitor-support";
import {
  addPlans,
  approvePlan,
  decideAll,
  MIA,
  makeReady,
  OWNER,
  recordExpense,
  spendWorkbook,
  writeRows,
} from "./spend-support";
import { ROOT } from "./support";

export const DIST_ORG = join(ROOT, "dist-org");
export const PROJECT = "acme-marketing";
export const DATASET = "campaigns";

export function cloud(): BigQueryCloud {
  const c = new BigQueryCloud();
  c.addDataset(PROJECT, DATASET);
  return c;
}

/** Workbook n (1, 2, 3 ...): different campaigns, amounts and readings, so sums across workbooks mean something. */
export function orgWorkbook(bigquery: BigQueryCloud, n: number): Emulator {
  const emu = spendWorkbook({ bundleDir: DIST_ORG, bigquery, name: `Team ${n} 2026`, now: `2026-03-0${n}T08:00:00Z` });
  const a = `C-${n}01`;
  const b = `C-${n}02`;
  addPlans(emu, [
    { id: a, budget: 500 * n },
    { id: b, budget: 300 },
  ]);
  writeRows(emu, "budget", [
    { campaign: a, category: "Media", month: "2026-03", planned: 300 * n },
    { campaign: a, category: "Events", month: "2026-04", planned: 200 * n },
    { campaign: b, category: "Media", month: "2026-03", planned: 300 },
  ]);
  approvePlan(emu, a);
  makeReady(emu, a);
  const first = recordExpense(emu, MIA, { campaign: a, amount: String(120 * n), category: "Media" });
  expect(first.ok, first.message).toBe(true);
  const over = recordExpense(emu, MIA, { campaign: a, amount: String(450 * n), category: "Events", kind: "committed" });
  expect(over.ok, over.message).toBe(true);
  if (over.requestId) decideAll(emu, a, over.requestId, "approve");
  writeByKey(emu, "kpis", [
    { campaign: a, indicator: "Leads", unit: "", direction: "higher", target: 100 * n, actual: "", weight: 1 },
    { campaign: a, indicator: "Revenue", unit: "CNY", direction: "higher", target: 2000, actual: 1500 * n, weight: 1 },
  ]);
  writeByKey(emu, "readings", [
    { date: "2026-03-10", campaign: a, indicator: "Leads", value: 40 * n },
    { date: "2026-03-20", campaign: a, indicator: "Leads", value: 90 * n },
  ]);
  emu.counter.reset();
  return emu;
}

export interface ExportViewLike {
  readonly ok: boolean;
  readonly last: string;
  readonly enabled: boolean;
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

export function enableExport(emu: Emulator, team: string, project = PROJECT, dataset = DATASET): void {
  const saved = emu.as(OWNER).run<{ ok: boolean; message?: string }>("rpcExportSave", {
    enabled: true,
    project,
    dataset,
    team,
    period: "2026",
  });
  expect(saved.ok, saved.message).toBe(true);
  emu.counter.reset();
}

export function exportNow(emu: Emulator): ExportViewLike {
  return emu.as(OWNER).run<ExportViewLike>("rpcExportNow", {});
}

/** Every table's rows, and the row ids that are there more than once. */
export function duplicates(bigquery: BigQueryCloud): string[] {
  const out: string[] = [];
  for (const [table, t] of bigquery.projects.get(PROJECT)?.datasets.get(DATASET) ?? []) {
    const seen = new Set<string>();
    for (const r of t.rows) {
      const id = String(r.json.row_id);
      if (seen.has(id)) out.push(`${table}:${id}`);
      seen.add(id);
    }
  }
  return out;
}
