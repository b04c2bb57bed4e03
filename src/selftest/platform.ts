// The Apps Script types the probes are written against: the add-on's narrow ports, re-exported from one place so
// the probes follow the ports wherever they live.
export type { EnumValue, PropertiesPort, RangePort, SheetPort, SpreadsheetPort } from "../workbook/shared/ports";
