// A plan as the workflow reads it with its budget lines: the Campaigns row plus the campaign's Budget tab rows, and
// the check options that let a line in another currency count (converted through Rates, read only when such a line
// is there).

import { isNumber } from "../../domain/builtins";
import { fromMinorUnits } from "../../domain/money";
import { buildLedger, convert, type RateTable } from "../../domain/spend";
import type { PlanCheckOptions, PlanDraft } from "../../domain/workflow";
import { planDraftOf } from "../../workbook/approvals/campaigns";
import type { LineRow } from "../../workbook/spend/budget-lines";
import { readSpendTab } from "../../workbook/spend/read";
import type { Workspace } from "../shared/workspace";

const NO_LINES: readonly LineRow[] = [];

/** The campaign's Budget tab rows in sheet order (none when the tab was not read or has none). */
export function lineRowsOf(ws: Workspace, id: string): readonly LineRow[] {
  return ws.budget?.byCampaign.get(id) ?? NO_LINES;
}

/** The campaign's row as a plan draft; with its lines when the Budget tab was read. Null without a row. */
export function planDraftIn(ws: Workspace, id: string): PlanDraft | null {
  const campaigns = ws.campaigns;
  const row = campaigns?.rowsById.get(id);
  if (!campaigns || !row) return null;
  const draft = planDraftOf(campaigns.keyed, row, ws.ctx, ws.settings.currency);
  return ws.budget ? { ...draft, lines: lineRowsOf(ws, id).map((l) => l.draft) } : draft;
}

/**
 * Settings' channels, the Research tab's findings (a plan must cite one when `research`, Settings' research_required
 * by default), and lines in another currency converted as the ledger converts them (at the rate valid on the
 * first day of their month), which is exact only into the workbook currency: a plan in another currency needs its
 * lines in its own currency.
 */
export function planCheckOptions(ws: Workspace, research = ws.settings.researchRequired): PlanCheckOptions {
  let rates: RateTable | null = null;
  const rateTable = (): RateTable => {
    if (rates === null) {
      const currency = ws.settings.currency;
      const sources = readSpendTab(ws.ss, "rates")?.sources ?? [];
      rates = buildLedger(
        { budget: [], expenses: [], rates: sources },
        {
          workbookCurrency: currency,
          formatDate: ws.ctx.formatDate,
        },
      ).rates;
    }
    return rates;
  };
  return {
    ...(ws.settings.channels.length > 0 ? { channels: ws.settings.channels } : {}),
    // Citations are checked against the Research tab when it was read; `research` says whether one is required.
    ...(ws.research && { research: { required: research, findings: ws.research.findings } }),
    lineInPlanCurrency: (line, planCurrency) => {
      if (planCurrency !== ws.settings.currency || !isNumber(line.planned)) return null;
      const amount = fromMinorUnits(line.planned, line.currency);
      const converted = convert(rateTable(), amount, line.currency, `${line.month}-01`);
      return converted.ok ? converted.minor : null;
    },
  };
}
