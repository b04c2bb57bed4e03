// Exact arithmetic that budget control needs on top of money.ts's Decimal: compare, multiply, round, divide to a ratio.

import { asNumber, max } from "../builtins";
import { aligned, type Decimal, normalize } from "../money";

export const ZERO: Decimal = { units: 0n, scale: 0 };

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sign(d: Decimal): -1 | 0 | 1 {
  return d.units < 0n ? -1 : d.units > 0n ? 1 : 0;
}

export function isZero(d: Decimal): boolean {
  return d.units === 0n;
}

export function negate(d: Decimal): Decimal {
  return { units: -d.units, scale: d.scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalize({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** The value `units / 10^scale` for integer units (minor units with their currency's digits, for example). */
export function fromUnits(units: bigint | number, scale: number): Decimal {
  return normalize({ units: BigInt(units), scale });
}

/**
 * The units of `d` rounded to `digits` decimals, half away from zero (2.345 -> 2.35, -2.345 -> -2.35). This is
 * what Sheets' ROUND and its number formats do, so a figure computed here matches what a user checks by hand.
 */
export function roundUnits(d: Decimal, digits: number): bigint {
  if (d.scale <= digits) return d.units * pow10(digits - d.scale);
  const divisor = pow10(d.scale - digits);
  const quotient = d.units / divisor; // BigInt division truncates toward zero
  const rest = d.units % divisor; // carries the sign of d
  const twice = (rest < 0n ? -rest : rest) * 2n;
  if (twice >= divisor) return quotient + (d.units < 0n ? -1n : 1n);
  return quotient;
}

export function round(d: Decimal, digits: number): Decimal {
  return normalize({ units: roundUnits(d, digits), scale: digits });
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const RATIO_DIGITS = 21;

/**
 * numerator / denominator as the nearest double (to within one rounding). Percentages are shown, not summed, so a
 * double is the right result; the comparisons that decide a status never go through it.
 */
export function ratio(numerator: Decimal, denominator: Decimal): number {
  // integerRatio refuses a zero denominator.
  const [a, b] = aligned(numerator, denominator);
  return integerRatio(a, b);
}

/** a / b for integers: one IEEE division when both are exact doubles (then correctly rounded), else long division. */
export function integerRatio(a: bigint, b: bigint): number {
  if (b === 0n) throw RangeError("division by zero");
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  if (absA <= SAFE && absB <= SAFE) {
    const q = asNumber(a) / asNumber(b);
    return q === 0 ? 0 : q;
  }
  const negative = a < 0n !== b < 0n;
  // Enough digits that the decimal text rounds to the same double as the exact quotient in all but freak cases.
  const shift = max(0, RATIO_DIGITS - (absA.toString().length - absB.toString().length));
  const q = (absA * pow10(shift)) / absB;
  const n = asNumber(`${q.toString()}e-${shift}`);
  return n === 0 ? 0 : negative ? -n : n;
}
