// One category however it is typed: an expense or a budget line in another case, in full-width letters or with
// extra spaces meets the line the Settings list names, in the figures, the sidebar and BUDGET_REMAINING.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { columnsOf, MIA, readyWorkbook, recordExpense, recordTypedRows, tabName, writeRows } from "./spend-support";

function remaining(emu: Emulator, category?: string): unknown {
  return category === undefined
    ? emu.customFunction("BUDGET_REMAINING", "C-1")
    : emu.customFunction("BUDGET_REMAINING", "C-1", category);
}

function lines(emu: Emulator): { category: string; remaining: number }[] {
  const overview = emu.as(MIA).run<{
    campaigns: { id: string; lines: { category: string; remaining: number }[] }[];
    categories: string[];
  }>("rpcSpendOverview", {});
  return (overview.campaigns.find((c) => c.id === "C-1")?.lines ?? []).map((l) => ({
    category: l.category,
    remaining: l.remaining,
  }));
}

function enforceLines(emu: Emulator): void {
  const settings = tabName(emu, "settings");
  const row = emu.values(settings).findIndex((r) => r[0] === "enforce_line_budgets") + 1;
  emu.edit(`${settings}!B${row}`, "TRUE");
}

describe("categories match without regard to case and width", () => {
  it("counts an expense typed in full-width lower case against the Media line, and records it as Media", () => {
    const emu = readyWorkbook();
    const res = recordExpense(emu, MIA, { campaign: "C-1", category: "ｍｅｄｉａ", amount: "300" });
    expect(res).toMatchObject({ ok: true, status: "recorded" });
    const tab = tabName(emu, "expenses");
    const column = (columnsOf(emu, tab).get("category") ?? 0) - 1;
    expect(emu.values(tab).at(-1)?.[column]).toBe("Media");
    expect(lines(emu)).toEqual([{ category: "Media", remaining: 700 }]);
    expect(remaining(emu, "Media")).toBe(700);
    expect(remaining(emu, "MEDIA")).toBe(700);
    expect(remaining(emu, "Ｍｅｄｉａ")).toBe(700);
  });

  it("meets a row typed into the tab as ' MEDIA ' with the line too", () => {
    const emu = readyWorkbook();
    writeRows(emu, "expenses", [
      { id: "EXP-00050", date: "2026-03-10", campaign: "C-1", category: " MEDIA ", amount: 250, kind: "Actual" },
    ]);
    expect(recordTypedRows(emu)).toBe(1);
    expect(lines(emu)).toEqual([{ category: "Media", remaining: 750 }]);
    expect(remaining(emu)).toBe(750);
  });

  it("holds an expense in another spelling to the Media line when lines are enforced", () => {
    const emu = readyWorkbook();
    enforceLines(emu);
    // The Media line has 1,000: 1,050 typed as "media" goes over it by 50, not by all of it.
    const res = recordExpense(emu, MIA, { campaign: "C-1", category: "media", amount: "1050" });
    expect(res).toMatchObject({
      status: "pending_overrun",
      assessment: { outcome: "needs_overrun_approval", overrun: 50 },
    });
    expect(recordExpense(emu, MIA, { campaign: "C-1", category: "ＭＥＤＩＡ", amount: "1000" }).status).toBe(
      "recorded",
    );
    expect(remaining(emu, "media")).toBe(0);
  });

  it("offers each category once in the sidebar, as the Settings list spells it", () => {
    const emu = readyWorkbook();
    writeRows(emu, "budget", [{ campaign: "C-1", category: "ｅｖｅｎｔｓ", month: "2026-04", planned: 10 }]);
    const overview = emu.as(MIA).run<{ categories: string[] }>("rpcSpendOverview", {});
    expect(overview.categories).toEqual(["Content", "Events", "KOL", "Media", "Other", "Travel"]);
  });
});
