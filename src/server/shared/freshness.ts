// Whether a scheduled job's inputs may have changed since its last full run: what the run saw (kept by the job) and
// the onEdit marker, which notes the time of the first edit a person made after that run. The marker costs onEdit
// one setProperty per full run at most (the document properties it reads anyway say whether it is already set).

import { asNumber, asString, dateNow, finiteNumber, isNumber } from "../../domain/builtins";
import type { PropertiesPort } from "../../workbook/shared/ports";
import { parseJson } from "./store";

export const EDITED_KEY = "cc.edited";
export const INPUTS_KEY = "cc.monitor.inputs";

/** What the last full monitoring run saw. */
export interface LastInputs {
  readonly fingerprint: string;
  /** When that run began reading (ms): an edit marked after it is news. */
  readonly checkedAt: number;
  /** The first instant at which its alerts change with time alone (ms); null: only with the date. */
  readonly nextChange: number | null;
  /** How long that run took (ms): what the next full run is expected to cost. */
  readonly fullMs: number;
}

export function parseLastInputs(text: string | undefined): LastInputs | null {
  const v = parseJson<Partial<LastInputs>>(text);
  if (typeof v?.fingerprint !== "string" || !isNumber(v.checkedAt) || !isNumber(v.fullMs)) return null;
  return {
    fingerprint: v.fingerprint,
    checkedAt: v.checkedAt,
    nextChange: isNumber(v.nextChange) ? v.nextChange : null,
    fullMs: v.fullMs,
  };
}

/** Whether a person edited a cell since the last full run began. */
export function editedSince(stored: Readonly<Record<string, string>>, last: LastInputs): boolean {
  const at = asNumber(stored[EDITED_KEY]);
  return finiteNumber(at) && at >= last.checkedAt;
}

/**
 * onEdit: notes this edit unless one was noted since the last full run already, or no run was recorded (the first
 * scheduled run is a full one anyway). Never throws.
 */
export function markEdited(props: PropertiesPort, stored: Readonly<Record<string, string>>, now = dateNow()): void {
  const last = parseLastInputs(stored[INPUTS_KEY]);
  if (!last || asNumber(stored[EDITED_KEY]) >= last.checkedAt) return;
  try {
    props.setProperty(EDITED_KEY, asString(now));
  } catch {
    // A full store: the next daily run refreshes anyway.
  }
}
