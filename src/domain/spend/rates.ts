// Currency conversion through the Rates tab at the expense date: the latest rate valid on that day, exact, rounded once.

import { asString, isNumber } from "../builtins";
import { type Decimal, decimalFromCell, decimalFromNumber, fitsMinorUnit } from "../money";
import { compareCodeUnits as compareText } from "../workflow/json";
import { minorDigits, minorUnitsOfNumber, toMinorUnits } from "./currency";
import { compare, multiply } from "./decimal";
import type { MessageParams, SpendMessageKey } from "./messages";
import type { Rate, Row } from "./model";

const ONE: Decimal = { units: 1n, scale: 0 };

interface Dated {
  readonly validFrom: string;
  readonly rate: Decimal;
  readonly row: number;
}

/** Rates by currency, each list sorted by validFrom so a lookup is a binary search. */
export interface RateTable {
  readonly workbookCurrency: string;
  readonly byCurrency: ReadonlyMap<string, readonly Dated[]>;
}

/** A rate row that cannot be used; the row is left out of the table. */
export interface RateRowProblem {
  readonly row: number;
  readonly field: "currency" | "rate" | "validFrom";
  readonly messageKey: SpendMessageKey;
  readonly found: unknown;
  readonly params: MessageParams;
}

/**
 * Builds the table. Two rows for the same currency and day with different rates are ambiguous: the first (upper)
 * row is kept and the later one reported. A row for the workbook currency is only allowed at 1, because that
 * currency converts 1:1 by definition and anything else would make sums disagree with their own parts.
 */
export function buildRateTable(
  rows: readonly Row<Rate>[],
  workbookCurrency: string,
): { table: RateTable; problems: RateRowProblem[] } {
  const problems: RateRowProblem[] = [];
  const lists = new Map<string, Dated[]>();
  const seen = new Map<string, Dated>();
  for (const { row, record } of rows) {
    const rate = decimalFromNumber(record.rate);
    if (record.currency === workbookCurrency) {
      if (compare(rate, ONE) !== 0) {
        problems.push({
          row,
          field: "rate",
          messageKey: "spend.problem.workbookRate",
          found: record.rate,
          params: { currency: record.currency, rate: asString(record.rate) },
        });
      }
      continue;
    }
    const key = `${record.currency}\u0000${record.validFrom}`;
    const earlier = seen.get(key);
    if (earlier) {
      if (compare(earlier.rate, rate) !== 0) {
        problems.push({
          row,
          field: "validFrom",
          messageKey: "spend.problem.duplicateRate",
          found: record.validFrom,
          params: { currency: record.currency, date: record.validFrom, row: earlier.row },
        });
      }
      continue;
    }
    const dated: Dated = { validFrom: record.validFrom, rate, row };
    seen.set(key, dated);
    const list = lists.get(record.currency);
    if (list) list.push(dated);
    else lists.set(record.currency, [dated]);
  }
  for (const list of lists.values()) list.sort((a, b) => compareText(a.validFrom, b.validFrom));
  return { table: { workbookCurrency, byCurrency: lists }, problems };
}

/** The rate in force on `date`: the one with the latest validFrom on or before it; 1 for the workbook currency. */
export function rateOn(table: RateTable, currency: string, date: string): Decimal | null {
  if (currency === table.workbookCurrency) return ONE;
  const list = table.byCurrency.get(currency);
  if (!list) return null;
  let lo = 0;
  let hi = list.length - 1;
  let found: Dated | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = list[mid] as Dated;
    if (candidate.validFrom <= date) {
      found = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? found.rate : null;
}

export type ConversionProblem =
  | { readonly kind: "noRate"; readonly currency: string; readonly date: string }
  | { readonly kind: "tooLarge"; readonly currency: string; readonly date: string }
  | { readonly kind: "decimals"; readonly currency: string; readonly date: string; readonly amount: number };

export type Conversion =
  | { readonly ok: true; readonly minor: number }
  | { readonly ok: false; readonly problem: ConversionProblem };

/**
 * amount (in `currency`, as typed) x the rate on `date`, rounded once to the workbook currency's minor units, half
 * away from zero. The product is exact before that single rounding, so no cent is lost to an intermediate step;
 * each expense is rounded on its own and sums are then exact integers. For the workbook currency this is the
 * amount itself (rounded only when it has more decimals than the currency has).
 */
export function convert(table: RateTable, amount: number | Decimal, currency: string, date: string): Conversion {
  // One rule for every amount entered (money.ts): no more decimals than its own currency has, read as Sheets shows it.
  if (isNumber(amount) && !fitsMinorUnit(amount, currency)) {
    return { ok: false, problem: { kind: "decimals", currency, date, amount } };
  }
  let minor: number | null;
  if (currency === table.workbookCurrency && isNumber(amount)) {
    minor = minorUnitsOfNumber(amount, minorDigits(currency));
  } else {
    const rate = rateOn(table, currency, date);
    if (rate === null) return { ok: false, problem: { kind: "noRate", currency, date } };
    const exact = multiply(isNumber(amount) ? decimalFromCell(amount) : amount, rate);
    minor = toMinorUnits(exact, minorDigits(table.workbookCurrency));
  }
  return minor === null ? { ok: false, problem: { kind: "tooLarge", currency, date } } : { ok: true, minor };
}

/** The message of a conversion problem, for the row it belongs to. */
export function conversionMessage(problem: ConversionProblem): { messageKey: SpendMessageKey; params: MessageParams } {
  if (problem.kind === "decimals") {
    return {
      messageKey: "spend.problem.decimals",
      params: { currency: problem.currency, digits: minorDigits(problem.currency) },
    };
  }
  return problem.kind === "noRate"
    ? { messageKey: "spend.problem.noRate", params: { currency: problem.currency, date: problem.date } }
    : { messageKey: "spend.problem.tooLarge", params: {} };
}
