// The Variance report tab: the report model laid out as one grid (values, number formats, weights, backgrounds) and
// written with one call per output range, whatever its size; conditional formats and the chart are rebuilt each time.
import { catalogIn, type Lang, type MessageKey, tKey } from "../../domain/i18n";
import { cellFor } from "../../domain/inert";
import { formatAmount } from "../../domain/money";
import {
  BUDGET_STATUSES,
  type BudgetStatus,
  FIGURES,
  majorUnits,
  type VarianceReport,
  type VarianceRow,
} from "../../domain/spend";
import type { ChartsPort, SheetPort, SpreadsheetAppPort, SpreadsheetPort } from "../shared/ports";
import type { RowProblem } from "../shared/problems";
import { HEADER_BACKGROUND, MONEY_FORMAT, TAB_METADATA_KEY, TEXT_FORMAT, tabName } from "../shared/spec";
import { locateTab } from "../shared/table";
import { VARIANCE_TAB } from "./tabs";

/** At most this many problems are listed (with a line saying how many more): the list is for fixing, not an archive. */
export const MAX_LISTED_PROBLEMS = 500;

const FIGURE_KEYS = [
  "key",
  "planned",
  "approved",
  "committed",
  "actual",
  "pending",
  "remaining",
  "variance",
  "variancePct",
  "usedPct",
  "status",
  "note",
] as const;
export const REPORT_WIDTH = FIGURE_KEYS.length;
/** The columns that hold money, in minor units of the workbook currency until written. */
const MONEY_KEYS = [...FIGURES, "remaining", "variance"] as const;
const COLUMN = Object.fromEntries(FIGURE_KEYS.map((k, i) => [k, i + 1])) as {
  [K in (typeof FIGURE_KEYS)[number]]: number;
};

const PERCENT_FORMAT = "0.0%";
const STATUS_COLORS: { readonly [S in BudgetStatus]?: string } = {
  OVER: "#f4c7c3",
  WARNING: "#fce8b2",
  ON_BUDGET: "#d9ead3",
  NOT_APPROVED: "#f1f3f4",
};

type Cell = string | number;

/** Where each section landed, for the formats and the chart. Rows are 1-based sheet rows. */
export interface ReportLayout {
  readonly values: Cell[][];
  readonly formats: string[][];
  readonly weights: string[][];
  readonly backgrounds: string[][];
  /** First and last data rows of each grouping (totals excluded); empty groupings have last < first. */
  readonly sections: { readonly [S in "campaign" | "category" | "month"]: { first: number; last: number } };
  readonly statusLabels: { readonly [S in BudgetStatus]: string };
  readonly chartTitle: string;
}

export interface ReportMeta {
  readonly lang: Lang;
  /** "2026-03-02 09:00 (Europe/Berlin)", already formatted in the spreadsheet's zone. */
  readonly refreshedAt: string;
  /** Rows that could not be read, as the person finds them. */
  readonly problems: readonly RowProblem[];
  /** A note for a campaign's row (its lines no longer match its approved plan), by campaign ID. */
  readonly campaignNotes?: ReadonlyMap<string, string>;
  /** Lines for the top of the report, under the completeness notice (expenses waiting for an overrun request). */
  readonly notices?: readonly string[];
}

/** The report as one grid. Every row is REPORT_WIDTH wide; text is kept exact when written (writeReport). */
export function layoutReport(report: VarianceReport, meta: ReportMeta): ReportLayout {
  const { lang } = meta;
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const weights: string[][] = [];
  const backgrounds: string[][] = [];
  const filled = <T>(value: T): T[] => new Array<T>(REPORT_WIDTH).fill(value);
  const headers = (keys: readonly string[]) => keys.map((k) => tKey(lang, `spend.report.col.${k}` as MessageKey));
  const push = (cells: Cell[], options: { bold?: boolean; shade?: boolean; formats?: string[] } = {}) => {
    values.push(Object.assign(filled<Cell>(""), cells));
    formats.push(options.formats ?? filled(TEXT_FORMAT));
    weights.push(filled(options.bold ? "bold" : "normal"));
    backgrounds.push(filled(options.shade ? HEADER_BACKGROUND : "#ffffff"));
  };
  const statusLabels = Object.fromEntries(
    BUDGET_STATUSES.map((s) => [s, catalogIn(lang)[`spend.budgetStatus.${s}`]]),
  ) as ReportLayout["statusLabels"];

  push([tKey(lang, "spend.report.title")], { bold: true });
  push([tKey(lang, "spend.report.refreshed", { at: meta.refreshedAt, currency: report.currency })]);
  push([tKey(lang, report.notice.messageKey, report.notice.params)], { bold: !report.complete });
  for (const notice of meta.notices ?? []) push([notice], { bold: true });
  push([]);

  if (meta.problems.length > 0) {
    push([tKey(lang, "spend.report.problems")], { bold: true });
    push(headers(["tab", "row", "column", "problem"]), { bold: true, shade: true });
    for (const p of meta.problems.slice(0, MAX_LISTED_PROBLEMS)) {
      push([p.tab, p.row, p.column ? `${p.column} (${p.label})` : p.label, p.reason], {
        formats: Object.assign(filled(TEXT_FORMAT), ["@", "0", "@", "@"]),
      });
    }
    if (meta.problems.length > MAX_LISTED_PROBLEMS) {
      push([tKey(lang, "spend.report.moreProblems", { count: meta.problems.length - MAX_LISTED_PROBLEMS })]);
    }
    push([]);
  }

  const header = headers(FIGURE_KEYS);
  const figureFormats = FIGURE_KEYS.map((k) =>
    k === "key" || k === "status" || k === "note"
      ? TEXT_FORMAT
      : k === "variancePct" || k === "usedPct"
        ? PERCENT_FORMAT
        : report.digits === 0
          ? "#,##0"
          : MONEY_FORMAT.replace(".00", `.${"0".repeat(report.digits)}`),
  );
  const money = (minor: number) => majorUnits(minor, report.digits);
  const figures = (row: VarianceRow, key: string, note = ""): Cell[] => [
    key,
    ...MONEY_KEYS.map((k) => money(row[k])),
    row.variancePct ?? "",
    row.usedPct ?? "",
    statusLabels[row.status],
    [row.note ? tKey(lang, row.note) : "", note].filter((n) => n !== "").join(" "),
  ];
  const section = (titleKey: MessageKey, rows: readonly VarianceRow[], notes?: ReadonlyMap<string, string>) => {
    push([tKey(lang, titleKey)], { bold: true });
    push(header, { bold: true, shade: true });
    const first = values.length + 1;
    for (const row of rows) push(figures(row, row.key, notes?.get(row.key)), { formats: figureFormats });
    const last = values.length;
    push(figures(report.total, tKey(lang, "spend.report.total")), { bold: true, formats: figureFormats });
    push([]);
    return { first, last };
  };
  const campaign = section("spend.report.byCampaign", report.byCampaign, meta.campaignNotes);
  if (report.notApproved.campaigns > 0) {
    // Under the campaign section, after its blank line: planned money of plans not approved, kept apart.
    for (const grid of [values, formats, weights, backgrounds]) grid.pop();
    push([
      tKey(lang, "spend.report.notApprovedTotal", {
        amount: formatAmount(report.notApproved.planned, report.currency),
        currency: report.currency,
        count: report.notApproved.campaigns,
      }),
    ]);
    push([]);
  }
  const category = section("spend.report.byCategory", report.byCategory);
  const month = section("spend.report.byMonth", report.byMonth);
  return {
    values,
    formats,
    weights,
    backgrounds,
    sections: { campaign, category, month },
    statusLabels,
    chartTitle: tKey(lang, "spend.report.chart"),
  };
}

type ReportApp = Pick<SpreadsheetAppPort, "newConditionalFormatRule">;

/** The report's tab, found by its tab metadata (never a same-named tab of someone else's), created when missing. */
export function reportSheet(ss: SpreadsheetPort, lang: Lang): { sheet: SheetPort; created: boolean } {
  const found = locateTab(ss, VARIANCE_TAB);
  if (found?.byMetadata) return { sheet: found.sheet, created: false };
  const base = tabName(VARIANCE_TAB, lang);
  let name = base;
  for (let i = 2; ss.getSheetByName(name) !== null; i++) name = `${base} (${i})`;
  const sheet = ss.insertSheet(name);
  sheet.getRange("1:1").addDeveloperMetadata(TAB_METADATA_KEY, VARIANCE_TAB.key);
  return { sheet, created: true };
}

/**
 * Writes the layout over whatever the tab held. The number of calls does not depend on the report's size: one clear,
 * at most one resize, one write per output range (formats before values, so "2026-03" stays text), one call for
 * the rules and one chart.
 */
export function writeReport(sheet: SheetPort, layout: ReportLayout, app: ReportApp, charts: ChartsPort): void {
  const height = layout.values.length;
  sheet.clear();
  const maxRows = sheet.getMaxRows();
  if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
  else if (maxRows > height + 1) sheet.deleteRows(height + 2, maxRows - height - 1);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < REPORT_WIDTH) sheet.insertColumnsAfter(maxColumns, REPORT_WIDTH - maxColumns);
  // Kept to the report and the column its chart is anchored in: empty cells count against the 10-million limit.
  else if (maxColumns > REPORT_WIDTH + 2) sheet.deleteColumns(REPORT_WIDTH + 3, maxColumns - REPORT_WIDTH - 2);

  const range = sheet.getRange(1, 1, height, REPORT_WIDTH);
  range.setNumberFormats(layout.formats);
  // Text reads back exactly: bare in the text-formatted cells, with an apostrophe where Sheets would parse it.
  range.setValues(layout.values.map((row, i) => row.map((v, j) => cellFor(v, layout.formats[i]?.[j] ?? ""))));
  range.setFontWeights(layout.weights);
  range.setBackgrounds(layout.backgrounds);

  const status = sheet.getRange(1, COLUMN.status, height, 1);
  const variance = sheet.getRange(1, COLUMN.variance, height, 1);
  const rules = (Object.entries(STATUS_COLORS) as [BudgetStatus, string][]).map(([s, color]) =>
    app
      .newConditionalFormatRule()
      .whenTextEqualTo(layout.statusLabels[s])
      .setBackground(color)
      .setRanges([status])
      .build(),
  );
  rules.push(
    app.newConditionalFormatRule().whenNumberGreaterThan(0).setFontColor("#c5221f").setRanges([variance]).build(),
  );
  sheet.setConditionalFormatRules(rules);

  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const { first, last } = layout.sections.month;
  if (last >= first) {
    const rows = last - first + 1;
    const column = (key: keyof typeof COLUMN) => sheet.getRange(first - 1, COLUMN[key], rows + 1, 1);
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.COLUMN)
      .addRange(column("key"))
      .addRange(column("planned"))
      .addRange(column("committed"))
      .addRange(column("actual"))
      .setPosition(1, REPORT_WIDTH + 2, 0, 0)
      .setOption("title", layout.chartTitle)
      .setOption("useFirstColumnAsDomain", true)
      .setOption("headers", 1)
      .build();
    sheet.insertChart(chart);
  }
}
