// The cores of KPI_ATTAINMENT, CAMPAIGN_SCORE, CAMPAIGN_ROI and CAMPAIGN_GRADE: a single value or a whole range in, the same shape out, and errors a marketer can act on.

import { finiteNumber, isArray } from "../builtins";
import { describeFound } from "../found";
import { asRows, sizeOf } from "../grid";
import { wordedWhenRead } from "../i18n";
import type { KpiDirection } from "../workflow/plan";
import {
  attainment,
  attainmentRefusal,
  DEFAULT_GRADE_SCALE,
  type GradeScale,
  type GradeScaleProblem,
  gradeOf,
  gradeScaleProblem,
  roi,
  weightedScore,
} from "./figures";
import type { Lang } from "./messages";
import { parseDirection } from "./model";
import { evaluationText, formatEvaluationMessage } from "./texts";
import { isBlank } from "./values";

export type FunctionName = "KPI_ATTAINMENT" | "CAMPAIGN_SCORE" | "CAMPAIGN_ROI" | "CAMPAIGN_GRADE";
export type ArgumentName =
  | "target"
  | "actual"
  | "direction"
  | "attainments"
  | "weights"
  | "cap"
  | "revenue"
  | "cost"
  | "score";

/** 1-based place inside the argument's range. */
export interface CellAt {
  readonly row: number;
  readonly column: number;
}

export interface Size {
  readonly rows: number;
  readonly columns: number;
}

/** Why a custom function refuses its input; the message is built from it in the caller's language. */
export type FunctionProblem =
  | { readonly kind: "missing"; readonly fn: FunctionName }
  | {
      readonly kind: "notNumber";
      readonly fn: FunctionName;
      readonly argument: ArgumentName;
      readonly found: unknown;
      readonly at?: CellAt;
    }
  | {
      readonly kind: "shape";
      readonly fn: FunctionName;
      readonly first: ArgumentName;
      readonly second: ArgumentName;
      readonly firstSize: Size | null;
      readonly secondSize: Size | null;
    }
  | { readonly kind: "target"; readonly fn: FunctionName; readonly found: unknown; readonly at?: CellAt }
  | { readonly kind: "actualLower"; readonly fn: FunctionName; readonly found: unknown; readonly at?: CellAt }
  | { readonly kind: "direction"; readonly fn: FunctionName; readonly found: unknown; readonly at?: CellAt }
  | { readonly kind: "negativeWeight"; readonly fn: FunctionName; readonly found: unknown; readonly at?: CellAt }
  | { readonly kind: "zeroWeights"; readonly fn: FunctionName }
  | { readonly kind: "cap"; readonly fn: FunctionName; readonly found: unknown }
  | { readonly kind: "cost"; readonly fn: FunctionName; readonly found: unknown; readonly at?: CellAt }
  | {
      readonly kind: "scale";
      readonly fn: FunctionName;
      readonly reason: GradeScaleProblem;
      /** Where the thresholds came from: the Settings tab (default) or the function's argument. */
      readonly source?: "settings" | "argument";
    }
  | { readonly kind: "tooLarge"; readonly fn: FunctionName; readonly at?: CellAt };

export class EvaluationFunctionError extends Error {
  constructor(
    readonly problem: FunctionProblem,
    lang: Lang = "en",
  ) {
    super();
    this.name = "EvaluationFunctionError";
    wordedWhenRead(this, () => describeFunctionProblem(problem, lang));
  }
}

function sizeText(size: Size | null, lang: Lang): string {
  return size ? evaluationText(lang, "evaluation.fn.size", size) : evaluationText(lang, "evaluation.fn.single");
}

export function describeFunctionProblem(problem: FunctionProblem, lang: Lang): string {
  const fn = problem.fn;
  const where = "at" in problem && problem.at ? evaluationText(lang, "evaluation.fn.at", problem.at) : "";
  const found = "found" in problem ? describeFound(problem.found, lang) : "";
  switch (problem.kind) {
    case "missing":
      return evaluationText(lang, `evaluation.fn.missing.${fn}`);
    case "shape":
      return evaluationText(lang, "evaluation.fn.shape", {
        fn,
        first: evaluationText(lang, `evaluation.arg.${problem.first}`),
        second: evaluationText(lang, `evaluation.arg.${problem.second}`),
        firstSize: sizeText(problem.firstSize, lang),
        secondSize: sizeText(problem.secondSize, lang),
      });
    case "scale":
      return evaluationText(
        lang,
        problem.source === "argument" ? "evaluation.fn.scaleArgument" : "evaluation.fn.scale",
        {
          fn,
          reason: evaluationText(lang, `evaluation.scale.${problem.reason}`),
        },
      );
    default:
      // The rest are worded `evaluation.fn.<kind>` from the function, the argument, the cell and the value found
      // (each message takes the ones it names).
      return formatEvaluationMessage(`evaluation.fn.${problem.kind}`, lang, {
        fn,
        argument: "argument" in problem ? evaluationText(lang, `evaluation.arg.${problem.argument}`) : "",
        where,
        found,
      });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges

type Grid = readonly (readonly unknown[])[];

const asGrid: (value: readonly unknown[]) => Grid = asRows;

function isRagged(grid: Grid, size: Size): boolean {
  return grid.some((row) => row.length !== size.columns);
}

/**
 * Both single values (null), or two ranges of one size. A single value beside a range is a mismatch, not a
 * broadcast: filling an open-ended column from one value would put figures in rows that have no data.
 */
function pairOf(
  fn: FunctionName,
  first: ArgumentName,
  a: unknown,
  second: ArgumentName,
  b: unknown,
  lang: Lang,
): [Grid, Grid] | null {
  const aIsRange = isArray(a);
  const bIsRange = isArray(b);
  if (!aIsRange && !bIsRange) return null;
  const ga = aIsRange ? asGrid(a) : null;
  const gb = bIsRange ? asGrid(b) : null;
  const sa = ga ? sizeOf(ga) : null;
  const sb = gb ? sizeOf(gb) : null;
  if (
    !ga ||
    !gb ||
    !sa ||
    !sb ||
    sa.rows !== sb.rows ||
    sa.columns !== sb.columns ||
    isRagged(ga, sa) ||
    isRagged(gb, sb)
  ) {
    fail({ kind: "shape", fn, first, second, firstSize: sa, secondSize: sb }, lang);
  }
  return [ga, gb];
}

/** Refuses the input: the problem, at the cell of a range it concerns (none for single values). */
function fail<P extends FunctionProblem>(problem: P, lang: Lang, at?: CellAt): never {
  const placed: P = at ? { ...problem, at } : problem;
  throw new EvaluationFunctionError(placed, lang);
}

function numberOf(fn: FunctionName, argument: ArgumentName, value: unknown, lang: Lang, at?: CellAt): number {
  if (finiteNumber(value)) return value;
  return fail({ kind: "notNumber", fn, argument, found: value }, lang, at);
}

/** Each cell of `grid` with the cell at the same place in `other` and its 1-based place, row by row. */
function cellwise<T>(grid: Grid, other: Grid | null, f: (value: unknown, beside: unknown, at: CellAt) => T): T[][] {
  return grid.map((row, r) => row.map((value, c) => f(value, other?.[r]?.[c], { row: r + 1, column: c + 1 })));
}

// ---------------------------------------------------------------------------------------------------------------
// KPI_ATTAINMENT

/** A result cell: a number, or "" (blank). */
export type NumberCell = number | "";
export type NumberResult = NumberCell | NumberCell[][];
export type TextCell = string;
export type TextResult = TextCell | TextCell[][];

function directionOf(value: unknown, lang: Lang, at?: CellAt): KpiDirection {
  if (value === undefined || isBlank(value)) return "higher";
  return parseDirection(value) ?? fail({ kind: "direction", fn: "KPI_ATTAINMENT", found: value }, lang, at);
}

/** A result a cell can hold: a number too large for a double (Infinity) or no number (NaN) is an error instead. */
function finite(fn: FunctionName, value: number, lang: Lang, at?: CellAt): number {
  return finiteNumber(value) ? value : fail({ kind: "tooLarge", fn }, lang, at);
}

function attainmentCell(target: unknown, actual: unknown, direction: () => KpiDirection, lang: Lang, at?: CellAt) {
  const fn = "KPI_ATTAINMENT";
  const targetBlank = isBlank(target);
  const actualBlank = isBlank(actual);
  if (targetBlank && actualBlank) return "";
  const t = targetBlank ? null : numberOf(fn, "target", target, lang, at);
  const a = actualBlank ? null : numberOf(fn, "actual", actual, lang, at);
  if (t === null || !(t > 0)) fail({ kind: "target", fn, found: target }, lang, at);
  // Not measured yet: blank, not 0, so an unfilled actual does not read as a failed goal.
  if (a === null) return "";
  const d = direction();
  if (attainmentRefusal(t, a, d) === "actual") fail({ kind: "actualLower", fn, found: actual }, lang, at);
  return finite(fn, attainment(t, a, d), lang, at);
}

/**
 * actual / target, or target / actual when `direction` is "lower" (also "Lower is better", "越低越好", "低").
 * `direction` is one value for every row or a range of the target's size; blank means "higher". A row whose
 * target and actual are both blank stays blank; a blank actual (not measured yet) gives blank too. A target that
 * is blank, 0 or negative beside an actual, or an actual of 0 or less when lower is better, is an error.
 */
export function kpiAttainment(target: unknown, actual: unknown, direction?: unknown, lang: Lang = "en"): NumberResult {
  const fn = "KPI_ATTAINMENT";
  if (target === undefined || actual === undefined) fail({ kind: "missing", fn }, lang);
  const grids = pairOf(fn, "target", target, "actual", actual, lang);
  // A range of directions must have the targets' size; beside single values it is a mismatch too.
  const dirs = isArray(direction) ? pairOf(fn, "target", target, "direction", direction, lang)?.[1] : undefined;
  // One direction for every cell is checked once, so a wrong word fails even on an empty range.
  const one = dirs ? null : directionOf(direction, lang);
  const cell = (t: unknown, a: unknown, at?: CellAt) =>
    attainmentCell(t, a, () => one ?? directionOf(at && dirs?.[at.row - 1]?.[at.column - 1], lang, at), lang, at);
  return grids === null ? cell(target, actual) : cellwise(grids[0], grids[1], cell);
}

// ---------------------------------------------------------------------------------------------------------------
// CAMPAIGN_SCORE

export const DEFAULT_CAP = 1.5;

function capOf(cap: unknown, lang: Lang): number {
  if (cap === undefined || (!isArray(cap) && isBlank(cap))) return DEFAULT_CAP;
  if (finiteNumber(cap) && cap > 0) return cap;
  return fail({ kind: "cap", fn: "CAMPAIGN_SCORE", found: cap }, lang);
}

/**
 * The weighted mean of the attainments, each counted up to `cap` (default 1.5), as one number. A row with a
 * blank attainment (a KPI not measured yet) is left out; a blank weight counts as 1, and no weights at all
 * means equal weights. All attainments blank gives blank; weights that add up to 0 are an error.
 */
export function campaignScore(attainments: unknown, weights?: unknown, cap?: unknown, lang: Lang = "en"): NumberCell {
  const fn = "CAMPAIGN_SCORE";
  if (attainments === undefined) fail({ kind: "missing", fn }, lang);
  const sum = weightedScore(capOf(cap, lang));
  const add = (value: unknown, weight: unknown, at?: CellAt) => {
    let w = 1;
    if (weight !== undefined && !isBlank(weight)) {
      w = numberOf(fn, "weights", weight, lang, at);
      if (w < 0) fail({ kind: "negativeWeight", fn, found: weight }, lang, at);
    }
    if (isBlank(value)) return;
    sum.add(numberOf(fn, "attainments", value, lang, at), w);
  };
  // Without weights a range of attainments stands alone; with them, the two are one size.
  const grids =
    weights !== undefined
      ? pairOf(fn, "attainments", attainments, "weights", weights, lang)
      : isArray(attainments)
        ? ([asGrid(attainments), null] as const)
        : null;
  if (grids === null) add(attainments, weights);
  else cellwise(grids[0], grids[1], add);
  if (sum.count === 0) return "";
  return finite(fn, sum.value() ?? fail({ kind: "zeroWeights", fn }, lang), lang);
}

// ---------------------------------------------------------------------------------------------------------------
// CAMPAIGN_ROI

function roiCell(revenue: unknown, cost: unknown, lang: Lang, at?: CellAt): NumberCell {
  const fn = "CAMPAIGN_ROI";
  const revenueBlank = isBlank(revenue);
  const costBlank = isBlank(cost);
  if (revenueBlank && costBlank) return "";
  // As in Sheets arithmetic, one blank side counts as 0: cost without revenue is a loss of 100 %.
  const r = revenueBlank ? 0 : numberOf(fn, "revenue", revenue, lang, at);
  const c = costBlank ? 0 : numberOf(fn, "cost", cost, lang, at);
  if (!(c > 0)) fail({ kind: "cost", fn, found: cost }, lang, at);
  return finite(fn, roi(r, c), lang, at);
}

/** (revenue - cost) / cost for single values or two ranges of one size; 0.25 means 25 % return. */
export function campaignRoi(revenue: unknown, cost: unknown, lang: Lang = "en"): NumberResult {
  const fn = "CAMPAIGN_ROI";
  if (revenue === undefined || cost === undefined) fail({ kind: "missing", fn }, lang);
  const grids = pairOf(fn, "revenue", revenue, "cost", cost, lang);
  const cell = (r: unknown, c: unknown, at?: CellAt) => roiCell(r, c, lang, at);
  return grids === null ? cell(revenue, cost) : cellwise(grids[0], grids[1], cell);
}

// ---------------------------------------------------------------------------------------------------------------
// CAMPAIGN_GRADE

/** The grade of a score (or of each score in a range) by the scale from Settings; blank stays blank. */
export function campaignGrade(
  score: unknown,
  thresholds: GradeScale = DEFAULT_GRADE_SCALE,
  lang: Lang = "en",
  source: "settings" | "argument" = "settings",
): TextResult {
  const fn = "CAMPAIGN_GRADE";
  const reason = gradeScaleProblem(thresholds);
  if (reason !== null) fail({ kind: "scale", fn, reason, source }, lang);
  if (score === undefined) fail({ kind: "missing", fn }, lang);
  const cell = (value: unknown, at?: CellAt): TextCell =>
    isBlank(value) ? "" : gradeOf(numberOf(fn, "score", value, lang, at), thresholds);
  if (!isArray(score)) return cell(score);
  return cellwise(asGrid(score), null, (value, _beside, at) => cell(value, at));
}
