// Decoding Budget, Expenses and Rates rows: typed records when the cells are right, every wrong field named otherwise, never an exception.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  BudgetLineSchema,
  decodeBudgetLine,
  decodeExpense,
  decodeRate,
  defaultSpendSettings,
  describeSpendProblem,
  ExpenseSchema,
  isBlankRow,
  isIsoDate,
  RateSchema,
  SpendSettingsSchema,
} from "../../../src/domain/spend";
import { intBelow, rng } from "./fixtures";

const CTX = { workbookCurrency: "CNY" };
/** A fixed formatter standing in for Utilities.formatDate in the spreadsheet's zone (here: UTC). */
const WITH_DATES = { workbookCurrency: "CNY", formatDate: (date: Date) => date.toISOString().slice(0, 10) };

const goodExpense = {
  id: "X-1",
  date: "2026-03-10",
  campaign: "C-1",
  category: "Media",
  vendor: " Acme Ads ",
  description: "Banner",
  amount: 1200.5,
  currency: "usd",
  kind: "Actual",
  receiptLink: "https://drive.example.com/r/1",
  reimbursable: true,
  requestedBy: "Mia@Example.com",
  status: "",
};

describe("decodeExpense", () => {
  it("reads a good row into a record the schema accepts", () => {
    const result = decodeExpense(goodExpense, CTX);
    expect(result).toEqual({
      ok: true,
      value: {
        id: "X-1",
        date: "2026-03-10",
        campaign: "C-1",
        category: "Media",
        vendor: "Acme Ads",
        description: "Banner",
        amount: 1200.5,
        currency: "USD",
        kind: "actual",
        receiptLink: "https://drive.example.com/r/1",
        reimbursable: true,
        requestedBy: "mia@example.com",
        status: null,
        refundOf: "",
      },
    });
    if (result.ok) expect(z.safeParse(ExpenseSchema, result.value).success).toBe(true);
  });

  it("defaults a blank currency to the workbook's and reads labels in either language", () => {
    const result = decodeExpense(
      { ...goodExpense, currency: "", kind: "已承诺", status: "超支待审批", reimbursable: "否" },
      CTX,
    );
    expect(result.ok && result.value).toMatchObject({
      currency: "CNY",
      kind: "committed",
      status: "pending_overrun",
      reimbursable: false,
    });
    const keys = decodeExpense({ ...goodExpense, kind: "committed", status: "paid", reimbursable: "yes" }, CTX);
    expect(keys.ok && keys.value).toMatchObject({ kind: "committed", status: "paid", reimbursable: true });
  });

  it("names every wrong field with its message key and what was found", () => {
    const result = decodeExpense(
      {
        ...goodExpense,
        id: "",
        date: "31/03/2026",
        amount: "twelve",
        currency: "dollars",
        kind: "maybe",
        receiptLink: "see drawer",
        requestedBy: "mia",
        reimbursable: "perhaps",
        status: "lost",
      },
      CTX,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { field: "id", messageKey: "spend.problem.required", found: "" },
      { field: "date", messageKey: "spend.problem.date", found: "31/03/2026" },
      { field: "amount", messageKey: "spend.problem.amount", found: "twelve" },
      { field: "currency", messageKey: "spend.problem.currency", found: "dollars" },
      { field: "kind", messageKey: "spend.problem.kind", found: "maybe" },
      { field: "receiptLink", messageKey: "spend.problem.link", found: "see drawer" },
      { field: "reimbursable", messageKey: "spend.problem.boolean", found: "perhaps" },
      { field: "requestedBy", messageKey: "spend.problem.email", found: "mia" },
      { field: "status", messageKey: "spend.problem.status", found: "lost" },
    ]);
    const amount = result.problems.find((p) => p.field === "amount");
    if (amount) {
      expect(describeSpendProblem(amount, "en")).toBe("expected an amount of 0 or more, found the text “twelve”");
      expect(describeSpendProblem(amount, "zh")).toBe("应为不小于 0 的金额，实际为文本“twelve”");
    }
  });

  it("refuses negative amounts that refund nothing, missing and absurdly large amounts, and impossible dates", () => {
    const fieldsOf = (values: Record<string, unknown>) => {
      const r = decodeExpense({ ...goodExpense, ...values }, CTX);
      return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.messageKey}`);
    };
    expect(fieldsOf({ amount: -1 })).toEqual(["amount:spend.problem.refundOf"]);
    expect(fieldsOf({ amount: "-x" })).toEqual(["amount:spend.problem.amount"]);
    expect(fieldsOf({ amount: -1e14, refundOf: "X-0" })).toEqual(["amount:spend.problem.tooLarge"]);
    expect(fieldsOf({ amount: "" })).toEqual(["amount:spend.problem.required"]);
    expect(fieldsOf({ amount: 1e14 })).toEqual(["amount:spend.problem.tooLarge"]);
    expect(fieldsOf({ amount: "1200.50" })).toEqual([]); // a cell formatted as text still holds an amount
    expect(fieldsOf({ date: "2026-02-29" })).toEqual(["date:spend.problem.date"]);
    expect(fieldsOf({ date: "2024-02-29" })).toEqual([]);
    expect(fieldsOf({ date: "" })).toEqual(["date:spend.problem.required"]);
    expect(fieldsOf({ campaign: "  " })).toEqual(["campaign:spend.problem.required"]);
  });

  it("takes date cells through the spreadsheet's formatter, and refuses them without one", () => {
    const date = new Date(Date.UTC(2026, 2, 10, 12));
    expect(decodeExpense({ ...goodExpense, date }, WITH_DATES)).toMatchObject({
      ok: true,
      value: { date: "2026-03-10" },
    });
    const without = decodeExpense({ ...goodExpense, date }, CTX);
    expect(without.ok).toBe(false);
    if (!without.ok) expect(without.problems[0]).toMatchObject({ field: "date", messageKey: "spend.problem.date" });
  });

  it("never throws, whatever the cells hold (law)", () => {
    const random = rng(3);
    const values: unknown[] = [
      "",
      " ",
      "x",
      0,
      -1,
      1.5,
      Number.NaN,
      true,
      false,
      null,
      undefined,
      new Date(0),
      {},
      [1],
    ];
    for (let i = 0; i < 500; i++) {
      const row: Record<string, unknown> = {};
      for (const key of Object.keys(goodExpense)) row[key] = values[intBelow(random, values.length)];
      const result = decodeExpense(row, WITH_DATES);
      if (result.ok) expect(z.safeParse(ExpenseSchema, result.value).success).toBe(true);
      else expect(result.problems.length).toBeGreaterThan(0);
    }
  });
});

describe("decodeBudgetLine", () => {
  it("reads a month as YYYY-MM, also from a whole date", () => {
    const base = { campaign: "C-1", category: "Media", planned: 5000, currency: "", note: "" };
    const a = decodeBudgetLine({ ...base, month: "2026-03" }, CTX);
    expect(a).toEqual({ ok: true, value: { ...base, month: "2026-03", currency: "CNY" } });
    if (a.ok) expect(z.safeParse(BudgetLineSchema, a.value).success).toBe(true);
    expect(decodeBudgetLine({ ...base, month: "2026-03-01" }, CTX)).toMatchObject({
      ok: true,
      value: { month: "2026-03" },
    });
    expect(decodeBudgetLine({ ...base, month: new Date(Date.UTC(2026, 2, 1)) }, WITH_DATES)).toMatchObject({
      ok: true,
      value: { month: "2026-03" },
    });
    expect(decodeBudgetLine({ ...base, month: "2026-13" }, CTX)).toMatchObject({
      ok: false,
      problems: [{ field: "month", messageKey: "spend.problem.month" }],
    });
  });

  it("reports a text amount and a missing category together", () => {
    const result = decodeBudgetLine({ campaign: "C-1", category: "", month: "2026-03", planned: "lots" }, CTX);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(["category", "planned"]);
  });
});

describe("decodeRate", () => {
  it("needs a currency, a rate above 0 and a date", () => {
    const good = decodeRate({ currency: "usd", rate: 7.1, validFrom: "2026-01-01" }, CTX);
    expect(good).toEqual({ ok: true, value: { currency: "USD", rate: 7.1, validFrom: "2026-01-01" } });
    if (good.ok) expect(z.safeParse(RateSchema, good.value).success).toBe(true);
    const bad = decodeRate({ currency: "", rate: 0, validFrom: "soon" }, CTX);
    expect(bad.ok ? [] : bad.problems.map((p) => `${p.field}:${p.messageKey}`)).toEqual([
      "currency:spend.problem.required",
      "rate:spend.problem.rate",
      "validFrom:spend.problem.date",
    ]);
  });
});

describe("helpers", () => {
  it("knows blank rows and calendar days", () => {
    expect(isBlankRow({ a: "", b: null, c: "  " })).toBe(true);
    expect(isBlankRow({ a: "", b: 0 })).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("1900-02-29")).toBe(false);
  });
});

describe("settings", () => {
  it("start from defaults the schema accepts: warn at 90 %, lines not enforced, receipts for any amount", () => {
    const defaults = defaultSpendSettings("USD");
    expect(defaults).toEqual({
      workbookCurrency: "USD",
      warnAt: 0.9,
      enforceLines: false,
      receiptRequiredAbove: 0,
      finance: [],
    });
    expect(z.safeParse(SpendSettingsSchema, defaults).success).toBe(true);
    expect(z.safeParse(SpendSettingsSchema, { ...defaults, warnAt: 1.2 }).success).toBe(false);
    expect(z.safeParse(SpendSettingsSchema, { ...defaults, workbookCurrency: "usd" }).success).toBe(false);
  });
});
