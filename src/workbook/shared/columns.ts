// Finds where each column of a tab spec is: by its developer metadata first (survives moves and renamed labels),
// then by its default header label in any language (metadata is missing in a hand-made or re-built tab).

import { asString } from "../../domain/builtins";
import { type ColumnSpec, defaultLabels, type TabSpec } from "./spec";

export interface ColumnMetadata {
  /** 1-based column of the metadata's location. */
  readonly column: number;
  readonly value: string;
}

export interface LocatedColumn {
  readonly spec: ColumnSpec;
  /** 1-based. */
  readonly column: number;
  /** "label" means the metadata is missing; setup adds it. */
  readonly by: "metadata" | "label";
}

export interface Layout {
  readonly located: readonly LocatedColumn[];
  readonly missing: readonly ColumnSpec[];
}

export function normalizeLabel(value: unknown): string {
  return asString(value ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** True when a header cell still shows one of our default labels (in any language) or nothing. */
export function isDefaultOrBlankLabel(spec: ColumnSpec, value: unknown): boolean {
  const text = normalizeLabel(value);
  return text === "" || defaultLabels(spec).some((l) => normalizeLabel(l) === text);
}

export function locateColumns(tab: TabSpec, header: readonly unknown[], metadata: readonly ColumnMetadata[]): Layout {
  const byKey = new Map<string, LocatedColumn>();
  const claimed = new Set<number>();
  const keys = new Set(tab.columns.map((c) => c.key));
  // Leftmost metadata wins when a key appears twice (a copied column); every column carrying our metadata is ours.
  const sorted = [...metadata].filter((m) => m.column > 0).sort((a, b) => a.column - b.column);
  for (const m of sorted) {
    if (!keys.has(m.value)) continue;
    claimed.add(m.column);
    const spec = tab.columns.find((c) => c.key === m.value);
    if (spec && !byKey.has(spec.key)) byKey.set(spec.key, { spec, column: m.column, by: "metadata" });
  }
  for (const spec of tab.columns) {
    if (byKey.has(spec.key)) continue;
    const labels = defaultLabels(spec).map(normalizeLabel);
    const index = header.findIndex((cell, i) => !claimed.has(i + 1) && labels.includes(normalizeLabel(cell)));
    if (index >= 0) {
      claimed.add(index + 1);
      byKey.set(spec.key, { spec, column: index + 1, by: "label" });
    }
  }
  const located = tab.columns.flatMap((spec) => {
    const found = byKey.get(spec.key);
    return found ? [found] : [];
  });
  const missing = tab.columns.filter((spec) => !byKey.has(spec.key));
  return { located, missing };
}

/** Column number by key, for readers. */
export function columnIndex(layout: Layout): Map<string, number> {
  return new Map(layout.located.map((l) => [l.spec.key, l.column]));
}
