// What the export reads of the workbook, once per run, and the rows it makes of it. Money and states come from the
// verified log (the sealed events and the fold of the rows before any break), never from typed cells: the same reads
// the Variance and Evaluation reports make, so the exported figures are the reports' figures.

import { decodeRows } from "../domain/evaluation";
import { shortHash } from "../domain/guard";
import { type Lang, langOf } from "../domain/i18n";
import { expenseIdOf, reportFrom } from "../domain/spend";
import { chainText, type LogRow, verifyChain } from "../domain/workflow";
import { domainProblems, reportOf } from "../server/evaluation/reports";
import { readEvaluationBook } from "../server/evaluation/sources";
import { foldBook, readSpendBook, rowProblemsOf } from "../server/shared/spend-book";
import { KEY, parseJson, readAnchor } from "../server/shared/store";
import { hashWith } from "../server/shared/workspace";
import { readEscalations } from "../workbook/approvals/escalations";
import { readLog, readLogFrom } from "../workbook/approvals/log";
import type { SpreadsheetPort } from "../workbook/shared/ports";
import type { RowProblem } from "../workbook/shared/problems";
import type { OrgMessage } from "./texts";

export type Json = Record<string, string | number | boolean | null>;

/** A row to send: its stable id (the insertId too) and its columns (without the common ones). */
export interface OutRow {
  readonly id: string;
  readonly json: Json;
}

/** Where the approval-log export stands: the last event sent, its seal and its sheet row. */
export interface LogCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly sheetRow: number;
}

export interface Source {
  readonly workbookId: string;
  readonly workbookName: string;
  readonly timeZone: string;
  readonly lang: Lang;
  /** Verified log rows after the log checkpoint, with their sheet rows. */
  readonly events: readonly { row: LogRow; sheetRow: number }[];
  /** Readings in sheet order (readable ones), with their content ids. */
  readonly readings: readonly OutRow[];
  /** The snapshots' rows by table. */
  readonly snapshots: Readonly<Record<string, readonly Json[]>>;
  readonly problems: readonly RowProblem[];
  readonly notes: readonly OrgMessage[];
  /** Campaign of each request id, and expense of each money request (from the verified fold). */
  readonly requestExpense: ReadonlyMap<string, string>;
  readonly currency: string;
  readonly digits: number;
}

/** Minor units as a NUMERIC text in major units: exact, whatever the sum. */
export function moneyText(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
}

/**
 * The verified log rows after `cp`. The row at the checkpoint must still be there with the seal that was sent; then
 * only the rows below it are read and verified. When it moved or changed, the log is read and verified whole: a break
 * at or above the checkpoint is an edit of a row already exported, reported and never sent again.
 */
function eventsAfter(
  ss: SpreadsheetPort,
  props: Readonly<Record<string, string>>,
  cp: LogCheckpoint,
  notes: OrgMessage[],
): { row: LogRow; sheetRow: number }[] {
  const hash = hashWith(props[KEY.secret]);
  const anchor = readAnchor(props);
  const recorded = parseJson<{ row?: unknown; kind?: unknown }>(props[KEY.broken]);
  if (cp.seq > 0) {
    const log = readLogFrom(ss, cp.sheetRow, cp.seq);
    const link = log?.rows[0];
    if (log && link && link.seq === cp.seq && link.hash === cp.hash && hash(chainText(link)) === link.hash) {
      const tail = log.rows.slice(1);
      const verdict = verifyChain(tail, hash, anchor, { count: cp.seq, lastHash: cp.hash });
      const upTo = verdict.ok ? tail.length : verdict.row - cp.seq - 1;
      if (!verdict.ok) notes.push(logNote(verdict.row, verdict.kind));
      const out: { row: LogRow; sheetRow: number }[] = [];
      tail.slice(0, upTo).forEach((row, i) => {
        if (row) out.push({ row, sheetRow: log.sheetRows[i + 1] ?? 0 });
      });
      // A break the full verification found inside the exported rows: reported; nothing after it goes out.
      if (typeof recorded?.row === "number") {
        notes.push(logNote(recorded.row, String(recorded.kind ?? "")));
        return out.filter((e) => e.row.seq < (recorded.row as number));
      }
      return out;
    }
  }
  const log = readLog(ss);
  const rows = log?.rows ?? [];
  const verdict = verifyChain(rows, hash, anchor);
  const upTo = verdict.ok ? rows.length : verdict.row - 1;
  if (!verdict.ok) notes.push(logNote(verdict.row, verdict.kind));
  const out: { row: LogRow; sheetRow: number }[] = [];
  rows.slice(0, upTo).forEach((row, i) => {
    if (row && row.seq > cp.seq) out.push({ row, sheetRow: log?.sheetRows[i] ?? 0 });
  });
  return out;
}

/** The log's position `row` is sheet row row + 1 (below the header). */
function logNote(row: number, kind: string): OrgMessage {
  return { key: "org.problem.logEdited", params: { row: row + 1, kind } };
}

/** Reads everything one export run sends. */
export function readSource(ss: SpreadsheetPort, props: Readonly<Record<string, string>>, cp: LogCheckpoint): Source {
  const book = readEvaluationBook(ss);
  const ws = book.ws;
  const lang = langOf(ss.getSpreadsheetLocale());
  const notes: OrgMessage[] = [];
  const spend = readSpendBook({ ...ws, finance: ws.roles.finance });
  const folded = spend.setupNeeded ? null : foldBook(spend);
  const positions = folded?.positions;
  const digits = positions?.digits ?? 2;
  const currency = ws.settings.currency;
  const scale = 10 ** digits;
  const budgetPositions = new Map(
    [...(positions?.campaigns ?? new Map()).values()].map((p) => [
      p.campaign,
      { approved: p.approved / scale, actual: p.actual / scale, committed: p.committed / scale },
    ]),
  );
  const evalBook = { ...book, positions: budgetPositions };
  const evaluation = reportOf(evalBook);
  const variance = folded && positions ? reportFrom(folded.ledger, positions, spend.spendSettings.warnAt) : null;
  const problems = [
    ...book.problems,
    ...(variance ? rowProblemsOf(spend, variance.problems, lang) : []),
    ...domainProblems(evalBook, evaluation.problems, lang),
  ];

  const workbookId = ss.getId();
  const readings: OutRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, value } of decodeRows("readings", book.readings?.rows ?? []).rows) {
    const content = [value.campaign, value.indicator, value.date, value.value].join("\u0000");
    const k = (seen.get(content) ?? 0) + 1;
    seen.set(content, k);
    readings.push({
      id: `${workbookId}:r:${shortHash(content)}:${k}`,
      json: {
        reading_date: value.date,
        campaign_id: value.campaign,
        indicator: value.indicator,
        value: value.value,
        sheet_row: row,
      },
    });
  }

  const requestExpense = new Map<string, string>();
  for (const view of ws.fold.campaigns.values()) {
    for (const r of view.requests) {
      const id = r.type === "budget_overrun" || r.type === "reimbursement" ? expenseIdOf(r.data) : null;
      if (id) requestExpense.set(r.id, id);
    }
  }

  const money = (minor: number) => moneyText(minor, digits);
  const snapshots: Record<string, Json[]> = {
    campaigns: book.campaigns.map((c) => ({
      campaign_id: c.id,
      name: c.name,
      owner: c.owner,
      state: c.state,
      start_date: c.start,
      end_date: c.end,
    })),
    budget_lines: (positions?.cells ?? []).map((c) => ({
      campaign_id: c.campaign,
      category: c.category,
      month: c.month,
      currency,
      planned: money(c.planned),
      approved: money(c.approved),
      committed: money(c.committed),
      actual: money(c.actual),
      pending: money(c.pending),
    })),
    approved_budgets: (variance?.byCampaign ?? []).map((r) => ({
      campaign_id: r.key,
      currency,
      planned: money(r.planned),
      approved: money(r.approved),
      committed: money(r.committed),
      actual: money(r.actual),
      remaining: money(r.remaining),
      variance: money(r.variance),
      status: r.status,
    })),
    kpis: evaluation.campaigns.flatMap((c) =>
      c.kpis.map((k) => ({
        campaign_id: c.campaign,
        indicator: k.indicator,
        unit: k.unit,
        direction: k.direction,
        target: k.target,
        actual: k.actual,
        weight: k.weight,
        attainment: k.attainment,
        met: k.met,
      })),
    ),
    evaluation: evaluation.campaigns.map((c) => {
      const counted = c.kpis.filter((k) => k.weight > 0);
      return {
        campaign_id: c.campaign,
        score: c.score,
        grade: c.grade,
        spend: c.spend,
        revenue: c.revenue,
        roi: c.roi,
        goals_met: counted.filter((k) => k.met === true).length,
        goals: counted.length,
      };
    }),
    escalations: (readEscalations(ss)?.list ?? []).map((e) => ({
      escalation_id: e.id,
      campaign_id: e.campaign,
      reported_at: e.reportedAt,
      reported_by: e.reportedBy,
      severity: String(e.severity),
      problem: e.problem,
      state: String(e.state) || "open",
      answered_by: e.answeredBy,
      answered_at: e.answeredAt,
    })),
  };

  return {
    workbookId,
    workbookName: ss.getName(),
    timeZone: ss.getSpreadsheetTimeZone(),
    lang,
    events: eventsAfter(ss, props, cp, notes),
    readings,
    snapshots,
    problems,
    notes,
    requestExpense,
    currency,
    digits,
  };
}

/** An ISO instant with an offset as BigQuery's canonical UTC text, and its day as written (the sheet's zone). */
function instant(at: string): { at: string; ms: number; date: string } {
  const ms = Date.parse(at);
  const date = /^\d{4}-\d{2}-\d{2}/.exec(at)?.[0] ?? "1970-01-01";
  return { at: new Date(Number.isFinite(ms) ? ms : 0).toISOString(), ms: Number.isFinite(ms) ? ms : 0, date };
}

export function eventRow(workbookId: string, row: LogRow): OutRow {
  const when = instant(row.at);
  return {
    id: `${workbookId}:e:${row.seq}`,
    json: {
      seq: row.seq,
      event_id: row.id,
      event_at: when.at,
      at_ms: when.ms,
      event_date: when.date,
      actor: row.actor,
      on_behalf_of: row.onBehalfOf,
      entity_type: row.entityType,
      entity_id: row.entityId,
      campaign_id: row.entityType === "campaign" ? row.entityId : null,
      request_id: row.requestId,
      request_type: row.requestType,
      request_version: row.requestVersion,
      action: row.action,
      from_state: row.fromState,
      to_state: row.toState,
      level: row.level,
      comment: row.comment,
      prev_hash: row.prevHash,
      hash: row.hash,
    },
  };
}

/** The expense event of a log row, when it changes an expense's standing; null otherwise. */
export function expenseRow(src: Source, row: LogRow): OutRow | null {
  const when = instant(row.at);
  const base = { seq: row.seq, event_at: when.at, event_date: when.date, actor: row.actor, level: row.level };
  const money = (minor: unknown) => (typeof minor === "number" ? moneyText(minor, src.digits) : null);
  if (row.entityType === "expense") {
    const snap = parseJson<Record<string, unknown>>(row.snapshot) ?? {};
    const record = row.action === "record";
    return {
      id: `${src.workbookId}:x:${row.seq}`,
      json: {
        ...base,
        expense_id: row.entityId,
        campaign_id: typeof snap.campaign === "string" ? snap.campaign : null,
        action: row.action,
        request_type: row.requestType,
        status: record ? (snap.outcome === "pending_overrun" ? "pending_overrun" : "recorded") : "paid",
        amount: money(snap.amount),
        currency: src.currency,
        category: record && typeof snap.category === "string" ? snap.category : null,
        kind: record && typeof snap.kind === "string" ? snap.kind : null,
      },
    };
  }
  if (row.requestType !== "budget_overrun" && row.requestType !== "reimbursement") return null;
  const expense = src.requestExpense.get(row.requestId);
  if (!expense) return null;
  const overrun = row.requestType === "budget_overrun";
  const status =
    row.action === "reject"
      ? overrun
        ? "rejected"
        : null
      : row.action === "submit"
        ? overrun
          ? "pending_overrun"
          : "reimbursement_requested"
        : null;
  return {
    id: `${src.workbookId}:x:${row.seq}`,
    json: {
      ...base,
      expense_id: expense,
      campaign_id: row.entityId,
      action: row.action,
      request_type: row.requestType,
      status,
      amount: null,
      currency: null,
      category: null,
      kind: null,
    },
  };
}
