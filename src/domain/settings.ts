// The add-on's settings as the Settings tab holds them (one key/value row each): the keys a person edits there,
// their defaults and schemas, and the keys that only SHOW the roles (admins, approvers, finance, delegations),
// whose source of truth is the document properties (see roles.ts).
import * as z from "zod/mini";
import { isString } from "./builtins";
import { defaultCurrency } from "./campaign";
import type { MessageKey } from "./i18n";
import { splitList } from "./lists";

export const LANGUAGE_SETTINGS = ["auto", "en", "zh"] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export interface Settings {
  currency: string;
  warningThreshold: number;
  language: LanguageSetting;
  /** Channels a plan may use; empty: any. */
  channels: string[];
  /** Budget categories (used by budget lines and expenses). */
  categories: string[];
  /** Budget control: each campaign x category budget is a limit too (enforce_line_budgets). */
  enforceLines: boolean;
  /** Budget control: receipt link required above this amount in the workbook currency; null never. */
  receiptRequiredAbove: number | null;
  /** Brand rules a submitter confirms one by one (workflow/brand.ts); empty: none asked. */
  brandRules: string[];
  /** A plan cites at least one Research finding before it is submitted. */
  researchRequired: boolean;
}

export interface SettingSpec {
  /** Written in the Setting column; stable across languages because the add-on looks it up. */
  readonly key: string;
  readonly description: MessageKey;
  readonly schema: z.ZodMiniType;
  /** The value a new workbook starts with. */
  readonly initial: (ctx: { locale: string }) => string | number;
}

const list = z.array(z.string());

export const DEFAULT_CHANNELS = "Email, Social, Search, KOL, Events, Print, Outdoor, Video, E-commerce";
export const DEFAULT_CATEGORIES = "Media, Content, Events, KOL, Travel, Other";

/** A setting whose description is `setting.<key>` unless another key is given. */
function spec<K extends string>(
  key: K,
  schema: z.ZodMiniType,
  initial: SettingSpec["initial"],
  description = `setting.${key}` as MessageKey,
): SettingSpec & { readonly key: K } {
  return { key, description, schema, initial };
}

export const SETTING_SPECS = [
  spec("currency", z.string().check(z.regex(/^[A-Z]{3}$/)), ({ locale }) => defaultCurrency(locale)),
  spec("warning_threshold", z.number().check(z.gt(0), z.lte(1)), () => 0.9),
  spec("language", z.enum(LANGUAGE_SETTINGS), () => "auto"),
  spec("channels", list, () => DEFAULT_CHANNELS),
  spec("categories", list, () => DEFAULT_CATEGORIES),
  spec("enforce_line_budgets", z.boolean(), () => "FALSE", "spend.setting.enforceLines"),
  spec("receipt_required_above", z.nullable(z.number().check(z.gte(0))), () => 0, "spend.setting.receiptAbove"),
  spec("brand_rules", list, () => ""),
  spec("research_required", z.boolean(), () => "TRUE"),
] as const;

export type SettingKey = (typeof SETTING_SPECS)[number]["key"];

/**
 * Rows that show the roles. The add-on rewrites their values from the document properties whenever roles change
 * (and at setup); what a person types there grants nothing and is overwritten on the next write.
 */
export const RIGHTS_KEYS = ["admins", "approval_levels", "finance", "delegations"] as const;
export type RightsKey = (typeof RIGHTS_KEYS)[number];

export function defaultSettings(locale: string): Settings {
  return {
    currency: defaultCurrency(locale),
    warningThreshold: 0.9,
    language: "auto",
    channels: splitList(DEFAULT_CHANNELS),
    categories: splitList(DEFAULT_CATEGORIES),
    enforceLines: false,
    receiptRequiredAbove: 0,
    brandRules: [],
    researchRequired: true,
  };
}

/** A raw cell value brought into the shape the setting's schema expects (text trimmed, lists split). */
export function normalizeSettingValue(key: SettingKey, raw: unknown): unknown {
  const text = isString(raw) ? raw.trim() : raw;
  switch (key) {
    case "currency":
      return isString(text) ? text.toUpperCase() : text;
    case "warning_threshold":
      return text;
    case "language":
      return isString(text) ? text.toLowerCase() : text;
    case "channels":
    case "categories":
      return isString(text) ? splitList(text) : text === null || text === undefined ? [] : text;
    case "enforce_line_budgets":
    case "research_required":
      return readYesNo(text);
    case "receipt_required_above":
      return text === "" || text === null || text === undefined ? null : text;
    case "brand_rules":
      // One rule per line (or separated by semicolons): a rule is a sentence and may hold commas.
      return typeof text === "string"
        ? text
            .split(/[\n;；]/)
            .map((r) => r.trim())
            .filter(Boolean)
        : [];
  }
}

/** TRUE/FALSE as a checkbox or typed (also yes/no, 是/否); anything else is passed on for the schema to refuse. */
function readYesNo(value: unknown): unknown {
  if (!isString(value)) return value;
  const text = value.toLowerCase();
  if (["true", "yes", "y", "1", "是"].includes(text)) return true;
  if (["false", "no", "n", "0", "否", ""].includes(text)) return false;
  return value;
}

/** The field of the settings object each setting fills. */
const FIELDS: { readonly [K in SettingKey]: keyof Settings } = {
  currency: "currency",
  warning_threshold: "warningThreshold",
  language: "language",
  channels: "channels",
  categories: "categories",
  enforce_line_budgets: "enforceLines",
  receipt_required_above: "receiptRequiredAbove",
  brand_rules: "brandRules",
  research_required: "researchRequired",
};

/** Applies one setting, validated by its schema (so of its field's type), to the settings object. */
export function withSetting(settings: Settings, key: SettingKey, value: unknown): Settings {
  return { ...settings, [FIELDS[key]]: value };
}
