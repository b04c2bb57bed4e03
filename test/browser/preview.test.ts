// The first thing a newcomer does, in a real Chromium: open the preview, run setup from the add-on menu, load
// demo data, open the My campaigns sidebar, pick a campaign, and see its row selected in the sheet.
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

describe("preview in Chromium", () => {
  const ui = usePreviewInChromium({ viewport: { width: 1440, height: 860 } });
  const { clickMenu, openSidebar } = ui;

  it("runs setup from the add-on menu and shows both tabs", async () => {
    await ui.page.goto(ui.preview.url);
    await ui.page.click("#extensions-button");
    // onOpen ran when the page opened the document: the add-on menu lists its items.
    await expect
      .poll(() => ui.page.locator("#addon-items .menu-item").allTextContents())
      .toEqual(expect.arrayContaining(["Set up workbook", "My campaigns", "Approvals", "Verify audit log"]));
    await clickMenu(/Set up workbook/);
    await expect
      .poll(() => ui.page.locator("#tabs button").allTextContents())
      .toEqual(expect.arrayContaining(["Campaigns", "Settings"]));
    const tabs = ui.preview
      .emulator()
      .spreadsheet.getSheets()
      .map((s) => s.getName());
    expect(tabs).toEqual(expect.arrayContaining(["Campaigns", "Settings"]));
  });

  it("opens the sidebar, selects a campaign and the sheet selects its row", async () => {
    await ui.page.click("#demo");
    await ui.page.locator("#tabs button", { hasText: "Campaigns" }).click();
    await expect.poll(() => ui.page.locator("#grid td", { hasText: "618 mid-year sale" }).count()).toBe(1);

    await openSidebar(/My campaigns/);
    const sidebar = ui.sidebar();
    const item = sidebar.getByText("618 mid-year sale");
    await item.waitFor();
    await item.click();

    const sheet = ui.preview.emulator().spreadsheet.getSheetByName("Campaigns")!;
    const ids = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
    const row = ids.findIndex((r) => r.includes("CMP-2026-002")) + 1;
    expect(row).toBeGreaterThan(1);
    await expect.poll(() => ui.preview.emulator().spreadsheet.getActiveRange()?.getRow()).toBe(row);
    const active = ui.preview.emulator().spreadsheet.getActiveRange()!;
    expect(active.getSheet().getName()).toBe("Campaigns");
    expect(active.getNumRows()).toBe(1);

    // The grid shows the selection on the campaign's row. The page redraws the grid after the RPC has returned, so
    // the earlier selection may still show for a moment: wait for the campaign's row, not just for one selected row.
    const selectedRow = ui.page.locator("#grid tr", { has: ui.page.locator("td.selected") });
    await expect
      .poll(async () =>
        (await selectedRow.count()) === 1 ? await selectedRow.locator("th.rowhead").textContent() : "",
      )
      .toBe(String(row));
    expect(await selectedRow.textContent()).toContain("618 mid-year sale");
    await ui.screenshot("ui.preview.png");
  });
});
