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
