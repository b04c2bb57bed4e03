// The shipped portfolio views (sql/) run on DuckDB over the rows the emulated BigQuery received from three workbooks:
// the cross-workbook totals equal the sum of each workbook's own Variance report and Evaluation report.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLES } from "../../src/org/tables";
import type { BigQueryCloud, Emulator } from "../emulator/index";
import { cloud, DATASET, enableExport, exportNow, orgWorkbook, PROJECT } from "./org-support";
import { clickMenu, ROOT } from "./support";

const SQL_DIR = join(ROOT, "sql");
const DUCK_TYPES: Record<string, string> = {
  STRING: "VARCHAR",
  INT64: "BIGINT",
  NUMERIC: "DECIMAL(38, 9)",
  FLOAT64: "DOUBLE",
  BOOL: "BOOLEAN",
  DATE: "DATE",
  TIMESTAMP: "TIMESTAMP",
};

function literal(value: unknown, type: string): string {
  if (value === null || value === undefined) return "NULL";
  if (type === "TIMESTAMP") return `'${String(value).replace("T", " ").replace("Z", "")}'`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** Creates the tables in DuckDB with the exported schema and fills them with what the emulated BigQuery holds. */
async function load(db: DuckDBConnection, bq: BigQueryCloud): Promise<void> {
  await db.run("CREATE SCHEMA ds");
  for (const spec of TABLES) {
    const cols = spec.fields.map((f) => `${f.name} ${DUCK_TYPES[f.type]}`).join(", ");
    await db.run(`CREATE TABLE ds.${spec.id} (${cols})`);
    const rows = bq.rows(PROJECT, DATASET, spec.id);
    if (rows.length === 0) continue;
    const values = rows.map((r) => `(${spec.fields.map((f) => literal(r[f.name], f.type)).join(", ")})`);
    await db.run(`INSERT INTO ds.${spec.id} VALUES ${values.join(", ")}`);
  }
}

function view(name: string): string {
  return readFileSync(join(SQL_DIR, name), "utf8").replaceAll("{{dataset}}", "ds");
}

async function one(db: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJson()[0] as Record<string, unknown>;
}

/** The Total row under "By campaign" of a workbook's Variance report: planned, approved, committed, actual, variance. */
function varianceTotals(emu: Emulator): number[] {
  const rows = emu.values("Variance report");
  const total = rows.find((r) => r[0] === "Total");
  if (!total) throw new Error("no Total row");
  return [1, 2, 3, 4, 7].map((i) => Number(total[i]));
}

/** The campaign rows of a workbook's Evaluation report: count, actual spend and attributed revenue summed. */
function evaluationTotals(emu: Emulator): number[] {
  const [header = [], ...rows] = emu.values("Evaluation report");
  const col = (label: string) => header.indexOf(label);
  const campaigns = rows.filter((r) => r[0] !== "" && r[col("Name")] !== "");
  const sum = (label: string) => campaigns.reduce((s, r) => s + Number(r[col(label)] || 0), 0);
  return [campaigns.length, sum("Actual spend"), sum("Attributed revenue")];
}

describe("the portfolio views over three workbooks", () => {
  const bq = cloud();
  const books: Emulator[] = [];
  let db: DuckDBConnection;

  beforeAll(async () => {
    for (const n of [1, 2, 3]) {
      const emu = orgWorkbook(bq, n);
      enableExport(emu, n === 3 ? "South" : "North");
      clickMenu(emu, "menuRefreshVariance");
      clickMenu(emu, "menuRefreshEvaluation");
      const v = exportNow(emu);
      expect(v.ok, v.last).toBe(true);
      books.push(emu);
    }
    db = await (await DuckDBInstance.create(":memory:")).connect();
    await load(db, bq);
  }, 120_000);

  it("every view in sql/ says its purpose in its first line and runs", async () => {
    const files = readdirSync(SQL_DIR).filter((f) => f.endsWith(".sql"));
    expect(files.sort()).toEqual([
      "approval_cycle_times.sql",
      "budget_vs_actual.sql",
      "kpi_attainment.sql",
      "open_escalations.sql",
      "overrun_share.sql",
    ]);
    for (const f of files) {
      expect(readFileSync(join(SQL_DIR, f), "utf8").split("\n")[0], f).toMatch(/^-- Purpose: \S/);
      await db.runAndReadAll(view(f));
    }
  });

  it("budget against actual: the totals across workbooks are the sum of their Variance reports' totals", async () => {
    const got = await one(
      db,
      `SELECT CAST(SUM(planned) AS DOUBLE) AS planned, CAST(SUM(approved) AS DOUBLE) AS approved,
        CAST(SUM(committed) AS DOUBLE) AS committed, CAST(SUM(actual) AS DOUBLE) AS actual,
        CAST(SUM(variance) AS DOUBLE) AS variance, COUNT(DISTINCT workbook_id) AS workbooks
       FROM (${view("budget_vs_actual.sql")}) v`,
    );
    const expected = [0, 0, 0, 0, 0];
    for (const emu of books) {
      varianceTotals(emu).forEach((x, i) => {
        expected[i] = (expected[i] ?? 0) + x;
      });
    }
    expect([got.planned, got.approved, got.committed, got.actual, got.variance].map(Number)).toEqual(expected);
    expect(Number(got.workbooks)).toBe(3);
    const byTeam = (
      await db.runAndReadAll(`SELECT team FROM (${view("budget_vs_actual.sql")}) v GROUP BY team ORDER BY team`)
    )
      .getRowObjectsJson()
      .map((r) => r.team);
    expect(byTeam).toEqual(["North", "South"]);
  });

  it("KPI attainment and grades: campaigns, spend and revenue across workbooks are the sum of their Evaluation reports", async () => {
    const got = await one(
      db,
      `SELECT CAST(SUM(campaigns) AS DOUBLE) AS campaigns, CAST(SUM(spend) AS DOUBLE) AS spend,
        CAST(SUM(revenue) AS DOUBLE) AS revenue FROM (${view("kpi_attainment.sql")}) v`,
    );
    const expected = [0, 0, 0];
    for (const emu of books) {
      evaluationTotals(emu).forEach((x, i) => {
        expected[i] = (expected[i] ?? 0) + x;
      });
    }
    expect([got.campaigns, got.spend, got.revenue].map(Number)).toEqual(expected);
  });

  it("approval cycle times count every decision; overrun share counts the expenses that needed approval", async () => {
    const decisions = bq
      .rows(PROJECT, DATASET, "approval_events")
      .filter((r) => ["approve", "reject", "request_changes"].includes(String(r.action))).length;
    const got = await one(
      db,
      `SELECT CAST(SUM(decisions) AS DOUBLE) AS n FROM (${view("approval_cycle_times.sql")}) v`,
    );
    expect(Number(got.n)).toBe(decisions);
    const over = await one(
      db,
      `SELECT CAST(SUM(expenses_needing_overrun) AS DOUBLE) AS n, CAST(SUM(expenses_recorded) AS DOUBLE) AS r FROM (${view("overrun_share.sql")}) v`,
    );
    expect(Number(over.n)).toBe(3);
    expect(Number(over.r)).toBe(6);
  });
});
