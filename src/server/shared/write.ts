// Every write follows one path: who is calling (from the session, never from the request) -> the document lock ->
// each tab read once -> the chain verified -> the engine decides -> events sealed and appended -> statuses and the
// onEdit cache projected -> flush -> unlock -> mail -> what the mail did recorded. A refusal at any step before the
// first write leaves the workbook exactly as it was.
import { type Lang, t, tKey } from "../../domain/i18n";
import { tooLongForCell } from "../../domain/inert";
import {
  type CampaignView,
  type FoldResult,
  type Issue,
  type LogEntry,
  type LogRow,
  type Outcome,
  type Refusal,
  stateAfter,
} from "../../domain/workflow";
import { CAMPAIGNS_TAB } from "../../workbook/approvals/tabs";
import { tabName } from "../../workbook/shared/spec";
import { readBudgetLines } from "../../workbook/spend/budget-lines";
import { activeSpreadsheet, documentLock, emailOf, flush, formatDate } from "./active";
import type { FieldIssue, Refused } from "./contract";
import { userLang } from "./locale";
import { type Notice, type NoticeResult, recordNotices, sendNotices } from "./notify";
import { clearFlags, clearLineFlags, healProjections, projectStatuses, syncGuard } from "./projection";
import { projectSpendAfter } from "./spend-book";
import { KEY } from "./store";
import { formIssue } from "./views";
import {
  appendEvents,
  brokenMessage,
  hashWith,
  type ReadOptions,
  readWorkspace,
  recordVerdict,
  type Workspace,
} from "./workspace";

const LOCK_MS = 10_000;

export function refused(kind: string, message: string, issues: Refused["issues"] = []): Refused {
  return { ok: false, kind, message, issues };
}

/** No such campaign on the Campaigns tab (or no tab at all): the refusal says which. */
export function noCampaign(ws: Workspace, id: string): Refused {
  if (!ws.campaigns) return refused("setup", t(ws.lang, "rpc.noTab", { tab: tabName(CAMPAIGNS_TAB, ws.lang) }));
  return refused("no_campaign", t(ws.lang, "rpc.noCampaign", { id, tab: ws.campaigns.tab }));
}

/** The refusal for a campaign neither the Campaigns tab nor the log knows; null when one of them does. */
export function unknownCampaign(ws: Workspace, id: string): Refused | null {
  return ws.campaigns?.rowsById.has(id) || ws.fold.campaigns.has(id) ? null : noCampaign(ws, id);
}

/** An engine refusal in the caller's words, its issues placed on cells (by default on the form's fields). */
export function refusal(
  ws: Workspace,
  r: Refusal,
  place = (issue: Issue): FieldIssue => formIssue(ws.lang, issue.field, issue.messageKey, issue.params),
): Refused {
  return refused(r.kind, tKey(ws.lang, r.messageKey, r.params), (r.issues ?? []).map(place));
}

/** A command's entries to write, answered with the campaign's state after them and whether they were written before. */
export function commandPlan(view: CampaignView, outcome: Outcome) {
  return { events: outcome.events, value: { state: stateAfter(view, outcome), duplicate: outcome.duplicate } };
}

/** The signed-in user's e-mail, lower-cased; "" when Google does not reveal it (then nothing is written). */
export function callerEmail(): string {
  return emailOf(() => Session.getActiveUser());
}

export interface Plan<T> {
  readonly events?: readonly LogEntry[];
  /** Writes besides the log (a draft row, an escalation), made after the events are appended. */
  readonly apply?: () => void;
  /** The mail to send once the lock is released, composed from the campaigns as they are after the write. */
  readonly notices?: (fold: FoldResult) => readonly Notice[];
  /** A campaign whose plan in force was just approved (or whose approval is sent again): its edit flags are cleared. */
  readonly approvedPlanOf?: string;
  readonly value: T;
}

export type Step<T> = Plan<T> | Refused;

function isRefused<T>(step: Step<T>): step is Refused {
  return "ok" in step && step.ok === false;
}

/** A new event's time: an ISO instant in the spreadsheet's zone, whose first ten characters are its local date. */
export function nowIn(timeZone: string): string {
  return formatDate(new Date(), timeZone, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

export interface WriteContext {
  readonly me: string;
  readonly at: string;
  readonly newId: () => string;
}

/**
 * Runs one write. `decide` sees the workspace as read under the lock and answers with what to write, or a refusal.
 * `needsLog`: the write appends events, so the log must exist and its chain must hold.
 */
export function write<T>(
  options: ReadOptions & { readonly needsLog: boolean },
  decide: (ws: Workspace, ctx: WriteContext) => Step<T>,
): ({ ok: true; notices: NoticeResult[] } & T) | Refused {
  const lang: Lang = userLang();
  const me = callerEmail();
  if (me === "") return refused("signed_out", t(lang, "rpc.signedOut"));
  const ss = activeSpreadsheet();
  const lock = documentLock();
  if (!lock?.tryLock(LOCK_MS)) return refused("busy", t(lang, "rpc.busy"));
  let value: T;
  let notices: readonly Notice[] = [];
  let sheetLang: Lang;
  let at: string;
  try {
    const ws = readWorkspace(ss, options);
    sheetLang = ws.sheetLang;
    if (options.needsLog && !ws.log) return refused("setup", t(ws.lang, "rpc.noLog", { tab: t(ws.lang, "tab.log") }));
    // A write that read the whole log (the adoption of expenses recorded before sealing) is a full verification: a
    // break it finds is recorded, so every later write is refused too, as after Verify audit log.
    if (options.wholeLog) recordVerdict(ws);
    // A broken chain blocks every write, money and saves included: nothing may build on a log that lies.
    if (!ws.chain.ok) return refused("chain_broken", brokenMessage(ws));
    // An execution killed after its append left the projections behind the log: they catch up first.
    if (ws.kept.behind) healProjections(ws);
    at = nowIn(ws.timeZone);
    const step = decide(ws, { me, at, newId: () => Utilities.getUuid() });
    if (isRefused(step)) return step;
    let fold = ws.fold;
    const events = step.events ?? [];
    const tooLong = oversizedEvent(ws, events);
    if (tooLong) return tooLong;
    let appended: readonly LogRow[] = [];
    if (events.length > 0 && ws.log) ({ fold, sealed: appended } = appendEvents(ws, events, sealer(ws)));
    step.apply?.();
    // A plan just put in force: its lines are the approved ones now, so their flags go too (read only then).
    const approved = step.approvedPlanOf;
    const budget = approved ? (ws.budget ?? readBudgetLines(ws.ss, ws.ctx, ws.settings.currency)) : ws.budget;
    const unflag = () => {
      if (approved) {
        clearFlags(ws.campaigns, approved);
        clearLineFlags(budget, approved);
      }
    };
    if (events.length > 0) {
      projectStatuses(ws.campaigns, fold, ws.sheetLang);
      syncGuard(ws, fold, budget);
      unflag();
      projectSpendAfter(ws, fold, appended);
    } else if (options.needsLog) {
      // Nothing new (the same request sent again, after an execution killed between its log append and its
      // projection): the Status column is put right as the log says, written only where a cell differs, and the
      // flags of a plan put in force go (the killed execution may have died before it took them off).
      projectStatuses(ws.campaigns, fold, ws.sheetLang);
      unflag();
    }
    notices = step.notices?.(fold) ?? [];
    value = step.value;
    flush();
  } finally {
    lock.releaseLock();
  }
  const results = sendNotices(notices, sheetLang);
  recordNotices(ss, results, at.replace("T", " ").slice(0, 16), sheetLang);
  return { ok: true, notices: results, ...value };
}

/** A refusal when an event would not fit a log cell (Sheets refuses more than 50,000 characters): before any write. */
function oversizedEvent(ws: Workspace, events: readonly LogEntry[]): Refused | null {
  for (const e of events) {
    for (const what of ["snapshot", "comment"] as const) {
      if (!tooLongForCell(e[what])) continue;
      const tab = ws.log ? ws.log.table.name : t(ws.lang, "tab.log");
      const message = t(ws.lang, "text.tooLong.log", {
        what: t(ws.lang, `text.what.${what}`),
        id: e.entityId,
        length: e[what].length,
        tab,
      });
      return refused("too_long", message, [{ field: what, message, where: tab, tab, row: 0, column: "" }]);
    }
  }
  return null;
}

/** The hash that seals new rows: the document's key, made once at the first event and kept in its properties. */
function sealer(ws: Workspace) {
  const existing = ws.props[KEY.secret];
  if (existing) return ws.hash;
  const secret = newSecret();
  ws.propsStore.setProperty(KEY.secret, secret);
  return hashWith(secret);
}

/** A new key to seal a log with: two UUIDs' worth of hex digits. */
export function newSecret(): string {
  return `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, "");
}
