// What onEdit needs to tell, cheaply and without the approval log, whether a single edited cell changed an approved
// field: a short digest of each approved field's canonical value, and the approved text to show in the cell's note.
// The log stays the authority (every read compares whole rows with the approved snapshot); this is only the fast
// first warning, so a non-cryptographic hash is enough.

import { asString, isNumber, stringify } from "./builtins";
import { goalText } from "./goals";
import { formatAmount } from "./money";
import { canonicalJson, type JsonValue } from "./workflow/json";
import { type PlanSnapshot, SNAPSHOT_FIELDS, type SnapshotField } from "./workflow/snapshot";

/** cyrb53: 53 well-mixed bits of a string, as 11 base-36 characters at most. */
export function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function fieldDigest(value: JsonValue): string {
  return shortHash(canonicalJson(value));
}

/** One approved campaign as onEdit sees it. */
export interface GuardEntry {
  /** The approved currency, to read an edited budget in its minor units. */
  readonly currency: string;
  readonly digests: { readonly [F in SnapshotField]?: string };
  /** The approved values as a person reads them, for the note on a changed cell (long texts shortened). */
  readonly shown: { readonly [F in SnapshotField]?: string };
  /** Approved budget lines (version 2 plans): planned minor units by lineKey(category, month, currency). */
  readonly lines?: { readonly [key: string]: number };
}

/** The key of a budget line in a guard entry: its category, month and currency (what makes lines one line). */
export function lineKey(category: string, month: string, currency: string): string {
  return stringify([category, month, currency]);
}

const SHOWN_MAX = 160;

/** A snapshot field as text a person reads ("120,000.00", "Email, Social", "Leads: 1200; CPL ≤ 8"). */
export function shownValue(plan: PlanSnapshot, field: SnapshotField): string {
  switch (field) {
    case "budget":
      return isNumber(plan.budget) ? formatAmount(plan.budget, plan.currency) : asString(plan.budget ?? "");
    case "channels":
      return plan.channels.join(", ");
    case "kpis":
      return plan.kpis.map(goalText).join("; ");
    default:
      return plan[field];
  }
}

export function guardEntry(plan: PlanSnapshot): GuardEntry {
  const digests: Partial<Record<SnapshotField, string>> = {};
  const shown: Partial<Record<SnapshotField, string>> = {};
  for (const field of SNAPSHOT_FIELDS) {
    digests[field] = fieldDigest(plan[field]);
    const text = shownValue(plan, field);
    shown[field] = text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
  }
  if (!plan.lines) return { currency: plan.currency, digests, shown };
  const lines: Record<string, number> = {};
  for (const line of plan.lines) {
    if (isNumber(line.planned)) lines[lineKey(line.category, line.month, line.currency)] = line.planned;
  }
  return { currency: plan.currency, digests, shown, lines };
}
