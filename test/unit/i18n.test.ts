// The message catalog: every key is translated, both languages take the same parameters, and t() fills them in.
import { afterEach, describe, expect, it } from "vitest";
import { budgetVariance, VarianceError } from "../../src/domain/budget";
import { CATALOG, UI_CATALOG } from "../../src/domain/catalog";
import {
  type Catalog,
  catalogIn,
  fill,
  installCatalogLoader,
  LANGS,
  type Lang,
  langOf,
  type MessageKey,
  placeholdersOf,
  t,
  tKey,
  type UiKey,
  valueOfLabel,
} from "../../src/domain/i18n";
import { MENU_CAPTIONS } from "../../src/domain/menu-captions";
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
    expect(fill(UI_CATALOG.en["sidebar.count"], { count: 3 })).toBe("3 campaigns");
    expect(fill(UI_CATALOG.zh["sidebar.count"], { count: 3 })).toBe("共 3 个推广活动");
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

describe("the catalog loader", () => {
  // Every other test file gets the source catalogs from test/catalog-from-source.ts; these install their own and put
  // that one back.
  const fromSource = (lang: Lang): Catalog => CATALOG[lang];
  afterEach(() => installCatalogLoader(fromSource));

  function counting(): Lang[] {
    const calls: Lang[] = [];
    installCatalogLoader((lang) => {
      calls.push(lang);
      return CATALOG[lang];
    });
    return calls;
  }

  it("loads nothing until a text is asked for, then each language once", () => {
    const calls = counting();
    expect(calls).toEqual([]);
    expect(t("en", "setup.title")).toBe("Campaign Control");
    expect(t("en", "problem.duplicateId", { id: "C-1", row: 2 })).toBe("the ID “C-1” is already used in row 2");
    expect(tKey("en", "rpc.busy")).toBe(CATALOG.en["rpc.busy"]);
    expect(calls).toEqual(["en"]);
    expect(t("zh", "tab.campaigns")).toBe("推广活动");
    expect(catalogIn("zh")["tab.settings"]).toBe("设置");
    expect(calls).toEqual(["en", "zh"]);
  });

  it("forgets what an earlier loader gave when another is installed", () => {
    counting();
    expect(t("en", "app.name")).toBe("Campaign Control");
    installCatalogLoader((lang) => ({ ...CATALOG[lang], "app.name": "Other" }));
    expect(t("en", "app.name")).toBe("Other");
  });

  it("reads a label back with the catalog of the language it looks like, and a blank cell with none", () => {
    const calls = counting();
    const states = ["Draft", "Ready"] as const;
    const key = (state: (typeof states)[number]) => `workflow.state.${state}` as const;
    expect(valueOfLabel("", states, key)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(valueOfLabel(CATALOG.zh["workflow.state.Ready"], states, key)).toBe("Ready");
    expect(calls).toEqual(["zh"]);
    expect(valueOfLabel(CATALOG.en["workflow.state.Draft"].toLowerCase(), states, key)).toBe("Draft");
    expect(calls).toEqual(["zh", "en"]);
    expect(valueOfLabel("no such state", states, key)).toBeUndefined();
  });

  it("words a custom function's domain error only when its message is read", () => {
    const calls = counting();
    let caught: unknown;
    try {
      budgetVariance("ten", 5, "en");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(VarianceError);
    expect(calls).toEqual([]);
    expect((caught as Error).message).toContain("“ten”");
    expect(calls).toEqual(["en"]);
  });

  it("takes a catalog that went through JSON, as the server's files do", () => {
    installCatalogLoader((lang) => JSON.parse(JSON.stringify(CATALOG[lang])) as Catalog);
    expect(t("zh", "rpc.notAdmin", { owner: "ann@example.com" })).toBe(
      fill(CATALOG.zh["rpc.notAdmin"], { owner: "ann@example.com" }),
    );
  });
});

describe("menu captions", () => {
  it("are in the catalog as they are in Code.js, in both languages", () => {
    for (const [key, text] of Object.entries(MENU_CAPTIONS)) {
      expect(CATALOG.en[key as MessageKey]).toBe(text.en);
      expect(CATALOG.zh[key as MessageKey]).toBe(text.zh);
    }
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
