// Reads the Budget, Expenses and Rates tabs (one getValues each) into rows keyed by column key for the spend domain,
// and turns the domain's located problems back into what a person finds: tab name, row, column letter and header.
import type { Lang } from "../../domain/i18n";
import { describeSpendProblem, type SourceRow, type SpendRowProblem, type SpendTab } from "../../domain/spend";
import type { SpreadsheetPort } from "../shared/ports";
import { type RowProblem, rowProblem } from "../shared/problems";
import { headerLabel } from "../shared/records";
import { type KeyedTable, keyed } from "../shared/rows";
import { label, type TabSpec, tabName } from "../shared/spec";
import { findTab, readTable } from "../shared/table";
import { BUDGET_TAB, EXPENSES_TAB, RATES_TAB } from "./tabs";

export const SPEND_SPECS: { readonly [T in SpendTab]: TabSpec } = {
  budget: BUDGET_TAB,
  expenses: EXPENSES_TAB,
  rates: RATES_TAB,
};

export interface SpendTabRead extends KeyedTable {
  readonly tab: SpendTab;
  readonly spec: TabSpec;
  /** Non-blank data rows, cells by column key (columns the tab lacks are absent). */
  readonly sources: readonly SourceRow[];
  /** A column the tab lacks, once per column: its rows cannot be read whole. */
  readonly problems: readonly SpendRowProblem[];
}

/** Null when the tab does not exist. One getValues (plus the column metadata lookup). */
export function readSpendTab(ss: SpreadsheetPort, tab: SpendTab): SpendTabRead | null {
  const spec = SPEND_SPECS[tab];
  const sheet = findTab(ss, spec);
  if (!sheet) return null;
  const k = keyed(readTable(sheet, spec));
  const located = [...k.index.entries()].map(([key, column]) => [key, column - 1] as const);
  const sources = k.table.rows.map(({ row, cells }): SourceRow => {
    const values: Record<string, unknown> = {};
    for (const [key, index] of located) values[key] = cells[index];
    return { row, values };
  });
  const problems: SpendRowProblem[] = k.table.layout.missing.map((c) => ({
    tab,
    row: 1,
    column: c.key,
    messageKey: "spend.problem.missingColumn",
    found: "",
  }));
  return { ...k, tab, spec, sources, problems };
}

/** Where a domain problem is, as the person sees it: the tab's name now, the column's letter and header. */
export function locateProblem(
  reads: { readonly [T in SpendTab]?: SpendTabRead | null },
  problem: SpendRowProblem,
  lang: Lang,
): { tab: string; row: number; column: number; label: string } {
  const read = reads[problem.tab];
  const spec = SPEND_SPECS[problem.tab];
  const column = read?.index.get(problem.column) ?? 0;
  const columnSpec = spec.columns.find((c) => c.key === problem.column);
  const header = columnSpec
    ? read && column > 0
      ? headerLabel(read.table, columnSpec, column, lang)
      : label(columnSpec, lang)
    : "";
  return { tab: read?.table.name ?? tabName(spec, lang), row: problem.row, column, label: header };
}

/** A domain problem as the app's RowProblem (the sentence names tab, row, column and what was found). */
export function spendRowProblem(
  reads: { readonly [T in SpendTab]?: SpendTabRead | null },
  problem: SpendRowProblem,
  lang: Lang,
): RowProblem {
  return rowProblem(lang, locateProblem(reads, problem, lang), describeSpendProblem(problem, lang));
}
