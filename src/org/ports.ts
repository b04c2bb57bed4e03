// The narrow slice of the BigQuery advanced service that the org export uses: src/org is typed against it, the
// emulator implements it (test/emulator/services/bigquery.ts), and test/conformance proves that the real
// GoogleAppsScript.BigQuery types satisfy it and that every request the export builds is one they accept.

/** A column of a table (TableFieldSchema): the export uses flat columns only. */
export interface FieldSchema {
  name: string;
  type: "STRING" | "INT64" | "NUMERIC" | "FLOAT64" | "BOOL" | "DATE" | "TIMESTAMP";
  mode: "REQUIRED" | "NULLABLE";
  description: string;
}

/** What Tables.insert is given: schema, day partitioning on a DATE column, clustering. */
export interface TableResource {
  tableReference: { projectId: string; datasetId: string; tableId: string };
  description: string;
  schema: { fields: FieldSchema[] };
  timePartitioning: { type: "DAY"; field: string };
  clustering: { fields: string[] };
}

export interface InsertAllRow {
  insertId: string;
  json: Record<string, string | number | boolean | null>;
}

export interface InsertAllRequest {
  kind: "bigquery#tableDataInsertAllRequest";
  /** false: one invalid row fails the whole request, so a request lands whole or not at all. */
  skipInvalidRows: false;
  ignoreUnknownValues: false;
  rows: InsertAllRow[];
}

export interface ErrorProtoPort {
  reason?: string | undefined;
  message?: string | undefined;
  location?: string | undefined;
}

export interface InsertAllResponsePort {
  insertErrors?: { index?: number | undefined; errors?: ErrorProtoPort[] | undefined }[] | undefined;
}

export interface QueryParameterPort {
  name: string;
  parameterType: { type: "STRING" };
  parameterValue: { value: string };
}

export interface QueryRequestPort {
  query: string;
  useLegacySql: false;
  parameterMode: "NAMED";
  queryParameters: QueryParameterPort[];
  timeoutMs: number;
  maxResults: number;
}

export interface QueryResponsePort {
  jobComplete?: boolean | undefined;
  rows?: { f?: { v?: object | undefined }[] | undefined }[] | undefined;
  pageToken?: string | undefined;
  totalRows?: string | undefined;
  jobReference?: { jobId?: string | undefined } | undefined;
}

export interface DatasetPort {
  id?: string | undefined;
  location?: string | undefined;
}

export interface TablePort {
  id?: string | undefined;
  schema?: { fields?: { name?: string | undefined; type?: string | undefined }[] | undefined } | undefined;
}

export interface BigQueryPort {
  Datasets: { get(projectId: string, datasetId: string): DatasetPort };
  Tables: {
    get(projectId: string, datasetId: string, tableId: string): TablePort;
    insert(resource: TableResource, projectId: string, datasetId: string): TablePort;
  };
  Tabledata: {
    insertAll(resource: InsertAllRequest, projectId: string, datasetId: string, tableId: string): InsertAllResponsePort;
  };
  Jobs: {
    query(resource: QueryRequestPort, projectId: string): QueryResponsePort;
    getQueryResults(projectId: string, jobId: string, optionalArgs: object): QueryResponsePort;
  };
}

// The narrow slice of the Forms service (FormApp) that creates a campaign's feedback form: typed here, implemented by
// the emulator (test/emulator/services/forms.ts) and proved against GoogleAppsScript.Forms by test/conformance. It
// needs the `forms` scope, which only the org build's manifest asks for.

export interface ListItemPort {
  setTitle(title: string): ListItemPort;
  setChoiceValues(values: string[]): ListItemPort;
  setRequired(enabled: boolean): ListItemPort;
}

export interface MultipleChoiceItemPort {
  setTitle(title: string): MultipleChoiceItemPort;
  setChoiceValues(values: string[]): MultipleChoiceItemPort;
}

export interface ScaleItemPort {
  setTitle(title: string): ScaleItemPort;
  setBounds(lower: number, upper: number): ScaleItemPort;
  setRequired(enabled: boolean): ScaleItemPort;
}

export interface ParagraphTextItemPort {
  setTitle(title: string): ParagraphTextItemPort;
}

export interface FormPort {
  getId(): string;
  getPublishedUrl(): string;
  getEditUrl(): string;
  getItems(): object[];
  deleteItem(index: number): void;
  addListItem(): ListItemPort;
  addMultipleChoiceItem(): MultipleChoiceItemPort;
  addScaleItem(): ScaleItemPort;
  addParagraphTextItem(): ParagraphTextItemPort;
  /** `type` is FormApp.DestinationType.SPREADSHEET, the only destination there is. */
  setDestination(type: unknown, id: string): FormPort;
}

export interface FormAppPort {
  readonly DestinationType: { readonly SPREADSHEET: unknown };
  create(title: string): FormPort;
  openById(id: string): FormPort;
  openByUrl(url: string): FormPort;
}

/** A tab as far as finding the one a form sends its responses to (Sheet.getFormUrl). */
export interface FormSheetPort {
  getName(): string;
  getFormUrl(): string | null;
  getRange(row: number, column: number): { setNote(note: string | null): unknown };
}
