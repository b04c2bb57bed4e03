// Reads the tabs monitoring and evaluation decide on (KPIs, readings, tasks, summaries, lessons): one getValues per
// tab, each row handed to the evaluation domain by field, and the domain's problems placed by tab, row and column.

import { asString } from "../../domain/builtins";
import {
  type RowProblem as DomainRowProblem,
  type EvaluationTab,
  formatEvaluationMessage,
  type SheetRow,
} from "../../domain/evaluation";
import { describeFound } from "../../domain/found";
import { type Lang, t } from "../../domain/i18n";
import { decodeCell } from "../shared/cells";
import { columnIndex } from "../shared/columns";
import type { SheetPort, SpreadsheetPort } from "../shared/ports";
import { type RowProblem, rowProblem } from "../shared/problems";
import { headerLabel, missingColumnProblems, type ReadContext } from "../shared/records";
import { type ColumnSpec, label, type TabSpec } from "../shared/spec";
import { findTab, readTable, type Table, type TableRow, tableFromValues } from "../shared/table";
import { FEEDBACK_TAB } from "./tabs";

/** Column keys are snake_case (stable in the sheet); the domain's fields are camelCase. */
export function fieldOf(key: string): string {
  return key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

export function keyOf(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Reads a row's cells by column key as text as they stand ("" where the tab has no such column). */
export function textOf(table: Table): (row: TableRow, key: string) => string {
  const columns = columnIndex(table.layout);
  return (row, key) => {
    const column = columns.get(key);
    return column === undefined ? "" : asString(row.cells[column - 1] ?? "");
  };
}

/** A domain row as cells by column key (the writers ignore fields the tab has no column for). */
export function recordOf(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([field, value]) => [keyOf(field), value]));
}

/** One tab as the domain reads it: rows keyed by field, with the sheet row, plus where each column is. */
export interface FieldRows {
  readonly spec: TabSpec;
  readonly sheet: SheetPort;
  readonly table: Table;
  /** Rows with any content (blank rows are not campaigns' data), keyed by domain field. */
  readonly rows: SheetRow[];
  /** Missing columns, reported once for the tab. */
  readonly problems: RowProblem[];
  /** 1-based column by column key. */
  readonly columns: ReadonlyMap<string, number>;
}

/** The tab read whole (one getValues); null when it does not exist. */
export function readTab(ss: SpreadsheetPort, spec: TabSpec): Table | null {
  const sheet = findTab(ss, spec);
  return sheet ? readTable(sheet, spec) : null;
}

/** Null when the tab does not exist. Without a required column no row can be used: the tab gives its problem only. */
export function readFieldRows(ss: SpreadsheetPort, spec: TabSpec, ctx: ReadContext): FieldRows | null {
  const table = readTab(ss, spec);
  return table && fieldRowsOf(table, spec, ctx);
}

export function fieldRowsOf(table: Table, spec: TabSpec, ctx: ReadContext): FieldRows {
  const problems = missingColumnProblems(table, ctx);
  const located = table.layout.located.map((l) => ({ spec: l.spec, index: l.column - 1, field: fieldOf(l.spec.key) }));
  const rows: SheetRow[] = [];
  // Without a required column no row can be used: the tab gives its problem only.
  const usable = table.layout.missing.some((c) => c.required) ? [] : table.rows;
  for (const { row, cells } of usable) {
    const keyed: Record<string, unknown> = {};
    for (const c of located) keyed[c.field] = decodeCell(c.spec, cells[c.index], ctx.formatDate);
    rows.push({ row, cells: keyed });
  }
  return { spec, sheet: table.sheet, table, rows, problems, columns: columnIndex(table.layout) };
}

/**
 * A tab of linked Google Form responses, read as feedback: its question titles are matched to the Feedback tab's
 * column labels in either language (Campaign, Rating, 评分, ...), and its first column, the form's Timestamp, is the
 * date when no column is titled Date. Null when there is no tab of that name.
 */
export function readFormRows(ss: SpreadsheetPort, name: string, ctx: ReadContext): FieldRows | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  const table = tableFromValues(sheet, FEEDBACK_TAB, sheet.getDataRange().getValues(), []);
  const { located, missing } = table.layout;
  const date = FEEDBACK_TAB.columns[0] as ColumnSpec;
  // Only the campaign is needed of a form: without it no response can be counted.
  const campaign = missing.find((c) => c.key === "campaign");
  const rows = fieldRowsOf(
    {
      ...table,
      layout: {
        located:
          missing.includes(date) && !located.some((l) => l.column === 1)
            ? [...located, { spec: date, column: 1, by: "label" }]
            : located,
        missing: [],
      },
    },
    FEEDBACK_TAB,
    ctx,
  );
  if (!campaign) return rows;
  const where = { tab: table.name, row: 1, column: 0, label: label(campaign, ctx.lang) };
  return { ...rows, rows: [], problems: [rowProblem(ctx.lang, where, t(ctx.lang, "problem.formColumn"))] };
}

/**
 * A domain problem ("kpis", row 7, field "target", why) as the sidebar and the toasts show it: the tab's name, the
 * column letter and its header as the sheet shows them, and the reason in the user's language.
 */
export function placeProblem(
  problem: DomainRowProblem,
  tabs: Partial<Readonly<Record<EvaluationTab, FieldRows | null>>>,
  lang: Lang,
): RowProblem {
  const where = tabs[problem.tab];
  const key = keyOf(problem.field);
  const column = where?.columns.get(key) ?? 0;
  const spec: ColumnSpec | undefined = where?.spec.columns.find((c) => c.key === key);
  const header = where && spec ? headerLabel(where.table, spec, column, lang) : spec ? label(spec, lang) : key;
  const reason = formatEvaluationMessage(problem.messageKey, lang, {
    ...problem.params,
    found: describeFound(problem.found, lang),
  });
  return rowProblem(lang, { tab: where?.table.name ?? problem.tab, row: problem.row, column, label: header }, reason);
}
