// Canonical JSON: one byte-exact text per value, so snapshots compare and hash the same on every runtime.
import { finiteNumber, isArray, isBoolean, isNumber, isString, stringify } from "../builtins";

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Keys sorted by UTF-16 code units (not localeCompare: locale rules differ between runtimes), no whitespace,
 * -0 written as 0 and non-finite numbers as null (what stringify does), undefined members dropped.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return "null";
  if (isNumber(value)) return finiteNumber(value) ? stringify(value === 0 ? 0 : value) : "null";
  if (isString(value) || isBoolean(value)) return stringify(value);
  if (isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(",")}]`;
  const record = value as { readonly [key: string]: JsonValue | undefined };
  const parts: string[] = [];
  for (const key of Object.keys(record).sort(compareCodeUnits)) {
    const member = record[key];
    if (member !== undefined) parts.push(`${stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(",")}}`;
}

/** Ordinal string order, the same on every engine. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON.parse without the exception: a hand-edited log cell is data to report, not a crash. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The list a JSON object text holds under `key` (a sealed envelope's brand confirmations, its cited research); [] when none. */
export function jsonList(text: string, key: string): unknown[] {
  const parsed = parseJson(text);
  const list = parsed.ok ? (parsed.value as Record<string, unknown> | null)?.[key] : undefined;
  return Array.isArray(list) ? list : [];
}
