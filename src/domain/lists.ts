// Lists typed into one cell ("Email, Social media；Events", Chinese punctuation too): one way to split them for every
// reader, so a Channels cell means the same list to the workbook, the draft check and the approval rules.
import { isArray } from "./builtins";

const SEPARATORS = /[,，;；、\n]/;

/** The items of a list cell, trimmed, blanks dropped (repeats kept: the caller decides what a repeat means). */
export function splitList(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * A list typed into one cell or given as an array of cells, each read by `text` (the readers differ in how they
 * write a boolean): trimmed, blanks and repeats dropped, first occurrence first.
 */
export function readListWith(value: unknown, text: (value: unknown) => string): string[] {
  const items = isArray(value) ? value.map(text) : splitList(text(value));
  return [...new Set(items.map((item) => item.trim()).filter((item) => item !== ""))];
}
