// The preview in Chinese, in a real Chromium: a zh_CN workbook shows the preview's own frame (toolbar, users and
// roles, buttons, menu bar, dialogs, notices) in Chinese, loads its demo data in Chinese, and draws Chinese as
// glyphs, not boxes (setup.sh installs a CJK font). A saved workbook in another language than --locale asks for
// says so, and offers a new workbook in that language.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Emulator } from "../emulator/index";
import { usePreviewInChromium } from "./harness";

const MIA = "mia.marketer@example.com";

describe("a Chinese workbook in the preview, in Chromium", () => {
  const ui = usePreviewInChromium({ preview: { locale: "zh_CN" }, step: { timeout: 20_000, interval: 100 } });
  const { poll, clickMenu, actAs } = ui;

  it("shows the preview's frame in Chinese", { timeout: 60_000 }, async () => {
    await ui.page.goto(ui.preview.url);
    await poll(() => ui.page.locator("#demo").textContent()).toBe("载入示例数据");
    expect(await ui.page.locator("#reset").textContent()).toBe("重置");
    expect(await ui.page.locator("#extensions-button").textContent()).toBe("扩展程序");
    expect(await ui.page.locator(".menubar .menu-dead").allTextContents()).toEqual([
      "文件",
      "修改",
      "查看",
      "插入",
      "格式",
      "数据",
      "帮助",
    ]);
    expect(await ui.page.locator(".controls label span").textContent()).toBe("当前用户");
    expect(await ui.page.locator("#user option").allTextContents()).toContain(`${MIA} · 市场人员`);
    expect(await ui.page.locator("#outbox-button").textContent()).toContain("发件箱");
    expect(await ui.page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    // An empty spreadsheet says what to do, in Chinese.
    expect(await ui.page.locator("#empty h2").textContent()).toBe("空白电子表格");
  });

  it("draws Chinese characters as glyphs, not as the boxes of a missing font", async () => {
    const distinct = await ui.page.evaluate(() => {
      const font = getComputedStyle(document.body).fontFamily;
      const draw = (text: string) => {
        const canvas = document.createElement("canvas");
        canvas.width = 40;
        canvas.height = 40;
        const ctx = canvas.getContext("2d")!;
        ctx.font = `28px ${font}`;
        ctx.fillText(text, 4, 32);
        return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(",");
      };
      // A private-use character has no glyph in any font: it is drawn as the missing-glyph box.
      const box = draw("\uE000");
      return ["载", "入", "审", "批"].map((c) => draw(c) !== box);
    });
    expect(distinct).toEqual([true, true, true, true]);
  });

  it("sets up and loads the demo data in Chinese", { timeout: 120_000 }, async () => {
    await clickMenu(/^设置工作簿$/);
    await poll(() => ui.page.locator("#tabs button").allTextContents()).toContain("推广活动");
    await ui.page.click("#demo");
    await poll(() => ui.page.locator("#toasts").textContent()).toContain("已载入示例数据：8 个推广活动。");
    const campaigns = ui.values("推广活动");
    const spring = campaigns.find((r) => r[0] === "CMP-2026-001") ?? [];
    expect(spring.slice(1, 7)).toEqual([
      "春季新品发布：极光耳机",
      MIA,
      "4 月 30 日前获得 2,000 份预订和 15,000 条有效线索",
      "一线城市 25-40 岁、每天使用流媒体的通勤人群",
      "社交媒体, 搜索, KOL",
      "发布短片、12 条短视频、落地页、3 篇达人测评",
    ]);
    // No demo text is left in English: only IDs, e-mails, codes and numbers are Latin.
    const english = (tab: string) =>
      ui.preview
        .emulator()
        .displayValues(tab)
        .slice(1)
        .flat()
        .filter((v) => /[A-Za-z]{3,}/.test(v) && !/@|^(CMP|EXP)-|^https?:|^[A-Z]{3}$|KOL|ROI|CPL|^[A-Z]\d/.test(v));
    for (const tab of ["推广活动", "执行任务", "预算", "费用", "监测指标"])
      expect([tab, english(tab)]).toEqual([tab, []]);
    await ui.page.locator("#tabs button", { hasText: "推广活动" }).click();
    await poll(() => ui.page.locator("#grid td", { hasText: "春季新品发布：极光耳机" }).count()).toBe(1);
    await ui.screenshot("chinese-campaigns.png");
  });

  it("shows a script's alert in Chinese, with Chinese buttons", { timeout: 60_000 }, async () => {
    await actAs("owner@example.com");
    await clickMenu(/^校验审批记录$/);
    await poll(() => ui.page.locator("#dialog").isVisible()).toBe(true);
    expect(await ui.page.locator("#dialog-title").textContent()).toBe("校验审批记录");
    expect(await ui.page.locator("#dialog-buttons button").allTextContents()).toEqual(["确定"]);
    await ui.screenshot("chinese-alert.png");
    await ui.page.locator("#dialog-buttons button").click();
    await poll(() => ui.page.locator("#dialog").isHidden()).toBe(true);
  });
});

describe("--locale that differs from the saved workbook, in Chromium", () => {
  // An English workbook saved by an earlier run; the preview starts again with --locale zh_CN.
  const stateFile = join(mkdtempSync(join(tmpdir(), "preview-locale-")), "state.json");
  const saved = Emulator.create({ locale: "en_US" });
  saved.install();
  writeFileSync(stateFile, JSON.stringify(saved.save()));
  const ui = usePreviewInChromium({ preview: { locale: "zh_CN", stateFile } });

  it("says so, and starts a Chinese workbook when asked", { timeout: 60_000 }, async () => {
    expect(ui.preview.localeMismatch()).toEqual({ saved: "en_US", asked: "zh_CN" });
    await ui.page.goto(ui.preview.url);
    const banner = ui.page.locator("#locale-banner");
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await ui.page.locator("#locale-text").textContent()).toBe(
      "This workbook was saved in English (en_US); --locale zh_CN applies to a new workbook. Start a new one in Simplified Chinese, or keep this one.",
    );
    await ui.screenshot("locale-mismatch.png");
    await ui.page.locator("#locale-switch").click();
    await expect.poll(() => ui.preview.emulator().spreadsheet.getSpreadsheetLocale()).toBe("zh_CN");
    await expect.poll(() => banner.isHidden()).toBe(true);
    await expect.poll(() => ui.page.locator("#demo").textContent()).toBe("载入示例数据");
    expect(ui.preview.localeMismatch()).toBeNull();
  });
});
