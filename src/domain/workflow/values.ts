// Tolerant readers for cell values: the same normalisation feeds the completeness check and the snapshot, so an untouched field never shows up as a diff.

import {
  asNumber,
  asString,
  finiteNumber,
  isBoolean,
  isNumber,
  isString,
  NOT_A_NUMBER,
  safeInteger,
} from "../builtins";
import { isIsoDate } from "../dates";
import { readListWith } from "../lists";
import { compareCodeUnits } from "./json";
import { EMAIL, normalizeEmail } from "./model";

export { isIsoDate };

/** Text of a cell: trimmed, line endings unified; numbers and booleans as written, anything else empty. */
export function readText(value: unknown): string {
  if (isString(value)) return value.replace(/\r\n?/g, "\n").trim();
  if (finiteNumber(value)) return asString(value);
  if (isBoolean(value)) return asString(value);
  return "";
}

export function isBlank(value: unknown): boolean {
  return readText(value) === "";
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number from a cell or a form: finite numbers as they are, decimal text converted (a text-formatted cell
 * still counts), null when blank, NaN when something else is there.
 */
export function readNumber(value: unknown): number | null {
  if (isNumber(value)) return finiteNumber(value) ? value : NOT_A_NUMBER;
  const text = readText(value);
  if (text === "") return null;
  return DECIMAL.test(text) ? asNumber(text) : NOT_A_NUMBER;
}

/** A list typed into one cell ("Email, Social") or given as an array: trimmed, blanks and repeats dropped. */
export function readList(value: unknown): string[] {
  return readListWith(value, readText);
}

export function sortedList(items: readonly string[]): string[] {
  return [...items].sort(compareCodeUnits);
}

export function readEmail(value: unknown): string {
  return normalizeEmail(readText(value));
}

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Whole minor units (cents, fen): money never travels as a float fraction. */
export function isMinorUnits(value: number): boolean {
  return safeInteger(value) && value >= 0;
}
