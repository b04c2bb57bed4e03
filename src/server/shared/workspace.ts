// One execution's view of the workbook: every tab it needs read once (one getValues each), the document properties
// read once, and the campaigns folded from the approval log: the kept fold of its verified prefix, and the rows after
// it read, verified against their keyed hashes and the anchor, and folded in (the whole log only when nothing kept fits).

import { isNumber, stringify } from "../../domain/builtins";
import { type Lang, langOf, t, tKey } from "../../domain/i18n";
import { parseRoles, type Roles } from "../../domain/roles";
import type { Settings } from "../../domain/settings";
import {
  type CampaignView,
  type ChainVerdict,
  chainText,
  emptyCampaign,
  type FoldResult,
  foldEvents,
  foldEventsFrom,
  type HashFn,
  keyedHash,
  type LogEntry,
  type LogRow,
  readFoldText,
  sealEntries,
  TAMPER_KINDS,
  type TamperKind,
  verifyChain,
} from "../../domain/workflow";
import { type CampaignTable, readCampaigns } from "../../workbook/approvals/campaigns";
import {
  type EscalationsRead,
  type NotificationsRead,
  readEscalations,
  readNotifications,
} from "../../workbook/approvals/escalations";
import { appendLog, type LogRead, readLog, readLogFrom, sheetRowOf } from "../../workbook/approvals/log";
import { readState, type StateRead, stateSheet } from "../../workbook/approvals/log-state";
import { type ResearchRead, readResearch } from "../../workbook/approvals/research";
import { LOG_TAB } from "../../workbook/approvals/tabs";
import { readTasks, type TasksRead } from "../../workbook/approvals/tasks";
import { primeLayouts } from "../../workbook/shared/layouts";
import type { PropertiesPort, SpreadsheetPort } from "../../workbook/shared/ports";
import type { ReadContext } from "../../workbook/shared/records";
import { readSettings, type SettingsRead } from "../../workbook/shared/settings";
import { tabName } from "../../workbook/shared/spec";
import { type BudgetLines, readBudgetLines } from "../../workbook/spend/budget-lines";
import { localeOf, timeZoneOf } from "./active";
import { readContext } from "./context";
import { userLang as sessionLang, uiLang } from "./locale";
import { documentProperties, KEY, parseJson, readAnchor, stateSheetId } from "./store";

/** The chain's state as the sidebars show it: the row a person sees in the log tab, in their language. */
export type ChainStatus =
  | { readonly ok: true; readonly count: number }
  | { readonly ok: false; readonly row: number; readonly kind: string; readonly message: string };

export interface Workspace {
  readonly ss: SpreadsheetPort;
  /** The user's language (or the Settings override): messages, sidebars. */
  readonly lang: Lang;
  /** The spreadsheet's language: what is written into cells and mail. */
  readonly sheetLang: Lang;
  readonly timeZone: string;
  readonly ctx: ReadContext;
  readonly settingsRead: SettingsRead;
  readonly settings: Settings;
  readonly propsStore: PropertiesPort;
  readonly props: Readonly<Record<string, string>>;
  readonly roles: Roles;
  readonly owner: string;
  readonly campaigns: CampaignTable | null;
  readonly tasks: TasksRead | null;
  readonly research: ResearchRead | null;
  readonly escalations: EscalationsRead | null;
  readonly notifications: NotificationsRead | null;
  /** The Budget tab's lines by campaign, when asked for (a plan carries them); null when not read. */
  readonly budget: BudgetLines | null;
  /** The log as this execution read it: from the kept fold's last row to the end (or whole, see `kept`). */
  readonly log: LogRead | null;
  /** The readable rows of `log` after the kept fold's last row (every readable row when read whole). */
  readonly logRows: readonly LogRow[];
  readonly hash: HashFn;
  readonly verdict: ChainVerdict;
  readonly chain: ChainStatus;
  readonly fold: FoldResult;
  /** Where the log ends and what the state tab holds; the write path moves it as it appends. */
  readonly kept: Kept;
}

/** The chain's end as known to this execution, and the state tab: what the next kept fold is tied to. */
export interface Kept {
  hash: HashFn;
  count: number;
  lastHash: string;
  /** Sheet row of the log's last row (0: empty log). */
  sheetRow: number;
  state: StateRead | null;
  /** The log was read whole (no kept fold, or one that did not fit the log): a write keeps a fresh fold. */
  whole: boolean;
  /** Rows were folded here that the kept fold does not hold: projections and the kept fold are behind. */
  behind: boolean;
}

export interface ReadOptions {
  readonly tasks?: boolean;
  readonly research?: boolean;
  readonly escalations?: boolean;
  readonly notifications?: boolean;
  readonly budget?: boolean;
  /** Read and verify the whole log, whatever is kept (the full verification: menu and schedule). */
  readonly wholeLog?: boolean;
}

/**
 * HMAC-SHA256 under the document's secret, as 64 hex digits; without a secret nothing verifies. Computed in
 * JavaScript: the same bytes Utilities.computeHmacSha256Signature gave, without a service call per row.
 */
export function hashWith(secret: string | undefined): HashFn {
  return keyedHash(secret);
}

export function ownerOf(ss: SpreadsheetPort): string {
  try {
    return ss.getOwner()?.getEmail()?.toLowerCase() ?? "";
  } catch {
    return "";
  }
}

export function readWorkspace(ss: SpreadsheetPort, options: ReadOptions = {}, userLang?: Lang): Workspace {
  // The properties first: they hold the cached tab layouts too, so the reads below need no properties call.
  const propsStore = documentProperties();
  const props = propsStore.getProperties();
  primeLayouts(props);
  const locale = localeOf(ss);
  const sheetLang = langOf(locale);
  const first = readContext(ss, userLang ?? sessionLang());
  const settingsRead = readSettings(ss, locale, first);
  const settings = settingsRead.settings;
  const lang = userLang ?? uiLang(settings);
  const ctx = { ...first, lang };
  const hash = hashWith(props[KEY.secret]);
  const { log, logRows, verdict, fold, kept } = readChain(ss, props, hash, options.wholeLog === true);
  return {
    ss,
    lang,
    sheetLang,
    timeZone: timeZoneOf(ss),
    ctx,
    settingsRead,
    settings,
    propsStore,
    props,
    roles: parseRoles(props[KEY.roles] ?? null),
    owner: ownerOf(ss),
    campaigns: readCampaigns(ss, ctx),
    tasks: options.tasks ? readTasks(ss, ctx) : null,
    research: options.research ? readResearch(ss, ctx) : null,
    escalations: options.escalations ? readEscalations(ss) : null,
    notifications: options.notifications ? readNotifications(ss) : null,
    budget: options.budget ? readBudgetLines(ss, ctx, settings.currency) : null,
    log,
    logRows,
    hash,
    verdict,
    chain: chainStatus(verdict, log, lang, props),
    fold,
    kept,
  };
}

interface ChainRead {
  readonly log: LogRead | null;
  readonly logRows: readonly LogRow[];
  readonly verdict: ChainVerdict;
  readonly fold: FoldResult;
  readonly kept: Kept;
}

/**
 * The log's verdict and fold. With a kept fold whose seal holds and whose last row is still where it was, with the
 * hash it had: only the rows after it are read, verified and folded (a deleted or inserted row above it moves that
 * row, so it is read whole then and the verdict names the row). A hand edit of a row the kept fold holds is found
 * by the full verification (the schedule, Verify audit log), which records it so every later read sees it.
 */
export function readChain(
  ss: SpreadsheetPort,
  props: Readonly<Record<string, string>>,
  hash: HashFn,
  whole: boolean,
): ChainRead {
  const anchor = readAnchor(props);
  const sheet = stateSheet(ss, stateSheetId(props));
  const state = sheet ? readState(sheet) : null;
  const held = state && !whole ? readFoldText(state.foldText, state.seal, hash) : null;
  if (held && held.count > 0) {
    const log = readLogFrom(ss, held.sheetRow, held.count);
    const link = log?.rows[0];
    const linked =
      link && link.seq === held.count && link.hash === held.lastHash && hash(chainText(link)) === link.hash;
    if (log && linked && log.sheetRows[0] === held.sheetRow) {
      const tail = log.rows.slice(1);
      const logRows = tail.filter((r): r is LogRow => r !== null);
      const verdict = verifyChain(tail, hash, anchor, { count: held.count, lastHash: held.lastHash });
      const last = logRows[logRows.length - 1];
      return chainRead(log, logRows, recorded(verdict, props), foldEventsFrom(held.fold, logRows, held.count), {
        hash,
        count: verdict.ok ? verdict.count : held.count,
        lastHash: verdict.ok ? verdict.lastHash : held.lastHash,
        sheetRow: last && verdict.ok ? (log.sheetRows[log.sheetRows.length - 1] ?? held.sheetRow) : held.sheetRow,
        state,
        whole: false,
      });
    }
  }
  const log = readLog(ss);
  const logRows = (log?.rows ?? []).filter((r): r is LogRow => r !== null);
  const verdict = verifyChain(log?.rows ?? [], hash, anchor);
  return chainRead(log, logRows, whole ? verdict : recorded(verdict, props), foldEvents(logRows), {
    hash,
    count: verdict.ok ? verdict.count : 0,
    lastHash: verdict.ok ? verdict.lastHash : "",
    sheetRow: log?.sheetRows[log.sheetRows.length - 1] ?? 0,
    state,
    whole: true,
  });
}

/** A chain read; the kept fold is behind when rows were folded here. */
function chainRead(
  log: LogRead | null,
  logRows: readonly LogRow[],
  verdict: ChainVerdict,
  fold: FoldResult,
  kept: Omit<Kept, "behind">,
): ChainRead {
  return { log, logRows, verdict, fold, kept: { ...kept, behind: logRows.length > 0 } };
}

/** What the full verification found and recorded, when this read alone cannot see it (an edit inside the prefix). */
interface RecordedBreak {
  readonly row: number;
  readonly sheetRow: number;
  readonly kind: TamperKind;
}

function recordedBreak(props: Readonly<Record<string, string>>): RecordedBreak | null {
  const found = parseJson<RecordedBreak>(props[KEY.broken]);
  return found && isNumber(found.row) && TAMPER_KINDS.includes(found.kind) ? found : null;
}

function recorded(verdict: ChainVerdict, props: Readonly<Record<string, string>>): ChainVerdict {
  if (!verdict.ok) return verdict;
  const found = recordedBreak(props);
  if (!found) return verdict;
  return { ok: false, row: found.row, kind: found.kind, messageKey: `workflow.chain.${found.kind}` };
}

function chainStatus(
  verdict: ChainVerdict,
  log: LogRead | null,
  lang: Lang,
  props: Readonly<Record<string, string>>,
): ChainStatus {
  if (verdict.ok) return { ok: true, count: verdict.count };
  const found = recordedBreak(props);
  const inRead = log !== null && verdict.row >= log.first && verdict.row < log.first + log.sheetRows.length;
  const row = !inRead && found?.row === verdict.row ? found.sheetRow : sheetRowOf(log, verdict.row);
  return { ok: false, row, kind: verdict.kind, message: tKey(lang, verdict.messageKey, { row }) };
}

/** The sentence "Verify audit log" and a refused write show for a broken chain. */
export function brokenMessage(ws: Workspace): string {
  if (ws.chain.ok) return "";
  const tab = ws.log ? ws.log.table.name : tabName(LOG_TAB, ws.lang);
  return t(ws.lang, "verify.broken", { detail: ws.chain.message, tab });
}

export function viewOf(ws: Pick<Workspace, "fold">, id: string): CampaignView {
  return ws.fold.campaigns.get(id) ?? emptyCampaign(id);
}

/**
 * Seals `events` after the log's last row, appends them (one write), moves the anchor and returns the fold with them.
 * `seal`: the hash to seal with (the write path makes the key at the first event). The kept fold is not touched here:
 * the projections save it once the statuses and guard data agree with the new rows (saveKept).
 */
/** Seals and appends events after the kept fold's last row; the fold with them, and the rows as sealed. */
export function appendEvents(
  ws: Workspace,
  events: readonly LogEntry[],
  seal: HashFn,
): { fold: FoldResult; sealed: readonly LogRow[] } {
  const log = ws.log;
  if (!log || events.length === 0) return { fold: ws.fold, sealed: [] };
  const kept = ws.kept;
  const last = kept.count > 0 ? { seq: kept.count, hash: kept.lastHash } : null;
  const sealed = sealEntries(events, last, seal);
  const first = appendLog(log, sealed);
  const end = sealed[sealed.length - 1];
  kept.hash = seal;
  kept.count += sealed.length;
  kept.lastHash = end?.hash ?? kept.lastHash;
  kept.sheetRow = first + sealed.length - 1;
  kept.behind = true;
  ws.propsStore.setProperty(KEY.anchor, stringify({ count: kept.count, lastHash: kept.lastHash }));
  return { fold: foldEventsFrom(ws.fold, sealed, kept.count - sealed.length), sealed };
}

/**
 * After a full verification (a workspace read with `wholeLog`): records a broken chain in the document properties,
 * so every later read and write sees it although they read only the rows after the kept fold, or clears the record
 * once the log verifies again (restored from the version history). Returns whether the chain holds.
 */
export function recordVerdict(ws: Workspace): boolean {
  const verdict = ws.verdict;
  if (verdict.ok) {
    if (ws.props[KEY.broken] !== undefined) ws.propsStore.deleteProperty(KEY.broken);
    return true;
  }
  const row = ws.chain.ok ? 0 : ws.chain.row;
  const text = stringify({ row: verdict.row, sheetRow: row, kind: verdict.kind });
  if (ws.props[KEY.broken] !== text) ws.propsStore.setProperty(KEY.broken, text);
  return false;
}
