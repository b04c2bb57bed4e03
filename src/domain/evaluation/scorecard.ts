// The team scorecard: per person and month or quarter, what they ran and how it went (budget adherence, on-time tasks, attainment), a score and a suggested tier under the rules in Settings.

import { asNumber, finiteNumber, mathCeil, mathMin, max } from "../builtins";
import { add, decimalFromNumber, subtract, toNumber } from "../money";
import type { CampaignState } from "../workflow/model";
import { tidy } from "./figures";
import type { EvaluationSettings, ScorecardPeriod, Task } from "./model";
import type { BudgetPosition } from "./monitor";
import { compareText, isIsoDate, normalizeEmail } from "./values";

export const TIERS = ["recognition", "meets", "improvement"] as const;
export type Tier = (typeof TIERS)[number];

export interface ScorecardCampaign {
  readonly id: string;
  readonly owner: string;
  /** The campaign counts in the period that holds its end date: it is judged when it ends. */
  readonly end: string | null;
  readonly state?: CampaignState;
}

export interface ScorecardInput {
  /** The date of the run (spreadsheet-local): tasks due after it and still open are not judged yet. */
  readonly today: string;
  readonly campaigns: readonly ScorecardCampaign[];
  readonly tasks: readonly Task[];
  readonly budgets: ReadonlyMap<string, BudgetPosition>;
  /** Each campaign's score from the evaluation report (weighted, capped attainment). */
  readonly scores: ReadonlyMap<string, number>;
  readonly settings: Pick<EvaluationSettings, "scorecard">;
  /** Overrides settings.scorecard.period. */
  readonly period?: ScorecardPeriod;
}

export interface ScorecardRow {
  readonly owner: string;
  /** "2026-03" for a month, "2026-Q1" for a quarter. */
  readonly period: string;
  /** Campaigns owned that ran (started, finished or closed) and end in the period. */
  readonly campaigns: number;
  /** Of those, campaigns with an approved budget, and how many stayed within it (actual + committed <= approved). */
  readonly budgeted: number;
  readonly withinBudget: number;
  /** withinBudget / budgeted. */
  readonly budgetAdherence: number | null;
  /** Tasks owned, due in the period and decided: done, or past due and still open. */
  readonly tasksDue: number;
  /** Of those, done on or before the due date by their completion date. */
  readonly tasksOnTime: number;
  /** Of those, done without a completion date: neither on time nor late, so outside the rate (and shown). */
  readonly tasksUnknown: number;
  /** tasksOnTime / (tasksDue - tasksUnknown); null when no task's timeliness is known. */
  readonly onTimeRate: number | null;
  /** Mean score of the campaigns that have one. */
  readonly meanAttainment: number | null;
  /** Weighted mean of the components that have data, each in 0..1; null when none has. */
  readonly score: number | null;
  readonly tier: Tier | null;
}

/** Campaigns that ran; drafts, plans under review and cancelled ones were never run by anyone. */
const RAN: readonly CampaignState[] = ["InProgress", "Completed", "Closed"];

export function periodOf(date: string, period: ScorecardPeriod): string {
  return period === "month" ? date.slice(0, 7) : `${date.slice(0, 4)}-Q${mathCeil(asNumber(date.slice(5, 7)) / 3)}`;
}

interface Acc {
  owner: string;
  period: string;
  campaigns: number;
  budgeted: number;
  withinBudget: number;
  tasksDue: number;
  tasksOnTime: number;
  tasksUnknown: number;
  scoreSum: number;
  scored: number;
}

/** One pass over campaigns and one over tasks, accumulating into a Map per person and period. */
export function scorecard(input: ScorecardInput): ScorecardRow[] {
  const rules = input.settings.scorecard;
  const period = input.period ?? rules.period;
  const accs = new Map<string, Acc>();
  const accOf = (owner: string, p: string): Acc => {
    const key = `${owner} ${p}`;
    let acc = accs.get(key);
    if (!acc) {
      acc = {
        owner,
        period: p,
        campaigns: 0,
        budgeted: 0,
        withinBudget: 0,
        tasksDue: 0,
        tasksOnTime: 0,
        tasksUnknown: 0,
        scoreSum: 0,
        scored: 0,
      };
      accs.set(key, acc);
    }
    return acc;
  };

  const states = new Map<string, CampaignState | undefined>();
  for (const c of input.campaigns) {
    states.set(c.id, c.state);
    const owner = normalizeEmail(c.owner);
    if (owner === "" || c.end === null || !isIsoDate(c.end)) continue;
    if (c.state !== undefined && !RAN.includes(c.state)) continue;
    const acc = accOf(owner, periodOf(c.end, period));
    acc.campaigns += 1;
    const position = input.budgets.get(c.id);
    if (position && [position.approved, position.actual, position.committed].every(finiteNumber)) {
      acc.budgeted += 1;
      // Exactly 100 % spent is within budget; money promised (committed) counts as spent.
      const spent = add(decimalFromNumber(position.actual), decimalFromNumber(position.committed));
      if (toNumber(subtract(spent, decimalFromNumber(position.approved))) <= 0) acc.withinBudget += 1;
    }
    const score = input.scores.get(c.id);
    if (score !== undefined && finiteNumber(score)) {
      acc.scoreSum += score;
      acc.scored += 1;
    }
  }

  for (const task of input.tasks) {
    const owner = normalizeEmail(task.owner);
    if (owner === "" || task.status === "cancelled" || states.get(task.campaign) === "Cancelled") continue;
    const done = task.status === "done";
    // Still open and not yet due: not late, not on time, just not decided.
    if (!done && !(task.due < input.today)) continue;
    const acc = accOf(owner, periodOf(task.due, period));
    acc.tasksDue += 1;
    // Past due and still open: late.
    if (!done) continue;
    // Done without a completion date (a pasted row, a status set before the column existed) could be either: it is
    // counted apart and left out of the rate rather than guessed on time or late.
    if (task.completed === null) acc.tasksUnknown += 1;
    else if (task.completed <= task.due) acc.tasksOnTime += 1;
  }

  const rows: ScorecardRow[] = [];
  for (const { scoreSum, scored, ...counts } of accs.values()) {
    const budgetAdherence = counts.budgeted === 0 ? null : tidy(counts.withinBudget / counts.budgeted);
    const judged = counts.tasksDue - counts.tasksUnknown;
    const onTimeRate = judged === 0 ? null : tidy(counts.tasksOnTime / judged);
    const meanAttainment = scored === 0 ? null : tidy(scoreSum / scored);
    const score = scoreOf(rules.weights, budgetAdherence, onTimeRate, meanAttainment);
    rows.push({
      ...counts,
      budgetAdherence,
      onTimeRate,
      meanAttainment,
      score,
      tier:
        score === null
          ? null
          : score >= rules.recognition
            ? "recognition"
            : score < rules.improvement
              ? "improvement"
              : "meets",
    });
  }
  return rows.sort((a, b) => compareText(a.period, b.period) || compareText(a.owner, b.owner));
}

/**
 * Attainment counts up to 100 % here: over-achieving one goal should not buy back late delivery or overspend.
 * A component without data is left out and the weights of the others carry the score.
 */
function scoreOf(
  weights: EvaluationSettings["scorecard"]["weights"],
  budget: number | null,
  onTime: number | null,
  attained: number | null,
): number | null {
  let sum = 0;
  let total = 0;
  const part = (value: number | null, weight: number) => {
    if (value === null || !(weight > 0)) return;
    sum += mathMin(1, max(0, value)) * weight;
    total += weight;
  };
  part(budget, weights.budget);
  part(onTime, weights.onTime);
  part(attained, weights.attainment);
  return total === 0 ? null : tidy(sum / total);
}
