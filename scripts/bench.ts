// `npm run bench`: prints how the built add-on scales inside the emulator: spreadsheet service calls (the cost
// that dominates in Apps Script) and local compute time, for small and large workbooks. Figures only; the tests
// assert call counts, never times.
import { performance } from "node:perf_hooks";
import { budgetVariance } from "../src/domain/budget";
import { Emulator } from "../test/emulator/index";
import { benchEvaluation } from "./bench-evaluation";
import { benchSpend } from "./bench-spend";

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(1)} ms`;
}

function row(label: string, ...cells: (string | number)[]): void {
  console.log(`  ${label.padEnd(44)}${cells.map((c) => String(c).padStart(14)).join("")}`);
}

function campaignRows(n: number, width: number, columns: Map<string, number>): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const r: unknown[] = Array.from({ length: width }, () => "");
    const set = (key: string, v: unknown) => {
      const c = columns.get(key);
      if (c) r[c - 1] = v;
    };
    set("id", `CMP-${String(i).padStart(5, "0")}`);
    set("name", `Campaign ${i}`);
    set("owner", `owner${i % 40}@example.com`);
    set("objective", "Leads");
    set("audience", "Adults 25-40");
    set("channels", "Social, Search");
    set("content", "Clips");
    set("start", new Date(Date.UTC(2026, i % 12, 1)));
    set("end", new Date(Date.UTC(2026, i % 12, 20)));
    set("budget", 1000 + (i % 97) * 10.25);
    set("currency", "EUR");
    rows.push(r);
  }
  return rows;
}

function workbookWith(n: number): Emulator {
  const emu = Emulator.create({ owner: "owner@example.com" });
  emu.install();
  emu.menu("Set up workbook");
  const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
  const columns = new Map<string, number>();
  for (const m of emu.spreadsheet.createDeveloperMetadataFinder().withKey("campaign-control.column").find()) {
    const col = m.getLocation().getColumn();
    if (col && col.getSheet().getName() === "Campaigns") columns.set(m.getValue() ?? "", col.getColumn());
  }
  const width = sheet.getLastColumn();
  if (n > 0) sheet.getRange(2, 1, n, width).setValues(campaignRows(n, width, columns));
  return emu;
}

console.log("Campaign Control benchmarks (dist/Code.js in the emulator; Node", process.version, ")\n");

console.log("List campaigns (rpcListCampaigns), as the sidebar calls it");
row("campaigns", "service calls", "getValues", "time");
for (const n of [10, 5000]) {
  const emu = workbookWith(n);
  emu.counter.reset();
  const start = performance.now();
  const res = emu.run<{ campaigns: unknown[] }>("rpcListCampaigns", {});
  const took = ms(start);
  if (res.campaigns.length !== n) throw new Error(`expected ${n} campaigns, got ${res.campaigns.length}`);
  row(String(n), emu.counter.total(), emu.counter.get("Range.getValues"), took);
}

console.log("\nSet up workbook, run again on a filled workbook (nothing to change)");
row("campaigns", "service calls", "writes", "time");
for (const n of [10, 5000]) {
  const emu = workbookWith(n);
  emu.counter.reset();
  const start = performance.now();
  emu.menu("Set up workbook");
  const took = ms(start);
  const writes = Object.entries(emu.counter.snapshot())
    .filter(([k]) => /\.(set|insert|delete|clear|append)/.test(k))
    .reduce((s, [, v]) => s + v, 0);
  row(String(n), emu.counter.total(), writes, took);
}

console.log("\nBUDGET_VARIANCE over a 10,000-row range");
const planned = Array.from({ length: 10_000 }, (_, i) => [i % 7 === 0 ? "" : 1000 + i * 0.1]);
const actual = Array.from({ length: 10_000 }, (_, i) => [i % 7 === 0 ? "" : 990 + i * 0.3]);
let start = performance.now();
budgetVariance(planned, actual);
row("domain function, one call", "", "", ms(start));

const emu = Emulator.create();
const sheet = emu.spreadsheet.getSheets()[0]!;
sheet.getRange(2, 1, 10_000, 2).setValues(planned.map((p, i) => [p[0], actual[i]![0]]));
start = performance.now();
sheet.getRange("C2").setFormula("=BUDGET_VARIANCE(A2:A, B2:B)");
const spilled = sheet.getRange(2, 3, 10_000, 1).getValues();
row("as a formula in a cell (spills 10,000 rows)", "", "", ms(start));
if (spilled.filter((r) => r[0] !== "").length === 0) throw new Error("the formula produced nothing");

benchSpend();
benchEvaluation();
