// Budget variance (actual - planned, positive = over budget) for single values and whole ranges, computed exactly.

import { finiteNumber, isArray } from "./builtins";
import { describeFound, isBlank } from "./found";
import { asRows, sizeOf } from "./grid";
import { type Lang, t, wordedWhenRead } from "./i18n";
import { decimalFromCell, subtract, toNumber } from "./money";

/** A result cell: a number, or "" (blank) where both inputs were blank. */
export type VarianceCell = number | "";
export type VarianceResult = VarianceCell | VarianceCell[][];

type Argument = "planned" | "actual";
export interface Size {
  readonly rows: number;
  readonly columns: number;
}

/** Why a variance cannot be computed; the message is built from it in the caller's language. */
export type VarianceProblem =
  | { kind: "missing" }
  | { kind: "notNumber"; argument: Argument; found: unknown; at?: { row: number; column: number } }
  | { kind: "shape"; planned: Size | null; actual: Size | null };

export class VarianceError extends Error {
  constructor(
    readonly problem: VarianceProblem,
    lang: Lang,
  ) {
    super();
    this.name = "VarianceError";
    wordedWhenRead(this, () => describeVarianceProblem(problem, lang));
  }
}

function sizeText(size: Size | null, lang: Lang): string {
  return size ? t(lang, "variance.size", size) : t(lang, "variance.single");
}

export function describeVarianceProblem(problem: VarianceProblem, lang: Lang): string {
  switch (problem.kind) {
    case "missing":
      return t(lang, "variance.missing");
    case "notNumber": {
      const argument = t(lang, `variance.argument.${problem.argument}`);
      const found = describeFound(problem.found, lang);
      return problem.at
        ? t(lang, "variance.notNumberAt", { argument, found, ...problem.at })
        : t(lang, "variance.notNumber", { argument, found });
    }
    case "shape":
      return t(lang, "variance.shape", {
        planned: sizeText(problem.planned, lang),
        actual: sizeText(problem.actual, lang),
      });
  }
}

/** A blank counts as 0 when the other side has a number; `null` marks a blank. Anything else is refused. */
function amountOf(value: unknown, argument: Argument, lang: Lang, at?: At): number | null {
  if (isBlank(value)) return null;
  if (finiteNumber(value)) return value;
  const problem = { kind: "notNumber", argument, found: value } as const;
  throw new VarianceError(at ? { ...problem, at } : problem, lang);
}

function varianceOfPair(planned: number | null, actual: number | null): VarianceCell {
  if (planned === null && actual === null) return "";
  return toNumber(subtract(decimalFromCell(actual ?? 0), decimalFromCell(planned ?? 0)));
}

/** A cell of a range argument, 1-based within the range. */
export interface At {
  readonly row: number;
  readonly column: number;
}

/**
 * The array convention of the budget functions: single values in, a single result out (`one` without `at`); ranges of
 * one size in, a range of that size out (`one` per cell, row by row). An argument left out, or a mix of sizes or of
 * single values and ranges, throws the error `fail` makes: no broadcasting of a single value over a range, because
 * in an open-ended column it would fill every empty row with a figure.
 */
export function cellwise<R>(
  args: readonly unknown[],
  fail: (sizes: readonly (Size | null)[] | null) => Error,
  one: (cells: readonly unknown[], at?: At) => R,
): R | R[][] {
  if (args.some((a) => a === undefined)) throw fail(null);
  if (!args.some((a) => isArray(a))) return one(args);
  const ranges = args.map((a) => (isArray(a) ? asRows(a) : null));
  const sizes = ranges.map((r) => (r ? sizeOf(r) : null));
  const first = sizes[0] ?? null;
  const same = (r: unknown[][] | null, i: number) =>
    r !== null &&
    first !== null &&
    sizes[i]?.rows === first.rows &&
    sizes[i]?.columns === first.columns &&
    r.every((row) => row.length === first.columns);
  if (!first || !ranges.every(same)) throw fail(sizes);
  const rows = ranges as unknown[][][];
  return Array.from({ length: first.rows }, (_, r) =>
    Array.from({ length: first.columns }, (_, c) =>
      one(
        rows.map((range) => range[r]?.[c]),
        { row: r + 1, column: c + 1 },
      ),
    ),
  );
}

/**
 * actual - planned. Two single values give a number; two ranges of the same size give a range of that size.
 * Where both sides are blank the result is blank (so an open-ended range like B2:B serves a whole column); where
 * only one side is blank it counts as 0, as in Sheets arithmetic, so spend without a plan shows as an overrun.
 * A single value and a range are a size mismatch (no broadcasting: it would fill an open-ended column with figures).
 */
export function budgetVariance(planned: unknown, actual: unknown, lang: Lang = "en"): VarianceResult {
  return cellwise(
    [planned, actual],
    (sizes) =>
      new VarianceError(
        sizes ? { kind: "shape", planned: sizes[0] ?? null, actual: sizes[1] ?? null } : { kind: "missing" },
        lang,
      ),
    ([p, a], at) => varianceOfPair(amountOf(p, "planned", lang, at), amountOf(a, "actual", lang, at)),
  );
}
