// The Settings rows of monitoring and evaluation (grade thresholds, lag threshold, waiting days, managers, revenue
// indicators, scorecard rules): their keys, starting values and how a typed value is read, a bad one falling back to
// its default with a problem rather than stopping the add-on.

import { asNumber, asString, finiteNumber, isNumber, isString, trimLower } from "./builtins";
import {
  DEFAULT_EVALUATION_SETTINGS,
  type EvaluationSettings,
  formatGradeScale,
  parseGradeScale,
  type ScorecardPeriod,
} from "./evaluation";
import { isEmail } from "./evaluation/values";
import { isBlank } from "./found";
import type { MessageKey } from "./i18n";
import { splitList } from "./lists";

export interface EvaluationSettingRow {
  /** Written in the Setting column; the add-on looks it up by this. */
  readonly key: string;
  readonly description: MessageKey;
  /** What a new workbook starts with. */
  readonly initial: string | number;
}

export const DEFAULT_REVENUE_INDICATORS = ["Revenue", "Sales", "GMV", "销售额", "收入"];

/** What Sheets names the tab a Google Form links to, in English and Chinese. */
export const DEFAULT_FEEDBACK_FORMS = ["Form Responses 1", "表单回复 1"];

const DEFAULTS = DEFAULT_EVALUATION_SETTINGS;

/** Each row's starting value, which is also what a problem names as the value used instead of an unusable one. */
const INITIAL: ReadonlyMap<EvaluationSettingKey, string | number> = new Map<EvaluationSettingKey, string | number>([
  ["grade_thresholds", formatGradeScale(DEFAULTS.grades)],
  ["score_cap", DEFAULTS.cap],
  ["lag_threshold", DEFAULTS.lagThreshold],
  ["request_wait_days", DEFAULTS.requestWaitDays],
  ["escalate_after_days", DEFAULTS.escalateAfterDays],
  ["managers", ""],
  ["revenue_indicators", DEFAULT_REVENUE_INDICATORS.join(", ")],
  ["scorecard_period", DEFAULTS.scorecard.period],
  ["scorecard_weights", weightsText(DEFAULTS.scorecard.weights)],
  ["scorecard_recognition", DEFAULTS.scorecard.recognition],
  ["scorecard_improvement", DEFAULTS.scorecard.improvement],
  ["feedback_low_rating", DEFAULTS.lowRating],
  ["feedback_forms", DEFAULT_FEEDBACK_FORMS.join(", ")],
]);

/** The rows in Settings order; each one's description is `setting.<key>`. */
export const EVALUATION_SETTING_ROWS: readonly EvaluationSettingRow[] = [...INITIAL].map(([key, initial]) => ({
  key,
  description: `setting.${key}`,
  initial,
}));

export type EvaluationSettingKey =
  | "grade_thresholds"
  | "score_cap"
  | "lag_threshold"
  | "request_wait_days"
  | "escalate_after_days"
  | "managers"
  | "revenue_indicators"
  | "scorecard_period"
  | "scorecard_weights"
  | "scorecard_recognition"
  | "scorecard_improvement"
  | "feedback_low_rating"
  | "feedback_forms";

function weightsText(w: EvaluationSettings["scorecard"]["weights"]): string {
  return `budget ${w.budget}; on time ${w.onTime}; attainment ${w.attainment}`;
}

/** The settings monitoring and evaluation run on, as read from the Settings tab. */
export interface EvaluationSettingsRead {
  readonly settings: EvaluationSettings;
  /** Indicators (folded for matching) whose actual is the campaign's attributed revenue. */
  readonly revenueIndicators: readonly string[];
  /** Tabs of linked Google Form responses, read as feedback by their headers. */
  readonly feedbackForms: readonly string[];
  /** True when managers are named in Settings; otherwise the caller fills in the approvers. */
  readonly managersNamed: boolean;
  readonly problems: readonly EvaluationSettingProblem[];
}

/** A value that could not be used: which setting, on which row, what was there, and the default used instead. */
export interface EvaluationSettingProblem {
  readonly key: EvaluationSettingKey;
  readonly row: number;
  readonly found: unknown;
  readonly fallback: string;
}

const PERCENT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*[%％]$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number typed into a cell: 0.9, "0.9", "90%" (a cell formatted as percent already holds 0.9). */
export function readSettingNumber(value: unknown): number | null {
  if (isNumber(value)) return finiteNumber(value) ? value : null;
  if (!isString(value)) return null;
  const text = value.trim().replace(/,/g, "");
  const percent = PERCENT.exec(text);
  if (percent) return asNumber(percent[1]) / 100;
  return DECIMAL.test(text) ? asNumber(text) : null;
}

function listOf(value: unknown): string[] {
  return isString(value) || isNumber(value) ? splitList(asString(value)) : [];
}

const PERIODS: ReadonlyMap<string, ScorecardPeriod> = new Map([
  ...["month", "monthly", "月", "月度"].map((word) => [word, "month"] as const),
  ...["quarter", "quarterly", "季度", "季"].map((word) => [word, "quarter"] as const),
]);

const WEIGHT_NAMES: readonly [keyof EvaluationSettings["scorecard"]["weights"], RegExp][] = [
  ["budget", /budget|预算/i],
  ["onTime", /on[\s_-]*time|按时|准时/i],
  ["attainment", /attain|达成/i],
];

/** "budget 1; on time 1; attainment 2" (any order, either language) or three numbers in that order. */
export function parseScorecardWeights(value: unknown): EvaluationSettings["scorecard"]["weights"] | null {
  if (!isString(value)) return null;
  const items = listOf(value);
  if (items.length !== 3) return null;
  const plain = items.map(readSettingNumber);
  const out: Partial<Record<keyof EvaluationSettings["scorecard"]["weights"], number>> = {};
  if (plain.every((n): n is number => n !== null && n >= 0)) {
    [out.budget, out.onTime, out.attainment] = plain;
  } else {
    for (const item of items) {
      const named = WEIGHT_NAMES.find(([, pattern]) => pattern.test(item));
      const number = /([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$/.exec(item);
      if (!named || !number || out[named[0]] !== undefined) return null;
      const n = asNumber(number[1]);
      if (!(n >= 0)) return null;
      out[named[0]] = n;
    }
  }
  const { budget, onTime, attainment } = out;
  if (budget === undefined || onTime === undefined || attainment === undefined) return null;
  return budget + onTime + attainment > 0 ? { budget, onTime, attainment } : null;
}

/**
 * Reads the rows by key (value and sheet row as found in the Settings tab). A missing row or a blank value is the
 * default without a problem (a blank managers cell means "the approvers"); anything unusable is the default with a
 * problem naming the row.
 */
export function readEvaluationSettings(
  rows: ReadonlyMap<string, { readonly value: unknown; readonly row: number }>,
): EvaluationSettingsRead {
  const problems: EvaluationSettingProblem[] = [];
  /** The setting falls back to its starting value, and the problem says so. */
  const unusable = (key: EvaluationSettingKey, entry: { value: unknown; row: number } | undefined, found: unknown) => {
    problems.push({ key, row: entry?.row ?? 0, found, fallback: asString(INITIAL.get(key)) });
  };
  const read = <T>(key: EvaluationSettingKey, fallback: T, parse: (value: unknown) => T | null): T => {
    const entry = rows.get(key);
    if (!entry || isBlank(entry.value)) return fallback;
    const value = parse(entry.value);
    if (value === null) unusable(key, entry, entry.value);
    return value ?? fallback;
  };
  const number = (zeroToo: boolean) => (value: unknown) => {
    const n = readSettingNumber(value);
    return n !== null && (zeroToo ? n >= 0 : n > 0) ? n : null;
  };
  const positive = number(false);
  const nonNegative = number(true);

  const grades = read("grade_thresholds", DEFAULTS.grades, (v) => (isString(v) ? parseGradeScale(v) : null));
  const cap = read("score_cap", DEFAULTS.cap, positive);
  const lagThreshold = read("lag_threshold", DEFAULTS.lagThreshold, positive);
  const requestWaitDays = read("request_wait_days", DEFAULTS.requestWaitDays, nonNegative);
  const escalateAfterDays = read("escalate_after_days", DEFAULTS.escalateAfterDays, nonNegative);
  const managers = read<string[]>("managers", [], (v) => {
    const list = listOf(v).map((s) => s.toLowerCase());
    return list.length > 0 && list.every(isEmail) ? [...new Set(list)] : null;
  });
  const revenueIndicators = read("revenue_indicators", DEFAULT_REVENUE_INDICATORS, (v) => {
    const list = listOf(v);
    return list.length > 0 ? list : null;
  });
  const period = read("scorecard_period", DEFAULTS.scorecard.period, (v) =>
    isString(v) ? (PERIODS.get(trimLower(v)) ?? null) : null,
  );
  const weights = read("scorecard_weights", DEFAULTS.scorecard.weights, parseScorecardWeights);
  const lowRating = read("feedback_low_rating", DEFAULTS.lowRating, (v) => {
    const n = readSettingNumber(v);
    return n !== null && n >= 1 && n < 5 ? n : null;
  });
  const feedbackForms = read("feedback_forms", DEFAULT_FEEDBACK_FORMS, (v) => listOf(v));
  let recognition = read("scorecard_recognition", DEFAULTS.scorecard.recognition, nonNegative);
  let improvement = read("scorecard_improvement", DEFAULTS.scorecard.improvement, nonNegative);
  if (improvement > recognition) {
    // The two bounds contradict each other: both fall back, and the improvement row (the usual culprit) is named.
    const entry = rows.get("scorecard_improvement") ?? rows.get("scorecard_recognition");
    unusable("scorecard_improvement", entry, entry?.value ?? improvement);
    recognition = DEFAULTS.scorecard.recognition;
    improvement = DEFAULTS.scorecard.improvement;
  }

  return {
    settings: {
      cap,
      grades,
      lagThreshold,
      lowRating,
      levelUnits: DEFAULTS.levelUnits,
      requestWaitDays,
      escalateAfterDays,
      managers,
      scorecard: { period, weights, recognition, improvement },
    },
    revenueIndicators,
    feedbackForms,
    managersNamed: managers.length > 0,
    problems,
  };
}
