// The add-on's settings as the Settings tab holds them (one key/value row each): the known keys, their defaults
// for a new workbook, and the schema each value must pass; later features add keys here.
import * as z from "zod/mini";
import { defaultCurrency } from "./campaign";
import type { MessageKey } from "./i18n";

export const LANGUAGE_SETTINGS = ["auto", "en", "zh"] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export interface Settings {
  currency: string;
  warningThreshold: number;
  language: LanguageSetting;
  admins: string[];
}

export interface SettingSpec {
  /** Written in the Setting column; stable across languages because the add-on looks it up. */
  readonly key: string;
  readonly description: MessageKey;
  readonly schema: z.ZodMiniType;
  /** The value a new workbook starts with. */
  readonly initial: (ctx: { locale: string; owner: string }) => string | number;
}

const emailList = z.array(z.email());

export const SETTING_SPECS = [
  {
    key: "currency",
    description: "setting.currency",
    schema: z.string().check(z.regex(/^[A-Z]{3}$/)),
    initial: ({ locale }) => defaultCurrency(locale),
  },
  {
    key: "warning_threshold",
    description: "setting.warning_threshold",
    schema: z.number().check(z.gt(0), z.lte(1)),
    initial: () => 0.9,
  },
  {
    key: "language",
    description: "setting.language",
    schema: z.enum(LANGUAGE_SETTINGS),
    initial: () => "auto",
  },
  {
    key: "admins",
    description: "setting.admins",
    schema: emailList,
    initial: ({ owner }) => owner,
  },
] as const satisfies readonly SettingSpec[];

export type SettingKey = (typeof SETTING_SPECS)[number]["key"];

export function defaultSettings(locale: string): Settings {
  return { currency: defaultCurrency(locale), warningThreshold: 0.9, language: "auto", admins: [] };
}

/** A raw cell value brought into the shape the setting's schema expects (text trimmed, lists split). */
export function normalizeSettingValue(key: SettingKey, raw: unknown): unknown {
  const text = typeof raw === "string" ? raw.trim() : raw;
  switch (key) {
    case "currency":
      return typeof text === "string" ? text.toUpperCase() : text;
    case "warning_threshold":
      return text;
    case "language":
      return typeof text === "string" ? text.toLowerCase() : text;
    case "admins":
      return typeof text === "string"
        ? text
            .split(/[,，;；\s]+/)
            .map((s) => s.trim())
            .filter((s) => s.length > 0)
        : text;
  }
}

/** Applies one validated setting to the settings object. */
export function withSetting(settings: Settings, key: SettingKey, value: unknown): Settings {
  switch (key) {
    case "currency":
      return { ...settings, currency: String(value) };
    case "warning_threshold":
      return { ...settings, warningThreshold: Number(value) };
    case "language":
      return { ...settings, language: value as LanguageSetting };
    case "admins":
      return { ...settings, admins: Array.isArray(value) ? value.map(String) : [] };
  }
}
