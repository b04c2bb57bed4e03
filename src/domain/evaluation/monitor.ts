// The scheduled monitoring rules: at a given moment, which tasks are overdue, which KPIs are heading below target, which campaigns overspend and which requests wait too long, each as an alert with a stable key.

import { finiteNumber, mathCeil, mathFloor, mathMin, mathRound, NOT_A_NUMBER, stringify } from "../builtins";
import { add, decimalFromNumber, subtract, toNumber } from "../money";
import { APPROVED_STATES, type CampaignState, type RequestType } from "../workflow/model";
import { attainment, attainmentRefusal, tidy } from "./figures";
import type { EvaluationMessageKey, MessageParams } from "./messages";
import type { EvaluationSettings, Kpi, KpiReading, Task } from "./model";
import { kpiKey } from "./report";
import {
  compareText,
  dayNumber,
  emailSet,
  foldText,
  instantMs,
  isIsoDate,
  isIsoInstant,
  localDateOf,
  MS_PER_DAY,
} from "./values";

export const ALERT_KINDS = ["overspend", "task_overdue", "kpi_lagging", "request_waiting"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ["critical", "warning"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Alert {
  /**
   * Names the situation, not the run: the same overdue task gives the same key every hour, so a digest can tell
   * what it already sent. It changes when the situation does (a new due date, a newer reading, another approved
   * amount, the request moving to other approvers), which makes the alert new again.
   */
  readonly key: string;
  readonly kind: AlertKind;
  readonly severity: Severity;
  readonly campaign: string;
  /** Lower-cased, sorted, without repeats. */
  readonly recipients: readonly string[];
  readonly messageKey: EvaluationMessageKey;
  readonly params: MessageParams;
}

export interface MonitorCampaign {
  readonly id: string;
  /** Shown beside the ID in messages when given. */
  readonly name?: string;
  readonly start: string | null;
  readonly end: string | null;
  /** From the workflow fold; without it the campaign is watched as if running. */
  readonly state?: CampaignState;
}

/** Money per campaign as the budget domain reports it, all in one unit. */
export interface BudgetPosition {
  readonly approved: number;
  readonly actual: number;
  readonly committed: number;
}

/** An open request from the workflow fold, with the people who may decide it now. */
export interface PendingRequest {
  readonly id: string;
  readonly campaign: string;
  readonly type: RequestType;
  /** An instant with offset (as the approval log holds it) or a date. */
  readonly submittedAt: string;
  readonly approvers: readonly string[];
}

export interface MonitorInput {
  /** The moment of the run: an ISO instant with the spreadsheet's offset; its date part is "today". */
  readonly now: string;
  readonly campaigns: readonly MonitorCampaign[];
  readonly tasks: readonly Task[];
  readonly kpis: readonly Kpi[];
  readonly readings: readonly KpiReading[];
  readonly budgets: ReadonlyMap<string, BudgetPosition>;
  readonly requests: readonly PendingRequest[];
  readonly settings: Pick<
    EvaluationSettings,
    "lagThreshold" | "levelUnits" | "requestWaitDays" | "escalateAfterDays" | "managers"
  >;
}

/** Tasks and KPIs matter while the work runs; before approval there is nothing to be late for, after it nothing to fix. */
const RUNNING: readonly CampaignState[] = ["Ready", "InProgress"];
/** Money can still be spent or committed from approval until the campaign is closed. */
const SPENDING: readonly CampaignState[] = APPROVED_STATES.filter((s) => s !== "Closed");

/**
 * An alert of the situation `name`: its message is `evaluation.alert.<name>` and its key starts with the name. An
 * unmeasured KPI is reported as a lagging one.
 */
function alertOf(
  name: AlertKind | "kpi_unmeasured",
  keyParts: readonly (string | number)[],
  alert: Pick<Alert, "severity" | "campaign" | "recipients" | "params">,
): Alert {
  return {
    // JSON keeps the parts apart whatever characters an ID or a step name holds.
    key: stringify([name, ...keyParts]),
    kind: name === "kpi_unmeasured" ? "kpi_lagging" : name,
    messageKey: `evaluation.alert.${name}`,
    ...alert,
  };
}

/** Linear in the inputs: campaigns and latest readings are looked up in Maps, never by scanning. */
export function monitor(input: MonitorInput): Alert[] {
  if (!isIsoInstant(input.now)) throw RangeError(`now must be an ISO instant with offset: ${input.now}`);
  const today = localDateOf(input.now);
  const todayDay = dayNumber(today);
  const { settings } = input;
  const managers = emailSet(settings.managers);
  const campaigns = new Map(input.campaigns.map((c) => [c.id, c]));
  const label = (id: string) => {
    const name = campaigns.get(id)?.name?.trim();
    return name ? `${name} (${id})` : id;
  };
  const watched = (id: string, states: readonly CampaignState[]) => {
    const state = campaigns.get(id)?.state;
    return state === undefined || states.includes(state);
  };
  const alerts = new Map<string, Alert>();
  const push = (alert: Alert) => {
    if (!alerts.has(alert.key)) alerts.set(alert.key, alert);
  };

  for (const task of input.tasks) {
    if (task.status === "done" || task.status === "cancelled") continue;
    if (!(task.due < today) || !watched(task.campaign, RUNNING)) continue;
    const days = todayDay - dayNumber(task.due);
    push(
      alertOf("task_overdue", [task.campaign, task.step, task.due], {
        severity: days > settings.escalateAfterDays ? "critical" : "warning",
        campaign: task.campaign,
        recipients: managers,
        params: { campaign: label(task.campaign), step: task.step, due: task.due, days, owner: task.owner || "—" },
      }),
    );
  }

  for (const alert of laggingKpis(input, today, campaigns, managers, label)) push(alert);

  for (const [campaign, position] of input.budgets) {
    if (!watched(campaign, SPENDING)) continue;
    const { approved, actual, committed } = position;
    if (![approved, actual, committed].every(finiteNumber)) continue;
    // Exact sums: 0.1 + 0.2 of spend against 0.3 approved is on budget, not over by float noise.
    const spent = add(decimalFromNumber(actual), decimalFromNumber(committed));
    const over = toNumber(subtract(spent, decimalFromNumber(approved)));
    if (!(over > 0)) continue;
    push(
      alertOf("overspend", [campaign, approved], {
        severity: "critical",
        campaign,
        recipients: managers,
        params: { campaign: label(campaign), spent: toNumber(spent), approved, over },
      }),
    );
  }

  const nowMs = instantMs(input.now);
  for (const request of input.requests) {
    const waited = isIsoInstant(request.submittedAt)
      ? (nowMs - instantMs(request.submittedAt)) / MS_PER_DAY
      : isIsoDate(request.submittedAt)
        ? todayDay - dayNumber(request.submittedAt)
        : NOT_A_NUMBER;
    if (!(waited > settings.requestWaitDays)) continue;
    const approvers = emailSet(request.approvers);
    const days = mathFloor(waited);
    push(
      alertOf("request_waiting", [request.id, ...approvers], {
        severity: waited > settings.escalateAfterDays ? "critical" : "warning",
        campaign: request.campaign,
        recipients: approvers,
        params: {
          campaign: label(request.campaign),
          type: request.type,
          request: request.id,
          days,
          submitted: request.submittedAt,
        },
      }),
    );
  }

  return [...alerts.values()].sort(compareAlerts);
}

/**
 * Most urgent first, then by kind (in the order of SEVERITIES and ALERT_KINDS) and campaign, then key: the same
 * alerts always list in the same order.
 */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    ALERT_KINDS.indexOf(a.kind) - ALERT_KINDS.indexOf(b.kind) ||
    compareText(a.campaign, b.campaign) ||
    compareText(a.key, b.key)
  );
}

/** What the projection of one KPI rests on: a value measured on a date. */
interface Measurement {
  readonly date: string;
  readonly value: number;
}

/**
 * The projection. A KPI is judged on its latest measurement up to today (the latest reading, else the KPI row's
 * actual with its updated date) and only while today is inside the campaign's span (its start to its end).
 * - Running totals (higher is better, unit not a level unit): the value is assumed to grow at the pace so far,
 *   so projected = value × span days / elapsed days, with elapsed counted from the start to the measurement
 *   date, both days included.
 * - Levels (lower is better, such as cost per lead, or a unit listed in levelUnits, such as % or a rating):
 *   they do not accumulate, so the latest value is the projection.
 * The KPI lags when the projected attainment is below lagThreshold. A measurement dated before the start is a
 * baseline, not progress, and gives no projection.
 */
export function projectKpi(
  kpi: Kpi,
  measured: Measurement,
  span: { readonly start: string; readonly end: string },
  levelUnits: ReadonlySet<string>,
): { projected: number; attainment: number } | null {
  const start = dayNumber(span.start);
  const spanDays = dayNumber(span.end) - start + 1;
  const elapsed = dayNumber(measured.date) - start + 1;
  if (!(elapsed >= 1) || !(spanDays >= 1)) return null;
  const level = kpi.direction === "lower" || levelUnits.has(foldText(kpi.unit));
  const projected = tidy(level ? measured.value : (measured.value * spanDays) / mathMin(elapsed, spanDays));
  // Lower is better and a value of 0: nothing to divide by, and nothing could be better.
  if (attainmentRefusal(kpi.target, projected, kpi.direction) !== null) return null;
  return { projected, attainment: attainment(kpi.target, projected, kpi.direction) };
}

/**
 * A KPI nobody has measured at all (no reading, no actual) once half of the campaign's span has passed: nothing can
 * show whether it lags, which is itself what a manager must hear. Reported as a lagging indicator; the key names no
 * date, so it is sent once and becomes new again only as a lagging alert once a measurement arrives.
 */
function unmeasuredKpi(
  kpi: Kpi,
  today: string,
  campaign: MonitorCampaign,
  managers: readonly string[],
  label: (id: string) => string,
): Alert | null {
  if (campaign.start === null || campaign.end === null) return null;
  const start = dayNumber(campaign.start);
  const spanDays = dayNumber(campaign.end) - start + 1;
  const elapsed = dayNumber(today) - start + 1;
  if (!(spanDays >= 1) || !(elapsed * 2 >= spanDays)) return null;
  const mid = localDateOf(new Date((start + mathCeil(spanDays / 2) - 1) * MS_PER_DAY).toISOString());
  return alertOf("kpi_unmeasured", [kpi.campaign, foldText(kpi.indicator)], {
    severity: "warning",
    campaign: kpi.campaign,
    recipients: managers,
    params: { campaign: label(kpi.campaign), indicator: kpi.indicator, target: kpi.target, unit: kpi.unit, mid },
  });
}

function laggingKpis(
  input: MonitorInput,
  today: string,
  campaigns: ReadonlyMap<string, MonitorCampaign>,
  managers: readonly string[],
  label: (id: string) => string,
): Alert[] {
  const latest = new Map<string, Measurement>();
  for (const reading of input.readings) {
    if (reading.date > today) continue;
    const key = kpiKey(reading.campaign, reading.indicator);
    const seen = latest.get(key);
    // A later row for the same date is a correction and wins.
    if (!seen || reading.date >= seen.date) latest.set(key, { date: reading.date, value: reading.value });
  }
  const levelUnits = new Set(input.settings.levelUnits.map(foldText));
  const out: Alert[] = [];
  for (const kpi of input.kpis) {
    const campaign = campaigns.get(kpi.campaign);
    if (!campaign || campaign.start === null || campaign.end === null) continue;
    if (campaign.state !== undefined && !RUNNING.includes(campaign.state)) continue;
    if (today < campaign.start || today > campaign.end) continue;
    const measured =
      latest.get(kpiKey(kpi.campaign, kpi.indicator)) ??
      (kpi.actual !== null && kpi.updated !== null && kpi.updated <= today
        ? { date: kpi.updated, value: kpi.actual }
        : undefined);
    if (!measured) {
      const unmeasured = unmeasuredKpi(kpi, today, campaign, managers, label);
      if (unmeasured) out.push(unmeasured);
      continue;
    }
    const projection = projectKpi(kpi, measured, { start: campaign.start, end: campaign.end }, levelUnits);
    if (!projection || !(projection.attainment < input.settings.lagThreshold)) continue;
    out.push(
      alertOf("kpi_lagging", [kpi.campaign, foldText(kpi.indicator), measured.date], {
        severity: "warning",
        campaign: kpi.campaign,
        recipients: managers,
        params: {
          campaign: label(kpi.campaign),
          indicator: kpi.indicator,
          projected: mathRound(projection.projected * 100) / 100,
          unit: kpi.unit,
          target: kpi.target,
          percent: mathRound(projection.attainment * 100),
          date: measured.date,
        },
      }),
    );
  }
  return out;
}
