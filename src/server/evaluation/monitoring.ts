// Scheduled monitoring: a job of the one time-driven trigger (shared/schedule.ts), hourly or daily, that refreshes the
// evaluation, finds the current alerts, writes them to the Monitor tab and mails each manager one digest of what is
// new to them. The digest checkpoint lives in document properties and is saved around every mail, so a run stopped
// halfway (time limit, mail quota) is finished by the next one without anyone getting the same alert twice.

import {
  asNumber,
  asString,
  dateNow,
  dateParse,
  isNumber,
  mathFloor,
  mathRound,
  max,
  stringify,
} from "../../domain/builtins";
import {
  ALERT_KINDS,
  type Alert,
  type AlertKind,
  decodeRows,
  formatEvaluationMessage,
  markSent,
  monitor,
  packCheckpoint,
  planDigests,
  SEVERITIES,
  type Severity,
  sentDeliveries,
  unpackCheckpoint,
} from "../../domain/evaluation";
import { type Lang, type MessageKey, t, tKey, valueOfLabel } from "../../domain/i18n";
import { formatAmount, toMinorUnits } from "../../domain/money";
import { isAdmin, parseRoles } from "../../domain/roles";
import { readTab, textOf } from "../../workbook/evaluation/read";
import { MONITOR_TAB } from "../../workbook/evaluation/tabs";
import { type Record_, rewriteRows } from "../../workbook/evaluation/write";
import type { PropertiesPort, SpreadsheetPort } from "../../workbook/shared/ports";
import { readSettings } from "../../workbook/shared/settings";
import { activeSpreadsheet, flush, formatDate, localeOf, timeZoneOf } from "../shared/active";
import { readContext } from "../shared/context";
import { editedSince, INPUTS_KEY, type LastInputs, parseLastInputs } from "../shared/freshness";
import { showSidebar } from "../shared/html";
import { shownTime, uiLang, userLang } from "../shared/locale";
import { withDocumentLock } from "../shared/lock";
import { parseRequest } from "../shared/request";
import {
  DAILY_BUDGET_MS,
  lastTickAt,
  markSkipped,
  RUNTIME_KEY,
  runtimeOn,
  TRIGGER_QUOTA_MS,
} from "../shared/runtime-log";
import { readSchedule, registerJob, scheduleHealth, setJob } from "../shared/schedule";
import { documentProperties, KEY, parseJson } from "../shared/store";
import { ownerOf } from "../shared/workspace";
import { callerEmail, nowIn } from "../shared/write";
import {
  type AlertView,
  type Frequency,
  type MonitorHealth,
  MonitorScheduleRequest,
  type MonitorStatus,
  MonitorStatusRequest,
  type RunResult,
} from "./api";
import { refreshAll } from "./reports";
import { fingerprintNow, nextTimeChange } from "./run-inputs";
import { type EvaluationBook, pendingRequests, readEvaluationBook } from "./sources";

export const MONITOR_JOB = "monitor";
const CONFIG_KEY = "cc.monitor.config";
const HEALTH_KEY = "cc.monitor.health";
const PENDING_KEY = "cc.monitor.pending";
const SENT_PREFIX = "cc.monitor.sent.";

/**
 * The start of this execution. Apps Script runs the script's top level before every execution, so a constant read
 * here is when the run began; Date.now() is no service call, so loading stays service-free.
 */
const STARTED = dateNow();
/** Executions end at 6 minutes; mailing stops well before, leaving time to save the checkpoint and the health. */
const MAIL_BUDGET_MS = 4.5 * 60 * 1000;
/** A digest lists this many alerts; the rest are on the Monitor tab. */
const DIGEST_LINES = 50;
const HOUR_MS = 3600 * 1000;

interface Config {
  readonly frequency: Exclude<Frequency, "off">;
  readonly hour: number;
  /** When the schedule was set (ISO instant): no run is due before the first interval passes. */
  readonly since: string;
}

/** A daily run is due from this local hour unless the schedule names another. */
const DEFAULT_HOUR = 8;

function readConfig(props: PropertiesPort): Config {
  const c = parseJson<Partial<Config>>(props.getProperty(CONFIG_KEY));
  return {
    frequency: c?.frequency === "hourly" ? "hourly" : "daily",
    hour: typeof c?.hour === "number" && c.hour >= 0 && c.hour <= 23 ? mathFloor(c.hour) : DEFAULT_HOUR,
    since: typeof c?.since === "string" ? c.since : "",
  };
}

const NO_HEALTH: MonitorHealth = {
  lastRunAt: "",
  lastRunOk: true,
  lastError: "",
  lastErrorAt: "",
  alerts: 0,
  sent: 0,
  deferred: 0,
  lastScheduledAt: "",
  stale: false,
};

function readHealth(props: PropertiesPort): MonitorHealth {
  return { ...NO_HEALTH, ...parseJson<Partial<MonitorHealth>>(props.getProperty(HEALTH_KEY)), stale: false };
}

function saveHealth(props: PropertiesPort, health: MonitorHealth, inputs?: LastInputs): void {
  const { stale: _stale, ...stored } = health;
  // One write: the health, and after a full run what its inputs were (run-inputs.ts).
  const entries: Record<string, string> = { [HEALTH_KEY]: stringify(stored) };
  if (inputs) entries[INPUTS_KEY] = stringify(inputs);
  props.setProperties(entries);
}

/** What a run starts from: the properties as read once, and its inputs' fingerprint taken before reading them. */
interface Prepared {
  readonly stored: Readonly<Record<string, string>>;
  readonly fingerprint: string;
  readonly checkedAt: number;
}

function prepare(ss: SpreadsheetPort, props: PropertiesPort, timeZone: string): Prepared {
  const stored = props.getProperties();
  const checkedAt = dateNow();
  const localDate = formatDate(new Date(checkedAt), timeZone);
  return { stored, fingerprint: fingerprintNow(ss, stored, localDate), checkedAt };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : asString(err);
}

// ---------------------------------------------------------------------------------------------------------------
// Alerts as people read them

function money(value: unknown, currency: string): string {
  if (!isNumber(value)) return asString(value);
  const units = toMinorUnits(mathRound(value * 100) / 100, currency);
  return units === null ? asString(value) : `${formatAmount(units, currency)} ${currency}`;
}

/** The alert's sentence: request types by their label, amounts with the currency, times in the spreadsheet's zone. */
export function alertText(alert: Alert, lang: Lang, currency: string, timeZone: string): string {
  const params: Record<string, string | number> = { ...alert.params };
  if (alert.kind === "request_waiting") {
    params.type = tKey(lang, `workflow.requestType.${asString(params.type)}` as MessageKey);
    params.submitted = shownTime(asString(params.submitted), timeZone, lang);
  }
  if (alert.kind === "overspend") {
    for (const key of ["spent", "approved", "over"]) params[key] = money(params[key], currency);
  }
  return formatEvaluationMessage(alert.messageKey, lang, params);
}

function severityLabel(severity: Severity, lang: Lang): string {
  return t(lang, `evaluation.severity.${severity}`);
}

function kindLabel(kind: AlertKind, lang: Lang): string {
  return t(lang, `evaluation.alertKind.${kind}`);
}

/** An alert's severity, kind and sentence, as the Monitor tab and the digest show them. */
function alertWords(alert: Alert, lang: Lang, currency: string, timeZone: string) {
  return {
    severity: severityLabel(alert.severity, lang),
    kind: kindLabel(alert.kind, lang),
    message: alertText(alert, lang, currency, timeZone),
  };
}

/** Writes the current alerts to the Monitor tab, keeping when each situation was first seen. */
function writeMonitorTab(book: EvaluationBook, alerts: readonly Alert[]): void {
  const table = readTab(book.ws.ss, MONITOR_TAB);
  if (!table) return;
  const cell = textOf(table);
  const since = new Map(table.rows.map((row) => [cell(row, "key"), cell(row, "since")]));
  const { sheetLang: lang, timeZone } = book.ws;
  const now = shownTime(book.now, timeZone, lang);
  const rows: Record_[] = alerts.map((a) => ({
    ...alertWords(a, lang, book.currency, timeZone),
    campaign: a.campaign,
    notify: a.recipients.join(", "),
    since: since.get(a.key) || now,
    key: a.key,
  }));
  rewriteRows(table, MONITOR_TAB, rows);
}

function digestBody(alerts: readonly Alert[], lang: Lang, book: EvaluationBook, link: string): string {
  const lines = alerts
    .slice(0, DIGEST_LINES)
    .map((a) => t(lang, "monitor.digest.line", alertWords(a, lang, book.currency, book.ws.timeZone)));
  if (alerts.length > DIGEST_LINES) lines.push(t(lang, "monitor.digest.more", { count: alerts.length - DIGEST_LINES }));
  return [t(lang, "evaluation.digest.intro"), "", ...lines, "", t(lang, "monitor.digest.link", { link })].join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// The checkpoint in document properties

/**
 * Saves the checkpoint: the deliveries and, while a mail is on its way, who it goes to. A run that dies between the
 * two saves leaves the marker behind, and the next run does not send that digest again (at most once, and says so).
 */
function checkpointSaver(props: PropertiesPort, all: Readonly<Record<string, string>>) {
  /** The values as stored now (chunk i under SENT_PREFIX + i), so an unchanged checkpoint is not written again. */
  let stored = Object.keys(all)
    .filter((k) => k.startsWith(SENT_PREFIX))
    .map((_, i) => all[`${SENT_PREFIX}${i}`] ?? "");
  let pending = all[PENDING_KEY] !== undefined;
  return (deliveries: readonly string[], pendingTo: string | null): void => {
    const values = packCheckpoint(deliveries);
    const same = values.length === stored.length && values.every((v, i) => v === stored[i]);
    if (same && pendingTo === null && !pending) return;
    const set: Record<string, string> = {};
    values.forEach((v, i) => {
      set[`${SENT_PREFIX}${i}`] = v;
    });
    if (pendingTo !== null) set[PENDING_KEY] = pendingTo;
    if (values.length > 0 || pendingTo !== null) props.setProperties(set);
    for (let i = values.length; i < stored.length; i++) props.deleteProperty(`${SENT_PREFIX}${i}`);
    stored = values;
    if (pendingTo === null && pending) props.deleteProperty(PENDING_KEY);
    pending = pendingTo !== null;
  };
}

/** The hashes in the stored checkpoint, from every chunk there is. */
function storedCheckpoint(all: Readonly<Record<string, string>>): Set<string> {
  const keys = Object.keys(all)
    .filter((k) => k.startsWith(SENT_PREFIX))
    .sort();
  return unpackCheckpoint(keys.map((k) => all[k]));
}

interface DigestOutcome {
  readonly sent: number;
  readonly deferred: number;
  readonly notes: string[];
}

/** Mails the digests within the quota and the time budget, saving the checkpoint around every mail. */
function sendDigests(book: EvaluationBook, alerts: readonly Alert[], props: PropertiesPort): DigestOutcome {
  const all = props.getProperties();
  const lang = book.ws.sheetLang;
  const notes: string[] = [];
  const interrupted = all[PENDING_KEY];
  if (interrupted) notes.push(t(lang, "monitor.interrupted", { to: interrupted }));
  const saveCheckpoint = checkpointSaver(props, all);
  let delivered = sentDeliveries(alerts, storedCheckpoint(all));
  const plan = planDigests({ alerts, sent: delivered, quota: MailApp.getRemainingDailyQuota() });
  if (plan.unaddressed > 0) notes.push(t(lang, "monitor.unaddressed", { count: plan.unaddressed }));
  const link = book.ws.ss.getUrl();
  let sent = 0;
  let outOfTime = false;
  for (const digest of plan.digests) {
    if (dateNow() - STARTED > MAIL_BUDGET_MS) {
      outOfTime = true;
      break;
    }
    const next = markSent(delivered, digest);
    saveCheckpoint(next, digest.to);
    try {
      MailApp.sendEmail({
        to: digest.to,
        subject: t(lang, "evaluation.digest.subject", { count: digest.alerts.length }),
        body: digestBody(digest.alerts, lang, book, link),
      });
    } catch (err) {
      // Not sent: the checkpoint goes back to what was delivered, so the next run tries this person again.
      saveCheckpoint(delivered, null);
      // The quota running out is said below with the count left; any other failure is said as it is.
      if (!/too many times/i.test(messageOf(err))) notes.push(messageOf(err));
      break;
    }
    delivered = next;
    sent += 1;
  }
  // Always saved at the end: the pending marker goes, and deliveries of alerts that are gone are dropped.
  saveCheckpoint(delivered, null);
  // The digests not mailed (past the quota, or after the run stopped) wait for the next run.
  const deferred = plan.deferred.length + plan.digests.length - sent;
  // Digests left without the run running out of time were stopped by the quota (or a failed mail).
  if (outOfTime) notes.push(t(lang, "monitor.stoppedEarly", { count: deferred }));
  else if (deferred > 0) notes.push(t(lang, "monitor.quota", { count: deferred }));
  return { sent, deferred, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// The run

export interface MonitorRun {
  readonly alerts: number;
  readonly sent: number;
  readonly deferred: number;
}

/** One monitoring run under the document lock; records the health whatever happens (unless the platform kills it). */
export function runMonitoring(scheduled: boolean, prepared?: Prepared): MonitorRun {
  const ss = activeSpreadsheet();
  const props = documentProperties();
  const previous = readHealth(props);
  const timeZone = timeZoneOf(ss);
  const startedAt = nowIn(timeZone);
  const inputs = prepared ?? prepare(ss, props, timeZone);
  try {
    const result = withDocumentLock(() => {
      const book = readEvaluationBook(ss, { tasks: true, positions: true });
      refreshAll(book);
      const valuesOf = <K extends "tasks" | "kpis" | "readings">(tab: K) =>
        decodeRows(tab, book[tab]?.rows ?? []).rows.map((r) => r.value);
      const alerts = monitor({
        now: book.now,
        campaigns: book.campaigns,
        tasks: valuesOf("tasks"),
        kpis: valuesOf("kpis"),
        readings: valuesOf("readings"),
        budgets: book.positions,
        requests: pendingRequests(book),
        settings: book.settings.settings,
      });
      writeMonitorTab(book, alerts);
      flush();
      const nextChange = nextTimeChange(pendingRequests(book), book.settings.settings, dateNow());
      const { notes, ...digest } = sendDigests(book, alerts, props);
      return { run: { alerts: alerts.length, ...digest }, notes, nextChange };
    });
    if (!result.ok) throw Error(t(userLang(), "setup.busy"));
    const { run, notes, nextChange } = result.value;
    const error = notes.join(" ");
    saveHealth(
      props,
      {
        ...previous,
        ...run,
        lastRunAt: startedAt,
        lastRunOk: error === "",
        // A clean run keeps the last error on show, with when it happened.
        ...(error === "" ? {} : { lastError: error, lastErrorAt: startedAt }),
        lastScheduledAt: scheduled ? startedAt : previous.lastScheduledAt,
      },
      {
        fingerprint: inputs.fingerprint,
        checkedAt: inputs.checkedAt,
        nextChange,
        fullMs: max(0, dateNow() - inputs.checkedAt),
      },
    );
    return run;
  } catch (err) {
    // lastScheduledAt stays: a daily run that failed is tried again at the next tick, not tomorrow.
    saveHealth(props, {
      ...previous,
      lastRunAt: startedAt,
      lastRunOk: false,
      lastError: messageOf(err),
      lastErrorAt: startedAt,
    });
    throw err;
  }
}

/**
 * Whether a daily run is due: the local hour has come and no scheduled run happened on this local day, or the last
 * run left digests for later (stopped early, quota): then every tick tries again until they are out.
 */
function dailyDue(config: Config, health: MonitorHealth, timeZone: string): boolean {
  if (health.deferred > 0 && health.lastScheduledAt !== "") return true;
  const now = new Date();
  const today = formatDate(now, timeZone);
  const hour = asNumber(formatDate(now, timeZone, "H"));
  return hour >= config.hour && health.lastScheduledAt.slice(0, 10) !== today;
}

/**
 * Whether a due run may skip: its inputs are as the last full run saw them (run-inputs.ts), no time-based change
 * came since, and no digest waits.
 */
function nothingNew(prepared: Prepared, last: LastInputs | null, health: MonitorHealth): boolean {
  if (!last || last.fingerprint !== prepared.fingerprint || editedSince(prepared.stored, last)) return false;
  if (last.nextChange !== null && prepared.checkedAt >= last.nextChange) return false;
  return health.deferred === 0;
}

/**
 * The job the hourly trigger runs; a daily schedule lets it through once a day. A tick whose inputs did not change
 * skips the run; a full run that would take the day's scheduled runtime past DAILY_BUDGET_MS waits for the next
 * day (unless none ran today), and says so in the sidebar.
 */
export function monitorJob(): void {
  const props = documentProperties();
  const config = readConfig(props);
  const ss = activeSpreadsheet();
  const timeZone = timeZoneOf(ss);
  const health = readHealth(props);
  if (config.frequency === "daily" && !dailyDue(config, health, timeZone)) return;
  const prepared = prepare(ss, props, timeZone);
  const last = parseLastInputs(prepared.stored[INPUTS_KEY]);
  if (nothingNew(prepared, last, health)) {
    markSkipped();
    return;
  }
  const today = runtimeOn(prepared.stored, prepared.checkedAt);
  if (last && today.ticks > today.skipped && today.ms + last.fullMs > DAILY_BUDGET_MS) {
    markSkipped();
    const lang = settingsLang(ss);
    const note = t(lang, "monitor.overBudget", {
      minutes: mathRound(today.ms / 60_000),
      budget: DAILY_BUDGET_MS / 60_000,
    });
    if (health.lastError !== note) saveHealth(props, { ...health, lastError: note, lastErrorAt: nowIn(timeZone) });
    return;
  }
  runMonitoring(true, prepared);
}

registerJob(MONITOR_JOB, monitorJob);

/** The user's language, or the one Settings asks for. */
function settingsLang(ss: SpreadsheetPort): Lang {
  return uiLang(readSettings(ss, localeOf(ss), readContext(ss, userLang())).settings);
}

// ---------------------------------------------------------------------------------------------------------------
// The sidebar

/** The alerts the Monitor tab shows; null when there is no Monitor tab (setup is needed). */
function currentAlerts(ss: SpreadsheetPort, lang: Lang): { list: AlertView[]; count: number } | null {
  const table = readTab(ss, MONITOR_TAB);
  if (!table) return null;
  const cell = textOf(table);
  // The cell shows the label in the workbook's language; reading it loads that language's catalog only.
  const severityOf = (cell: string): Severity | undefined =>
    valueOfLabel(
      cell,
      SEVERITIES,
      (s) => `evaluation.severity.${s}`,
      (label) => label,
    );
  const list: AlertView[] = [];
  for (const row of table.rows) {
    const kind = parseJson<unknown[]>(cell(row, "key"))?.[0];
    if (!(ALERT_KINDS as readonly unknown[]).includes(kind)) continue;
    const severity = severityOf(cell(row, "severity")) ?? "warning";
    list.push({
      severity,
      kind: kind as AlertKind,
      severityLabel: severityLabel(severity, lang),
      kindLabel: kindLabel(kind as AlertKind, lang),
      campaign: cell(row, "campaign"),
      message: cell(row, "message"),
    });
  }
  return { list: list.slice(0, 20), count: list.length };
}

export function monitorStatus(): MonitorStatus {
  const ss = activeSpreadsheet();
  const lang = settingsLang(ss);
  const props = documentProperties();
  const config = readConfig(props);
  const health = readHealth(props);
  const schedule = readSchedule();
  const on = schedule.jobs.includes(MONITOR_JOB);
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const required = info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  const runtimes = { [RUNTIME_KEY]: props.getProperty(RUNTIME_KEY) ?? "" };
  const today = runtimeOn(runtimes, dateNow());
  // Stale: the schedule is on, twice its interval passed since it was set or last ran, and nothing ran (a tick that
  // found nothing new counts as a run).
  const ticked = lastTickAt(runtimes);
  const last = max(dateParse(health.lastScheduledAt || config.since) || 0, ticked);
  const interval = (config.frequency === "hourly" ? 1 : 24) * HOUR_MS;
  const stale = on && last > 0 && dateNow() - last > 2 * interval + HOUR_MS;
  const alerts = currentAlerts(ss, lang);
  const admin = adminCheck(ss, props).admin;
  return {
    lang,
    setupNeeded: alerts === null,
    frequency: on ? config.frequency : "off",
    hour: config.hour,
    owner: on ? schedule.owner : "",
    canSchedule: admin,
    scheduleNotice: admin ? scheduleNotice(lang) : "",
    reauthorizationNeeded: required,
    authorizationUrl: required ? info.getAuthorizationUrl() : "",
    health: { ...health, stale },
    runtime: {
      todayMs: today.ms,
      budgetMs: DAILY_BUDGET_MS,
      quotaMs: TRIGGER_QUOTA_MS,
      ticks: today.ticks,
      skipped: today.skipped,
    },
    alerts: alerts?.list ?? [],
    alertCount: alerts?.count ?? 0,
    problems: [],
  };
}

export function rpcMonitorStatus(request: unknown): MonitorStatus {
  parseRequest("rpcMonitorStatus", MonitorStatusRequest, request);
  return monitorStatus();
}

/** What admins must know about the schedule, in their language: held (owner no longer an admin) or quiet. */
function scheduleNotice(lang: Lang): string {
  const health = scheduleHealth();
  if (health.jobs.length === 0) return "";
  if (!health.ownerIsAdmin) return t(lang, "rights.schedule.notAdmin", { owner: health.owner });
  if (health.quiet) {
    const zone = timeZoneOf();
    const since = health.lastTick ? shownTime(health.lastTick, zone, lang) : "—";
    return t(lang, "rights.schedule.quiet", { owner: health.owner, since });
  }
  // Monitoring off but another job on (the variance refresh): still say whose trigger runs it.
  return health.jobs.includes(MONITOR_JOB) ? "" : t(lang, "rights.schedule.owner", { owner: health.owner });
}

/** Who may change the schedule or run it by hand: the admins (roles in document properties; the owner always). */
function adminCheck(
  ss: SpreadsheetPort,
  props: PropertiesPort = documentProperties(),
): { admin: boolean; owner: string } {
  const roles = parseRoles(props.getProperty(KEY.roles));
  const owner = ownerOf(ss);
  const me = callerEmail();
  return { admin: isAdmin(roles, owner, me), owner };
}

function requireAdmin(lang: Lang): void {
  const { admin, owner } = adminCheck(activeSpreadsheet());
  if (!admin) throw Error(t(lang, "monitor.notAdmin", { owner }));
}

export function rpcMonitorSchedule(request: unknown): MonitorStatus {
  const lang = userLang();
  const req = parseRequest("rpcMonitorSchedule", MonitorScheduleRequest, request, lang);
  requireAdmin(lang);
  const props = documentProperties();
  if (req.frequency === "off") {
    setJob(MONITOR_JOB, false);
  } else {
    const previous = readConfig(props);
    const config: Config = {
      frequency: req.frequency,
      hour: req.hour ?? previous.hour,
      since: nowIn(timeZoneOf()),
    };
    props.setProperty(CONFIG_KEY, stringify(config));
    setJob(MONITOR_JOB, true);
  }
  return monitorStatus();
}

export function rpcMonitorRun(request: unknown): RunResult {
  const lang = userLang();
  parseRequest("rpcMonitorRun", MonitorStatusRequest, request, lang);
  requireAdmin(lang);
  const run = runMonitoring(false);
  return { ...run, status: monitorStatus() };
}

/** "Monitoring and evaluation": the sidebar with the schedule and its health, the summary form and the lessons. */
export function menuShowMonitor(): void {
  showSidebar("monitor");
}
