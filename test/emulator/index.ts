// The emulator's scenario API: one spreadsheet with the add-on, driven as Sheets would drive it (see README.md).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SpreadsheetPort } from "../../src/workbook/shared/ports";
import type { CallCounter } from "./counter";
import { Bundle, BundleError } from "./loader";
import {
  type ExecutionOutcome,
  type ExecutionRecord,
  type ExecutionSpec,
  Runtime,
  ScriptError,
  type ServiceCallHook,
} from "./runtime";
import type { BigQueryCloud } from "./services/bigquery";
import { CacheStores, type CacheStoresState } from "./services/cache";
import { type AuthModeName, ServiceError, VirtualClock } from "./services/core";
import { type FormsCloud, submitResponse } from "./services/forms";
import { MailBox, type MailState, type SentMail } from "./services/mail";
import { PropertyStores, type PropertyStoresState } from "./services/properties";
import { type TriggerRecord, TriggerTable } from "./services/script";
import { UserDirectory, type UserOptions, type UserRecord } from "./services/session";
import type { UiRecorder } from "./services/ui";
import { zonedParts } from "./services/utilities";
import { createSpreadsheet, FakeSpreadsheet, type SpreadsheetState, type UserEditResult } from "./spreadsheet";
import { splitSheet } from "./spreadsheet/a1";
import { validZone } from "./zones";

export { Bundle, BundleError } from "./loader";
export { type ExecutionInfo, type ExecutionRecord, ScriptError, type ServiceCallHook } from "./runtime";
export { BigQueryCloud } from "./services/bigquery";
export { FormsCloud } from "./services/forms";
export type { SentMail } from "./services/mail";
export type { TriggerRecord } from "./services/script";
export type { UserOptions, UserRecord } from "./services/session";
export type { DialogRequest, UiAnswer, UiRecorder } from "./services/ui";

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");

export interface EmulatorOptions {
  /** Default <repo>/dist: Code.js and the *.html files HtmlService serves. */
  bundleDir?: string;
  /** A bundle given directly (tests of the emulator itself); wins over bundleDir for Code.js. */
  bundle?: Bundle;
  /** Spreadsheet locale, "en_US" (default) or "zh_CN". */
  locale?: string;
  /** Spreadsheet time zone, default "Europe/Berlin". */
  timeZone?: string;
  /** Virtual clock start (ISO), default "2026-03-02T08:00:00Z". */
  now?: string;
  /** Spreadsheet owner and first active user, default "owner@example.com". */
  owner?: string;
  /** Spreadsheet name, default "Campaigns 2026". */
  name?: string;
  /** Default false: onOpen runs in AuthMode.NONE until install() ran. */
  addonEnabled?: boolean;
  /** MailApp daily recipients quota, default 100. */
  mailQuota?: number;
  /** Wall-clock guard per execution (vm timeout), default 20000 ms; the virtual limits apply regardless. */
  wallTimeoutMs?: number;
  /** Utilities.getUuid(); random v4 UUIDs by default. */
  uuid?: () => string;
  /** The BigQuery projects an org build exports to; give the same one to several workbooks to share it. */
  bigquery?: BigQueryCloud;
  /** The forms an org build creates (FormApp, with the forms scope); give one to look into it or share it. */
  forms?: FormsCloud;
}

export interface ExecutionResult {
  returned: unknown;
  authMode: AuthModeName;
}

export interface EmulatorState {
  version: 1;
  clock: number;
  settings: { locale: string; timeZone: string; owner: string; name: string; scriptId: string };
  documentId: string;
  enabled: boolean;
  activeUser: string;
  users: UserRecord[];
  properties: PropertyStoresState;
  caches: CacheStoresState;
  triggers: ReturnType<TriggerTable["toJSON"]>;
  mail: MailState;
  spreadsheet: SpreadsheetState;
}

export interface TriggerFailure {
  execution: ExecutionRecord;
  message: string;
}

const DEFAULTS = {
  locale: "en_US",
  timeZone: "Europe/Berlin",
  now: "2026-03-02T08:00:00Z",
  owner: "owner@example.com",
  name: "Campaigns 2026",
  mailQuota: 100,
};

/** Installable triggers of a user who withdrew the grant fail with this (the user is e-mailed in Apps Script). */
export const MSG_AUTH_REQUIRED = "Authorization is required to perform that action.";

type Document = FakeSpreadsheet & SpreadsheetPort;

export class Emulator {
  /** The runtime underneath: executions, stores, hooks (for the emulator's own tests and advanced scenarios). */
  readonly runtime: Runtime;
  /** Triggers that failed while the clock advanced (the scenario goes on, as in Apps Script). */
  readonly failures: TriggerFailure[] = [];
  /** What the last edit() did (refused, warned, where). */
  lastEdit: UserEditResult | null = null;
  private readonly settings: EmulatorState["settings"];

  private constructor(runtime: Runtime, settings: EmulatorState["settings"]) {
    this.runtime = runtime;
    this.settings = settings;
  }

  static create(options: EmulatorOptions = {}): Emulator {
    const o = { ...DEFAULTS, ...options };
    const settings = {
      locale: o.locale,
      timeZone: o.timeZone,
      owner: o.owner,
      name: o.name,
      scriptId: "1CampaignControlEmulatedScriptId",
    };
    const emu = Emulator.build(options, settings, new VirtualClock(o.now));
    const rt = emu.runtime;
    rt.documentId = `ss-${Math.abs(hash(`${settings.name}|${settings.owner}|${o.now}`)).toString(36)}`;
    rt.spreadsheet = createSpreadsheet(rt, {
      id: rt.documentId,
      name: settings.name,
      locale: settings.locale,
      timeZone: settings.timeZone,
      owner: settings.owner,
    });
    rt.enabled = options.addonEnabled ?? false;
    emu.checkLoad();
    return emu;
  }

  static restore(state: EmulatorState, options: EmulatorOptions = {}): Emulator {
    if (state.version !== 1) throw new Error(`Emulator.restore: unknown state version ${String(state.version)}`);
    const emu = Emulator.build(options, state.settings, new VirtualClock(state.clock));
    const rt = emu.runtime;
    rt.documentId = state.documentId;
    rt.enabled = state.enabled;
    rt.activeUser = state.activeUser;
    rt.users = UserDirectory.fromJSON(state.settings.owner, userLocale(state.settings.locale), state.users);
    rt.properties = PropertyStores.fromJSON(state.properties);
    rt.caches = CacheStores.fromJSON(state.caches);
    rt.triggers = TriggerTable.fromJSON(state.triggers);
    rt.mail = MailBox.fromJSON(state.mail, options.mailQuota ?? DEFAULTS.mailQuota);
    rt.spreadsheet = FakeSpreadsheet.fromJSON(rt, state.spreadsheet);
    emu.checkLoad();
    return emu;
  }

  private static build(options: EmulatorOptions, settings: EmulatorState["settings"], clock: VirtualClock): Emulator {
    const bundleDir = options.bundleDir ?? join(root, "dist");
    const bundle = options.bundle ?? Bundle.load(bundleDir);
    const scriptTimeZone = validZone(bundle.manifest()?.timeZone ?? "Etc/UTC");
    // Apps Script evaluates local-time Date methods in the script's time zone; Node reads TZ for the same purpose.
    if (process.env.TZ !== scriptTimeZone) process.env.TZ = scriptTimeZone;
    const runtime = new Runtime({
      bundle,
      clock,
      owner: settings.owner,
      userLocale: userLocale(settings.locale),
      scriptTimeZone,
      scriptId: settings.scriptId,
      mailQuota: options.mailQuota ?? DEFAULTS.mailQuota,
      wallTimeoutMs: options.wallTimeoutMs,
      uuid: options.uuid,
      bigquery: options.bigquery,
      forms: options.forms,
    });
    return new Emulator(runtime, settings);
  }

  /** Apps Script runs the top level before every execution: it must not call services (they may be forbidden). */
  private checkLoad(): void {
    const before = this.runtime.counter.snapshot();
    let failure: unknown;
    try {
      this.runtime.inspect();
    } catch (e) {
      failure = e;
    }
    const after = this.runtime.counter.snapshot();
    const touched = Object.keys(after).filter((k) => (after[k] ?? 0) !== (before[k] ?? 0));
    if (touched.length > 0) {
      throw new BundleError(
        `Code.js calls services while loading (${touched.join(", ")}); move those calls into functions`,
      );
    }
    if (failure !== undefined) {
      throw new BundleError(
        `Code.js fails while loading: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    }
    this.runtime.counter.reset();
  }

  save(): EmulatorState {
    const rt = this.runtime;
    return {
      version: 1,
      clock: rt.clock.now(),
      settings: { ...this.settings },
      documentId: rt.documentId,
      enabled: rt.enabled,
      activeUser: rt.activeUser,
      users: rt.users.toJSON(),
      properties: rt.properties.toJSON(),
      caches: rt.caches.toJSON(),
      triggers: rt.triggers.toJSON(),
      mail: rt.mail.toJSON(),
      spreadsheet: rt.spreadsheet.toJSON(),
    };
  }

  /**
   * Puts the document, properties, caches, triggers, users and mail back as `state` holds them, keeping the clock
   * (time does not run backwards) and what the user saw. The preview undoes an execution that stopped at a dialog
   * this way, and runs it again with the person's answers.
   */
  rewind(state: EmulatorState): void {
    const rt = this.runtime;
    rt.enabled = state.enabled;
    rt.activeUser = state.activeUser;
    rt.users = UserDirectory.fromJSON(state.settings.owner, userLocale(state.settings.locale), state.users);
    rt.properties = PropertyStores.fromJSON(state.properties);
    rt.caches = CacheStores.fromJSON(state.caches);
    rt.triggers = TriggerTable.fromJSON(state.triggers);
    rt.mail = MailBox.fromJSON(state.mail, rt.mail.quota);
    rt.spreadsheet = FakeSpreadsheet.fromJSON(rt, state.spreadsheet);
  }

  // ------------------------------------------------------------ what a test reads

  /** The one document (implements SpreadsheetPort); reads through it are counted like the script's. */
  get spreadsheet(): Document {
    return this.runtime.spreadsheet as Document;
  }

  get counter(): CallCounter {
    return this.runtime.counter;
  }

  get outbox(): SentMail[] {
    return this.runtime.mail.outbox;
  }

  get ui(): UiRecorder {
    return this.runtime.uiRecorder;
  }

  get logs(): string[] {
    return this.runtime.logBook.lines;
  }

  /** Every execution so far, in order. */
  get executions(): readonly ExecutionRecord[] {
    return this.runtime.executions;
  }

  /** Installable triggers of every user. */
  get triggers(): readonly TriggerRecord[] {
    return this.runtime.triggers.list();
  }

  /** Whether the add-on is enabled in this document. */
  get enabled(): boolean {
    return this.runtime.enabled;
  }

  /** The global functions of Code.js: what menus, triggers, google.script.run and cells can reach. */
  get functions(): readonly string[] {
    return this.runtime.bundle.globalFunctions();
  }

  now(): Date {
    return new Date(this.runtime.clock.now());
  }

  // ------------------------------------------------------------ users

  get user(): string {
    return this.runtime.activeUser;
  }

  set user(email: string) {
    this.as(email);
  }

  /** Act as this user in the executions that follow. */
  as(email: string): this {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`as(): not an e-mail address: ${email}`);
    this.runtime.activeUser = email;
    this.runtime.users.get(email);
    return this;
  }

  /** Sets how a user behaves: `sameDomain` (identity visible in simple triggers), `locale`, `authorized`. */
  configureUser(email: string, options: UserOptions): UserRecord {
    return { ...this.runtime.users.configure(email, options) };
  }

  /** The user withdraws the add-on's access: getAuthorizationInfo(FULL) says REQUIRED, their triggers fail. */
  revoke(email: string = this.user): this {
    this.runtime.users.configure(email, { authorized: false });
    return this;
  }

  /** Calls `hook` on every counted service call (a place to start a second execution inside the first). */
  onServiceCall(hook: ServiceCallHook): () => void {
    return this.runtime.onServiceCall(hook);
  }

  // ------------------------------------------------------------ what a user does

  /** The user installs the add-on: onInstall(e) in FULL; the add-on is then enabled in the document. */
  install(): ExecutionResult {
    const rt = this.runtime;
    rt.users.configure(this.user, { authorized: true });
    rt.enabled = true;
    if (!this.has("onInstall")) return { returned: undefined, authMode: "FULL" };
    return this.orThrow(
      rt.execute({
        kind: "onInstall",
        functionName: "onInstall",
        authMode: "FULL",
        user: this.user,
        args: () => [{ authMode: rt.authModeEnum("FULL") }],
      }),
    );
  }

  /** The user opens (reloads) the document: simple onOpen(e), then installable open triggers. */
  open(): ExecutionResult {
    const rt = this.runtime;
    rt.uiRecorder.resetMenus();
    const authMode: AuthModeName = rt.enabled ? "LIMITED" : "NONE";
    let result: ExecutionResult = { returned: undefined, authMode };
    let first: ScriptError | undefined;
    if (this.has("onOpen")) {
      const out = rt.execute({
        kind: "onOpen",
        functionName: "onOpen",
        authMode,
        user: this.user,
        args: (ctx) => [
          // Without authorization the script cannot reach the document, so NONE's event has no source.
          authMode === "NONE"
            ? { authMode: rt.authModeEnum(authMode), user: rt.userObject(ctx.visibleActiveEmail) }
            : {
                authMode: rt.authModeEnum(authMode),
                source: this.spreadsheet,
                user: rt.userObject(ctx.visibleActiveEmail),
              },
        ],
      });
      result = { returned: out.returned, authMode };
      first = out.error;
    }
    const installable = this.fireInstallable("ON_OPEN", (ctx, uid) => ({
      authMode: rt.authModeEnum("FULL"),
      source: this.spreadsheet,
      triggerUid: uid,
      user: rt.userObject(ctx.visibleActiveEmail),
    }));
    if (first ?? installable) throw first ?? installable;
    return result;
  }

  /** Clicks an add-on menu item recorded by the last open(): runs its function in FULL as the current user. */
  menu(caption: string): ExecutionResult {
    const rt = this.runtime;
    const item = rt.uiRecorder.findMenuItem(caption);
    if (!item) {
      const have = rt.uiRecorder.addonMenu.map((i) => `"${i.caption}"`).join(", ") || "none (did open() run?)";
      throw new Error(`menu(): no item "${caption}"; the add-on menu has ${have}`);
    }
    // Clicking an add-on's item asks for (and gets) the user's grant and enables the add-on in this document.
    rt.users.configure(this.user, { authorized: true });
    rt.enabled = true;
    return this.orThrow(
      rt.execute({ kind: "menu", functionName: item.functionName, authMode: "FULL", user: this.user }),
    );
  }

  /**
   * google.script.run from a sidebar or dialog: only global functions not ending in "_"; arguments and result pass
   * the bridge's filter; an exception is rethrown as ScriptError(message).
   */
  run<T = unknown>(functionName: string, ...args: unknown[]): T {
    const rt = this.runtime;
    if (functionName === "App" || functionName.endsWith("_") || !this.functions.includes(functionName)) {
      throw new ScriptError(`google.script.run.${functionName} is not a function`, "TypeError");
    }
    rt.users.configure(this.user, { authorized: true });
    const out = rt.execute({
      kind: "run",
      functionName,
      authMode: "FULL",
      user: this.user,
      bridge: true,
      args: () => args,
    });
    if (out.error) throw out.error;
    return out.returned as T;
  }

  /**
   * The user types into a cell (or pastes a 2-D array): text is parsed as Sheets does; then simple onEdit (LIMITED,
   * when the add-on is enabled) and installable edit and change triggers run. Returns the simple trigger's result,
   * or null when the edit was refused or no simple onEdit ran; `lastEdit` says what happened to the edit itself.
   */
  edit(a1: string, value: unknown): ExecutionResult | null {
    const rt = this.runtime;
    const ss = this.spreadsheet;
    const done = rt.counter.paused(() => ss.userEdit(a1, value));
    this.lastEdit = done;
    if (!done.ok) return null;
    const range = () => done.range;
    const single = (e: Record<string, unknown>): Record<string, unknown> => {
      if (done.value !== undefined) e.value = done.value;
      if (done.oldValue !== undefined) e.oldValue = done.oldValue;
      return e;
    };
    let result: ExecutionResult | null = null;
    let first: ScriptError | undefined;
    if (rt.enabled && this.has("onEdit")) {
      const out = rt.execute({
        kind: "onEdit",
        functionName: "onEdit",
        authMode: "LIMITED",
        user: this.user,
        args: (ctx) => [
          single({
            authMode: rt.authModeEnum("LIMITED"),
            range: range(),
            source: ss,
            user: rt.userObject(ctx.visibleActiveEmail),
          }),
        ],
      });
      result = { returned: out.returned, authMode: "LIMITED" };
      first = out.error;
    }
    const onEdit = this.fireInstallable("ON_EDIT", (ctx, uid) =>
      single({
        authMode: rt.authModeEnum("FULL"),
        range: range(),
        source: ss,
        triggerUid: uid,
        user: rt.userObject(ctx.visibleActiveEmail),
      }),
    );
    const onChange = this.fireInstallable("ON_CHANGE", (ctx, uid) => ({
      authMode: rt.authModeEnum("FULL"),
      changeType: "EDIT",
      source: ss,
      triggerUid: uid,
      user: rt.userObject(ctx.visibleActiveEmail),
    }));
    const error = first ?? onEdit ?? onChange;
    if (error) throw error;
    return result;
  }

  /** Moves the clock, running due time-driven triggers in order (a failing trigger is recorded in `failures`). */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`advance(): not a duration: ${ms}`);
    this.advanceUntil(this.runtime.clock.now() + ms);
  }

  advanceTo(iso: string): void {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) throw new Error(`advanceTo(): not a date: ${iso}`);
    if (t < this.runtime.clock.now()) throw new Error(`advanceTo(): ${iso} is in the past`);
    this.advanceUntil(t);
  }

  /** Calls a custom function as a cell would (CUSTOM_FUNCTION mode), outside any formula. */
  customFunction(name: string, ...args: unknown[]): unknown {
    return this.runtime.callCustomFunction(name, args);
  }

  // ------------------------------------------------------------ reading the sheet (not counted)

  values(sheetName: string): unknown[][] {
    return this.runtime.counter.paused(() => this.sheet(sheetName).getDataRange().getValues());
  }

  displayValues(sheetName: string): string[][] {
    return this.runtime.counter.paused(() => this.sheet(sheetName).getDataRange().getDisplayValues());
  }

  /** "Sheet!B2", or "B2" on the active sheet. */
  cell(a1: string): { value: unknown; display: string; formula: string } {
    return this.runtime.counter.paused(() => {
      const { sheetName, rest } = splitSheet(a1);
      const sheet = sheetName === null ? this.spreadsheet.getActiveSheet() : this.sheet(sheetName);
      const r = sheet.getRange(rest);
      return { value: r.getValue(), display: r.getDisplayValue(), formula: r.getFormula() };
    });
  }

  /**
   * File > Make a copy, by the user at the keyboard: a new document (a new id, "Copy of <name>", owned by whoever
   * copies it) holding every tab, cell, format, protection and developer metadata of this one; none of its document
   * properties, document caches or triggers (they belong to the document, not to the file), and an empty outbox.
   * Script and user properties stay (an add-on's script is the same project in both documents). This emulator goes
   * on as the old document.
   */
  copy(options: { owner?: string; name?: string } = {}): Emulator {
    const state = structuredClone(this.save());
    const old = state.documentId;
    const owner = options.owner ?? this.user;
    const name = options.name ?? `Copy of ${state.spreadsheet.name}`;
    const id = `ss-${Math.abs(hash(`${name}|${owner}|${state.clock}|${old}`)).toString(36)}`;
    state.documentId = id;
    state.activeUser = owner;
    state.settings = { ...state.settings, owner, name };
    state.spreadsheet = { ...state.spreadsheet, id, name, owner };
    state.properties = { ...state.properties, documents: {} };
    state.caches = { ...state.caches, documents: {} };
    state.triggers = { ...state.triggers, records: state.triggers.records.filter((r) => r.documentId !== old) };
    state.mail = { ...state.mail, outbox: [] };
    return Emulator.restore(state);
  }

  /** The forms this workbook's executions created (an org build's FormApp). */
  get forms(): FormsCloud {
    return this.runtime.formsCloud;
  }

  /**
   * A respondent submits a linked form now: Sheets appends the row to its response tab (the timestamp, then each
   * answer under its question's title). Not counted and firing no trigger: no script runs when a form is answered.
   */
  respond(formId: string, answers: Readonly<Record<string, string | number>>): void {
    const rt = this.runtime;
    const at = new Date(rt.clock.now());
    rt.counter.paused(() => submitResponse(rt.formsCloud, rt.spreadsheet, formId, at, answers));
  }

  /**
   * Fixture data: `values` written from (row, column) of the tab, not counted and firing no trigger, the grid grown
   * first as a paste in Sheets grows it (a script's getRange past the grid is refused; see the README).
   */
  fill(sheetName: string, row: number, column: number, values: unknown[][]): void {
    if (values.length === 0) return;
    this.runtime.counter.paused(() => {
      const sheet = this.sheet(sheetName);
      const rows = row + values.length - 1;
      const columns = column + Math.max(...values.map((r) => r.length)) - 1;
      if (rows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
      if (columns > sheet.getMaxColumns()) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
      }
      sheet.getRange(row, column, values.length, values[0]?.length ?? 1).setValues(values);
    });
  }

  // ------------------------------------------------------------ internals

  private sheet(name: string) {
    const s = this.spreadsheet.getSheetByName(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return s;
  }

  private has(fn: string): boolean {
    return this.functions.includes(fn);
  }

  private orThrow(out: ExecutionOutcome): ExecutionResult {
    if (out.error) throw out.error;
    return { returned: out.returned, authMode: out.record.authMode };
  }

  /** Runs the document's installable triggers of one type, each as its owner; returns the first error. */
  private fireInstallable(
    type: "ON_OPEN" | "ON_EDIT" | "ON_CHANGE",
    event: (ctx: Parameters<NonNullable<ExecutionSpec["args"]>>[0], uid: string) => Record<string, unknown>,
  ): ScriptError | undefined {
    const rt = this.runtime;
    let first: ScriptError | undefined;
    const due = rt.triggers.list().filter((t) => t.eventType === type && t.documentId === rt.documentId);
    for (const t of [...due]) {
      const out = this.fireTrigger(t, (ctx) => [event(ctx, t.uid)]);
      first ??= out?.error;
    }
    return first;
  }

  private fireTrigger(t: TriggerRecord, args: ExecutionSpec["args"]): ExecutionOutcome | undefined {
    const rt = this.runtime;
    // The acting user (an editor) may differ from the owner, whose account the trigger runs as.
    const spec: ExecutionSpec = {
      kind: "trigger",
      functionName: t.handler,
      authMode: "FULL",
      user: t.eventType === "CLOCK" ? t.owner : this.user,
      effectiveUser: t.owner,
      triggerEvent: t.eventType,
      triggerUid: t.uid,
      args,
    };
    if (!rt.users.get(t.owner).authorized) {
      const record: ExecutionRecord = {
        id: 0,
        kind: "trigger",
        functionName: t.handler,
        authMode: "FULL",
        user: spec.user,
        effectiveUser: t.owner,
        triggerUid: t.uid,
        startedAt: this.now().toISOString(),
        durationMs: 0,
        ok: false,
        error: MSG_AUTH_REQUIRED,
      };
      rt.executions.push(record);
      this.failures.push({ execution: record, message: MSG_AUTH_REQUIRED });
      return undefined;
    }
    const out = rt.execute(spec);
    if (out.error) this.failures.push({ execution: out.record, message: out.error.message });
    return out;
  }

  private advanceUntil(target: number): void {
    const rt = this.runtime;
    for (let guard = 0; guard < 100_000; guard++) {
      const t = rt.triggers.nextDue(target);
      if (!t?.schedule) break;
      const at = Math.max(rt.clock.now(), t.schedule.nextRun);
      rt.clock.set(at);
      this.fireTrigger(t, () => [clockEvent(rt, at, t.uid)]);
      rt.triggers.reschedule(t, at);
    }
    if (rt.clock.now() < target) rt.clock.set(target);
  }
}

/** The time-driven event object (Event objects guide): the firing time's parts in UTC. */
function clockEvent(rt: Runtime, at: number, uid: string): Record<string, unknown> {
  const p = zonedParts(at, "UTC");
  const jan1 = Date.UTC(p.year, 0, 1);
  const week =
    Math.floor(
      (Math.round((Date.UTC(p.year, p.month - 1, p.day) - jan1) / 86400000) + new Date(jan1).getUTCDay()) / 7,
    ) + 1;
  return {
    authMode: rt.authModeEnum("FULL"),
    "day-of-month": p.day,
    "day-of-week": p.weekday,
    hour: p.hour,
    minute: p.minute,
    month: p.month,
    second: p.second,
    timezone: "UTC",
    triggerUid: uid,
    "week-of-year": week,
    year: p.year,
  };
}

/** Session.getActiveUserLocale() reports the language ("en"); Chinese keeps its region ("zh_CN"). */
function userLocale(locale: string): string {
  return locale.startsWith("en") ? "en" : locale;
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

export { ServiceError };
