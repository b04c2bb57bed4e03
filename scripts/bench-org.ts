// The org build's BigQuery export at the growth reference size (scripts/bench-growth.ts): rows and requests of a first
// export of the department-year, and of an incremental run after one day of typical activity, with the Apps Script
// time each would take by the latency model (scripts/bench-latency.ts) plus an assumed cost per BigQuery request.
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { BigQueryCloud, type Emulator } from "../test/emulator/index";
import { REFERENCE, yearWorkbook } from "./bench-growth";
import { duration, estimate } from "./bench-latency";
import { columnsOf } from "./bench-workbook";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const OWNER = "owner@example.com";
const MIA = "mia@example.com";
/**
 * Google publishes no latency for BigQuery calls from Apps Script. Assumed here: 0.5 s per streaming request of up to
 * 500 rows and 2 s per table creation, dataset lookup or query (a query job's start-up), generous for calls within
 * Google's network; the figures below show them apart so another assumption is easy to apply.
 */
const MS_INSERT = 500;
const MS_OTHER = 2000;
const LIMIT_MS = 6 * 60_000;

function n(x: number): string {
  return x.toLocaleString("en-US");
}

function row(label: string, ...cells: (string | number)[]): void {
  console.log(`  ${label.padEnd(52)}${cells.map((c) => String(c).padStart(13)).join("")}`);
}

function measure(emu: Emulator, bq: BigQueryCloud, run: () => void) {
  emu.counter.reset();
  const before = bq.requests.length;
  const t0 = performance.now();
  run();
  const wall = performance.now() - t0;
  const requests = bq.requests.slice(before);
  const counts = Object.fromEntries(
    Object.entries(emu.counter.snapshot()).filter(([method]) => !method.startsWith("BigQuery.")),
  );
  const sheet = estimate(counts, emu.counter.cells());
  const inserts = requests.filter((r) => r.method === "tabledata.insertAll");
  const others = requests.length - inserts.length;
  const bqMs = inserts.length * MS_INSERT + others * MS_OTHER;
  return {
    rows: inserts.reduce((s, r) => s + r.rows, 0),
    inserts: inserts.length,
    others,
    bytes: inserts.reduce((s, r) => s + r.bytes, 0),
    largest: Math.max(0, ...inserts.map((r) => r.bytes)),
    calls: sheet.calls,
    lower: sheet.callsMs + bqMs,
    upper: sheet.upperMs + bqMs,
    wall,
  };
}

export function benchOrg(): void {
  console.log("\nOrg build: BigQuery export of the reference department-year (dist-org)");
  const bq = new BigQueryCloud();
  bq.addDataset("acme-marketing", "campaigns");
  // Without the reports' refresh (the export reads what they read and writes none of them), and with the log sealed
  // under the document's key, so that it verifies and every event goes out.
  const emu = yearWorkbook(
    REFERENCE,
    { bundleDir: join(root, "dist-org"), bigquery: bq, wallTimeoutMs: 600_000 },
    false,
    true,
  );
  emu.as(OWNER).run("rpcExportSave", {
    enabled: true,
    project: "acme-marketing",
    dataset: "campaigns",
    team: "North",
    period: "2026",
  });
  const first = measure(emu, bq, () => emu.as(OWNER).run("rpcExportNow", {}));
  // One day of the reference year's activity: its 20,000 events, 20,000 expenses and 50,000 readings over 365 days
  // are about 55 events, 55 expenses and 137 readings a day. Recorded here: 20 expenses through the add-on (a sealed
  // event each) and 137 readings typed into the tab.
  const recorded = 20;
  for (let i = 0; i < recorded; i++) {
    const answer = emu.as(MIA).run<{ ok: boolean; message?: string }>("rpcRecordExpense", {
      draft: {
        date: "2026-06-02",
        campaign: `CMP-${String((i % 50) + 1).padStart(5, "0")}`,
        category: "Media",
        vendor: "Print shop",
        description: "Flyers",
        amount: "10",
        currency: "",
        kind: "actual",
        receiptLink: "https://drive.example.com/r",
        reimbursable: false,
      },
      requestId: `bench-day-${String(i).padStart(4, "0")}-0000`,
    });
    if (!answer.ok) throw new Error(`recording an expense failed: ${answer.message}`);
  }
  // Typed below the last reading, as a person adds them.
  const readings = emu.spreadsheet.getSheetByName("KPI readings");
  const columns = columnsOf(emu).get("KPI readings");
  if (!readings || !columns) throw new Error("no KPI readings tab");
  const width = Math.max(...columns.values());
  emu.fill(
    "KPI readings",
    readings.getLastRow() + 1,
    1,
    Array.from({ length: 137 }, (_, i) => {
      const cells: unknown[] = new Array(width).fill("");
      const set = (key: string, value: unknown) => {
        cells[(columns.get(key) ?? 0) - 1] = value;
      };
      set("date", "2026-06-02");
      set("campaign", `CMP-${String((i % 500) + 1).padStart(5, "0")}`);
      set("indicator", "Leads");
      set("value", 1000 + i);
      return cells;
    }),
  );
  const day = measure(emu, bq, () => emu.as(OWNER).run("rpcExportNow", {}));
  row("", "first export", "a day later");
  row("rows sent", n(first.rows), n(day.rows));
  row("insertAll requests (at most 500 rows each)", n(first.inserts), n(day.inserts));
  row("other BigQuery requests (dataset, tables, query)", n(first.others), n(day.others));
  row("bytes sent", n(first.bytes), n(day.bytes));
  row("  largest request (limit 10 MB)", n(first.largest), n(day.largest));
  row("spreadsheet, properties and other calls", n(first.calls), n(day.calls));
  row("estimated Apps Script time: calls only", duration(first.lower), duration(day.lower));
  row("  upper bound (every cell moved at 0.1 ms)", duration(first.upper), duration(day.upper));
  row("  within the 6-minute limit", first.upper < LIMIT_MS ? "yes" : "no", day.upper < LIMIT_MS ? "yes" : "no");
  row("the run in the emulator (wall clock)", duration(first.wall), duration(day.wall));
  console.log(
    `  (${recorded} expenses recorded and 137 readings typed between the runs; BigQuery requests charged ` +
      `${MS_INSERT} ms per insert and ${MS_OTHER} ms otherwise, an assumption)`,
  );
}
