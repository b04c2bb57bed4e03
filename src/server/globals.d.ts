// The Apps Script globals as the server code may use them: typed by the narrow ports, nothing else exists.
import type { AppsScriptGlobals } from "../workbook/shared/ports";

declare global {
  const SpreadsheetApp: AppsScriptGlobals["SpreadsheetApp"];
  const Charts: AppsScriptGlobals["Charts"];
  const HtmlService: AppsScriptGlobals["HtmlService"];
  const PropertiesService: AppsScriptGlobals["PropertiesService"];
  const CacheService: AppsScriptGlobals["CacheService"];
  const LockService: AppsScriptGlobals["LockService"];
  const Session: AppsScriptGlobals["Session"];
  const MailApp: AppsScriptGlobals["MailApp"];
  const ScriptApp: AppsScriptGlobals["ScriptApp"];
  const Utilities: AppsScriptGlobals["Utilities"];
  const Logger: AppsScriptGlobals["Logger"];
}
