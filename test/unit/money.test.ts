// Exact decimals: the values a user sees are the values we compute with.
import { describe, expect, it } from "vitest";
import { add, decimalFromNumber, parseDecimal, subtract, toDecimalString, toNumber } from "../../src/domain/money";

const d = decimalFromNumber;

describe("decimals", () => {
  it("reads numbers as their shortest decimal text", () => {
    expect(toDecimalString(d(0.1))).toBe("0.1");
    expect(toDecimalString(d(-12.5))).toBe("-12.5");
    expect(toDecimalString(d(1e21))).toBe("1000000000000000000000");
    expect(toDecimalString(d(1.5e-7))).toBe("0.00000015");
    expect(toDecimalString(d(100))).toBe("100");
  });

  it("parses plain and exponent notation", () => {
    expect(toDecimalString(parseDecimal("12.500"))).toBe("12.5");
    expect(toDecimalString(parseDecimal("-3e2"))).toBe("-300");
    expect(() => parseDecimal("12,5")).toThrow(/not a decimal/);
  });

  it("adds and subtracts without float noise", () => {
    expect(toNumber(add(d(0.1), d(0.2)))).toBe(0.3);
    expect(toNumber(subtract(d(0.3), d(0.1)))).toBe(0.2);
    expect(toNumber(subtract(d(1.1), d(1)))).toBe(0.1);
    expect(toNumber(subtract(d(100.07), d(100)))).toBe(0.07);
  });

  it("never yields -0", () => {
    expect(Object.is(toNumber(subtract(d(-0), d(0))), 0)).toBe(true);
    expect(Object.is(toNumber(subtract(d(0.1), d(0.1))), 0)).toBe(true);
  });

  it("refuses non-finite numbers", () => {
    expect(() => d(Number.NaN)).toThrow(RangeError);
    expect(() => d(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
