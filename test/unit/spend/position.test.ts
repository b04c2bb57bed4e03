// Budget positions, the overrun rule for a new expense and the fold over lines, expenses and overrun decisions, exact at 99.99 %, 100 % and 100.01 %.
import { describe, expect, it } from "vitest";
import {
  assessExpense,
  assessmentMessage,
  budgetStatusOf,
  type CampaignPosition,
  describeSpendProblem,
  emptyCampaignPosition,
  linePosition,
  positionOf,
} from "../../../src/domain/spend";
import { campaignOf, expense, fold, line } from "./fixtures";

const RULE = { warnAt: 0.9, enforceLines: false };
const TEN_THOUSAND = 1_000_000; // 10,000.00 in minor units

describe("budget status", () => {
  it("is exact at the edges: 99.99 % WARNING, 100 % ON_BUDGET, 100.01 % OVER", () => {
    expect(budgetStatusOf(999_900, TEN_THOUSAND, 0.9)).toBe("WARNING");
    expect(budgetStatusOf(1_000_000, TEN_THOUSAND, 0.9)).toBe("ON_BUDGET");
    expect(budgetStatusOf(1_000_100, TEN_THOUSAND, 0.9)).toBe("OVER");
    expect(budgetStatusOf(1_000_001, TEN_THOUSAND, 0.9)).toBe("OVER");
    expect(budgetStatusOf(999_999, TEN_THOUSAND, 0.9)).toBe("WARNING");
  });

  it("warns from exactly warn_at x approved", () => {
    expect(budgetStatusOf(899_999, TEN_THOUSAND, 0.9)).toBe("UNDER");
    expect(budgetStatusOf(900_000, TEN_THOUSAND, 0.9)).toBe("WARNING");
    expect(budgetStatusOf(949_999, TEN_THOUSAND, 0.95)).toBe("UNDER");
    expect(budgetStatusOf(950_000, TEN_THOUSAND, 0.95)).toBe("WARNING");
    expect(budgetStatusOf(1, 3, 1 / 3)).toBe("WARNING"); // 1/3 as a double is a hair below a third
    expect(budgetStatusOf(0, TEN_THOUSAND, 0.9)).toBe("UNDER");
  });

  it("with nothing approved: nothing spent is on budget, anything spent is over", () => {
    expect(budgetStatusOf(0, 0, 0.9)).toBe("ON_BUDGET");
    expect(budgetStatusOf(1, 0, 0.9)).toBe("OVER");
  });

  it("derives remaining and used % from approved, actual and committed", () => {
    const p = positionOf({ planned: 1000, approved: 1200, committed: 300, actual: 600, pending: 50 }, 0.9);
    expect(p).toEqual({
      planned: 1000,
      approved: 1200,
      committed: 300,
      actual: 600,
      pending: 50,
      used: 900,
      remaining: 300,
      usedPct: 0.75,
      status: "UNDER",
    });
    expect(positionOf({ planned: 0, approved: 0, committed: 0, actual: 5, pending: 0 }, 0.9)).toMatchObject({
      remaining: -5,
      usedPct: null,
      status: "OVER",
    });
  });
});

function positionWith(approved: number, actual: number, committed = 0): CampaignPosition {
  return campaignOf(
    fold(
      [line("C-1", "Media", "2026-03", approved)],
      [
        ...(actual > 0 ? [expense("A", "C-1", actual)] : []),
        ...(committed > 0 ? [expense("B", "C-1", committed, { kind: "committed" })] : []),
      ],
    ),
    "C-1",
  );
}

describe("assessExpense", () => {
  const base = positionWith(TEN_THOUSAND, 600_000, 390_000); // 9,900.00 used of 10,000.00

  it("lets an expense to 99.99 % through with a warning", () => {
    const a = assessExpense(base, { category: "Media", kind: "actual", amount: 9_900 }, RULE);
    expect(a).toMatchObject({ outcome: "warning", overrun: 0, limit: null });
    expect(a.after).toMatchObject({ used: 999_900, remaining: 100, status: "WARNING", usedPct: 0.9999 });
  });

  it("lets an expense to exactly 100 % through: on budget, not over", () => {
    const a = assessExpense(base, { category: "Media", kind: "committed", amount: 10_000 }, RULE);
    expect(a).toMatchObject({ outcome: "warning", overrun: 0 });
    expect(a.after).toMatchObject({ used: TEN_THOUSAND, remaining: 0, status: "ON_BUDGET", committed: 400_000 });
  });

  it("sends an expense to 100.01 % for overrun approval, routed by the 1.00 over", () => {
    const a = assessExpense(base, { category: "Media", kind: "actual", amount: 10_100 }, RULE);
    expect(a).toMatchObject({ outcome: "needs_overrun_approval", overrun: 100, limit: "campaign" });
    expect(a.after).toMatchObject({ used: 1_000_100, remaining: -100, status: "OVER" });
  });

  it("says ok well under the warning level, counting committed and actual alike", () => {
    const p = positionWith(TEN_THOUSAND, 300_000, 200_000);
    expect(p).toMatchObject({ actual: 300_000, committed: 200_000, used: 500_000, remaining: 500_000 });
    expect(assessExpense(p, { category: "Media", kind: "committed", amount: 399_999 }, RULE).outcome).toBe("ok");
    expect(assessExpense(p, { category: "Media", kind: "committed", amount: 400_000 }, RULE).outcome).toBe("warning");
  });

  it("charges an expense only with the excess it causes itself", () => {
    const over = positionWith(TEN_THOUSAND, 1_050_000); // already 500.00 over (a hand edit, say)
    expect(assessExpense(over, { category: "Media", kind: "actual", amount: 2_000 }, RULE)).toMatchObject({
      outcome: "needs_overrun_approval",
      overrun: 2_000,
    });
    expect(assessExpense(over, { category: "Media", kind: "actual", amount: 0 }, RULE)).toMatchObject({
      outcome: "warning",
      overrun: 0,
    });
  });

  it("tells the person recording it what will happen, with the overrun in the workbook currency", () => {
    const over = assessExpense(base, { category: "Media", kind: "actual", amount: 10_150 }, RULE);
    const message = assessmentMessage(over, "CNY");
    expect(message).toEqual({ messageKey: "spend.assess.overrun", params: { amount: "1.50 CNY" } });
    expect(describeSpendProblem(message, "zh")).toBe("此笔费用超出批准预算 1.50 CNY；超支获批后才计入。");
    expect(
      assessmentMessage(assessExpense(base, { category: "Media", kind: "actual", amount: 1 }, RULE), "CNY").messageKey,
    ).toBe("spend.assess.warning");
  });

  it("holds a campaign without any budget to 0", () => {
    const a = assessExpense(emptyCampaignPosition("C-9"), { category: "Travel", kind: "actual", amount: 1 }, RULE);
    expect(a).toMatchObject({ outcome: "needs_overrun_approval", overrun: 1 });
    expect(a.after.lines).toMatchObject([{ category: "Travel", actual: 1 }]);
  });

  it("enforces the category's budget too when lines are enforced", () => {
    const p = campaignOf(
      fold(
        [line("C-1", "Media", "2026-03", 500_000), line("C-1", "Events", "2026-03", 500_000)],
        [expense("A", "C-1", 450_000, { category: "Media" })],
      ),
      "C-1",
    );
    const candidate = { category: "Media", kind: "actual" as const, amount: 100_000 };
    expect(assessExpense(p, candidate, RULE)).toMatchObject({ outcome: "ok", overrun: 0 }); // campaign at 55 %
    const strict = assessExpense(p, candidate, { warnAt: 0.9, enforceLines: true });
    expect(strict).toMatchObject({ outcome: "needs_overrun_approval", overrun: 50_000, limit: "line" });
    expect(linePosition(strict.after, "Media")).toMatchObject({ used: 550_000, status: "OVER" });
    expect(linePosition(strict.after, "Events")).toMatchObject({ used: 0, status: "UNDER" });
    // The line's warning shows even while the campaign is far from its own.
    const near = assessExpense(p, { ...candidate, amount: 5_000 }, { warnAt: 0.9, enforceLines: true });
    expect(near.outcome).toBe("warning");
  });
});

describe("foldPositions", () => {
  it("sums approved lines, committed and actual, and leaves pending out of the spend", () => {
    const positions = fold(
      [
        line("C-1", "Media", "2026-03", 600_000),
        line("C-1", "Events", "2026-04", 400_000),
        line("C-2", "Media", "2026-03", 1),
      ],
      [
        expense("A", "C-1", 200_000, { kind: "actual" }),
        expense("B", "C-1", 150_000, { kind: "committed", category: "Events", date: "2026-04-02" }),
        expense("P", "C-1", 999_999, { status: "pending_overrun" }),
      ],
    );
    const c1 = campaignOf(positions, "C-1");
    expect(c1).toMatchObject({
      planned: TEN_THOUSAND,
      approved: TEN_THOUSAND,
      actual: 200_000,
      committed: 150_000,
      pending: 999_999,
      remaining: 650_000,
      status: "UNDER",
    });
    expect(c1.lines.map((l) => [l.category, l.approved, l.used])).toEqual([
      ["Events", 400_000, 150_000],
      ["Media", 600_000, 200_000],
    ]);
    expect(positions.expenses.get("P")).toMatchObject({
      standing: "pending_overrun",
      overrun: 349_999,
      needsRequest: true,
    });
  });

  it("counts only the lines of approved campaigns as approved budget", () => {
    const positions = fold(
      [line("C-1", "Media", "2026-03", 1000), line("C-2", "Media", "2026-03", 2000)],
      [expense("X", "C-2", 500, { status: null })],
      { approvedCampaigns: ["C-1"] },
    );
    expect(campaignOf(positions, "C-1")).toMatchObject({ planned: 1000, approved: 1000 });
    expect(campaignOf(positions, "C-2")).toMatchObject({ planned: 2000, approved: 0, actual: 0, pending: 500 });
    expect(positions.expenses.get("X")).toMatchObject({ standing: "pending_overrun", overrun: 500 });
  });

  it("assesses rows typed in by hand in sheet-row order: what fits counts, the rest waits for approval", () => {
    const positions = fold(
      [line("C-1", "Media", "2026-03", TEN_THOUSAND)],
      [
        expense("late", "C-1", 5_000, { status: null, row: 9 }),
        expense("first", "C-1", 995_000, { status: null, row: 3 }),
        expense("second", "C-1", 5_100, { status: null, row: 4 }),
      ],
    );
    expect(positions.expenses.get("first")).toMatchObject({ standing: "counted", status: "recorded" });
    expect(positions.expenses.get("second")).toMatchObject({
      standing: "pending_overrun",
      overrun: 100,
      needsRequest: true,
      status: "pending_overrun",
    });
    expect(positions.expenses.get("late")).toMatchObject({ standing: "counted" });
    expect(campaignOf(positions, "C-1")).toMatchObject({ used: TEN_THOUSAND, status: "ON_BUDGET", pending: 5_100 });
  });

  it("does not judge recorded expenses again, so an inflated one shows as OVER", () => {
    const positions = fold(
      [line("C-1", "Media", "2026-03", 1000)],
      [expense("A", "C-1", 1500, { status: "recorded" })],
    );
    expect(campaignOf(positions, "C-1")).toMatchObject({ used: 1500, status: "OVER", remaining: -500 });
    expect(positions.expenses.get("A")).toMatchObject({ standing: "counted", status: "recorded" });
  });

  it("approval raises the budget by the overrun and counts the expense; rejection leaves it rejected", () => {
    const lines = [line("C-1", "Media", "2026-03", TEN_THOUSAND)];
    const expenses = [
      expense("A", "C-1", 990_000),
      expense("O", "C-1", 20_000, { status: "pending_overrun" }), // 10,100.00: 100.00 over
    ];
    const open = fold(lines, expenses, {
      decisions: [{ expenseId: "O", requestId: "R-1", status: "open", amount: 10_000 }],
    });
    expect(open.expenses.get("O")).toMatchObject({
      standing: "pending_overrun",
      overrun: 10_000,
      requestId: "R-1",
      needsRequest: false,
    });
    expect(campaignOf(open, "C-1")).toMatchObject({ approved: TEN_THOUSAND, used: 990_000, pending: 20_000 });

    const approved = fold(lines, expenses, {
      decisions: [{ expenseId: "O", requestId: "R-1", status: "approved", amount: 10_000 }],
    });
    expect(approved.expenses.get("O")).toMatchObject({ standing: "counted", status: "recorded", requestId: "R-1" });
    expect(campaignOf(approved, "C-1")).toMatchObject({
      planned: TEN_THOUSAND,
      approved: 1_010_000,
      used: 1_010_000,
      remaining: 0,
      status: "ON_BUDGET",
      pending: 0,
    });

    const rejected = fold(lines, expenses, {
      decisions: [{ expenseId: "O", requestId: "R-1", status: "rejected", amount: 10_000 }],
    });
    expect(rejected.expenses.get("O")).toMatchObject({ standing: "rejected", status: "rejected" });
    expect(campaignOf(rejected, "C-1")).toMatchObject({ approved: TEN_THOUSAND, used: 990_000, pending: 0 });
  });

  it("assesses an expense again when its request was withdrawn, and follows the last request", () => {
    const lines = [line("C-1", "Media", "2026-03", 1000)];
    const expenses = [expense("O", "C-1", 1500, { status: "pending_overrun" })];
    const withdrawn = fold(lines, expenses, {
      decisions: [{ expenseId: "O", requestId: "R-1", status: "withdrawn", amount: 500 }],
    });
    expect(withdrawn.expenses.get("O")).toMatchObject({
      standing: "pending_overrun",
      overrun: 500,
      needsRequest: true,
      requestId: null,
    });
    const again = fold(lines, expenses, {
      decisions: [
        { expenseId: "O", requestId: "R-1", status: "rejected", amount: 500 },
        { expenseId: "O", requestId: "R-2", status: "approved", amount: 500 },
      ],
    });
    expect(again.expenses.get("O")).toMatchObject({ standing: "counted", requestId: "R-2" });
  });

  it("keeps an approved overrun's budget but not the expense once its reimbursement is rejected", () => {
    const positions = fold(
      [line("C-1", "Media", "2026-03", 1000)],
      [expense("O", "C-1", 1500, { status: "rejected" })],
      {
        decisions: [{ expenseId: "O", requestId: "R-1", status: "approved", amount: 500 }],
      },
    );
    expect(campaignOf(positions, "C-1")).toMatchObject({ approved: 1500, used: 0 });
    expect(positions.expenses.get("O")).toMatchObject({ standing: "rejected" });
  });

  it("keeps reimbursement states as they are and counts them", () => {
    const positions = fold(
      [line("C-1", "Media", "2026-03", 1000)],
      [expense("R", "C-1", 100, { status: "reimbursement_approved" }), expense("P", "C-1", 100, { status: "paid" })],
    );
    expect(positions.expenses.get("R")).toMatchObject({ standing: "counted", status: "reimbursement_approved" });
    expect(campaignOf(positions, "C-1").actual).toBe(200);
  });

  it("enforces lines in the fold when the setting says so", () => {
    const lines = [line("C-1", "Media", "2026-03", 1000), line("C-1", "Events", "2026-03", 1000)];
    const expenses = [expense("M", "C-1", 1200, { status: null, category: "Media" })];
    expect(fold(lines, expenses).expenses.get("M")).toMatchObject({ standing: "counted" });
    expect(fold(lines, expenses, { settings: { enforceLines: true } }).expenses.get("M")).toMatchObject({
      standing: "pending_overrun",
      overrun: 200,
    });
  });

  it("gives every campaign position with lines sorted by category, and cells at the finest grain", () => {
    const positions = fold(
      [line("C-1", "b", "2026-03", 1), line("C-1", "a", "2026-04", 2), line("C-1", "a", "2026-03", 3)],
      [],
    );
    expect(campaignOf(positions, "C-1").lines.map((l) => [l.category, l.planned])).toEqual([
      ["a", 5],
      ["b", 1],
    ]);
    expect(positions.cells).toHaveLength(3);
  });
});
