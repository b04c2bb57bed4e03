// `npm run bench`, budget control: the Variance report refreshed for 5,000 campaigns, 20,000 budget lines and
// 100,000 expenses by dist/Code.js in the emulator, against the same refresh on 10 rows (the call counts must not
// grow), the domain computation timed on its own, and a naive cell-by-cell implementation of the same report counted
// with the emulator's call counter. Both are turned into estimated Apps Script time with a stated latency model.
import { performance } from "node:perf_hooks";
import {
  buildLedger,
  foldPositions,
  overrunDecisionsOf,
  reportFrom,
  type SourceRow,
  type SpendSettings,
} from "../src/domain/spend";
import {
  decide,
  emptyCampaign,
  foldCampaign,
  foldEvents,
  type LogEntry,
  type RequestView,
  submit,
} from "../src/domain/workflow";
import { layoutReport } from "../src/workbook/spend/variance-sheet";
import { Emulator } from "../test/emulator/index";
import { columnsOf, writeLog, writeRecords } from "./bench-workbook";

/**
 * The latency model, from Google's "Best practices" for Apps Script (developers.google.com/apps-script/guides/support/
 * best-practices, "Use batch operations"): a script that sets the background of each cell of a 100 x 100 grid one
 * call at a time "takes 70 seconds to run"; the same work as one setBackgrounds call on the whole range takes about
 * 1 second. So: about 7 ms per spreadsheet service call (70 s / 10,000 calls), and at most 0.1 ms per cell moved in a
 * batched call (1 s / 10,000 cells, an upper bound: that second also computes the 10,000 colours).
 */
const MS_PER_CALL = 70_000 / 10_000;
const MS_PER_CELL_UPPER = 1_000 / 10_000;

const OWNER = "owner@example.com";
const MIA = "mia@example.com";
const LEO = "leo@example.com";
const CATEGORIES = ["Media", "Content", "Events", "KOL", "Travel", "Other"];

function row(label: string, ...cells: (string | number)[]): void {
  console.log(`  ${label.padEnd(50)}${cells.map((c) => String(c).padStart(20)).join("")}`);
}

function seconds(ms: number): string {
  return ms >= 60_000 ? `${(ms / 60_000).toFixed(1)} min` : `${(ms / 1000).toFixed(2)} s`;
}

function isoDay(n: number): string {
  return new Date(Date.UTC(2026, 0, 1 + (n % 365))).toISOString().slice(0, 10);
}

/** Approval-log rows for the plans of the first `approved` campaigns: submitted by Mia, approved by Leo. */
function approvals(ids: readonly string[], budget: (i: number) => number): LogEntry[] {
  const settings = { levels: [{ approvers: [LEO], limit: null }], delegations: [] };
  const at = "2026-01-05T09:00:00+01:00";
  const events: LogEntry[] = [];
  ids.forEach((id, i) => {
    const plan = {
      name: `Campaign ${i + 1}`,
      owner: MIA,
      objective: "Leads",
      audience: "SMB owners",
      channels: ["Email", "Events"],
      content: "Webinar",
      place: "Online",
      start: "2026-01-10",
      end: "2026-12-20",
      budget: Math.round(budget(i) * 100),
      currency: "USD",
      kpis: [{ indicator: "Leads", target: 500, unit: "", direction: "higher" }],
    };
    const requestId = `plan-${String(i).padStart(8, "0")}`;
    const submitted = submit({
      view: emptyCampaign(id),
      submission: { type: "plan", plan },
      requestId,
      eventId: `e-${i}-1`,
      actor: MIA,
      at,
      settings,
    });
    if (!submitted.ok) throw new Error(`plan ${id}: ${submitted.error.kind}`);
    const view = foldCampaign(submitted.value.events, id);
    const approved = decide({
      view,
      requestId,
      action: "approve",
      actor: LEO,
      comment: "",
      seenVersion: 1,
      at,
      eventId: `e-${i}-2`,
      settings,
    });
    if (!approved.ok) throw new Error(`approve ${id}: ${approved.error.kind}`);
    events.push(...submitted.value.events, ...approved.value.events);
  });
  return events;
}

interface Size {
  readonly campaigns: number;
  readonly lines: number;
  readonly expenses: number;
}

/** A set-up workbook of this size: 90 % of the campaigns approved, three currencies, 95 % of expenses assessed. */
function workbook(size: Size): Emulator {
  const emu = Emulator.create({ owner: OWNER });
  emu.install();
  emu.menu("Set up workbook");
  const ids = Array.from({ length: size.campaigns }, (_, i) => `CMP-${String(i + 1).padStart(5, "0")}`);
  const budget = (i: number) => 20_000 + (i % 97) * 250;
  writeRecords(
    emu,
    "Campaigns",
    ids.map((id, i) => ({ id, name: `Campaign ${i + 1}`, owner: MIA, budget: budget(i), kpis: "Leads 500" })),
  );
  const approvedCount = Math.max(1, Math.floor(size.campaigns * 0.9));
  writeLog(emu, approvals(ids.slice(0, approvedCount), budget));
  writeRecords(emu, "Rates", [
    ...Array.from({ length: 12 }, (_, m) => ({ currency: "EUR", rate: 1.08 + m * 0.005, validFrom: isoDay(m * 31) })),
    ...Array.from({ length: 12 }, (_, m) => ({ currency: "CNY", rate: 0.137 + m * 0.0004, validFrom: isoDay(m * 31) })),
  ]);
  writeRecords(
    emu,
    "Budget",
    Array.from({ length: size.lines }, (_, i) => ({
      campaign: ids[i % size.campaigns],
      category: CATEGORIES[i % CATEGORIES.length],
      month: `2026-${String(1 + (i % 12)).padStart(2, "0")}`,
      planned: 1000 + (i % 53) * 37.5,
      currency: i % 10 === 0 ? "EUR" : "",
    })),
  );
  writeRecords(
    emu,
    "Expenses",
    Array.from({ length: size.expenses }, (_, i) => ({
      id: `E-${String(i + 1).padStart(6, "0")}`,
      date: isoDay(i),
      campaign: ids[(i * 7) % size.campaigns],
      category: CATEGORIES[i % CATEGORIES.length],
      vendor: `Vendor ${i % 311}`,
      description: "Ad space",
      amount: 5 + (i % 89) * 1.25,
      currency: i % 50 === 0 ? "CNY" : i % 12 === 0 ? "EUR" : "",
      kind: i % 5 === 0 ? "Committed" : "Actual",
      receiptLink: "https://drive.example.com/r",
      reimbursable: "No",
      requestedBy: MIA,
      status: i % 20 === 0 ? "" : "Recorded",
    })),
  );
  emu.counter.reset();
  return emu;
}

const SPREADSHEET =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|DeveloperMetadata\w*|ConditionalFormatRule\w*|EmbeddedChart\w*|DataValidation\w*)\./;

function spreadsheetCalls(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([k]) => SPREADSHEET.test(k))
    .reduce((s, [, v]) => s + v, 0);
}

/** Cells moved by the batched calls (reads of whole tabs and writes of whole ranges). */
function cellsOf(emu: Emulator, tabs: readonly string[]): number {
  return tabs.reduce((n, tab) => {
    const sheet = emu.spreadsheet.getSheetByName(tab);
    return n + (sheet ? sheet.getLastRow() * sheet.getLastColumn() : 0);
  }, 0);
}

const SOURCE_TABS = ["Settings", "Campaigns", "Approval log", "Budget", "Expenses", "Rates"];

/** The domain's work on the same cells, timed alone: decode, convert, fold, group, lay out. */
function computeOnly(emu: Emulator): number {
  const columns = columnsOf(emu);
  const sources = (tab: string): SourceRow[] => {
    const keys = [...(columns.get(tab) ?? new Map()).entries()];
    return emu
      .values(tab)
      .slice(1)
      .map((cells, i) => ({ row: i + 2, values: Object.fromEntries(keys.map(([k, c]) => [k, cells[c - 1]])) }));
  };
  const budget = sources("Budget");
  const expenses = sources("Expenses");
  const rates = sources("Rates");
  const logKeys = [...(columns.get("Approval log") ?? new Map()).entries()];
  const log = emu
    .values("Approval log")
    .slice(1)
    .map((cells) => Object.fromEntries(logKeys.map(([k, c]) => [k, cells[c - 1]])));
  const campaigns = emu
    .values("Campaigns")
    .slice(1)
    .map((r) => String(r[0]));
  const settings: SpendSettings = {
    workbookCurrency: "USD",
    warnAt: 0.9,
    enforceLines: false,
    receiptRequiredAbove: 0,
    finance: [],
  };
  const formatted = new Map<number, string>();
  const formatDate = (d: Date) => {
    let text = formatted.get(d.getTime());
    if (text === undefined) {
      text = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
      formatted.set(d.getTime(), text);
    }
    return text;
  };
  const start = performance.now();
  const events = log.map((v) => ({
    ...v,
    seq: Number(v.seq),
    requestVersion: Number(v.requestVersion),
    level: Number(v.level),
  })) as unknown as LogEntry[];
  const fold = foldEvents(events);
  const requests: RequestView[] = [];
  const approved = new Set<string>();
  for (const [id, view] of fold.campaigns) {
    requests.push(...view.requests);
    if (view.state === "PlanApproved") approved.add(id);
  }
  const ledger = buildLedger({ budget, expenses, rates, campaigns }, { workbookCurrency: "USD", formatDate });
  const positions = foldPositions(ledger, {
    settings,
    decisions: overrunDecisionsOf(requests),
    approvedCampaigns: approved,
  });
  const report = reportFrom(ledger, positions, settings.warnAt);
  layoutReport(report, { lang: "en", refreshedAt: "now", problems: [] });
  return performance.now() - start;
}

/**
 * The same report, naively: every source cell read with its own getValue and every cell of the same report grid
 * written with its own setNumberFormat and setValue (the computation between them is the same and makes no call).
 */
function naiveRefresh(emu: Emulator): number {
  const ss = emu.spreadsheet;
  const batched = ss.getSheetByName("Variance report");
  if (!batched) throw new Error("refresh the report first");
  const whole = batched.getRange(1, 1, batched.getLastRow(), batched.getLastColumn());
  const grid = whole.getValues();
  const formats = whole.getNumberFormats();
  emu.counter.reset();
  for (const tab of SOURCE_TABS) {
    const sheet = ss.getSheetByName(tab);
    if (!sheet) continue;
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) sheet.getRange(r, c).getValue();
  }
  const out = ss.insertSheet("Naive report");
  if (out.getMaxRows() < grid.length) out.insertRowsAfter(out.getMaxRows(), grid.length - out.getMaxRows());
  for (let r = 0; r < grid.length; r++) {
    const line = grid[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const cell = out.getRange(r + 1, c + 1);
      cell.setNumberFormat(formats[r]?.[c] ?? "General");
      cell.setValue(line[c]);
    }
  }
  return spreadsheetCalls(emu.counter.snapshot());
}

function refresh(emu: Emulator): { counts: Record<string, number>; ms: number } {
  emu.counter.reset();
  const start = performance.now();
  emu.menu("Refresh variance report");
  const ms = performance.now() - start;
  return { counts: emu.counter.snapshot(), ms };
}

export function benchSpend(): void {
  console.log("\nVariance report (menuRefreshVariance): one read per source tab, one write per output range");
  const small = workbook({ campaigns: 10, lines: 10, expenses: 10 });
  const big = workbook({ campaigns: 5000, lines: 20_000, expenses: 100_000 });
  const a = refresh(small);
  const b = refresh(big);
  row("campaigns / budget lines / expenses", "10 / 10 / 10", "5,000 / 20k / 100k");
  row("spreadsheet service calls", spreadsheetCalls(a.counts), spreadsheetCalls(b.counts));
  row("  of which Range.getValues (reads)", a.counts["Range.getValues"] ?? 0, b.counts["Range.getValues"] ?? 0);
  row("  of which Range.setValues", a.counts["Range.setValues"] ?? 0, b.counts["Range.setValues"] ?? 0);
  row(
    "Utilities.formatDate (once per distinct date)",
    a.counts["Utilities.formatDate"] ?? 0,
    b.counts["Utilities.formatDate"] ?? 0,
  );
  row("emulator wall time (incl. emulator overhead)", `${a.ms.toFixed(0)} ms`, `${b.ms.toFixed(0)} ms`);
  const same = spreadsheetCalls(a.counts) === spreadsheetCalls(b.counts);
  console.log(`  same number of spreadsheet calls for both sizes: ${same ? "yes" : "NO"}`);

  const compute = [computeOnly(big), computeOnly(big), computeOnly(big)].sort((x, y) => x - y)[1] ?? 0;
  row("computation (decode, convert, fold, group, layout)", "", `${compute.toFixed(0)} ms`);
  console.log(`  target < 1,500 ms: ${compute < 1500 ? "met" : "NOT met"}`);

  const naive = { calls: naiveRefresh(big) };
  const batchedCalls = spreadsheetCalls(b.counts);
  const cells = cellsOf(big, [...SOURCE_TABS, "Variance report"]);
  console.log("\nThe same report cell by cell (getValue / setValue per cell), counted by the emulator");
  row("", "batched", "cell by cell");
  row("spreadsheet service calls", batchedCalls, naive.calls);
  console.log(
    `\n  Estimated Apps Script time, latency model from Google's best-practices example (100 x 100 cells: ~70 s one call\n` +
      `  per cell, ~1 s batched): ${MS_PER_CALL} ms per service call, plus at most ${MS_PER_CELL_UPPER} ms per cell moved in bulk.`,
  );
  row("calls x 7 ms", seconds(batchedCalls * MS_PER_CALL), seconds(naive.calls * MS_PER_CALL));
  row(
    `calls x 7 ms + ${(cells / 1e6).toFixed(2)} M cells x 0.1 ms (upper bound)`,
    seconds(batchedCalls * MS_PER_CALL + cells * MS_PER_CELL_UPPER),
    seconds(naive.calls * MS_PER_CALL),
  );
  console.log("  (Apps Script stops an execution after 6 minutes.)");
}
