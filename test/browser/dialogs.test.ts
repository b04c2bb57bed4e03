// A script's prompt and confirm in the preview, in a real Chromium: each is a modal dialog, the text typed and the
// button pressed reach the script, a second dialog follows the first, and nothing the stopped runs did is left
// behind (a small hand-written bundle, so the test does not depend on which dialogs the add-on shows).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { usePreviewInChromium } from "./harness";

describe("a script's prompt and confirm in the preview, in Chromium", () => {
  const ui = usePreviewInChromium({
    preview: { bundleDir: join(process.cwd(), "test", "browser", "fixtures", "dialogs") },
  });
  const { poll, clickMenu } = ui;
  const emu = () => ui.preview.emulator();
  /** The document properties, where the fixture counts the runs of its menu item that were kept. */
  const runs = () => emu().runtime.properties.toJSON();

  it("asks, confirms, and the answers reach the script", { timeout: 60_000 }, async () => {
    await ui.page.goto(ui.preview.url);
    await clickMenu(/Name the campaign/);
    await poll(() => ui.page.locator("#dialog").isVisible()).toBe(true);
    expect(await ui.page.locator("#dialog-title").textContent()).toBe("New campaign");
    expect(await ui.page.locator("#dialog-prompt").textContent()).toBe("Its name?");
    expect(await ui.page.locator("#dialog-buttons button").allTextContents()).toEqual(["OK", "Cancel"]);
    await ui.page.locator("#dialog-input").fill("Spring <b>sale</b>");
    await ui.page.locator('#dialog-buttons button[data-button="OK"]').click();

    // The confirm follows, with the text typed in the prompt.
    await poll(() => ui.page.locator("#dialog-title").textContent()).toBe("Please confirm");
    expect(await ui.page.locator("#dialog-prompt").textContent()).toBe("Create Spring <b>sale</b>?");
    expect(await ui.page.locator("#dialog-input").isHidden()).toBe(true);
    expect(await ui.page.locator("#dialog-buttons button").allTextContents()).toEqual(["Yes", "No"]);
    expect(emu().values(emu().spreadsheet.getSheets()[0]!.getName())[0]?.[0] ?? "").toBe("");
    await ui.screenshot("confirm-dialog.png");
    await ui.page.locator('#dialog-buttons button[data-button="YES"]').click();

    await poll(() => ui.page.locator("#dialog").isHidden()).toBe(true);
    const first = emu().spreadsheet.getSheets()[0]!.getName();
    expect(emu().values(first)[0]?.slice(0, 2)).toEqual(["Spring <b>sale</b>", "yes"]);
    expect(emu().ui.prompts.map((p) => p.answer)).toEqual([{ button: "OK", text: "Spring <b>sale</b>" }]);
    expect(emu().ui.alerts.map((a) => a.answer)).toEqual(["YES"]);
    // Three runs, one kept: the two stopped at a dialog left nothing behind.
    expect(JSON.stringify(runs())).toContain('"runs":"1"');
    await poll(() => ui.page.locator("#grid td", { hasText: "Spring <b>sale</b>" }).count()).toBe(1);
    expect(ui.alerts).toEqual([]);
  });

  it("closing a dialog answers CLOSE, and the script goes its own way", { timeout: 60_000 }, async () => {
    await clickMenu(/Name the campaign/);
    await poll(() => ui.page.locator("#dialog").isVisible()).toBe(true);
    await ui.page.locator("#dialog-close").click();
    await poll(() => ui.page.locator("#dialog").isHidden()).toBe(true);
    const first = emu().spreadsheet.getSheets()[0]!.getName();
    await poll(() => emu().values(first)[0]?.[0]).toBe("cancelled");
    expect(emu().ui.prompts.at(-1)?.answer).toEqual({ button: "CLOSE", text: "" });
    expect(JSON.stringify(runs())).toContain('"runs":"2"');
  });
});
