// `npm run bench`, monitoring and evaluation: the evaluation report and the team scorecard refreshed by dist/Code.js in
// the emulator for 5,000 campaigns, 20,000 KPI rows and 100,000 readings, against the same refresh on 50 campaigns (the
// spreadsheet calls must not grow with the rows), the domain computation timed on its own, a monitoring run at that
// size, and each custom function over a 10,000-row range in one call.
import { performance } from "node:perf_hooks";
import {
  campaignGrade,
  campaignRoi,
  campaignScore,
  DEFAULT_EVALUATION_SETTINGS,
  decodeRows,
  evaluate,
  kpiAttainment,
  type SheetRow,
  scorecard,
} from "../src/domain/evaluation";
import {
  type CampaignView,
  decide,
  emptyCampaign,
  foldCampaign,
  type LogEntry,
  operate,
  submit,
} from "../src/domain/workflow";
import { Emulator } from "../test/emulator/index";
import { writeLog, writeRecords } from "./bench-workbook";

const OWNER = "owner@example.com";
const LEO = "leo@example.com";
const DATES = ["2026-03-05", "2026-03-12", "2026-03-19", "2026-03-26", "2026-04-02"];

function row(label: string, ...cells: (string | number)[]): void {
  console.log(`  ${label.padEnd(46)}${cells.map((c) => String(c).padStart(14)).join("")}`);
}

function ms(start: number): string {
  return `${(performance.now() - start).toFixed(0)} ms`;
}

interface Size {
  readonly campaigns: number;
  /** KPI rows per campaign (Leads, CPL, Sales, Reach): 4. */
  readonly readingsPerKpi: number;
}

const owner = (i: number) => `owner${i % 40}@example.com`;
const idOf = (i: number) => `CMP-${String(i + 1).padStart(5, "0")}`;

function records(size: Size) {
  const campaigns = Array.from({ length: size.campaigns }, (_, i) => ({
    id: idOf(i),
    name: `Campaign ${i + 1}`,
    owner: owner(i),
    objective: "Leads",
    audience: i % 2 === 0 ? "SMB owners" : "Students",
    channels: i % 3 === 0 ? "Email, Events" : "Social, Search",
    content: "Clips",
    place: "Online",
    start: "2026-03-01",
    end: "2026-04-30",
    budget: 20000,
    currency: "",
    kpis: "Leads 500",
  }));
  const kpis: Record<string, unknown>[] = [];
  const readings: Record<string, unknown>[] = [];
  campaigns.forEach((c, i) => {
    const list = [
      { indicator: "Leads", unit: "leads", direction: "Higher is better", target: 500, weight: 2 },
      { indicator: "CPL", unit: "USD", direction: "Lower is better", target: 24, weight: 1 },
      { indicator: "Sales", unit: "USD", direction: "Higher is better", target: 60000, weight: 1 },
      { indicator: "Reach", unit: "", direction: "Higher is better", target: 100000, weight: 0 },
    ];
    for (const k of list) {
      kpis.push({ campaign: c.id, ...k, actual: "", source: "CRM" });
      for (let d = 0; d < size.readingsPerKpi; d++) {
        const progress = (d + 1) / size.readingsPerKpi;
        const value = k.indicator === "CPL" ? 20 + (i % 9) : Math.round(k.target * progress * (0.6 + (i % 7) / 10));
        readings.push({ date: DATES[d % DATES.length], campaign: c.id, indicator: k.indicator, value });
      }
    }
  });
  const tasks = campaigns.flatMap((c, i) => [
    {
      campaign: c.id,
      step: "Prepare",
      owner: owner(i),
      start: "2026-03-01",
      due: "2026-03-10",
      deliverable: "Plan",
      status: "Done",
    },
    {
      campaign: c.id,
      step: "Run",
      owner: owner(i),
      start: "2026-03-11",
      due: "2026-04-30",
      deliverable: "Report",
      status: "",
    },
  ]);
  return { campaigns, kpis, readings, tasks };
}

/** The approval log of every campaign: plan and execution approved by Leo, started; every other one completed. */
function approvals(campaigns: readonly { id: string; owner: string; name: string }[]): LogEntry[] {
  const settings = { levels: [{ approvers: [LEO], limit: null }], delegations: [] };
  const at = "2026-02-20T09:00:00+01:00";
  const events: LogEntry[] = [];
  campaigns.forEach((c, i) => {
    let history: LogEntry[] = [];
    let view: CampaignView = emptyCampaign(c.id);
    const step = (result: ReturnType<typeof submit>, what: string) => {
      if (!result.ok) throw new Error(`${what} ${c.id}: ${result.error.kind}`);
      history = [...history, ...result.value.events];
      view = foldCampaign(history, c.id);
    };
    const plan = {
      name: c.name,
      owner: c.owner,
      objective: "Leads",
      audience: "SMB owners",
      channels: ["Email"],
      content: "Clips",
      place: "Online",
      start: "2026-03-01",
      end: "2026-04-30",
      budget: 2_000_000,
      currency: "USD",
      kpis: [{ indicator: "Leads", target: 500, unit: "", direction: "higher" }],
    };
    const task = { step: "Run", owner: c.owner, start: "2026-03-01", due: "2026-04-30", deliverable: "Report" };
    const actor = c.owner;
    step(
      submit({
        view,
        submission: { type: "plan", plan },
        requestId: `p-${i}`,
        eventId: `e-${i}-1`,
        actor,
        at,
        settings,
      }),
      "plan",
    );
    step(
      decide({
        view,
        requestId: `p-${i}`,
        action: "approve",
        actor: LEO,
        comment: "",
        seenVersion: 1,
        at,
        eventId: `e-${i}-2`,
        settings,
      }),
      "approve",
    );
    step(
      submit({
        view,
        submission: { type: "execution", tasks: [task] },
        requestId: `x-${i}`,
        eventId: `e-${i}-3`,
        actor,
        at,
        settings,
      }),
      "execution",
    );
    step(
      decide({
        view,
        requestId: `x-${i}`,
        action: "approve",
        actor: LEO,
        comment: "",
        seenVersion: 1,
        at,
        eventId: `e-${i}-4`,
        settings,
      }),
      "approve",
    );
    step(operate({ view, operation: "start", actor, at, eventId: `e-${i}-5` }), "start");
    if (i % 2 === 0) step(operate({ view, operation: "complete", actor, at, eventId: `e-${i}-6` }), "complete");
    events.push(...history);
  });
  return events;
}

function workbook(size: Size): { emu: Emulator; counts: { campaigns: number; kpis: number; readings: number } } {
  const emu = Emulator.create({ owner: OWNER, now: "2026-04-05T08:00:00Z" });
  emu.install();
  emu.menu("Set up workbook");
  const r = records(size);
  writeRecords(emu, "Campaigns", r.campaigns);
  writeLog(emu, approvals(r.campaigns));
  writeRecords(emu, "Tasks", r.tasks);
  writeRecords(emu, "KPIs", r.kpis);
  writeRecords(emu, "KPI readings", r.readings);
  writeRecords(
    emu,
    "Budget",
    r.campaigns.map((c) => ({ campaign: c.id, category: "Media", month: "2026-03", planned: 20000, currency: "" })),
  );
  writeRecords(
    emu,
    "Expenses",
    r.campaigns.map((c, i) => ({
      id: `E-${i + 1}`,
      date: "2026-03-15",
      campaign: c.id,
      category: "Media",
      amount: 5000 + (i % 50) * 100,
      currency: "",
      kind: "Actual",
      status: "Recorded",
    })),
  );
  emu.counter.reset();
  return { emu, counts: { campaigns: r.campaigns.length, kpis: r.kpis.length, readings: r.readings.length } };
}

const SPREADSHEET = /^(Spreadsheet|Sheet|Range|DeveloperMetadata\w*|EmbeddedChart\w*)\./;

function spreadsheetCalls(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([k]) => SPREADSHEET.test(k))
    .reduce((s, [, v]) => s + v, 0);
}

/** SheetRows as the workbook layer hands them to the domain (values by field, dates as ISO text). */
function sheetRows(list: readonly Record<string, unknown>[]): SheetRow[] {
  return list.map((cells, i) => ({ row: i + 2, cells }));
}

export function benchEvaluation(): void {
  console.log("\nEvaluation report and team scorecard (rpcRefreshEvaluation), dist/Code.js in the emulator");
  row("workbook", "sheet calls", "getValues", "setValues", "time");
  const callsBySize: number[] = [];
  for (const size of [
    { campaigns: 50, readingsPerKpi: 5 },
    { campaigns: 5000, readingsPerKpi: 5 },
  ]) {
    const { emu, counts } = workbook(size);
    const start = performance.now();
    const result = emu.as(OWNER).run<{ campaigns: number; scorecardRows: number }>("rpcRefreshEvaluation", {});
    const took = ms(start);
    if (result.campaigns !== counts.campaigns)
      throw new Error(`expected ${counts.campaigns} campaigns, got ${result.campaigns}`);
    const snapshot = emu.counter.snapshot();
    callsBySize.push(spreadsheetCalls(snapshot));
    row(
      `${counts.campaigns} campaigns, ${counts.kpis} KPIs, ${counts.readings} readings`,
      spreadsheetCalls(snapshot),
      snapshot["Range.getValues"] ?? 0,
      snapshot["Range.setValues"] ?? 0,
      took,
    );
    if (size.campaigns === 5000) {
      emu.counter.reset();
      const t = performance.now();
      const run = emu.as(OWNER).run<{ alerts: number; sent: number }>("rpcMonitorRun", {});
      const monitorTook = ms(t);
      const s = emu.counter.snapshot();
      row(
        `monitoring run at that size (${run.alerts} alerts)`,
        spreadsheetCalls(s),
        s["Range.getValues"] ?? 0,
        s["Range.setValues"] ?? 0,
        monitorTook,
      );
      row(`  digests mailed / Utilities.formatDate calls`, run.sent, s["Utilities.formatDate"] ?? 0);
    }
  }

  row(
    `same number of spreadsheet calls for both sizes: ${callsBySize.every((c) => c === callsBySize[0]) ? "yes" : "NO"}`,
  );

  console.log("\nThe same computation in the domain alone (decode, evaluate, scorecard), no spreadsheet");
  row("rows", "", "", "", "compute");
  const r = records({ campaigns: 5000, readingsPerKpi: 5 });
  const kpis = sheetRows(
    r.kpis.map((k) => ({ ...k, direction: k.direction === "Lower is better" ? "lower" : "higher" })),
  );
  const readings = sheetRows(r.readings);
  const tasks = sheetRows(r.tasks.map((t) => ({ ...t, status: t.status === "Done" ? "done" : "" })));
  const positions = new Map(
    r.campaigns.map((c, i) => [c.id, { approved: 20000, actual: 5000 + (i % 50) * 100, committed: 0 }]),
  );
  const start = performance.now();
  const report = evaluate({
    kpis,
    readings,
    spend: new Map([...positions].map(([id, p]) => [id, p.actual])),
    revenue: new Map(r.campaigns.map((c, i) => [c.id, 40000 + (i % 30) * 1000])),
    settings: DEFAULT_EVALUATION_SETTINGS,
  });
  const scores = new Map(report.campaigns.flatMap((c) => (c.score === null ? [] : [[c.campaign, c.score] as const])));
  const card = scorecard({
    today: "2026-04-05",
    campaigns: r.campaigns.map((c, i) => ({
      id: c.id,
      owner: c.owner,
      end: c.end,
      state: i % 2 === 0 ? "Completed" : "InProgress",
    })),
    tasks: decodeRows("tasks", tasks).rows.map((x) => x.value),
    budgets: positions,
    scores,
    settings: DEFAULT_EVALUATION_SETTINGS,
  });
  const took = performance.now() - start;
  row(`5000 campaigns, ${kpis.length} KPIs, ${readings.length} readings`, "", "", "", ms(start));
  row(`target < 1,500 ms: ${took < 1500 ? "met" : "NOT met"}`);
  if (report.campaigns.length !== 5000 || card.length === 0) throw new Error("the domain computation produced nothing");

  console.log("\nCustom functions over a 10,000-row range, one call each");
  row("function", "", "", "domain", "in a cell");
  const n = 10_000;
  const target = Array.from({ length: n }, (_, i) => [i % 9 === 0 ? "" : 100 + (i % 50)]);
  const actual = Array.from({ length: n }, (_, i) => [i % 9 === 0 ? "" : 80 + (i % 70)]);
  const weight = Array.from({ length: n }, (_, i) => [1 + (i % 3)]);
  const timeDomain = (f: () => unknown) => {
    const t = performance.now();
    f();
    return ms(t);
  };
  const emu = Emulator.create();
  const sheet = emu.spreadsheet.getSheets()[0]!;
  // A fixture written as a paste: it grows the 1,000-row grid first, as Sheets would (a script's setValues may not).
  emu.fill(
    sheet.getName(),
    2,
    1,
    target.map((t, i) => [t[0], actual[i]![0], weight[i]![0]]),
  );
  const inCell = (cell: string, formula: string, rows: number) => {
    const t = performance.now();
    sheet.getRange(cell).setFormula(formula);
    const out = sheet.getRange(cell).offset(0, 0, rows, 1).getValues();
    const took = ms(t);
    if (out.every((v) => v[0] === "")) throw new Error(`${formula} produced nothing`);
    return took;
  };
  const attainments = kpiAttainment(target, actual) as unknown[][];
  row(
    "KPI_ATTAINMENT(A2:A10001, B2:B10001)",
    "",
    "",
    timeDomain(() => kpiAttainment(target, actual)),
    inCell("E2", "=KPI_ATTAINMENT(A2:A10001, B2:B10001)", n),
  );
  row(
    "CAMPAIGN_SCORE(E2:E10001, C2:C10001)",
    "",
    "",
    timeDomain(() => campaignScore(attainments, weight)),
    inCell("F2", "=CAMPAIGN_SCORE(E2:E10001, C2:C10001)", 1),
  );
  row(
    "CAMPAIGN_ROI(B2:B10001, A2:A10001)",
    "",
    "",
    timeDomain(() => campaignRoi(actual, target)),
    inCell("G2", "=CAMPAIGN_ROI(B2:B10001, A2:A10001)", n),
  );
  row(
    "CAMPAIGN_GRADE(E2:E10001)",
    "",
    "",
    timeDomain(() => campaignGrade(attainments)),
    inCell("H2", "=CAMPAIGN_GRADE(E2:E10001)", n),
  );
}
