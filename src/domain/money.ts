// Exact decimal arithmetic for amounts: a number as the spreadsheet shows it (its shortest decimal form) becomes a
// scaled BigInt, so 0.3 - 0.1 is 0.2 and not 0.19999999999999998 as with floats.
import { asNumber, asString, finiteNumber, mathAbs, mathRound, max, safeInteger } from "./builtins";

/** The value `units / 10^scale`, exactly. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/**
 * The decimal a finite number stands for. `String(n)` is the shortest text that reads back as the same double,
 * which is what a user typed or Sheets displays, so that is the value we compute with.
 */
export function decimalFromNumber(n: number): Decimal {
  if (!finiteNumber(n)) throw RangeError(`not a finite number: ${n}`);
  return parseDecimal(asString(n));
}

/** Significant digits of a number in Google Sheets: it keeps and shows at most 15, so a cell never means more. */
export const SHEETS_SIGNIFICANT_DIGITS = 15;

/**
 * The decimal a cell's number means for money: the number rounded to Sheets' 15 significant digits. A sum such as
 * `=100.1+100.1+100.1` is the double 300.29999999999995, which Sheets shows (and a user reads) as 300.3; comparing
 * or subtracting the raw doubles would put 5e-14 between two amounts that look identical. Rounding to 15 digits is
 * the one normalisation that needs no currency (custom functions get bare numbers) and never alters an amount a
 * person typed, because Sheets stores no more digits than that.
 */
export function decimalFromCell(n: number): Decimal {
  if (!finiteNumber(n)) throw RangeError(`not a finite number: ${n}`);
  return parseDecimal(n.toPrecision(SHEETS_SIGNIFICANT_DIGITS));
}

/** Parses plain or exponent notation ("-12.50", "1.5e-7", "1e+21"). */
export function parseDecimal(text: string): Decimal {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) throw RangeError(`not a decimal number: ${text}`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = m;
  let scale = fraction.length - asNumber(exponent);
  let units = BigInt(`${sign}${whole}${fraction}`);
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ units, scale });
}

/** Drops trailing zeros of the fraction, so equal values have one form. */
export function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** Both values as integers of one common scale, and that scale. */
export function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return normalize({ units: x + y, scale });
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return normalize({ units: x - y, scale });
}

/** Plain decimal text without exponent, e.g. "-0.25" or "1000000000000000000000". */
export function toDecimalString(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString();
  if (d.scale === 0) return `${negative ? "-" : ""}${digits}`;
  const padded = digits.padStart(d.scale + 1, "0");
  const whole = padded.slice(0, padded.length - d.scale);
  const fraction = padded.slice(padded.length - d.scale);
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** The double nearest to the exact value: what a cell can hold. */
export function toNumber(d: Decimal): number {
  const n = asNumber(toDecimalString(d));
  return n === 0 ? 0 : n; // never -0: a sheet would show it as 0 anyway, and tests compare with 0
}

/**
 * The one table of minor units (ISO 4217 exponents) for every amount the add-on reads, stores or shows: plans, budget
 * lines, expenses, limits, reports. Every code not listed has 2 digits. See "One money model" in the spend README
 * for what changed for amounts stored before this table was the only one.
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(
  (
    [
      [0, "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"],
      [3, "BHD IQD JOD KWD LYD OMR TND"],
      [4, "CLF UYW"],
    ] as const
  ).flatMap(([digits, codes]) => codes.split(" ").map((code) => [code, digits] as const)),
);

/** Digits after the decimal point of a currency's amounts: 2 for USD/CNY/EUR, 0 for JPY/KRW, 3 for KWD. */
export function minorDigits(currency: string): number {
  return EXPONENTS.get(currency.trim().toUpperCase()) ?? 2;
}

/**
 * The rule for every amount of money a person enters: read to Sheets' 15 significant digits (`decimalFromCell`), it
 * has no more decimals than its currency's minor unit. 1.005 USD is not an amount of money (refused, never rounded
 * silently); =100.1+100.1+100.1 CNY is 300.3.
 */
export function fitsMinorUnit(amount: number, currency: string): boolean {
  if (!finiteNumber(amount)) return false;
  const digits = minorDigits(currency);
  return plainMinorUnits(amount, digits) !== null || decimalFromCell(amount).scale <= digits;
}

/**
 * The shortcut for the common case, an amount with no more decimals than `digits`: when amount x 10^digits rounds to
 * an integer n with n / 10^digits === amount, and is far enough below 2^53 that doubles there are much closer
 * together than one minor unit, the decimal the number stands for (its shortest text) is exactly n / 10^digits, and
 * n is returned. Otherwise null, and the exact decimal path decides. Saves a BigInt round trip per expense on large
 * reports.
 */
export function plainMinorUnits(amount: number, digits: number): number | null {
  const factor = 10 ** digits;
  const scaled = amount * factor;
  if (!(mathAbs(scaled) < 2 ** 49)) return null;
  const n = mathRound(scaled);
  return n / factor === amount ? (n === 0 ? 0 : n) : null;
}

/**
 * An amount as shown in a cell (major units, e.g. 1200.5 CNY) in whole minor units (120050), exactly; null when it
 * is not finite or has more decimals than the currency has (12.345 CNY is not an amount of money).
 */
export function toMinorUnits(amount: number, currency: string): number | null {
  if (!finiteNumber(amount)) return null;
  const digits = minorDigits(currency);
  const d = decimalFromCell(amount);
  if (d.scale > digits) return null;
  const units = d.units * 10n ** BigInt(digits - d.scale);
  const n = asNumber(units);
  return safeInteger(n) ? n : null;
}

/** Minor units back to the amount a cell holds (120050 -> 1200.5 for CNY). */
export function fromMinorUnits(units: number, currency: string): number {
  return toNumber({ units: BigInt(Math.trunc(units)), scale: minorDigits(currency) });
}

/** "120,000.00" (grouping, the currency's decimals), the same on every runtime: no Intl, whose data differ. */
export function formatAmount(units: number, currency: string): string {
  const digits = minorDigits(currency);
  const negative = units < 0;
  const text = asString(mathAbs(Math.trunc(units))).padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** "120,000.00 CNY": the amount and its currency, as messages name money. */
export function formatMoney(units: number, currency: string): string {
  return `${formatAmount(units, currency)} ${currency}`;
}
