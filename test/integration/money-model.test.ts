// One money model through the server: the Expenses form refuses 1.005 USD as the plan form does, next to the field.
import { describe, expect, it } from "vitest";
import { addPlans, approvePlan, MIA, recordExpense, spendWorkbook, writeRows } from "./spend-support";

describe("an amount with more decimals than its currency has", () => {
  it("is refused by the Expenses form with a message next to the amount, and nothing is written", () => {
    const emu = spendWorkbook();
    addPlans(emu, [{ id: "C-1", budget: 10000 }]);
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 10000 }]);
    approvePlan(emu, "C-1");
    const before = emu.values("Expenses").length;
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "1.005" });
    expect(res.ok).toBe(false);
    const issue = res.issues?.find((i) => i.field === "amount");
    expect(issue?.message).toContain("1.005");
    expect(issue?.message).toContain("more decimals");
    expect(emu.values("Expenses").length).toBe(before);
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "1.01" }).ok).toBe(true);
  });
});
