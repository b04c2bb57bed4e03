// The sidebars' forms as a new user meets them, in a real Chromium on a short screen: the expense form's "what is
// left" follows each keystroke, its "reimburse me" checkbox sits next to its label, a failed save's message is brought
// into view in every form that saves, and times are shown in the spreadsheet's time zone whatever the browser's.
import type { FrameLocator, Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { SPEND_DEMO_CAMPAIGN } from "../../scripts/preview/spend-demo";
import { timeText } from "../../src/domain/dates";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";
const FLOW_MS = 120_000;

/** Is the element inside the sidebar's visible area (its frame's viewport), give or take a pixel of rounding? */
function inView(node: Locator): Promise<boolean> {
  return node.evaluate((n) => {
    const r = n.getBoundingClientRect();
    return r.height > 0 && r.top >= -1 && r.bottom <= window.innerHeight + 1;
  });
}

/** Scrolls the sidebar to its bottom, where a long form's buttons are. */
async function scrollToBottom(bar: FrameLocator): Promise<void> {
  await bar.locator("body").evaluate(() => window.scrollTo(0, document.body.scrollHeight));
}

describe("the sidebars' forms in Chromium", () => {
  // A laptop's short screen: every long form scrolls.
  const ui = usePreviewInChromium({
    viewport: { width: 1280, height: 560 },
    step: { timeout: 20_000, interval: 100 },
  });
  const { poll, clickMenu, openSidebar, actAs, sidebar } = ui;

  it("loads the demo", { timeout: FLOW_MS }, async () => {
    await ui.page.goto(ui.preview.url);
    await clickMenu(/Set up workbook/);
    await poll(() => ui.page.locator("#tabs button", { hasText: "Expenses" }).count()).toBe(1);
    await ui.page.click("#demo");
    await poll(() => ui.values("Campaigns").some((r) => r[0] === SPEND_DEMO_CAMPAIGN)).toBe(true);
  });

  it("updates what is left with each keystroke, before any field loses focus", { timeout: FLOW_MS }, async () => {
    await actAs(MIA);
    await openSidebar(/^Expenses$/);
    const bar = sidebar();
    const focused = (id: string) => bar.locator(`#${id}`).evaluate((n) => document.activeElement === n);
    await bar.locator("#campaign option", { hasText: SPEND_DEMO_CAMPAIGN }).first().waitFor({ state: "attached" });
    await bar.locator("#campaign").selectOption(SPEND_DEMO_CAMPAIGN);
    await bar.locator("#category").fill("Media");
    // The amount first: the demo asks for a receipt above 0, so the form says so and cannot assess yet.
    await bar.locator("#amount").click();
    await ui.page.keyboard.type("9000");
    await poll(() => bar.locator('[data-field="receiptLink"] .field-error').textContent()).toContain("receipt");
    expect(await bar.locator("#left").isHidden()).toBe(true);
    // Then the receipt link, typed: what is left appears while the cursor is still in the field.
    await bar.locator("#receiptLink").click();
    // Leaving the amount field checked the draft once more; let that answer come back before typing on.
    await ui.page.waitForTimeout(1500);
    await poll(() => bar.locator("#status").textContent()).toBe("");
    await ui.page.keyboard.type("https://drive.example.com/receipts/9000");
    await poll(() => bar.locator("#left").getAttribute("data-outcome")).toBe("warning");
    expect(await focused("receiptLink")).toBe(true);
    const after = await bar.locator("#left-after").textContent();
    // And a digit more in the amount: over the budget, still without leaving the field.
    await bar.locator("#amount").click();
    await ui.page.keyboard.press("End");
    await ui.page.keyboard.type("0");
    await poll(() => bar.locator("#left").getAttribute("data-outcome")).toBe("needs_overrun_approval");
    expect(await bar.locator("#left-after").textContent()).not.toBe(after);
    expect(await focused("amount")).toBe(true);
  });

  it("puts the reimburse-me checkbox next to its label, on its line", { timeout: FLOW_MS }, async () => {
    const bar = sidebar();
    const box = await bar.locator("#reimbursable").boundingBox();
    const text = await bar.locator('[data-field="reimbursable"] span').boundingBox();
    if (!box || !text) throw new Error("the checkbox or its label is not shown");
    expect(box.width).toBeLessThanOrEqual(24);
    expect(text.x).toBeGreaterThan(box.x + box.width);
    expect(text.x - (box.x + box.width)).toBeLessThanOrEqual(12);
    expect(Math.abs(box.y + box.height / 2 - (text.y + text.height / 2))).toBeLessThanOrEqual(3);
  });

  it("brings the expense form's message into view after a failed save", { timeout: FLOW_MS }, async () => {
    const bar = sidebar();
    await bar.locator("#amount").fill("1.005");
    await scrollToBottom(bar);
    await bar.locator("#submit").click();
    await poll(() => bar.locator("#notice").getAttribute("class")).toContain("error");
    await poll(() => inView(bar.locator("#notice"))).toBe(true);
  });

  it("brings a refused problem report into view in My campaigns", { timeout: FLOW_MS }, async () => {
    await openSidebar(/My campaigns/);
    const bar = sidebar();
    await bar.locator(".campaign", { hasText: SPEND_DEMO_CAMPAIGN }).first().click();
    const report = bar.locator(".detail .report");
    await report.waitFor();
    await report.getByRole("button", { name: "Report", exact: true }).scrollIntoViewIfNeeded();
    expect(await inView(bar.locator(".detail h3").first())).toBe(false);
    await report.getByRole("button", { name: "Report", exact: true }).click();
    const notice = bar.locator(".detail > .notice.error");
    await notice.waitFor();
    await poll(() => inView(notice)).toBe(true);
  });

  it("brings a refused decision into view in Approvals, and shows when it was submitted in the spreadsheet's zone", {
    timeout: FLOW_MS,
  }, async () => {
    // Mia submits the spring launch's plan; Leo opens it.
    await openSidebar(/My campaigns/);
    let bar = sidebar();
    await bar.locator(".campaign", { hasText: "CMP-2026-001" }).first().click();
    const panel = bar.locator(".detail");
    await panel.locator("textarea[name=comment]").fill("Plan for review");
    await panel.getByRole("button", { name: "Submit plan" }).click();
    await poll(() => bar.locator(".detail .notice").first().textContent()).toContain("Submitted.");

    await actAs(LEO);
    await openSidebar(/Approvals/);
    bar = sidebar();
    const request = bar.locator(".request", { hasText: "Spring launch" });
    await request.waitFor();
    if ((await request.getAttribute("aria-expanded")) !== "true") await request.click();
    const reject = bar.locator(".detail").getByRole("button", { name: "Reject" });
    await scrollToBottom(bar);
    await reject.click();
    const refused = bar.locator(".detail .messages .notice.error");
    await refused.waitFor();
    await poll(() => inView(refused)).toBe(true);

    // When it was submitted: the log's instant in the spreadsheet's time zone, not the browser's.
    const emu = ui.preview.emulator();
    const zone = emu.spreadsheet.getSpreadsheetTimeZone();
    const submitted = emu
      .values("Approval log")
      .slice(1)
      .filter((r) => r.includes("CMP-2026-001") && r.includes("submit"))
      .at(-1)
      ?.find((c) => /^\d{4}-\d\d-\d\dT/.test(String(c)));
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    }).formatToParts(new Date(String(submitted)));
    const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const expected = timeText([n("year"), n("month"), n("day"), n("hour"), n("minute")], "en");
    expect(await bar.locator(".detail, .request").first().textContent()).toContain(`Submitted by ${MIA}, ${expected}`);
  });
});
