// The preview in a real Chromium, as every browser test uses it: one preview server and one page per test file,
// started before the file's tests and closed after them, and the moves a person makes there (the add-on menu, the
// user picker, the sidebar, approving a request in "Approvals"). test/browser/chromium.ts launches the browser.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type PreviewOptions, type RunningPreview, startPreview } from "../../scripts/preview/server";
import { launchChromium } from "./chromium";

const SHOTS = join(process.cwd(), "test-results");

export interface HarnessOptions {
  /** The page's size: 1440 × 900 unless given. */
  readonly viewport?: { readonly width: number; readonly height: number };
  /** How long the helpers' polls wait for the page: expect.poll's defaults unless given. */
  readonly step?: { readonly timeout: number; readonly interval: number };
  /** How the preview starts (a locale, a saved workbook): a new English workbook in memory unless given. */
  readonly preview?: PreviewOptions;
}

export interface PreviewInChromium {
  readonly preview: RunningPreview;
  readonly page: Page;
  /** Every alert() the page opened (each is dismissed): markup in user text must never run. */
  readonly alerts: readonly string[];
  /** expect.poll with the harness's step. */
  poll<T>(fn: () => T | Promise<T>): ReturnType<typeof expect.poll<T>>;
  clickMenu(caption: RegExp): Promise<void>;
  /**
   * Clicks a menu item that shows a sidebar and waits until the frame holds that new sidebar: a sidebar already open
   * (the same one, say) would otherwise take the clicks meant for the new one while it loads.
   */
  openSidebar(caption: RegExp): Promise<void>;
  /** Signs in as someone else with the preview's user picker, and waits for the add-on menu to be built for them. */
  actAs(email: string): Promise<void>;
  sidebar(): FrameLocator;
  /** A tab's values as the emulated sheet holds them. */
  values(tab: string): unknown[][];
  /** Saves test-results/<name>: pictures of the flows, to look at, never compared. */
  screenshot(name: string): Promise<void>;
  /** Opens `who`'s Approvals with the campaign's request expanded; the sidebar it is in. */
  openRequest(who: string, campaign: string): Promise<FrameLocator>;
  /** Opens the campaign's request in `who`'s Approvals and approves it with a comment; waits for the new state. */
  approveAs(who: string, campaign: string, comment: string, state: string): Promise<void>;
}

/** Call inside a describe block: the hooks it registers start the preview and the page for that block. */
export function usePreviewInChromium(options: HarnessOptions = {}): PreviewInChromium {
  let running: { preview: RunningPreview; browser: Browser; page: Page } | null = null;
  const alerts: string[] = [];

  beforeAll(async () => {
    const preview = await startPreview({ ...options.preview, port: 0 });
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1440, height: 900 } });
    page.on("dialog", (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    mkdirSync(SHOTS, { recursive: true });
    running = { preview, browser, page };
  });

  afterAll(async () => {
    await running?.browser.close();
    await running?.preview.close();
  });

  const started = () => {
    if (!running) throw new Error("the preview is not running: use the harness inside a describe block");
    return running;
  };
  const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, options.step);
  const page = () => started().page;
  const sidebar = () => page().frameLocator("#sidebar-frame");

  const clickMenu = async (caption: RegExp) => {
    if (await page().locator("#extensions-popup").isHidden()) await page().click("#extensions-button");
    await page().locator("#addon-items .menu-item", { hasText: caption }).click();
  };

  const openSidebar = async (caption: RegExp) => {
    const frame = page().locator("#sidebar-frame");
    const before = await frame.getAttribute("src");
    await clickMenu(caption);
    // The frame may pass through no src at all (the old sidebar closed) before it gets the new one.
    let src: string | null = null;
    await poll(async () => {
      src = await frame.getAttribute("src");
      return src !== null && src !== before;
    }).toBe(true);
    await poll(() =>
      sidebar()
        .locator("body")
        .evaluate(() => location.pathname),
    ).toBe(src);
  };

  const actAs = async (email: string) => {
    await page().selectOption("#user", email);
    await poll(() => started().preview.emulator().user).toBe(email);
    await poll(() => page().locator("#addon-items .menu-item").count()).toBeGreaterThan(0);
  };

  const openRequest = async (who: string, campaign: string) => {
    await actAs(who);
    await openSidebar(/Approvals/);
    const bar = sidebar();
    const request = bar.locator(".request", { hasText: campaign });
    await request.waitFor();
    if ((await request.getAttribute("aria-expanded")) !== "true") await request.click();
    return bar;
  };

  return {
    get preview() {
      return started().preview;
    },
    get page() {
      return page();
    },
    alerts,
    poll,
    clickMenu,
    openSidebar,
    actAs,
    sidebar,
    values: (tab) => started().preview.emulator().values(tab),
    screenshot: async (name) => {
      await page().screenshot({ path: join(SHOTS, name) });
    },
    openRequest,
    approveAs: async (who, campaign, comment, state) => {
      const bar = await openRequest(who, campaign);
      const panel = bar.locator(".detail");
      await panel.locator("textarea[name=comment]").fill(comment);
      await panel.getByRole("button", { name: "Approve" }).click();
      await poll(() => bar.locator("#notice").textContent()).toContain(`The campaign is now: ${state}.`);
    },
  };
}
