// What monitoring and evaluation read, once per execution: the approvals' workspace (settings, roles, campaigns and
// their states folded from the approval log), the KPIs, readings and tasks (one getValues each), the evaluation rows
// of Settings, and the budget positions folded by budget control.

import { asString, trimLower } from "../../domain/builtins";
import { type BudgetPosition, decodeFeedbackRows, type Feedback, type PendingRequest } from "../../domain/evaluation";
import { type EvaluationSettingsRead, readEvaluationSettings } from "../../domain/evaluation-settings";
import { describeFound } from "../../domain/found";
import { type Lang, langOf, t } from "../../domain/i18n";
import { type Roles, recipientsOf } from "../../domain/roles";
import type { Settings } from "../../domain/settings";
import type { CampaignState, FoldResult, LogEntry } from "../../domain/workflow";
import { type CampaignTable, readCampaigns } from "../../workbook/approvals/campaigns";
import { TASKS_TAB } from "../../workbook/approvals/tabs";
import { type FieldRows, fieldRowsOf, placeProblem, readFieldRows, readFormRows } from "../../workbook/evaluation/read";
import { FEEDBACK_TAB, KPIS_TAB, READINGS_TAB } from "../../workbook/evaluation/tabs";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import { type RowProblem, rowProblem } from "../../workbook/shared/problems";
import type { ReadContext } from "../../workbook/shared/records";
import { headerLabel } from "../../workbook/shared/records";
import { readSettings, SETTINGS_TAB, type SettingsRead } from "../../workbook/shared/settings";
import { localeOf, timeZoneOf } from "../shared/active";
import { readContext } from "../shared/context";
import { uiLang, userLang } from "../shared/locale";
import { foldBook, readSpendBook, readVerifiedFold } from "../shared/spend-book";
import { storedRoles } from "../shared/store";
import { ownerOf } from "../shared/workspace";
import { nowIn } from "../shared/write";

/**
 * What evaluation reads of the rest of the workbook: settings, roles, campaigns and their states folded from the
 * approval log. The approvals' Workspace has all of it; a read builds it without verifying the log's chain (one keyed
 * hash per log row), since nothing is appended: writes go through write(), which verifies.
 */
export interface EvaluationBase {
  readonly ss: SpreadsheetPort;
  /** The user's language (or the Settings override). */
  readonly lang: Lang;
  /** The spreadsheet's language: what goes into cells and mail. */
  readonly sheetLang: Lang;
  readonly timeZone: string;
  readonly ctx: ReadContext;
  readonly settingsRead: SettingsRead;
  readonly settings: Settings;
  readonly roles: Roles;
  readonly owner: string;
  readonly campaigns: CampaignTable | null;
  readonly fold: FoldResult;
  /** The verified money events: the only ones money is folded from (see verifiedFold). */
  readonly verified: readonly LogEntry[];
}

export function readEvaluationBase(ss: SpreadsheetPort): EvaluationBase {
  const locale = localeOf(ss);
  const first = readContext(ss, userLang());
  const settingsRead = readSettings(ss, locale, first);
  const userLanguage = uiLang(settingsRead.settings);
  const ctx = { ...first, lang: userLanguage };
  const { fold, money } = readVerifiedFold(ss);
  return {
    ss,
    lang: userLanguage,
    sheetLang: langOf(locale),
    timeZone: timeZoneOf(ss),
    ctx,
    settingsRead,
    settings: settingsRead.settings,
    roles: storedRoles(),
    owner: ownerOf(ss),
    campaigns: readCampaigns(ss, ctx),
    fold,
    verified: money,
  };
}

/**
 * A campaign as monitoring, evaluation and the summary form see it: what the monitoring rules and the scorecard take
 * as their campaigns (window, owner and state: the fold's, or Draft; a blank name is shown as the ID).
 */
export interface CampaignInfo {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly start: string | null;
  readonly end: string | null;
  readonly channels: readonly string[];
  readonly audience: string;
  readonly state: CampaignState;
  /** Sheet row on the Campaigns tab; 0 for a campaign only the approval log knows. */
  readonly row: number;
}

export interface EvaluationBook {
  readonly ws: EvaluationBase;
  /** The moment of this execution: an ISO instant with the spreadsheet's offset. */
  readonly now: string;
  readonly kpis: FieldRows | null;
  readonly readings: FieldRows | null;
  readonly tasks: FieldRows | null;
  /** The Feedback tab's rows and the linked form responses' that name a known campaign (read with the tasks). */
  readonly feedbackRows: readonly Feedback[];
  /** Its managers receive the digest: the managers in Settings, else the approvers, else the owner. */
  readonly settings: EvaluationSettingsRead;
  readonly campaigns: readonly CampaignInfo[];
  readonly byId: ReadonlyMap<string, CampaignInfo>;
  /** Approved, actual and committed per campaign, in major units of the workbook's currency. */
  readonly positions: ReadonlyMap<string, BudgetPosition>;
  readonly currency: string;
  /** Rows and settings that could not be used (by tab, row and column), in the user's language. */
  readonly problems: readonly RowProblem[];
}

export interface BookOptions {
  /** The tasks and the feedback: what the report refresh reads beyond the KPIs. */
  readonly tasks?: boolean;
  readonly positions?: boolean;
}

function settingsOf(ws: EvaluationBase): { read: EvaluationSettingsRead; problems: RowProblem[] } {
  const table = ws.settingsRead.table;
  const rows = new Map<string, { value: unknown; row: number }>();
  if (!table) return { read: readEvaluationSettings(rows), problems: [] };
  const fields = fieldRowsOf(table, SETTINGS_TAB, ws.ctx);
  for (const { row, cells } of fields.rows) {
    const key = asString(cells.key ?? "").trim();
    if (key !== "" && !rows.has(key)) rows.set(key, { value: cells.value, row });
  }
  const read = readEvaluationSettings(rows);
  const valueColumn = fields.columns.get("value") ?? 0;
  const valueSpec = SETTINGS_TAB.columns.find((c) => c.key === "value");
  const problems = read.problems.map((p) =>
    rowProblem(
      ws.lang,
      {
        tab: table.name,
        row: p.row,
        column: valueColumn,
        label: valueSpec ? headerLabel(table, valueSpec, valueColumn, ws.lang) : "",
      },
      t(ws.lang, "problem.evaluationSetting", {
        key: p.key,
        found: describeFound(p.found, ws.lang),
        fallback: p.fallback === "" ? "—" : p.fallback,
      }),
    ),
  );
  return { read, problems };
}

function campaignsOf(ws: EvaluationBase): CampaignInfo[] {
  const out: CampaignInfo[] = [];
  const seen = new Set<string>();
  for (const { row, record: c } of ws.campaigns?.campaigns ?? []) {
    seen.add(c.id);
    out.push({ ...c, owner: trimLower(c.owner), state: ws.fold.campaigns.get(c.id)?.state ?? "Draft", row });
  }
  // A campaign the log knows whose row cannot be read (or is gone) is still watched: its requests still wait.
  for (const [id, view] of ws.fold.campaigns) {
    if (seen.has(id)) continue;
    out.push({
      id,
      name: "",
      owner: view.owner,
      start: null,
      end: null,
      channels: [],
      audience: "",
      state: view.state,
      row: 0,
    });
  }
  return out;
}

function positionsOf(ws: EvaluationBase): ReadonlyMap<string, BudgetPosition> {
  const book = readSpendBook({ ...ws, finance: ws.roles.finance });
  if (book.setupNeeded) return new Map();
  const { positions } = foldBook(book);
  const scale = 10 ** positions.digits;
  const out = new Map<string, BudgetPosition>();
  for (const [id, p] of positions.campaigns) {
    // Minor units are whole numbers; dividing once by a power of ten gives the amount a cell would hold.
    out.set(id, { approved: p.approved / scale, actual: p.actual / scale, committed: p.committed / scale });
  }
  return out;
}

/** Reads everything monitoring and evaluation decide on. The caller holds the document lock when it writes. */
export function readEvaluationBook(ss: SpreadsheetPort, options: BookOptions = {}): EvaluationBook {
  const ws = readEvaluationBase(ss);
  const kpis = readFieldRows(ss, KPIS_TAB, ws.ctx);
  const readings = readFieldRows(ss, READINGS_TAB, ws.ctx);
  const tasks = options.tasks ? readFieldRows(ss, TASKS_TAB, ws.ctx) : null;
  const { read, problems: settingProblems } = settingsOf(ws);
  const approvers = [...new Set(ws.roles.levels.flatMap((l) => l.approvers))];
  const managers = read.managersNamed
    ? read.settings.managers
    : approvers.length > 0
      ? approvers
      : ws.owner !== ""
        ? [ws.owner]
        : [];
  const campaigns = campaignsOf(ws);
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  // Each source decoded on its own, so each bad row is placed on its own tab, row and column.
  const feedback: Feedback[] = [];
  const feedbackProblems: RowProblem[] = [];
  const sources = options.tasks
    ? [readFieldRows(ss, FEEDBACK_TAB, ws.ctx), ...read.feedbackForms.map((name) => readFormRows(ss, name, ws.ctx))]
    : [];
  for (const source of sources) {
    if (!source) continue;
    const decoded = decodeFeedbackRows(source.rows, byId);
    feedback.push(...decoded.rows.map((r) => r.value));
    feedbackProblems.push(
      ...source.problems,
      ...decoded.problems.map((p) => placeProblem(p, { feedback: source }, ws.lang)),
    );
  }
  return {
    ws,
    now: nowIn(ws.timeZone),
    kpis,
    readings,
    tasks,
    feedbackRows: feedback,
    settings: { ...read, settings: { ...read.settings, managers } },
    campaigns,
    byId,
    positions: options.positions ? positionsOf(ws) : new Map(),
    currency: ws.settings.currency,
    problems: [
      ...[kpis, readings, tasks].flatMap((tab) => tab?.problems ?? []),
      ...feedbackProblems,
      ...settingProblems,
    ],
  };
}

/** Every open request with the people who may decide it now (the level's approvers and their active delegates). */
export function pendingRequests(book: EvaluationBook): PendingRequest[] {
  const out: PendingRequest[] = [];
  for (const view of book.ws.fold.campaigns.values()) {
    for (const r of view.openRequests) {
      out.push({
        id: r.id,
        campaign: view.id,
        type: r.type,
        submittedAt: r.submittedAt,
        approvers: recipientsOf(book.ws.roles, r.currentLevel, book.now),
      });
    }
  }
  return out;
}
