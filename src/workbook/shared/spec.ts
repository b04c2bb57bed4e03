// How a tab of the workbook is described: columns with stable keys, their kind, labels and help in both languages,
// and how setup presents them (validation, number format, width). Readers and setup share these specs.

import { mathFloor, trimLower } from "../../domain/builtins";
import { CURRENCIES } from "../../domain/campaign";
import { catalogIn, LANGS, type Lang, type MessageKey, valueOfLabel } from "../../domain/i18n";

/** Developer-metadata key on each header column; its value is the column key, so columns survive moves and renames. */
export const COLUMN_METADATA_KEY = "campaign-control.column";
/** Developer-metadata key on a tab's header row; its value is the tab key, so a renamed tab is still found. */
export const TAB_METADATA_KEY = "campaign-control.tab";

export const HEADER_BACKGROUND = "#e8f0fe";
export const HEADER_FONT_WEIGHT = "bold";
export const MONEY_FORMAT = "#,##0.00";
export const DATE_FORMAT = "yyyy-mm-dd";
export const TEXT_FORMAT = "@";

// "any" keeps the cell as it is (a setting value may be a number, text or a list).
export type ColumnKind = "text" | "list" | "date" | "money" | "number" | "choice" | "any";

export interface ChoiceSpec {
  /** The values of the dropdown, as shown in a workbook of this language. */
  readonly values: (lang: Lang) => readonly string[];
  /** A typed or picked value to what the add-on stores; null when it is not one of the choices. */
  readonly parse: (text: string) => string | null;
  /** What an empty cell means (null: nothing). */
  readonly blank: string | null;
}

export interface ColumnSpec {
  readonly key: string;
  readonly label: MessageKey;
  readonly help: MessageKey;
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** Width in pixels, applied when setup creates the column (a width the user chose later is kept). */
  readonly width: number;
  readonly choice?: ChoiceSpec;
  /** Plain-text format, so Sheets does not turn an ID like "2026-01" into a date. */
  readonly plainText?: boolean;
  /**
   * Written by the add-on only (a projection): the column gets a warning-only protection, so a person who types
   * into it is asked to confirm. Warning-only because the add-on writes as the user who acts.
   */
  readonly projected?: boolean;
  /**
   * Added to a tab after workbooks were in use: setup adds it, and until then a read finds it blank instead of
   * reporting it missing (the Campaigns tab's research citations).
   */
  readonly optional?: boolean;
  /** A money column that also takes negative amounts (refunds and credit notes). */
  readonly signed?: boolean;
}

export type TabKey =
  | "campaigns"
  | "research"
  | "tasks"
  | "escalations"
  | "settings"
  | "log"
  | "notifications"
  | "budget"
  | "expenses"
  | "rates"
  | "variance"
  | "kpis"
  | "readings"
  | "feedback"
  | "evaluation"
  | "summaries"
  | "lessons"
  | "scorecard"
  | "monitor";

export interface TabSpec {
  readonly key: TabKey;
  readonly name: MessageKey;
  readonly columns: readonly ColumnSpec[];
  /**
   * The whole tab is written by the add-on only: a warning-only sheet protection. Sheets cannot stop an editor
   * from typing into a tab that the add-on, running as that same editor, must append to; tampering with the
   * approval log is therefore detected by its hash chain, not prevented.
   */
  readonly appendOnly?: boolean;
}

/** A dropdown of fixed values, labelled per language and read back from a label in either language or the value. */
export function choiceOf<V extends string>(
  values: readonly V[],
  labelKey: (value: V) => MessageKey,
  blank: V | null,
): ChoiceSpec {
  const label = (value: V, lang: Lang) => catalogIn(lang)[labelKey(value)];
  return {
    values: (lang) => values.map((v) => label(v, lang)),
    parse: (text) => {
      const wanted = trimLower(text);
      // The stored value first: reading it needs no catalog.
      return values.find((v) => v.toLowerCase() === wanted) ?? valueOfLabel(wanted, values, labelKey) ?? null;
    },
    blank,
  };
}

/** ISO codes; the list offers the common ones and a code typed by hand is still a currency (the rule only warns). */
export const CURRENCY_CHOICE: ChoiceSpec = {
  values: () => CURRENCIES,
  parse: (text) => (/^[A-Za-z]{3}$/.test(text.trim()) ? text.trim().toUpperCase() : null),
  blank: null,
};

export type Col = [key: string, kind: ColumnKind, width: number, extra?: Partial<ColumnSpec>];

/** Columns whose label and help keys follow `col.<tab>.<key>` and `col.<tab>.<key>.help`. */
export function columns(tab: string, list: readonly Col[]): ColumnSpec[] {
  return list.map(([key, kind, width, extra]) => ({
    key,
    label: `col.${tab}.${key}` as MessageKey,
    help: `col.${tab}.${key}.help` as MessageKey,
    kind,
    width,
    ...extra,
  }));
}

/** Description of the protections setup adds, so a second run finds them instead of adding more. */
export const PROTECTION_DESCRIPTION = "Campaign Control: written by the add-on";

export function label(column: ColumnSpec, lang: Lang): string {
  return catalogIn(lang)[column.label];
}

/** The default labels of a column in every language, for finding a column whose metadata was lost. */
export function defaultLabels(column: ColumnSpec): string[] {
  return LANGS.map((lang) => catalogIn(lang)[column.label]);
}

export function tabName(tab: TabSpec, lang: Lang): string {
  return catalogIn(lang)[tab.name];
}

export function tabNames(tab: TabSpec): string[] {
  return LANGS.map((lang) => catalogIn(lang)[tab.name]);
}

export function numberFormatOf(column: ColumnSpec): string | null {
  if (column.kind === "money") return MONEY_FORMAT;
  if (column.kind === "date") return DATE_FORMAT;
  if (column.plainText) return TEXT_FORMAT;
  return null;
}

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = mathFloor((n - 1) / 26);
  }
  return letters;
}
