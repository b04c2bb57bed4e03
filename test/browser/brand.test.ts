// Brand rules in a real Chromium through the preview: with two rules in Settings, Mia's plan is refused until she
// ticks both in "My campaigns"; Leo then sees both confirmed in "Approvals" and approves. A rule added after the
// submission shows unconfirmed and takes the Approve button away, leaving Request changes.
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";
const CAMPAIGN = "Spring launch: Aurora headphones";
const LOGO = "Logo on white, never stretched";
const PALETTE = "Only the 2026 palette";
const FLOW_MS = 180_000;

describe("brand rules in Chromium", () => {
  const ui = usePreviewInChromium({ step: { timeout: 20_000, interval: 100 } });
  const { poll, clickMenu, openSidebar, actAs, sidebar } = ui;

  function setRules(value: string): void {
    const emu = ui.preview.emulator();
    const row = emu.values("Settings").findIndex((r) => r[0] === "brand_rules") + 1;
    expect(row).toBeGreaterThan(0);
    emu.edit(`Settings!B${row}`, value);
  }

  it(
    "asks the submitter to confirm each rule and shows the confirmations to the approver",
    async () => {
      await ui.page.goto(ui.preview.url);
      await clickMenu(/Set up workbook/);
      await poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("Approval log");
      await ui.page.click("#demo");
      await expect.poll(() => ui.values("Campaigns").some((r) => r[1] === CAMPAIGN)).toBe(true);
      setRules(`${LOGO}\n${PALETTE}`);

      await actAs(MIA);
      await openSidebar(/My campaigns/);
      const bar = sidebar();
      await bar.locator(".campaign", { hasText: CAMPAIGN }).click();
      const panel = bar.locator(".detail");
      const rules = panel.locator("fieldset.brand");
      await rules.waitFor();
      expect(await rules.locator("legend").textContent()).toBe("Brand standards: confirm each rule");
      expect(await rules.locator("label").allTextContents()).toEqual([LOGO, PALETTE]);

      // Only one ticked: refused, naming the other.
      await rules.getByLabel(LOGO).check();
      await panel.getByRole("button", { name: "Submit plan" }).click();
      await poll(() => bar.locator(".detail .notice").first().textContent()).toContain(`Not confirmed: ${PALETTE}.`);

      const again = bar.locator(".detail fieldset.brand");
      await again.getByLabel(LOGO).check();
      await again.getByLabel(PALETTE).check();
      await bar.locator(".detail").getByRole("button", { name: "Submit plan" }).click();
      await poll(() => bar.locator(".detail .notice").first().textContent()).toContain("Submitted.");

      const inbox = await ui.openRequest(LEO, CAMPAIGN);
      const detail = inbox.locator(".detail");
      await poll(() => detail.locator("ul.brand li").allTextContents()).toEqual([`✓ ${LOGO}`, `✓ ${PALETTE}`]);
      expect(await detail.getByRole("button", { name: "Approve" }).count()).toBe(1);

      // A rule added now was not confirmed with the submission: no Approve, Request changes stays.
      setRules(`${LOGO}\n${PALETTE}\nTone: friendly`);
      const later = await ui.openRequest(LEO, CAMPAIGN);
      const blocked = later.locator(".detail");
      await poll(() => blocked.locator("ul.brand li").allTextContents()).toEqual([
        `✓ ${LOGO}`,
        `✓ ${PALETTE}`,
        "✗ Tone: friendly",
      ]);
      expect(await blocked.getByRole("button", { name: "Approve" }).count()).toBe(0);
      expect(await blocked.getByRole("button", { name: "Request changes" }).count()).toBe(1);
    },
    FLOW_MS,
  );
});
