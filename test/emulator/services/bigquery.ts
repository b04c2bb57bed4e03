// Emulated BigQuery advanced service (the calls the org export makes): projects, datasets and tables kept by a
// `BigQueryCloud` that several emulated workbooks may share, with the documented limits of streaming inserts and the
// errors an unreachable project, a missing dataset, a missing permission or a disabled API give.
//
// Sources: tabledata.insertAll (https://cloud.google.com/bigquery/docs/reference/rest/v2/tabledata/insertAll):
// "skipInvalidRows ... The default value is false, which causes the entire request to fail if any invalid rows
// exist"; quotas (https://cloud.google.com/bigquery/quotas#streaming_inserts): at most 50,000 rows per request (500
// recommended) and 10 MB per HTTP request; streaming (https://cloud.google.com/bigquery/docs/streaming-data-into-bigquery):
// insertId de-duplication is best effort and remembered "for at least one minute", and streamed rows are available to
// queries at once. Advanced services throw `GoogleJsonResponseException: API call to bigquery.<method> failed with
// error: <message>`; the messages follow the API's own ("Not found: Dataset p:d", "Access Denied: ...").
import type {
  BigQueryPort,
  DatasetPort,
  FieldSchema,
  InsertAllRequest,
  InsertAllResponsePort,
  QueryRequestPort,
  QueryResponsePort,
  TablePort,
  TableResource,
} from "../../../src/org/ports";
import type { CallCounter } from "../counter";
import { type ExecutionContext, permissionError, ServiceError, type VirtualClock } from "./core";

export const MAX_ROWS_PER_REQUEST = 50_000;
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** The documented minimum of the insertId memory; the emulator forgets an id exactly then. */
export const DEDUP_WINDOW_MS = 60_000;
export const SCOPE_BIGQUERY = "https://www.googleapis.com/auth/bigquery";

export interface StoredRow {
  readonly insertId: string;
  readonly json: Record<string, unknown>;
  readonly at: number;
}

export interface StoredTable {
  readonly resource: TableResource;
  readonly rows: StoredRow[];
  /** When each insertId was last seen (the de-duplication memory). */
  readonly seen: Map<string, number>;
}

export interface FakeProject {
  /** The BigQuery API is enabled in the project. */
  apiEnabled: boolean;
  /** What the signed-in users may do: write (dataEditor), read (dataViewer) or nothing. */
  access: "write" | "read" | "none";
  readonly datasets: Map<string, Map<string, StoredTable>>;
}

/** The cloud the emulated workbooks export to: one per test, shared by every Emulator given it. */
export class BigQueryCloud {
  readonly projects = new Map<string, FakeProject>();
  /** Every request made, for the benchmarks: method, rows, bytes. */
  readonly requests: { method: string; rows: number; bytes: number }[] = [];

  addProject(id: string, options: Partial<Pick<FakeProject, "apiEnabled" | "access">> = {}): FakeProject {
    const p: FakeProject = { apiEnabled: true, access: "write", datasets: new Map(), ...options };
    this.projects.set(id, p);
    return p;
  }

  addDataset(project: string, dataset: string): void {
    const p = this.projects.get(project) ?? this.addProject(project);
    if (!p.datasets.has(dataset)) p.datasets.set(dataset, new Map());
  }

  table(project: string, dataset: string, table: string): StoredTable | undefined {
    return this.projects.get(project)?.datasets.get(dataset)?.get(table);
  }

  /** The rows of a table as stored (json only). */
  rows(project: string, dataset: string, table: string): Record<string, unknown>[] {
    return (this.table(project, dataset, table)?.rows ?? []).map((r) => r.json);
  }
}

function apiError(method: string, message: string): ServiceError {
  const e = new ServiceError(`API call to bigquery.${method} failed with error: ${message}`);
  e.name = "GoogleJsonResponseException";
  return e;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC = /^-?\d{1,29}(\.\d{1,9})?$/;

/** Why a value does not fit its column, or null. */
function invalid(field: FieldSchema, value: unknown): string | null {
  if (value === null || value === undefined) return field.mode === "REQUIRED" ? "Missing required field" : null;
  switch (field.type) {
    case "STRING":
      return typeof value === "string" ? null : "Not a string";
    case "INT64":
      return (typeof value === "number" && Number.isSafeInteger(value)) ||
        (typeof value === "string" && /^-?\d+$/.test(value))
        ? null
        : "Not an integer";
    case "NUMERIC":
      return (typeof value === "string" && NUMERIC.test(value)) || (typeof value === "number" && Number.isFinite(value))
        ? null
        : "Invalid NUMERIC value";
    case "FLOAT64":
      return typeof value === "number" && Number.isFinite(value) ? null : "Not a float";
    case "BOOL":
      return typeof value === "boolean" ? null : "Not a boolean";
    case "DATE":
      return typeof value === "string" && DATE.test(value) ? null : "Invalid date";
    case "TIMESTAMP":
      return typeof value === "string" && Number.isFinite(Date.parse(value)) ? null : "Invalid timestamp";
  }
  return "Unknown type";
}

/** One execution's view of the BigQuery advanced service. */
export class FakeBigQuery implements BigQueryPort {
  readonly Datasets: BigQueryPort["Datasets"];
  readonly Tables: BigQueryPort["Tables"];
  readonly Tabledata: BigQueryPort["Tabledata"];
  readonly Jobs: BigQueryPort["Jobs"];

  constructor(
    private readonly cloud: BigQueryCloud,
    private readonly ctx: ExecutionContext,
    private readonly clock: VirtualClock,
    private readonly counter: CallCounter,
  ) {
    this.Datasets = { get: (p, d) => this.getDataset(p, d) };
    this.Tables = {
      get: (p, d, t) => this.getTable(p, d, t),
      insert: (r, p, d) => this.insertTable(r, p, d),
    };
    this.Tabledata = { insertAll: (r, p, d, t) => this.insertAll(r, p, d, t) };
    this.Jobs = {
      query: (r, p) => this.query(r, p),
      getQueryResults: () => {
        this.enter("Jobs.getQueryResults", "jobs.getQueryResults");
        // Every query here completes within its first call, so there is never a later page to ask for.
        return { jobComplete: true, rows: [] };
      },
    };
  }

  /** Counts the call, refuses it outside FULL, and returns the API method name for errors. */
  private enter(method: string, api: string): string {
    this.counter.count(`BigQuery.${method}`);
    if (this.ctx.authMode !== "FULL") throw permissionError(`BigQuery.${method}`, SCOPE_BIGQUERY);
    return api;
  }

  private project(api: string, projectId: string, write: boolean): FakeProject {
    const p = this.cloud.projects.get(projectId);
    if (!p) throw apiError(api, `Not found: Project ${projectId}`);
    if (!p.apiEnabled) {
      throw apiError(
        api,
        `BigQuery API has not been used in project ${projectId} before or it is disabled. Enable it by visiting ` +
          `https://console.developers.google.com/apis/api/bigquery.googleapis.com/overview?project=${projectId} then retry.`,
      );
    }
    if (p.access === "none" || (write && p.access !== "write")) {
      const permission = write ? "bigquery.tables.updateData" : "bigquery.datasets.get";
      throw apiError(api, `Access Denied: Project ${projectId}: User does not have ${permission} permission.`);
    }
    return p;
  }

  private dataset(api: string, projectId: string, datasetId: string, write: boolean): Map<string, StoredTable> {
    const d = this.project(api, projectId, write).datasets.get(datasetId);
    if (!d) throw apiError(api, `Not found: Dataset ${projectId}:${datasetId}`);
    return d;
  }

  private getDataset(projectId: string, datasetId: string): DatasetPort {
    const api = this.enter("Datasets.get", "datasets.get");
    this.dataset(api, projectId, datasetId, false);
    return { id: `${projectId}:${datasetId}`, location: "US" };
  }

  private getTable(projectId: string, datasetId: string, tableId: string): TablePort {
    const api = this.enter("Tables.get", "tables.get");
    const t = this.dataset(api, projectId, datasetId, false).get(tableId);
    if (!t) throw apiError(api, `Not found: Table ${projectId}:${datasetId}.${tableId}`);
    return {
      id: `${projectId}:${datasetId}.${tableId}`,
      schema: { fields: t.resource.schema.fields.map((f) => ({ ...f })) },
    };
  }

  private insertTable(resource: TableResource, projectId: string, datasetId: string): TablePort {
    const api = this.enter("Tables.insert", "tables.insert");
    const d = this.dataset(api, projectId, datasetId, true);
    const ref = resource.tableReference;
    if (ref.projectId !== projectId || ref.datasetId !== datasetId) {
      throw apiError(api, "Invalid table reference: it must name the project and dataset of the request.");
    }
    if (d.has(ref.tableId)) throw apiError(api, `Already Exists: Table ${projectId}:${datasetId}.${ref.tableId}`);
    const names = new Set(resource.schema.fields.map((f) => f.name));
    const part = resource.schema.fields.find((f) => f.name === resource.timePartitioning.field);
    if (!part || (part.type !== "DATE" && part.type !== "TIMESTAMP")) {
      throw apiError(api, "The field specified for time partitioning can only be of type TIMESTAMP, DATE or DATETIME.");
    }
    // Clustering: at most four columns, each a column of the table.
    if (resource.clustering.fields.length > 4 || resource.clustering.fields.some((f) => !names.has(f))) {
      throw apiError(api, "Invalid clustering specification.");
    }
    d.set(ref.tableId, { resource: structuredClone(resource), rows: [], seen: new Map() });
    this.cloud.requests.push({ method: "tables.insert", rows: 0, bytes: JSON.stringify(resource).length });
    return { id: `${projectId}:${datasetId}.${ref.tableId}` };
  }

  private insertAll(
    request: InsertAllRequest,
    projectId: string,
    datasetId: string,
    tableId: string,
  ): InsertAllResponsePort {
    const api = this.enter("Tabledata.insertAll", "tabledata.insertAll");
    const table = this.dataset(api, projectId, datasetId, true).get(tableId);
    if (!table) throw apiError(api, `Not found: Table ${projectId}:${datasetId}.${tableId}`);
    const rows = request.rows ?? [];
    const bytes = Buffer.byteLength(JSON.stringify(request));
    if (bytes > MAX_REQUEST_BYTES)
      throw apiError(api, `Request payload size exceeds the limit: ${MAX_REQUEST_BYTES} bytes.`);
    if (rows.length > MAX_ROWS_PER_REQUEST) {
      throw apiError(
        api,
        `too many rows present in the request, limit: ${MAX_ROWS_PER_REQUEST} row count: ${rows.length}.`,
      );
    }
    if (rows.length === 0) throw apiError(api, "No rows present in the request.");
    const fields = new Map(table.resource.schema.fields.map((f) => [f.name, f]));
    const errors: NonNullable<InsertAllResponsePort["insertErrors"]> = [];
    rows.forEach((row, index) => {
      const json = row.json as Record<string, unknown>;
      const problems: string[] = [];
      for (const key of Object.keys(json)) if (!fields.has(key)) problems.push(`no such field: ${key}.`);
      for (const f of fields.values()) {
        const why = invalid(f, json[f.name]);
        if (why) problems.push(`${why}: ${f.name}.`);
      }
      if (problems.length > 0) {
        errors.push({ index, errors: problems.map((message) => ({ reason: "invalid", message, location: "" })) });
      }
    });
    this.cloud.requests.push({ method: "tabledata.insertAll", rows: rows.length, bytes });
    if (errors.length > 0) {
      // skipInvalidRows false: nothing is inserted; the valid rows are reported "stopped".
      const bad = new Set(errors.map((e) => e.index));
      rows.forEach((_, index) => {
        if (!bad.has(index)) errors.push({ index, errors: [{ reason: "stopped", message: "" }] });
      });
      return { insertErrors: errors.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) };
    }
    const now = this.clock.now();
    for (const row of rows) {
      const id = row.insertId ?? "";
      const last = table.seen.get(id);
      const seen = id !== "" && last !== undefined && now - last < DEDUP_WINDOW_MS;
      if (!seen) table.rows.push({ insertId: id, json: structuredClone(row.json) as Record<string, unknown>, at: now });
      if (id !== "") table.seen.set(id, now);
    }
    return {};
  }

  /**
   * The queries the export makes, and no other: one column or COUNT(*) of one table, filtered by one column equal
   * to a named STRING parameter (`SELECT COUNT(*) AS n FROM \`p.d.t\` WHERE batch_id = @batch`).
   */
  private query(request: QueryRequestPort, projectId: string): QueryResponsePort {
    const api = this.enter("Jobs.query", "jobs.query");
    this.project(api, projectId, false);
    if (request.useLegacySql !== false) throw apiError(api, "The emulator runs GoogleSQL only (useLegacySql: false).");
    const m = /^SELECT (COUNT\(\*\) AS (\w+)|(\w+)) FROM `([\w-]+)\.(\w+)\.(\w+)` WHERE (\w+) = @(\w+)$/.exec(
      request.query.trim(),
    );
    if (!m) throw apiError(api, `The emulator does not run this query: ${request.query}`);
    const [, , countAs, column, p, d, t, filter, param] = m;
    const table = this.dataset(api, p ?? "", d ?? "", false).get(t ?? "");
    if (!table) throw apiError(api, `Not found: Table ${p}:${d}.${t}`);
    const value = request.queryParameters.find((q) => q.name === param)?.parameterValue.value;
    if (value === undefined) throw apiError(api, `Query parameter '${param}' not found`);
    const hits = table.rows.filter((r) => r.json[filter ?? ""] === value);
    this.cloud.requests.push({ method: "jobs.query", rows: hits.length, bytes: request.query.length });
    const rows = countAs
      ? [{ f: [{ v: String(hits.length) as unknown as object }] }]
      : hits.map((r) => ({ f: [{ v: r.json[column ?? ""] as object }] }));
    return {
      jobComplete: true,
      rows,
      totalRows: String(rows.length),
      jobReference: { jobId: `job_${this.clock.now()}` },
    };
  }
}
