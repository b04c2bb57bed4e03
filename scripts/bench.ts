// `npm run bench`: prints how the built add-on scales inside the emulator: spreadsheet service calls (the cost
// that dominates in Apps Script) and local compute time, for small and large workbooks. Figures only; the tests
// assert call counts, never times.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createContext, Script } from "node:vm";
import { budgetVariance } from "../src/domain/budget";
import { CATALOG } from "../src/domain/catalog";
import { installCatalogLoader, LANGS } from "../src/domain/i18n";
import { catalogFile } from "../src/server/shared/catalog";
import { Emulator } from "../test/emulator/index";
import { benchEvaluation } from "./bench-evaluation";
import { benchGrowth } from "./bench-growth";
import { benchSpend } from "./bench-spend";
import { columnsOf } from "./bench-workbook";

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
  const columns = columnsOf(emu).get("Campaigns") ?? new Map<string, number>();
  const width = sheet.getLastColumn();
  if (n > 0) emu.fill("Campaigns", 2, 1, campaignRows(n, width, columns));
  return emu;
}

// Domain code called directly below words its texts from the source catalogs (Code.js reads dist/i18n-*.html).
installCatalogLoader((lang) => CATALOG[lang]);

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

function median(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2)} ms`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

console.log("Campaign Control benchmarks (dist/Code.js in the emulator; Node", process.version, ")\n");

console.log("What every execution pays first: Apps Script compiles Code.js and runs its top level each time");
row("", "size", "median of 30");
const code = readFileSync(join(DIST, "Code.js"), "utf8");
const compile: number[] = [];
for (let i = 0; i < 30; i++) {
  // A different source each time, so V8's compilation cache cannot answer: every execution compiles afresh.
  const source = `${code}\n// execution ${i}\n`;
  const context = createContext({});
  const began = performance.now();
  new Script(source, { filename: "Code.js" }).runInContext(context);
  compile.push(performance.now() - began);
}
row("Code.js: compile + top level, fresh context", kb(Buffer.byteLength(code)), median(compile));
for (const lang of LANGS) {
  // The first t() of an execution: one HtmlService read (a service call, not timed here) and this parse.
  const text = readFileSync(join(DIST, `${catalogFile(lang)}.html`), "utf8");
  const parse: number[] = [];
  for (let i = 0; i < 30; i++) {
    const began = performance.now();
    JSON.parse(text);
    parse.push(performance.now() - began);
  }
  row(`first t() in ${lang}: JSON.parse of ${catalogFile(lang)}.html`, kb(Buffer.byteLength(text)), median(parse));
}
console.log("");

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
emu.fill(
  sheet.getName(),
  2,
  1,
  planned.map((p, i) => [p[0], actual[i]![0]]),
);
start = performance.now();
sheet.getRange("C2").setFormula("=BUDGET_VARIANCE(A2:A, B2:B)");
const spilled = sheet.getRange(2, 3, 10_000, 1).getValues();
row("as a formula in a cell (spills 10,000 rows)", "", "", ms(start));
if (spilled.filter((r) => r[0] !== "").length === 0) throw new Error("the formula produced nothing");

benchSpend();
benchEvaluation();
// Before the growth figures: their reference year stops at present in its Variance report refresh (a write of more
// than 50,000 characters into one cell is refused), and the export refreshes no report.
await import("./bench-org").then((m) => m.benchOrg());
benchGrowth();
await import("./bench-log").then((m) => m.benchLog());
