// Entry of the emulated SpreadsheetApp: create a spreadsheet for a host, and the SpreadsheetApp global over it.
export type { CreateSpreadsheetOptions, SpreadsheetHost, UserEditResult } from "./host";
export {
  AppsScriptException,
  createCharts,
  createSpreadsheet,
  createSpreadsheetApp,
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
  PROTECTED_MESSAGE,
  type SpreadsheetState,
} from "./spreadsheet";
