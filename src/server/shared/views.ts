// Turns engine data into what the sidebars show: issues with the cell they concern, diffs and plans as text,
// requests and histories; plus the mail each step sends. JSON-safe throughout.

import { asNumber, asString, isArray, isBoolean, isNumber, isObject, isString } from "../../domain/builtins";
import { goalText } from "../../domain/goals";
import { type Lang, type MessageKey, t, tKey } from "../../domain/i18n";
import { formatAmount, formatMoney, fromMinorUnits } from "../../domain/money";
import { recipientsOf } from "../../domain/roles";
import {
  type CampaignView,
  type RequestView as EngineRequest,
  type ExecutionSnapshot,
  type FieldChange,
  type FoldResult,
  type Issue,
  type JsonValue,
  type LineSnapshot,
  type LogEntry,
  type PlanSnapshot,
  readEnvelope,
} from "../../domain/workflow";
import { CAMPAIGNS_TAB, TASKS_TAB } from "../../workbook/approvals/tabs";
import type { TaskRow } from "../../workbook/approvals/tasks";
import { headerLabel } from "../../workbook/shared/records";
import type { KeyedTable } from "../../workbook/shared/rows";
import { columnLetter, label, type TabSpec, tabName } from "../../workbook/shared/spec";
import type { LineRow } from "../../workbook/spend/budget-lines";
import { BUDGET_TAB } from "../../workbook/spend/tabs";
import type { FieldDiff, FieldIssue, HistoryEntry, PlanView, RequestView, TaskView } from "./contract";
import type { Notice } from "./notify";
import type { Workspace } from "./workspace";

/** Where an issue is: a cell, a tab as a whole, or nowhere (a form field). */
type Place = Pick<FieldIssue, "where" | "tab" | "row" | "column">;

function located(lang: Lang, tab: string, row: number, column: number, columnLabel: string): Place {
  return {
    where: t(lang, "problem.cell", { tab, row, column: columnLetter(column), label: columnLabel }),
    tab,
    row,
    column: columnLetter(column),
  };
}

const NOWHERE: Place = { where: "", tab: "", row: 0, column: "" };

/** On a tab as a whole, no cell. */
function onTab(tab: string): Place {
  return { where: tab, tab, row: 0, column: "" };
}

function placed(field: string, message: string, place: Place): FieldIssue {
  return { field, message, ...place };
}

/** Where a plan's budget lines are: the campaign's Budget tab rows, and the plan's currency for amounts. */
export interface LinesAt {
  readonly rows: readonly LineRow[];
  readonly currency: string;
}

/**
 * An engine issue about a plan's budget lines: one line's cell ("lines.2.planned"), or the lines as a whole (they do
 * not add up, or there are none), placed on the Budget tab's rows with the amounts in the plan's currency.
 */
function lineIssue(ws: Workspace, issue: Issue, at: LinesAt): FieldIssue {
  const money = (v: unknown) => (isNumber(v) ? formatMoney(v, at.currency) : asString(v));
  const params = issue.params ? { ...issue.params } : {};
  for (const key of ["sum", "budget"]) if (key in params) params[key] = money(params[key]);
  return placed(issue.field, tKey(ws.lang, issue.messageKey, params), linesPlace(ws, issue.field, at));
}

function linesPlace(ws: Workspace, field: string, at: LinesAt): Place {
  const read = ws.budget?.read ?? null;
  const tab = read?.table.name ?? tabName(BUDGET_TAB, ws.lang);
  const [, index, key = "planned"] = field.split(".");
  const column = read?.index.get(key);
  if (column === undefined) return onTab(tab);
  const spec = BUDGET_TAB.columns.find((c) => c.key === key);
  const header = asString(read?.table.header[column - 1] ?? "").trim() || (spec ? label(spec, ws.lang) : key);
  if (index !== undefined) {
    const line = at.rows[asNumber(index)];
    return line ? located(ws.lang, tab, line.row, column, header) : onTab(tab);
  }
  const rows = at.rows.map((l) => l.row);
  if (rows.length === 0) return onTab(tab);
  const where = tKey(ws.lang, "spend.where.rows", {
    tab,
    rows: rows.join(", "),
    column: columnLetter(column),
    label: header,
  });
  return { where, tab, row: rows[0] ?? 0, column: columnLetter(column) };
}

/** An engine issue about a plan, placed on the campaign's row and the column of its field (lines: on the Budget tab). */
export function planIssue(ws: Workspace, issue: Issue, row: number | undefined, lines?: LinesAt): FieldIssue {
  const key = issue.field.split(".")[0] ?? "";
  if (key === "lines" && lines) return lineIssue(ws, issue, lines);
  return engineIssue(ws, issue, cellPlace(ws, ws.campaigns?.keyed, CAMPAIGNS_TAB, row, key, NOWHERE));
}

/** An engine issue about an execution plan, placed on the task's row ("tasks.2.owner") or on the tab. */
export function taskIssue(ws: Workspace, issue: Issue, tasks: readonly TaskRow[]): FieldIssue {
  const [, index, key] = issue.field.split(".");
  const row = index === undefined ? undefined : tasks[asNumber(index)]?.row;
  const place = ws.tasks ? cellPlace(ws, ws.tasks, TASKS_TAB, row, key, onTab(ws.tasks.table.name)) : NOWHERE;
  return engineIssue(ws, issue, place);
}

/** The cell of a row and a field's column in a keyed tab; `otherwise` when the tab, the row or the column is not there. */
function cellPlace(
  ws: Workspace,
  keyedTab: KeyedTable | undefined,
  spec: TabSpec,
  row: number | undefined,
  key: string | undefined,
  otherwise: Place,
): Place {
  const column = keyedTab?.index.get(key ?? "");
  const columnSpec = spec.columns.find((c) => c.key === key);
  return keyedTab && row !== undefined && column !== undefined && columnSpec
    ? located(ws.lang, keyedTab.table.name, row, column, headerLabel(keyedTab.table, columnSpec, column, ws.lang))
    : otherwise;
}

function engineIssue(ws: Workspace, issue: Issue, place: Place): FieldIssue {
  return placed(issue.field, tKey(ws.lang, issue.messageKey, issue.params), place);
}

/** A form field's issue (nothing is in a cell yet). */
export function formIssue(lang: Lang, field: string, key: MessageKey, params?: Record<string, string | number>) {
  return placed(field, tKey(lang, key, params), NOWHERE);
}

/** A snapshot value as a person reads it. */
export function shown(field: string, value: JsonValue, currency: string): string {
  if (field === "budget" && isNumber(value)) return formatMoney(value, currency);
  if (isArray(value)) {
    return value
      .map((v) => (isObject(v) && !isArray(v) ? goalText(v as Parameters<typeof goalText>[0]) : asString(v)))
      .join(field === "kpis" ? "; " : ", ");
  }
  return value === null ? "" : asString(value);
}

/** "Media · 2026-03: 6,000.00 EUR" */
export function lineText(line: LineSnapshot): string {
  const amount = isNumber(line.planned) ? formatAmount(line.planned, line.currency) : asString(line.planned);
  return `${line.category} · ${line.month}: ${amount} ${line.currency}`;
}

/**
 * Lines changed between two snapshots, one entry per category, month and currency that differs: a line added has
 * nothing before, a line removed nothing after.
 */
export function lineChanges(
  before: readonly LineSnapshot[],
  after: readonly LineSnapshot[],
): { key: string; before: LineSnapshot | null; after: LineSnapshot | null }[] {
  const keyOf = (l: LineSnapshot) => `${l.category}\u0000${l.month}\u0000${l.currency}`;
  const was = new Map(before.map((l) => [keyOf(l), l]));
  const now = new Map(after.map((l) => [keyOf(l), l]));
  const keys = [...new Set([...was.keys(), ...now.keys()])].sort();
  return keys
    .map((key) => ({ key, before: was.get(key) ?? null, after: now.get(key) ?? null }))
    .filter((c) => c.before === null || c.after === null || c.before.planned !== c.after.planned);
}

export function diffView(changes: readonly FieldChange[], currency: string): FieldDiff[] {
  return changes.flatMap((c) => {
    if (c.field === "lines") {
      const lines = (v: unknown) => (isArray(v) ? (v as LineSnapshot[]) : []);
      return lineChanges(lines(c.before), lines(c.after)).map((l) => ({
        field: "lines",
        before: l.before ? lineText(l.before) : "",
        after: l.after ? lineText(l.after) : "",
      }));
    }
    return [{ field: c.field, before: shown(c.field, c.before, currency), after: shown(c.field, c.after, currency) }];
  });
}

export function historyView(entries: readonly LogEntry[]): HistoryEntry[] {
  return entries.map((e) => ({
    at: e.at,
    actor: e.actor,
    onBehalfOf: e.onBehalfOf,
    action: e.action,
    requestType: e.requestType,
    level: e.level,
    comment: e.comment,
    toState: e.toState,
  }));
}

/** The currency a request's amount is in: its plan's, else the plan in force, else the default. */
export function currencyOf(request: EngineRequest, view: CampaignView, fallback: string): string {
  const data = request.data as { currency?: unknown } | null;
  if (data && isString(data.currency) && data.currency !== "") return data.currency;
  return view.approvedPlan?.currency || fallback;
}

export function requestView(ws: Workspace, request: EngineRequest, view: CampaignView, at: string): RequestView {
  const currency = currencyOf(request, view, ws.settings.currency);
  return {
    id: request.id,
    type: request.type,
    version: request.version,
    level: request.currentLevel,
    levels: request.levels,
    amount: fromMinorUnits(request.amount, currency),
    currency,
    submittedBy: request.submittedBy,
    submittedAt: request.submittedAt,
    comment: request.comment,
    waitingFor: request.currentLevel > 0 ? recipientsOf(ws.roles, request.currentLevel, at) : [],
  };
}

export function planView(plan: PlanSnapshot): PlanView {
  return {
    budget: isNumber(plan.budget) ? fromMinorUnits(plan.budget, plan.currency) : null,
    currency: plan.currency,
    start: plan.start,
    end: plan.end,
    objective: plan.objective,
    audience: plan.audience,
    channels: plan.channels,
    content: plan.content,
    place: plan.place,
    kpis: plan.kpis.map(goalText),
    lines: (plan.lines ?? []).map((l) => ({
      category: l.category,
      month: l.month,
      amount: isNumber(l.planned) ? fromMinorUnits(l.planned, l.currency) : null,
      currency: l.currency,
    })),
  };
}

export function tasksView(execution: ExecutionSnapshot): TaskView[] {
  return execution.tasks.map((task) => ({ ...task }));
}

/** The payload of a request, read back in its checked form. */
export function payloadOf(request: EngineRequest): { plan: PlanSnapshot | null; execution: ExecutionSnapshot | null } {
  const envelope = readEnvelope(request.type, request.snapshot);
  const data = envelope?.data ?? null;
  if (request.type === "plan" || request.type === "change") return { plan: data as PlanSnapshot, execution: null };
  if (request.type === "execution") return { plan: null, execution: data as ExecutionSnapshot };
  return { plan: null, execution: null };
}

/**
 * The summary a summary request carries, as submitted (sealed in its snapshot): read defensively, since a
 * request of an older version may lack a field. Null for any other request.
 */
export function summaryOf(request: EngineRequest): {
  goalsMet: boolean | null;
  effect: string;
  problems: string;
  improvements: string;
  channels: string[];
  audience: string;
  lessons: { lesson: string; recommendation: string; tags: string[] }[];
} | null {
  if (request.type !== "summary") return null;
  const data = readEnvelope(request.type, request.snapshot)?.data as Record<string, unknown> | null | undefined;
  if (!isObject(data)) return null;
  const text = (v: unknown) => (isString(v) ? v : "");
  const texts = (v: unknown) => (isArray(v) ? v.filter((x): x is string => isString(x)) : []);
  return {
    goalsMet: isBoolean(data.goalsMet) ? data.goalsMet : null,
    effect: text(data.effect),
    problems: text(data.problems),
    improvements: text(data.improvements),
    channels: texts(data.channels),
    audience: text(data.audience),
    lessons: (isArray(data.lessons) ? data.lessons : []).map((l: unknown) => {
      const o = (isObject(l) ? l : {}) as Record<string, unknown>;
      return { lesson: text(o.lesson), recommendation: text(o.recommendation), tags: texts(o.tags) };
    }),
  };
}

// ------------------------------------------------------------------------------------------------ mail

export function rowLink(ws: Workspace, id: string): string {
  const campaigns = ws.campaigns;
  const row = campaigns?.rowsById.get(id)?.row;
  const base = ws.ss.getUrl();
  if (!campaigns || row === undefined) return base;
  return `${base}#gid=${campaigns.sheet.getSheetId()}&range=A${row}`;
}

export function campaignName(ws: Workspace, id: string): string {
  const campaigns = ws.campaigns;
  const row = campaigns?.rowsById.get(id);
  const column = campaigns?.keyed.index.get("name");
  const name = row && column !== undefined ? asString(row.cells[column - 1] ?? "").trim() : "";
  return name || id;
}

/** What every mail about a request names: the campaign (by name and ID), the request's type, a comment, the row's link. */
function mailParams(ws: Workspace, view: CampaignView, type: string, comment: string) {
  const lang = ws.sheetLang;
  return {
    campaign: campaignName(ws, view.id),
    id: view.id,
    type: tKey(lang, `workflow.requestType.${type}` as MessageKey),
    comment: comment || t(lang, "mail.none"),
    link: rowLink(ws, view.id),
  };
}

/** "Approval needed" to everyone who may decide the request's current level. */
export function waitingNotice(ws: Workspace, view: CampaignView, request: EngineRequest, at: string): Notice {
  const lang = ws.sheetLang;
  const currency = currencyOf(request, view, ws.settings.currency);
  const params = mailParams(ws, view, request.type, request.comment);
  return {
    campaign: view.id,
    to: recipientsOf(ws.roles, request.currentLevel, at),
    noRecipient: t(lang, "mail.noRecipient", { level: request.currentLevel }),
    subject: t(lang, "mail.subject.waiting", params),
    body: t(lang, "mail.body.waiting", {
      ...params,
      who: request.submittedBy,
      level: request.currentLevel,
      levels: request.levels,
      amount: formatMoney(request.amount, currency),
    }),
  };
}

/**
 * The mail for a request just sent: the approvers of its current level hear of it once the write is done (nothing
 * when the request is not open in the campaign as it is after the write).
 */
export function waitingNotices(ws: Workspace, campaignId: string, requestId: string, at: string) {
  return (fold: FoldResult): Notice[] => {
    const after = fold.campaigns.get(campaignId);
    const open = after?.requests.find((r) => r.id === requestId);
    return after && open ? [waitingNotice(ws, after, open, at)] : [];
  };
}

/** The final word (approved, rejected, changes requested) to the person who submitted. */
export function decidedNotice(ws: Workspace, view: CampaignView, request: EngineRequest, entry: LogEntry): Notice {
  const lang = ws.sheetLang;
  const params = mailParams(ws, view, request.type, entry.comment);
  const status = entry.action === "approve" ? "approved" : entry.action === "reject" ? "rejected" : "changes_requested";
  const decision = tKey(lang, `workflow.requestStatus.${status}`);
  const who = entry.onBehalfOf
    ? t(lang, "mail.onBehalf", { actor: entry.actor, approver: entry.onBehalfOf })
    : entry.actor;
  return {
    campaign: view.id,
    to: [request.submittedBy],
    subject: t(lang, "mail.subject.decided", { ...params, decision }),
    body: t(lang, "mail.body.decided", {
      ...params,
      who,
      decision,
      state: tKey(lang, `workflow.state.${view.state}` as MessageKey),
    }),
  };
}
