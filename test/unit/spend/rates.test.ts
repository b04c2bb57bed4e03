// Conversion through the Rates tab: the rate in force on the expense date, exact, rounded once to the workbook's minor units.
import { describe, expect, it } from "vitest";
import { parseDecimal } from "../../../src/domain/money";
import {
  buildRateTable,
  convert,
  majorUnits,
  minorUnitsOfNumber,
  type Rate,
  type Row,
  rateOn,
} from "../../../src/domain/spend";
import { intBelow, rng } from "./fixtures";

function table(rates: [string, number, string][], workbook = "CNY") {
  const rows: Row<Rate>[] = rates.map(([currency, rate, validFrom], i) => ({
    row: i + 2,
    record: { currency, rate, validFrom },
  }));
  return buildRateTable(rows, workbook);
}

const { table: RATES } = table([
  ["USD", 7.2, "2026-03-01"],
  ["USD", 7.1, "2026-01-01"], // out of order on the tab: the table sorts
  ["EUR", 7.85, "2026-02-15"],
  ["JPY", 0.0481, "2026-01-01"],
]);

describe("the rate in force", () => {
  it("is none before the first rate", () => {
    expect(rateOn(RATES, "USD", "2025-12-31")).toBeNull();
    expect(convert(RATES, 100, "USD", "2025-12-31")).toEqual({
      ok: false,
      problem: { kind: "noRate", currency: "USD", date: "2025-12-31" },
    });
  });

  it("applies from its valid-from day on", () => {
    expect(convert(RATES, 100, "USD", "2026-01-01")).toEqual({ ok: true, minor: 71000 });
    expect(convert(RATES, 100, "USD", "2026-03-01")).toEqual({ ok: true, minor: 72000 });
  });

  it("between two rates is the earlier one, until the later one starts", () => {
    expect(convert(RATES, 100, "USD", "2026-02-28")).toEqual({ ok: true, minor: 71000 });
    expect(convert(RATES, 100, "USD", "2026-12-31")).toEqual({ ok: true, minor: 72000 });
  });

  it("is none for a currency without rates", () => {
    expect(convert(RATES, 1, "GBP", "2026-03-01")).toMatchObject({
      ok: false,
      problem: { kind: "noRate", currency: "GBP" },
    });
  });
});

describe("conversion", () => {
  it("is exact across currencies, rounding once half away from zero", () => {
    expect(convert(RATES, 19.99, "EUR", "2026-03-01")).toEqual({ ok: true, minor: 15692 }); // 156.9215
    expect(convert(RATES, 0.01, "EUR", "2026-03-01")).toEqual({ ok: true, minor: 8 }); // 0.0785
    expect(convert(RATES, 12345, "JPY", "2026-03-01")).toEqual({ ok: true, minor: 59379 }); // 593.7945
    expect(convert(RATES, 10, "JPY", "2026-03-01")).toEqual({ ok: true, minor: 48 }); // 0.481
    // 0.7 x 7.85 = 5.495 exactly; the double 0.7 * 7.85 is 5.494999999999999 and would round down to 5.49.
    expect(Math.round(0.7 * 7.85 * 100)).toBe(549);
    expect(convert(RATES, 0.7, "EUR", "2026-03-01")).toEqual({ ok: true, minor: 550 });
  });

  it("converts into a workbook currency without cents", () => {
    const { table: yen } = table([["USD", 151.37, "2026-01-01"]], "JPY");
    expect(convert(yen, 10.5, "USD", "2026-02-01")).toEqual({ ok: true, minor: 1589 }); // 1589.385
    expect(convert(yen, 1500, "JPY", "2026-02-01")).toEqual({ ok: true, minor: 1500 });
  });

  it("accepts an exact decimal as well as a number", () => {
    expect(convert(RATES, parseDecimal("0.005"), "CNY", "2026-01-01")).toEqual({ ok: true, minor: 1 });
  });

  it("is the identity for the workbook currency, on any date, with or without rates (law)", () => {
    const random = rng(5);
    const empty = buildRateTable([], "CNY").table;
    for (let i = 0; i < 2000; i++) {
      const cents = intBelow(random, 100_000_000_000);
      const amount = majorUnits(cents, 2);
      const date = `20${10 + intBelow(random, 20)}-0${1 + intBelow(random, 9)}-1${intBelow(random, 10)}`;
      expect(convert(RATES, amount, "CNY", date)).toEqual({ ok: true, minor: cents });
      expect(convert(empty, amount, "CNY", date)).toEqual({ ok: true, minor: minorUnitsOfNumber(amount, 2) });
    }
  });

  it("reports an amount too large to convert exactly", () => {
    const { table: big } = table([["USD", 1e6, "2026-01-01"]]);
    expect(convert(big, 1e12, "USD", "2026-01-02")).toMatchObject({ ok: false, problem: { kind: "tooLarge" } });
  });
});

describe("the rate table", () => {
  it("keeps the first of two different rates for one day and reports the other", () => {
    const { table: t, problems } = table([
      ["USD", 7.1, "2026-01-01"],
      ["USD", 7.3, "2026-01-01"],
      ["USD", 7.1, "2026-01-01"], // the same rate again is harmless
    ]);
    expect(rateOn(t, "USD", "2026-01-05")).toEqual(parseDecimal("7.1"));
    expect(problems).toEqual([
      {
        row: 3,
        field: "validFrom",
        messageKey: "spend.problem.duplicateRate",
        found: "2026-01-01",
        params: { currency: "USD", date: "2026-01-01", row: 2 },
      },
    ]);
  });

  it("refuses a workbook-currency rate other than 1, and ignores one of 1", () => {
    const { table: t, problems } = table([
      ["CNY", 1, "2026-01-01"],
      ["CNY", 1.2, "2026-02-01"],
    ]);
    expect(problems).toMatchObject([{ row: 3, field: "rate", messageKey: "spend.problem.workbookRate" }]);
    expect(convert(t, 10, "CNY", "2026-03-01")).toEqual({ ok: true, minor: 1000 });
  });
});
