// Monitoring and the closed loop in a real Chromium, on the preview with its demo data: the clock advances and the
// Monitor tab and the digests appear; Mia closes the finished campaign with a summary prefilled from its evaluation,
// Leo accepts it in Approvals, the campaign is Closed and its lesson is on Lessons; drafting the spring launch, Mia
// finds that lesson in the sidebar.
import { describe, expect, it } from "vitest";
import { FINISHED_CAMPAIGN } from "../../scripts/preview/evaluation-demo";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";
const FINISHED_NAME = "Year-end creator collab";
const LESSON = "Creators need the discount codes a week before they publish.";

describe("monitoring and the post-campaign summary in Chromium", () => {
  const ui = usePreviewInChromium();
  const { clickMenu, openSidebar, actAs, sidebar, values } = ui;

  it("loads the demo, and an hour later the Monitor tab and the digests are there", async () => {
    await ui.page.goto(ui.preview.url);
    await clickMenu(/Set up workbook/);
    await expect.poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("Monitor");
    await ui.page.click("#demo");
    await expect.poll(() => values("KPIs").length).toBeGreaterThan(1);
    expect(
      values("Monitor")
        .slice(1)
        .filter((r) => r[0] !== ""),
    ).toEqual([]);
    await ui.page.click('button[data-advance="3600000"]');
    await expect
      .poll(() =>
        values("Monitor")
          .slice(1)
          .filter((r) => r[0] !== "")
          .map((r) => r[1]),
      )
      .toEqual(["Overdue task", "Lagging indicator"]);
    await expect.poll(() => ui.page.locator("#outbox-count").textContent()).not.toBe("0");
    await ui.page.click("#outbox-button");
    await expect.poll(() => ui.page.locator("#outbox-list").textContent()).toContain("Campaign Control: 2 new alerts");
    await ui.page.click("#outbox-close");
    await ui.page.locator("#tabs button", { hasText: "Monitor" }).click();
    await expect
      .poll(() => ui.page.locator("#grid td", { hasText: "the task “Book the speakers” was due" }).count())
      .toBe(1);
    await ui.screenshot("monitor.png");
  });

  it("shows the schedule's health in the sidebar", async () => {
    await openSidebar(/Monitoring and evaluation/);
    const bar = sidebar();
    await expect.poll(() => bar.locator("#health").textContent()).toContain("Runs as owner@example.com");
    expect(await bar.locator("#frequency").inputValue()).toBe("hourly");
    expect(await bar.locator("#health").textContent()).toContain("2 alerts; 2 digests sent, 0 waiting.");
    expect(await bar.locator("#alerts li").count()).toBe(2);
    await ui.screenshot("monitor-sidebar.png");
  });

  it("closes the finished campaign with a summary prefilled from its evaluation", async () => {
    await actAs(MIA);
    await openSidebar(/Monitoring and evaluation/);
    const bar = sidebar();
    await bar.locator("#tab-summary").click();
    await expect.poll(() => bar.locator("#summary-campaign").inputValue()).toBe(FINISHED_CAMPAIGN);
    expect(await bar.locator("#figures").textContent()).toContain("Score 86% · grade B");
    expect(await bar.locator("#effect").inputValue()).toBe("Score 86% (grade B); ROI 148.1%; 0 of 2 goals attained.");
    expect(await bar.locator("#goals-met").inputValue()).toBe("no");
    await bar.locator("#problems").fill("Two creators published before their codes were live.");
    await bar.locator("#improvements").fill("Hand out the codes with the brief.");
    await bar.locator('#lessons-edit [data-field="lesson"]').fill(LESSON);
    await bar
      .locator('#lessons-edit [data-field="recommendation"]')
      .fill("Put the code hand-over into the execution plan.");
    await bar.locator('#lessons-edit [data-field="tags"]').fill("creators, launch");
    await ui.screenshot("summary-form.png");
    await bar.locator("#submit-summary").click();
    await expect.poll(() => bar.locator("#notice").textContent()).toContain("Submitted.");
    await expect.poll(() => bar.locator("#panel-summary").textContent()).toContain("The summary waits for a decision");
    expect(ui.preview.emulator().outbox.at(-1)).toMatchObject({
      to: LEO,
      subject: `Approval needed: ${FINISHED_NAME} (Summary report)`,
    });
  });

  it("shows the approver the summary itself before accepting, not an amount of money", async () => {
    await actAs(LEO);
    await openSidebar(/Approvals/);
    const bar = sidebar();
    const request = bar.locator(".request", { hasText: FINISHED_NAME });
    await request.waitFor();
    expect(await request.locator(".meta").first().textContent()).not.toMatch(/\b0(\.00)?\s*[A-Z]{3}\b/);
    if ((await request.getAttribute("aria-expanded")) !== "true") await request.click();
    const shown = bar.locator(".detail [data-summary]");
    await shown.waitFor();
    expect(await shown.textContent()).toContain("Two creators published before their codes were live.");
    expect(await shown.textContent()).toContain("Hand out the codes with the brief.");
    expect(await bar.locator(".detail ul.lessons").textContent()).toContain(LESSON);
  });

  it("is accepted by the approver: the campaign is Closed and the lesson goes to Lessons", async () => {
    await ui.approveAs(LEO, FINISHED_NAME, "Accepted, good lesson.", "Closed");
    const summary = values("Summaries").find((r) => r[0] === FINISHED_CAMPAIGN);
    expect(summary?.slice(0, 6)).toEqual([
      FINISHED_CAMPAIGN,
      "No",
      "Score 86% (grade B); ROI 148.1%; 0 of 2 goals attained.",
      "Two creators published before their codes were live.",
      "Hand out the codes with the brief.",
      LEO,
    ]);
    expect(values("Lessons").slice(1)).toEqual([
      [
        FINISHED_CAMPAIGN,
        "Social, KOL",
        "Commuters 25-40 in tier-1 cities",
        "creators, launch",
        LESSON,
        "Put the code hand-over into the execution plan.",
      ],
    ]);
    await ui.page.locator("#tabs button", { hasText: "Lessons" }).click();
    await expect.poll(() => ui.page.locator("#grid td", { hasText: LESSON }).count()).toBe(1);
  });

  it("shows the lesson while Mia drafts the spring launch (same channel and audience)", async () => {
    await actAs(MIA);
    await openSidebar(/Monitoring and evaluation/);
    const bar = sidebar();
    await bar.locator("#tab-lessons").click();
    await bar.locator("#draft").selectOption("CMP-2026-001");
    const item = bar.locator("#lesson-list li", { hasText: LESSON });
    await item.waitFor();
    expect(await item.textContent()).toContain(`From ${FINISHED_CAMPAIGN}`);
    expect(await item.locator(".badge").allTextContents()).toEqual(["channel Social", "channel KOL", "same audience"]);
    await ui.screenshot("lessons.png");
  });

  it("shows the same lesson in My campaigns when Mia chooses the spring launch she is drafting", async () => {
    await actAs(MIA);
    await openSidebar(/My campaigns/);
    const bar = sidebar();
    await bar.locator('.campaign[data-id="CMP-2026-001"]').click();
    const lessons = bar.locator('[data-detail="CMP-2026-001"] [data-lessons]');
    await lessons.waitFor();
    expect(await lessons.textContent()).toContain(LESSON);
    expect(await lessons.textContent()).toContain(`From ${FINISHED_CAMPAIGN}`);
  });
});
