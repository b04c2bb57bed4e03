// Cores of BUDGET_VARIANCE_PCT, BUDGET_STATUS and BUDGET_REMAINING: exact, for single values and ranges, with the array conventions of BUDGET_VARIANCE.

import { type At, cellwise, type Size } from "../budget";
import { finiteNumber } from "../builtins";
import { describeFound, isBlank } from "../found";
import { type Lang, wordedWhenRead } from "../i18n";
import { add, type Decimal, decimalFromCell, decimalFromNumber, subtract, toNumber } from "../money";
import { majorUnits } from "./currency";
import { isZero, ratio, sign } from "./decimal";
import type { MessageParams } from "./messages";
import { type BudgetStatus, linePosition, type Positions, statusOf } from "./position";
import { formatSpendMessage, spendText } from "./texts";

export const SPEND_FUNCTIONS = ["BUDGET_VARIANCE_PCT", "BUDGET_STATUS", "BUDGET_REMAINING"] as const;
export type SpendFunction = (typeof SPEND_FUNCTIONS)[number];

export type SpendArgument = "planned" | "actual" | "approved" | "committed" | "warnAt" | "campaign" | "category";

/** Why a function cannot answer; the message is built from it in the caller's language. */
export type SpendFunctionProblem =
  | { readonly kind: "missing"; readonly fn: SpendFunction; readonly arguments: readonly SpendArgument[] }
  | {
      readonly kind: "notNumber";
      readonly fn: SpendFunction;
      readonly argument: SpendArgument;
      readonly found: unknown;
      readonly at?: At;
    }
  | {
      readonly kind: "shape";
      readonly fn: SpendFunction;
      readonly sizes: readonly { readonly argument: SpendArgument; readonly size: Size | null }[];
    }
  | { readonly kind: "plannedZero"; readonly fn: SpendFunction; readonly found: unknown; readonly at?: At }
  | { readonly kind: "plannedNegative"; readonly fn: SpendFunction; readonly found: unknown; readonly at?: At }
  | { readonly kind: "warnAt"; readonly fn: SpendFunction; readonly found: unknown };

export class SpendFunctionError extends Error {
  constructor(
    readonly problem: SpendFunctionProblem,
    lang: Lang,
  ) {
    super();
    this.name = "SpendFunctionError";
    wordedWhenRead(this, () => describeSpendFunctionProblem(problem, lang));
  }
}

function argumentText(argument: SpendArgument, lang: Lang): string {
  return spendText(lang, `spend.fn.argument.${argument}`);
}

function sizeText(size: Size | null, lang: Lang): string {
  return size ? spendText(lang, "spend.fn.size", size) : spendText(lang, "spend.fn.single");
}

/** spend.fn.<kind>, or spend.fn.<kind>At naming the cell when the argument was a range; each takes the params it names. */
export function cellMessage(
  lang: Lang,
  kind: "notNumber" | "plannedZero" | "plannedNegative" | "notText" | "unknownCampaign",
  at: At | null | undefined,
  params: MessageParams,
): string {
  return at
    ? formatSpendMessage(lang, `spend.fn.${kind}At`, { ...params, ...at })
    : formatSpendMessage(lang, `spend.fn.${kind}`, params);
}

export function describeSpendFunctionProblem(problem: SpendFunctionProblem, lang: Lang): string {
  const fn = problem.fn;
  const joined = (parts: readonly string[]) => parts.join(spendText(lang, "spend.fn.sizeJoin"));
  switch (problem.kind) {
    case "missing":
      return spendText(lang, "spend.fn.missing", {
        fn,
        names: joined(problem.arguments.map((a) => argumentText(a, lang))),
      });
    case "shape":
      return spendText(lang, "spend.fn.shape", {
        fn,
        sizes: joined(
          problem.sizes.map((s) =>
            spendText(lang, "spend.fn.sizeOf", {
              argument: argumentText(s.argument, lang),
              size: sizeText(s.size, lang),
            }),
          ),
        ),
      });
    case "notNumber":
    case "plannedZero":
    case "plannedNegative":
      return cellMessage(lang, problem.kind, problem.at, {
        fn,
        argument: problem.kind === "notNumber" ? argumentText(problem.argument, lang) : "",
        found: describeFound(problem.found, lang),
      });
    case "warnAt":
      return spendText(lang, "spend.fn.warnAt", { fn, found: describeFound(problem.found, lang) });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The array machinery shared by the three functions

interface Arg {
  readonly name: SpendArgument;
  readonly value: unknown;
}

/** One cell's inputs: null for a blank, the exact decimal otherwise; `raw` keeps what was there for messages. */
interface Inputs {
  readonly values: readonly (Decimal | null)[];
  readonly raw: readonly unknown[];
  readonly at?: At;
}

function amountOf(fn: SpendFunction, argument: SpendArgument, value: unknown, lang: Lang, at?: At): Decimal | null {
  if (isBlank(value)) return null;
  // Sheets' 15 significant digits (money.ts): an amount that displays as exactly the budget is exactly the budget.
  if (finiteNumber(value)) return decimalFromCell(value);
  const problem = { kind: "notNumber", fn, argument, found: value } as const;
  throw new SpendFunctionError(at ? { ...problem, at } : problem, lang);
}

/**
 * BUDGET_VARIANCE's array convention (budget.ts). Where every input of a cell is blank the result is blank; a blank
 * next to a number counts as 0, as in Sheets arithmetic.
 */
function amountsCellwise<R>(
  fn: SpendFunction,
  args: readonly Arg[],
  lang: Lang,
  compute: (inputs: Inputs) => R,
): R | "" | (R | "")[][] {
  return cellwise(
    args.map((a) => a.value),
    (sizes) =>
      new SpendFunctionError(
        sizes
          ? { kind: "shape", fn, sizes: args.map((a, i) => ({ argument: a.name, size: sizes[i] ?? null })) }
          : { kind: "missing", fn, arguments: args.map((a) => a.name) },
        lang,
      ),
    (raw, at): R | "" => {
      const values = args.map((a, i) => amountOf(fn, a.name, raw[i], lang, at));
      if (values.every((v) => v === null)) return "";
      return compute(at ? { values, raw, at } : { values, raw });
    },
  );
}

const ZERO: Decimal = { units: 0n, scale: 0 };

// ---------------------------------------------------------------------------------------------------------
// The functions

export type NumberResult = number | "" | (number | "")[][];
export type StatusResult = BudgetStatus | "" | (BudgetStatus | "")[][];

/**
 * A function of (planned, actual) by cells; a planned amount that `refused` matches throws the problem `refusal`
 * (located in its range).
 */
function ofPlannedActual<R>(
  fn: SpendFunction,
  planned: unknown,
  actual: unknown,
  lang: Lang,
  refusal: "plannedZero" | "plannedNegative",
  refused: (p: Decimal) => boolean,
  compute: (p: Decimal, a: Decimal) => R,
): R | "" | (R | "")[][] {
  const args: Arg[] = [
    { name: "planned", value: planned },
    { name: "actual", value: actual },
  ];
  return amountsCellwise(fn, args, lang, ({ values, raw, at }) => {
    const p = values[0] ?? ZERO;
    if (refused(p)) {
      const problem = { kind: refusal, fn, found: raw[0] };
      throw new SpendFunctionError(at ? { ...problem, at } : problem, lang);
    }
    return compute(p, values[1] ?? ZERO);
  });
}

/**
 * BUDGET_VARIANCE_PCT(planned, actual) = (actual - planned) / planned, as a fraction (0.1 shows as 10 % in a percent
 * format). Planned 0 (or blank next to an actual) throws: a percentage of nothing is not a number, and a made-up 0
 * or blank would hide spending that had no plan.
 */
export function budgetVariancePct(planned: unknown, actual: unknown, lang: Lang = "en"): NumberResult {
  return ofPlannedActual("BUDGET_VARIANCE_PCT", planned, actual, lang, "plannedZero", isZero, (p, a) =>
    ratio(subtract(a, p), p),
  );
}

export const DEFAULT_WARN_AT = 0.9;

function warnAtOf(fn: SpendFunction, value: unknown, lang: Lang): Decimal {
  if (value === undefined || isBlank(value)) return decimalFromNumber(DEFAULT_WARN_AT);
  if (finiteNumber(value) && value > 0 && value <= 1) return decimalFromNumber(value);
  throw new SpendFunctionError({ kind: "warnAt", fn, found: value }, lang);
}

/**
 * BUDGET_STATUS(planned, actual, [warn_at = 0.9]): UNDER, WARNING (from warn_at x planned), ON_BUDGET (exactly
 * planned) or OVER, decided exactly (99.99 % is WARNING, 100 % ON_BUDGET, 100.01 % OVER). warn_at is one number for
 * the whole range. A negative planned amount is refused: there is no budget to be under or over.
 */
export function budgetStatus(planned: unknown, actual: unknown, warnAt?: unknown, lang: Lang = "en"): StatusResult {
  const fn = "BUDGET_STATUS";
  const warn = warnAtOf(fn, warnAt, lang);
  return ofPlannedActual(
    fn,
    planned,
    actual,
    lang,
    "plannedNegative",
    (p) => sign(p) < 0,
    (p, a) => statusOf(a, p, warn),
  );
}

/** BUDGET_REMAINING's arithmetic: approved - actual - committed, exact; negative when over. */
export function budgetRemaining(
  approved: unknown,
  actual: unknown,
  committed: unknown,
  lang: Lang = "en",
): NumberResult {
  return amountsCellwise(
    "BUDGET_REMAINING",
    [
      { name: "approved", value: approved },
      { name: "actual", value: actual },
      { name: "committed", value: committed },
    ],
    lang,
    ({ values }) => toNumber(subtract(values[0] ?? ZERO, add(values[1] ?? ZERO, values[2] ?? ZERO))),
  );
}

/**
 * What BUDGET_REMAINING(campaign_id, [category]) shows once the server has folded the tabs: the campaign's (or its
 * category's) approved - actual - committed as a cell value. null when the campaign has neither budget nor spend,
 * so the caller can tell "no such campaign" from a remaining 0.
 */
export function remainingOf(positions: Positions, campaign: string, category?: string): number | null {
  const position = positions.campaigns.get(campaign);
  if (!position) return null;
  const figures = category === undefined || isBlank(category) ? position : linePosition(position, category.trim());
  return majorUnits(figures.remaining, positions.digits);
}
