// The monitoring and evaluation tabs: KPIs and KPI readings (typed by people), Summaries and Lessons (written at
// acceptance, Lessons also by hand), and the three the add-on writes whole: Evaluation report, Scorecard, Monitor.
import { FOLLOW_UPS, KPI_DIRECTIONS, parseDirection } from "../../domain/evaluation";
import { catalogIn } from "../../domain/i18n";
import { type ChoiceSpec, type Col, choiceOf, columns, type TabSpec } from "../shared/spec";

const DIRECTION_CHOICE: ChoiceSpec = {
  values: (lang) => KPI_DIRECTIONS.map((d) => catalogIn(lang)[`evaluation.direction.${d}`]),
  // "higher", "Lower is better", "越低越好", "低": the domain reads every form people type.
  parse: parseDirection,
  blank: "higher",
};

/** Yes / No in the workbook's language; "yes"/"no", TRUE/FALSE and 是/否 read back too (the decoder takes them). */
const YES_NO_CHOICE = choiceOf(["yes", "no"], (answer) => `evaluation.${answer}`, null);

type EvaluationTabKey =
  | "kpis"
  | "readings"
  | "feedback"
  | "evaluation"
  | "summaries"
  | "lessons"
  | "scorecard"
  | "monitor";

/** A tab named `tab.<key>` whose columns are labelled `col.<key>.<column>`. */
function tab(key: EvaluationTabKey, list: readonly Col[], appendOnly?: boolean): TabSpec {
  return { key, name: `tab.${key}`, appendOnly, columns: columns(key, list) };
}

const CAMPAIGN: Col = ["campaign", "text", 120, { required: true, plainText: true }];

export const KPIS_TAB: TabSpec = tab("kpis", [
  CAMPAIGN,
  ["indicator", "text", 180, { required: true }],
  ["unit", "text", 80],
  ["direction", "choice", 130, { choice: DIRECTION_CHOICE }],
  ["target", "number", 100],
  ["actual", "number", 100],
  ["weight", "number", 70],
  ["source", "text", 140],
  ["updated", "date", 100],
]);

export const READINGS_TAB: TabSpec = tab("readings", [
  ["date", "date", 100, { required: true }],
  CAMPAIGN,
  ["indicator", "text", 180],
  ["value", "number", 110],
]);

/** Participants' and customers' feedback, typed by people; linked form responses are read by the same columns. */
export const FEEDBACK_TAB: TabSpec = tab("feedback", [
  ["date", "date", 100, { required: true }],
  CAMPAIGN,
  ["channel", "text", 120],
  ["rating", "number", 70],
  ["comment", "text", 320],
  ["owner", "text", 180],
  ["state", "choice", 110, { choice: choiceOf(FOLLOW_UPS, (s) => `evaluation.followUp.${s}`, "open") }],
]);

/** Written whole by every refresh; its number formats are set by the writer (percentages, money). */
export const EVALUATION_TAB: TabSpec = tab(
  "evaluation",
  [
    CAMPAIGN,
    ["name", "text", 200],
    ["indicator", "text", 160],
    ["target", "number", 90],
    ["actual", "number", 90],
    ["attainment", "number", 95],
    ["weight", "number", 70],
    ["met", "text", 80],
    ["score", "number", 80],
    ["grade", "text", 65],
    ["spend", "number", 110],
    ["revenue", "number", 120],
    ["roi", "number", 80],
    ["goals", "text", 120],
    ["feedback", "number", 85],
    ["rating", "number", 90],
    ["low", "number", 85],
    ["low_open", "number", 120],
  ],
  true,
);

export const SUMMARIES_TAB: TabSpec = tab("summaries", [
  CAMPAIGN,
  ["goals_met", "choice", 110, { choice: YES_NO_CHOICE }],
  ["effect", "text", 260],
  ["problems", "text", 240],
  ["improvements", "text", 240],
  ["accepted_by", "text", 180, { projected: true }],
  ["accepted_at", "text", 170, { plainText: true, projected: true }],
]);

export const LESSONS_TAB: TabSpec = tab("lessons", [
  CAMPAIGN,
  ["channels", "list", 160],
  ["audience", "text", 180],
  ["tags", "list", 160],
  ["lesson", "text", 300, { required: true }],
  ["recommendation", "text", 300],
]);

export const SCORECARD_TAB: TabSpec = tab(
  "scorecard",
  [
    ["owner", "text", 200, { required: true }],
    ["period", "text", 90, { plainText: true }],
    ["campaigns", "number", 100],
    ["budget_adherence", "number", 120],
    ["tasks_due", "number", 90],
    ["on_time_rate", "number", 100],
    ["tasks_unknown", "number", 110],
    ["mean_attainment", "number", 120],
    ["score", "number", 80],
    ["tier", "text", 160],
  ],
  true,
);

export const MONITOR_TAB: TabSpec = tab(
  "monitor",
  [
    ["severity", "text", 80, { required: true }],
    ["kind", "text", 130],
    ["campaign", "text", 120, { plainText: true }],
    ["message", "text", 460],
    ["notify", "text", 220],
    ["since", "text", 150, { plainText: true }],
    ["key", "text", 120, { plainText: true }],
  ],
  true,
);

/** In the order setup creates them, after the tabs of the plan, the execution and the budget. */
export const EVALUATION_TABS_SPECS: readonly TabSpec[] = [
  KPIS_TAB,
  READINGS_TAB,
  FEEDBACK_TAB,
  EVALUATION_TAB,
  SUMMARIES_TAB,
  LESSONS_TAB,
  SCORECARD_TAB,
  MONITOR_TAB,
];
