// Budget lines as a plan carries them: read from the Budget tab's rows, in the canonical form that is approved,
// snapshotted and compared (blank rows dropped, equal lines summed, a fixed order).

import { isNumber, numberIsNaN, safeInteger } from "../builtins";
import { canonicalJson, compareCodeUnits } from "./json";
import { readNumber, readText } from "./values";

/** A number that was typed as something else keeps its text, so the diff shows what is in the cell. */
export type LooseNumber = number | string | null;

/**
 * One budget line as approved with the plan: a category and month, the planned amount in minor units of the line's
 * own currency. Lines of the same category, month and currency are one line (splitting a row in two is no change).
 */
export type LineSnapshot = {
  readonly category: string;
  readonly month: string;
  readonly planned: LooseNumber;
  readonly currency: string;
};

/** A Budget tab row as read for a plan; `row` is only a label for messages (the sheet row). */
export type LineDraft = {
  readonly category?: unknown;
  readonly month?: unknown;
  readonly planned?: unknown;
  readonly currency?: unknown;
  readonly row?: number;
};

export function looseNumber(value: unknown): LooseNumber {
  const n = readNumber(value);
  return n !== null && numberIsNaN(n) ? readText(value) : n;
}

function isBlankLine(line: LineDraft): boolean {
  return readText(line.category) === "" && readText(line.month) === "" && readNumber(line.planned) === null;
}

function lineKey(line: LineSnapshot): string {
  return canonicalJson([line.category, line.month, line.currency]);
}

/**
 * Budget lines in canonical form: blank rows dropped, text trimmed, currency upper-case, lines of the same category,
 * month and currency summed (exactly: minor units), sorted by category, month and currency. A planned cell that is
 * not an amount keeps its text as a line of its own, so a diff shows what is in the cell.
 */
export function linesSnapshot(drafts: readonly LineDraft[]): LineSnapshot[] {
  const byKey = new Map<string, LineSnapshot>();
  const loose: LineSnapshot[] = [];
  for (const draft of drafts) {
    if (isBlankLine(draft)) continue;
    const line: LineSnapshot = {
      category: readText(draft.category),
      month: readText(draft.month),
      planned: looseNumber(draft.planned),
      currency: readText(draft.currency).toUpperCase(),
    };
    if (!isNumber(line.planned) || !safeInteger(line.planned)) {
      loose.push(line);
      continue;
    }
    const key = lineKey(line);
    const seen = byKey.get(key);
    if (seen && isNumber(seen.planned)) byKey.set(key, { ...seen, planned: seen.planned + line.planned });
    else byKey.set(key, line);
  }
  return [...byKey.values(), ...loose].sort(
    (a, b) =>
      compareCodeUnits(a.category, b.category) ||
      compareCodeUnits(a.month, b.month) ||
      compareCodeUnits(a.currency, b.currency) ||
      compareCodeUnits(canonicalJson(a), canonicalJson(b)),
  );
}
