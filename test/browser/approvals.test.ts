// The approval process as people do it, in a real Chromium through the preview: Mia submits the spring launch's
// plan from "My campaigns", Leo (level 1) and Dana (level 2, the budget is above Leo's limit) approve it with a
// comment in "Approvals"; then the execution plan goes the same way. The Campaigns row, the log rows and the
// outbox are checked after each step; and text that looks like markup shows as text, never as an element.
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";
const DANA = "dana.director@example.com";
const CAMPAIGN = "Spring launch: Aurora headphones";
const FLOW_MS = 180_000;

describe("approvals in Chromium", () => {
  // Each step is a server round trip through the emulator; on a busy machine that takes seconds, not milliseconds.
  const ui = usePreviewInChromium({ step: { timeout: 20_000, interval: 100 } });
  const { poll, clickMenu, openSidebar, actAs, sidebar } = ui;

  /** The Campaigns row of the spring launch, as the sheet holds it. */
  function row(): unknown[] {
    return ui.values("Campaigns").find((r) => r[0] === "CMP-2026-001") ?? [];
  }

  /** The spring launch's rows of the approval log. */
  function log(): unknown[][] {
    return ui
      .values("Approval log")
      .slice(1)
      .filter((r) => r[6] === "CMP-2026-001");
  }

  async function submitAs(type: "Plan" | "Execution plan"): Promise<void> {
    await actAs(MIA);
    await openSidebar(/My campaigns/);
    const bar = sidebar();
    await bar.locator(".campaign", { hasText: CAMPAIGN }).click();
    const panel = bar.locator(".detail");
    await panel.waitFor();
    await panel.locator("textarea[name=comment]").fill(`${type} for review`);
    await panel.getByRole("button", { name: type === "Plan" ? "Submit plan" : "Submit execution plan" }).click();
    await poll(() => bar.locator(".detail .notice").first().textContent()).toContain("Submitted.");
  }

  it(
    "sets up the workbook and loads the demo: roles, campaigns and an execution plan",
    async () => {
      await ui.page.goto(ui.preview.url);
      await clickMenu(/Set up workbook/);
      await poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("Approval log");
      await ui.page.click("#demo");
      // Other features' demos add campaigns and tasks of their own; the spring launch's three tasks are there.
      await expect
        .poll(
          () =>
            ui.preview
              .emulator()
              .values("Tasks")
              .filter((r) => r[0] === "CMP-2026-001").length,
        )
        .toBe(3);
      const settings = ui.preview.emulator().values("Settings");
      expect(settings.find((r) => r[0] === "approval_levels")?.[1]).toBe(
        `Level 1: ${LEO}, up to 100,000.00 CNY; Level 2: ${DANA}, no limit`,
      );
    },
    FLOW_MS,
  );

  it(
    "takes the plan from draft to approved across two levels",
    async () => {
      expect(["", "Draft"]).toContain(row()[13]);
      await submitAs("Plan");
      expect(row()[13]).toBe("Plan submitted");
      expect(log().map((r) => [r[3], r[10], r[12]])).toEqual([[MIA, "submit", "PlanSubmitted"]]);
      expect(ui.preview.emulator().outbox.at(-1)).toMatchObject({
        to: LEO,
        subject: `Approval needed: ${CAMPAIGN} (Plan)`,
      });
      // The submitted request shows as waiting, in the marketer's own panel.
      await expect
        .poll(() => sidebar().locator(".detail p.waiting").textContent())
        .toContain("Plan waiting for level 1 of 2");

      // 120,000 is above Leo's limit of 100,000: Leo decides level 1, then Dana level 2.
      await ui.approveAs(LEO, CAMPAIGN, "Level 1: fine", "Plan submitted");
      expect(ui.preview.emulator().outbox.at(-1)).toMatchObject({ to: DANA });
      await ui.approveAs(DANA, CAMPAIGN, "Level 2: approved, watch the CPL", "Plan approved");
      expect(row()[13]).toBe("Plan approved");
      expect(log().map((r) => [r[3], r[10], r[13], r[14]])).toEqual([
        [MIA, "submit", "0", "Plan for review"],
        [LEO, "approve", "1", "Level 1: fine"],
        [DANA, "approve", "2", "Level 2: approved, watch the CPL"],
      ]);
      expect(ui.preview.emulator().outbox.at(-1)).toMatchObject({ to: MIA, subject: `Approved: ${CAMPAIGN} (Plan)` });
      // The page shows the sheet as it is now.
      await ui.page.locator("#tabs button", { hasText: "Campaigns" }).click();
      await poll(() => ui.page.locator("#grid td", { hasText: "Plan approved" }).count()).toBeGreaterThan(0);
    },
    FLOW_MS,
  );

  it(
    "then the execution plan the same way, and the campaign is ready",
    async () => {
      await submitAs("Execution plan");
      expect(row()[13]).toBe("Execution plan submitted");
      await ui.approveAs(LEO, CAMPAIGN, "Tasks look right", "Execution plan submitted");
      await ui.approveAs(DANA, CAMPAIGN, "Go", "Ready");
      expect(row()[13]).toBe("Ready");
      expect(
        log()
          .map((r) => [r[8], r[10], r[12]])
          .slice(3),
      ).toEqual([
        ["execution", "submit", "ExecutionSubmitted"],
        ["execution", "approve", "ExecutionSubmitted"],
        ["execution", "approve", "Ready"],
      ]);
      expect(ui.preview.emulator().outbox.at(-1)).toMatchObject({
        to: MIA,
        subject: `Approved: ${CAMPAIGN} (Execution plan)`,
      });
      // Mia sees the decisions and comments.
      await actAs(MIA);
      await openSidebar(/My campaigns/);
      await sidebar().locator(".campaign", { hasText: CAMPAIGN }).click();
      await poll(() => sidebar().locator(".history li").count()).toBe(6);
      expect(await sidebar().locator(".history").textContent()).toContain("Level 2: approved, watch the CPL");
      await ui.screenshot("approvals.png");
    },
    FLOW_MS,
  );

  it(
    "shows markup typed into a draft as text, with messages next to the fields",
    async () => {
      await actAs(MIA);
      await openSidebar(/My campaigns/);
      const bar = sidebar();
      await bar.getByRole("button", { name: "New campaign" }).click();
      const form = bar.locator("#form");
      await form.locator("[name=name]").fill("<img src=x onerror=alert(1)>");
      await form.locator("[name=objective]").fill('=IMPORTXML("x")');
      await form.locator("[name=start]").fill("2026-06-10");
      await form.locator("[name=end]").fill("2026-06-01");
      await form.locator("[name=budget]").fill("-5");
      await form.getByRole("button", { name: "Save draft" }).click();
      await expect
        .poll(() => form.locator('[data-error-for="end"]').textContent())
        .toBe("The end date is before the start date.");
      expect(await form.locator('[data-error-for="budget"]').textContent()).toBe("The budget cannot be negative.");
      expect(await form.locator("[name=end]").getAttribute("aria-invalid")).toBe("true");

      await form.locator("[name=end]").fill("2026-06-30");
      await form.locator("[name=budget]").fill("5000");
      await form.getByRole("button", { name: "Save draft" }).click();
      const card = bar.locator(".campaign", { hasText: "<img src=x onerror=alert(1)>" });
      await card.waitFor();
      expect(await bar.locator("img").count()).toBe(0);
      // The draft lacks goals and more: the panel lists them with the cell each is in.
      await poll(() => bar.locator(".detail .issue").count()).toBeGreaterThan(0);
      expect(await bar.locator(".detail").textContent()).toContain("Add at least one measurable goal");
      expect(await bar.locator(".detail .where").first().textContent()).toMatch(
        /^Campaigns, row \d+, column [A-Z]+ \(/,
      );
      const saved = ui.preview
        .emulator()
        .values("Campaigns")
        .find((r) => r[1] === "<img src=x onerror=alert(1)>");
      expect(saved?.[3]).toBe('=IMPORTXML("x")');
      // In the grid too it is text: the page puts cells in as text.
      await ui.page.locator("#tabs button", { hasText: "Campaigns" }).click();
      await poll(() => ui.page.locator("#grid td", { hasText: "<img src=x" }).count()).toBe(1);
      expect(await ui.page.locator("#grid img").count()).toBe(0);
    },
    FLOW_MS,
  );
});
