// Budget variance (actual - planned, positive = over budget) for single values and whole ranges, computed exactly.
import { describeFound, isBlank } from "./found";
import { asRows, sizeOf } from "./grid";
import { type Lang, t, wordedWhenRead } from "./i18n";
import { decimalFromCell, subtract, toNumber } from "./money";

/** A result cell: a number, or "" (blank) where both inputs were blank. */
export type VarianceCell = number | "";
export type VarianceResult = VarianceCell | VarianceCell[][];

type Argument = "planned" | "actual";
interface Size {
  rows: number;
  columns: number;
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
        ? t(lang, "variance.notNumberAt", { argument, row: problem.at.row, column: problem.at.column, found })
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
function amountOf(value: unknown, argument: Argument, lang: Lang, at?: { row: number; column: number }): number | null {
  if (isBlank(value)) return null;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new VarianceError(
    at ? { kind: "notNumber", argument, found: value, at } : { kind: "notNumber", argument, found: value },
    lang,
  );
}

function varianceOfPair(planned: number | null, actual: number | null): VarianceCell {
  if (planned === null && actual === null) return "";
  return toNumber(subtract(decimalFromCell(actual ?? 0), decimalFromCell(planned ?? 0)));
}

/**
 * actual - planned. Two single values give a number; two ranges of the same size give a range of that size.
 * Where both sides are blank the result is blank (so an open-ended range like B2:B serves a whole column); where
 * only one side is blank it counts as 0, as in Sheets arithmetic, so spend without a plan shows as an overrun.
 * A single value and a range are a size mismatch (no broadcasting: it would fill an open-ended column with figures).
 */
export function budgetVariance(planned: unknown, actual: unknown, lang: Lang = "en"): VarianceResult {
  if (planned === undefined || actual === undefined) throw new VarianceError({ kind: "missing" }, lang);
  const plannedIsRange = Array.isArray(planned);
  const actualIsRange = Array.isArray(actual);
  if (!plannedIsRange && !actualIsRange) {
    return varianceOfPair(amountOf(planned, "planned", lang), amountOf(actual, "actual", lang));
  }
  const p = plannedIsRange ? asRows(planned) : null;
  const a = actualIsRange ? asRows(actual) : null;
  const pSize = p ? sizeOf(p) : null;
  const aSize = a ? sizeOf(a) : null;
  const ragged = (rows: unknown[][], size: Size) => rows.some((r) => r.length !== size.columns);
  if (
    !p ||
    !a ||
    !pSize ||
    !aSize ||
    pSize.rows !== aSize.rows ||
    pSize.columns !== aSize.columns ||
    ragged(p, pSize) ||
    ragged(a, aSize)
  ) {
    throw new VarianceError({ kind: "shape", planned: pSize, actual: aSize }, lang);
  }
  return p.map((row, r) =>
    row.map((cell, c) => {
      const at = { row: r + 1, column: c + 1 };
      return varianceOfPair(amountOf(cell, "planned", lang, at), amountOf(a[r]?.[c], "actual", lang, at));
    }),
  );
}
