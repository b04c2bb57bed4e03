// What the scheduled trigger costs per day. Consumer accounts get 90 minutes of trigger runtime a day (Workspace
// accounts 6 hours: "Triggers total runtime", Apps Script quotas); past it the triggers stop for the day. The tick
// records how long each execution took, per day, in one document property that keeps the last DAYS_KEPT days, and
// the scheduled jobs read it to stay inside their own budget, well below the quota.

import { dateNow, finiteNumber, isObject, max, stringify } from "../../domain/builtins";
import type { PropertiesPort } from "../../workbook/shared/ports";
import { parseJson } from "./store";

export const RUNTIME_KEY = "cc.runtime";
const DAYS_KEPT = 7;

/** The consumer accounts' daily trigger runtime (Apps Script quotas, "Triggers total runtime: 90 min / day"). */
export const TRIGGER_QUOTA_MS = 90 * 60 * 1000;
/** What the scheduled jobs allow themselves a day: two thirds of the quota, leaving room for the owner's others. */
export const DAILY_BUDGET_MS = 60 * 60 * 1000;

/**
 * When this execution began: Apps Script runs the bundle's top level at the start of every execution, and
 * Date.now() is no service call.
 */
const STARTED = dateNow();

export interface DayRuntime {
  /** Milliseconds the trigger's executions took this day. */
  readonly ms: number;
  /** Executions of the trigger this day. */
  readonly ticks: number;
  /** Ticks whose jobs found nothing to do (their inputs unchanged) and skipped the work. */
  readonly skipped: number;
  /** When the day's last tick ended (ms; 0 for none). */
  readonly at: number;
}

const NONE: DayRuntime = { ms: 0, ticks: 0, skipped: 0, at: 0 };

/** The day an instant counts toward (UTC: the quota is a rolling day, and this needs no service call). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseRuntime(text: string | null | undefined): Record<string, DayRuntime> {
  const parsed = parseJson<unknown>(text);
  if (!isObject(parsed)) return {};
  const out: Record<string, DayRuntime> = {};
  for (const [day, v] of Object.entries(parsed as Record<string, unknown>)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isObject(v)) continue;
    const r = v as Partial<Record<keyof DayRuntime, unknown>>;
    const n = (x: unknown) => (finiteNumber(x) && x >= 0 ? x : 0);
    out[day] = { ms: n(r.ms), ticks: n(r.ticks), skipped: n(r.skipped), at: n(r.at) };
  }
  return out;
}

/** The runtime recorded for the day of `now`. */
export function runtimeOn(stored: Readonly<Record<string, string>>, now: number): DayRuntime {
  return parseRuntime(stored[RUNTIME_KEY])[dayOf(now)] ?? NONE;
}

/** When the trigger last ran (ms), whether or not it skipped its work; 0 when no tick is recorded. */
export function lastTickAt(stored: Readonly<Record<string, string>>): number {
  return max(0, ...Object.values(parseRuntime(stored[RUNTIME_KEY])).map((d) => d.at));
}

/** Adds this execution to its day (one read, one write); keeps the last DAYS_KEPT days only. */
export function recordRuntime(props: PropertiesPort, skipped: boolean, now = dateNow()): DayRuntime {
  const days = parseRuntime(props.getProperty(RUNTIME_KEY));
  const day = dayOf(now);
  const before = days[day] ?? NONE;
  const after: DayRuntime = {
    ms: before.ms + max(0, now - STARTED),
    ticks: before.ticks + 1,
    skipped: before.skipped + (skipped ? 1 : 0),
    at: now,
  };
  days[day] = after;
  const kept = Object.keys(days).sort().slice(-DAYS_KEPT);
  props.setProperty(RUNTIME_KEY, stringify(Object.fromEntries(kept.map((d) => [d, days[d]]))));
  return after;
}

/** Whether a tick skipped its work: set by a job that found its inputs unchanged, read when the tick records. */
let skippedThisTick = false;

export function markSkipped(): void {
  skippedThisTick = true;
}

export function tickSkipped(): boolean {
  return skippedThisTick;
}
