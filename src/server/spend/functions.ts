// The budget custom functions as Sheets calls them (their JSDoc, shown as argument help, is in surface.ts):
// BUDGET_VARIANCE, BUDGET_VARIANCE_PCT and BUDGET_STATUS are pure; BUDGET_REMAINING reads the tabs (read-only, one getValues per tab) and only when a cell asks for a campaign.
import {
  type At,
  budgetVariance,
  describeVarianceProblem,
  VarianceError,
  type VarianceResult,
} from "../../domain/budget";
import { asString, finiteNumber, isArray, isString } from "../../domain/builtins";
import { describeFound, isBlank } from "../../domain/found";
import { asRows, sizeOf } from "../../domain/grid";
import {
  budgetStatus,
  budgetVariancePct,
  cellMessage,
  describeSpendFunctionProblem,
  type NumberResult,
  remainingOf,
  SpendFunctionError,
  type StatusResult,
  spendText,
} from "../../domain/spend";
import { activeSpreadsheet } from "../shared/active";
import { sheetLang } from "../shared/locale";
import { foldBook, readSpendBase, readSpendBook } from "../shared/spend-book";

/**
 * Rethrows a domain error worded in the spreadsheet's language. The language is only looked up when there is an error
 * to word: a working formula costs no service call.
 */
function worded<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof VarianceError) throw Error(describeVarianceProblem(err.problem, sheetLang()));
    if (err instanceof SpendFunctionError) throw Error(describeSpendFunctionProblem(err.problem, sheetLang()));
    throw err;
  }
}

export function BUDGET_VARIANCE(planned: unknown, actual: unknown): VarianceResult {
  return worded(() => budgetVariance(planned, actual, "en"));
}

export function BUDGET_VARIANCE_PCT(planned: unknown, actual: unknown): NumberResult {
  return worded(() => budgetVariancePct(planned, actual, "en"));
}

export function BUDGET_STATUS(planned: unknown, actual: unknown, warnAt?: unknown): StatusResult {
  return worded(() => budgetStatus(planned, actual, warnAt, "en"));
}

const FN = "BUDGET_REMAINING";

/** A cell's text (an ID may be typed as a number); null for blank; throws for TRUE/FALSE, dates, errors. */
function textOf(value: unknown, argument: "campaign" | "category", at: At | null): string | null {
  if (isBlank(value)) return null;
  if (isString(value)) return value.trim();
  if (finiteNumber(value)) return asString(value);
  const lang = sheetLang();
  const params = {
    fn: FN,
    argument: spendText(lang, `spend.fn.argument.${argument}`),
    found: describeFound(value, lang),
  };
  throw Error(cellMessage(lang, "notText", at, params));
}

/**
 * BUDGET_REMAINING(campaign_id, [category]): approved - actual - committed of the campaign (or of its category), in
 * the workbook currency, as the Variance report computes it. A range of IDs gives a range; a single category applies
 * to every cell, a range of categories must have the campaigns' size. Blank IDs stay blank and cost no read.
 */
export function BUDGET_REMAINING(campaignId: unknown, category?: unknown): number | "" | (number | "")[][] {
  const ranged = isArray(campaignId);
  const ids = ranged ? asRows(campaignId as unknown[]) : [[campaignId]];
  const categories = isArray(category) ? asRows(category) : null;
  if (categories && (!ranged || !sameShape(ids, categories))) {
    const sizes = [
      { argument: "campaign", size: sizeOf(ids) },
      { argument: "category", size: sizeOf(categories) },
    ] as const;
    throw Error(describeSpendFunctionProblem({ kind: "shape", fn: FN, sizes }, sheetLang()));
  }

  const cells = ids.map((row, r) =>
    row.map((value, c) => {
      const at = ranged ? { row: r + 1, column: c + 1 } : null;
      const id = textOf(value, "campaign", at);
      const cat = textOf(categories ? categories[r]?.[c] : category, "category", at);
      return { id, category: cat, at };
    }),
  );
  if (cells.every((row) => row.every((cell) => cell.id === null)))
    return ranged ? ids.map((row) => row.map(() => "")) : "";

  const ss = activeSpreadsheet();
  const base = readSpendBase(ss, "en");
  const book = readSpendBook(base);
  const lang = base.sheetLang;
  if (book.setupNeeded) throw Error(spendText(lang, "spend.fn.setupNeeded", { fn: FN }));
  const { positions, category: name } = foldBook(book);
  const out = cells.map((row) =>
    row.map(({ id, category: cat, at }): number | "" => {
      if (id === null) return "";
      const remaining = remainingOf(positions, id, cat === null ? undefined : name(cat));
      if (remaining !== null) return remaining;
      throw Error(cellMessage(lang, "unknownCampaign", at, { fn: FN, id }));
    }),
  );
  return ranged ? out : (out[0]?.[0] ?? "");
}

function sameShape(a: unknown[][], b: unknown[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === (b[i]?.length ?? -1));
}
