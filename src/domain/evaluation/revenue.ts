// Attributed revenue per campaign for ROI: the actual of the campaign's revenue KPI (an indicator named in Settings),
// else its latest reading; campaigns without one have no revenue (unknown, not 0).

import { finiteNumber } from "../builtins";
import type { SheetRow } from "./model";
import { kpiKey } from "./report";
import { compareText, foldText, readNumber, readText } from "./values";

/**
 * Linear in the rows: the revenue KPIs are found first, then one pass over the readings keeps each one's latest
 * (a later row for the same date wins, as in the report). A campaign with two revenue KPIs counts the first.
 */
export function attributedRevenue(
  kpis: readonly SheetRow[],
  readings: readonly SheetRow[],
  indicators: readonly string[],
): Map<string, number> {
  const names = new Set(indicators.map(foldText));
  const wanted = new Map<string, { campaign: string; actual: number | null }>();
  const claimed = new Set<string>();
  for (const { cells } of kpis) {
    const campaign = readText(cells.campaign);
    const indicator = readText(cells.indicator);
    if (campaign === "" || !names.has(foldText(indicator)) || claimed.has(campaign)) continue;
    claimed.add(campaign);
    const actual = readNumber(cells.actual);
    wanted.set(kpiKey(campaign, indicator), {
      campaign,
      actual: actual !== null && finiteNumber(actual) ? actual : null,
    });
  }
  const latest = new Map<string, { date: string; value: number }>();
  for (const { cells } of readings) {
    const key = kpiKey(readText(cells.campaign), readText(cells.indicator));
    const kpi = wanted.get(key);
    if (!kpi || kpi.actual !== null) continue;
    const date = readText(cells.date);
    const value = readNumber(cells.value);
    if (date === "" || value === null || !finiteNumber(value)) continue;
    const seen = latest.get(key);
    if (!seen || compareText(date, seen.date) >= 0) latest.set(key, { date, value });
  }
  const out = new Map<string, number>();
  for (const [key, kpi] of wanted) {
    const value = kpi.actual ?? latest.get(key)?.value;
    if (value !== undefined) out.set(kpi.campaign, value);
  }
  return out;
}
