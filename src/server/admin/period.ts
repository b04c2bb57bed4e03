// A new period (next year's workbook) without losing the trail. The way: File › Make a copy of this year's workbook,
// then, in the copy, Extensions › Campaign Control › Start new period (an admin: in a fresh copy that is its owner).
//
// Why it is built this way. The key that seals the log lives in the document properties, which belong to the
// document, not to the file: a copy has none, so it cannot verify the rows it inherited, and nothing can be
// re-sealed under the old key. So the old workbook stays as it is, verifiable with its own key (Verify audit log
// there names its count and last hash), and the copy starts a log of its own under a new key:
// 1. a sealed carry-over event that names the old document (the id setup recorded in the workbook's developer
//    metadata, which a copy keeps), the old log's event count and its last hash, and which campaigns came along;
// 2. the events of every campaign still open (not Closed or Cancelled) and of its recorded expenses, in their order,
//    re-sealed under the new key, so each carried campaign folds to the same state, approved plan, budget lines,
//    overruns and spend.
// An auditor compares the carry-over event with the old workbook's own verdict: the same count and last hash mean the
// copy started from that log as sealed. Before anything is written the copied rows must still link up (each row's
// previous hash is the hash of the row above, numbered without gaps): a copy whose log was edited is refused.
// Closed and cancelled campaigns stay in the old workbook: their rows go from the copy's tabs (campaigns, tasks,
// budget lines, expenses, KPIs and readings, escalations, summaries, notices); the lessons stay, they are the
// knowledge base. Roles belong to the document as well: in the copy the owner is the admin until roles are saved.

import { asString, isArray, isNumber, isString, max, stringify } from "../../domain/builtins";
import { type Lang, t } from "../../domain/i18n";
import { isAdmin, parseRoles } from "../../domain/roles";
import { sealedMoneyOf } from "../../domain/spend/sealed";
import { anchorOf, foldEvents, GENESIS_HASH, type LogEntry, type LogRow, sealEntries } from "../../domain/workflow";
import { appendLog, readLog } from "../../workbook/approvals/log";
import { CAMPAIGNS_TAB, ESCALATIONS_TAB, LOG_TAB, NOTIFICATIONS_TAB, TASKS_TAB } from "../../workbook/approvals/tabs";
import { KPIS_TAB, READINGS_TAB, SUMMARIES_TAB } from "../../workbook/evaluation/tabs";
import { documentMarkers } from "../../workbook/setup";
import { columnIndex } from "../../workbook/shared/columns";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import { runs } from "../../workbook/shared/setup-plan";
import type { TabSpec } from "../../workbook/shared/spec";
import { findTab, readTable } from "../../workbook/shared/table";
import { BUDGET_TAB, EXPENSES_TAB } from "../../workbook/spend/tabs";
import { activeSpreadsheet, timeZoneOf, userInterface } from "../shared/active";
import { userLang } from "../shared/locale";
import { withDocumentLock } from "../shared/lock";
import { documentProperties, KEY, parseJson } from "../shared/store";
import { hashWith, ownerOf } from "../shared/workspace";
import { callerEmail, newSecret, nowIn } from "../shared/write";

/** Tabs whose rows belong to one campaign, by the key of their campaign column. */
const CAMPAIGN_ROWS: readonly (readonly [TabSpec, string])[] = [
  [CAMPAIGNS_TAB, "id"],
  ...[
    TASKS_TAB,
    BUDGET_TAB,
    EXPENSES_TAB,
    KPIS_TAB,
    READINGS_TAB,
    ESCALATIONS_TAB,
    SUMMARIES_TAB,
    NOTIFICATIONS_TAB,
  ].map((tab) => [tab, "campaign"] as const),
];

const LEFT_BEHIND = new Set(["Closed", "Cancelled"]);

export interface PeriodResult {
  readonly ok: boolean;
  readonly message: string;
}

/** The first row whose links do not hold (1-based), or 0 when every row links to the one above. */
function firstBrokenLink(rows: readonly (LogRow | null)[]): number {
  let prev = GENESIS_HASH;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row || row.seq !== i + 1 || row.prevHash !== prev) return i + 1;
    prev = row.hash;
  }
  return 0;
}

function entryOf(row: LogRow): LogEntry {
  const { seq: _seq, prevHash: _prev, hash: _hash, ...entry } = row;
  return entry;
}

/** Deletes the rows of the left-behind campaigns from one tab: one deleteRows per run of adjacent rows, bottom up. */
function dropRows(ss: SpreadsheetPort, tab: TabSpec, key: string, left: ReadonlySet<string>): number {
  const sheet = findTab(ss, tab);
  if (!sheet || left.size === 0) return 0;
  const table = readTable(sheet, tab);
  const column = columnIndex(table.layout).get(key);
  if (column === undefined) return 0;
  const doomed = table.rows.filter((r) => left.has(asString(r.cells[column - 1] ?? "").trim())).map((r) => r.row);
  // Sheets keeps one row below the frozen header: when every data row goes, the first is emptied instead.
  const all = doomed.length > 0 && doomed.length >= sheet.getMaxRows() - 1;
  // Bottom up, so the rows of the runs above keep their numbers.
  for (const { column: first, values } of runs(new Map(doomed.map((row) => [row, row]))).reverse()) {
    if (all && first === 2) {
      if (values.length > 1) sheet.deleteRows(3, values.length - 1);
      sheet.getRange(2, 1, 1, max(1, table.width)).clearContent();
    } else {
      sheet.deleteRows(first, values.length);
    }
  }
  return doomed.length;
}

/** The document this workbook was copied from, as setup recorded it; "" when nothing is recorded. */
function origin(ss: SpreadsheetPort): string {
  for (const md of documentMarkers(ss)) {
    const value = md.getValue() ?? "";
    if (value !== "") return value;
  }
  return "";
}

const PENDING_KEY = "cc.period.pending";

/** A start under way: the new key and what its log must end with, kept until the start is complete. */
interface Pending {
  readonly secret: string;
  readonly count: number;
  readonly lastHash: string;
  readonly carried: readonly string[];
  readonly left: readonly string[];
}

function parsePending(text: string | undefined): Pending | null {
  const p = parseJson<Partial<Pending>>(text);
  if (typeof p?.secret !== "string" || !isNumber(p.count) || !isString(p.lastHash)) return null;
  const texts = (v: unknown) => (isArray(v) ? v.map(String) : []);
  return { secret: p.secret, count: p.count, lastHash: p.lastHash, carried: texts(p.carried), left: texts(p.left) };
}

/**
 * The steps after the new rows are written, each one safe to repeat: the old rows above them go (the new log then
 * starts at row 2), the key and anchor are kept and the plan dropped, the left-behind campaigns' rows go.
 */
function finish(
  ss: SpreadsheetPort,
  props: ReturnType<typeof documentProperties>,
  plan: Pending,
  firstNewRow: number,
): { carried: number; left: number } {
  const sheet = findTab(ss, LOG_TAB);
  if (sheet && firstNewRow > 2) sheet.deleteRows(2, firstNewRow - 2);
  props.setProperties({
    [KEY.secret]: plan.secret,
    [KEY.anchor]: stringify({ count: plan.count, lastHash: plan.lastHash }),
  });
  const left = new Set(plan.left);
  for (const [tab, key] of CAMPAIGN_ROWS) dropRows(ss, tab, key, left);
  // The marker names this document from now on, so a copy of it names it in turn.
  for (const md of documentMarkers(ss)) md.setValue(ss.getId());
  // Last: until the plan is gone, a start stopped on the way is finished by the next one.
  props.deleteProperty(PENDING_KEY);
  return { carried: plan.carried.length, left: plan.left.length };
}

/**
 * A start that was stopped: when the log ends with the planned rows, the job is finished; otherwise (stopped before
 * they were written) the plan is dropped and the start begins again from the old rows, untouched. Null: begin.
 */
function resume(
  ss: SpreadsheetPort,
  log: NonNullable<ReturnType<typeof readLog>>,
  props: ReturnType<typeof documentProperties>,
  plan: Pending | null,
): ReturnType<typeof finish> | null {
  if (!plan) return null;
  const rows = log.rows;
  const last = rows[rows.length - 1];
  if (rows.length >= plan.count && last?.hash === plan.lastHash && last.seq === plan.count) {
    const firstNew = log.sheetRows[rows.length - plan.count] ?? 2;
    return finish(ss, props, plan, firstNew);
  }
  props.deleteProperty(PENDING_KEY);
  return null;
}

function failed(message: string): PeriodResult {
  return { ok: false, message };
}

export function startPeriod(ss: SpreadsheetPort, lang: Lang): PeriodResult {
  const me = callerEmail();
  const props = documentProperties();
  const stored = props.getProperties();
  if (!isAdmin(parseRoles(stored[KEY.roles] ?? null), ownerOf(ss), me))
    return failed(t(lang, "period.notAdmin", { owner: ownerOf(ss) }));
  if (stored[KEY.secret] && !stored[PENDING_KEY]) return failed(t(lang, "period.notCopy"));
  const from = origin(ss);
  const id = ss.getId();
  if (from === id && !stored[PENDING_KEY]) return failed(t(lang, "period.notCopy"));
  const done = withDocumentLock((): PeriodResult => {
    const log = readLog(ss);
    if (!log?.complete) return failed(t(lang, "period.noLog"));
    const resumed = resume(ss, log, props, parsePending(stored[PENDING_KEY]));
    if (resumed) return { ok: true, message: t(lang, "period.done", resumed) };
    const broken = firstBrokenLink(log.rows);
    if (broken > 0) return failed(t(lang, "period.brokenCopy", { row: log.sheetRows[broken - 1] ?? broken + 1 }));
    const rows = log.rows as readonly LogRow[];
    const fold = foldEvents(rows);
    const carried: string[] = [];
    const left: string[] = [];
    for (const view of fold.campaigns.values()) (LEFT_BEHIND.has(view.state) ? left : carried).push(view.id);
    const leftSet = new Set(left);
    const lastHash = rows[rows.length - 1]?.hash ?? GENESIS_HASH;
    const at = nowIn(timeZoneOf(ss));
    const carryOver: LogEntry = {
      id: Utilities.getUuid(),
      at,
      actor: me,
      onBehalfOf: "",
      entityType: "period",
      entityId: from,
      requestId: "",
      requestType: "",
      requestVersion: 0,
      action: "carry_over",
      fromState: "Closed",
      toState: "InProgress",
      level: 0,
      comment: t(lang, "period.event", {
        document: from || "?",
        count: rows.length,
        hash: lastHash,
        carried: carried.length,
        left: left.length,
      }),
      snapshot: stringify({
        previousDocument: from,
        previousEvents: rows.length,
        previousLastHash: lastHash,
        carried,
        left,
      }),
    };
    // The sealed records and payments of a carried campaign's expenses come along too: without them its spend so far
    // would be rows nobody recorded in the copy, shown but never counted.
    const carriedSet = new Set(carried);
    const expenses = new Set(
      [...sealedMoneyOf(rows).expenses.values()].filter((e) => carriedSet.has(e.campaign)).map((e) => e.id),
    );
    const events = [
      carryOver,
      ...rows
        .filter((r) => (r.entityType === "campaign" ? !leftSet.has(r.entityId) : expenses.has(r.entityId)))
        .map(entryOf),
    ];
    const secret = newSecret();
    const sealed = sealEntries(events, null, hashWith(secret));
    // Crash-safe order: the plan is saved first; the new rows go below the old ones in one write; then the old rows
    // go, then the key and anchor are kept. An execution stopped anywhere leaves either the old log untouched (the
    // plan is dropped and the next start begins again) or the new rows in place (the next start finishes the job).
    const plan: Pending = { secret, count: sealed.length, lastHash: anchorOf(sealed).lastHash, carried, left };
    props.setProperty(PENDING_KEY, stringify(plan));
    appendLog(log, sealed);
    const result = finish(ss, props, plan, max(log.table.height, 1) + 1);
    return { ok: true, message: t(lang, "period.done", result) };
  });
  return done.ok ? done.value : failed(t(lang, "setup.busy"));
}

/** "Start new period": in a copy of last period's workbook, as an admin. */
export function menuStartPeriod(): void {
  const ss = activeSpreadsheet();
  const lang = userLang();
  const result = startPeriod(ss, lang);
  const ui = userInterface();
  ui.alert(t(lang, "period.title"), result.message, ui.ButtonSet.OK);
}
