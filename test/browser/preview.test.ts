// The first thing a newcomer does, in a real Chromium: open the preview, run setup from the add-on menu, load
// demo data, open the My campaigns sidebar, pick a campaign, and see its row selected in the sheet.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPreview, startPreview } from "../../scripts/preview/server";
import { launchChromium } from "./chromium";

const shots = join(process.cwd(), "test-results");

describe("preview in Chromium", () => {
  let preview: RunningPreview;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    preview = await startPreview({ port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });

  async function clickMenu(caption: RegExp): Promise<void> {
    if (await page.locator("#extensions-popup").isHidden()) await page.click("#extensions-button");
    await page.locator("#addon-items .menu-item", { hasText: caption }).click();
  }

  it("runs setup from the add-on menu and shows both tabs", async () => {
    await page.goto(preview.url);
    await page.click("#extensions-button");
    // onOpen ran when the page opened the document: the add-on menu lists its items.
    await expect
      .poll(() => page.locator("#addon-items .menu-item").allTextContents())
      .toEqual(expect.arrayContaining(["Set up workbook", "My campaigns", "Approvals", "Verify audit log"]));
    await clickMenu(/Set up workbook/);
    await expect
      .poll(() => page.locator("#tabs button").allTextContents())
      .toEqual(expect.arrayContaining(["Campaigns", "Settings"]));
    const tabs = preview
      .emulator()
      .spreadsheet.getSheets()
      .map((s) => s.getName());
    expect(tabs).toEqual(expect.arrayContaining(["Campaigns", "Settings"]));
  });

  it("opens the sidebar, selects a campaign and the sheet selects its row", async () => {
    await page.click("#demo");
    await page.locator("#tabs button", { hasText: "Campaigns" }).click();
    await expect.poll(() => page.locator("#grid td", { hasText: "618 mid-year sale" }).count()).toBe(1);

    await clickMenu(/My campaigns/);
    const sidebar = page.frameLocator("#sidebar-frame");
    const item = sidebar.getByText("618 mid-year sale");
    await item.waitFor();
    await item.click();

    const sheet = preview.emulator().spreadsheet.getSheetByName("Campaigns")!;
    const ids = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
    const row = ids.findIndex((r) => r.includes("CMP-2026-002")) + 1;
    expect(row).toBeGreaterThan(1);
    await expect.poll(() => preview.emulator().spreadsheet.getActiveRange()?.getRow()).toBe(row);
    const active = preview.emulator().spreadsheet.getActiveRange()!;
    expect(active.getSheet().getName()).toBe("Campaigns");
    expect(active.getNumRows()).toBe(1);

    // The grid shows the selection on the campaign's row. The page redraws the grid after the RPC has returned, so
    // the earlier selection may still show for a moment: wait for the campaign's row, not just for one selected row.
    const selectedRow = page.locator("#grid tr", { has: page.locator("td.selected") });
    await expect
      .poll(async () =>
        (await selectedRow.count()) === 1 ? await selectedRow.locator("th.rowhead").textContent() : "",
      )
      .toBe(String(row));
    expect(await selectedRow.textContent()).toContain("618 mid-year sale");
    await page.screenshot({ path: join(shots, "preview.png") });
  });
});
