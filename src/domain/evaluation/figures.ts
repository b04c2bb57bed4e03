// The evaluation figures on plain numbers: attainment, capped weighted score, ROI and grade, shared by the custom functions and the report.

import { asNumber, finiteNumber, mathMin } from "../builtins";
import { splitList } from "../lists";
import { decimalFromNumber, subtract, toNumber } from "../money";
import type { KpiDirection } from "../workflow/plan";

/**
 * Rounds to 12 significant digits. Ratios of doubles carry binary noise (0.3 / 0.1 is 2.9999999999999996, a
 * weighted mean of 0.85s may come out as 0.8499999999999999); removing it makes a score exactly at a grade
 * boundary get that grade and makes "attained >= 1" mean what a person reading the sheet sees.
 */
export function tidy(x: number): number {
  if (!finiteNumber(x)) return x;
  const r = asNumber(x.toPrecision(12));
  return r === 0 ? 0 : r;
}

/** Why an attainment cannot be computed: it divides by the target (or the actual when lower is better). */
export type AttainmentRefusal = "target" | "actual";

/**
 * Whether target and actual can give an attainment. The target must be more than 0 in both directions (a ratio
 * to a zero or negative target means nothing); when lower is better the actual is the divisor and must be more
 * than 0 too.
 */
export function attainmentRefusal(target: number, actual: number, direction: KpiDirection): AttainmentRefusal | null {
  if (!(target > 0)) return "target";
  if (direction === "lower" && !(actual > 0)) return "actual";
  return null;
}

/** actual / target when higher is better, target / actual when lower is better; callers check attainmentRefusal first. */
export function attainment(target: number, actual: number, direction: KpiDirection): number {
  return tidy(direction === "lower" ? target / actual : actual / target);
}

/** Sums for a weighted mean, built up in one pass so a 10,000-row range costs one loop. */
export function weightedScore(cap: number) {
  let weighted = 0;
  let weights = 0;
  const sum = {
    count: 0,
    add(attainmentValue: number, weight: number): void {
      weighted += mathMin(attainmentValue, cap) * weight;
      weights += weight;
      sum.count += 1;
    },
    /** null when nothing was added or every weight was 0. */
    value(): number | null {
      return sum.count === 0 || weights === 0 ? null : tidy(weighted / weights);
    },
  };
  return sum;
}

/** (revenue - cost) / cost, the difference taken exactly; callers make sure cost is more than 0. */
export function roi(revenue: number, cost: number): number {
  return tidy(toNumber(subtract(decimalFromNumber(revenue), decimalFromNumber(cost))) / cost);
}

export interface GradeStep {
  readonly grade: string;
  /** Inclusive lower bound: a score equal to it gets this grade. */
  readonly min: number;
}

/** Grades from best to worst; a score below every step gets `otherwise`. */
export interface GradeScale {
  readonly steps: readonly GradeStep[];
  readonly otherwise: string;
}

export const DEFAULT_GRADE_SCALE: GradeScale = {
  steps: [
    { grade: "A", min: 1 },
    { grade: "B", min: 0.85 },
    { grade: "C", min: 0.7 },
  ],
  otherwise: "D",
};

export type GradeScaleProblem = "empty" | "grade" | "duplicate" | "min" | "order";

/** A usable scale names each grade once and lists the steps with strictly falling minimums. */
export function gradeScaleProblem(scale: GradeScale): GradeScaleProblem | null {
  const seen = new Set<string>();
  let previous = Number.POSITIVE_INFINITY;
  for (const step of scale.steps) {
    const grade = step.grade.trim();
    if (grade === "") return "grade";
    if (!finiteNumber(step.min)) return "min";
    if (!(step.min < previous)) return "order";
    if (seen.has(grade)) return "duplicate";
    seen.add(grade);
    previous = step.min;
  }
  if (scale.otherwise.trim() === "") return "empty";
  if (seen.has(scale.otherwise.trim())) return "duplicate";
  return null;
}

export function gradeOf(score: number, scale: GradeScale): string {
  const s = tidy(score);
  for (const step of scale.steps) if (s >= step.min) return step.grade;
  return scale.otherwise;
}

const STEP = /^(.+?)\s*(?:>=|≥|＞＝|:|：|=)\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%|％)?$/;

/** One "grade >= lowest score" item (a percentage divided by 100); null when the item is not one. */
export function gradeStepOf(item: string): GradeStep | null {
  const m = STEP.exec(item);
  return m ? { grade: (m[1] ?? "").trim(), min: asNumber(m[2]) / (m[3] ? 100 : 1) } : null;
}

/**
 * Reads a scale as typed into one Settings cell, its items split as in any list cell: "A >= 1; B >= 0.85; C >= 0.7;
 * D" (also "A: 100%, B: 85%, ..."). The last item without a bound is the grade below every step. null when the text
 * does not make a usable scale.
 */
export function parseGradeScale(text: string): GradeScale | null {
  const items = splitList(text);
  if (items.length === 0) return null;
  const steps: GradeStep[] = [];
  for (const item of items.slice(0, -1)) {
    const step = gradeStepOf(item);
    if (!step) return null;
    steps.push({ grade: step.grade, min: tidy(step.min) });
  }
  const otherwise = items[items.length - 1] ?? "";
  if (gradeStepOf(otherwise)) return null;
  const scale: GradeScale = { steps, otherwise };
  return gradeScaleProblem(scale) === null ? scale : null;
}

/** The scale written back into a Settings cell, in the form parseGradeScale reads. */
export function formatGradeScale(scale: GradeScale): string {
  return [...scale.steps.map((s) => `${s.grade} >= ${s.min}`), scale.otherwise].join("; ");
}
