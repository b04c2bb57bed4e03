// The rows monitoring and evaluation read (KPIs, readings, summaries, lessons, tasks) and the settings they obey: types (inferred from schemas.ts), and decoders that report every bad field instead of throwing.

import { isArray, isBoolean, isString, numberIsNaN } from "../builtins";
import { type MessageKey, valueOfLabel } from "../i18n";
import { TASK_STATUSES, type TaskStatus } from "../records";
import { KPI_DIRECTIONS, type KpiDirection } from "../workflow/plan";
import { DEFAULT_GRADE_SCALE, type GradeScale } from "./figures";
import type { EvaluationMessageKey } from "./messages";
import type { Feedback, FollowUp, Kpi, KpiReading, Lesson, ScorecardPeriod, Summary, Task } from "./schemas";
import {
  FOLLOW_UPS,
  foldText,
  isBlank,
  isEmail,
  isIsoDate,
  isIsoInstant,
  normalizeEmail,
  readList,
  readNumber,
  readText,
} from "./values";

export type { Feedback, FollowUp, Kpi, KpiReading, Lesson, Summary, Task };
export { FOLLOW_UPS, KPI_DIRECTIONS, type KpiDirection, TASK_STATUSES, type TaskStatus };

/** The tabs whose rows this module decodes; problems name them by these keys. */
export const EVALUATION_TABS = ["kpis", "readings", "summaries", "lessons", "tasks", "feedback"] as const;
export type EvaluationTab = (typeof EVALUATION_TABS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Settings

export type { ScorecardPeriod };

export interface ScorecardRules {
  readonly period: ScorecardPeriod;
  /** Relative weights of the three components of a person's score; a component without data is left out. */
  readonly weights: { readonly budget: number; readonly onTime: number; readonly attainment: number };
  /** A score at or above this suggests recognition. */
  readonly recognition: number;
  /** A score below this suggests an improvement plan. */
  readonly improvement: number;
}

export interface EvaluationSettings {
  /** Each KPI's attainment counts up to this in the score (1.5 = 150 %). */
  readonly cap: number;
  readonly grades: GradeScale;
  /** A KPI whose projected attainment is below this is lagging (0.9 = 90 %). */
  readonly lagThreshold: number;
  /** Units of indicators that are levels (rates, scores), not running totals: their readings are not extrapolated. */
  readonly levelUnits: readonly string[];
  /** A rating at or below this is low (2: ratings 1 and 2 of 5). */
  readonly lowRating: number;
  /** A request waiting longer than this many days for a decision is reported. */
  readonly requestWaitDays: number;
  /** A task overdue or a request waiting longer than this many days is critical rather than a warning. */
  readonly escalateAfterDays: number;
  /** The managers who receive the monitoring digest (the approvers in Settings). */
  readonly managers: readonly string[];
  readonly scorecard: ScorecardRules;
}

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  cap: 1.5,
  grades: DEFAULT_GRADE_SCALE,
  lagThreshold: 0.9,
  lowRating: 2,
  levelUnits: ["%", "％", "percent", "rate", "score", "rating", "分", "百分比"],
  requestWaitDays: 3,
  escalateAfterDays: 7,
  managers: [],
  scorecard: {
    period: "quarter",
    weights: { budget: 1, onTime: 1, attainment: 1 },
    recognition: 0.9,
    improvement: 0.6,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Choices typed in either language

/**
 * A choice as typed (folded): its value or a short form first, which needs no catalog, then its label in either
 * language, which loads the catalog of the language it looks like (i18n's valueOfLabel).
 */
function choiceReader<V extends string>(
  prefix: "evaluation.direction" | "evaluation.taskStatus" | "evaluation.followUp",
  values: readonly V[],
  aliases: readonly (readonly [string, V])[] = [],
): (text: string) => V | undefined {
  const known = new Map<string, V>([...values.map((v) => [foldText(v), v] as const), ...aliases]);
  const labelKey = (value: V) => `${prefix}.${value}` as MessageKey;
  return (text) => known.get(text) ?? valueOfLabel(text, values, labelKey, foldText);
}

// Short forms people type into a direction cell.
const DIRECTIONS = choiceReader("evaluation.direction", KPI_DIRECTIONS, [
  ["high", "higher"],
  ["low", "lower"],
  ["高", "higher"],
  ["低", "lower"],
]);
const STATUSES = choiceReader("evaluation.taskStatus", TASK_STATUSES);
const FOLLOW = choiceReader("evaluation.followUp", FOLLOW_UPS);
const YES_NO = new Map<string, boolean>([
  ...["true", "yes", "y", "是", "达成"].map((word) => [word, true] as const),
  ...["false", "no", "n", "否", "未达成"].map((word) => [word, false] as const),
]);

/** "higher", "Lower is better", "越低越好", "低": the direction; null for anything else (blank too). */
export function parseDirection(value: unknown): KpiDirection | null {
  return DIRECTIONS(foldText(readText(value))) ?? null;
}

export function parseTaskStatus(value: unknown): TaskStatus | null {
  return STATUSES(foldText(readText(value))) ?? null;
}

/** "open", "In progress", "已完成", ...: the follow-up state; null for anything else. */
export function parseFollowUp(value: unknown): FollowUp | null {
  return FOLLOW(foldText(readText(value))) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Decoders

/** One field that could not be used: which, why (a message key; `{found}` in it is the value described), what was there. */
export interface FieldProblem<F extends string = string> {
  readonly field: F;
  readonly messageKey: EvaluationMessageKey;
  readonly found: unknown;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem<keyof T & string>[] };

/** A row by column key, with values as the workbook layer decodes them (trimmed text, numbers, ISO date text). */
export type Cells = Readonly<Record<string, unknown>>;

/** What may follow `evaluation.problem.` in a row problem's message key. */
type ProblemKind = EvaluationMessageKey extends infer K
  ? K extends `evaluation.problem.${infer W}`
    ? W
    : never
  : never;

/** Reads the fields of one row, collecting the problems of the fields that cannot be used. */
function reader<T>(cells: Cells) {
  type Field = keyof T & string;
  const problems: FieldProblem<Field>[] = [];
  /** A problem with the key `evaluation.problem.<what>`; the field reads as `fallback`. */
  const fail = <V>(field: Field, what: ProblemKind, fallback: V): V => {
    problems.push({ field, messageKey: `evaluation.problem.${what}`, found: cells[field] });
    return fallback;
  };
  return {
    problems,
    fail,

    text(field: Field, needed = false): string {
      const value = readText(cells[field]);
      return needed && value === "" ? fail(field, "required", value) : value;
    },

    list(field: Field): string[] {
      return readList(cells[field]);
    },

    number(field: Field, options: { needed?: boolean; blank?: number; min?: "positive" | "nonNegative" }) {
      const { min } = options;
      const n = readNumber(cells[field]);
      if (n === null) {
        if (options.blank !== undefined) return options.blank;
        return options.needed ? fail(field, min === "positive" ? min : "required", null) : null;
      }
      // Not a number, or out of its bound: the problem names the bound when there is one.
      if (numberIsNaN(n) || (min === "positive" && !(n > 0)) || (min === "nonNegative" && n < 0)) {
        return fail(field, min ?? "number", null);
      }
      return n;
    },

    date(field: Field, needed = false, instantToo = false): string | null {
      const raw = cells[field];
      if (isBlank(raw)) return needed ? fail(field, "required", null) : null;
      const value = isString(raw) ? raw.trim() : "";
      return isIsoDate(value) || (instantToo && isIsoInstant(value)) ? value : fail(field, "date", null);
    },

    email(field: Field): string {
      const value = normalizeEmail(readText(cells[field]));
      return value !== "" && !isEmail(value) ? fail(field, "email", "") : value;
    },

    choice<V>(field: Field, parse: (v: unknown) => V | null, blank: V, what: ProblemKind): V {
      const raw = cells[field];
      return isBlank(raw) ? blank : (parse(raw) ?? fail(field, what, blank));
    },

    done(value: T): Decoded<T> {
      return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
    },
  };
}

// Each decoder reads its fields in column order, so the problems of a row come out in that order.

/** A blank target is a problem (a goal needs one); a blank actual is "not measured yet"; a blank weight counts as 1. */
export function decodeKpi(cells: Cells): Decoded<Kpi> {
  const r = reader<Kpi>(cells);
  return r.done({
    campaign: r.text("campaign", true),
    indicator: r.text("indicator", true),
    unit: r.text("unit"),
    direction: r.choice("direction", parseDirection, "higher", "direction"),
    target: r.number("target", { needed: true, min: "positive" }) ?? 0,
    actual: r.number("actual", {}),
    weight: r.number("weight", { blank: 1, min: "nonNegative" }) ?? 0,
    source: r.text("source"),
    updated: r.date("updated"),
  });
}

export function decodeReading(cells: Cells): Decoded<KpiReading> {
  const r = reader<KpiReading>(cells);
  return r.done({
    date: r.date("date", true) ?? "",
    campaign: r.text("campaign", true),
    indicator: r.text("indicator", true),
    value: r.number("value", { needed: true }) ?? 0,
  });
}

function parseYesNo(value: unknown): boolean | null {
  if (isBoolean(value)) return value;
  return YES_NO.get(foldText(readText(value))) ?? null;
}

export function decodeSummary(cells: Cells): Decoded<Summary> {
  const r = reader<Summary>(cells);
  return r.done({
    campaign: r.text("campaign", true),
    goalsMet: r.choice<boolean | null>("goalsMet", parseYesNo, null, "yesNo"),
    effect: r.text("effect"),
    problems: r.text("problems"),
    improvements: r.text("improvements"),
    acceptedBy: r.email("acceptedBy"),
    acceptedAt: r.date("acceptedAt", false, true),
  });
}

export function decodeLesson(cells: Cells): Decoded<Lesson> {
  const r = reader<Lesson>(cells);
  return r.done({
    campaign: r.text("campaign", true),
    channels: r.list("channels"),
    audience: r.text("audience"),
    tags: r.list("tags"),
    lesson: r.text("lesson", true),
    recommendation: r.text("recommendation"),
  });
}

/** A blank status is "todo"; a due date before the start is reported on the due date. */
export function decodeTask(cells: Cells): Decoded<Task> {
  const r = reader<Task>(cells);
  const campaign = r.text("campaign", true);
  const step = r.text("step", true);
  const owner = r.email("owner");
  const start = r.date("start");
  const due = r.date("due", true);
  const deliverable = r.text("deliverable");
  const status = r.choice("status", parseTaskStatus, "todo", "taskStatus");
  const completed = r.date("completed");
  if (start !== null && due !== null && due < start) {
    r.problems.push({ field: "due", messageKey: "evaluation.problem.dueBeforeStart", found: due, params: { start } });
  }
  return r.done({ campaign, step, owner, start, due: due ?? "", deliverable, status, completed });
}

/** A rating is a whole number from 1 to 5 or blank; a blank follow-up state is open. */
export function decodeFeedback(cells: Cells): Decoded<Feedback> {
  const r = reader<Feedback>(cells);
  const date = r.date("date", true) ?? "";
  const campaign = r.text("campaign", true);
  const channel = r.text("channel");
  const n = readNumber(cells.rating);
  const rating = n === null || (Number.isInteger(n) && n >= 1 && n <= 5) ? n : r.fail("rating", "rating", null);
  return r.done({
    date,
    campaign,
    channel,
    rating,
    comment: r.text("comment"),
    owner: r.text("owner"),
    state: r.choice("state", parseFollowUp, "open", "followUp"),
  });
}

/** A row to decode, with its 1-based sheet row so problems can point at it. */
export interface SheetRow {
  readonly row: number;
  readonly cells: Cells;
}

/** A problem with its place: tab and row, the field (column key), and why. */
export interface RowProblem extends FieldProblem {
  readonly tab: EvaluationTab;
  readonly row: number;
}

export interface DecodedRows<T> {
  readonly rows: { readonly row: number; readonly value: T }[];
  readonly problems: RowProblem[];
}

/**
 * The tabs the add-on reads as decoded rows. Summaries is not among them: the add-on finds its rows by the campaign
 * and acceptance cells it wrote itself (server/evaluation/reports.ts); decodeSummary checks a row on its own.
 */
export interface TabRows {
  kpis: Kpi;
  readings: KpiReading;
  lessons: Lesson;
  tasks: Task;
  feedback: Feedback;
}

const DECODERS: { readonly [K in keyof TabRows]: (cells: Cells) => Decoded<TabRows[K]> } = {
  kpis: decodeKpi,
  readings: decodeReading,
  lessons: decodeLesson,
  tasks: decodeTask,
  feedback: decodeFeedback,
};

/** Rows blank in every cell are skipped silently (the unused end of a tab); every other bad row is reported. */
export function decodeRows<K extends keyof TabRows>(tab: K, rows: readonly SheetRow[]): DecodedRows<TabRows[K]> {
  const decode: (cells: Cells) => Decoded<TabRows[K]> = DECODERS[tab];
  const out: { row: number; value: TabRows[K] }[] = [];
  const problems: RowProblem[] = [];
  for (const { row, cells } of rows) {
    if (isBlankRow(cells)) continue;
    const result = decode(cells);
    if (result.ok) out.push({ row, value: result.value });
    else for (const p of result.problems) problems.push({ tab, row, ...p });
  }
  return { rows: out, problems };
}

export function isBlankRow(cells: Cells): boolean {
  for (const key in cells) {
    const v = cells[key];
    if (isArray(v) ? v.length > 0 : !isBlank(v)) return false;
  }
  return true;
}
