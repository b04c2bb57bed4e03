// Submission completeness: a plan or an execution plan goes in as read from the sheet, and every missing or invalid item comes back by field.

import { isArray, isNumber, isObject, numberIsNaN, safeInteger } from "../builtins";
import { jsonList } from "./json";
import { type LineDraft, type LineSnapshot, linesSnapshot } from "./lines";
import type { MessageParams, WorkflowMessageKey } from "./messages";
import { err, type Issue, ok, type Result } from "./result";
import { isBlank, isEmail, isIsoDate, isMinorUnits, readEmail, readList, readNumber, readText } from "./values";

export const KPI_DIRECTIONS = ["higher", "lower"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export interface Kpi {
  readonly indicator: string;
  readonly target: number;
  readonly unit: string;
  readonly direction: KpiDirection;
}

/** A complete, valid plan. Money is in integer minor units; dates are ISO YYYY-MM-DD. */
export interface Plan {
  readonly name: string;
  readonly owner: string;
  readonly objective: string;
  readonly audience: string;
  readonly channels: readonly string[];
  readonly content: string;
  readonly place: string;
  readonly start: string;
  readonly end: string;
  readonly budget: number;
  readonly currency: string;
  readonly kpis: readonly Kpi[];
  /** The budget lines, adding up to the budget; absent when the caller gave none to check (a version 1 plan). */
  readonly lines?: readonly LineSnapshot[];
  /** The research findings the plan cites (Research tab), as they read at submission; absent when none. */
  readonly research?: readonly Finding[];
}

/** A market research finding (市场调研) as a plan cites it: sealed with the submission, shown to the approver. */
export type Finding = {
  readonly id: string;
  readonly topic: string;
  readonly finding: string;
  readonly evidence: string;
};

export interface Task {
  readonly step: string;
  readonly owner: string;
  readonly start: string;
  readonly due: string;
  readonly deliverable: string;
}

/** Values as read from cells or a form: anything may be blank or of the wrong kind. */
export type KpiDraft = { readonly [K in keyof Kpi]?: unknown };
export type PlanDraft = { readonly [K in Exclude<keyof Plan, "kpis" | "lines" | "research">]?: unknown } & {
  /** The finding IDs the row cites (a list cell). */
  readonly research?: unknown;
  readonly kpis?: readonly KpiDraft[] | unknown;
  /** The campaign's Budget tab rows; undefined: not read (no lines are checked or captured). */
  readonly lines?: readonly LineDraft[];
};
export type TaskDraft = { readonly [K in keyof Task]?: unknown };

export interface PlanCheckOptions {
  /** The channel list from Settings; when given, a channel outside it is an issue. */
  readonly channels?: readonly string[];
  /**
   * A budget line in another currency than the plan's, in minor units of the plan's currency (the server converts
   * through Rates), or null when nothing converts it. Not given: such a line is an issue.
   */
  readonly lineInPlanCurrency?: (line: LineSnapshot, planCurrency: string) => number | null;
  /**
   * The Research tab's findings by ID, when the caller read them: every cited ID must be one of them, and at least one
   * must be cited when `required` (Settings' research_required) and the tab holds any. Not given: citations are not
   * checked or sealed.
   */
  readonly research?: { readonly required: boolean; readonly findings: ReadonlyMap<string, Finding> };
}

/** What may follow `<prefix>.<field>.` in a message key: the kinds of issue a field has. */
type KeyTail<P extends string, F extends string> = WorkflowMessageKey extends infer K
  ? K extends `${P}.${F}.${infer W}`
    ? W
    : never
  : never;

class Issues {
  readonly list: Issue[] = [];
  add(field: string, messageKey: WorkflowMessageKey, params?: MessageParams): void {
    this.list.push(params === undefined ? { field, messageKey } : { field, messageKey, params });
  }
  /** Issues of one row's fields: field `<path>.<field>`, key `<prefix>.<field>.<what>`, the row's params first. */
  of<P extends string>(prefix: P, path: string, params: MessageParams) {
    return <F extends string>(field: F, what: KeyTail<P, F>, extra?: MessageParams): void =>
      this.add(`${path}.${field}`, `${prefix}.${field}.${what}` as WorkflowMessageKey, { ...params, ...extra });
  }
}

/** Place is optional (online campaigns have none); every other plan field is required. */
export function checkPlan(draft: PlanDraft, options: PlanCheckOptions = {}): Result<Plan, readonly Issue[]> {
  const issues = new Issues();
  // Each issue of a plan field has the key workflow.plan.<field>.<what>.
  const bad = <F extends string>(field: F, what: KeyTail<"workflow.plan", F>, params?: MessageParams) =>
    issues.add(field, `workflow.plan.${field}.${what}` as WorkflowMessageKey, params);
  const required = (field: "name" | "objective" | "audience" | "content"): string => {
    const value = readText(draft[field]);
    if (value === "") bad(field, "missing");
    return value;
  };

  const name = required("name");
  const owner = readEmail(draft.owner);
  if (owner === "") bad("owner", "missing");
  else if (!isEmail(owner)) bad("owner", "invalid");
  const objective = required("objective");
  const audience = required("audience");

  const channels = readList(draft.channels);
  if (channels.length === 0) bad("channels", "missing");
  if (options.channels !== undefined) {
    const allowed = new Set(options.channels.map((c) => c.trim()));
    for (const channel of channels) {
      if (!allowed.has(channel)) bad("channels", "unknown", { channel });
    }
  }

  const content = required("content");
  const place = readText(draft.place);

  const [start, end] = (["start", "end"] as const).map((field) =>
    readDate(draft[field], (what) => bad(field, what)),
  ) as [string | null, string | null];
  if (start !== null && end !== null && end < start) bad("end", "beforeStart");

  const budget = readNumber(draft.budget);
  if (budget === null) bad("budget", "missing");
  else if (!safeInteger(budget)) bad("budget", "invalid");
  else if (budget < 0) bad("budget", "negative");

  const currency = readText(draft.currency).toUpperCase();
  if (currency === "") bad("currency", "missing");
  else if (!CURRENCY.test(currency)) bad("currency", "invalid");

  const kpis = checkKpis(draft.kpis, issues);
  const validBudget = budget !== null && isMinorUnits(budget) ? budget : null;
  const validCurrency = CURRENCY.test(currency) ? currency : null;
  const lines =
    draft.lines === undefined ? undefined : checkLines(draft.lines, validBudget, validCurrency, options, issues);

  const research: Finding[] = [];
  if (options.research) {
    const { required, findings } = options.research;
    const cited = readList(draft.research);
    for (const id of cited) {
      const found = findings.get(id);
      if (found) research.push(found);
      else bad("research", "unknown", { id });
    }
    // Required once there is research to cite: a new workbook's first plans are not blocked by an empty tab.
    if (required && findings.size > 0 && cited.length === 0) bad("research", "missing");
  }

  if (issues.list.length > 0 || start === null || end === null || budget === null || kpis === null) {
    return err(issues.list);
  }
  const plan = { name, owner, objective, audience, channels, content, place, start, end, budget, currency, kpis };
  return ok({ ...plan, ...(lines && { lines }), ...(research.length > 0 && { research }) });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * The approved budget of a campaign is the sum of its lines as approved with the plan, so the lines must add up to
 * the total budget, exactly in minor units of the plan's currency (a line in another currency counts as the server
 * converts it). Each line is checked first; the sum only once every line and the budget are readable.
 */
function checkLines(
  drafts: readonly LineDraft[],
  budget: number | null,
  currency: string | null,
  options: PlanCheckOptions,
  issues: Issues,
): LineSnapshot[] | null {
  const rows: number[] = [];
  let sum = 0;
  let complete = true;
  drafts.forEach((draft, index) => {
    const line = linesSnapshot([draft])[0];
    if (line === undefined) return;
    const row = draft.row ?? index + 1;
    const bad = issues.of("workflow.plan.line", `lines.${index}`, { row });
    rows.push(row);
    const before = issues.list.length;
    if (line.category === "") bad("category", "missing");
    if (!MONTH.test(line.month)) bad("month", "invalid");
    const planned = line.planned;
    if (!isNumber(planned) || !isMinorUnits(planned)) bad("planned", "invalid");
    if (!CURRENCY.test(line.currency)) bad("currency", "invalid");
    if (issues.list.length > before || !isNumber(planned)) {
      complete = false;
      return;
    }
    if (currency === null || line.currency === currency) {
      sum += planned;
      return;
    }
    const converted = options.lineInPlanCurrency?.(line, currency) ?? null;
    if (converted === null) {
      bad("currency", "noRate", { currency: line.currency, plan: currency });
      complete = false;
    } else sum += converted;
  });
  if (rows.length === 0) {
    if (budget !== null && budget > 0) issues.add("lines", "workflow.plan.lines.missing", { budget });
    return budget === null ? null : [];
  }
  if (!complete || budget === null || currency === null) return null;
  if (sum !== budget) {
    issues.add("lines", "workflow.plan.lines.sum", { sum, budget, rows: rows.join(", ") });
    return null;
  }
  return linesSnapshot(drafts);
}

function checkKpis(value: unknown, issues: Issues): Kpi[] | null {
  // Blank lines are skipped but keep their place, so "goal 3" is the third line the marketer sees.
  const drafts: unknown[] = isArray(value) ? value : [];
  if (drafts.every(isBlankKpi)) {
    issues.add("kpis", "workflow.plan.kpis.missing");
    return null;
  }
  const kpis: Kpi[] = [];
  const seen = new Set<string>();
  let complete = true;
  drafts.forEach((raw, index) => {
    if (isBlankKpi(raw)) return;
    const draft = (isObject(raw) ? raw : {}) as KpiDraft;
    const n = index + 1;
    const bad = issues.of("workflow.plan.kpi", `kpis.${index}`, { n });
    const indicator = readText(draft.indicator);
    if (indicator === "") bad("indicator", "missing");
    else if (seen.has(indicator.toLowerCase())) bad("indicator", "duplicate", { indicator });
    seen.add(indicator.toLowerCase());

    const target = readNumber(draft.target);
    if (target === null) bad("target", "missing");
    else if (numberIsNaN(target)) bad("target", "notNumber");
    else if (target < 0) bad("target", "negative");
    // Attainment divides by the target (actual / target, or target / actual), so a goal of 0 cannot be measured.
    else if (target === 0) bad("target", "zero");

    const directionText = readText(draft.direction).toLowerCase();
    const direction = directionText === "" ? "higher" : directionText;
    if (!isDirection(direction)) bad("direction", "invalid");

    if (target === null || !isDirection(direction) || indicator === "") complete = false;
    else kpis.push({ indicator, target, unit: readText(draft.unit), direction });
  });
  return complete ? kpis : null;
}

/** A KPI row with nothing typed in is an unused line of the form, not a goal without a target. */
function isBlankKpi(raw: unknown): boolean {
  if (!isObject(raw)) return isBlank(raw);
  const draft = raw as KpiDraft;
  return isBlank(draft.indicator) && isBlank(draft.target) && isBlank(draft.unit);
}

function isBlankTask(task: TaskDraft): boolean {
  return [task.step, task.owner, task.start, task.due, task.deliverable].every(isBlank);
}

function isDirection(value: string): value is KpiDirection {
  return (KPI_DIRECTIONS as readonly string[]).includes(value);
}

/** An ISO date, or null after reporting it missing or invalid. */
function readDate(value: unknown, report: (what: "missing" | "invalid") => void): string | null {
  const text = readText(value);
  if (text === "" || !isIsoDate(text)) {
    report(text === "" ? "missing" : "invalid");
    return null;
  }
  return text;
}

export interface ExecutionPlan {
  readonly tasks: readonly Task[];
}

/**
 * Tasks are checked against the approved plan's window: a task may start before the campaign (preparation)
 * but is due by its end. Task rows keep their order, which is the order of the steps.
 */
export function checkExecution(
  plan: { readonly end: string },
  tasks: readonly TaskDraft[],
): Result<ExecutionPlan, readonly Issue[]> {
  const issues = new Issues();
  if (tasks.every(isBlankTask)) {
    issues.add("tasks", "workflow.execution.tasks.missing");
    return err(issues.list);
  }
  const out: Task[] = [];
  tasks.forEach((task, index) => {
    if (isBlankTask(task)) return;
    const n = index + 1;
    const bad = issues.of("workflow.execution.task", `tasks.${index}`, { n });
    const step = readText(task.step);
    if (step === "") bad("step", "missing");
    const owner = readEmail(task.owner);
    if (owner === "") bad("owner", "missing");
    else if (!isEmail(owner)) bad("owner", "invalid");
    const start = readDate(task.start, (what) => bad("start", what));
    const due = readDate(task.due, (what) => bad("due", what));
    if (start !== null && due !== null && due < start) bad("due", "beforeStart");
    if (due !== null && due > plan.end) bad("due", "afterCampaignEnd", { end: plan.end });
    const deliverable = readText(task.deliverable);
    if (deliverable === "") bad("deliverable", "missing");
    if (start !== null && due !== null) out.push({ step, owner, start, due, deliverable });
  });
  return issues.list.length > 0 ? err(issues.list) : ok({ tasks: out });
}

/** The findings a plan or change cited, as sealed in its request's envelope (what the approver is shown). */
export function citedFindings(envelope: string): Finding[] {
  return (jsonList(envelope, "research") as Partial<Finding>[]).flatMap((f) =>
    typeof f?.id === "string"
      ? [{ id: f.id, topic: `${f.topic ?? ""}`, finding: `${f.finding ?? ""}`, evidence: `${f.evidence ?? ""}` }]
      : [],
  );
}
