// The Campaigns tab as data: valid campaigns with their sheet rows, problems for the rows that are not valid
// (bad cells, duplicate IDs, end before start), and finding a campaign's row by its ID.

import { isNumber, isString } from "../../domain/builtins";
import { type Campaign, CampaignSchema, campaignRuleProblems } from "../../domain/campaign";
import { PLAN_KEYS, type PlanKey } from "../../domain/draft";
import { parseGoals } from "../../domain/goals";
import { t } from "../../domain/i18n";
import { toMinorUnits } from "../../domain/money";
import type { PlanDraft } from "../../domain/workflow";
import { cellText } from "../shared/cells";
import { columnIndex } from "../shared/columns";
import type { SheetPort, SpreadsheetPort } from "../shared/ports";
import { type RowProblem, rowProblem } from "../shared/problems";
import { firstOfEachId, headerLabel, type ReadContext, type RecordRow, readRecords } from "../shared/records";
import { type KeyedTable, keyed } from "../shared/rows";
import { findTab, readTable, type Table, type TableRow } from "../shared/table";
import { decodedCells } from "./decoded";
import { CAMPAIGNS_TAB } from "./tabs";

export interface CampaignTable {
  readonly sheet: SheetPort;
  readonly tab: string;
  readonly campaigns: RecordRow<Campaign>[];
  readonly problems: RowProblem[];
  /** Width of the data range, for selecting a whole row. */
  readonly width: number;
  /** The cells behind it, for the workflow (which reads a row whatever its problems, and reports them by field). */
  readonly keyed: KeyedTable;
  /** The data row of every ID in the tab (its first row), valid row or not, so a row with problems can still be selected. */
  readonly rowsById: ReadonlyMap<string, TableRow>;
}

/** Null when the workbook has no Campaigns tab yet. One getValues. */
export function readCampaigns(ss: SpreadsheetPort, ctx: ReadContext): CampaignTable | null {
  const sheet = findTab(ss, CAMPAIGNS_TAB);
  if (!sheet) return null;
  return campaignsFromTable(readTable(sheet, CAMPAIGNS_TAB), ctx);
}

export function campaignsFromTable(table: Table, ctx: ReadContext): CampaignTable {
  const { sheet } = table;
  const { rows, problems } = readRecords(table, CampaignSchema, ctx);
  const index = columnIndex(table.layout);
  const where = (row: number, key: string) => {
    const column = index.get(key) ?? 0;
    const spec = CAMPAIGNS_TAB.columns.find((c) => c.key === key);
    const label = spec ? headerLabel(table, spec, column, ctx.lang) : key;
    return { tab: table.name, row, column, label };
  };

  const campaigns: RecordRow<Campaign>[] = [];
  for (const entry of firstOfEachId(table, CAMPAIGNS_TAB.columns[0]!, rows, problems, ctx.lang)) {
    const rules = campaignRuleProblems(entry.record);
    for (const p of rules) {
      problems.push(rowProblem(ctx.lang, where(entry.row, p.field), t(ctx.lang, "problem.endBeforeStart", p)));
    }
    if (rules.length === 0) campaigns.push(entry);
  }
  const rowsById = new Map<string, TableRow>();
  const idColumn = index.get("id");
  if (idColumn !== undefined) {
    for (const entry of table.rows) {
      const id = cellText(entry.cells[idColumn - 1]);
      if (id && !rowsById.has(id)) rowsById.set(id, entry);
    }
  }
  problems.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { sheet, tab: table.name, campaigns, problems, width: table.width, keyed: keyed(table), rowsById };
}

/**
 * A row as the workflow reads it: cells decoded (dates to ISO in the spreadsheet's zone), the budget in the
 * currency's minor units (left as it is when it is not an amount, so the check names it), the currency from the
 * row or the default, goals parsed from the KPIs cell.
 */
export function planDraftOf(t: KeyedTable, row: TableRow, ctx: ReadContext, defaultCurrency: string): PlanDraft {
  return planDraftFromCells(decodedCells(t, CAMPAIGNS_TAB, row, PLAN_KEYS, ctx), defaultCurrency);
}

/** The same from values already decoded (a cell, a form): shared by the row reader and onEdit. */
export function planDraftFromCells(cells: { readonly [K in PlanKey]?: unknown }, defaultCurrency: string): PlanDraft {
  const currencyText = isString(cells.currency) ? cells.currency.trim().toUpperCase() : "";
  const currency = currencyText || defaultCurrency;
  const budget = isNumber(cells.budget) ? (toMinorUnits(cells.budget, currency) ?? cells.budget) : cells.budget;
  return { ...cells, budget, currency, kpis: parseGoals(cells.kpis) };
}

/** The sheet row of a campaign by its ID (the first row with that ID), undefined when no row has it. */
export function findCampaignRow(table: CampaignTable, id: string): number | undefined {
  return table.rowsById.get(id.trim())?.row;
}
