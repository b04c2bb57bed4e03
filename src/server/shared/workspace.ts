// One execution's view of the workbook: every tab it needs read once (one getValues each), the document properties
// read once, the approval log verified against its keyed hashes and anchor, and the campaigns folded from it.
import { type Lang, langOf, t, tKey } from "../../domain/i18n";
import { parseRoles, type Roles } from "../../domain/roles";
import type { Settings } from "../../domain/settings";
import {
  type CampaignView,
  type ChainVerdict,
  emptyCampaign,
  type FoldResult,
  foldEvents,
  type HashFn,
  type LogRow,
  verifyChain,
} from "../../domain/workflow";
import { type CampaignTable, readCampaigns } from "../../workbook/approvals/campaigns";
import {
  type EscalationsRead,
  type NotificationsRead,
  readEscalations,
  readNotifications,
} from "../../workbook/approvals/escalations";
import { type LogRead, readLog, sheetRowOf } from "../../workbook/approvals/log";
import { LOG_TAB } from "../../workbook/approvals/tabs";
import { readTasks, type TasksRead } from "../../workbook/approvals/tasks";
import { primeLayouts } from "../../workbook/shared/layouts";
import type { PropertiesPort, SpreadsheetPort } from "../../workbook/shared/ports";
import type { ReadContext } from "../../workbook/shared/records";
import { readSettings, type SettingsRead } from "../../workbook/shared/settings";
import { tabName } from "../../workbook/shared/spec";
import { type BudgetLines, readBudgetLines } from "../../workbook/spend/budget-lines";
import { readContext } from "./context";
import { userLang as sessionLang, uiLang } from "./locale";
import { documentProperties, KEY, readAnchor } from "./store";

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
  readonly escalations: EscalationsRead | null;
  readonly notifications: NotificationsRead | null;
  /** The Budget tab's lines by campaign, when asked for (a plan carries them); null when not read. */
  readonly budget: BudgetLines | null;
  readonly log: LogRead | null;
  readonly logRows: readonly LogRow[];
  readonly hash: HashFn;
  readonly verdict: ChainVerdict;
  readonly chain: ChainStatus;
  readonly fold: FoldResult;
}

export interface ReadOptions {
  readonly tasks?: boolean;
  readonly escalations?: boolean;
  readonly notifications?: boolean;
  readonly budget?: boolean;
}

function hex(bytes: readonly number[]): string {
  let out = "";
  for (const b of bytes) out += ((b + 256) % 256).toString(16).padStart(2, "0");
  return out;
}

/** HMAC-SHA256 under the document's secret, as 64 hex digits; without a secret nothing verifies. */
export function hashWith(secret: string | undefined): HashFn {
  if (!secret) return () => "";
  return (text) => hex(Utilities.computeHmacSha256Signature(text, secret, Utilities.Charset.UTF_8));
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
  const locale = ss.getSpreadsheetLocale();
  const sheetLang = langOf(locale);
  const first = readContext(ss, userLang ?? sessionLang());
  const settingsRead = readSettings(ss, locale, first);
  const settings = settingsRead.settings;
  const lang = userLang ?? uiLang(settings);
  const ctx = { ...first, lang };
  const log = readLog(ss);
  const logRows = (log?.rows ?? []).filter((r): r is LogRow => r !== null);
  const hash = hashWith(props[KEY.secret]);
  const verdict = verifyChain(log?.rows ?? [], hash, readAnchor(props));
  return {
    ss,
    lang,
    sheetLang,
    timeZone: ss.getSpreadsheetTimeZone(),
    ctx,
    settingsRead,
    settings,
    propsStore,
    props,
    roles: parseRoles(props[KEY.roles] ?? null),
    owner: ownerOf(ss),
    campaigns: readCampaigns(ss, ctx),
    tasks: options.tasks ? readTasks(ss, ctx) : null,
    escalations: options.escalations ? readEscalations(ss) : null,
    notifications: options.notifications ? readNotifications(ss) : null,
    budget: options.budget ? readBudgetLines(ss, ctx, settings.currency) : null,
    log,
    logRows,
    hash,
    verdict,
    chain: chainStatus(verdict, log, lang),
    fold: foldEvents(logRows),
  };
}

function chainStatus(verdict: ChainVerdict, log: LogRead | null, lang: Lang): ChainStatus {
  if (verdict.ok) return { ok: true, count: verdict.count };
  const row = sheetRowOf(log, verdict.row);
  return { ok: false, row, kind: verdict.kind, message: tKey(lang, verdict.messageKey, { row }) };
}

/** The sentence "Verify audit log" and a refused write show for a broken chain. */
export function brokenMessage(ws: Workspace): string {
  if (ws.chain.ok) return "";
  const tab = ws.log ? ws.log.table.name : tabName(LOG_TAB, ws.lang);
  return t(ws.lang, "verify.broken", { detail: ws.chain.message, tab });
}

export function viewOf(ws: Workspace, id: string): CampaignView {
  return ws.fold.campaigns.get(id) ?? emptyCampaign(id);
}
