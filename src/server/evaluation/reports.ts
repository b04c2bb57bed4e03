// The evaluation report, the team scorecard, the post-campaign summary and the lessons: read once, decide in the
// domain, write each tab in one batch. Refreshed from the menu, from the sidebar and by the scheduled run.

import {
  asString,
  isArray,
  isBoolean,
  isNumber,
  isObject,
  isString,
  mathRound,
  max,
  stringify,
} from "../../domain/builtins";
import { statusLabel } from "../../domain/campaign";
import {
  attributedRevenue,
  type CampaignEvaluation,
  type RowProblem as DomainRowProblem,
  decodeRows,
  type EvaluationReport,
  evaluate,
  feedbackFigures,
  goalCounts,
  type Lesson,
  type ScorecardRow,
  scorecard,
  searchLessons,
} from "../../domain/evaluation";
import { type Lang, t } from "../../domain/i18n";
import { LANGS } from "../../domain/lang";
import { splitList } from "../../domain/lists";
import { isAdmin, routingOf } from "../../domain/roles";
import {
  type CampaignState,
  type RequestView as EngineRequest,
  type LogEntry,
  operate,
  type Refusal,
  submit,
} from "../../domain/workflow";
import { placeProblem, readFieldRows, readTab, recordOf, textOf } from "../../workbook/evaluation/read";
import { EVALUATION_TAB, KPIS_TAB, LESSONS_TAB, SCORECARD_TAB, SUMMARIES_TAB } from "../../workbook/evaluation/tabs";
import {
  appendRows,
  type ChartBlock,
  chartRows,
  MONEY_FORMAT,
  NUMBER_FORMAT,
  PERCENT_FORMAT,
  type Record_,
  reportWidthOf,
  rewriteRows,
  writeCharts,
  writeRowCells,
} from "../../workbook/evaluation/write";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import type { RowProblem } from "../../workbook/shared/problems";
import { cellOf } from "../../workbook/shared/rows";
import { tabName } from "../../workbook/shared/spec";
import { findTab, readTable, type Table } from "../../workbook/shared/table";
import { activeSpreadsheet } from "../shared/active";
import type { Refused } from "../shared/contract";
import { shownTime, userLang } from "../shared/locale";
import { withDocumentLock } from "../shared/lock";
import { parseRequest } from "../shared/request";
import { ownerRefusal } from "../shared/rights";
import { documentProperties } from "../shared/store";
import { formIssue, waitingNotice } from "../shared/views";
import { viewOf, type Workspace } from "../shared/workspace";
import { callerEmail, commandPlan, nowIn, refusal, refused, write } from "../shared/write";
import type {
  CampaignFigures,
  LessonsResponse,
  RefreshEvaluationResponse,
  SummaryForm,
  SummaryRequestView,
  SummaryView,
} from "./api";
import {
  CampaignProgressRequest,
  LessonsRequest,
  RefreshEvaluationRequest,
  SubmitSummaryRequest,
  SummaryFormRequest,
} from "./api";
import { type EvaluationBase, type EvaluationBook, readEvaluationBook } from "./sources";

const FOCUS_KEY = "cc.evaluation.focus";
const CHARTED_KPIS = 4;

// ---------------------------------------------------------------------------------------------------------------
// The report

/** The evaluation of every campaign: KPIs and readings as read, actual spend from the budget, revenue from the revenue KPI. */
export function reportOf(book: EvaluationBook): EvaluationReport {
  const kpis = book.kpis?.rows ?? [];
  const readings = book.readings?.rows ?? [];
  const revenue = attributedRevenue(kpis, readings, book.settings.revenueIndicators);
  const spend = new Map<string, number>();
  for (const [id, p] of book.positions) if (p.actual > 0) spend.set(id, p.actual);
  const settings = book.settings.settings;
  return evaluate({
    kpis,
    readings,
    spend,
    revenue,
    settings,
    feedback: feedbackFigures(book.feedbackRows, settings.lowRating),
  });
}

export function domainProblems(book: EvaluationBook, problems: readonly DomainRowProblem[], lang: Lang): RowProblem[] {
  return problems.map((p) => placeProblem(p, book, lang));
}

/** Yes or No in the sheet's language; blank while unknown. */
function yesNo(value: boolean | null, lang: Lang): string {
  return value === null ? "" : t(lang, value ? "evaluation.yes" : "evaluation.no");
}

function goalsLabel(goals: boolean | null, lang: Lang): string {
  return t(
    lang,
    goals === true ? "evaluation.goals.met" : goals === false ? "evaluation.goals.missed" : "evaluation.goals.unknown",
  );
}

function reportRows(
  book: EvaluationBook,
  report: EvaluationReport,
  lang: Lang,
): { rows: Record_[]; headings: Set<number> } {
  const rows: Record_[] = [];
  const headings = new Set<number>();
  // The figures go to the columns of their names (score, spend, target, actual, ...); the writer leaves out the rest.
  for (const c of report.campaigns) {
    headings.add(rows.length);
    rows.push({
      ...c,
      name: book.byId.get(c.campaign)?.name ?? "",
      goals: goalsLabel(c.goalsMet, lang),
      low_open: c.lowOpen,
    });
    for (const k of c.kpis) {
      rows.push({
        ...k,
        campaign: c.campaign,
        indicator: k.unit ? `${k.indicator} (${k.unit})` : k.indicator,
        met: yesNo(k.met, lang),
      });
    }
  }
  return { rows, headings };
}

const REPORT_FORMATS = {
  target: NUMBER_FORMAT,
  actual: NUMBER_FORMAT,
  attainment: PERCENT_FORMAT,
  weight: NUMBER_FORMAT,
  score: PERCENT_FORMAT,
  spend: MONEY_FORMAT,
  revenue: MONEY_FORMAT,
  roi: PERCENT_FORMAT,
  feedback: "0",
  low: "0",
  low_open: PERCENT_FORMAT,
};

/** The campaign to chart: the one asked for, else the one charted before, else the one measured last. */
function focusOf(report: EvaluationReport, wanted: string | undefined): CampaignEvaluation | null {
  const charted = (c: CampaignEvaluation) => c.kpis.some((k) => k.series.length > 0);
  const stored = wanted ?? documentProperties().getProperty(FOCUS_KEY) ?? undefined;
  const chosen = stored ? report.campaigns.find((c) => c.campaign === stored && charted(c)) : undefined;
  if (chosen) return chosen;
  let best: CampaignEvaluation | null = null;
  let bestDate = "";
  for (const c of report.campaigns) {
    for (const k of c.kpis) {
      const last = k.series[k.series.length - 1]?.date ?? "";
      if (last > bestDate) {
        bestDate = last;
        best = c;
      }
    }
  }
  return best;
}

/** Writes the Evaluation report tab and its chart; returns the campaign charted ("" for none). */
export function writeReport(book: EvaluationBook, report: EvaluationReport, focus?: string): string {
  const table = readTab(book.ws.ss, EVALUATION_TAB);
  if (!table) return "";
  const lang = book.ws.sheetLang;
  const { rows, headings } = reportRows(book, report, lang);
  const chosen = focusOf(report, focus);
  const name = chosen ? book.byId.get(chosen.campaign)?.name || chosen.campaign : "";
  const blocks: ChartBlock[] = (chosen?.kpis ?? [])
    .filter((k) => k.series.length > 0)
    .slice(0, CHARTED_KPIS)
    .map((k) => ({
      title: t(lang, "report.chartTitle", { campaign: name, indicator: k.indicator }),
      header: [t(lang, "report.seriesDate"), k.indicator, t(lang, "report.seriesTarget")],
      points: k.series,
    }));
  // The grid is sized once for the report and the chart series beside it.
  const style = { formats: REPORT_FORMATS, heading: (i: number) => headings.has(i) };
  rewriteRows(table, EVALUATION_TAB, rows, style, chartRows(blocks));
  const captions = LANGS.map((l) => t(l, "report.chartData", { campaign: "" }));
  const width = max(reportWidthOf(table.header, captions), EVALUATION_TAB.columns.length);
  writeCharts(table.sheet, width + 2, t(lang, "report.chartData", { campaign: name }), blocks, Charts);
  if (chosen) documentProperties().setProperty(FOCUS_KEY, chosen.campaign);
  return chosen?.campaign ?? "";
}

// ---------------------------------------------------------------------------------------------------------------
// The scorecard

export function scorecardOf(
  book: EvaluationBook,
  report: EvaluationReport,
): { rows: ScorecardRow[]; problems: DomainRowProblem[] } {
  const tasks = decodeRows("tasks", book.tasks?.rows ?? []);
  const scores = new Map<string, number>();
  for (const c of report.campaigns) if (c.score !== null) scores.set(c.campaign, c.score);
  const rows = scorecard({
    today: book.now.slice(0, 10),
    campaigns: book.campaigns,
    tasks: tasks.rows.map((r) => r.value),
    budgets: book.positions,
    scores,
    settings: book.settings.settings,
  });
  return { rows, problems: tasks.problems };
}

export function writeScorecard(book: EvaluationBook, rows: readonly ScorecardRow[]): void {
  const table = readTab(book.ws.ss, SCORECARD_TAB);
  if (!table) return;
  const lang = book.ws.sheetLang;
  rewriteRows(
    table,
    SCORECARD_TAB,
    // The columns are the row's fields by their keys; only the tier is shown as a label.
    rows.map((r) => ({ ...recordOf(r), tier: r.tier === null ? "" : t(lang, `evaluation.tier.${r.tier}`) })),
    {
      formats: {
        campaigns: "0",
        budget_adherence: PERCENT_FORMAT,
        tasks_due: "0",
        on_time_rate: PERCENT_FORMAT,
        tasks_unknown: "0",
        mean_attainment: PERCENT_FORMAT,
        score: PERCENT_FORMAT,
      },
    },
  );
}

/** Report, chart and scorecard from one read; the caller holds the document lock. */
export function refreshAll(book: EvaluationBook, focus?: string): RefreshEvaluationResponse {
  const lang = book.ws.lang;
  const empty = {
    lang,
    setupNeeded: !book.kpis,
    campaigns: 0,
    kpis: 0,
    scorecardRows: 0,
    charted: "",
    problems: book.problems,
  };
  if (!book.kpis) return empty;
  syncAcceptedSummaries(book.ws);
  const report = reportOf(book);
  const charted = writeReport(book, report, focus);
  const card = scorecardOf(book, report);
  writeScorecard(book, card.rows);
  return {
    ...empty,
    campaigns: report.campaigns.length,
    kpis: report.campaigns.reduce((n, c) => n + c.kpis.length, 0),
    scorecardRows: card.rows.length,
    charted,
    problems: [...book.problems, ...domainProblems(book, [...report.problems, ...card.problems], lang)],
  };
}

function lockedRefresh(ss: SpreadsheetPort, focus?: string) {
  return withDocumentLock(() => refreshAll(readEvaluationBook(ss, { tasks: true, positions: true }), focus));
}

function toast(lang: Lang, message: string): void {
  activeSpreadsheet().toast(message, t(lang, "setup.title"), 8);
}

/** "Refresh evaluation report": the report, its chart and the scorecard, under the document lock. */
export function menuRefreshEvaluation(): void {
  const ss = activeSpreadsheet();
  const result = lockedRefresh(ss);
  const lang = result.ok ? result.value.lang : userLang();
  if (!result.ok) {
    toast(lang, t(lang, "setup.busy"));
    return;
  }
  const r = result.value;
  if (r.setupNeeded) {
    toast(lang, t(lang, "report.noSetup", { tab: tabName(KPIS_TAB, lang) }));
    return;
  }
  const sheet = findTab(ss, EVALUATION_TAB);
  sheet?.activate();
  toast(lang, t(lang, "report.done", { campaigns: r.campaigns, kpis: r.kpis, problems: r.problems.length }));
}

export function rpcRefreshEvaluation(request: unknown): RefreshEvaluationResponse {
  const req = parseRequest("rpcRefreshEvaluation", RefreshEvaluationRequest, request);
  const result = lockedRefresh(activeSpreadsheet(), req.focus);
  if (!result.ok) throw Error(t(userLang(), "rpc.busy"));
  return result.value;
}

// ---------------------------------------------------------------------------------------------------------------
// The summary: prefilled from the evaluation, submitted as a summary request, accepted into Summaries and Lessons

function percent(value: number | null | ""): string {
  return isNumber(value) ? `${mathRound(value * 1000) / 10}%` : "";
}

export function figuresOf(
  book: EvaluationBook,
  evaluation: CampaignEvaluation | undefined,
  id: string,
): CampaignFigures {
  const info = book.byId.get(id);
  const state = info?.state ?? "Draft";
  return {
    id,
    name: info?.name ?? "",
    state,
    stateLabel: statusLabel(state, book.ws.lang),
    score: evaluation?.score ?? null,
    grade: evaluation?.grade ?? null,
    roi: evaluation?.roi ?? null,
    goalsMet: evaluation?.goalsMet ?? null,
    ...(evaluation ? goalCounts(evaluation) : { met: 0, counted: 0 }),
    kpis: (evaluation?.kpis ?? []).map((k) => ({
      indicator: k.indicator,
      unit: k.unit,
      target: k.target,
      actual: k.actual,
      attainment: k.attainment,
      weight: k.weight,
    })),
  };
}

function summaryRequestOf(ws: Pick<EvaluationBase, "fold">, id: string): EngineRequest | null {
  const requests = (ws.fold.campaigns.get(id)?.requests ?? []).filter((r) => r.type === "summary");
  return requests[requests.length - 1] ?? null;
}

function acceptanceOf(request: EngineRequest): { by: string; at: string } | null {
  if (request.status !== "approved") return null;
  const last = request.decisions[request.decisions.length - 1];
  return last ? { by: last.actor, at: last.at } : null;
}

function requestViewOf(request: EngineRequest | null): SummaryRequestView | null {
  if (!request) return null;
  const accepted = acceptanceOf(request);
  return {
    id: request.id,
    status: request.status,
    version: request.version,
    submittedBy: request.submittedBy,
    submittedAt: request.submittedAt,
    acceptedBy: accepted?.by ?? "",
    acceptedAt: accepted?.at ?? "",
  };
}

/** What the summary carries into the approval log: the approver accepts exactly this. */
type SummaryData = SummaryView;

function summaryDataOf(data: unknown): SummaryData | null {
  if (!isObject(data) || isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const str = (v: unknown) => (isString(v) ? v : "");
  const items = (v: unknown): unknown[] => (isArray(v) ? v : []);
  const list = (v: unknown) => items(v).filter((x): x is string => isString(x));
  return {
    goalsMet: isBoolean(d.goalsMet) ? d.goalsMet : null,
    effect: str(d.effect),
    problems: str(d.problems),
    improvements: str(d.improvements),
    channels: list(d.channels),
    audience: str(d.audience),
    lessons: items(d.lessons)
      .filter((l): l is Record<string, unknown> => isObject(l))
      .map((l) => ({ lesson: str(l.lesson), recommendation: str(l.recommendation), tags: list(l.tags) }))
      .filter((l) => l.lesson.trim() !== ""),
  };
}

/** What the form shows of a summary: its own fields, without the campaign's channels and audience or the lessons. */
function formOf({
  channels: _channels,
  audience: _audience,
  lessons: _lessons,
  ...form
}: SummaryData): SummaryForm["prefill"] {
  return form;
}

/** The Summaries row; when accepted, who and when (in the spreadsheet's zone, worded for its language). */
function summaryRecord(
  campaign: string,
  data: SummaryData,
  lang: Lang,
  accepted: { by: string; at: string; timeZone: string } | null,
): Record_ {
  // The effect, problems and improvements go to the columns of their names.
  return {
    ...data,
    campaign,
    goals_met: yesNo(data.goalsMet, lang),
    accepted_by: accepted?.by ?? "",
    accepted_at: accepted ? shownTime(accepted.at, accepted.timeZone, lang) : "",
  };
}

/** The campaign's Summaries row (the last one; 0 for none), and whether it was accepted. */
function summaryRow(table: Table, campaign: string): { row: number; accepted: boolean } {
  const cell = textOf(table);
  const found = table.rows.filter((r) => cell(r, "campaign").trim() === campaign).pop();
  return { row: found?.row ?? 0, accepted: found !== undefined && cell(found, "accepted_by").trim() !== "" };
}

/** Writes or replaces the campaign's Summaries row with the summary as submitted (acceptance cells blank). */
function upsertSummary(table: Table, campaign: string, data: SummaryData, lang: Lang): void {
  const record = summaryRecord(campaign, data, lang, null);
  const { row, accepted } = summaryRow(table, campaign);
  // An accepted summary is history: a new round of the same campaign gets a row of its own.
  if (row > 0 && !accepted) writeRowCells(table, row, record);
  else appendRows(table, [record]);
}

/**
 * The approver accepted the summary: its Summaries row gets who and when, and its lessons go to Lessons (with the
 * campaign's channels and audience, so future plans find them). Idempotent: an accepted row is not written again.
 */
export function recordSummaryAcceptance(
  ws: Pick<EvaluationBase, "ss" | "sheetLang" | "timeZone">,
  campaign: string,
  request: EngineRequest,
  entry: LogEntry,
): void {
  const data = summaryDataOf(request.data);
  const summaries = findTab(ws.ss, SUMMARIES_TAB);
  if (data && summaries) acceptInto(ws, readTable(summaries, SUMMARIES_TAB), campaign, data, entry);
}

/** recordSummaryAcceptance on a Summaries table already read. */
function acceptInto(
  ws: Pick<EvaluationBase, "ss" | "sheetLang" | "timeZone">,
  table: Table,
  campaign: string,
  data: SummaryData,
  entry: LogEntry,
  lessonsRead: Table | null = null,
): boolean {
  const by = entry.onBehalfOf ? `${entry.actor} (${entry.onBehalfOf})` : entry.actor;
  const accepted = { by, at: entry.at, timeZone: ws.timeZone };
  const { row, accepted: done } = summaryRow(table, campaign);
  let wrote = false;
  if (!done) {
    const record = summaryRecord(campaign, data, ws.sheetLang, accepted);
    if (row > 0) writeRowCells(table, row, record);
    else appendRows(table, [record]);
    wrote = true;
  }
  // The lessons are a write of their own: an execution that died after the Summaries row left them out, so they are
  // checked every time, and only those missing are appended (nothing twice).
  if (data.lessons.length === 0) return wrote;
  const lessons = lessonsRead ?? readTab(ws.ss, LESSONS_TAB);
  if (!lessons) return wrote;
  const wanted = data.lessons.map((l) => ({
    ...l,
    campaign,
    channels: data.channels.join(", "),
    audience: data.audience,
    tags: l.tags.join(", "),
  }));
  const missing = missingLessons(lessons, wanted);
  if (missing.length === 0) return wrote;
  appendRows(lessons, missing);
  return true;
}

const LESSON_MATCH = ["campaign", "lesson", "recommendation"] as const;

/** The lessons not on the Lessons tab yet, matched by campaign, lesson and recommendation, each row used once. */
function missingLessons<T extends { campaign: string; lesson: string; recommendation: string }>(
  table: Table,
  wanted: readonly T[],
): T[] {
  const cell = textOf(table);
  const key = (text: (field: (typeof LESSON_MATCH)[number]) => string) =>
    stringify(LESSON_MATCH.map((field) => text(field).trim()));
  const present = new Map<string, number>();
  if (LESSON_MATCH.every((field) => table.layout.located.some((l) => l.spec.key === field))) {
    for (const row of table.rows) {
      const k = key((field) => cell(row, field));
      present.set(k, (present.get(k) ?? 0) + 1);
    }
  }
  return wanted.filter((w) => {
    const k = key((field) => w[field]);
    const n = present.get(k) ?? 0;
    if (n > 0) present.set(k, n - 1);
    return n === 0;
  });
}

/**
 * Repairs what a decision could not write (the Summaries tab was missing then, the decision came from elsewhere, or
 * the execution died between the Summaries row and the Lessons rows): every Closed campaign whose accepted summary is
 * not on Summaries, or whose lessons are not all on Lessons, gets them now. The caller holds the lock.
 */
export function syncAcceptedSummaries(ws: Pick<EvaluationBase, "ss" | "sheetLang" | "timeZone" | "fold">): void {
  const summaries = findTab(ws.ss, SUMMARIES_TAB);
  if (!summaries) return;
  let table: Table | null = null;
  let lessons: Table | null = null;
  for (const view of ws.fold.campaigns.values()) {
    if (view.state !== "Closed") continue;
    const request = summaryRequestOf(ws, view.id);
    const accepted = request ? acceptanceOf(request) : null;
    const last = request?.entries[request.entries.length - 1];
    const data = request ? summaryDataOf(request.data) : null;
    if (!accepted || !last || !data) continue;
    table ??= readTable(summaries, SUMMARIES_TAB);
    if (data.lessons.length > 0 && lessons === null) lessons = readTab(ws.ss, LESSONS_TAB);
    // A write moved what the tables read show: the next campaign reads them again.
    if (acceptInto(ws, table, view.id, data, last, lessons)) {
      table = null;
      lessons = null;
    }
  }
}

const SUMMARY_ORDER: Readonly<Record<string, number>> = { Completed: 0, Closed: 1 };

export function rpcSummaryForm(request: unknown): SummaryForm {
  const req = parseRequest("rpcSummaryForm", SummaryFormRequest, request);
  const ss = activeSpreadsheet();
  const book = readEvaluationBook(ss, { positions: true });
  const ws = book.ws;
  const lang = ws.lang;
  const campaigns = [...book.campaigns]
    .sort((a, b) => (SUMMARY_ORDER[a.state] ?? 2) - (SUMMARY_ORDER[b.state] ?? 2) || (a.id < b.id ? -1 : 1))
    .map((c) => ({ id: c.id, name: c.name, state: c.state, stateLabel: statusLabel(c.state, lang) }));
  const id = req.campaignId ?? campaigns[0]?.id;
  const form: SummaryForm = {
    lang,
    setupNeeded: !book.kpis,
    campaigns,
    campaign: null,
    channels: [],
    audience: "",
    prefill: { goalsMet: null, effect: "", problems: "", improvements: "" },
    canSubmit: false,
    next: null,
    reason: "",
    request: null,
    problems: book.problems,
  };
  if (!book.kpis || id === undefined) return form;
  const report = reportOf(book);
  const evaluation = report.campaigns.find((c) => c.campaign === id);
  const figures = figuresOf(book, evaluation, id);
  const info = book.byId.get(id);
  const summary = summaryRequestOf(ws, id);
  const previous = summary ? summaryDataOf(summary.data) : null;
  const none = t(lang, "evaluation.summary.none");
  const effect = evaluation
    ? t(lang, "evaluation.summary.effect", {
        score: percent(figures.score) || none,
        grade: figures.grade || none,
        roi: percent(figures.roi) || none,
        met: figures.met,
        kpis: figures.counted,
      })
    : "";
  const open = summary?.status === "open";
  const state = figures.state;
  // The form offers only what the caller may do: the campaign's owner and the admins submit, start and complete.
  const me = callerEmail();
  const at = nowIn(ws.timeZone);
  const denied = ownerRefusal(ws, id, me, at, "submitSummary");
  const reason =
    state !== "Completed"
      ? notCompleted(lang, id, state)
      : open
        ? t(lang, "summary.open", { id })
        : denied
          ? denied.message
          : "";
  return {
    ...form,
    campaign: figures,
    channels: info?.channels ?? [],
    audience: info?.audience ?? "",
    prefill:
      previous && summary?.status !== "approved"
        ? formOf(previous)
        : { ...form.prefill, goalsMet: figures.goalsMet, effect },
    canSubmit: reason === "",
    next: denied ? null : state === "Ready" ? "start" : state === "InProgress" ? "complete" : null,
    reason,
    request: requestViewOf(summary),
    problems: [...book.problems, ...domainProblems(book, report.problems, lang)],
  };
}

/** A cell of the campaign's row as typed (trimmed), "" when there is no row or no such column. */
function typedCell(ws: Pick<EvaluationBase, "campaigns">, id: string, key: string): string {
  const campaigns = ws.campaigns;
  const row = campaigns?.rowsById.get(id);
  return campaigns && row ? asString(cellOf(campaigns.keyed, row, key) ?? "").trim() : "";
}

/** The channels and audience of the campaign's row as typed, so a draft that does not pass every check yet counts. */
function typedReach(ws: Pick<EvaluationBase, "campaigns">, id: string): { channels: string[]; audience: string } {
  return { channels: splitList(typedCell(ws, id, "channels")), audience: typedCell(ws, id, "audience") };
}

function trimmedItems(items: readonly string[]): string[] {
  return items.map((s) => s.trim()).filter((s) => s !== "");
}

function unknownCampaign(ws: Pick<EvaluationBase, "campaigns" | "fold" | "lang">, id: string): Refused | null {
  if (ws.campaigns?.rowsById.has(id) || ws.fold.campaigns.has(id)) return null;
  return refused("no_campaign", t(ws.lang, "rpc.noCampaign", { id, tab: ws.campaigns?.tab ?? "" }));
}

function notCompleted(lang: Lang, id: string, state: CampaignState): string {
  return t(lang, "summary.notCompleted", { id, state: statusLabel(state, lang) });
}

/** The workflow's refusal in the caller's language, its issues placed on the form's fields. */
function engineRefusal(ws: Workspace, error: Refusal): Refused {
  return refusal(ws, error, (i) => formIssue(ws.lang, i.field, i.messageKey, i.params));
}

export function rpcSubmitSummary(request: unknown) {
  const req = parseRequest("rpcSubmitSummary", SubmitSummaryRequest, request);
  return write({ needsLog: true }, (ws, { me, at, newId }) => {
    const view = viewOf(ws, req.campaignId);
    const unknown = unknownCampaign(ws, req.campaignId);
    if (unknown) return unknown;
    const denied = ownerRefusal(ws, req.campaignId, me, at, "submitSummary");
    if (denied) return denied;
    const issues = [];
    if (req.effect.trim() === "") issues.push(formIssue(ws.lang, "effect", "summary.effect"));
    const lessons = req.lessons
      .map((l) => ({
        lesson: l.lesson.trim(),
        recommendation: l.recommendation.trim(),
        tags: trimmedItems(l.tags),
      }))
      .filter((l, i) => {
        const blank = l.lesson === "" && l.recommendation === "" && l.tags.length === 0;
        if (!blank && l.lesson === "")
          issues.push(formIssue(ws.lang, `lessons.${i}.lesson`, "summary.lesson", { n: i + 1 }));
        return !blank;
      });
    if (issues.length > 0) return refused("incomplete", issues[0]?.message ?? "", issues) as Refused;
    const data = {
      goalsMet: req.goalsMet,
      effect: req.effect.trim(),
      problems: req.problems.trim(),
      improvements: req.improvements.trim(),
      ...typedReach(ws, req.campaignId),
      lessons,
    };
    const result = submit({
      view,
      // Accepting a summary moves no money: it goes to the first level, the campaign's direct superior.
      submission: { type: "summary", amount: 0, data },
      requestId: req.requestId,
      eventId: newId(),
      actor: me,
      at,
      comment: req.comment,
      settings: routingOf(ws.roles),
    });
    if (!result.ok) {
      if (result.error.kind === "illegal_transition" && view.state !== "Completed") {
        return refused("not_completed", notCompleted(ws.lang, req.campaignId, view.state));
      }
      return engineRefusal(ws, result.error);
    }
    const outcome = result.value;
    const table = readTab(ws.ss, SUMMARIES_TAB);
    return {
      ...commandPlan(view, outcome),
      apply: () => {
        if (table && !outcome.duplicate) upsertSummary(table, req.campaignId, data, ws.sheetLang);
      },
      notices: (fold) => {
        const after = fold.campaigns.get(req.campaignId);
        const submitted = after?.requests.find((r) => r.id === req.requestId);
        return after && submitted && !outcome.duplicate ? [waitingNotice(ws, after, submitted, at)] : [];
      },
    };
  });
}

/**
 * Start a Ready campaign or complete a running one: operations of the workflow that need no approval, open to the
 * campaign's owner and the admins. Completing is refused while a change, cancellation or summary waits.
 */
export function rpcCampaignProgress(request: unknown) {
  const req = parseRequest("rpcCampaignProgress", CampaignProgressRequest, request);
  return write({ needsLog: true }, (ws, { me, at, newId }) => {
    const unknown = unknownCampaign(ws, req.campaignId);
    if (unknown) return unknown;
    const view = viewOf(ws, req.campaignId);
    const owner = view.owner || typedCell(ws, req.campaignId, "owner").toLowerCase();
    if (me !== owner && !isAdmin(ws.roles, ws.owner, me)) {
      return refused("not_owner", t(ws.lang, "summary.notOwner", { owner: owner || ws.owner }));
    }
    const result = operate({ view, operation: req.operation, actor: me, comment: req.comment, at, eventId: newId() });
    if (!result.ok) return engineRefusal(ws, result.error);
    // The same operation sent again right after it was logged is a duplicate: nothing more is written.
    return commandPlan(view, result.value);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lessons for the plan being drafted

const DRAFTING: readonly CampaignState[] = ["Draft", "PlanSubmitted"];

export function rpcLessons(request: unknown): LessonsResponse {
  const req = parseRequest("rpcLessons", LessonsRequest, request);
  const ss = activeSpreadsheet();
  const book = readEvaluationBook(ss);
  const ws = book.ws;
  const lang = ws.lang;
  const lessonsRead = readFieldRows(ss, LESSONS_TAB, ws.ctx);
  const drafts = book.campaigns.filter((c) => DRAFTING.includes(c.state)).map((c) => ({ id: c.id, name: c.name }));
  const campaign = req.campaignId ?? drafts[0]?.id ?? "";
  // Read from the row as typed, so a draft that does not pass every check yet still finds its lessons.
  const query = { ...typedReach(ws, campaign), tags: trimmedItems(req.tags ?? []) };
  const decoded = decodeRows("lessons", lessonsRead?.rows ?? []);
  const lessons: Lesson[] = decoded.rows.map((r) => r.value);
  const matches = campaign === "" ? [] : searchLessons({ ...query, campaign }, lessons);
  const problems = decoded.problems.map((p) => placeProblem(p, { lessons: lessonsRead }, lang));
  return {
    lang,
    setupNeeded: lessonsRead === null,
    drafts,
    campaign,
    query,
    lessons: matches.map((m) => ({
      ...m.lesson,
      matched: { channels: m.channels, tags: m.tags, audience: m.audience },
      row: decoded.rows[m.index]?.row ?? 0,
    })),
    problems: [...(lessonsRead?.problems ?? []), ...problems],
  };
}
