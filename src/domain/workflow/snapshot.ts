// Canonical snapshots of what an approval covers, and the field-by-field diff that flags edits of approved values.

import * as z from "zod/mini";
import { isArray, isNumber, isObject, isString } from "../builtins";
import { canonicalJson, compareCodeUnits, type JsonValue, parseJson } from "./json";
import { type LineDraft, type LineSnapshot, type LooseNumber, linesSnapshot, looseNumber } from "./lines";
import type { ExecutionPlan, PlanDraft } from "./plan";
import { readList, readText, sortedList } from "./values";

/** The approved fields, in the order a diff lists them (money and dates first: they matter most). */
export const SNAPSHOT_FIELDS = [
  "budget",
  "currency",
  "start",
  "end",
  "kpis",
  "channels",
  "audience",
  "objective",
  "content",
  "place",
] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/**
 * What a diff can name: the fields of the Campaigns row, and since snapshot version 2 the budget lines (the Budget
 * tab's rows of the campaign), listed right after the currency.
 */
export type { LineDraft, LineSnapshot, LooseNumber } from "./lines";
export { linesSnapshot } from "./lines";

export type PlanField = SnapshotField | "lines";
export const PLAN_FIELDS: readonly PlanField[] = ["budget", "currency", "lines", ...SNAPSHOT_FIELDS.slice(2)];

/** The snapshot format that carries budget lines. A snapshot without `v` (version 1) was approved without them. */
export const SNAPSHOT_VERSION = 2;

// Type aliases rather than interfaces: only these are assignable to JsonValue's index signature.
export type KpiSnapshot = {
  readonly indicator: string;
  readonly target: LooseNumber;
  readonly unit: string;
  readonly direction: string;
};

export type PlanSnapshot = {
  /** SNAPSHOT_VERSION when the lines below were captured; absent in version 1. */
  readonly v?: number;
  readonly budget: LooseNumber;
  readonly currency: string;
  readonly start: string;
  readonly end: string;
  readonly kpis: readonly KpiSnapshot[];
  readonly channels: readonly string[];
  readonly audience: string;
  readonly objective: string;
  readonly content: string;
  readonly place: string;
  /** Version 2: the budget lines submitted and approved with the plan, in canonical order. */
  readonly lines?: readonly LineSnapshot[];
};

export type TaskSnapshot = {
  readonly step: string;
  readonly owner: string;
  readonly start: string;
  readonly due: string;
  readonly deliverable: string;
};

export type ExecutionSnapshot = { readonly tasks: readonly TaskSnapshot[] };

/**
 * The approved fields of a plan, normalised so that order and spacing are not changes: channels and KPIs are
 * sets (sorted), text is trimmed. Works on a validated Plan and on whatever the row holds now alike. Budget lines are
 * in it (as version 2) when the draft has them; a caller that did not read the Budget tab gets a version 1 snapshot.
 */
export function planSnapshot(draft: PlanDraft): PlanSnapshot {
  const kpiDrafts: unknown[] = isArray(draft.kpis) ? draft.kpis : [];
  const kpis = kpiDrafts
    .filter((k): k is Record<string, unknown> => isObject(k))
    .map(
      (k): KpiSnapshot => ({
        indicator: readText(k.indicator),
        target: looseNumber(k.target),
        unit: readText(k.unit),
        direction: readText(k.direction).toLowerCase() || "higher",
      }),
    )
    .filter((k) => k.indicator !== "" || k.target !== null || k.unit !== "")
    .sort((a, b) => compareCodeUnits(a.indicator, b.indicator) || compareCodeUnits(canonicalJson(a), canonicalJson(b)));
  return {
    budget: looseNumber(draft.budget),
    currency: readText(draft.currency).toUpperCase(),
    start: readText(draft.start),
    end: readText(draft.end),
    kpis,
    channels: sortedList(readList(draft.channels)),
    audience: readText(draft.audience),
    objective: readText(draft.objective),
    content: readText(draft.content),
    place: readText(draft.place),
    ...(isArray(draft.lines) ? { v: SNAPSHOT_VERSION, lines: linesSnapshot(draft.lines as LineDraft[]) } : {}),
  };
}

/** Tasks keep their order: it is the order of the steps. */
export function executionSnapshot(plan: ExecutionPlan): ExecutionSnapshot {
  return { tasks: plan.tasks.map((task) => ({ ...task })) };
}

export interface FieldChange {
  readonly field: PlanField;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/**
 * Changed fields only, always in PLAN_FIELDS order; equal canonical text means unchanged. Lines are compared when
 * both snapshots carry them: a plan approved as version 1 had no lines approved with it, so there is nothing to diff.
 */
export function diffSnapshot(approved: PlanSnapshot, current: PlanSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of PLAN_FIELDS) {
    let before: JsonValue;
    let after: JsonValue;
    if (field === "lines") {
      if (approved.lines === undefined || current.lines === undefined) continue;
      before = approved.lines;
      after = current.lines;
    } else {
      before = approved[field];
      after = current[field];
    }
    if (canonicalJson(before) !== canonicalJson(after)) changes.push({ field, before, after });
  }
  return changes;
}

/** The lines a snapshot approved, or null for a version 1 snapshot (approved before lines were captured). */
export function approvedLines(plan: PlanSnapshot): readonly LineSnapshot[] | null {
  return plan.lines ?? null;
}

/** A number as a cell may hold it: a number, text, or nothing. */
const looseNumberSchema = z.custom<number | string | null>((v) => v === null || isNumber(v) || isString(v));

export const LineSnapshotSchema = z.object({
  category: z.string(),
  month: z.string(),
  planned: looseNumberSchema,
  currency: z.string(),
});

export const PlanSnapshotSchema = z.object({
  v: z.optional(z.int().check(z.minimum(2))),
  budget: looseNumberSchema,
  currency: z.string(),
  start: z.string(),
  end: z.string(),
  kpis: z.array(
    z.object({ indicator: z.string(), target: looseNumberSchema, unit: z.string(), direction: z.string() }),
  ),
  channels: z.array(z.string()),
  audience: z.string(),
  objective: z.string(),
  content: z.string(),
  place: z.string(),
  lines: z.optional(z.array(LineSnapshotSchema)),
});

export const ExecutionSnapshotSchema = z.object({
  tasks: z.array(
    z.object({ step: z.string(), owner: z.string(), start: z.string(), due: z.string(), deliverable: z.string() }),
  ),
});

/** A plan snapshot read back from a log cell, or null when the text is not one. */
export function parsePlanSnapshot(text: string): PlanSnapshot | null {
  const json = parseJson(text);
  if (!json.ok) return null;
  const parsed = PlanSnapshotSchema.safeParse(json.value);
  return parsed.success ? parsed.data : null;
}
