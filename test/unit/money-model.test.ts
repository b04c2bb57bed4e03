// One money model: one ISO 4217 table and one decimals rule for plans, budget lines and expenses alike.
import { describe, expect, it } from "vitest";
import { fitsMinorUnit, formatAmount, fromMinorUnits, minorDigits, toMinorUnits } from "../../src/domain/money";
import { buildRateTable, convert, minorDigits as spendDigits } from "../../src/domain/spend/index";

describe("one table of minor units", () => {
  it("knows three-decimal and zero-decimal currencies the same way for plans and spend", () => {
    for (const code of ["KWD", "BHD", "JOD", "OMR", "TND", "JPY", "KRW", "XPF", "BIF", "USD", "CNY", "CLF"]) {
      expect(minorDigits(code), code).toBe(spendDigits(code));
    }
    expect(minorDigits("KWD")).toBe(3);
    expect(minorDigits("kwd ")).toBe(3);
    expect(minorDigits("XPF")).toBe(0);
    expect(minorDigits("CLF")).toBe(4);
  });

  it("stores a KWD plan with 3 decimals, as its spend", () => {
    expect(toMinorUnits(1.234, "KWD")).toBe(1234);
    expect(fromMinorUnits(1234, "KWD")).toBe(1.234);
    expect(formatAmount(1_234_500, "KWD")).toBe("1,234.500");
    expect(toMinorUnits(1.2345, "KWD")).toBeNull();
  });
});

describe("one decimals rule", () => {
  it("refuses 1.005 USD in the plan and in an expense alike, and accepts cent sums", () => {
    expect(fitsMinorUnit(1.005, "USD")).toBe(false);
    expect(toMinorUnits(1.005, "USD")).toBeNull();
    const table = buildRateTable([], "USD").table;
    const expense = convert(table, 1.005, "USD", "2026-03-01");
    expect(expense).toMatchObject({ ok: false, problem: { kind: "decimals", currency: "USD" } });
    expect(fitsMinorUnit(100.1 + 100.1 + 100.1, "USD")).toBe(true);
    expect(convert(table, 100.1 + 100.1 + 100.1, "USD", "2026-03-01")).toEqual({ ok: true, minor: 30030 });
    expect(fitsMinorUnit(1.005, "KWD")).toBe(true);
    expect(fitsMinorUnit(12, "JPY")).toBe(true);
    expect(fitsMinorUnit(12.5, "JPY")).toBe(false);
  });
});
