// One export run: check the dataset and tables, settle a request an earlier run may have sent without recording it,
// then send what changed since the checkpoint, table by table, in requests of at most 500 rows. Exactly once: every
// row has a stable id (its insertId too); before each request the checkpoint as it will be after it is saved as
// "pending" with the request's id, and every row carries that id (batch_id); a run that finds a pending request asks
// BigQuery whether its rows are there (one query) and moves the checkpoint or sends it again accordingly.

import { shortHash } from "../domain/guard";
import { type Lang, langOf } from "../domain/i18n";
import { shownTime } from "../server/shared/locale";
import { documentProperties, parseJson } from "../server/shared/store";
import { nowIn } from "../server/shared/write";
import { readTab, textOf } from "../workbook/evaluation/read";
import { MONITOR_TAB } from "../workbook/evaluation/tabs";
import { appendRows, writeRowCells } from "../workbook/evaluation/write";
import type { PropertiesPort, SpreadsheetPort } from "../workbook/shared/ports";
import type { BigQueryPort, InsertAllRow } from "./ports";
import { eventRow, expenseRow, type Json, type LogCheckpoint, type OutRow, readSource, type Source } from "./source";
import { schemaVersion, TABLES, type TableSpec, tableResource, tableSpec } from "./tables";
import { type OrgMessage, orgT } from "./texts";

export const SETTINGS_KEY = "cc.org.export";
export const STATE_KEY = "cc.org.export.state";
export const STATUS_KEY = "cc.org.export.status";
/** The job's name in the add-on's one scheduled trigger (src/server/shared/schedule.ts). */
export const EXPORT_JOB = "bigquery-export";

/** BigQuery recommends at most 500 rows per insertAll request; the documented hard limits are 50,000 and 10 MB. */
export const ROWS_PER_REQUEST = 500;
export const BYTES_PER_REQUEST = 5 * 1024 * 1024;
/** No request starts later than this into a run: the 6-minute limit keeps room to save the checkpoint. */
export const SEND_BUDGET_MS = 4.5 * 60_000;

export interface ExportSettings {
  readonly enabled: boolean;
  readonly project: string;
  readonly dataset: string;
  readonly team: string;
  readonly period: string;
}

export function readExportSettings(props: PropertiesPort = documentProperties()): ExportSettings {
  const s = parseJson<Partial<Record<keyof ExportSettings, unknown>>>(props.getProperty(SETTINGS_KEY));
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    enabled: s?.enabled === true,
    project: text(s?.project),
    dataset: text(s?.dataset),
    team: text(s?.team),
    period: text(s?.period),
  };
}

interface SnapshotCp {
  readonly gen: number;
  readonly digest: string;
  readonly sent: number;
  readonly total: number;
  readonly asOf: string;
}

interface ReadingsCp {
  readonly count: number;
  readonly digest: string;
}

type TableCp = LogCheckpoint | ReadingsCp | SnapshotCp;

export interface ExportState {
  /** project.dataset the checkpoints belong to: another target starts from the beginning. */
  readonly target: string;
  /** The schema version whose tables were checked there. */
  schema: string;
  events: LogCheckpoint;
  expenses: LogCheckpoint;
  readings: ReadingsCp;
  snapshots: Record<string, SnapshotCp>;
  /** A request that may have reached BigQuery: its table, its id and the checkpoint once it did. */
  pending: { table: string; batch: string; after: TableCp } | null;
}

const START: LogCheckpoint = { seq: 0, hash: "", sheetRow: 0 };

function readState(props: PropertiesPort, target: string): ExportState {
  const s = parseJson<ExportState>(props.getProperty(STATE_KEY));
  if (s && s.target === target) return s;
  return {
    target,
    schema: "",
    events: START,
    expenses: START,
    readings: { count: 0, digest: "" },
    snapshots: {},
    pending: null,
  };
}

export interface ExportStatus {
  /** When the run ended (ISO with the sheet's offset). */
  readonly at: string;
  readonly ok: boolean;
  /** Everything that changed is sent (false: stopped by the time budget, or failed). */
  readonly complete: boolean;
  readonly rows: number;
  readonly requests: number;
  readonly left: number;
  readonly error: OrgMessage | null;
  /** Rows not sent because they cannot be read, worded in the sheet's language, by tab, row and column. */
  readonly problems: readonly string[];
  readonly problemCount: number;
  readonly notes: readonly OrgMessage[];
}

export function readExportStatus(props: PropertiesPort = documentProperties()): ExportStatus | null {
  return parseJson<ExportStatus>(props.getProperty(STATUS_KEY));
}

function bigQuery(): BigQueryPort | null {
  // The default build has no BigQuery global at all; only the org manifest enables the advanced service.
  return typeof BigQuery === "undefined" ? null : BigQuery;
}

/** The message for a failure of the BigQuery service, in the add-on's words. */
export function classify(error: unknown, settings: ExportSettings): OrgMessage {
  const message = error instanceof Error ? error.message : String(error);
  const params = { project: settings.project, dataset: settings.dataset };
  if (/has not been used in project|is disabled|accessNotConfigured/i.test(message))
    return { key: "org.error.api", params };
  if (/Access Denied|permission|403/i.test(message)) return { key: "org.error.permission", params };
  if (/Not found: Project/i.test(message)) return { key: "org.error.project", params };
  if (/Not found: Dataset/i.test(message)) return { key: "org.error.dataset", params };
  return { key: "org.error.other", params: { message: message.slice(0, 300) } };
}

class Run {
  rows = 0;
  requests = 0;
  left = 0;
  readonly started = Date.now();

  constructor(
    readonly bq: BigQueryPort,
    readonly settings: ExportSettings,
    readonly props: PropertiesPort,
    readonly state: ExportState,
    readonly common: { workbookId: string; workbookName: string },
  ) {}

  save(): void {
    this.props.setProperty(STATE_KEY, JSON.stringify(this.state));
  }

  /** The dataset must be there (one call: the clear message comes first); tables are created once per schema. */
  prepare(): void {
    const { project, dataset } = this.settings;
    this.bq.Datasets.get(project, dataset);
    const version = schemaVersion();
    if (this.state.schema === version) return;
    for (const spec of TABLES) {
      try {
        this.bq.Tables.get(project, dataset, spec.id);
      } catch (error) {
        if (!/Not found: Table/i.test(error instanceof Error ? error.message : String(error))) throw error;
        this.bq.Tables.insert(tableResource(spec, project, dataset), project, dataset);
      }
    }
    this.state.schema = version;
    this.save();
  }

  /** A request recorded as pending reached BigQuery or not: ask, and move the checkpoint when it did. */
  settle(): void {
    const pending = this.state.pending;
    if (!pending) return;
    const { project, dataset } = this.settings;
    const response = this.bq.Jobs.query(
      {
        query: `SELECT COUNT(*) AS n FROM \`${project}.${dataset}.${pending.table}\` WHERE batch_id = @batch`,
        useLegacySql: false,
        parameterMode: "NAMED",
        queryParameters: [
          { name: "batch", parameterType: { type: "STRING" }, parameterValue: { value: pending.batch } },
        ],
        timeoutMs: 30_000,
        maxResults: 10,
      },
      project,
    );
    if (!response.jobComplete) throw new Error("BigQuery did not answer the check of the last request in time.");
    const n = Number(response.rows?.[0]?.f?.[0]?.v ?? 0);
    if (n > 0) this.apply(pending.table, pending.after);
    this.state.pending = null;
    this.save();
  }

  /** The row ids of one table that BigQuery holds for this workbook (paged through getQueryResults). */
  exportedIds(table: string): Set<string> {
    const { project, dataset } = this.settings;
    const ids = new Set<string>();
    let response = this.bq.Jobs.query(
      {
        query: `SELECT row_id FROM \`${project}.${dataset}.${table}\` WHERE workbook_id = @workbook`,
        useLegacySql: false,
        parameterMode: "NAMED",
        queryParameters: [
          { name: "workbook", parameterType: { type: "STRING" }, parameterValue: { value: this.common.workbookId } },
        ],
        timeoutMs: 60_000,
        maxResults: 100_000,
      },
      project,
    );
    const jobId = response.jobReference?.jobId ?? "";
    for (;;) {
      for (const row of response.rows ?? []) ids.add(String(row.f?.[0]?.v ?? ""));
      if (response.jobComplete && !response.pageToken) break;
      const next: object = response.pageToken ? { pageToken: response.pageToken } : {};
      response = this.bq.Jobs.getQueryResults(project, jobId, next);
    }
    return ids;
  }

  apply(table: string, after: TableCp): void {
    if (table === "approval_events") this.state.events = after as LogCheckpoint;
    else if (table === "expense_events") this.state.expenses = after as LogCheckpoint;
    else if (table === "kpi_readings") this.state.readings = after as ReadingsCp;
    else this.state.snapshots[table] = after as SnapshotCp;
  }

  outOfTime(): boolean {
    return Date.now() - this.started > SEND_BUDGET_MS;
  }

  /**
   * Sends `rows` in requests; `after(i)` is the checkpoint once rows[0..i] are in. Before each request the state is
   * saved with the checkpoint so far and this request as pending (one property write per request). Returns false when
   * it stopped for time.
   */
  send(spec: TableSpec, rows: readonly OutRow[], after: (last: number) => TableCp, extra: Json = {}): boolean {
    const { project, dataset } = this.settings;
    let i = 0;
    while (i < rows.length) {
      if (this.outOfTime()) {
        this.left += rows.length - i;
        return false;
      }
      const batch: InsertAllRow[] = [];
      const batchId = rows[i]?.id ?? "";
      const exportedAt = new Date().toISOString();
      let bytes = 0;
      while (i < rows.length && batch.length < ROWS_PER_REQUEST) {
        const row = rows[i] as OutRow;
        const json: Json = {
          workbook_id: this.common.workbookId,
          workbook_name: this.common.workbookName,
          period: this.settings.period,
          team: this.settings.team,
          row_id: row.id,
          batch_id: batchId,
          exported_at: exportedAt,
          ...extra,
          ...row.json,
        };
        const size = JSON.stringify(json).length + row.id.length + 32;
        if (batch.length > 0 && bytes + size > BYTES_PER_REQUEST) break;
        bytes += size;
        batch.push({ insertId: row.id, json });
        i += 1;
      }
      this.state.pending = { table: spec.id, batch: batchId, after: after(i - 1) };
      this.save();
      const response = this.bq.Tabledata.insertAll(
        { kind: "bigquery#tableDataInsertAllRequest", skipInvalidRows: false, ignoreUnknownValues: false, rows: batch },
        project,
        dataset,
        spec.id,
      );
      const failed = response.insertErrors?.find((e) => e.errors?.some((x) => x.reason !== "stopped"));
      if (failed) {
        // Nothing of the request was stored (skipInvalidRows is false): it stays to send again.
        this.state.pending = null;
        this.save();
        const why = failed.errors?.find((x) => x.reason !== "stopped")?.message ?? "";
        throw new Error(`${spec.id}: row ${(failed.index ?? 0) + 1} of a request was refused: ${why}`);
      }
      this.apply(spec.id, this.state.pending.after);
      this.state.pending = null;
      this.rows += batch.length;
      this.requests += 1;
    }
    return true;
  }
}

function facts(run: Run, src: Source): boolean {
  const events = src.events.filter((e) => e.row.seq > run.state.events.seq);
  const cpOf = (i: number): LogCheckpoint => {
    const e = events[i];
    return e ? { seq: e.row.seq, hash: e.row.hash, sheetRow: e.sheetRow } : run.state.events;
  };
  if (
    !run.send(
      tableSpec("approval_events"),
      events.map((e) => eventRow(src.workbookId, e.row)),
      cpOf,
    )
  )
    return false;

  const money = src.events
    .filter((e) => e.row.seq > run.state.expenses.seq)
    .map((e) => ({ e, out: expenseRow(src, e.row) }));
  const moneyRows = money.filter((m): m is { e: (typeof money)[number]["e"]; out: OutRow } => m.out !== null);
  const lastSeen = money[money.length - 1]?.e;
  const moneyCp = (i: number): LogCheckpoint => {
    // The last request also passes the events that made no expense row.
    const e = i === moneyRows.length - 1 && lastSeen ? lastSeen : moneyRows[i]?.e;
    return e ? { seq: e.row.seq, hash: e.row.hash, sheetRow: e.sheetRow } : run.state.expenses;
  };
  if (
    !run.send(
      tableSpec("expense_events"),
      moneyRows.map((m) => m.out),
      moneyCp,
    )
  )
    return false;
  if (moneyRows.length === 0 && lastSeen) {
    run.state.expenses = { seq: lastSeen.row.seq, hash: lastSeen.row.hash, sheetRow: lastSeen.sheetRow };
  }

  return readings(run, src);
}

function digestOf(rows: readonly OutRow[], count: number): string {
  return shortHash(
    rows
      .slice(0, count)
      .map((r) => r.id)
      .join("|"),
  );
}

/**
 * Readings are appended at the bottom as a rule: while the rows already sent are unchanged (their ids' digest), only
 * the rows after them go. When a row above changed (edited, inserted, deleted, or a row that could not be read was
 * fixed), BigQuery is asked which of this workbook's readings it holds, and every reading it lacks is sent.
 */
function readings(run: Run, src: Source): boolean {
  const rows = src.readings;
  const cp = run.state.readings;
  const intact = cp.count === 0 || (cp.count <= rows.length && digestOf(rows, cp.count) === cp.digest);
  let todo: { row: OutRow; index: number }[];
  if (intact) {
    todo = rows.slice(cp.count).map((row, k) => ({ row, index: cp.count + k }));
  } else {
    const held = run.exportedIds("kpi_readings");
    todo = rows.map((row, index) => ({ row, index })).filter((r) => !held.has(r.row.id));
    const changed = todo.find((r) => r.index < cp.count);
    if (changed) {
      const sheetRow = Number(changed.row.json.sheet_row ?? 0);
      notes.push({ key: "org.problem.readingsChanged", params: { row: sheetRow } });
    }
  }
  const after = (i: number): ReadingsCp => {
    const upTo = (todo[i]?.index ?? rows.length - 1) + 1;
    // Past the last one: every readable row is in BigQuery now.
    const count = i === todo.length - 1 ? rows.length : upTo;
    return { count, digest: digestOf(rows, count) };
  };
  const ok = run.send(
    tableSpec("kpi_readings"),
    todo.map((r) => r.row),
    after,
  );
  if (ok && todo.length === 0) run.state.readings = { count: rows.length, digest: digestOf(rows, rows.length) };
  return ok;
}

let notes: OrgMessage[] = [];

function snapshots(run: Run, src: Source, asOf: string, timeZone: string): boolean {
  for (const spec of TABLES) {
    if (spec.kind !== "snapshot") continue;
    const content = src.snapshots[spec.id] ?? [];
    const digest = shortHash(JSON.stringify(content));
    const cp = run.state.snapshots[spec.id];
    if (cp && cp.digest === digest && cp.sent >= cp.total) continue;
    // The same content half sent continues its snapshot; anything else starts a new one.
    const resume = cp && cp.digest === digest && cp.sent < cp.total;
    const gen = resume ? cp.gen : (cp?.gen ?? 0) + 1;
    const at = resume ? cp.asOf : asOf;
    const from = resume ? cp.sent : 0;
    const snapshotId = `${src.workbookId}:${spec.id}:${gen}`;
    const extra: Json = {
      snapshot_id: snapshotId,
      snapshot_rows: content.length,
      as_of: new Date(Date.parse(at)).toISOString(),
      snapshot_date: at.slice(0, 10),
    };
    const rows = content.slice(from).map((json, k) => ({ id: `${snapshotId}:${from + k}`, json }));
    const after = (i: number): SnapshotCp => ({ gen, digest, sent: from + i + 1, total: content.length, asOf: at });
    if (content.length === 0) {
      run.state.snapshots[spec.id] = { gen, digest, sent: 0, total: 0, asOf: at };
      continue;
    }
    if (!run.send(spec, rows, after, extra)) {
      void timeZone;
      return false;
    }
  }
  return true;
}

/** The Monitor tab's row of the export: written when a run fails or leaves rows out, removed when all is well. */
function monitorRow(ss: SpreadsheetPort, status: ExportStatus, lang: Lang, timeZone: string): void {
  const table = readTab(ss, MONITOR_TAB);
  if (!table) return;
  const cell = textOf(table);
  const key = JSON.stringify(["bigquery-export"]);
  const mine = table.rows.find((row) => cell(row, "key") === key);
  const problem = status.error ?? status.notes[0] ?? null;
  const problemsText =
    status.problemCount > 0 ? `${orgT(lang, { key: "org.export.problems" })} ${status.problems.join("; ")}` : "";
  const message = [problem ? orgT(lang, problem) : "", problemsText].filter((s) => s !== "").join(" ");
  if (message === "") {
    if (mine)
      writeRowCells(table, mine.row, {
        severity: "",
        kind: "",
        campaign: "",
        message: "",
        notify: "",
        since: "",
        key: "",
      });
    return;
  }
  const record = {
    severity: orgT(lang, { key: "org.monitor.severity" }),
    kind: orgT(lang, { key: "org.monitor.kind" }),
    campaign: "",
    message,
    notify: "",
    since: mine ? cell(mine, "since") : shownTime(status.at, timeZone, lang),
    key,
  };
  if (mine) writeRowCells(table, mine.row, record);
  else appendRows(table, [record]);
}

/**
 * One export: from the schedule or on demand. Never throws for a BigQuery failure: the run records it (sidebar and
 * Monitor tab) and the next run retries from the checkpoint, so the workbook and its other jobs go on.
 */
export function runExport(): ExportStatus | null {
  const props = documentProperties();
  const settings = readExportSettings(props);
  if (!settings.enabled || settings.project === "" || settings.dataset === "") return null;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const lang = langOf(ss.getSpreadsheetLocale());
  notes = [];
  const bq = bigQuery();
  const state = readState(props, `${settings.project}.${settings.dataset}`);
  let status: ExportStatus;
  const at = nowIn(timeZone);
  if (!bq) {
    status = failed(at, { key: "org.error.service" });
  } else {
    const run = new Run(bq, settings, props, state, { workbookId: ss.getId(), workbookName: ss.getName() });
    let problems: string[] = [];
    let problemCount = 0;
    try {
      run.prepare();
      run.settle();
      // Both event tables are made from the log: read it from the one that is further behind.
      const from = state.expenses.seq < state.events.seq ? state.expenses : state.events;
      const src = readSource(ss, props.getProperties(), from);
      notes.push(...src.notes);
      problems = src.problems
        .slice(0, 20)
        .map((p) => `${p.tab}!${p.column}${p.row} (${p.label}): ${p.reason}`.slice(0, 300));
      problemCount = src.problems.length;
      const complete = facts(run, src) && snapshots(run, src, at, timeZone);
      run.save();
      status = {
        at: nowIn(timeZone),
        ok: true,
        complete,
        rows: run.rows,
        requests: run.requests,
        left: run.left,
        error: null,
        problems,
        problemCount,
        notes: notes.slice(0, 5),
      };
    } catch (error) {
      status = { ...failed(nowIn(timeZone), classify(error, settings)), rows: run.rows, requests: run.requests };
    }
  }
  props.setProperty(STATUS_KEY, JSON.stringify(status));
  try {
    monitorRow(ss, status, lang, timeZone);
  } catch {
    // The Monitor tab is a courtesy: the status above is what the sidebar shows.
  }
  return status;
}

function failed(at: string, error: OrgMessage): ExportStatus {
  return {
    at,
    ok: false,
    complete: false,
    rows: 0,
    requests: 0,
    left: 0,
    error,
    problems: [],
    problemCount: 0,
    notes: notes.slice(0, 5),
  };
}

/** The scheduled job: exports when export is on (a no-op otherwise). */
export function exportJob(): void {
  runExport();
}
