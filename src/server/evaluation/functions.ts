// KPI_ATTAINMENT, CAMPAIGN_SCORE, CAMPAIGN_ROI and CAMPAIGN_GRADE (their JSDoc, shown by Sheets as argument help,
// lives in surface.ts): thin wrappers around the evaluation domain whose errors are worded in the spreadsheet's
// language, since every collaborator sees the same cell. CAMPAIGN_GRADE takes its thresholds as an argument, else
// reads them from Settings.

import { asString, isArray, NOT_A_NUMBER } from "../../domain/builtins";
import {
  campaignGrade,
  campaignRoi,
  campaignScore,
  DEFAULT_GRADE_SCALE,
  describeFunctionProblem,
  EvaluationFunctionError,
  type GradeScale,
  gradeStepOf,
  kpiAttainment,
  type NumberCell,
  type NumberResult,
  parseGradeScale,
  type TextResult,
} from "../../domain/evaluation";
import { isBlank } from "../../domain/found";
import { asRows } from "../../domain/grid";
import { splitList } from "../../domain/lists";
import { readFieldRows } from "../../workbook/evaluation/read";
import { SETTINGS_TAB } from "../../workbook/shared/settings";
import { activeSpreadsheet } from "../shared/active";
import { sheetLang } from "../shared/locale";

/** The domain answers in English; only an error needs the spreadsheet's language, so a working formula costs nothing. */
function worded<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof EvaluationFunctionError) throw Error(describeFunctionProblem(err.problem, sheetLang()));
    throw err;
  }
}

export function KPI_ATTAINMENT(target: unknown, actual: unknown, direction?: unknown): NumberResult {
  return worded(() => kpiAttainment(target, actual, direction, "en"));
}

export function CAMPAIGN_SCORE(attainments: unknown, weights?: unknown, cap?: unknown): NumberCell {
  return worded(() => campaignScore(attainments, weights, cap, "en"));
}

export function CAMPAIGN_ROI(revenue: unknown, cost: unknown): NumberResult {
  return worded(() => campaignRoi(revenue, cost, "en"));
}

/**
 * The scale as typed, read leniently so that an unusable one reaches campaignGrade and is refused there with the
 * reason (thresholds out of order, a grade named twice, ...). A step that is not "grade >= number" gets NaN as its
 * minimum, which the domain reports as "a threshold is not a number".
 */
function scaleAsTyped(text: string): GradeScale {
  const parsed = parseGradeScale(text);
  if (parsed) return parsed;
  const items = splitList(text);
  const steps = items.slice(0, -1).map((item) => gradeStepOf(item) ?? { grade: item, min: NOT_A_NUMBER });
  return { steps, otherwise: items[items.length - 1] ?? "" };
}

/**
 * The grade_thresholds row of Settings: found by the tab's metadata, read with one getValues. A workbook without
 * Settings (or without the row, or with it blank) grades by the default scale.
 */
function gradeScale(): GradeScale {
  const settings = readFieldRows(activeSpreadsheet(), SETTINGS_TAB, {
    lang: "en",
    formatDate: () => "",
  });
  const row = settings?.rows.find((r) => asString(r.cells.key ?? "").trim() === "grade_thresholds");
  const value = row?.cells.value;
  return isBlank(value) ? DEFAULT_GRADE_SCALE : scaleAsTyped(asString(value));
}

/**
 * The thresholds given as an argument: one cell with the scale as Settings writes it ("A >= 1; B >= 0.85; D"), a
 * column of such steps, or two columns (grade, lowest score) whose last grade has no score (it takes the rest).
 * Blank cells are skipped; an argument with nothing in it grades by the default scale, as a blank Settings row does.
 */
function scaleOfArgument(value: unknown): GradeScale {
  const items = isArray(value)
    ? asRows(value)
        .filter((r) => r.some((c) => !isBlank(c)))
        .map((r) =>
          r.length >= 2 && !isBlank(r[1]) ? `${asString(r[0]).trim()} >= ${asString(r[1]).trim()}` : asString(r[0]),
        )
    : isBlank(value)
      ? []
      : [asString(value)];
  const text = items.join("; ");
  return text.trim() === "" ? DEFAULT_GRADE_SCALE : scaleAsTyped(text);
}

/**
 * Sheets recalculates a custom function only when its arguments change, so thresholds read from Settings inside it
 * would leave grades stale after an edit of Settings; given as the second argument they regrade at once.
 */
export function CAMPAIGN_GRADE(score: unknown, thresholds?: unknown): TextResult {
  return worded(() =>
    thresholds === undefined
      ? campaignGrade(score, gradeScale(), "en")
      : campaignGrade(score, scaleOfArgument(thresholds), "en", "argument"),
  );
}
