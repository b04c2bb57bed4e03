// The message catalog: every key is translated, both languages take the same parameters, and t() fills them in.
import { describe, expect, it } from "vitest";
import {
  CATALOG,
  LANGS,
  langOf,
  type MessageKey,
  placeholdersOf,
  t,
  tu,
  UI_CATALOG,
  type UiKey,
} from "../../src/domain/i18n";
import { WORKFLOW_MESSAGES } from "../../src/domain/workflow/messages";

const keys = Object.keys(CATALOG.en) as MessageKey[];
const uiKeys = Object.keys(UI_CATALOG.en) as UiKey[];

describe("message catalog", () => {
  it("has the same keys in English and Chinese", () => {
    expect(Object.keys(CATALOG.zh).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(50);
  });

  it.each(LANGS)("has a non-empty text for every key in %s", (lang) => {
    const empty = keys.filter((k) => CATALOG[lang][k].trim() === "");
    expect(empty).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const differing = keys.filter((k) => placeholdersOf(CATALOG.en[k]).join() !== placeholdersOf(CATALOG.zh[k]).join());
    expect(differing).toEqual([]);
  });

  it("really translates: Chinese texts contain Chinese characters", () => {
    // Codes and formats may stay as they are; words must not be left in English.
    const words = (text: string) => /[a-z]{3,}/i.test(text.replace(/\{\w+\}/g, ""));
    const sameAsEnglish = keys.filter((k) => CATALOG.zh[k] === CATALOG.en[k] && words(CATALOG.en[k]));
    expect(sameAsEnglish).toEqual([]);
  });

  it("has the sidebars' texts in both languages, with the same placeholders", () => {
    expect(Object.keys(UI_CATALOG.zh).sort()).toEqual([...uiKeys].sort());
    const differing = uiKeys.filter(
      (k) => placeholdersOf(UI_CATALOG.en[k]).join() !== placeholdersOf(UI_CATALOG.zh[k]).join(),
    );
    expect(differing).toEqual([]);
    expect(uiKeys.filter((k) => UI_CATALOG.zh[k].trim() === "")).toEqual([]);
  });

  it("is the one catalog: the workflow's messages are in it, and status labels exist once", () => {
    for (const key of Object.keys(WORKFLOW_MESSAGES) as (keyof typeof WORKFLOW_MESSAGES)[]) {
      expect(CATALOG.en[key]).toBe(WORKFLOW_MESSAGES[key].en);
      expect(CATALOG.zh[key]).toBe(WORKFLOW_MESSAGES[key].zh);
    }
    expect(keys.filter((k) => k.startsWith("status."))).toEqual([]);
  });

  it("uses the glossary's terms", () => {
    expect(t("zh", "tab.campaigns")).toBe("推广活动");
    expect(t("zh", "tab.settings")).toBe("设置");
    expect(t("zh", "col.campaigns.budget")).toBe("总预算");
    expect(t("zh", "variance.argument.planned")).toContain("计划");
  });
});

describe("t()", () => {
  it("fills every placeholder", () => {
    expect(tu("en", "sidebar.count", { count: 3 })).toBe("3 campaigns");
    expect(tu("zh", "sidebar.count", { count: 3 })).toBe("共 3 个推广活动");
    expect(t("en", "problem.duplicateId", { id: "C-1", row: 4 })).toBe("the ID “C-1” is already used in row 4");
  });

  it("returns messages without parameters as they are", () => {
    expect(t("en", "menu.setUp")).toBe("Set up workbook");
    expect(t("zh", "menu.campaigns")).toBe("我的推广活动");
  });

  it("does not interpret $ patterns in values", () => {
    expect(t("en", "found.text", { text: "$& $1" })).toBe("the text “$& $1”");
  });
});

describe("langOf()", () => {
  it.each([
    ["zh_CN", "zh"],
    ["zh-TW", "zh"],
    ["ZH", "zh"],
    ["en_US", "en"],
    ["en", "en"],
    ["de_DE", "en"],
    ["", "en"],
    [null, "en"],
    [undefined, "en"],
  ] as const)("%s -> %s", (locale, lang) => {
    expect(langOf(locale)).toBe(lang);
  });
});
