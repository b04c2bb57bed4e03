// Shared builders for the budget-control tests: settings, ledger rows in the workbook currency, raw tab rows and a seeded random source.
import {
  type CampaignPosition,
  defaultSpendSettings,
  type ExpenseKind,
  type ExpenseStatus,
  foldPositions,
  type LedgerExpense,
  type LedgerLine,
  type OverrunDecision,
  type Positions,
  type SourceRow,
  type SpendSettings,
} from "../../../src/domain/spend";

export const SETTINGS: SpendSettings = { ...defaultSpendSettings("CNY"), finance: ["fay@example.com"] };

export function line(campaign: string, category: string, month: string, planned: number, row = 2): LedgerLine {
  return { row, campaign, category, month, planned };
}

let nextRow = 100;

/** An expense already in minor units of the workbook currency. */
export function expense(
  id: string,
  campaign: string,
  amount: number,
  options: {
    category?: string;
    kind?: ExpenseKind;
    status?: ExpenseStatus | null;
    date?: string;
    row?: number;
    refundOf?: string;
  } = {},
): LedgerExpense {
  const date = options.date ?? "2026-03-10";
  const category = options.category ?? "Media";
  const kind = options.kind ?? "actual";
  const status = options.status === undefined ? "recorded" : options.status;
  return {
    row: options.row ?? nextRow++,
    id,
    date,
    month: date.slice(0, 7),
    campaign,
    category,
    kind,
    amount,
    status,
    record: {
      id,
      date,
      campaign,
      category,
      vendor: "Vendor",
      description: "",
      amount: amount / 100,
      currency: "CNY",
      kind,
      receiptLink: "",
      reimbursable: false,
      requestedBy: "",
      status,
      refundOf: options.refundOf ?? "",
    },
  };
}

export function fold(
  lines: readonly LedgerLine[],
  expenses: readonly LedgerExpense[],
  options: {
    decisions?: readonly OverrunDecision[];
    approvedCampaigns?: readonly string[];
    settings?: Partial<SpendSettings>;
  } = {},
): Positions {
  return foldPositions(
    { currency: "CNY", digits: 2, lines, expenses },
    {
      settings: { ...SETTINGS, ...options.settings },
      ...(options.decisions ? { decisions: options.decisions } : {}),
      ...(options.approvedCampaigns ? { approvedCampaigns: options.approvedCampaigns } : {}),
    },
  );
}

export function campaignOf(positions: Positions, id: string): CampaignPosition {
  const position = positions.campaigns.get(id);
  if (!position) throw new Error(`no position for ${id}`);
  return position;
}

/** Raw tab rows as the table reader hands them over, numbered from sheet row 2 (row 1 is the header). */
export function rows(...values: Record<string, unknown>[]): SourceRow[] {
  return values.map((v, i) => ({ row: i + 2, values: v }));
}

export { rng } from "../../seeded-random";

export function intBelow(random: () => number, n: number): number {
  return Math.floor(random() * n);
}
