// The evaluation report: per campaign, each KPI's attainment, the capped weighted score, grade, ROI, whether the goals were met, and chart series; bad rows left out and reported.

import { finiteNumber } from "../builtins";
import { attainment, attainmentRefusal, gradeOf, roi, tidy, weightedScore } from "./figures";
import {
  type DecodedRows,
  decodeRows,
  type EvaluationSettings,
  type Feedback,
  type Kpi,
  type KpiDirection,
  type RowProblem,
  type SheetRow,
} from "./model";
import { compareText, foldText } from "./values";

/** One point of a KPI's chart: the reading, and the target on the same date so the target draws as a line. */
export interface SeriesPoint {
  readonly date: string;
  readonly value: number;
  readonly target: number;
}

export interface KpiEvaluation {
  /** Sheet row of the KPI. */
  readonly row: number;
  readonly indicator: string;
  readonly unit: string;
  readonly direction: KpiDirection;
  readonly target: number;
  readonly weight: number;
  /** The KPI row's actual, else the latest reading's value; null when neither exists. */
  readonly actual: number | null;
  readonly actualFrom: "kpi" | "reading" | null;
  /** null when not measured, or when lower is better and the actual is not above 0. */
  readonly attainment: number | null;
  /** attainment >= 1; null when there is no attainment. */
  readonly met: boolean | null;
  /** Readings in date order (one per date: a later row for the same date replaces an earlier one). */
  readonly series: readonly SeriesPoint[];
}

/** A campaign's feedback: how much, the mean rating, the low ratings and how many of those still wait. */
export interface FeedbackFigures {
  /** Rows of feedback, rated or not. */
  readonly feedback: number;
  /** Mean of the ratings given; null when none was. */
  readonly rating: number | null;
  /** Ratings at or below the low-rating threshold. */
  readonly low: number;
  /** Share of the low ratings whose follow-up is open or in progress; null without a low rating. */
  readonly lowOpen: number | null;
}

const NO_FEEDBACK: FeedbackFigures = { feedback: 0, rating: null, low: 0, lowOpen: null };

export interface CampaignEvaluation extends FeedbackFigures {
  readonly campaign: string;
  readonly kpis: readonly KpiEvaluation[];
  /** KPIs with an attainment. */
  readonly measured: number;
  /** Weighted mean of the measured KPIs' attainments, each capped; null when none is measured or all weights are 0. */
  readonly score: number | null;
  readonly grade: string | null;
  readonly spend: number | null;
  readonly revenue: number | null;
  /** (revenue - spend) / spend; null unless both are known and spend is more than 0. */
  readonly roi: number | null;
  /**
   * Whether every KPI that counts (weight above 0) attained 100 % or more: false as soon as a measured one did
   * not, null while one is unmeasured and none has failed (or when no KPI counts), true otherwise.
   */
  readonly goalsMet: boolean | null;
}

export interface EvaluationReport {
  /** One per campaign, by campaign ID in code-unit order. */
  readonly campaigns: readonly CampaignEvaluation[];
  /** The rows left out, with tab, row, field and why, in tab then row order. */
  readonly problems: readonly RowProblem[];
}

export interface EvaluationInput {
  readonly kpis: readonly SheetRow[];
  readonly readings: readonly SheetRow[];
  /** Actual spend per campaign (from the budget domain), in the same unit as revenue. */
  readonly spend: ReadonlyMap<string, number>;
  /** Attributed revenue per campaign. A campaign missing here has no ROI rather than -100 %. */
  readonly revenue: ReadonlyMap<string, number>;
  readonly settings: Pick<EvaluationSettings, "cap" | "grades">;
  /** Feedback per campaign (feedbackFigures); a campaign with feedback is on the report even without KPIs. */
  readonly feedback?: ReadonlyMap<string, FeedbackFigures>;
}

/** Indicators match across tabs ignoring case, width and spacing, as a person reading them would. */
export function kpiKey(campaign: string, indicator: string): string {
  return `${campaign.trim()}\u0000${foldText(indicator)}`;
}

interface KpiAcc {
  readonly row: number;
  readonly kpi: Kpi;
  /** Latest reading per date, kept in a Map so a correction row replaces the earlier value in one step. */
  readonly byDate: Map<string, number>;
}

function finite(value: number | undefined): number | null {
  return value !== undefined && finiteNumber(value) ? value : null;
}

/**
 * Linear in the rows: one pass decodes and indexes KPIs by campaign and indicator, one pass attaches readings,
 * and only each KPI's own readings are sorted for its chart.
 */
export function evaluate(input: EvaluationInput): EvaluationReport {
  const { cap, grades } = input.settings;
  const kpiRows = decodeRows("kpis", input.kpis);
  const readingRows = decodeRows("readings", input.readings);
  const problems: RowProblem[] = [...kpiRows.problems];

  const byKey = new Map<string, KpiAcc>();
  const byCampaign = new Map<string, KpiAcc[]>();
  for (const { row, value: kpi } of kpiRows.rows) {
    const key = kpiKey(kpi.campaign, kpi.indicator);
    const first = byKey.get(key);
    if (first) {
      problems.push(indicatorProblem("kpis", row, "duplicateKpi", kpi, { first: first.row }));
      continue;
    }
    const acc: KpiAcc = { row, kpi, byDate: new Map() };
    byKey.set(key, acc);
    const list = byCampaign.get(kpi.campaign);
    if (list) list.push(acc);
    else byCampaign.set(kpi.campaign, [acc]);
  }

  problems.push(...readingRows.problems);
  for (const { row, value: reading } of readingRows.rows) {
    const acc = byKey.get(kpiKey(reading.campaign, reading.indicator));
    if (acc) acc.byDate.set(reading.date, reading.value);
    else problems.push(indicatorProblem("readings", row, "unknownKpi", reading));
  }

  const feedback = input.feedback ?? new Map<string, FeedbackFigures>();
  const ids = new Set([...byCampaign.keys(), ...input.spend.keys(), ...input.revenue.keys(), ...feedback.keys()]);
  const campaigns = [...ids].sort(compareText).map((id) => ({
    ...campaignOf(
      id,
      (byCampaign.get(id) ?? []).map(evaluateKpi),
      finite(input.spend.get(id)),
      finite(input.revenue.get(id)),
      cap,
      grades,
    ),
    ...(feedback.get(id) ?? NO_FEEDBACK),
  }));

  return {
    campaigns,
    problems: problems.sort((a, b) => tabOrder(a) - tabOrder(b) || a.row - b.row),
  };
}

function tabOrder(p: RowProblem): number {
  return p.tab === "kpis" ? 0 : 1;
}

/** A row left out for its indicator: a KPI named twice for a campaign, or a reading of a KPI that is not there. */
function indicatorProblem(
  tab: "kpis" | "readings",
  row: number,
  what: "duplicateKpi" | "unknownKpi",
  item: Pick<Kpi, "campaign" | "indicator">,
  params: Readonly<Record<string, number>> = {},
): RowProblem {
  return {
    tab,
    row,
    field: "indicator",
    messageKey: `evaluation.problem.${what}`,
    found: item.indicator,
    params: { campaign: item.campaign, indicator: item.indicator, ...params },
  };
}

function evaluateKpi(acc: KpiAcc): KpiEvaluation {
  const { kpi } = acc;
  // ISO dates sort correctly as text.
  const series = [...acc.byDate]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([date, value]) => ({ date, value, target: kpi.target }));
  const latest = series[series.length - 1];
  const actual = kpi.actual ?? latest?.value ?? null;
  const actualFrom = kpi.actual !== null ? "kpi" : latest ? "reading" : null;
  const value =
    actual === null || attainmentRefusal(kpi.target, actual, kpi.direction) !== null
      ? null
      : attainment(kpi.target, actual, kpi.direction);
  // The KPI's own fields (indicator, unit, direction, target, weight) as read; the rest is the evaluation's.
  return {
    ...kpi,
    row: acc.row,
    actual,
    actualFrom,
    attainment: value,
    met: value === null ? null : value >= 1,
    series,
  };
}

function campaignOf(
  campaign: string,
  kpis: KpiEvaluation[],
  spend: number | null,
  revenue: number | null,
  cap: number,
  grades: EvaluationSettings["grades"],
): Omit<CampaignEvaluation, keyof FeedbackFigures> {
  const sum = weightedScore(cap);
  let counted = 0;
  let met = 0;
  let unknown = 0;
  for (const k of kpis) {
    if (k.attainment !== null) sum.add(k.attainment, k.weight);
    // A weight of 0 marks a KPI watched for information: it counts neither in the score nor in the goals.
    if (k.weight > 0) {
      counted += 1;
      if (k.met === null) unknown += 1;
      else if (k.met) met += 1;
    }
  }
  const score = sum.value();
  return {
    campaign,
    kpis,
    measured: sum.count,
    score,
    grade: score === null ? null : gradeOf(score, grades),
    spend,
    revenue,
    roi: spend !== null && revenue !== null && spend > 0 ? roi(revenue, spend) : null,
    goalsMet: counted === 0 ? null : met + unknown < counted ? false : unknown > 0 ? null : true,
  };
}

/** How many of the KPIs that count (weight above 0) met their target, for the summary form's effect text. */
export function goalCounts(evaluation: CampaignEvaluation): { readonly met: number; readonly counted: number } {
  const counted = evaluation.kpis.filter((k) => k.weight > 0);
  return { met: counted.filter((k) => k.met === true).length, counted: counted.length };
}

/**
 * The feedback rows of one tab decoded, and those naming no known campaign left out with a problem on the campaign
 * cell (a typo would otherwise open a campaign of its own on the report).
 */
export function decodeFeedbackRows(
  rows: readonly SheetRow[],
  known: ReadonlyMap<string, unknown>,
): DecodedRows<Feedback> {
  const decoded = decodeRows("feedback", rows);
  const out = decoded.rows.filter(({ row, value: { campaign } }) => {
    if (known.has(campaign)) return true;
    decoded.problems.push({
      tab: "feedback",
      row,
      field: "campaign",
      messageKey: "evaluation.problem.unknownCampaign",
      found: campaign,
      params: { campaign },
    });
    return false;
  });
  return { rows: out, problems: decoded.problems.sort((a, b) => a.row - b.row) };
}

/** Per campaign: the count, the mean of the ratings given, the low ratings (at or below `lowRating`) and the share of them still open. */
export function feedbackFigures(rows: readonly Feedback[], lowRating: number): Map<string, FeedbackFigures> {
  const acc = new Map<string, { n: number; rated: number; sum: number; low: number; open: number }>();
  for (const f of rows) {
    const a = acc.get(f.campaign) ?? { n: 0, rated: 0, sum: 0, low: 0, open: 0 };
    acc.set(f.campaign, a);
    a.n++;
    if (f.rating === null) continue;
    a.rated++;
    a.sum += f.rating;
    if (f.rating > lowRating) continue;
    a.low++;
    if (f.state === "open" || f.state === "progress") a.open++;
  }
  const out = new Map<string, FeedbackFigures>();
  for (const [id, a] of acc) {
    out.set(id, {
      feedback: a.n,
      rating: a.rated > 0 ? tidy(a.sum / a.rated) : null,
      low: a.low,
      lowOpen: a.low > 0 ? tidy(a.open / a.low) : null,
    });
  }
  return out;
}
