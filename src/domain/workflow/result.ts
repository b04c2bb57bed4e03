// The engine's answer shapes: a value or a typed refusal, and per-field issues; nothing here throws.

import type { MessageParams, WorkflowMessageKey } from "./messages";

export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/** One missing or invalid item: `field` is a stable path (e.g. "kpis.0.target", 0-based like zod paths). */
export interface Issue {
  readonly field: string;
  readonly messageKey: WorkflowMessageKey;
  readonly params?: MessageParams;
}
