// The Campaigns tab as data: valid campaigns with their sheet rows, problems for the rows that are not valid
// (bad cells, duplicate IDs, end before start), and finding a campaign's row by its ID.
import { type Campaign, CampaignSchema, campaignRuleProblems } from "../domain/campaign";
import { t } from "../domain/i18n";
import type { SheetPort, SpreadsheetPort } from "../server/ports";
import { columnIndex } from "./columns";
import { type RowProblem, rowProblem } from "./problems";
import { headerLabel, type ReadContext, type RecordRow, readRecords } from "./records";
import { findTab, readTable, type Table } from "./table";
import { CAMPAIGNS_TAB } from "./tabs";

export interface CampaignTable {
  readonly sheet: SheetPort;
  readonly tab: string;
  readonly campaigns: RecordRow<Campaign>[];
  readonly problems: RowProblem[];
  /** Width of the data range, for selecting a whole row. */
  readonly width: number;
  /** First row of every ID in the tab, valid row or not, so a row with problems can still be selected. */
  readonly idRows: ReadonlyMap<string, number>;
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

  const firstRowOfId = new Map<string, number>();
  const campaigns: RecordRow<Campaign>[] = [];
  for (const entry of rows) {
    const c = entry.record;
    const seen = firstRowOfId.get(c.id);
    if (seen !== undefined) {
      problems.push(
        rowProblem(ctx.lang, where(entry.row, "id"), t(ctx.lang, "problem.duplicateId", { id: c.id, row: seen })),
      );
      continue;
    }
    firstRowOfId.set(c.id, entry.row);
    const rules = campaignRuleProblems(c);
    for (const p of rules) {
      problems.push(rowProblem(ctx.lang, where(entry.row, p.field), t(ctx.lang, "problem.endBeforeStart", p)));
    }
    if (rules.length === 0) campaigns.push(entry);
  }
  const idRows = new Map<string, number>();
  const idColumn = index.get("id");
  if (idColumn !== undefined) {
    for (const { row, cells } of table.rows) {
      const id = String(cells[idColumn - 1] ?? "").trim();
      if (id && !idRows.has(id)) idRows.set(id, row);
    }
  }
  problems.sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { sheet, tab: table.name, campaigns, problems, width: table.width, idRows };
}

/** The sheet row of a campaign by its ID (the first row with that ID), undefined when no row has it. */
export function findCampaignRow(table: CampaignTable, id: string): number | undefined {
  return table.idRows.get(id.trim());
}
