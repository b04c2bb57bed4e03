// The variance report model: planned, committed, actual, remaining, variance and status by campaign, category and month, with totals and the rows left out.
import { compareCodeUnits as compareText } from "../workflow/json";
import { buildLedger, type Ledger, type LedgerSource, type SpendRowProblem } from "./ledger";
import type { MessageParams, SpendMessageKey } from "./messages";
import type { SpendSettings } from "./model";
import {
  type Acc,
  addFigures,
  type Cell,
  type Figures,
  foldPositions,
  type OverrunDecision,
  type Position,
  type PositionOptions,
  type Positions,
  positionOf,
  zero,
} from "./position";

export interface VarianceInput extends LedgerSource {
  readonly settings: SpendSettings;
  /** Overrun requests from the approval log (overrunDecisionsOf), in submission order. */
  readonly decisions?: readonly OverrunDecision[];
  /** Campaigns whose plan is approved; not given: every campaign's lines are approved budget. */
  readonly approvedCampaigns?: Iterable<string> | null;
  /** The lines approved with the plans, converted (see foldPositions). */
  readonly approvedLines?: PositionOptions["approvedLines"];
  readonly formatDate?: (date: Date) => string;
}

/** One report row; amounts in minor units of the workbook currency (majorUnits() turns them into cell values). */
export interface VarianceRow extends Position {
  /** The campaign ID, category or month (YYYY-MM); "" for the totals. */
  readonly key: string;
  /**
   * actual - approved: positive is over the approved budget. Committed spend is not in it: it is not spent yet.
   * Money planned for a campaign whose plan is not approved is no budget yet, so it does not count here.
   */
  readonly variance: number;
  /** variance / approved (0.1 = 10 %); null when nothing is approved, with `note` saying why. */
  readonly variancePct: number | null;
  readonly note: SpendMessageKey | null;
}

export interface VarianceReport {
  readonly currency: string;
  readonly digits: number;
  readonly byCampaign: readonly VarianceRow[];
  readonly byCategory: readonly VarianceRow[];
  readonly byMonth: readonly VarianceRow[];
  /** Equal to the sum of the rows of each grouping. */
  readonly total: VarianceRow;
  /** Everything that could not be read, located; none of it is in any figure. */
  readonly problems: readonly SpendRowProblem[];
  readonly excludedRows: number;
  /** True when every row was read: the figures cover the whole workbook. */
  readonly complete: boolean;
  /** The line for the top of the report: complete, or how many rows are left out. */
  readonly notice: { readonly messageKey: SpendMessageKey; readonly params: MessageParams };
  /** Campaigns whose plan is not approved (status NOT_APPROVED), and the money planned for them: kept apart. */
  readonly notApproved: { readonly campaigns: number; readonly planned: number };
}

function rowOf(key: string, figures: Figures, warnAt: number): VarianceRow {
  const approved = figures.approved;
  const variance = figures.actual - approved;
  return {
    key,
    ...positionOf(figures, warnAt),
    variance,
    variancePct: approved === 0 ? null : variance / approved,
    note: approved !== 0 ? null : figures.planned > 0 ? "spend.report.notApproved" : "spend.report.noPlan",
  };
}

/** Sums the cells by one of their keys; rows sorted by that key (months sort as text, YYYY-MM). */
export function groupCells(
  cells: readonly Cell[],
  by: "campaign" | "category" | "month",
  warnAt: number,
): VarianceRow[] {
  const groups = new Map<string, Acc>();
  for (const cell of cells) {
    const key = cell[by];
    let acc = groups.get(key);
    if (!acc) {
      acc = zero();
      groups.set(key, acc);
    }
    addFigures(acc, cell);
  }
  return [...groups.entries()].sort((a, b) => compareText(a[0], b[0])).map(([key, acc]) => rowOf(key, acc, warnAt));
}

/**
 * Reads the three tabs, folds the positions and groups them. One pass per source plus one per grouping: Maps
 * throughout, so 100,000 expenses cost about as much per row as 10.
 */
export function buildVarianceReport(input: VarianceInput): VarianceReport {
  const { settings } = input;
  const ledger = buildLedger(input, {
    workbookCurrency: settings.workbookCurrency,
    ...(input.formatDate ? { formatDate: input.formatDate } : {}),
  });
  const positions = foldPositions(ledger, {
    settings,
    ...(input.decisions ? { decisions: input.decisions } : {}),
    ...(input.approvedCampaigns ? { approvedCampaigns: input.approvedCampaigns } : {}),
    ...(input.approvedLines ? { approvedLines: input.approvedLines } : {}),
  });
  return reportFrom(ledger, positions, settings.warnAt);
}

/**
 * The report of a ledger already folded (the server folds once and uses the positions for the expenses' Status
 * column too). buildVarianceReport is this after reading and folding.
 */
export function reportFrom(ledger: Ledger, positions: Positions, warnAt: number): VarianceReport {
  const total = zero();
  for (const cell of positions.cells) addFigures(total, cell);
  const complete = ledger.problems.length === 0;
  const notice: VarianceReport["notice"] =
    ledger.excludedRows > 0
      ? { messageKey: "spend.report.rowsExcluded", params: { count: ledger.excludedRows } }
      : complete
        ? { messageKey: "spend.report.complete", params: {} }
        : { messageKey: "spend.report.incomplete", params: {} };

  const group = (by: "campaign" | "category" | "month") => groupCells(positions.cells, by, warnAt);
  const byCampaign = group("campaign");
  const waiting = byCampaign.filter((r) => r.status === "NOT_APPROVED");
  return {
    notApproved: { campaigns: waiting.length, planned: waiting.reduce((sum, r) => sum + r.planned, 0) },
    currency: ledger.currency,
    digits: ledger.digits,
    byCampaign,
    byCategory: group("category"),
    byMonth: group("month"),
    total: rowOf("", total, warnAt),
    problems: ledger.problems,
    excludedRows: ledger.excludedRows,
    complete,
    notice,
  };
}
