// The three source tabs read into one ledger in the workbook currency: decoded, converted and checked, bad rows set aside with their reasons.

import { isNumber } from "../builtins";
import { fromMinorUnits } from "../money";
import type { LineSnapshot } from "../workflow";
import { minorDigits, minorUnitsOfNumber } from "./currency";
import {
  budgetLineDecoder,
  type Decoded,
  expenseDecoder,
  type FieldProblem,
  isBlankRow,
  type RawRow,
  rateDecoder,
} from "./decode";
import type { MessageParams, SpendMessageKey } from "./messages";
import type { ApprovedLine, Expense, ExpenseKind, ExpenseStatus, Rate, Row } from "./model";
import { buildRateTable, type ConversionProblem, conversionMessage, convert, type RateTable } from "./rates";

export const SPEND_TABS = ["budget", "expenses", "rates"] as const;
export type SpendTab = (typeof SPEND_TABS)[number];

/** A row as read from a tab: its 1-based sheet row and its cells by column key. */
export interface SourceRow {
  readonly row: number;
  readonly values: RawRow;
}

/**
 * A row that could not be used, located for the user: tab, sheet row, column key ("" when it concerns the whole
 * row or tab), why (message key and parameters) and the cell value found. The row is left out of every figure.
 */
export interface SpendRowProblem {
  readonly tab: SpendTab;
  readonly row: number;
  readonly column: string;
  readonly messageKey: SpendMessageKey;
  readonly found: unknown;
  readonly params?: MessageParams;
}

/** A budget line in the workbook currency's minor units. */
export interface LedgerLine {
  readonly row: number;
  readonly campaign: string;
  readonly category: string;
  readonly month: string;
  readonly planned: number;
}

/** An expense in the workbook currency's minor units, with the record it came from. */
export interface LedgerExpense {
  readonly row: number;
  readonly id: string;
  readonly date: string;
  readonly month: string;
  readonly campaign: string;
  readonly category: string;
  readonly kind: ExpenseKind;
  readonly amount: number;
  readonly status: ExpenseStatus | null;
  readonly record: Expense;
}

export interface Ledger {
  readonly currency: string;
  readonly digits: number;
  readonly lines: readonly LedgerLine[];
  readonly expenses: readonly LedgerExpense[];
  readonly rates: RateTable;
  readonly problems: readonly SpendRowProblem[];
  /** Source rows left out because of a problem (each counted once, however many problems it has). */
  readonly excludedRows: number;
}

export interface LedgerSource {
  readonly budget: readonly SourceRow[];
  readonly expenses: readonly SourceRow[];
  readonly rates?: readonly SourceRow[];
  /**
   * IDs of the campaigns on the Campaigns tab. Given, a line or expense for any other ID is reported; not given,
   * campaign IDs are taken as they are.
   */
  readonly campaigns?: Iterable<string> | null;
  /** Problems found upstream (a missing column, say): carried into the result as they are. */
  readonly problems?: readonly SpendRowProblem[];
}

export interface LedgerContext {
  readonly workbookCurrency: string;
  readonly formatDate?: (date: Date) => string;
}

/** An expense of the ledger: its record at its sheet row, the amount converted (minor units of the workbook currency). */
export function ledgerExpense(row: number, record: Expense, amount: number): LedgerExpense {
  return {
    row,
    id: record.id,
    date: record.date,
    month: record.date.slice(0, 7),
    campaign: record.campaign,
    category: record.category,
    kind: record.kind,
    amount,
    status: record.status,
    record,
  };
}

function located(tab: SpendTab, row: number, problems: readonly FieldProblem[]): SpendRowProblem[] {
  return problems.map(({ field, messageKey, found, params }) => ({
    tab,
    row,
    column: field,
    messageKey,
    found,
    ...(params ? { params } : {}),
  }));
}

/**
 * Decodes, converts and checks every row. A row with any problem is left out whole (a line without its month or an
 * expense without its amount cannot be placed in any figure), and reported with each of its problems. Budget lines
 * in another currency convert at the rate valid on the first day of their month.
 */
export function buildLedger(source: LedgerSource, ctx: LedgerContext): Ledger {
  const currency = ctx.workbookCurrency;
  const digits = minorDigits(currency);
  const decodeCtx = ctx.formatDate
    ? { workbookCurrency: currency, formatDate: ctx.formatDate }
    : { workbookCurrency: currency };
  const problems: SpendRowProblem[] = [...(source.problems ?? [])];
  let excludedRows = 0;
  const known = source.campaigns ? new Set(source.campaigns) : null;

  /**
   * Each non-blank row decoded and, once it reads, checked by `check` (which adds its problems); a row with any problem
   * is left out whole and reported with each of them, the others go to `use`.
   */
  const readRows = <T, F extends string>(
    tab: SpendTab,
    rows: readonly SourceRow[],
    decode: (values: RawRow) => Decoded<T, F>,
    check: (record: T, row: number, rowProblems: SpendRowProblem[]) => number,
    use: (record: T, row: number, amount: number) => void,
  ) => {
    for (const { row, values } of rows) {
      const decoded = decode(values);
      // A row with nothing in it is not data; only a row that fails can be one, so good rows skip the check.
      if (!decoded.ok && isBlankRow(values)) continue;
      const rowProblems: SpendRowProblem[] = decoded.ok ? [] : located(tab, row, decoded.problems);
      const amount = decoded.ok ? check(decoded.value, row, rowProblems) : 0;
      if (decoded.ok && rowProblems.length === 0) use(decoded.value, row, amount);
      else {
        problems.push(...rowProblems);
        excludedRows += 1;
      }
    }
  };
  /** The campaign known and the amount converted at `date`: minor units of the workbook currency (0 on a problem). */
  const converted = (
    tab: "budget" | "expenses",
    row: number,
    rowProblems: SpendRowProblem[],
    campaign: string,
    amount: number,
    from: string,
    date: string,
  ): number => {
    if (known && !known.has(campaign)) rowProblems.push(unknownCampaign(tab, row, campaign));
    const conversion = convert(rates, amount, from, date);
    if (conversion.ok) return conversion.minor;
    rowProblems.push(conversionProblem(tab, row, amount, conversion.problem));
    return 0;
  };

  const rateRows: Row<Rate>[] = [];
  readRows(
    "rates",
    source.rates ?? [],
    rateDecoder(decodeCtx),
    () => 0,
    (record, row) => rateRows.push({ row, record }),
  );
  const built = buildRateTable(rateRows, currency);
  for (const p of built.problems) {
    problems.push(...located("rates", p.row, [p]));
    excludedRows += 1;
  }
  const rates = built.table;

  const lines: LedgerLine[] = [];
  readRows(
    "budget",
    source.budget,
    budgetLineDecoder(decodeCtx),
    (line, row, rowProblems) =>
      converted("budget", row, rowProblems, line.campaign, line.planned, line.currency, `${line.month}-01`),
    ({ campaign, category, month }, row, planned) => lines.push({ row, campaign, category, month, planned }),
  );

  const expenses: LedgerExpense[] = [];
  const firstRowOfId = new Map<string, number>();
  readRows(
    "expenses",
    source.expenses,
    expenseDecoder(decodeCtx),
    (e, row, rowProblems) => {
      // The overrun and reimbursement requests name an expense by its ID, so a second row with it cannot be told apart.
      const first = firstRowOfId.get(e.id);
      if (first !== undefined) {
        rowProblems.push({
          tab: "expenses",
          row,
          column: "id",
          messageKey: "spend.problem.duplicateId",
          found: e.id,
          params: { id: e.id, row: first },
        });
      } else firstRowOfId.set(e.id, row);
      return converted("expenses", row, rowProblems, e.campaign, e.amount, e.currency, e.date);
    },
    (e, row, amount) => expenses.push(ledgerExpense(row, e, amount)),
  );

  return { currency, digits, lines, expenses, rates, problems, excludedRows };
}

/** A missing rate is the currency's problem; an amount too large to convert is the amount's. */
export function conversionProblem(
  tab: SpendTab,
  row: number,
  amount: number,
  problem: ConversionProblem,
): SpendRowProblem {
  const { messageKey, params } = conversionMessage(problem);
  return problem.kind === "noRate"
    ? { tab, row, column: "currency", messageKey, found: problem.currency, params }
    : { tab, row, column: tab === "budget" ? "planned" : "amount", messageKey, found: amount, params };
}

export function unknownCampaign(tab: SpendTab, row: number, id: string): SpendRowProblem {
  return { tab, row, column: "campaign", messageKey: "spend.problem.unknownCampaign", found: id, params: { id } };
}

/** An amount typed in the workbook currency (a setting, a form field) in minor units; null when it is not one. */
export function workbookMinorUnits(amount: number, workbookCurrency: string): number | null {
  return minorUnitsOfNumber(amount, minorDigits(workbookCurrency));
}

/** The lines approved with the plans, in the workbook currency; a line no rate converts is named, not counted. */
export interface ApprovedLines {
  readonly lines: ReadonlyMap<string, readonly ApprovedLine[]>;
  /** By campaign: the lines left out, each with why. */
  readonly unconverted: ReadonlyMap<
    string,
    readonly { readonly line: LineSnapshot; readonly problem: ConversionProblem }[]
  >;
}

/**
 * Each approved line converts as a Budget tab line does: at the rate valid on the first day of its month, rounded once.
 * Its planned amount is in minor units of its own currency, as the plan snapshot keeps it.
 */
export function convertApprovedLines(
  rates: RateTable,
  plans: ReadonlyMap<string, readonly LineSnapshot[]>,
  category: (text: string) => string = (text) => text,
): ApprovedLines {
  const lines = new Map<string, ApprovedLine[]>();
  const unconverted = new Map<string, { line: LineSnapshot; problem: ConversionProblem }[]>();
  for (const [campaign, snapshot] of plans) {
    const out: ApprovedLine[] = [];
    for (const line of snapshot) {
      if (!isNumber(line.planned)) continue;
      const conversion = convert(rates, fromMinorUnits(line.planned, line.currency), line.currency, `${line.month}-01`);
      if (conversion.ok) out.push({ category: category(line.category), month: line.month, planned: conversion.minor });
      else {
        const list = unconverted.get(campaign) ?? [];
        list.push({ line, problem: conversion.problem });
        unconverted.set(campaign, list);
      }
    }
    lines.set(campaign, out);
  }
  return { lines, unconverted };
}
