// Where the preview imitates Sheets, it behaves as Sheets does, checked in a real Chromium: the tab a person clicks
// stays in front until a script changes the active tab, an edit goes to the cell shown, alerts are modal dialogs
// whose answer reaches the script, a selected cell shows its formula or value (and an error's message), text runs
// on into empty cells, a person may type beyond a tab's last column, the add-on's charts are drawn, and a sidebar's
// "today" is the preview's clock.
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";
const OWNER = "owner@example.com";

describe("the preview behaves as Sheets does, in Chromium", () => {
  const ui = usePreviewInChromium({ step: { timeout: 20_000, interval: 100 } });
  const { poll, clickMenu, openSidebar, actAs, sidebar } = ui;
  const shownTab = () => ui.page.locator('#tabs button[aria-selected="true"]').textContent();
  const cell = (a1: string) => ui.page.locator(`#grid td[data-a1="${a1}"]`);
  const emu = () => ui.preview.emulator();

  async function typeInto(a1: string, text: string): Promise<void> {
    await cell(a1).dblclick();
    const input = cell(a1).locator("input");
    await input.fill(text);
    await input.press("Enter");
  }

  it("sets up and loads the demo", { timeout: 120_000 }, async () => {
    await ui.page.goto(ui.preview.url);
    await clickMenu(/Set up workbook/);
    await poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("Budget");
    await ui.page.click("#demo");
    await poll(() => emu().values("KPIs").length).toBeGreaterThan(1);
  });

  it("keeps the tab a person clicked in front, and writes an edit to the cell shown", { timeout: 60_000 }, async () => {
    await actAs(MIA);
    await openSidebar(/My campaigns/);
    await sidebar().locator(".campaign", { hasText: "618 mid-year sale" }).click();
    // The script selected the campaign's row: the Campaigns tab comes to the front.
    await poll(shownTab).toBe("Campaigns");
    const campaignsBefore = JSON.stringify(emu().values("Campaigns"));

    await ui.page.locator("#tabs button", { hasText: "Budget" }).click();
    await poll(shownTab).toBe("Budget");
    await poll(() => emu().spreadsheet.getActiveSheet().getName()).toBe("Budget");
    const row = emu().values("Budget").length + 2;
    await typeInto(`A${row}`, "CMP-2026-002");
    await poll(() => emu().values("Budget")[row - 1]?.[0]).toBe("CMP-2026-002");
    // The answer of the edit does not take the person back to Campaigns; a second edit lands on Budget too.
    expect(await shownTab()).toBe("Budget");
    await typeInto(`B${row}`, "Media");
    await poll(() => emu().values("Budget")[row - 1]?.[1]).toBe("Media");
    expect(await shownTab()).toBe("Budget");

    // Closing the sidebar (a response of the server like any other) leaves the view where it is.
    await ui.page.click("#sidebar-close");
    await poll(() => ui.page.locator("#sidebar").isHidden()).toBe(true);
    expect(await shownTab()).toBe("Budget");

    // "Done" meant for Tasks!G5 goes to Tasks!G5.
    await ui.page.locator("#tabs button", { hasText: "Tasks" }).click();
    await poll(shownTab).toBe("Tasks");
    const tasks = emu().values("Tasks");
    const status = tasks[0]?.indexOf("Task status") ?? -1;
    expect(status).toBeGreaterThan(-1);
    const statusLetter = String.fromCharCode(65 + status);
    await typeInto(`${statusLetter}5`, "Done");
    await poll(() => emu().values("Tasks")[4]?.[status]).toBe("Done");
    expect(await shownTab()).toBe("Tasks");
    expect(JSON.stringify(emu().values("Campaigns"))).toBe(campaignsBefore);

    // A script that selects a row while it runs brings its tab to the front again.
    await openSidebar(/My campaigns/);
    await sidebar().locator(".campaign", { hasText: "618 mid-year sale" }).click();
    await poll(shownTab).toBe("Campaigns");
  });

  it("shows a menu item's alert as a modal dialog, and the answer reaches the script", {
    timeout: 60_000,
  }, async () => {
    await actAs(OWNER);
    const alertsBefore = emu().ui.alerts.length;
    await clickMenu(/Verify audit log/);
    const dialog = ui.page.locator("#dialog");
    await poll(() => dialog.isVisible()).toBe(true);
    expect(await ui.page.locator("#dialog-title").textContent()).toBe("Verify audit log");
    expect(await ui.page.locator("#dialog-prompt").textContent()).toMatch(/\S/);
    // Modal: the page behind it takes no clicks.
    await expect(ui.page.locator("#demo").click({ timeout: 500 })).rejects.toThrow();
    await ui.screenshot("alert-dialog.png");
    await ui.page.locator('#dialog-buttons button[data-button="OK"]').click();
    await poll(() => dialog.isHidden()).toBe(true);
    expect(emu().ui.alerts.slice(alertsBefore)).toEqual([
      expect.objectContaining({ title: "Verify audit log", buttons: "OK", answer: "OK" }),
    ]);
    expect(await ui.page.locator("#toasts .toast.error").count()).toBe(0);
  });

  it("shows the selected cell's formula or value, and an error's message", { timeout: 60_000 }, async () => {
    await ui.page.locator("#tabs button", { hasText: "Budget" }).click();
    await poll(shownTab).toBe("Budget");
    // Column G is the Budget tab's spare column (the tab is sized to its six columns and one spare).
    const row = emu().values("Budget").length + 3;
    await cell(`G${row}`).click();
    await typeInto(`G${row}`, "first");
    // Enter moves the cursor one row down, and the bar shows that cell.
    await poll(() => ui.page.locator("#cell-ref").textContent()).toBe(`G${row + 1}`);
    await typeInto(`G${row}`, "second");
    await poll(() => emu().values("Budget")[row - 1]?.[6]).toBe("second");
    await cell(`G${row}`).click();
    await poll(() => ui.page.locator("#cell-content").textContent()).toBe("second");

    await typeInto(`G${row + 2}`, '=BUDGET_VARIANCE_PCT("lots", 1)');
    await poll(() => cell(`G${row + 2}`).textContent()).toBe("#ERROR!");
    const message = emu().spreadsheet.getErrorMessage(`Budget!G${row + 2}`);
    expect(message).toMatch(/\S/);
    await cell(`G${row + 2}`).click();
    await poll(() => ui.page.locator("#cell-content").textContent()).toBe('=BUDGET_VARIANCE_PCT("lots", 1)');
    await poll(() => ui.page.locator("#cell-error").isVisible()).toBe(true);
    expect(await ui.page.locator("#cell-error-text").textContent()).toBe(message);
    await ui.screenshot("cell-error.png");
    await cell(`G${row}`).click();
    await poll(() => ui.page.locator("#cell-error").isHidden()).toBe(true);
  });

  it("lets text run on into empty cells, and takes typing beyond a tab's last column", {
    timeout: 60_000,
  }, async () => {
    await ui.page.locator("#tabs button", { hasText: "Variance report" }).click();
    await poll(shownTab).toBe("Variance report");
    const title = cell("A1");
    const text = title.locator(".text");
    await text.waitFor();
    const [textWidth, cellWidth] = await Promise.all([
      text.evaluate((n) => n.getBoundingClientRect().width),
      title.evaluate((n) => n.getBoundingClientRect().width),
    ]);
    expect(textWidth).toBeGreaterThan(cellWidth);
    // Nothing clips it: the title is shown whole, as in Sheets.
    expect(await title.evaluate((n) => getComputedStyle(n).overflow)).toBe("visible");

    await ui.page.locator("#tabs button", { hasText: "Campaigns" }).click();
    await poll(shownTab).toBe("Campaigns");
    const sheet = emu().spreadsheet.getSheetByName("Campaigns")!;
    const beyond = sheet.getLastColumn() + 1;
    const letter = String.fromCharCode(64 + beyond);
    await typeInto(`${letter}3`, "a note of my own");
    await poll(() => emu().spreadsheet.getSheetByName("Campaigns")!.getRange(`${letter}3`).getValue()).toBe(
      "a note of my own",
    );
  });

  it("draws the add-on's charts from its chart records", { timeout: 60_000 }, async () => {
    await ui.page.locator("#tabs button", { hasText: "Variance report" }).click();
    const chart = ui.page.locator("#charts figure.chart");
    await poll(() => chart.count()).toBe(1);
    const record = emu().spreadsheet.getSheetByName("Variance report")!.getCharts()[0]!;
    expect(await chart.getAttribute("data-type")).toBe("COLUMN");
    const drawn = await chart.locator("canvas").evaluate((canvas) => {
      const lib = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): unknown } }).Chart;
      const c = lib.getChart(canvas as HTMLCanvasElement) as {
        config: { type: string };
        data: { labels: string[]; datasets: { label: string; data: (number | null)[] }[] };
        options: { plugins: { title: { text: string } } };
      };
      const ctx = (canvas as HTMLCanvasElement).getContext("2d")!;
      const pixels = ctx.getImageData(0, 0, 600, 371).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
      return {
        type: c.config.type,
        title: c.options.plugins.title.text,
        series: c.data.datasets.map((d) => d.label),
        points: c.data.labels.length,
        painted,
      };
    });
    expect(drawn.type).toBe("bar");
    expect(drawn.title).toBe(
      (record as unknown as { getOptionsRecorded(): { title: string } }).getOptionsRecorded().title,
    );
    expect(drawn.series).toHaveLength(3);
    expect(drawn.points).toBeGreaterThan(0);
    expect(drawn.painted).toBeGreaterThan(1000);
    // Where the add-on put it: at its anchor cell.
    const [anchorRow, anchorColumn] = (record as unknown as { model: { position: number[] } }).model.position;
    const anchor = cell(`${String.fromCharCode(64 + anchorColumn!)}${anchorRow}`);
    const [a, b] = await Promise.all([anchor.boundingBox(), chart.boundingBox()]);
    expect(Math.abs((a?.x ?? 0) - (b?.x ?? -99))).toBeLessThan(3);

    await ui.page.locator("#tabs button", { hasText: "Evaluation report" }).click();
    await poll(() => ui.page.locator('#charts figure.chart[data-type="LINE"]').count()).toBeGreaterThan(0);
    await ui.screenshot("charts.png");
  });

  it("gives the Expenses sidebar the preview's date as today", { timeout: 60_000 }, async () => {
    await actAs(MIA);
    await openSidebar(/^Expenses$/);
    const date = sidebar().locator("#date");
    await date.waitFor();
    const today = emu()
      .now()
      .toLocaleDateString("sv-SE", { timeZone: process.env.TZ ?? "UTC" });
    await poll(() => date.inputValue()).toBe(today);
  });
});
