// Exact arithmetic under budget control: rounding half away from zero, ratios, comparisons and minor units per currency.
import { describe, expect, it } from "vitest";
import { decimalFromNumber, parseDecimal, toDecimalString } from "../../../src/domain/money";
import {
  compare,
  integerRatio,
  majorUnits,
  minorDigits,
  minorUnitsOfNumber,
  multiply,
  ratio,
  round,
  roundUnits,
  toMinorUnits,
} from "../../../src/domain/spend";
import { intBelow, rng } from "./fixtures";

const d = parseDecimal;

describe("rounding to minor units", () => {
  it("rounds half away from zero, as Sheets' ROUND does", () => {
    expect(roundUnits(d("2.345"), 2)).toBe(235n);
    expect(roundUnits(d("2.344999"), 2)).toBe(234n);
    expect(roundUnits(d("-2.345"), 2)).toBe(-235n);
    expect(roundUnits(d("0.005"), 2)).toBe(1n);
    expect(roundUnits(d("0.004"), 2)).toBe(0n);
    // Where half-even would differ: it rounds these to the even neighbour (2, 0.12).
    expect(roundUnits(d("2.5"), 0)).toBe(3n);
    expect(roundUnits(d("0.125"), 2)).toBe(13n);
    expect(toDecimalString(round(d("1.0049"), 2))).toBe("1");
    expect(toDecimalString(round(d("1.005"), 2))).toBe("1.01");
  });

  it("keeps amounts that already fit, and scales them up exactly", () => {
    expect(roundUnits(d("12.3"), 2)).toBe(1230n);
    expect(roundUnits(d("7"), 3)).toBe(7000n);
    expect(toMinorUnits(d("19.99"), 2)).toBe(1999);
  });

  it("uses the currency's own minor unit", () => {
    expect(minorDigits("CNY")).toBe(2);
    expect(minorDigits("USD")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KRW")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
    expect(minorUnitsOfNumber(1234.5, minorDigits("JPY"))).toBe(1235);
    expect(minorUnitsOfNumber(1.2345, minorDigits("KWD"))).toBe(1235);
    expect(majorUnits(123456, 2)).toBe(1234.56);
    expect(majorUnits(-5, 2)).toBe(-0.05);
    expect(majorUnits(1235, 0)).toBe(1235);
  });

  it("refuses amounts a double cannot hold to the cent", () => {
    expect(toMinorUnits(d("100000000000000"), 2)).toBeNull();
    expect(minorUnitsOfNumber(Number.NaN, 2)).toBeNull();
    expect(minorUnitsOfNumber(Number.POSITIVE_INFINITY, 2)).toBeNull();
  });

  it("round-trips every cent amount through minor units (law)", () => {
    const random = rng(7);
    for (let i = 0; i < 2000; i++) {
      const cents = intBelow(random, 10_000_000_000) - 5_000_000_000;
      const amount = majorUnits(cents, 2);
      expect(minorUnitsOfNumber(amount, 2)).toBe(cents);
    }
  });
});

describe("compare, multiply and ratio", () => {
  it("compares exactly where doubles blur", () => {
    expect(compare(d("0.1"), d("0.10"))).toBe(0);
    expect(compare(d("99.99"), d("100"))).toBe(-1);
    expect(compare(d("100.000000000000000001"), d("100"))).toBe(1);
    expect(compare(multiply(d("0.9"), d("0.1")), d("0.09"))).toBe(0);
    expect(0.9 * 0.1).not.toBe(0.09); // the float noise the exact product avoids
  });

  it("multiplies exactly", () => {
    expect(toDecimalString(multiply(d("12.34"), d("7.0123")))).toBe("86.531782");
    expect(toDecimalString(multiply(d("-3"), d("0.5")))).toBe("-1.5");
  });

  it("divides to the nearest double", () => {
    expect(ratio(d("0.3"), d("0.1"))).toBe(3);
    expect(ratio(d("-0.01"), d("100"))).toBe(-0.0001);
    expect(ratio(d("1"), d("3"))).toBe(1 / 3);
    expect(ratio(d("0"), d("-5"))).toBe(0);
    expect(Object.is(ratio(d("0"), d("-5")), 0)).toBe(true);
    expect(integerRatio(10n ** 30n, 3n * 10n ** 10n)).toBeCloseTo(1e20 / 3, 0);
    expect(integerRatio(-(10n ** 30n), 4n)).toBe(-2.5e29);
    expect(() => ratio(d("1"), d("0"))).toThrow(RangeError);
  });

  it("agrees with doubles on amounts typed with two decimals (law)", () => {
    const random = rng(11);
    for (let i = 0; i < 1000; i++) {
      const a = intBelow(random, 1_000_000);
      const b = intBelow(random, 1_000_000) + 1;
      expect(ratio(decimalFromNumber(a / 100), decimalFromNumber(b / 100))).toBe(a / b);
    }
  });
});
