// The narrow slice of the Apps Script services that this add-on uses: src/ is typed against these, the emulator
// implements them, and test/conformance proves the real GoogleAppsScript.* types satisfy every member.

/** A value of an Apps Script enum (numbers in the type definitions, objects at run time). */
export type EnumValue = { toString(): string };

// ---------------------------------------------------------------- SpreadsheetApp

export interface SpreadsheetAppPort {
  getActiveSpreadsheet(): SpreadsheetPort;
  getUi(): UiPort;
  flush(): void;
  newDataValidation(): DataValidationBuilderPort;
  newConditionalFormatRule(): ConditionalFormatRuleBuilderPort;
  ProtectionType: { RANGE: EnumValue; SHEET: EnumValue };
  DataValidationCriteria: {
    VALUE_IN_LIST: EnumValue;
    NUMBER_GREATER_THAN_OR_EQUAL_TO: EnumValue;
    NUMBER_BETWEEN: EnumValue;
    DATE_IS_VALID_DATE: EnumValue;
    CHECKBOX: EnumValue;
  };
  DeveloperMetadataVisibility: { DOCUMENT: EnumValue; PROJECT: EnumValue };
}

export interface ChartsPort {
  ChartType: { COLUMN: EnumValue; LINE: EnumValue; BAR: EnumValue; PIE: EnumValue };
}

export interface SpreadsheetPort {
  getId(): string;
  getName(): string;
  getUrl(): string;
  getSpreadsheetLocale(): string;
  getSpreadsheetTimeZone(): string;
  getSheets(): SheetPort[];
  getSheetByName(name: string): SheetPort | null;
  getSheetById(id: number): SheetPort | null;
  insertSheet(sheetName: string): SheetPort;
  insertSheet(sheetName: string, sheetIndex: number): SheetPort;
  deleteSheet(sheet: SheetPort): void;
  getActiveSheet(): SheetPort;
  setActiveSheet(sheet: SheetPort): SheetPort;
  getActiveRange(): RangePort | null;
  setActiveRange(range: RangePort): RangePort;
  getRangeByName(name: string): RangePort | null;
  setNamedRange(name: string, range: RangePort): void;
  removeNamedRange(name: string): void;
  toast(msg: string): void;
  toast(msg: string, title: string): void;
  toast(msg: string, title: string, timeoutSeconds: number): void;
  getOwner(): UserPort | null;
  createDeveloperMetadataFinder(): DeveloperMetadataFinderPort;
}

export interface SheetPort {
  getName(): string;
  setName(name: string): SheetPort;
  getSheetId(): number;
  getIndex(): number;
  getParent(): SpreadsheetPort;
  getRange(a1Notation: string): RangePort;
  getRange(row: number, column: number): RangePort;
  getRange(row: number, column: number, numRows: number): RangePort;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort;
  getDataRange(): RangePort;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  appendRow(rowContents: unknown[]): SheetPort;
  insertRowsAfter(afterPosition: number, howMany: number): SheetPort;
  insertRowsBefore(beforePosition: number, howMany: number): SheetPort;
  deleteRows(rowPosition: number, howMany: number): void;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetPort;
  deleteColumns(columnPosition: number, howMany: number): void;
  moveColumns(columnSpec: RangePort, destinationIndex: number): void;
  setFrozenRows(rows: number): void;
  getFrozenRows(): number;
  setColumnWidth(columnPosition: number, width: number): SheetPort;
  getColumnWidth(columnPosition: number): number;
  hideSheet(): SheetPort;
  showSheet(): SheetPort;
  isSheetHidden(): boolean;
  hideRows(rowIndex: number, numRows: number): void;
  showRows(rowIndex: number, numRows: number): void;
  isRowHiddenByUser(rowPosition: number): boolean;
  setTabColor(color: string | null): SheetPort;
  activate(): SheetPort;
  clear(): SheetPort;
  clearContents(): SheetPort;
  sort(columnPosition: number): SheetPort;
  sort(columnPosition: number, ascending: boolean): SheetPort;
  protect(): ProtectionPort;
  getProtections(type: EnumValue): ProtectionPort[];
  getConditionalFormatRules(): ConditionalFormatRulePort[];
  setConditionalFormatRules(rules: ConditionalFormatRulePort[]): void;
  newChart(): EmbeddedChartBuilderPort;
  insertChart(chart: EmbeddedChartPort): void;
  removeChart(chart: EmbeddedChartPort): void;
  getCharts(): EmbeddedChartPort[];
  createDeveloperMetadataFinder(): DeveloperMetadataFinderPort;
}

export interface RangePort {
  getSheet(): SheetPort;
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getValue(): unknown;
  getValues(): unknown[][];
  setValue(value: unknown): RangePort;
  setValues(values: unknown[][]): RangePort;
  getDisplayValue(): string;
  getDisplayValues(): string[][];
  getFormula(): string;
  getFormulas(): string[][];
  setFormula(formula: string): RangePort;
  setFormulas(formulas: string[][]): RangePort;
  clear(): RangePort;
  clearContent(): RangePort;
  clearDataValidations(): RangePort;
  getNumberFormat(): string;
  getNumberFormats(): string[][];
  setNumberFormat(numberFormat: string): RangePort;
  setNumberFormats(numberFormats: string[][]): RangePort;
  getNote(): string;
  getNotes(): string[][];
  setNote(note: string | null): RangePort;
  setNotes(notes: (string | null)[][]): RangePort;
  getBackground(): string;
  getBackgrounds(): string[][];
  setBackground(color: string | null): RangePort;
  setBackgrounds(color: (string | null)[][]): RangePort;
  getFontWeight(): string;
  getFontWeights(): string[][];
  setFontWeight(fontWeight: string | null): RangePort;
  setFontWeights(fontWeights: (string | null)[][]): RangePort;
  setWrap(isWrapEnabled: boolean): RangePort;
  setHorizontalAlignment(alignment: string | null): RangePort;
  getDataValidation(): DataValidationPort | null;
  getDataValidations(): (DataValidationPort | null)[][];
  setDataValidation(rule: DataValidationPort | null): RangePort;
  setDataValidations(rules: (DataValidationPort | null)[][]): RangePort;
  protect(): ProtectionPort;
  activate(): RangePort;
  offset(rowOffset: number, columnOffset: number): RangePort;
  offset(rowOffset: number, columnOffset: number, numRows: number, numColumns: number): RangePort;
  sort(sortSpecObj: unknown): RangePort;
  addDeveloperMetadata(key: string, value: string): RangePort;
  addDeveloperMetadata(key: string, value: string, visibility: EnumValue): RangePort;
  getDeveloperMetadata(): DeveloperMetadataPort[];
}

export interface DeveloperMetadataFinderPort {
  find(): DeveloperMetadataPort[];
  withKey(key: string): DeveloperMetadataFinderPort;
  withValue(value: string): DeveloperMetadataFinderPort;
}

export interface DeveloperMetadataPort {
  getId(): number;
  getKey(): string;
  getValue(): string | null;
  getLocation(): DeveloperMetadataLocationPort;
  setValue(value: string): DeveloperMetadataPort;
  remove(): void;
}

export interface DeveloperMetadataLocationPort {
  getColumn(): RangePort | null;
  getRow(): RangePort | null;
  getSheet(): SheetPort | null;
}

export interface DataValidationBuilderPort {
  requireValueInList(values: string[]): DataValidationBuilderPort;
  requireValueInList(values: string[], showDropdown: boolean): DataValidationBuilderPort;
  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilderPort;
  requireNumberBetween(start: number, end: number): DataValidationBuilderPort;
  requireDate(): DataValidationBuilderPort;
  requireCheckbox(): DataValidationBuilderPort;
  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilderPort;
  setHelpText(helpText: string): DataValidationBuilderPort;
  build(): DataValidationPort;
}

export interface DataValidationPort {
  getCriteriaType(): EnumValue;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
}

export interface ProtectionPort {
  getDescription(): string;
  setDescription(description: string): ProtectionPort;
  isWarningOnly(): boolean;
  setWarningOnly(warningOnly: boolean): ProtectionPort;
  getEditors(): UserPort[];
  addEditor(emailAddress: string): ProtectionPort;
  addEditors(emailAddresses: string[]): ProtectionPort;
  removeEditors(emailAddresses: string[]): ProtectionPort;
  getRange(): RangePort;
  remove(): void;
  canEdit(): boolean;
}

export interface ConditionalFormatRuleBuilderPort {
  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilderPort;
  whenNumberLessThan(number: number): ConditionalFormatRuleBuilderPort;
  whenTextEqualTo(text: string): ConditionalFormatRuleBuilderPort;
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilderPort;
  setBackground(color: string | null): ConditionalFormatRuleBuilderPort;
  setFontColor(color: string | null): ConditionalFormatRuleBuilderPort;
  setRanges(ranges: RangePort[]): ConditionalFormatRuleBuilderPort;
  build(): ConditionalFormatRulePort;
}

export interface ConditionalFormatRulePort {
  getRanges(): RangePort[];
}

export interface EmbeddedChartBuilderPort {
  addRange(range: RangePort): EmbeddedChartBuilderPort;
  setChartType(type: EnumValue): EmbeddedChartBuilderPort;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilderPort;
  setOption(option: string, value: unknown): EmbeddedChartBuilderPort;
  build(): EmbeddedChartPort;
}

export interface EmbeddedChartPort {
  getRanges(): RangePort[];
  getChartId(): number | null;
}

export interface UserPort {
  getEmail(): string;
}

// ---------------------------------------------------------------- Ui

export interface UiPort {
  createAddonMenu(): MenuPort;
  createMenu(caption: string): MenuPort;
  alert(prompt: string): EnumValue;
  alert(prompt: string, buttons: EnumValue): EnumValue;
  alert(title: string, prompt: string, buttons: EnumValue): EnumValue;
  prompt(prompt: string): PromptResponsePort;
  prompt(prompt: string, buttons: EnumValue): PromptResponsePort;
  prompt(title: string, prompt: string, buttons: EnumValue): PromptResponsePort;
  showSidebar(userInterface: HtmlOutputPort): void;
  showModalDialog(userInterface: HtmlOutputPort, title: string): void;
  ButtonSet: { OK: EnumValue; OK_CANCEL: EnumValue; YES_NO: EnumValue; YES_NO_CANCEL: EnumValue };
  Button: { OK: EnumValue; CANCEL: EnumValue; YES: EnumValue; NO: EnumValue; CLOSE: EnumValue };
}

export interface MenuPort {
  addItem(caption: string, functionName: string): MenuPort;
  addSeparator(): MenuPort;
  addSubMenu(menu: MenuPort): MenuPort;
  addToUi(): void;
}

export interface PromptResponsePort {
  getResponseText(): string;
  getSelectedButton(): EnumValue;
}

// ---------------------------------------------------------------- HtmlService

export interface HtmlServicePort {
  createHtmlOutputFromFile(filename: string): HtmlOutputPort;
  createTemplateFromFile(filename: string): HtmlTemplatePort;
  createHtmlOutput(html: string): HtmlOutputPort;
}

export interface HtmlOutputPort {
  getContent(): string;
  setTitle(title: string): HtmlOutputPort;
  getTitle(): string;
  setWidth(width: number): HtmlOutputPort;
  setHeight(height: number): HtmlOutputPort;
  append(addedContent: string): HtmlOutputPort;
}

export interface HtmlTemplatePort {
  evaluate(): HtmlOutputPort;
  getRawContent(): string;
}

// ---------------------------------------------------------------- Properties, Cache, Lock

export interface PropertiesServicePort {
  getDocumentProperties(): PropertiesPort | null;
  getUserProperties(): PropertiesPort;
  getScriptProperties(): PropertiesPort;
}

export interface PropertiesPort {
  getProperty(key: string): string | null;
  getProperties(): { [key: string]: string };
  getKeys(): string[];
  setProperty(key: string, value: string): PropertiesPort;
  setProperties(properties: { [key: string]: string }): PropertiesPort;
  setProperties(properties: { [key: string]: string }, deleteAllOthers: boolean): PropertiesPort;
  deleteProperty(key: string): PropertiesPort;
  deleteAllProperties(): PropertiesPort;
}

export interface CacheServicePort {
  getDocumentCache(): CachePort | null;
  getScriptCache(): CachePort;
  getUserCache(): CachePort;
}

export interface CachePort {
  get(key: string): string | null;
  getAll(keys: string[]): { [key: string]: string };
  put(key: string, value: string): void;
  put(key: string, value: string, expirationInSeconds: number): void;
  putAll(values: { [key: string]: string }): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

export interface LockServicePort {
  getDocumentLock(): LockPort | null;
  getScriptLock(): LockPort;
  getUserLock(): LockPort;
}

export interface LockPort {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
  hasLock(): boolean;
}

// ---------------------------------------------------------------- Session, Mail, Script, Utilities, Logger

export interface SessionPort {
  getActiveUser(): UserPort;
  getEffectiveUser(): UserPort;
  getActiveUserLocale(): string;
  getScriptTimeZone(): string;
  getTemporaryActiveUserKey(): string;
}

export interface MailMessage {
  to: string;
  subject: string;
  body?: string;
  htmlBody?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  noReply?: boolean;
}

export interface MailAppPort {
  sendEmail(message: MailMessage): void;
  getRemainingDailyQuota(): number;
}

export interface ScriptAppPort {
  AuthMode: { NONE: EnumValue; CUSTOM_FUNCTION: EnumValue; LIMITED: EnumValue; FULL: EnumValue };
  AuthorizationStatus: { REQUIRED: EnumValue; NOT_REQUIRED: EnumValue };
  EventType: {
    CLOCK: EnumValue;
    ON_OPEN: EnumValue;
    ON_EDIT: EnumValue;
    ON_FORM_SUBMIT: EnumValue;
    ON_CHANGE: EnumValue;
  };
  getAuthorizationInfo(authMode: EnumValue): AuthorizationInfoPort;
  getUserTriggers(spreadsheet: SpreadsheetPort): TriggerPort[];
  getProjectTriggers(): TriggerPort[];
  deleteTrigger(trigger: TriggerPort): void;
  newTrigger(functionName: string): TriggerBuilderPort;
  getScriptId(): string;
}

export interface AuthorizationInfoPort {
  getAuthorizationStatus(): EnumValue;
  getAuthorizationUrl(): string;
}

export interface TriggerPort {
  getUniqueId(): string;
  getHandlerFunction(): string;
  getEventType(): EnumValue;
  getTriggerSourceId(): string;
}

export interface TriggerBuilderPort {
  timeBased(): ClockTriggerBuilderPort;
  forSpreadsheet(sheet: SpreadsheetPort): SpreadsheetTriggerBuilderPort;
}

export interface ClockTriggerBuilderPort {
  everyHours(n: number): ClockTriggerBuilderPort;
  everyDays(n: number): ClockTriggerBuilderPort;
  atHour(hour: number): ClockTriggerBuilderPort;
  after(durationMilliseconds: number): ClockTriggerBuilderPort;
  create(): TriggerPort;
}

export interface SpreadsheetTriggerBuilderPort {
  onEdit(): SpreadsheetTriggerBuilderPort;
  onOpen(): SpreadsheetTriggerBuilderPort;
  onChange(): SpreadsheetTriggerBuilderPort;
  create(): TriggerPort;
}

export interface UtilitiesPort {
  DigestAlgorithm: { SHA_256: EnumValue; MD5: EnumValue };
  Charset: { UTF_8: EnumValue; US_ASCII: EnumValue };
  computeDigest(algorithm: EnumValue, value: string, charset: EnumValue): number[];
  /** HMAC-SHA256 of the value under the key, as signed bytes (the approval log's seal). */
  computeHmacSha256Signature(value: string, key: string): number[];
  computeHmacSha256Signature(value: string, key: string, charset: EnumValue): number[];
  formatDate(date: Date, timeZone: string, format: string): string;
  getUuid(): string;
  sleep(milliseconds: number): void;
  base64Encode(data: string): string;
}

export interface LoggerPort {
  log(data: unknown): LoggerPort;
}

/** Every global service the bundle may touch; the emulator hands the bundle exactly these names. */
export interface AppsScriptGlobals {
  SpreadsheetApp: SpreadsheetAppPort;
  Charts: ChartsPort;
  HtmlService: HtmlServicePort;
  PropertiesService: PropertiesServicePort;
  CacheService: CacheServicePort;
  LockService: LockServicePort;
  Session: SessionPort;
  MailApp: MailAppPort;
  ScriptApp: ScriptAppPort;
  Utilities: UtilitiesPort;
  Logger: LoggerPort;
}
