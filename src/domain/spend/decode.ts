import {
  asNumber,
  asString,
  finiteNumber,
  isBoolean,
  isNumber,
  isString,
  mathAbs,
  numberIsNaN,
  trimLower,
} from "../builtins";
import { isIsoDate } from "../dates";
import { isBlank, isDate } from "../found";
import { catalogIn, valueOfLabel } from "../i18n";
import { isEmail } from "../workflow/values";
import { CURRENCY_CODE } from "./currency";
import type { MessageParams, SpendMessageKey } from "./messages";
import {
  type BudgetLine,
  type BudgetLineField,
  EXPENSE_KINDS,
  EXPENSE_STATUSES,
  type Expense,
  type ExpenseField,
  type Rate,
  type RateField,
} from "./model";

/** One field that could not be read: its key, why (a message key), and the cell value as it was found. */
export interface FieldProblem<F extends string = string> {
  readonly field: F;
  readonly messageKey: SpendMessageKey;
  readonly found: unknown;
  readonly params?: MessageParams;
}

export type Decoded<T, F extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly FieldProblem<F>[] };

/** A row as the table reader hands it over: cell values by column key. */
export type RawRow = { readonly [key: string]: unknown };

export interface DecodeContext {
  /** A blank currency cell means this one. */
  readonly workbookCurrency: string;
  /**
   * Formats a date cell as YYYY-MM-DD in the spreadsheet's time zone (the server passes Utilities.formatDate).
   * Without it a Date value is reported, because which day it is depends on a time zone we would have to guess.
   */
  readonly formatDate?: (date: Date) => string;
}

/**
 * Why a field failed. Readers return either the value or one of these; one shared instance per message key, so a
 * reader allocates nothing beyond its value (a large tab reads millions of cells).
 */
class Bad {
  constructor(readonly messageKey: SpendMessageKey) {}
}

const BAD_KINDS = [
  "required",
  "text",
  "date",
  "month",
  "amount",
  "tooLarge",
  "rate",
  "currency",
  "boolean",
  "email",
  "link",
  "kind",
  "status",
] as const;

/** One instance per kind, with the message key `spend.problem.<kind>`. */
const BAD = Object.fromEntries(BAD_KINDS.map((kind) => [kind, new Bad(`spend.problem.${kind}`)])) as {
  readonly [K in (typeof BAD_KINDS)[number]]: Bad;
};

/** A field reader; those of dates and currencies need the context, the others ignore it. */
type Reader = (raw: unknown, ctx: DecodeContext) => unknown;

/** Trimmed text of a cell, "" for blank; numbers and booleans as they print; null for anything else. */
function textOf(raw: unknown): string | null {
  if (isString(raw)) return raw.trim();
  if (raw === null || raw === undefined) return "";
  if (isNumber(raw)) return finiteNumber(raw) ? asString(raw) : null;
  if (isBoolean(raw)) return raw ? "TRUE" : "FALSE";
  return null;
}

function readText(raw: unknown): string | Bad {
  return textOf(raw) ?? BAD.text;
}

function readRequiredText(raw: unknown): string | Bad {
  const text = textOf(raw);
  return text === null ? BAD.text : text === "" ? BAD.required : text;
}

export function isIsoMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

function readDate(raw: unknown, ctx: DecodeContext): string | Bad {
  if (isString(raw)) {
    const text = raw.trim();
    return text === "" ? BAD.required : isIsoDate(text) ? text : BAD.date;
  }
  if (raw === null || raw === undefined) return BAD.required;
  if (isDate(raw)) {
    const text = ctx.formatDate && !numberIsNaN(raw.getTime()) ? ctx.formatDate(raw) : "";
    return isIsoDate(text) ? text : BAD.date;
  }
  return BAD.date;
}

/** A month cell: "2026-03", or a whole date (a cell formatted as a month holds one) whose month is taken. */
function readMonth(raw: unknown, ctx: DecodeContext): string | Bad {
  if (isString(raw) && isIsoMonth(raw.trim())) return raw.trim();
  const date = readDate(raw, ctx);
  return date instanceof Bad ? (date === BAD.required ? date : BAD.month) : date.slice(0, 7);
}

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * A number cell; decimal text counts too, since a cell formatted as text still holds the amount a user typed. Null
 * for anything else (a non-finite number too), undefined for blank.
 */
export function numberOf(raw: unknown): number | null | undefined {
  if (isNumber(raw)) return finiteNumber(raw) ? raw : null;
  if (raw === null || raw === undefined) return undefined;
  if (isString(raw)) {
    const text = raw.trim();
    if (text === "") return undefined;
    return DECIMAL_TEXT.test(text) ? asNumber(text) : null;
  }
  return null;
}

/** An amount of 0 or more; with `signed`, a negative one too (a refund's). */
function amountOf(raw: unknown, signed: boolean): number | Bad {
  const n = numberOf(raw);
  if (n === undefined) return BAD.required;
  if (n === null || (n < 0 && !signed)) return BAD.amount;
  // Beyond this a double no longer holds every cent, so the sum could not be exact.
  if (mathAbs(n) > 1e13) return BAD.tooLarge;
  return n === 0 ? 0 : n;
}

/** A planned or spent amount: a number, never negative. */
const readAmount = (raw: unknown) => amountOf(raw, false);

function readRate(raw: unknown): number | Bad {
  const n = numberOf(raw);
  if (n === undefined) return BAD.required;
  return n === null || n <= 0 ? BAD.rate : n;
}

function readCurrency(raw: unknown, ctx: DecodeContext): string | Bad {
  if (raw === null || raw === undefined) return ctx.workbookCurrency;
  if (!isString(raw)) return BAD.currency;
  const code = raw.trim().toUpperCase();
  if (code === "") return ctx.workbookCurrency;
  return CURRENCY_CODE.test(code) ? code : BAD.currency;
}

function readRequiredCurrency(raw: unknown, ctx: DecodeContext): string | Bad {
  return isBlank(raw) ? BAD.required : readCurrency(raw, ctx);
}

const YES = new Set(["true", "yes", "y", "1", "是", "✓", "x"]);
const NO = new Set(["false", "no", "n", "0", "否"]);

/** A checkbox, or Yes/No typed in either language; blank is No. */
function readBoolean(raw: unknown): boolean | Bad {
  if (isBoolean(raw)) return raw;
  if (raw === null || raw === undefined) return false;
  if (raw === 1 || raw === 0) return raw === 1;
  if (isString(raw)) {
    const text = trimLower(raw);
    if (text === "") return false;
    const label = (key: "spend.yes" | "spend.no") => catalogIn("en")[key].toLowerCase();
    if (YES.has(text) || text === label("spend.yes")) return true;
    if (NO.has(text) || text === label("spend.no")) return false;
  }
  return BAD.boolean;
}

/** Optional text that must have a form: blank is "", anything but text or text of another form is `bad`. */
function formedText(bad: Bad, valid: (text: string) => boolean, lowerCase = false): Reader {
  return (raw) => {
    if (raw === null || raw === undefined) return "";
    if (!isString(raw)) return bad;
    const text = lowerCase ? trimLower(raw) : raw.trim();
    return text === "" || valid(text) ? text : bad;
  };
}

const readEmail = formedText(BAD.email, isEmail, true);
const readLink = formedText(BAD.link, (text) => /^https?:\/\/\S+$/i.test(text));

/**
 * Every way a choice can be written: its key, or its label in either language, compared case-insensitively. A key
 * is read without a catalog; a label loads the catalog of the language it looks like (i18n's valueOfLabel).
 */
function choiceIndex<T extends string>(
  values: readonly T[],
  labelKey: (value: T) => SpendMessageKey,
): { get(text: string): T | undefined } {
  const keys = new Map(values.map((value) => [value.toLowerCase(), value] as const));
  return { get: (text) => keys.get(text) ?? valueOfLabel(text, values, labelKey) };
}

/** A choice cell: its value, `blank` when blank, BAD.<bad> when it is no way of writing one. */
function choiceReader<T extends string>(
  values: readonly T[],
  labelKey: (value: T) => SpendMessageKey,
  blank: Bad | null,
  bad: Bad,
): Reader {
  const index = choiceIndex(values, labelKey);
  return (raw) => {
    if (isBlank(raw)) return blank;
    return (isString(raw) ? index.get(trimLower(raw)) : undefined) ?? bad;
  };
}

const readKind = choiceReader(EXPENSE_KINDS, (k) => `spend.kind.${k}`, BAD.required, BAD.kind);
const readStatus = choiceReader(EXPENSE_STATUSES, (s) => `spend.expenseStatus.${s}`, null, BAD.status);

type Readers<F extends string> = { readonly [K in F]: Reader };

/**
 * A decoder for one tab: reads each field, collecting every problem so a row with three mistakes shows all three.
 * Built once per read, so the per-row work is the reading itself.
 */
function decoder<T, F extends string>(readers: Readers<F>, ctx: DecodeContext): (values: RawRow) => Decoded<T, F> {
  const fields = Object.keys(readers) as F[];
  return (values) => {
    const record: Record<string, unknown> = {};
    // Allocated only for a bad row: on a 100,000-row tab an empty list per good row is pure garbage.
    let problems: FieldProblem<F>[] | null = null;
    for (const field of fields) {
      const raw = values[field];
      const value = readers[field](raw, ctx);
      if (!(value instanceof Bad)) record[field] = value;
      else {
        if (problems === null) problems = [];
        problems.push({ field, messageKey: value.messageKey, found: raw });
      }
    }
    return problems === null ? { ok: true, value: record as T } : { ok: false, problems };
  };
}

export function budgetLineDecoder(ctx: DecodeContext): (values: RawRow) => Decoded<BudgetLine, BudgetLineField> {
  return decoder<BudgetLine, BudgetLineField>(
    {
      campaign: readRequiredText,
      category: readRequiredText,
      month: readMonth,
      planned: readAmount,
      currency: readCurrency,
      note: readText,
    },
    ctx,
  );
}

/**
 * An expense row. A negative amount is a refund or credit note and names the expense it refunds in Refund of; a row
 * with one and not the other is refused at the cell that is wrong (the amount, or the Refund of cell).
 */
export function expenseDecoder(ctx: DecodeContext): (values: RawRow) => Decoded<Expense, ExpenseField> {
  const decode = decoder<Expense, ExpenseField>(
    {
      id: readRequiredText,
      date: readDate,
      campaign: readRequiredText,
      category: readRequiredText,
      vendor: readText,
      description: readText,
      // Negative for a refund, which must then name the expense it refunds (and only then).
      amount: (raw) => amountOf(raw, true),
      currency: readCurrency,
      kind: readKind,
      receiptLink: readLink,
      reimbursable: readBoolean,
      requestedBy: readEmail,
      status: readStatus,
      refundOf: readText,
    },
    ctx,
  );
  return (values) => {
    const decoded = decode(values);
    if (!decoded.ok || decoded.value.amount < 0 === (decoded.value.refundOf !== "")) return decoded;
    const field = decoded.value.amount < 0 ? "amount" : "refundOf";
    const messageKey = field === "amount" ? "spend.problem.refundOf" : "spend.problem.refundAmount";
    return { ok: false, problems: [{ field, messageKey, found: values[field] }] };
  };
}

export function rateDecoder(ctx: DecodeContext): (values: RawRow) => Decoded<Rate, RateField> {
  return decoder<Rate, RateField>({ currency: readRequiredCurrency, rate: readRate, validFrom: readDate }, ctx);
}

export function decodeBudgetLine(values: RawRow, ctx: DecodeContext): Decoded<BudgetLine, BudgetLineField> {
  return budgetLineDecoder(ctx)(values);
}

export function decodeExpense(values: RawRow, ctx: DecodeContext): Decoded<Expense, ExpenseField> {
  return expenseDecoder(ctx)(values);
}

export function decodeRate(values: RawRow, ctx: DecodeContext): Decoded<Rate, RateField> {
  return rateDecoder(ctx)(values);
}

/** A row with nothing in it is not data: the table reader may hand over a few at the end of a tab. */
export function isBlankRow(values: RawRow): boolean {
  for (const key of Object.keys(values)) if (!isBlank(values[key])) return false;
  return true;
}
