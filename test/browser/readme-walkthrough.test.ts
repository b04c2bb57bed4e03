// The README's walkthrough, step by step and in the README's order, in a real Chromium: set up, load the demo,
// take the spring launch's plan and execution plan through two levels of approval, record an expense that goes over
// budget and approve the overrun, let monitoring run, close a finished campaign with a summary, and find its lesson
// while drafting. Each step first checks that the README still says it, so the text and the test cannot drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FINISHED_CAMPAIGN } from "../../scripts/preview/evaluation-demo";
import { SPEND_DEMO_CAMPAIGN } from "../../scripts/preview/spend-demo";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";
const DANA = "dana.director@example.com";
const SPRING = "Spring launch: Aurora headphones";
const LESSON = "Creators need the discount codes a week before they publish.";
const README = readFileSync(join(process.cwd(), "README.md"), "utf8").replace(/\s+/g, " ");

/** The README still tells a person to do this. */
function says(text: string): void {
  expect(README).toContain(text);
}

describe("the README's walkthrough, in order, in Chromium", () => {
  const ui = usePreviewInChromium({ step: { timeout: 20_000, interval: 100 } });
  const { poll, clickMenu, openSidebar, actAs, sidebar, values } = ui;
  const state = () => values("Campaigns").find((r) => r[0] === "CMP-2026-001")?.[13];

  async function submitSpring(button: "Submit plan" | "Submit execution plan"): Promise<void> {
    await actAs(MIA);
    await openSidebar(/My campaigns/);
    const bar = sidebar();
    await bar.locator(".campaign", { hasText: SPRING }).click();
    const panel = bar.locator(".detail");
    await panel.waitFor();
    await panel.getByRole("button", { name: button }).click();
    await poll(() => bar.locator(".detail .notice").first().textContent()).toContain("Submitted.");
  }

  it("sets up the workbook and loads the demo data", { timeout: 120_000 }, async () => {
    says("open **Extensions › Campaign Control › Set up workbook**, then **Load demo data**");
    await ui.page.goto(ui.preview.url);
    await clickMenu(/^Set up workbook$/);
    await poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("Campaigns");
    await ui.page.click("#demo");
    await poll(() => ui.page.locator("#toasts").textContent()).toContain("Demo data loaded: 8 campaigns.");
  });

  it("takes the spring launch's plan and execution plan through Leo and Dana", { timeout: 180_000 }, async () => {
    says(
      "Switch to Mia at the top, open *My campaigns*, choose the spring launch and submit its plan; switch to Leo, " +
        "then Dana, and approve it in *Approvals*; then the execution plan the same way. The *Outbox* shows the mail.",
    );
    await submitSpring("Submit plan");
    await ui.approveAs(LEO, SPRING, "Level 1: fine", "Plan submitted");
    await ui.approveAs(DANA, SPRING, "Level 2: approved", "Plan approved");
    expect(state()).toBe("Plan approved");
    await submitSpring("Submit execution plan");
    await ui.approveAs(LEO, SPRING, "Tasks look right", "Execution plan submitted");
    await ui.approveAs(DANA, SPRING, "Go", "Ready");
    expect(state()).toBe("Ready");
    await ui.page.click("#outbox-button");
    await poll(() => ui.page.locator("#outbox-list").textContent()).toContain(`Approved: ${SPRING} (Execution plan)`);
    await ui.page.click("#outbox-close");
  });

  it("records 12,000 CNY over budget, and Leo's approval of the overrun raises the budget", {
    timeout: 120_000,
  }, async () => {
    says("record 12,000 CNY on it with a receipt link");
    says("the campaign's approved budget is now 61,788");
    await actAs(MIA);
    await openSidebar(/^Expenses$/);
    const bar = sidebar();
    await bar.locator("#campaign option", { hasText: SPEND_DEMO_CAMPAIGN }).first().waitFor({ state: "attached" });
    await bar.locator("#campaign").selectOption(SPEND_DEMO_CAMPAIGN);
    await bar.locator("#category").fill("Media");
    await bar.locator("#vendor").fill("Video platform");
    await bar.locator("#description").fill("Two more weeks of pre-roll");
    await bar.locator("#amount").fill("12000");
    // Without a receipt link it is refused, as the README warns.
    await bar.locator("#submit").click();
    await poll(() => bar.locator('[data-field="receiptLink"]').textContent()).toMatch(/receipt/i);
    expect(values("Expenses").some((r) => r[6] === 12000)).toBe(false);
    await bar.locator("#receiptLink").fill("https://drive.example.com/receipts/po-118");
    await poll(() => bar.locator("#assessment").textContent()).toContain(
      "goes over the approved budget by 1,788.00 CNY",
    );
    await bar.locator("#submit").click();
    await poll(() => bar.locator("#notice").textContent()).toMatch(/is recorded as pending/);

    await actAs(LEO);
    await openSidebar(/Approvals/);
    const inbox = sidebar();
    const request = inbox.locator(`button.request[data-campaign="${SPEND_DEMO_CAMPAIGN}"]`);
    await request.waitFor();
    if ((await request.getAttribute("aria-expanded")) !== "true") await request.click();
    await inbox.locator('button[data-decision="approve"]').click();
    await poll(() => request.count()).toBe(0);
    await clickMenu(/Refresh variance report/);
    await poll(() => values("Variance report").find((r) => r[0] === SPEND_DEMO_CAMPAIGN)?.[2]).toBe(61788);
  });

  it("lets monitoring run an hour later: the Monitor tab fills and digests go out", { timeout: 120_000 }, async () => {
    says("Press *+1 h*: the *Monitor* tab fills and the digests appear in the outbox");
    says("*+1 day* a few times adds the waiting request");
    const mailBefore = ui.preview.emulator().outbox.length;
    const kinds = () =>
      values("Monitor")
        .slice(1)
        .map((r) => r[1])
        .filter((k) => k !== "");
    await ui.page.click('button[data-advance="3600000"]');
    await poll(kinds).toEqual(expect.arrayContaining(["Overdue task", "Lagging indicator"]));
    await poll(() => ui.preview.emulator().outbox.length).toBeGreaterThan(mailBefore);
    for (let day = 0; day < 5 && !kinds().includes("Request waiting"); day++) {
      await ui.page.click('button[data-advance="86400000"]');
      await poll(() => ui.page.locator("#clock").textContent()).toContain(`2026-03-0${3 + day}`);
    }
    expect(kinds()).toContain("Request waiting");
  });

  it("closes Year-end creator collab with a summary that Leo accepts", { timeout: 120_000 }, async () => {
    says(
      "As Mia, open *Monitoring and evaluation › Close campaign*, submit the summary of *Year-end creator collab*; " +
        "as Leo, accept it in *Approvals*",
    );
    await actAs(MIA);
    await openSidebar(/Monitoring and evaluation/);
    const bar = sidebar();
    await bar.locator("#tab-summary").click();
    await poll(() => bar.locator("#summary-campaign").inputValue()).toBe(FINISHED_CAMPAIGN);
    await bar.locator("#problems").fill("Two creators published before their codes were live.");
    await bar.locator("#improvements").fill("Hand out the codes with the brief.");
    await bar.locator('#lessons-edit [data-field="lesson"]').fill(LESSON);
    await bar.locator("#submit-summary").click();
    await poll(() => bar.locator("#notice").textContent()).toContain("Submitted.");
    await ui.approveAs(LEO, "Year-end creator collab", "Accepted.", "Closed");
    expect(values("Lessons").some((r) => r.includes(LESSON))).toBe(true);
  });

  it("shows the lesson in Lessons for a plan still in draft that shares a channel", { timeout: 60_000 }, async () => {
    says("the *618 mid-year sale* (Social) once the spring launch has been approved as above");
    await actAs(MIA);
    await openSidebar(/Monitoring and evaluation/);
    const bar = sidebar();
    await bar.locator("#tab-lessons").click();
    // The spring launch is approved now, so it is no longer a draft to look lessons up for.
    await bar.locator("#draft").waitFor();
    expect(await bar.locator("#draft option").allTextContents()).not.toContain(`CMP-2026-001 · ${SPRING}`);
    await bar.locator("#draft").selectOption("CMP-2026-002");
    const item = bar.locator("#lesson-list li", { hasText: LESSON });
    await item.waitFor();
    expect(await item.locator(".badge").allTextContents()).toContain("channel Social");
    await ui.screenshot("walkthrough-lessons.png");
  });
});
