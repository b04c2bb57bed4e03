// Market research in a real Chromium through the preview: the demo's findings are ticked in the draft form's
// Research field, a plan without a citation is refused with the Research cell named, and the approver sees the
// findings the spring launch cited, each with its evidence link.
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";
const CAMPAIGN = "Spring launch: Aurora headphones";
const FLOW_MS = 180_000;

describe("research in Chromium", () => {
  const ui = usePreviewInChromium({ step: { timeout: 20_000, interval: 100 } });
  const { poll, clickMenu, openSidebar, actAs, sidebar } = ui;

  it(
    "is cited from the draft form, required once there is research, and shown to the approver with its links",
    async () => {
      await ui.page.goto(ui.preview.url);
      await clickMenu(/Set up workbook/);
      await poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("Research");
      await ui.page.click("#demo");
      await expect.poll(() => ui.values("Research").map((r) => r[0])).toContain("R-004");

      await actAs(MIA);
      await openSidebar(/My campaigns/);
      const bar = sidebar();
      await bar.getByRole("button", { name: "New campaign" }).click();
      const form = bar.locator("#form");
      await form.locator("[name=name]").fill("Autumn pop-up store");
      const picker = form.locator(".picker");
      expect(await picker.locator("label").allTextContents()).toEqual([
        "R-001 · Commuter listening habits",
        "R-002 · 618 price sensitivity",
        "R-003 · Distributor needs",
        "R-004 · B2B webinar attendance",
      ]);
      await picker.getByLabel("R-003 · Distributor needs").check();
      await picker.getByLabel("R-001 · Commuter listening habits").check();
      expect(await form.locator("[name=research]").inputValue()).toBe("R-003, R-001");
      await picker.getByLabel("R-003 · Distributor needs").uncheck();
      expect(await form.locator("[name=research]").inputValue()).toBe("R-001");
      await form.getByRole("button", { name: "Save draft" }).click();
      await bar.locator(".campaign", { hasText: "Autumn pop-up store" }).waitFor();
      const row = ui.values("Campaigns").find((r) => r[1] === "Autumn pop-up store");
      expect(row?.[14]).toBe("R-001");

      // The spring launch cites R-001 in the demo; without it, its Research cell is what is missing.
      const launch = ui.values("Campaigns").findIndex((r) => r[1] === CAMPAIGN) + 1;
      ui.preview.emulator().as(MIA).edit(`Campaigns!O${launch}`, "");
      await openSidebar(/My campaigns/);
      const again = sidebar();
      await again.locator(".campaign", { hasText: CAMPAIGN }).click();
      await poll(() => again.locator(".detail .issue").allTextContents()).toEqual([
        expect.stringContaining("Cite at least one research finding"),
      ]);
      expect(await again.locator(".detail .where").first().textContent()).toBe(
        `Campaigns, row ${launch}, column O (Research)`,
      );
      ui.preview.emulator().as(MIA).edit(`Campaigns!O${launch}`, "R-001, R-002");
      await openSidebar(/My campaigns/);
      const ready = sidebar();
      await ready.locator(".campaign", { hasText: CAMPAIGN }).click();
      await ready.locator(".detail").getByRole("button", { name: "Submit plan" }).click();
      await poll(() => ready.locator(".detail .notice").first().textContent()).toContain("Submitted.");

      const inbox = await ui.openRequest(LEO, CAMPAIGN);
      const cited = inbox.locator(".detail ul.research li");
      await poll(() => cited.count()).toBe(2);
      expect(await cited.first().locator("b").textContent()).toBe("R-001 · Commuter listening habits");
      expect(await cited.first().locator("a").getAttribute("href")).toBe(
        "https://example.com/research/commuter-audio-2026",
      );
      expect(await cited.first().locator("a").textContent()).toBe("Evidence");
    },
    FLOW_MS,
  );
});
