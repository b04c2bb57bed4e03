// The Settings tab as data: one row per setting key; values are checked by each setting's schema, and a bad or
// missing value falls back to the default with a problem that says where.
import * as z from "zod/mini";
import { asString } from "../../domain/builtins";
import { describeFound } from "../../domain/found";
import { t } from "../../domain/i18n";
import {
  defaultSettings,
  normalizeSettingValue,
  RIGHTS_KEYS,
  SETTING_SPECS,
  type Settings,
  withSetting,
} from "../../domain/settings";
import { columnIndex } from "./columns";
import type { SheetPort, SpreadsheetPort } from "./ports";
import { type RowProblem, rowProblem } from "./problems";
import { headerLabel, missingColumnProblems, type ReadContext } from "./records";
import { columns, type TabSpec } from "./spec";
import { findTab, readTable, type Table } from "./table";

export interface SettingsRead {
  readonly sheet: SheetPort | null;
  readonly settings: Settings;
  readonly problems: RowProblem[];
  /** Setting keys present in the tab (the rights rows too), with their rows. */
  readonly rows: ReadonlyMap<string, number>;
  readonly table: Table | null;
}

/** Reads settings from an already-read table (setup reads the tab once and uses it for both purposes). */
export function settingsFromTable(table: Table, locale: string, ctx: ReadContext): SettingsRead {
  const index = columnIndex(table.layout);
  const keyColumn = index.get("key");
  const valueColumn = index.get("value");
  let settings = defaultSettings(locale);
  const problems = missingColumnProblems(table, ctx);
  const rows = new Map<string, number>();
  if (keyColumn === undefined || valueColumn === undefined)
    return { sheet: table.sheet, settings, problems, rows, table };
  const valueSpec = SETTINGS_TAB.columns.find((c) => c.key === "value");
  // The first row of each setting and rights key counts; a setting's value is checked by its schema.
  for (const { row, cells } of table.rows) {
    const key = asString(cells[keyColumn - 1] ?? "").trim();
    const spec = SETTING_SPECS.find((s) => s.key === key);
    if (rows.has(key) || (!spec && !(RIGHTS_KEYS as readonly string[]).includes(key))) continue;
    rows.set(key, row);
    if (!spec) continue;
    const raw = cells[valueColumn - 1];
    const parsed = z.safeParse(spec.schema, normalizeSettingValue(spec.key, raw));
    if (parsed.success) {
      settings = withSetting(settings, spec.key, parsed.data);
    } else if (valueSpec) {
      const where = {
        tab: table.name,
        row,
        column: valueColumn,
        label: headerLabel(table, valueSpec, valueColumn, ctx.lang),
      };
      problems.push(
        rowProblem(ctx.lang, where, t(ctx.lang, "problem.setting", { key, found: describeFound(raw, ctx.lang) })),
      );
    }
  }
  return { sheet: table.sheet, settings, problems, rows, table };
}

export function readSettings(ss: SpreadsheetPort, locale: string, ctx: ReadContext): SettingsRead {
  const sheet = findTab(ss, SETTINGS_TAB);
  if (!sheet) return { sheet: null, settings: defaultSettings(locale), problems: [], rows: new Map(), table: null };
  return settingsFromTable(readTable(sheet, SETTINGS_TAB), locale, ctx);
}

/** One key/value row per setting; the add-on rewrites the rights rows from the document properties. */
export const SETTINGS_TAB: TabSpec = {
  key: "settings",
  name: "tab.settings",
  columns: columns("settings", [
    ["key", "text", 160, { required: true, plainText: true }],
    ["value", "any", 240],
    ["description", "text", 420],
  ]),
};
