// The global entry points of monitoring and evaluation, listed once and spread into SURFACE (src/server/surface.ts): the
// custom functions with the JSDoc Sheets shows as argument help, the menu items, the sidebar's RPCs and the
// time-driven trigger's handler.
import type { EntryPoint } from "../shared/entry";

export const EVALUATION_SURFACE: readonly EntryPoint[] = [
  { name: "menuShowMonitor", kind: "menu", params: [] },
  { name: "menuRefreshEvaluation", kind: "menu", params: [] },
  { name: "rpcMonitorStatus", kind: "rpc", params: ["request"] },
  { name: "rpcMonitorSchedule", kind: "rpc", params: ["request"] },
  { name: "rpcMonitorRun", kind: "rpc", params: ["request"] },
  { name: "rpcRefreshEvaluation", kind: "rpc", params: ["request"] },
  { name: "rpcSummaryForm", kind: "rpc", params: ["request"] },
  { name: "rpcSubmitSummary", kind: "rpc", params: ["request"] },
  { name: "rpcLessons", kind: "rpc", params: ["request"] },
  { name: "rpcCampaignProgress", kind: "rpc", params: ["request"] },
  {
    name: "KPI_ATTAINMENT",
    kind: "custom",
    params: ["target", "actual", "direction"],
    doc: [
      "KPI attainment: actual / target, or target / actual when lower is better (cost per lead).",
      "Give two numbers, or two ranges of the same size (=KPI_ATTAINMENT(E2:E, F2:F, D2:D) serves whole columns).",
      "A row with target and actual blank stays blank; a blank actual (not measured yet) is blank, not 0.",
      "A target of 0 or less, or an actual of 0 or less when lower is better, gives an error naming the cell.",
      "@param {number|Array<Array<number>>} target The target, or a range of targets (more than 0).",
      "@param {number|Array<Array<number>>} actual The actual value, or a range of the same size.",
      '@param {string|Array<Array<string>>} direction Optional: "higher" (default) or "lower", one for all rows or a range of the same size.',
      "@return The attainment (1 = 100 %), one per cell where ranges were given.",
    ],
  },
  {
    name: "CAMPAIGN_SCORE",
    kind: "custom",
    params: ["attainments", "weights", "cap"],
    doc: [
      "Campaign score: the weighted mean of the KPI attainments, each counted up to the cap (default 1.5 = 150 %).",
      "Blank attainments (KPIs not measured yet) are left out; a blank weight counts 1; no weights means equal weights.",
      "Weights that add up to 0, or a negative weight, give an error.",
      "@param {Array<Array<number>>} attainments The attainments, e.g. a column of KPI_ATTAINMENT results.",
      "@param {Array<Array<number>>} weights Optional: the weights, a range of the same size.",
      "@param {number} cap Optional: the most one attainment counts (default 1.5).",
      "@return The score (1 = 100 %).",
    ],
  },
  {
    name: "CAMPAIGN_ROI",
    kind: "custom",
    params: ["revenue", "cost"],
    doc: [
      "Return on investment: (revenue - cost) / cost; 0.25 means a 25 % return.",
      "Give two numbers or two ranges of the same size; where both are blank the result is blank.",
      "A cost of 0 or less gives an error, because ROI divides by it.",
      "@param {number|Array<Array<number>>} revenue The attributed revenue, or a range of them.",
      "@param {number|Array<Array<number>>} cost The cost (actual spend), or a range of the same size.",
      "@return The ROI, one per cell where ranges were given.",
    ],
  },
  {
    name: "CAMPAIGN_GRADE",
    kind: "custom",
    params: ["score", "thresholds"],
    doc: [
      "The grade of a campaign score by thresholds such as A >= 1; B >= 0.85; C >= 0.7; D.",
      "A score equal to a threshold gets that grade. Blank stays blank; text gives an error naming the cell.",
      "Sheets recalculates it only when its arguments change: give the thresholds as the second argument (e.g. the",
      "grade_thresholds value cell of Settings) so that a change of them regrades at once; without it they are read",
      "from Settings, and a change there shows only once the score changes or the formula is entered again.",
      "@param {number|Array<Array<number>>} score A score, or a range of scores.",
      "@param {string|Array<Array<string>>} thresholds Optional: the scale as text, a column of steps, or two columns (grade, lowest score; the last grade without one).",
      "@return The grade, one per cell where a range was given.",
    ],
  },
];
