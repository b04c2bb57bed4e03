// The Budget tab's rows grouped by campaign, as a plan carries them: the month of a date cell in the spreadsheet's
// zone, the planned amount in minor units of the line's currency (left as found when it is not an amount, so the
// check names it), a blank currency read as the workbook's (as the ledger reads it). One getValues per read.
import { toMinorUnits } from "../../domain/money";
import { numberOf } from "../../domain/spend";
import type { LineDraft } from "../../domain/workflow";
import { isDate, cellText as text } from "../shared/cells";
import type { SpreadsheetPort } from "../shared/ports";
import type { ReadContext } from "../shared/records";
import { readSpendTab, type SpendTabRead } from "./read";

export interface LineRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly draft: LineDraft;
}

export interface BudgetLines {
  /** Null when the workbook has no Budget tab (then no campaign has lines). */
  readonly read: SpendTabRead | null;
  /** Rows by campaign ID, in sheet order; rows without a campaign ID belong to none. */
  readonly byCampaign: ReadonlyMap<string, readonly LineRow[]>;
}

/** One row as a line draft. */
export function lineDraftOf(
  values: { readonly [key: string]: unknown },
  row: number,
  formatDate: ReadContext["formatDate"],
  workbookCurrency: string,
): LineDraft {
  const currency = text(values.currency).toUpperCase() || workbookCurrency;
  const raw = values.planned;
  const amount = numberOf(raw);
  const planned = amount == null ? raw : (toMinorUnits(amount, currency) ?? raw);
  const month = isDate(values.month) ? formatDate(values.month).slice(0, 7) : values.month;
  return { category: values.category, month, planned, currency, row };
}

/** The lines of a Budget tab already read (the spend reader's rows). */
export function budgetLinesOf(
  read: SpendTabRead,
  formatDate: ReadContext["formatDate"],
  workbookCurrency: string,
): BudgetLines {
  const byCampaign = new Map<string, LineRow[]>();
  for (const { row, values } of read.sources) {
    const id = text(values.campaign);
    if (id === "") continue;
    const list = byCampaign.get(id) ?? [];
    list.push({ row, draft: lineDraftOf(values, row, formatDate, workbookCurrency) });
    byCampaign.set(id, list);
  }
  return { read, byCampaign };
}

export function readBudgetLines(ss: SpreadsheetPort, ctx: ReadContext, workbookCurrency: string): BudgetLines {
  const read = readSpendTab(ss, "budget");
  return read ? budgetLinesOf(read, ctx.formatDate, workbookCurrency) : { read: null, byCampaign: new Map() };
}
