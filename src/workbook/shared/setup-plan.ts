// What setup must change in one tab, decided from what the tab holds now: a pure function, so the rules (what setup
// owns, what it leaves to the user) are tested without a spreadsheet, and a second run plans nothing.
//
// Setup OWNS, and makes right on every run: each column's metadata, header note (help text), header style, data
// validation and number format, the frozen header row, and missing columns (appended after the last used column,
// so nothing a user placed moves). Setup LEAVES TO THE USER: a header label the user changed (a label is only
// rewritten while it is blank or still one of our default labels, in any language, so a workbook switched to
// Chinese gets Chinese labels but "Budget (EUR)" typed by a user stays), column widths after the column was created,
// column order, and every data cell.

import { asNumber, asString, isArray, max, stringify } from "../../domain/builtins";
import { catalogIn, type Lang, t } from "../../domain/i18n";
import { type ColumnMetadata, isDefaultOrBlankLabel, locateColumns } from "./columns";
import { type ColumnSpec, HEADER_BACKGROUND, HEADER_FONT_WEIGHT, label, numberFormatOf, type TabSpec } from "./spec";

/** A data validation as read from a cell, with its criteria type by name. */
export interface ValidationState {
  readonly type: string;
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly help: string | null;
}

export type ValidationWant =
  | {
      readonly type: "VALUE_IN_LIST";
      readonly list: readonly string[];
      readonly allowInvalid: boolean;
      readonly help: string;
    }
  | { readonly type: "DATE_IS_VALID_DATE"; readonly allowInvalid: boolean; readonly help: string }
  | {
      readonly type: "NUMBER_GREATER_THAN_OR_EQUAL_TO";
      readonly min: number;
      readonly allowInvalid: boolean;
      readonly help: string;
    };

/** What setup reads of a tab before deciding (arrays are per column, 1..width, index 0 = column 1). */
export interface TabState {
  readonly header: readonly unknown[];
  /** Last used column (0 for an empty tab). */
  readonly width: number;
  readonly metadata: readonly ColumnMetadata[];
  readonly hasTabMetadata: boolean;
  readonly notes: readonly string[];
  readonly weights: readonly string[];
  readonly backgrounds: readonly string[];
  /** Row 2, the first data row: it stands for the column (setup writes whole columns, so they agree). */
  readonly validations: readonly (ValidationState | null)[];
  readonly formats: readonly string[];
  readonly frozenRows: number;
  readonly maxColumns: number;
}

export interface PlannedColumn {
  readonly spec: ColumnSpec;
  readonly column: number;
  readonly isNew: boolean;
}

export interface TabPlan {
  readonly columns: readonly PlannedColumn[];
  /** Last used column after setup. */
  readonly width: number;
  readonly insertColumns: number;
  readonly labels: ReadonlyMap<number, string>;
  readonly metadata: readonly { column: number; key: string }[];
  readonly tabMetadata: boolean;
  readonly notes: ReadonlyMap<number, string>;
  readonly weights: ReadonlyMap<number, string>;
  readonly backgrounds: ReadonlyMap<number, string>;
  readonly validations: readonly { column: number; want: ValidationWant }[];
  readonly formats: readonly { column: number; format: string }[];
  readonly widths: readonly { column: number; width: number }[];
  readonly freeze: boolean;
}

export function validationWanted(spec: ColumnSpec, lang: Lang): ValidationWant | null {
  if (spec.kind === "choice" && spec.choice) {
    // Currency allows other ISO codes typed by hand (the list offers the common ones), so it only warns.
    const allowInvalid = spec.choice.blank === null;
    return { type: "VALUE_IN_LIST", list: spec.choice.values(lang), allowInvalid, help: t(lang, "validation.list") };
  }
  if (spec.kind === "date")
    return { type: "DATE_IS_VALID_DATE", allowInvalid: false, help: t(lang, "validation.date") };
  if (spec.kind === "money") {
    // A signed column still takes only numbers: its floor is the largest amount the ledger reads (10^13), negated.
    const help = t(lang, spec.signed ? "validation.signedMoney" : "validation.money");
    return { type: "NUMBER_GREATER_THAN_OR_EQUAL_TO", min: spec.signed ? -1e13 : 0, allowInvalid: false, help };
  }
  return null;
}

function sameList(a: unknown, b: readonly string[]): boolean {
  return isArray(a) && a.length === b.length && a.every((v, i) => asString(v) === b[i]);
}

export function validationMatches(state: ValidationState | null | undefined, want: ValidationWant): boolean {
  if (!state || state.type !== want.type) return false;
  if (state.allowInvalid !== want.allowInvalid || (state.help ?? "") !== want.help) return false;
  if (want.type === "VALUE_IN_LIST") return sameList(state.values[0], want.list);
  return want.type === "DATE_IS_VALID_DATE" || asNumber(state.values[0]) === want.min;
}

export function emptyTabState(maxColumns: number): TabState {
  return {
    header: [],
    width: 0,
    metadata: [],
    hasTabMetadata: false,
    notes: [],
    weights: [],
    backgrounds: [],
    validations: [],
    formats: [],
    frozenRows: 0,
    maxColumns,
  };
}

export function planTab(tab: TabSpec, state: TabState, lang: Lang): TabPlan {
  const layout = locateColumns(tab, state.header, state.metadata);
  const columns: PlannedColumn[] = layout.located.map((l) => ({ spec: l.spec, column: l.column, isNew: false }));
  let width = state.width;
  for (const spec of layout.missing) {
    width += 1;
    columns.push({ spec, column: width, isNew: true });
  }
  columns.sort((a, b) => a.column - b.column);

  const labels = new Map<number, string>();
  const notes = new Map<number, string>();
  const weights = new Map<number, string>();
  const backgrounds = new Map<number, string>();
  const metadata: { column: number; key: string }[] = [];
  const validations: { column: number; want: ValidationWant }[] = [];
  const formats: { column: number; format: string }[] = [];
  const widths: { column: number; width: number }[] = [];

  for (const { spec, column, isNew } of columns) {
    const i = column - 1;
    const wantedLabel = label(spec, lang);
    const current = isNew ? "" : state.header[i];
    if (isDefaultOrBlankLabel(spec, current) && current !== wantedLabel) labels.set(column, wantedLabel);

    const byMetadata = layout.located.some((l) => l.spec.key === spec.key && l.by === "metadata");
    if (!byMetadata) metadata.push({ column, key: spec.key });

    const help = catalogIn(lang)[spec.help];
    if (isNew || (state.notes[i] ?? "") !== help) notes.set(column, help);
    if (isNew || (state.weights[i] ?? "") !== HEADER_FONT_WEIGHT) weights.set(column, HEADER_FONT_WEIGHT);
    if (isNew || (state.backgrounds[i] ?? "").toLowerCase() !== HEADER_BACKGROUND)
      backgrounds.set(column, HEADER_BACKGROUND);

    const want = validationWanted(spec, lang);
    if (want && (isNew || !validationMatches(state.validations[i], want))) validations.push({ column, want });

    const format = numberFormatOf(spec);
    if (format && (isNew || state.formats[i] !== format)) formats.push({ column, format });

    if (isNew) widths.push({ column, width: spec.width });
  }

  return {
    columns,
    width,
    insertColumns: max(0, width - state.maxColumns),
    labels,
    metadata,
    tabMetadata: !state.hasTabMetadata,
    notes,
    weights,
    backgrounds,
    validations,
    formats,
    widths,
    freeze: state.frozenRows < 1,
  };
}

/** True when the plan changes nothing (a second run of setup). */
export function isEmptyPlan(plan: TabPlan): boolean {
  const cells = [plan.labels, plan.notes, plan.weights, plan.backgrounds];
  const columns = [plan.metadata, plan.validations, plan.formats, plan.widths];
  return (
    plan.insertColumns === 0 &&
    !plan.tabMetadata &&
    !plan.freeze &&
    cells.every((changes) => changes.size === 0) &&
    columns.every((changes) => changes.length === 0)
  );
}

/** Groups changed cells of one row into runs of adjacent columns, so each run is one range write. */
export function runs<T>(changes: ReadonlyMap<number, T>): { column: number; values: T[] }[] {
  const sorted = [...changes.entries()].sort(([a], [b]) => a - b);
  const out: { column: number; values: T[] }[] = [];
  for (const [column, value] of sorted) {
    const last = out[out.length - 1];
    if (last && last.column + last.values.length === column) last.values.push(value);
    else out.push({ column, values: [value] });
  }
  return out;
}

/**
 * Bumped when setup starts doing something new to tabs it already set up (a new protection, a new kind of format):
 * every tab's stamp then differs, so the next run looks at every tab in full once.
 */
export const SETUP_VERSION = 2;

/** FNV-1a, 32 bits, as base 36: short and deterministic, with no service call (also the fingerprint of monitoring's inputs). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * What setup makes of a tab in a language, as one short text: the version, every column's key, label, help, header
 * style, dropdown and number format, and which columns are protected. A stamp equal to it says "the run that wrote
 * this stamp made every one of those right", so a later run may trust them while the header row is unchanged.
 */
export function tabSignature(tab: TabSpec, lang: Lang): string {
  const columns = tab.columns.map((spec) => [
    spec.key,
    label(spec, lang),
    catalogIn(lang)[spec.help],
    validationWanted(spec, lang),
    numberFormatOf(spec),
    spec.projected === true,
  ]);
  return fnv1a(
    stringify([SETUP_VERSION, tab.key, lang, tab.appendOnly === true, HEADER_FONT_WEIGHT, HEADER_BACKGROUND, columns]),
  );
}

/**
 * The state of a tab whose stamp matches (see tabSignature), built from what was read cheaply: the header, the
 * column metadata and which columns of row 2 hold a dropdown at all. Notes, header style and number formats are
 * taken as the stamped run left them; a dropdown someone removed is planned again.
 */
export function trustedState(
  tab: TabSpec,
  lang: Lang,
  read: {
    readonly header: readonly unknown[];
    readonly width: number;
    readonly metadata: readonly ColumnMetadata[];
    readonly maxColumns: number;
    /** Per column (index 0 = column 1): does row 2 hold a dropdown/validation rule? */
    readonly hasRule: readonly boolean[];
  },
): TabState {
  const notes: string[] = [];
  const weights: string[] = [];
  const backgrounds: string[] = [];
  const validations: (ValidationState | null)[] = [];
  const formats: string[] = [];
  for (const l of locateColumns(tab, read.header, read.metadata).located) {
    const i = l.column - 1;
    notes[i] = catalogIn(lang)[l.spec.help];
    weights[i] = HEADER_FONT_WEIGHT;
    backgrounds[i] = HEADER_BACKGROUND;
    const format = numberFormatOf(l.spec);
    if (format) formats[i] = format;
    const want = validationWanted(l.spec, lang);
    validations[i] =
      want && read.hasRule[i]
        ? {
            type: want.type,
            values:
              want.type === "VALUE_IN_LIST"
                ? [[...want.list], true]
                : want.type === "NUMBER_GREATER_THAN_OR_EQUAL_TO"
                  ? [want.min]
                  : [],
            allowInvalid: want.allowInvalid,
            help: want.help,
          }
        : null;
  }
  return {
    header: read.header,
    width: read.width,
    metadata: read.metadata,
    hasTabMetadata: true,
    notes,
    weights,
    backgrounds,
    validations,
    formats,
    frozenRows: 1,
    maxColumns: read.maxColumns,
  };
}
