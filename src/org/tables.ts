// The BigQuery tables the org export creates and fills: their columns (the documented schema), day partitioning and
// clustering. Facts are appended once each; snapshots are whole copies of the workbook's current state, each row naming
// its snapshot and how many rows make it complete, so a view reads the latest complete one per workbook.
import type { FieldSchema, TableResource } from "./ports";

export type TableKind = "fact" | "snapshot";

export interface TableSpec {
  readonly id: string;
  readonly kind: TableKind;
  readonly description: string;
  /** The DATE column the table is partitioned on (by day). */
  readonly partition: string;
  readonly fields: readonly FieldSchema[];
}

type Col = [name: string, type: FieldSchema["type"], description: string, required?: boolean];

function field([name, type, description, required]: Col): FieldSchema {
  return { name, type, mode: required ? "REQUIRED" : "NULLABLE", description };
}

/** Every row: which workbook, period and team it comes from, its stable id and the request that carried it. */
const COMMON: Col[] = [
  ["workbook_id", "STRING", "The spreadsheet's id.", true],
  ["workbook_name", "STRING", "The spreadsheet's name when the row was exported."],
  ["period", "STRING", "The period the workbook serves, as the admin set it (e.g. 2026).", true],
  ["team", "STRING", "The team the workbook serves, as the admin set it."],
  ["row_id", "STRING", "Stable id of the row; also its insertId.", true],
  ["batch_id", "STRING", "The insertAll request that carried the row (the row_id of its first row).", true],
  ["exported_at", "TIMESTAMP", "When the row was sent.", true],
];

/** Snapshot rows: which snapshot, how many rows make it whole, and as of when. */
const SNAPSHOT: Col[] = [
  ["snapshot_id", "STRING", "The snapshot the row belongs to.", true],
  ["snapshot_rows", "INT64", "How many rows the whole snapshot has: fewer rows stored means it is not complete.", true],
  ["as_of", "TIMESTAMP", "The moment the workbook was read for the snapshot.", true],
  ["snapshot_date", "DATE", "The day of as_of in the spreadsheet's time zone (partition).", true],
];

const MONEY = "in the workbook currency";

function spec(id: string, kind: TableKind, description: string, partition: string, cols: Col[]): TableSpec {
  const head = kind === "snapshot" ? [...COMMON, ...SNAPSHOT] : COMMON;
  return { id, kind, description, partition, fields: [...head, ...cols].map(field) };
}

export const TABLES: readonly TableSpec[] = [
  spec("approval_events", "fact", "One row per sealed approval-log event, in chain order.", "event_date", [
    ["seq", "INT64", "The event's place in the workbook's chain (1-based, gap-free).", true],
    ["event_id", "STRING", "The event's id.", true],
    ["event_at", "TIMESTAMP", "When the event was sealed.", true],
    ["at_ms", "INT64", "The same instant in milliseconds since 1970 (for portable differences).", true],
    ["event_date", "DATE", "The day of the event in the spreadsheet's time zone (partition).", true],
    ["actor", "STRING", "Who acted."],
    ["on_behalf_of", "STRING", "The approver a delegate acted for."],
    ["entity_type", "STRING", "campaign, expense or period."],
    ["entity_id", "STRING", "The campaign, expense or period the event is about."],
    ["campaign_id", "STRING", "The campaign (blank for a period event)."],
    ["request_id", "STRING", "The request the event belongs to."],
    ["request_type", "STRING", "plan, execution, budget_overrun, reimbursement, change, cancellation or summary."],
    ["request_version", "INT64", "The request's version after the event."],
    ["action", "STRING", "submit, approve, reject, request_changes, withdraw, record, pay ..."],
    ["from_state", "STRING", "The campaign's state before."],
    ["to_state", "STRING", "The campaign's state after."],
    ["level", "INT64", "The approval level decided (0 when none)."],
    ["comment", "STRING", "The comment, as text."],
    ["prev_hash", "STRING", "The previous event's seal."],
    ["hash", "STRING", "The event's seal (HMAC-SHA256 of the row and prev_hash)."],
  ]),
  spec("expense_events", "fact", "One row per sealed event that changes an expense's standing.", "event_date", [
    ["seq", "INT64", "The approval-log event's seq.", true],
    ["event_at", "TIMESTAMP", "When.", true],
    ["event_date", "DATE", "The day (partition).", true],
    ["expense_id", "STRING", "The expense.", true],
    ["campaign_id", "STRING", "Its campaign."],
    ["action", "STRING", "record, pay, or the request action (submit, approve, reject, withdraw)."],
    ["request_type", "STRING", "budget_overrun or reimbursement for request events."],
    ["level", "INT64", "The approval level decided (0 when none)."],
    ["status", "STRING", "The expense's standing after the event, where the event alone decides it."],
    ["amount", "NUMERIC", "The amount the event names, in the expense's currency."],
    ["currency", "STRING", "That currency."],
    ["category", "STRING", "The budget category (record events)."],
    ["kind", "STRING", "committed or actual (record events)."],
    ["actor", "STRING", "Who acted."],
  ]),
  spec("kpi_readings", "fact", "One row per KPI reading typed into the KPI readings tab.", "reading_date", [
    ["reading_date", "DATE", "The date of the measurement.", true],
    ["campaign_id", "STRING", "The campaign.", true],
    ["indicator", "STRING", "The indicator.", true],
    ["value", "FLOAT64", "The value measured.", true],
    ["sheet_row", "INT64", "The row of the KPI readings tab it was read from."],
  ]),
  spec("campaigns", "snapshot", "Every campaign with its state folded from the sealed log.", "snapshot_date", [
    ["campaign_id", "STRING", "The campaign.", true],
    ["name", "STRING", "Its name."],
    ["owner", "STRING", "Its owner."],
    ["state", "STRING", "Its state (from the sealed log).", true],
    ["start_date", "DATE", "First day."],
    ["end_date", "DATE", "Last day."],
  ]),
  spec(
    "budget_lines",
    "snapshot",
    "Planned and approved budget, committed and actual spend by campaign, category and month.",
    "snapshot_date",
    [
      ["campaign_id", "STRING", "The campaign.", true],
      ["category", "STRING", "The budget category."],
      ["month", "STRING", "YYYY-MM."],
      ["currency", "STRING", "The workbook currency.", true],
      ["planned", "NUMERIC", `Planned ${MONEY}.`, true],
      ["approved", "NUMERIC", `Approved ${MONEY} (the lines approved with the plan, plus approved overruns).`, true],
      ["committed", "NUMERIC", `Committed ${MONEY}.`, true],
      ["actual", "NUMERIC", `Actual ${MONEY}.`, true],
      ["pending", "NUMERIC", `Waiting for overrun approval ${MONEY} (never counted).`, true],
    ],
  ),
  spec(
    "approved_budgets",
    "snapshot",
    "Each campaign's approved budget and where spending stands against it.",
    "snapshot_date",
    [
      ["campaign_id", "STRING", "The campaign.", true],
      ["currency", "STRING", "The workbook currency.", true],
      ["planned", "NUMERIC", `Planned ${MONEY}.`, true],
      ["approved", "NUMERIC", `Approved ${MONEY}.`, true],
      ["committed", "NUMERIC", `Committed ${MONEY}.`, true],
      ["actual", "NUMERIC", `Actual ${MONEY}.`, true],
      ["remaining", "NUMERIC", `approved - actual - committed ${MONEY}.`, true],
      ["variance", "NUMERIC", `actual - approved ${MONEY} (positive: over).`, true],
      ["status", "STRING", "UNDER, WARNING, ON_BUDGET, OVER or NOT_APPROVED.", true],
    ],
  ),
  spec("kpis", "snapshot", "Each KPI with its target, actual and attainment.", "snapshot_date", [
    ["campaign_id", "STRING", "The campaign.", true],
    ["indicator", "STRING", "The indicator.", true],
    ["unit", "STRING", "Its unit."],
    ["direction", "STRING", "higher or lower (is better)."],
    ["target", "FLOAT64", "The target.", true],
    ["actual", "FLOAT64", "The actual (or latest reading)."],
    ["weight", "FLOAT64", "Its weight in the score.", true],
    ["attainment", "FLOAT64", "actual / target (target / actual when lower is better)."],
    ["met", "BOOL", "Attainment of 100 % or more."],
  ]),
  spec(
    "evaluation",
    "snapshot",
    "Each campaign's evaluation: score, grade, spend, revenue, ROI, goals.",
    "snapshot_date",
    [
      ["campaign_id", "STRING", "The campaign.", true],
      ["score", "FLOAT64", "Weighted mean of the capped attainments."],
      ["grade", "STRING", "The grade from the score."],
      ["spend", "FLOAT64", `Actual spend ${MONEY}.`],
      ["revenue", "FLOAT64", "Attributed revenue."],
      ["roi", "FLOAT64", "(revenue - spend) / spend."],
      ["goals_met", "INT64", "KPIs that count and were met.", true],
      ["goals", "INT64", "KPIs that count.", true],
    ],
  ),
  spec(
    "escalations",
    "snapshot",
    "Problems reported on running campaigns and the superior's answer.",
    "snapshot_date",
    [
      ["escalation_id", "STRING", "The report.", true],
      ["campaign_id", "STRING", "The campaign."],
      ["reported_at", "STRING", "When it was reported (as written in the Escalations tab)."],
      ["reported_by", "STRING", "Who reported it."],
      ["severity", "STRING", "low, medium, high or critical."],
      ["problem", "STRING", "What was reported."],
      ["state", "STRING", "open or answered.", true],
      ["answered_by", "STRING", "Who answered."],
      ["answered_at", "STRING", "When."],
    ],
  ),
];

export function tableSpec(id: string): TableSpec {
  const found = TABLES.find((t) => t.id === id);
  if (!found) throw new Error(`No table ${id}`);
  return found;
}

/** The resource Tables.insert is given: the schema, partitioned by day, clustered by workbook and campaign. */
export function tableResource(spec: TableSpec, projectId: string, datasetId: string): TableResource {
  const names = spec.fields.map((f) => f.name);
  return {
    tableReference: { projectId, datasetId, tableId: spec.id },
    description: spec.description,
    schema: { fields: spec.fields.map((f) => ({ ...f })) },
    timePartitioning: { type: "DAY", field: spec.partition },
    clustering: { fields: ["workbook_id", names.includes("campaign_id") ? "campaign_id" : "expense_id"] },
  };
}

/** A short fingerprint of the schemas, kept with the checkpoint: a new version of the add-on checks its tables again. */
export function schemaVersion(): string {
  let h = 0;
  for (const t of TABLES) {
    for (const c of `${t.id}|${t.fields.map((f) => `${f.name}:${f.type}`).join(",")}`) {
      h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
    }
  }
  return (h >>> 0).toString(36);
}
