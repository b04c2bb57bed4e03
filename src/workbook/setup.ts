// Installs or upgrades the add-on's tabs: reads each tab once, plans (shared/setup-plan.ts), then writes whole ranges. The caller
// holds the document lock. Data cells are never rewritten; Settings gains the rows of settings it lacks, and its
// rights rows (a projection of the roles kept in document properties) are rewritten when they differ.

import { asString, max } from "../domain/builtins";
import { EVALUATION_SETTING_ROWS } from "../domain/evaluation-settings";
import { catalogIn, type Lang, type MessageKey } from "../domain/i18n";
import { inertCell } from "../domain/inert";
import { defaultSettings, RIGHTS_KEYS, type RightsKey, SETTING_SPECS, type Settings } from "../domain/settings";
import { type ColumnMetadata, locateColumns } from "./shared/columns";
import {
  cachedColumns,
  cachedMetadataCount,
  cachedTab,
  refreshLayouts,
  setupStamp,
  type TabLayout,
} from "./shared/layouts";
import type {
  DataValidationPort,
  DeveloperMetadataPort,
  RangePort,
  SheetPort,
  SpreadsheetAppPort,
  SpreadsheetPort,
} from "./shared/ports";
import { SETTINGS_TAB, settingsFromTable } from "./shared/settings";
import {
  emptyTabState,
  isEmptyPlan,
  planTab,
  runs,
  type TabPlan,
  type TabState,
  tabSignature,
  trustedState,
  type ValidationState,
  type ValidationWant,
  validationWanted,
} from "./shared/setup-plan";
import { columnsToKeep, rowsToKeep, TRIM_SLACK_ROWS, trimColumns, trimRows } from "./shared/sizing";
import {
  COLUMN_METADATA_KEY,
  CURRENCY_CHOICE,
  columnLetter,
  PROTECTION_DESCRIPTION,
  TAB_METADATA_KEY,
  type TabKey,
  type TabSpec,
  tabName,
} from "./shared/spec";
import { type FoundTab, readColumnMetadata, scanForTab, tableFromValues } from "./shared/table";
import { TABS } from "./tabs";

/** The parts of SpreadsheetApp setup needs besides the document (validation builders, their enum, protections). */
export type ValidationApp = Pick<SpreadsheetAppPort, "newDataValidation" | "DataValidationCriteria" | "ProtectionType">;

export interface SetupContext {
  /** Language of tab names, labels, help and dropdowns: the spreadsheet's. */
  readonly lang: Lang;
  readonly locale: string;
  /**
   * What the rights rows of Settings show (from the roles in document properties), with limits in the given
   * currency (the one Settings holds); asked only for Settings.
   */
  readonly rights: (currency: string) => { readonly [K in RightsKey]: string };
}

export interface TabReport {
  readonly tab: TabKey;
  readonly created: boolean;
  /** Rows and columns removed from the tab's grid (empty ones beyond its spare rows and column). */
  readonly trimmed: boolean;
  /** Whether the tab was looked at in full (no stamp, or a changed one), not just checked (see setup-plan.ts). */
  readonly full: boolean;
  readonly columnsAdded: number;
  readonly settingsAdded: number;
  readonly changed: boolean;
  /** Settings tab only: what it held before setup. */
  readonly settings: Settings | null;
  /** Descriptions of protections of this tab that the add-on did not create and therefore left alone. */
  readonly foreignProtections?: readonly string[];
  /** The tab's name, read only when there is something to say about it (foreign protections). */
  readonly name?: string;
}

export interface SetupReport {
  readonly tabs: readonly TabReport[];
  readonly changed: boolean;
  /** The settings as the Settings tab held them before setup (defaults where a row was missing). */
  readonly settings: Settings;
}

/** A free tab name: the localized name, else "<name> – Campaign Control", else numbered. */
function freeName(ss: SpreadsheetPort, tab: TabSpec, lang: Lang): string {
  const base = tabName(tab, lang);
  const withApp = `${base} – ${catalogIn(lang)["app.name"]}`;
  if (ss.getSheetByName(base) === null) return base;
  if (ss.getSheetByName(withApp) === null) return withApp;
  for (let i = 2; ; i++) if (ss.getSheetByName(`${withApp} (${i})`) === null) return `${withApp} (${i})`;
}

function isBlankCell(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

function usedWidth(values: unknown[][]): number {
  let width = 0;
  for (const row of values) {
    for (let c = row.length; c > width; c--) {
      if (!isBlankCell(row[c - 1])) {
        width = c;
        break;
      }
    }
  }
  return width;
}

function usedHeight(values: unknown[][]): number {
  for (let r = values.length; r > 0; r--) if ((values[r - 1] ?? []).some((v) => !isBlankCell(v))) return r;
  return 0;
}

function criteriaName(app: ValidationApp, type: unknown): string {
  const criteria = app.DataValidationCriteria;
  // Compared as text: an enum value that is the same object is the same text too.
  const name = (Object.keys(criteria) as (keyof typeof criteria)[]).find(
    (n) => asString(criteria[n]) === asString(type),
  );
  return name ?? asString(type);
}

function validationState(app: ValidationApp, v: DataValidationPort | null | undefined): ValidationState | null {
  if (!v) return null;
  return {
    type: criteriaName(app, v.getCriteriaType()),
    values: v.getCriteriaValues(),
    allowInvalid: v.getAllowInvalid(),
    help: v.getHelpText(),
  };
}

interface ReadTab {
  readonly state: TabState;
  readonly values: unknown[][];
  readonly height: number;
  readonly maxRows: number;
  /**
   * Whether the tab was looked at in full (no stamp, or a changed one), not just checked (see setup-plan.ts); only
   * then is the grid's column count read, so a checked tab is not trimmed by columns.
   */
  readonly full: boolean;
  /**
   * Whether `values` hold every row (height and maxRows are then known); a checked tab other than Settings reads its
   * header row only, so a re-run moves a few hundred cells, not the whole workbook, and trims no rows.
   */
  readonly rowsKnown: boolean;
}

/** What a tab holds: one getDataRange().getValues(), and its column metadata (cached while the header vouches). */
function readValues(
  sheet: SheetPort,
  tab: TabSpec,
  trusted: boolean,
): { values: unknown[][]; metadata: ColumnMetadata[]; cached: boolean } {
  const values = sheet.getDataRange().getValues();
  const cached = trusted ? cachedColumns(sheet, tab, values[0] ?? []) : null;
  return cached
    ? { values, metadata: cached, cached: true }
    : { values, metadata: readColumnMetadata(sheet), cached: false };
}

/** Everything setup needs from an existing tab in full: the header row's notes and style, row 2's rules. */
function readTabState(
  app: ValidationApp,
  sheet: SheetPort,
  tab: TabSpec,
  hasTabMetadata: boolean,
  values: unknown[][],
  metadata: readonly ColumnMetadata[],
): ReadTab {
  const width = usedWidth(values);
  const height = usedHeight(values);
  const maxRows = sheet.getMaxRows();
  const header = (values[0] ?? []).slice(0, width);
  let notes: string[] = [];
  let weights: string[] = [];
  let backgrounds: string[] = [];
  let validations: (ValidationState | null)[] = [];
  let formats: string[] = [];
  if (width > 0) {
    const headerRange = sheet.getRange(1, 1, 1, width);
    notes = headerRange.getNotes()[0] ?? [];
    weights = headerRange.getFontWeights()[0] ?? [];
    backgrounds = headerRange.getBackgrounds()[0] ?? [];
    if (maxRows >= 2) {
      const firstDataRow = sheet.getRange(2, 1, 1, width);
      const rules = firstDataRow.getDataValidations()[0] ?? [];
      formats = firstDataRow.getNumberFormats()[0] ?? [];
      // Only the columns we validate are inspected: each inspection is a few service calls.
      const validated = new Set(
        locateColumns(tab, header, metadata)
          .located.filter((l) => validationWanted(l.spec, "en") !== null)
          .map((l) => l.column),
      );
      validations = rules.map((rule, i) => (validated.has(i + 1) ? validationState(app, rule) : null));
    }
  }
  const state: TabState = {
    header,
    width,
    metadata,
    hasTabMetadata,
    notes,
    weights,
    backgrounds,
    validations,
    formats,
    frozenRows: sheet.getFrozenRows(),
    maxColumns: sheet.getMaxColumns(),
  };
  return { state, values, height, maxRows, full: true, rowsKnown: true };
}

/**
 * A tab whose stamp matches: the grid's height and, when the tab has dropdowns, whether row 2 still holds them
 * (one read of its rules, no inspection of each); the rest is as the stamped run left it (trustedState).
 */
function checkTabState(
  sheet: SheetPort,
  tab: TabSpec,
  lang: Lang,
  values: unknown[][],
  metadata: readonly ColumnMetadata[],
  rowsKnown: boolean,
): ReadTab {
  const width = usedWidth(values);
  const height = usedHeight(values);
  // Sheets keeps at least one row below a frozen header, and setup froze it: row 2 exists.
  const maxRows = rowsKnown ? sheet.getMaxRows() : max(2, values.length);
  const header = (values[0] ?? []).slice(0, width);
  let hasRule: boolean[] = [];
  const validated = tab.columns.some((spec) => validationWanted(spec, lang) !== null);
  if (validated && width > 0) {
    hasRule = (sheet.getRange(2, 1, 1, width).getDataValidations()[0] ?? []).map((rule) => rule !== null);
  }
  const state = trustedState(tab, lang, { header, width, metadata, maxColumns: width, hasRule });
  return { state, values, height, maxRows, full: false, rowsKnown };
}

function buildValidation(app: ValidationApp, want: ValidationWant): DataValidationPort {
  const builder = app.newDataValidation();
  const rule =
    want.type === "VALUE_IN_LIST"
      ? builder.requireValueInList([...want.list], true)
      : want.type === "DATE_IS_VALID_DATE"
        ? builder.requireDate()
        : builder.requireNumberGreaterThanOrEqualTo(want.min);
  return rule.setAllowInvalid(want.allowInvalid).setHelpText(want.help).build();
}

/** Writes a plan: every write is one range (a run of adjacent header cells, or a whole column below the header). */
function applyPlan(app: ValidationApp, sheet: SheetPort, tab: TabKey, plan: TabPlan, read: ReadTab): number {
  const { maxColumns } = read.state;
  const { maxRows } = read;
  if (plan.insertColumns > 0) sheet.insertColumnsAfter(maxColumns, plan.insertColumns);
  let rows = maxRows;
  if (rows < 2 && (plan.validations.length > 0 || plan.formats.length > 0)) {
    sheet.insertRowsAfter(rows, 2 - rows);
    rows = 2;
  }
  /** One write per run of adjacent header cells. */
  const header = (changes: ReadonlyMap<number, string>, set: (range: RangePort, row: string[]) => unknown) => {
    for (const run of runs(changes)) set(sheet.getRange(1, run.column, 1, run.values.length), run.values);
  };
  header(plan.labels, (range, labels) => range.setValues([labels.map(inertCell)]));
  for (const { column, key } of plan.metadata) {
    const letter = columnLetter(column);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(COLUMN_METADATA_KEY, key);
  }
  if (plan.tabMetadata) sheet.getRange("1:1").addDeveloperMetadata(TAB_METADATA_KEY, tab);
  header(plan.notes, (range, notes) => range.setNotes([notes]));
  header(plan.weights, (range, weights) => range.setFontWeights([weights]));
  header(plan.backgrounds, (range, backgrounds) => range.setBackgrounds([backgrounds]));
  if (plan.freeze) sheet.setFrozenRows(1);
  for (const { column, format } of plan.formats) sheet.getRange(2, column, rows - 1, 1).setNumberFormat(format);
  for (const { column, want } of plan.validations) {
    sheet.getRange(2, column, rows - 1, 1).setDataValidation(buildValidation(app, want));
  }
  for (const { column, width } of plan.widths) sheet.setColumnWidth(column, width);
  return rows;
}

/**
 * Settings rows the tab lacks, appended below the last used row in one write; and the rights rows it has, rewritten
 * where they no longer show the roles (one write per run of adjacent rows).
 */
function syncSettings(
  sheet: SheetPort,
  plan: TabPlan,
  values: unknown[][],
  height: number,
  ctx: SetupContext,
  maxRows: number,
): { added: number; rewritten: number; maxRows: number } {
  const position = new Map(plan.columns.map((c) => [c.spec.key, c]));
  const keyColumn = position.get("key");
  const valueColumn = position.get("value");
  const descriptionColumn = position.get("description");
  if (!keyColumn || !valueColumn || !descriptionColumn) return { added: 0, rewritten: 0, maxRows };
  const present = new Map<string, number>();
  if (!keyColumn.isNew) {
    for (let r = height - 1; r >= 1; r--) present.set(asString(values[r]?.[keyColumn.column - 1] ?? "").trim(), r + 1);
  }
  const currencyRow = present.get("currency");
  const currencyCell =
    currencyRow === undefined ? "" : asString(values[currencyRow - 1]?.[valueColumn.column - 1] ?? "");
  const rights = ctx.rights(CURRENCY_CHOICE.parse(currencyCell) ?? defaultSettings(ctx.locale).currency);
  const stale = new Map<number, string>();
  for (const key of RIGHTS_KEYS) {
    const row = present.get(key);
    if (row !== undefined && values[row - 1]?.[valueColumn.column - 1] !== rights[key]) stale.set(row, rights[key]);
  }
  for (const run of runs(stale)) {
    sheet
      .getRange(run.column, valueColumn.column, run.values.length, 1)
      .setValues(run.values.map((v) => [inertCell(v)]));
  }
  // Every row Settings has, as [key, initial value, description]: the settings, the evaluation's, the rights rows.
  const rows: [string, unknown, MessageKey][] = [
    ...SETTING_SPECS.map((s): [string, unknown, MessageKey] => [
      s.key,
      s.initial({ locale: ctx.locale }),
      s.description,
    ]),
    ...EVALUATION_SETTING_ROWS.map((s): [string, unknown, MessageKey] => [s.key, s.initial, s.description]),
    ...RIGHTS_KEYS.map((key): [string, unknown, MessageKey] => [key, rights[key], `setting.${key}`]),
  ];
  const missing = rows.filter(([key]) => !present.has(key));
  if (missing.length === 0) return { added: 0, rewritten: stale.size, maxRows };
  const block = missing.map(([key, value, description]) => {
    const row: unknown[] = new Array(plan.width).fill("");
    row[keyColumn.column - 1] = inertCell(key);
    // A default is the add-on's own constant, written as a person would type it ("FALSE", "0.9" are meant as
    // values); the rights rows carry e-mail addresses, which stay text.
    row[valueColumn.column - 1] = (RIGHTS_KEYS as readonly string[]).includes(key) ? inertCell(value) : value;
    row[descriptionColumn.column - 1] = inertCell(catalogIn(ctx.lang)[description]);
    return row;
  });
  const first = max(height, 1) + 1;
  const last = first + block.length - 1;
  if (last > maxRows) sheet.insertRowsAfter(maxRows, last - maxRows);
  sheet.getRange(first, 1, block.length, plan.width).setValues(block);
  return { added: missing.length, rewritten: stale.size, maxRows: max(maxRows, last) };
}

/**
 * Warning-only protections: the whole tab of an append-only tab (the approval log, notifications), and each
 * projected column (Status). Warning-only because the add-on writes as the user who acts, and Sheets cannot let a
 * script do what its user may not; a hand edit of the log is found by its hash chain, a hand edit of a status is
 * rewritten. Existing protections carrying our description are kept as they are.
 */
function ensureProtections(
  app: ValidationApp,
  sheet: SheetPort,
  tab: TabSpec,
  plan: TabPlan,
): { changed: boolean; foreign: string[] } {
  const projected = plan.columns.filter((c) => c.spec.projected);
  let changed = false;
  let foreign: string[] = [];
  if (tab.appendOnly) {
    // `Sheet.protect()` returns the existing protection when there is one, so calling it on a tab an admin protected
    // (say a strict "Owner lock") and then setting our description and warning mode would weaken theirs: the tab is
    // protected only when it has no sheet protection at all, and a foreign one is reported instead.
    const descriptions = sheet.getProtections(app.ProtectionType.SHEET).map((p) => p.getDescription());
    foreign = descriptions.filter((d) => d !== PROTECTION_DESCRIPTION);
    if (descriptions.length === 0) {
      sheet.protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
      changed = true;
    }
  }
  if (projected.length > 0) {
    const covered = new Set(
      sheet
        .getProtections(app.ProtectionType.RANGE)
        .filter((p) => p.getDescription() === PROTECTION_DESCRIPTION)
        .map((p) => p.getRange().getColumn()),
    );
    for (const { column } of projected) {
      if (covered.has(column)) continue;
      const letter = columnLetter(column);
      sheet.getRange(`${letter}:${letter}`).protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
      changed = true;
    }
  }
  return { changed, foreign };
}

/** The header row and column metadata as setup leaves them: what it read, with the labels and metadata it wrote. */
function layoutAfter(tab: TabSpec, sheet: SheetPort, read: ReadTab, plan: TabPlan): TabLayout {
  const header: unknown[] = [...(read.values[0] ?? [])];
  for (const [column, text] of plan.labels) header[column - 1] = text;
  const added = plan.metadata.map(({ column, key }): ColumnMetadata => ({ column, value: key }));
  return { tab, sheet, header, metadata: [...read.state.metadata, ...added] };
}

/**
 * Trims the grid to the tab's columns and rows (sizing.ts): on creation, and on an upgraded tab that holds far more
 * empty rows than its spare ones. Only empty rows and columns go: the kept size counts every used cell.
 */
function trimTab(
  sheet: SheetPort,
  tab: TabSpec,
  plan: TabPlan,
  read: ReadTab,
  size: { readonly usedRows: number; readonly maxRows: number },
  created: boolean,
): boolean {
  let trimmed =
    read.rowsKnown && trimRows(sheet, rowsToKeep(tab.key, size.usedRows), size.maxRows, created ? 0 : TRIM_SLACK_ROWS);
  if (read.full) {
    const maxColumns = max(read.state.maxColumns, plan.width);
    trimmed = trimColumns(sheet, columnsToKeep(tab.key, max(plan.width, read.state.width)), maxColumns) || trimmed;
  }
  return trimmed;
}

function setUpTab(
  ss: SpreadsheetPort,
  app: ValidationApp,
  tab: TabSpec,
  ctx: SetupContext,
  trusted: boolean,
): { report: TabReport; layout: TabLayout } {
  const signature = tabSignature(tab, ctx.lang);
  // The sheet the layout cache names (one call) is the tab's own: only setup moves tab metadata, and sheet ids are
  // never reused. Otherwise the metadata itself is scanned: setup is what adds and re-attaches it.
  const cachedSheet = trusted ? cachedTab(ss, tab) : null;
  let found: FoundTab | null = cachedSheet ? { sheet: cachedSheet, byMetadata: true } : scanForTab(ss, tab);
  let read: ReadTab | null = null;
  if (found) {
    // A tab stamped by an earlier run is checked from its header row alone (Settings, whose rows setup keeps, whole).
    const quick = cachedSheet !== null && setupStamp(found.sheet, tab) === signature && tab.key !== SETTINGS_TAB.key;
    const header = quick ? found.sheet.getRange("1:1").getValues() : null;
    const headerMetadata = header && cachedColumns(found.sheet, tab, header[0] ?? []);
    if (header && headerMetadata) {
      read = checkTabState(found.sheet, tab, ctx.lang, header, headerMetadata, false);
    } else {
      const { values, metadata, cached } = readValues(found.sheet, tab, trusted);
      const stamped = cached && found.byMetadata && setupStamp(found.sheet, tab) === signature;
      read = stamped
        ? checkTabState(found.sheet, tab, ctx.lang, values, metadata, true)
        : readTabState(app, found.sheet, tab, found.byMetadata, values, metadata);
    }
    // A tab found by name only is adopted when it is empty or already has our required columns (a hand-made
    // Campaigns list with ID and Name); someone else's "Settings" tab is left alone and ours is created next to it.
    const { missing } = locateColumns(tab, read.state.header, read.state.metadata);
    const ours = read.state.width === 0 || !missing.some((spec) => spec.required);
    if (!found.byMetadata && !ours) {
      found = null;
      read = null;
    }
  }
  const created = found === null;
  const sheet = found ? found.sheet : ss.insertSheet(freeName(ss, tab, ctx.lang));
  if (!read) {
    const maxColumns = sheet.getMaxColumns();
    read = {
      state: emptyTabState(maxColumns),
      values: [],
      height: 0,
      maxRows: sheet.getMaxRows(),
      full: true,
      rowsKnown: true,
    };
  }
  const plan = planTab(tab, read.state, ctx.lang);
  const rows = applyPlan(app, sheet, tab.key, plan, read);
  const { changed: protectedNow, foreign: foreignProtections } = ensureProtections(app, sheet, tab, plan);
  const synced =
    tab.key === SETTINGS_TAB.key
      ? syncSettings(sheet, plan, read.values, read.height, ctx, rows)
      : { added: 0, rewritten: 0, maxRows: rows };
  const settingsAdded = synced.added;
  const usedRows = settingsAdded > 0 ? max(read.height, 1) + settingsAdded : read.height;
  const trimmed = trimTab(sheet, tab, plan, read, { usedRows, maxRows: synced.maxRows }, created);
  const settings =
    tab.key === SETTINGS_TAB.key && !created
      ? settingsFromTable(tableFromValues(sheet, tab, read.values, read.state.metadata), ctx.locale, {
          lang: ctx.lang,
          formatDate: () => "",
        }).settings
      : null;
  const report = {
    settings,
    tab: tab.key,
    created,
    trimmed,
    full: read.full,
    columnsAdded: plan.columns.filter((c) => c.isNew).length,
    settingsAdded,
    changed: created || !isEmptyPlan(plan) || settingsAdded > 0 || synced.rewritten > 0 || protectedNow || trimmed,
    ...(foreignProtections.length > 0 ? { foreignProtections, name: sheet.getName() } : {}),
  };
  return { report, layout: { ...layoutAfter(tab, sheet, read, plan), setup: signature } };
}

/**
 * Whether the cached layouts may stand for the metadata: the document holds exactly as many column and tab metadata
 * entries as they name (two finder calls each, whatever the number of tabs and columns). A script that removed or
 * added metadata changes a count; then every tab's metadata is scanned, as before the cache.
 */
function layoutsMatchMetadata(ss: SpreadsheetPort): boolean {
  const expected = cachedMetadataCount(TABS);
  if (!expected) return false;
  const count = (key: string) => ss.createDeveloperMetadataFinder().withKey(key).find().length;
  return count(TAB_METADATA_KEY) === expected.tabs && count(COLUMN_METADATA_KEY) === expected.columns;
}

/**
 * Developer metadata on the Settings tab's first row naming the document setup ran in: a copy of the workbook keeps
 * it (File › Make a copy copies the file's metadata), so Start new period in the copy knows which workbook it came
 * from (server/admin/period.ts).
 */
const DOCUMENT_METADATA_KEY = "campaign-control.document";

/** The developer metadata that records a workbook's id (one finder call). */
export function documentMarkers(ss: SpreadsheetPort): DeveloperMetadataPort[] {
  return ss.createDeveloperMetadataFinder().withKey(DOCUMENT_METADATA_KEY).find();
}

/** Records the document's id when no workbook id is recorded yet (looked for only when a tab was looked at in full). */
function recordDocument(ss: SpreadsheetPort, settings: SheetPort | undefined): void {
  if (!settings || documentMarkers(ss).length > 0) return;
  settings.getRange("1:1").addDeveloperMetadata(DOCUMENT_METADATA_KEY, ss.getId());
}

/** Sets up every tab; safe to run any number of times. */
export function setUpWorkbook(ss: SpreadsheetPort, app: ValidationApp, ctx: SetupContext): SetupReport {
  const trusted = layoutsMatchMetadata(ss);
  const done = TABS.map((tab) => setUpTab(ss, app, tab, ctx, trusted));
  // Every tab now carries its metadata where setup put it: the cached layouts say so, so reads need no scan.
  refreshLayouts(done.map((d) => d.layout));
  const tabs = done.map((d) => d.report);
  if (tabs.some((r) => r.full)) recordDocument(ss, done.find((d) => d.report.tab === SETTINGS_TAB.key)?.layout.sheet);
  // A new workbook opens on its Campaigns tab; a re-run leaves the user where they are.
  const campaigns = done.find((d) => d.report.tab === "campaigns");
  if (campaigns?.report.created) campaigns.layout.sheet.activate();
  const settings = tabs.find((r) => r.settings !== null)?.settings ?? defaultSettings(ctx.locale);
  // Only a run that created tabs can follow a new spreadsheet's empty first tab: a re-run looks at no other tab.
  const removed = tabs.some((r) => r.created) && removeEmptyDefaultSheet(ss);
  return { tabs, changed: tabs.some((r) => r.changed) || removed, settings };
}

/** The names Sheets gives the first tab of a new spreadsheet, in the languages the add-on speaks. */
const DEFAULT_SHEET_NAMES: ReadonlySet<string> = new Set(["Sheet1", "工作表1"]);

/**
 * A new spreadsheet's first tab ("Sheet1", "工作表1") is left over once setup has installed the real tabs. It is
 * removed only while nobody has used it: still its default name and without a single value, and never one of ours.
 */
function removeEmptyDefaultSheet(ss: SpreadsheetPort): boolean {
  const sheets = ss.getSheets();
  if (sheets.length < 2) return false;
  // None of the add-on's tab names is a default name, in any language it speaks.
  const leftover = sheets.find((s) => DEFAULT_SHEET_NAMES.has(s.getName()));
  if (leftover?.getLastRow() !== 0 || leftover.getLastColumn() !== 0) return false;
  ss.deleteSheet(leftover);
  return true;
}
