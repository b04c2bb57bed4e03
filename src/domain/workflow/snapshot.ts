// Canonical snapshots of what an approval covers, and the field-by-field diff that flags edits of approved values.

import * as z from "zod/mini";
import { canonicalJson, compareCodeUnits, type JsonValue, parseJson } from "./json";
import type { ExecutionPlan, PlanDraft } from "./plan";
import { readList, readNumber, readText, sortedList } from "./values";

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

/** A number that was typed as something else keeps its text, so the diff shows what is in the cell. */
export type LooseNumber = number | string | null;

// Type aliases rather than interfaces: only these are assignable to JsonValue's index signature.
export type KpiSnapshot = {
  readonly indicator: string;
  readonly target: LooseNumber;
  readonly unit: string;
  readonly direction: string;
};

export type PlanSnapshot = {
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
};

export type TaskSnapshot = {
  readonly step: string;
  readonly owner: string;
  readonly start: string;
  readonly due: string;
  readonly deliverable: string;
};

export type ExecutionSnapshot = { readonly tasks: readonly TaskSnapshot[] };

function looseNumber(value: unknown): LooseNumber {
  const n = readNumber(value);
  return n !== null && Number.isNaN(n) ? readText(value) : n;
}

/**
 * The approved fields of a plan, normalised so that order and spacing are not changes: channels and KPIs are
 * sets (sorted), text is trimmed. Works on a validated Plan and on whatever the row holds now alike.
 */
export function planSnapshot(draft: PlanDraft): PlanSnapshot {
  const kpiDrafts: unknown[] = Array.isArray(draft.kpis) ? draft.kpis : [];
  const kpis = kpiDrafts
    .filter((k): k is Record<string, unknown> => typeof k === "object" && k !== null)
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
  };
}

/** Tasks keep their order: it is the order of the steps. */
export function executionSnapshot(plan: ExecutionPlan): ExecutionSnapshot {
  return {
    tasks: plan.tasks.map((t) => ({
      step: t.step,
      owner: t.owner,
      start: t.start,
      due: t.due,
      deliverable: t.deliverable,
    })),
  };
}

export interface FieldChange {
  readonly field: SnapshotField;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

/** Changed fields only, always in SNAPSHOT_FIELDS order; equal canonical text means unchanged. */
export function diffSnapshot(approved: PlanSnapshot, current: PlanSnapshot): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of SNAPSHOT_FIELDS) {
    const before: JsonValue = approved[field];
    const after: JsonValue = current[field];
    if (canonicalJson(before) !== canonicalJson(after)) changes.push({ field, before, after });
  }
  return changes;
}

const looseNumberSchema = z.union([z.number(), z.string(), z.null()]);

export const PlanSnapshotSchema = z.object({
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
