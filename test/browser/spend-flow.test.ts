// The budget-control flow in a real Chromium, in the local preview: Mia records an expense that goes over the
// approved budget (the sidebar shows what is left and that it needs overrun approval before she sends it), Leo
// approves the overrun in his Approvals inbox, and the Variance report shows the raised budget and the spend.
import { describe, expect, it } from "vitest";
import { SPEND_DEMO_CAMPAIGN } from "../../scripts/preview/spend-demo";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";

describe("expense over budget to overrun approval, in Chromium", () => {
  const ui = usePreviewInChromium();
  const { clickMenu, openSidebar, actAs, sidebar, values } = ui;

  /** The By-campaign row of a campaign in the Variance report, as the emulator holds it. */
  function reportRow(campaign: string): unknown[] | undefined {
    return values("Variance report").find((r) => r[0] === campaign);
  }

  it("loads the demo: a campaign with an approved plan, 83 % of its budget spent", async () => {
    await ui.page.goto(ui.preview.url);
    await clickMenu(/Set up workbook/);
    await expect.poll(() => ui.page.locator("#tabs button", { hasText: "Expenses" }).count()).toBe(1);
    await ui.page.click("#demo");
    await expect.poll(() => reportRow(SPEND_DEMO_CAMPAIGN)?.slice(1, 7)).toEqual([60000, 60000, 3500, 46288, 0, 10212]);
  });

  it("shows Mia what is left, and that this expense needs overrun approval, before she sends it", {
    timeout: 60_000,
  }, async () => {
    await actAs(MIA);
    await openSidebar(/^Expenses$/);
    const bar = sidebar();
    await bar.locator("#campaign option", { hasText: SPEND_DEMO_CAMPAIGN }).first().waitFor({ state: "attached" });
    await bar.locator("#campaign").selectOption(SPEND_DEMO_CAMPAIGN);
    await bar.locator("#category").fill("Media");
    await bar.locator("#vendor").fill("Video platform");
    await bar.locator("#description").fill("Two more weeks of pre-roll <img src=x onerror=alert(1)>");
    await bar.locator("#receiptLink").fill("https://drive.example.com/receipts/po-118");
    await bar.locator("#amount").fill("12000");
    await expect.poll(() => bar.locator("#left").getAttribute("data-outcome")).toBe("needs_overrun_approval");
    expect(await bar.locator("#assessment").textContent()).toBe(
      "This expense goes over the approved budget by 1,788.00 CNY; it counts only after the overrun is approved.",
    );
    expect(await bar.locator("#left-now").textContent()).toContain("10,212");
    expect(await bar.locator("#submit").textContent()).toBe("Record and request overrun approval");

    // A smaller amount only warns: 9,000 brings the campaign to 98 % of its budget.
    await bar.locator("#amount").fill("9000");
    await expect.poll(() => bar.locator("#left").getAttribute("data-outcome")).toBe("warning");
    await bar.locator("#amount").fill("12000");
    await expect.poll(() => bar.locator("#left").getAttribute("data-outcome")).toBe("needs_overrun_approval");
    await ui.screenshot("expense-overrun.png");

    await bar.locator("#submit").click();
    const pending =
      /^Expense (EXP-\d{5}) is recorded as pending: it goes over the budget by 1,788.00 CNY and waits for approval\.$/;
    await expect.poll(() => bar.locator("#notice").textContent()).toMatch(pending);
    const id = pending.exec((await bar.locator("#notice").textContent()) ?? "")?.[1];
    await expect.poll(() => bar.locator("#mine .expense").first().getAttribute("data-id")).toBe(id);
    expect(await bar.locator("#mine .expense").first().locator(".badge").textContent()).toBe(
      "Pending overrun approval",
    );
  });

  it("lets Leo approve the overrun from his inbox, and the Variance report changes", { timeout: 60_000 }, async () => {
    await clickMenu(/Refresh variance report/);
    // Pending: shown apart, not counted.
    await expect
      .poll(() => reportRow(SPEND_DEMO_CAMPAIGN)?.slice(1, 7))
      .toEqual([60000, 60000, 3500, 46288, 12000, 10212]);

    await actAs(LEO);
    await openSidebar(/Approvals/);
    const bar = sidebar();
    const request = bar.locator(`button.request[data-campaign="${SPEND_DEMO_CAMPAIGN}"]`);
    await request.waitFor();
    expect(await request.textContent()).toContain("Budget overrun");
    if ((await request.getAttribute("aria-expanded")) !== "true") await request.click();

    // The expense as the approver judges it: what, from whom, both amounts, the receipt, the budget now and after.
    const expense = bar.locator("[data-detail] [data-expense]");
    await expense.waitFor();
    const text = (await expense.textContent()) ?? "";
    expect(text).toContain("Video platform");
    expect(text).toContain("Two more weeks of pre-roll <img src=x onerror=alert(1)>");
    expect(text).toContain("12,000 CNY");
    expect(text).toContain("1,788 CNY");
    const link = expense.locator("a");
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("href")).toBe("https://drive.example.com/receipts/po-118");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toContain("noopener");
    // Markup in the description is text: no element was made from it, and nothing ran.
    expect(await bar.locator("[data-detail] img").count()).toBe(0);
    expect(ui.alerts).toEqual([]);
    const position = bar.locator("[data-detail] table.position");
    expect(await position.locator("thead").textContent()).toBe("NowIf approved");
    expect(await position.locator("tbody tr", { hasText: "Approved" }).textContent()).toBe(
      "Approved60,000 CNY61,788 CNY",
    );
    expect(await position.locator("tbody tr", { hasText: "Status" }).textContent()).toBe("StatusUnder budgetOn budget");
    await ui.screenshot("inbox-overrun.png");

    await bar.locator('button[data-decision="approve"]').click();
    await expect.poll(() => bar.locator(`button.request[data-campaign="${SPEND_DEMO_CAMPAIGN}"]`).count()).toBe(0);

    await clickMenu(/Refresh variance report/);
    // The budget is raised by exactly the overrun and the expense counts: 1,788 over the 60,000 is now approved.
    await expect.poll(() => reportRow(SPEND_DEMO_CAMPAIGN)?.slice(1, 7)).toEqual([60000, 61788, 3500, 58288, 0, 0]);
    expect(reportRow(SPEND_DEMO_CAMPAIGN)?.[10]).toBe("On budget");
    await ui.page.locator("#tabs button", { hasText: "Variance report" }).click();
    await expect.poll(() => ui.page.locator("#grid td", { hasText: "61,788.00" }).count()).toBeGreaterThan(0);
    await ui.screenshot("variance-report.png");
  });

  it("lets Mia send the overrun request of an expense typed into the tab with one click", {
    timeout: 60_000,
  }, async () => {
    // The campaign is at exactly 100 % now; a late invoice typed straight into the Expenses tab goes over it.
    const emu = ui.preview.emulator();
    const sheet = emu.spreadsheet.getSheetByName("Expenses");
    if (!sheet) throw new Error("no Expenses tab");
    const row = sheet.getLastRow() + 1;
    sheet
      .getRange(row, 1, 1, 12)
      .setValues([
        [
          "EXP-HAND-1",
          "2026-04-20",
          SPEND_DEMO_CAMPAIGN,
          "Media",
          "Video platform",
          "Late invoice",
          500,
          "CNY",
          "Actual",
          "",
          "No",
          MIA,
        ],
      ]);
    await actAs(MIA);
    await openSidebar(/^Expenses$/);
    const bar = sidebar();
    const item = bar.locator('#needs .expense[data-id="EXP-HAND-1"]');
    await item.waitFor();
    expect(await item.textContent()).toContain("Needs overrun approval: over by");
    await item.getByRole("button", { name: "Submit overrun request" }).click();
    await expect
      .poll(() => bar.locator("#notice").textContent())
      .toBe(
        "The overrun request for EXP-HAND-1 is sent: it goes over the budget by 500.00 CNY and counts once approved.",
      );
    await expect.poll(() => bar.locator("#needs-section").isHidden()).toBe(true);
    expect(emu.outbox.at(-1)).toMatchObject({ to: LEO });
    await clickMenu(/Refresh variance report/);
    // Pending: not counted until Leo approves it.
    await expect.poll(() => reportRow(SPEND_DEMO_CAMPAIGN)?.slice(4, 6)).toEqual([58288, 500]);
  });
});
