// Compile-time proof that the real Apps Script types satisfy every port that src/ and the emulator share.
// Type-checked by `tsc -p test/conformance` (part of `npm run check`); it emits and runs nothing.
import type * as B from "../../src/org/ports";
import type * as P from "../../src/workbook/shared/ports";

type Conforms<Real extends Port, Port> = [Real, Port];

export type Checks = [
  Conforms<GoogleAppsScript.Spreadsheet.SpreadsheetApp, P.SpreadsheetAppPort>,
  Conforms<GoogleAppsScript.Spreadsheet.Spreadsheet, P.SpreadsheetPort>,
  Conforms<GoogleAppsScript.Spreadsheet.Sheet, P.SheetPort>,
  Conforms<GoogleAppsScript.Spreadsheet.Range, P.RangePort>,
  Conforms<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, P.DeveloperMetadataFinderPort>,
  Conforms<GoogleAppsScript.Spreadsheet.DeveloperMetadata, P.DeveloperMetadataPort>,
  Conforms<GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, P.DeveloperMetadataLocationPort>,
  Conforms<GoogleAppsScript.Spreadsheet.DataValidationBuilder, P.DataValidationBuilderPort>,
  Conforms<GoogleAppsScript.Spreadsheet.DataValidation, P.DataValidationPort>,
  Conforms<GoogleAppsScript.Spreadsheet.Protection, P.ProtectionPort>,
  Conforms<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, P.ConditionalFormatRuleBuilderPort>,
  Conforms<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, P.ConditionalFormatRulePort>,
  Conforms<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, P.EmbeddedChartBuilderPort>,
  Conforms<GoogleAppsScript.Spreadsheet.EmbeddedChart, P.EmbeddedChartPort>,
  Conforms<GoogleAppsScript.Base.User, P.UserPort>,
  Conforms<GoogleAppsScript.Base.Ui, P.UiPort>,
  Conforms<GoogleAppsScript.Base.Menu, P.MenuPort>,
  Conforms<GoogleAppsScript.Base.PromptResponse, P.PromptResponsePort>,
  Conforms<GoogleAppsScript.HTML.HtmlService, P.HtmlServicePort>,
  Conforms<GoogleAppsScript.HTML.HtmlOutput, P.HtmlOutputPort>,
  Conforms<GoogleAppsScript.HTML.HtmlTemplate, P.HtmlTemplatePort>,
  Conforms<GoogleAppsScript.Properties.PropertiesService, P.PropertiesServicePort>,
  Conforms<GoogleAppsScript.Properties.Properties, P.PropertiesPort>,
  Conforms<GoogleAppsScript.Cache.CacheService, P.CacheServicePort>,
  Conforms<GoogleAppsScript.Cache.Cache, P.CachePort>,
  Conforms<GoogleAppsScript.Lock.LockService, P.LockServicePort>,
  Conforms<GoogleAppsScript.Lock.Lock, P.LockPort>,
  Conforms<GoogleAppsScript.Base.Session, P.SessionPort>,
  // What the add-on sends must be a message the real MailApp accepts.
  Conforms<P.MailMessage, GoogleAppsScript.Mail.MailAdvancedParameters>,
  Conforms<GoogleAppsScript.Mail.MailApp, P.MailAppPort>,
  Conforms<GoogleAppsScript.Script.ScriptApp, P.ScriptAppPort>,
  Conforms<GoogleAppsScript.Script.AuthorizationInfo, P.AuthorizationInfoPort>,
  Conforms<GoogleAppsScript.Script.Trigger, P.TriggerPort>,
  Conforms<GoogleAppsScript.Script.TriggerBuilder, P.TriggerBuilderPort>,
  Conforms<GoogleAppsScript.Script.ClockTriggerBuilder, P.ClockTriggerBuilderPort>,
  Conforms<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, P.SpreadsheetTriggerBuilderPort>,
  Conforms<GoogleAppsScript.Utilities.Utilities, P.UtilitiesPort>,
  Conforms<GoogleAppsScript.Base.Logger, P.LoggerPort>,
  Conforms<GoogleAppsScript.Charts.Charts, P.ChartsPort>,
  // The org build's BigQuery advanced service (v2): the calls it makes exist with these signatures ...
  Conforms<GoogleAppsScript.BigQuery, B.BigQueryPort>,
  // ... and every request it builds is one the real service's request types accept.
  Conforms<B.TableResource, GoogleAppsScript.BigQuery.Schema.Table>,
  Conforms<B.FieldSchema, GoogleAppsScript.BigQuery.Schema.TableFieldSchema>,
  Conforms<B.InsertAllRequest, GoogleAppsScript.BigQuery.Schema.TableDataInsertAllRequest>,
  Conforms<B.InsertAllRow, GoogleAppsScript.BigQuery.Schema.TableDataInsertAllRequestRows>,
  Conforms<B.QueryRequestPort, GoogleAppsScript.BigQuery.Schema.QueryRequest>,
  // The org build's feedback form: the FormApp calls it makes, and Sheet.getFormUrl to find the form's response tab.
  Conforms<GoogleAppsScript.Forms.FormApp, B.FormAppPort>,
  Conforms<GoogleAppsScript.Forms.Form, B.FormPort>,
  Conforms<GoogleAppsScript.Forms.ListItem, B.ListItemPort>,
  Conforms<GoogleAppsScript.Forms.MultipleChoiceItem, B.MultipleChoiceItemPort>,
  Conforms<GoogleAppsScript.Forms.ScaleItem, B.ScaleItemPort>,
  Conforms<GoogleAppsScript.Forms.ParagraphTextItem, B.ParagraphTextItemPort>,
  Conforms<GoogleAppsScript.Spreadsheet.Sheet, B.FormSheetPort>,
];

// The check itself can fail: a misspelt or mistyped member is a compile error.
// @ts-expect-error getValuez does not exist on the real Range
export type Misspelt = Conforms<GoogleAppsScript.Spreadsheet.Range, { getValuez(): unknown[][] }>;
// @ts-expect-error getNumRows returns a number on the real Range
export type Mistyped = Conforms<GoogleAppsScript.Spreadsheet.Range, { getNumRows(): string }>;
type ShortInsert = { Tabledata: { insertAll(p: string, r: object): object } };
// @ts-expect-error insertAll takes the request, then the project, dataset and table: four arguments, not two
export type MisorderedInsert = Conforms<GoogleAppsScript.BigQuery, ShortInsert>;
// @ts-expect-error setBounds takes the lower and the upper bound, as numbers
export type MistypedScale = Conforms<GoogleAppsScript.Forms.ScaleItem, { setBounds(range: string): unknown }>;
