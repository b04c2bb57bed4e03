// Reimbursement transitions (requested -> approved -> paid, or rejected), the receipt rule, who may act, and likely duplicates.
import { describe, expect, it } from "vitest";
import {
  type DuplicateCandidate,
  duplicateMessage,
  EXPENSE_STATUSES,
  type ExpenseStatus,
  findDuplicates,
  formatSpendMessage,
  REIMBURSEMENT_ACTIONS,
  type ReimbursementAction,
  type ReimbursementInput,
  receiptRequired,
  reimburse,
} from "../../../src/domain/spend";
import { SETTINGS } from "./fixtures";

const MIA = "mia@example.com";
const LEE = "lee@example.com";
const FAY = "fay@example.com"; // finance
const settings = { ...SETTINGS, receiptRequiredAbove: 500 }; // receipts above 500.00 CNY

function input(
  action: ReimbursementAction,
  status: ExpenseStatus,
  overrides: Partial<ReimbursementInput> = {},
): ReimbursementInput {
  return {
    expense: { reimbursable: true, requestedBy: MIA, receiptLink: "https://drive.example.com/r/1" },
    status,
    amount: 80_000,
    action,
    actor: action === "request" ? MIA : action === "pay" ? FAY : LEE,
    settings,
    ...overrides,
  };
}

describe("reimbursement transitions", () => {
  it("goes requested -> approved -> paid", () => {
    expect(reimburse(input("request", "recorded"))).toEqual({ ok: true, value: "reimbursement_requested" });
    expect(reimburse(input("approve", "reimbursement_requested"))).toEqual({
      ok: true,
      value: "reimbursement_approved",
    });
    expect(reimburse(input("pay", "reimbursement_approved"))).toEqual({ ok: true, value: "paid" });
  });

  it("can be rejected while requested, which leaves the expense rejected", () => {
    expect(reimburse(input("reject", "reimbursement_requested"))).toEqual({ ok: true, value: "rejected" });
  });

  it("allows exactly the four moves of the table and nothing else", () => {
    const allowed = new Set([
      "request:recorded",
      "approve:reimbursement_requested",
      "reject:reimbursement_requested",
      "pay:reimbursement_approved",
    ]);
    for (const action of REIMBURSEMENT_ACTIONS) {
      for (const status of EXPENSE_STATUSES) {
        const result = reimburse(input(action, status));
        expect(result.ok, `${action} from ${status}`).toBe(allowed.has(`${action}:${status}`));
        if (!result.ok) expect(result.error.kind).toBe("illegal_transition");
      }
    }
  });

  it("needs the expense to be reimbursable and to name who is owed", () => {
    const notReimbursable = reimburse(
      input("request", "recorded", {
        expense: { reimbursable: false, requestedBy: MIA, receiptLink: "https://x.example/r" },
      }),
    );
    expect(notReimbursable).toMatchObject({
      ok: false,
      error: { kind: "not_reimbursable", messageKey: "spend.reimbursement.notReimbursable" },
    });
    const nobody = reimburse(
      input("request", "recorded", { expense: { reimbursable: true, requestedBy: " ", receiptLink: "" } }),
    );
    expect(nobody).toMatchObject({ ok: false, error: { kind: "requester_missing" } });
  });

  it("lets only finance pay, and nobody decide or pay their own", () => {
    expect(reimburse(input("pay", "reimbursement_approved", { actor: LEE }))).toMatchObject({
      ok: false,
      error: { kind: "not_finance" },
    });
    expect(reimburse(input("pay", "reimbursement_approved", { actor: " FAY@example.com " })).ok).toBe(true);
    expect(reimburse(input("approve", "reimbursement_requested", { actor: "MIA@example.com" }))).toMatchObject({
      ok: false,
      error: { kind: "own_request" },
    });
    const financeOwn = input("pay", "reimbursement_approved", {
      expense: { reimbursable: true, requestedBy: FAY, receiptLink: "https://x.example/r" },
    });
    expect(reimburse(financeOwn)).toMatchObject({ ok: false, error: { kind: "own_request" } });
  });
});

describe("the receipt rule", () => {
  const noReceipt = { reimbursable: true, requestedBy: MIA, receiptLink: "" };

  it("requires a link strictly above the amount in settings", () => {
    expect(receiptRequired(50_000, settings)).toBe(false);
    expect(receiptRequired(50_001, settings)).toBe(true);
    expect(receiptRequired(1, { ...settings, receiptRequiredAbove: 0 })).toBe(true);
    expect(receiptRequired(0, { ...settings, receiptRequiredAbove: 0 })).toBe(false);
    expect(receiptRequired(10 ** 12, { ...settings, receiptRequiredAbove: null })).toBe(false);
  });

  it("stops the request, the approval and the payment, but not a rejection", () => {
    expect(reimburse(input("request", "recorded", { expense: noReceipt, amount: 50_000 })).ok).toBe(true);
    const refused = reimburse(input("request", "recorded", { expense: noReceipt, amount: 50_001 }));
    expect(refused).toEqual({
      ok: false,
      error: {
        kind: "receipt_required",
        messageKey: "spend.reimbursement.receiptRequired",
        params: { limit: "500 CNY" },
      },
    });
    expect(reimburse(input("approve", "reimbursement_requested", { expense: noReceipt, amount: 50_001 })).ok).toBe(
      false,
    );
    expect(reimburse(input("pay", "reimbursement_approved", { expense: noReceipt, amount: 50_001 })).ok).toBe(false);
    expect(reimburse(input("reject", "reimbursement_requested", { expense: noReceipt, amount: 50_001 })).ok).toBe(true);
  });
});

describe("findDuplicates", () => {
  const base: DuplicateCandidate = {
    id: "X-1",
    campaign: "C-1",
    vendor: "Acme Ads",
    amount: 1200.5,
    currency: "CNY",
    date: "2026-03-10",
  };

  it("flags same campaign, vendor, amount and date, with the ids of the others", () => {
    const flags = findDuplicates([
      base,
      { ...base, id: "X-2", vendor: "  acme   ADS " },
      { ...base, id: "X-3", amount: 1200.5 },
      { ...base, id: "X-4", amount: 1200.51 },
      { ...base, id: "X-5", date: "2026-03-11" },
      { ...base, id: "X-6", campaign: "C-2" },
      { ...base, id: "X-7", vendor: "Acme Media" },
      { ...base, id: "X-8", currency: "USD" },
    ]);
    expect(flags).toEqual([
      { id: "X-1", others: ["X-2", "X-3"] },
      { id: "X-2", others: ["X-1", "X-3"] },
      { id: "X-3", others: ["X-1", "X-2"] },
    ]);
    const [first] = flags;
    if (first) {
      const { messageKey, params } = duplicateMessage(first);
      expect(formatSpendMessage("en", messageKey, params)).toBe(
        "Possibly the same as X-2, X-3: same campaign, vendor, amount and date.",
      );
    }
  });

  it("flags nothing among distinct expenses, and is symmetric (law)", () => {
    expect(findDuplicates([base, { ...base, id: "X-2", amount: 1 }])).toEqual([]);
    const list = Array.from({ length: 60 }, (_, i) => ({ ...base, id: `X-${i}`, amount: i % 7, vendor: `V${i % 3}` }));
    const flags = new Map(findDuplicates(list).map((f) => [f.id, f.others]));
    for (const [id, others] of flags) for (const other of others) expect(flags.get(other)).toContain(id);
    expect(flags.size).toBe(60); // 21 groups of 2-3 each
  });
});
