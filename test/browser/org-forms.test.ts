// The org build's feedback form in a real Chromium, through the preview running dist-org: in Roles and settings the
// admin picks a campaign and creates its form; the section shows the form's links, the response tab appears in the
// workbook, a respondent's answer lands there, and a second try for the same campaign is refused with its link.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

const FLOW_MS = 120_000;

describe("the feedback form in Chromium (org build)", () => {
  const ui = usePreviewInChromium({
    step: { timeout: 20_000, interval: 100 },
    preview: { bundleDir: join(process.cwd(), "dist-org") },
  });
  const { poll, clickMenu, openSidebar, sidebar } = ui;

  it(
    "is created from Roles and settings, shows its links, and collects responses into its own tab",
    async () => {
      await ui.page.goto(ui.preview.url);
      await clickMenu(/Set up workbook/);
      await ui.page.click("#demo");
      await poll(() => ui.values("Campaigns").length).toBeGreaterThan(2);
      await openSidebar(/Roles and settings/);
      const bar = sidebar();
      const section = bar.locator("#feedback-form");
      await section.getByRole("heading", { name: "Feedback form" }).waitFor();
      const id = String(ui.values("Campaigns")[1]?.[0]);
      await section.locator("select[name=campaign]").selectOption(id);
      await section.getByRole("button", { name: "Create feedback form" }).click();
      await poll(() => section.locator(".notice").textContent()).toBe(
        "The form is ready; its responses land in the tab Form Responses 1.",
      );
      const forms = [...ui.preview.emulator().forms.forms.values()];
      expect(forms).toHaveLength(1);
      const form = forms[0]!;
      expect(await section.getByRole("link", { name: "Form for respondents" }).getAttribute("href")).toBe(
        ui.preview.emulator().forms.publishedUrl(form.id),
      );
      expect(await section.getByRole("link", { name: "Edit the form" }).getAttribute("href")).toBe(
        ui.preview.emulator().forms.editUrl(form.id),
      );
      expect(ui.values("Form Responses 1")[0]).toEqual(["Timestamp", "Campaign", "Channel", "Rating", "Comment"]);
      ui.preview.emulator().respond(form.id, { Campaign: id, Rating: 4, Comment: "Great demo" });
      expect(ui.values("Form Responses 1")[1]?.slice(1)).toEqual([id, "", 4, "Great demo"]);
      await ui.screenshot("org-feedback-form.png");

      // The same campaign again: refused, with the first form's link; no second form.
      await section.getByRole("button", { name: "Create feedback form" }).click();
      await poll(() => section.locator(".notice.error").textContent()).toContain(
        `Campaign ${id} already has a feedback form`,
      );
      expect(ui.preview.emulator().forms.forms.size).toBe(1);
      expect(ui.alerts).toEqual([]);
    },
    FLOW_MS,
  );
});
