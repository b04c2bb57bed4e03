// Minor units per currency (ISO 4217 exponents) and the one rounding rule that turns exact amounts into them.

import { asNumber, finiteNumber } from "../builtins";
import { type Decimal, decimalFromNumber, plainMinorUnits, toNumber } from "../money";
import { fromUnits, roundUnits } from "./decimal";

export const CURRENCY_CODE = /^[A-Z]{3}$/;

/** The one ISO 4217 table lives in money.ts, for plans and spend alike. */
export { minorDigits } from "../money";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The amount in minor units, rounded half away from zero (see decimal.ts: the rule Sheets uses); null when the
 * result would not be an exact integer in a double (beyond about 90 trillion in a two-digit currency).
 */
export function toMinorUnits(amount: Decimal, digits: number): number | null {
  const units = roundUnits(amount, digits);
  if (units > SAFE || units < -SAFE) return null;
  return asNumber(units);
}

/** A cell's number in minor units (same rounding); null for non-finite or out-of-range values. */
export function minorUnitsOfNumber(amount: number, digits: number): number | null {
  if (!finiteNumber(amount)) return null;
  return plainMinorUnits(amount, digits) ?? toMinorUnits(decimalFromNumber(amount), digits);
}

/** Minor units back to the number a cell shows (12345 with 2 digits -> 123.45), exact to the nearest double. */
export function majorUnits(minor: number, digits: number): number {
  return toNumber(fromUnits(minor, digits));
}
