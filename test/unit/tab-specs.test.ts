// Invariants of the tab specs that setup and the readers rely on.
import { describe, expect, it } from "vitest";
import { CAMPAIGN_STATUSES, CURRENCIES, statusFromText, statusLabel } from "../../src/domain/campaign";
import { CATALOG } from "../../src/domain/catalog";
import { LANGS } from "../../src/domain/i18n";
import { CAMPAIGNS_TAB } from "../../src/workbook/approvals/tabs";
import { normalizeLabel } from "../../src/workbook/shared/columns";
import { SETTINGS_TAB } from "../../src/workbook/shared/settings";
import { columnLetter, defaultLabels, numberFormatOf, tabNames } from "../../src/workbook/shared/spec";
import { TABS } from "../../src/workbook/tabs";
import { CAMPAIGN_KEYS } from "../campaigns-layout";

describe("tab specs", () => {
  it("have the agreed column keys", () => {
    expect(CAMPAIGNS_TAB.columns.map((c) => c.key)).toEqual(CAMPAIGN_KEYS);
    expect(SETTINGS_TAB.columns.map((c) => c.key)).toEqual(["key", "value", "description"]);
  });

  it.each(TABS.map((t) => [t.key, t] as const))("%s: keys are unique and machine-safe", (_key, tab) => {
    const keys = tab.columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z0-9_]*$/);
  });

  it.each(TABS.map((t) => [t.key, t] as const))("%s: labels are distinct in and across languages", (_key, tab) => {
    // The label fallback must never match two columns, whichever language a header is in.
    const all = tab.columns.flatMap((c) => [...new Set(defaultLabels(c).map(normalizeLabel))]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(TABS.map((t) => [t.key, t] as const))(
    "%s: every column has label and help in both languages",
    (_key, tab) => {
      for (const column of tab.columns) {
        for (const lang of LANGS) {
          expect(CATALOG[lang][column.label].length).toBeGreaterThan(0);
          expect(CATALOG[lang][column.help].length).toBeGreaterThan(3);
        }
        expect(column.width).toBeGreaterThanOrEqual(60);
        expect(column.width).toBeLessThanOrEqual(500);
      }
    },
  );

  it("tab names differ between tabs in every language", () => {
    const names = TABS.flatMap((t) => tabNames(t));
    expect(new Set(names).size).toBe(names.length);
    expect(tabNames(CAMPAIGNS_TAB)).toEqual(["Campaigns", "推广活动"]);
    expect(tabNames(SETTINGS_TAB)).toEqual(["Settings", "设置"]);
  });

  it("formats money and dates, keeps IDs as text", () => {
    const format = (key: string) => numberFormatOf(CAMPAIGNS_TAB.columns.find((c) => c.key === key)!);
    expect(format("budget")).toBe("#,##0.00");
    expect(format("start")).toBe("yyyy-mm-dd");
    expect(format("end")).toBe("yyyy-mm-dd");
    expect(format("id")).toBe("@");
    expect(format("name")).toBeNull();
  });

  it("offers every status in both languages, and reads them back", () => {
    const status = CAMPAIGNS_TAB.columns.find((c) => c.key === "status")!;
    for (const lang of LANGS) {
      const values = status.choice!.values(lang);
      expect(values).toHaveLength(CAMPAIGN_STATUSES.length);
      for (const [i, s] of CAMPAIGN_STATUSES.entries()) {
        expect(values[i]).toBe(statusLabel(s, lang));
        expect(statusFromText(values[i]!)).toBe(s);
      }
    }
    expect(statusFromText("  in progress ")).toBe("InProgress");
    expect(statusFromText("inprogress")).toBe("InProgress");
    expect(statusFromText("finished")).toBeNull();
  });

  it("offers currencies as ISO codes", () => {
    for (const c of CURRENCIES) expect(c).toMatch(/^[A-Z]{3}$/);
  });

  it("names columns by letter", () => {
    expect([1, 14, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "N", "Z", "AA", "AZ", "AAA"]);
  });
});
