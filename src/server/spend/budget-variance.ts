// Custom functions (their JSDoc, shown by Sheets as argument help, lives in surface.ts). Each is a thin wrapper
// around domain logic; errors are rethrown as plain Errors in the spreadsheet's language, since every
// collaborator sees the same cell.
import { budgetVariance, describeVarianceProblem, VarianceError, type VarianceResult } from "../../domain/budget";
import { sheetLang } from "../shared/locale";

export function BUDGET_VARIANCE(planned: unknown, actual: unknown): VarianceResult {
  try {
    return budgetVariance(planned, actual, "en");
  } catch (err) {
    // The language is only looked up when there is an error to word: a working formula costs no service call.
    if (err instanceof VarianceError) throw new Error(describeVarianceProblem(err.problem, sheetLang()));
    throw err;
  }
}
