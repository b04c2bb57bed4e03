// Validates table rows against a zod schema column by column: good rows become typed records, bad rows become
// problems that name tab, row and column. Missing columns are reported once for the tab.
import * as z from "zod/mini";
import { asString } from "../../domain/builtins";
import { type Lang, t } from "../../domain/i18n";
import { cellText, type DateFormatter, decodeCell } from "./cells";
import { columnIndex } from "./columns";
import { cellReason, type RowProblem, rowProblem } from "./problems";
import { type ColumnSpec, label } from "./spec";
import type { Table } from "./table";

export interface RecordRow<T> {
  readonly row: number;
  readonly record: T;
}

export interface Records<T> {
  readonly rows: RecordRow<T>[];
  readonly problems: RowProblem[];
}

export interface ReadContext {
  /** Language of the problem messages (the user's). */
  readonly lang: Lang;
  readonly formatDate: DateFormatter;
}

/** The header a user sees for a column: the cell's text, else our label. */
export function headerLabel(table: Table, spec: ColumnSpec, column: number, lang: Lang): string {
  const cell = table.header[column - 1];
  const text = cellText(cell);
  return text || label(spec, lang);
}

export function missingColumnProblems(table: Table, ctx: ReadContext): RowProblem[] {
  return table.layout.missing.flatMap((spec) =>
    spec.optional
      ? []
      : [
          rowProblem(
            ctx.lang,
            { tab: table.name, row: 1, column: 0, label: label(spec, ctx.lang) },
            t(ctx.lang, "problem.missingColumn"),
          ),
        ],
  );
}

export function readRecords<S extends z.ZodMiniType>(table: Table, schema: S, ctx: ReadContext): Records<z.infer<S>> {
  const index = columnIndex(table.layout);
  const specs = [...table.layout.located.map((l) => l.spec), ...table.layout.missing];
  const rows: RecordRow<z.infer<S>>[] = [];
  const problems: RowProblem[] = missingColumnProblems(table, ctx);
  // Without a required column (the ID) no row can be used or even named: the missing column is the one problem.
  if (table.layout.missing.some((spec) => spec.required)) return { rows, problems };
  for (const { row, cells } of table.rows) {
    const raw = (spec: ColumnSpec) => {
      const column = index.get(spec.key);
      return column === undefined ? "" : cells[column - 1];
    };
    const decoded: Record<string, unknown> = {};
    for (const spec of specs) decoded[spec.key] = decodeCell(spec, raw(spec), ctx.formatDate);
    const result = z.safeParse(schema, decoded);
    if (result.success) {
      rows.push({ row, record: result.data });
      continue;
    }
    // One problem per failing column, in column order, so a row with three mistakes shows all three.
    const failing = new Set(result.error.issues.map((issue) => asString(issue.path[0] ?? "")));
    for (const spec of specs) {
      if (!failing.has(spec.key)) continue;
      const column = index.get(spec.key) ?? 0;
      const where = { tab: table.name, row, column, label: headerLabel(table, spec, column, ctx.lang) };
      problems.push(rowProblem(ctx.lang, where, cellReason(spec, raw(spec), ctx.lang)));
    }
  }
  return { rows, problems };
}

/**
 * The rows that are the first of their ID; every later row with an ID already seen is reported at its ID cell (the
 * column keyed "id", labelled by `idSpec`) and left out.
 */
export function firstOfEachId<T extends { readonly id: string }>(
  table: Table,
  idSpec: ColumnSpec,
  rows: readonly RecordRow<T>[],
  problems: RowProblem[],
  lang: Lang,
): RecordRow<T>[] {
  const firstRow = new Map<string, number>();
  const column = columnIndex(table.layout).get("id") ?? 0;
  return rows.filter(({ row, record }) => {
    const seen = firstRow.get(record.id);
    if (seen === undefined) {
      firstRow.set(record.id, row);
      return true;
    }
    const where = { tab: table.name, row, column, label: headerLabel(table, idSpec, column, lang) };
    problems.push(rowProblem(lang, where, t(lang, "problem.duplicateId", { id: record.id, row: seen })));
    return false;
  });
}
