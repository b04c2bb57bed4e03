// Apps Script enum values: objects whose toString() and name() give the constant's name.
import type { EnumValue } from "../../../src/workbook/shared/ports";

export class AppsScriptEnum implements EnumValue {
  constructor(
    readonly enumName: string,
    private readonly label: string,
    private readonly position: number,
  ) {}
  toString(): string {
    return this.label;
  }
  name(): string {
    return this.label;
  }
  ordinal(): number {
    return this.position;
  }
  toJSON(): string {
    return this.label;
  }
}

export function makeEnum<K extends string>(enumName: string, names: readonly K[]): Record<K, AppsScriptEnum> {
  const out = {} as Record<K, AppsScriptEnum>;
  names.forEach((n, i) => {
    out[n] = new AppsScriptEnum(enumName, n, i);
  });
  return Object.freeze(out);
}

/** The name of an enum value passed by a script (an emulator enum, or anything whose toString() is the name). */
export function enumName(value: unknown): string {
  return String(value);
}

export const ProtectionType = makeEnum("ProtectionType", ["RANGE", "SHEET"] as const);
export const DataValidationCriteria = makeEnum("DataValidationCriteria", [
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
] as const);
export const DeveloperMetadataVisibility = makeEnum("DeveloperMetadataVisibility", ["DOCUMENT", "PROJECT"] as const);
export const DeveloperMetadataLocationType = makeEnum("DeveloperMetadataLocationType", [
  "SPREADSHEET",
  "SHEET",
  "ROW",
  "COLUMN",
] as const);
export const ChartType = makeEnum("ChartType", [
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TIMELINE",
  "TREEMAP",
  "WATERFALL",
] as const);
