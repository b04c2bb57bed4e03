// Emulated ScriptApp: enums, authorization info and installable triggers with the add-on restrictions.
import type {
  AuthorizationInfoPort,
  ClockTriggerBuilderPort,
  ScriptAppPort,
  SpreadsheetTriggerBuilderPort,
  TriggerBuilderPort,
  TriggerPort,
} from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import {
  type AppsScriptEnum,
  type ExecutionContext,
  makeEnum,
  permissionError,
  SCOPES,
  ServiceError,
  type TriggerEventName,
  type VirtualClock,
} from "./core";
import type { UserDirectory } from "./session";
import { zonedParts } from "./utilities";

export const AuthMode = makeEnum("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL");
export const AuthorizationStatus = makeEnum("REQUIRED", "NOT_REQUIRED");
export const EventType = makeEnum("CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED");
export const TriggerSource = makeEnum("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR");
export const WeekDay = makeEnum("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Triggers for Editor add-ons, Restrictions: "Time-driven triggers cannot run more frequently than once per hour." */
export const MSG_ADDON_RECURRENCE = "The recurrence interval for an Add-on trigger must be at least one hour.";
/**
 * "Each add-on can only have one trigger of each type, per user, per document." The time-based wording is what Apps
 * Script reports; the other types follow the same pattern (an assumption of the emulator).
 */
export function msgTooManyTriggers(type: TriggerEventName): string {
  const noun = { CLOCK: "time-based", ON_EDIT: "edit", ON_OPEN: "open", ON_CHANGE: "change" }[type];
  return `This add-on has created too many ${noun} triggers in this document for this Google user account.`;
}

export interface ClockSchedule {
  /** "after"/"at" fire once; the others repeat every `every` units. */
  unit: "minutes" | "hours" | "days" | "weeks" | "after" | "at";
  every: number;
  atHour?: number;
  nearMinute?: number;
  timeZone: string;
  /** Virtual ms of the next run. */
  nextRun: number;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: TriggerEventName;
  /** The account that created it; the trigger runs as this account. */
  owner: string;
  /** The document the add-on created it in (add-on triggers belong to one document). */
  documentId: string;
  schedule?: ClockSchedule;
  createdAt: number;
}

export class TriggerTable {
  private readonly records: TriggerRecord[] = [];
  private nextUid = 1;

  list(): readonly TriggerRecord[] {
    return this.records;
  }

  add(r: Omit<TriggerRecord, "uid">): TriggerRecord {
    const rec = { ...r, uid: String(1_000_000 + this.nextUid++) };
    this.records.push(rec);
    return rec;
  }

  remove(uid: string): boolean {
    const i = this.records.findIndex((r) => r.uid === uid);
    if (i < 0) return false;
    this.records.splice(i, 1);
    return true;
  }

  get(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }

  /** The clock trigger due first at or before `until`, if any. */
  nextDue(until: number): TriggerRecord | undefined {
    let best: TriggerRecord | undefined;
    for (const r of this.records) {
      const t = r.schedule?.nextRun;
      if (t === undefined || t > until) continue;
      if (!best || t < (best.schedule?.nextRun ?? Number.POSITIVE_INFINITY)) best = r;
    }
    return best;
  }

  /** After a run: one-shot triggers are gone, repeating ones move to their next time. */
  reschedule(r: TriggerRecord, firedAt: number): void {
    const s = r.schedule;
    if (!s) return;
    if (s.unit === "after" || s.unit === "at") {
      this.remove(r.uid);
      return;
    }
    s.nextRun = nextRun(s, firedAt);
  }

  toJSON(): { nextUid: number; records: TriggerRecord[] } {
    return { nextUid: this.nextUid, records: this.records.map((r) => structuredClone(r)) };
  }

  static fromJSON(json: { nextUid: number; records: TriggerRecord[] } | undefined): TriggerTable {
    const t = new TriggerTable();
    if (!json) return t;
    t.nextUid = json.nextUid;
    for (const r of json.records) t.records.push(structuredClone(r));
    return t;
  }
}

/** The next run after `from` (exclusive). Daily runs at a fixed hour are placed on the hour in the trigger's zone. */
export function nextRun(s: ClockSchedule, from: number): number {
  const unitMs = { minutes: 60 * 1000, hours: HOUR, days: DAY, weeks: 7 * DAY, after: 0, at: 0 }[s.unit];
  if (s.atHour === undefined || (s.unit !== "days" && s.unit !== "weeks")) {
    return from + s.every * unitMs + (s.nearMinute ?? 0) * 60 * 1000;
  }
  // Earliest instant after (from + interval - 1 day) whose local hour is atHour and minute is nearMinute.
  let t = Math.floor((from + s.every * unitMs - DAY) / (60 * 1000)) * 60 * 1000 + 60 * 1000;
  for (let i = 0; i < 60 * 24 * 8; i++, t += 60 * 1000) {
    const p = zonedParts(t, s.timeZone);
    if (t > from && p.hour === s.atHour && p.minute === (s.nearMinute ?? 0)) return t;
  }
  throw new Error(`no local ${s.atHour}:00 found in ${s.timeZone}`);
}

export interface ScriptAppHost {
  readonly triggers: TriggerTable;
  readonly users: UserDirectory;
  readonly clock: VirtualClock;
  readonly scriptId: string;
  readonly scriptTimeZone: string;
  /** Whether an object handed to forSpreadsheet() is the current document; returns its id or null. */
  spreadsheetIdOf(spreadsheet: unknown): string | null;
}

export class FakeTrigger implements TriggerPort {
  constructor(
    readonly record: TriggerRecord,
    private readonly scriptId: string,
    private readonly counter: CallCounter,
  ) {}

  getUniqueId(): string {
    this.counter.count("Trigger.getUniqueId");
    return this.record.uid;
  }

  getHandlerFunction(): string {
    this.counter.count("Trigger.getHandlerFunction");
    return this.record.handler;
  }

  getEventType(): AppsScriptEnum {
    this.counter.count("Trigger.getEventType");
    return EventType[this.record.eventType];
  }

  getTriggerSource(): AppsScriptEnum {
    this.counter.count("Trigger.getTriggerSource");
    return this.record.eventType === "CLOCK" ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }

  getTriggerSourceId(): string {
    this.counter.count("Trigger.getTriggerSourceId");
    return this.record.eventType === "CLOCK" ? this.scriptId : this.record.documentId;
  }
}

class FakeAuthorizationInfo implements AuthorizationInfoPort {
  constructor(
    private readonly required: boolean,
    private readonly scriptId: string,
    private readonly counter: CallCounter,
  ) {}

  getAuthorizationStatus(): AppsScriptEnum {
    this.counter.count("AuthorizationInfo.getAuthorizationStatus");
    return this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }

  getAuthorizationUrl(): string {
    this.counter.count("AuthorizationInfo.getAuthorizationUrl");
    return `https://script.google.com/macros/d/${this.scriptId}/authorize`;
  }
}

export class FakeScriptApp implements ScriptAppPort {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = WeekDay;

  constructor(
    private readonly host: ScriptAppHost,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {}

  getScriptId(): string {
    this.counter.count("ScriptApp.getScriptId");
    return this.host.scriptId;
  }

  /** FULL needs the user's grant; LIMITED and the others need none. */
  getAuthorizationInfo(authMode: unknown): FakeAuthorizationInfo {
    this.counter.count("ScriptApp.getAuthorizationInfo");
    const mode = String(authMode);
    const required = mode === "FULL" && !this.host.users.get(this.ctx.user).authorized;
    return new FakeAuthorizationInfo(required, this.host.scriptId, this.counter);
  }

  /** Revokes the effective user's grant, as a user removing the add-on's access would. */
  invalidateAuth(): void {
    this.counter.count("ScriptApp.invalidateAuth");
    this.host.users.get(this.ctx.effectiveUser).authorized = false;
  }

  getUserTriggers(spreadsheet: unknown): FakeTrigger[] {
    this.enter("getUserTriggers");
    const id = this.host.spreadsheetIdOf(spreadsheet);
    return this.host.triggers
      .list()
      .filter((r) => r.owner === this.ctx.effectiveUser && r.documentId === id)
      .map((r) => new FakeTrigger(r, this.host.scriptId, this.counter));
  }

  getProjectTriggers(): FakeTrigger[] {
    this.enter("getProjectTriggers");
    return this.host.triggers
      .list()
      .filter((r) => r.owner === this.ctx.effectiveUser)
      .map((r) => new FakeTrigger(r, this.host.scriptId, this.counter));
  }

  deleteTrigger(trigger: TriggerPort): void {
    this.enter("deleteTrigger");
    const uid = trigger instanceof FakeTrigger ? trigger.record.uid : trigger.getUniqueId();
    const rec = this.host.triggers.get(uid);
    // A user cannot see, so cannot delete, another user's triggers.
    if (rec && rec.owner === this.ctx.effectiveUser) this.host.triggers.remove(uid);
  }

  newTrigger(functionName: string): FakeTriggerBuilder {
    this.enter("newTrigger");
    return new FakeTriggerBuilder(String(functionName), this.host, this.ctx, this.counter);
  }

  /** Managing triggers needs the script.scriptapp grant, which only a FULL execution has. */
  private enter(method: string): void {
    this.counter.count(`ScriptApp.${method}`);
    if (this.ctx.authMode !== "FULL") throw permissionError(`ScriptApp.${method}`, SCOPES.scriptApp);
  }
}

export class FakeTriggerBuilder implements TriggerBuilderPort {
  constructor(
    private readonly handler: string,
    private readonly host: ScriptAppHost,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {}

  timeBased(): FakeClockTriggerBuilder {
    this.counter.count("TriggerBuilder.timeBased");
    return new FakeClockTriggerBuilder(this.handler, this.host, this.ctx, this.counter);
  }

  forSpreadsheet(sheet: unknown): FakeSpreadsheetTriggerBuilder {
    this.counter.count("TriggerBuilder.forSpreadsheet");
    const id = typeof sheet === "string" ? sheet : this.host.spreadsheetIdOf(sheet);
    // Restrictions: "Add-ons can only create triggers for the file in which the add-on is used."
    if (id === null || id !== this.ctx.documentId) throw new ServiceError("Invalid argument: spreadsheet");
    return new FakeSpreadsheetTriggerBuilder(this.handler, id, this.host, this.ctx, this.counter);
  }
}

function createTrigger(
  host: ScriptAppHost,
  ctx: ExecutionContext,
  handler: string,
  eventType: TriggerEventName,
  schedule?: ClockSchedule,
): TriggerRecord {
  const documentId = ctx.documentId ?? "";
  const taken = host.triggers
    .list()
    .some((r) => r.owner === ctx.effectiveUser && r.documentId === documentId && r.eventType === eventType);
  if (taken) throw new ServiceError(msgTooManyTriggers(eventType));
  return host.triggers.add({
    handler,
    eventType,
    owner: ctx.effectiveUser,
    documentId,
    schedule,
    createdAt: host.clock.now(),
  });
}

export class FakeClockTriggerBuilder implements ClockTriggerBuilderPort {
  private unit?: ClockSchedule["unit"];
  private every = 0;
  private hour?: number;
  private minute?: number;
  private runAt?: number;
  private timeZone: string;

  constructor(
    private readonly handler: string,
    private readonly host: ScriptAppHost,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {
    this.timeZone = host.scriptTimeZone;
  }

  everyMinutes(n: number): this {
    this.counter.count("ClockTriggerBuilder.everyMinutes");
    return this.repeat("minutes", n);
  }

  everyHours(n: number): this {
    this.counter.count("ClockTriggerBuilder.everyHours");
    return this.repeat("hours", n);
  }

  everyDays(n: number): this {
    this.counter.count("ClockTriggerBuilder.everyDays");
    return this.repeat("days", n);
  }

  everyWeeks(n: number): this {
    this.counter.count("ClockTriggerBuilder.everyWeeks");
    return this.repeat("weeks", n);
  }

  atHour(hour: number): this {
    this.counter.count("ClockTriggerBuilder.atHour");
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new ServiceError("Invalid argument: hour");
    this.hour = hour;
    return this;
  }

  nearMinute(minute: number): this {
    this.counter.count("ClockTriggerBuilder.nearMinute");
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new ServiceError("Invalid argument: minute");
    this.minute = minute;
    return this;
  }

  inTimezone(timezone: string): this {
    this.counter.count("ClockTriggerBuilder.inTimezone");
    this.timeZone = String(timezone);
    return this;
  }

  after(durationMilliseconds: number): this {
    this.counter.count("ClockTriggerBuilder.after");
    this.unit = "after";
    this.runAt = this.host.clock.now() + Math.max(0, Number(durationMilliseconds));
    return this;
  }

  at(date: Date): this {
    this.counter.count("ClockTriggerBuilder.at");
    this.unit = "at";
    this.runAt = date.getTime();
    return this;
  }

  create(): FakeTrigger {
    this.counter.count("ClockTriggerBuilder.create");
    if (!this.unit) throw new ServiceError("Invalid argument: a time-based trigger needs a schedule");
    const repeating = this.unit !== "after" && this.unit !== "at";
    if (repeating && this.unit === "minutes" && this.every < 60) throw new ServiceError(MSG_ADDON_RECURRENCE);
    const now = this.host.clock.now();
    const schedule: ClockSchedule = {
      unit: this.unit,
      every: this.every,
      atHour: this.hour,
      nearMinute: this.minute,
      timeZone: this.timeZone,
      nextRun: 0,
    };
    schedule.nextRun = repeating ? nextRun(schedule, now) : (this.runAt ?? now);
    const rec = createTrigger(this.host, this.ctx, this.handler, "CLOCK", schedule);
    return new FakeTrigger(rec, this.host.scriptId, this.counter);
  }

  private repeat(unit: ClockSchedule["unit"], n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new ServiceError(`Invalid argument: ${n}`);
    this.unit = unit;
    this.every = n;
    return this;
  }
}

export class FakeSpreadsheetTriggerBuilder implements SpreadsheetTriggerBuilderPort {
  private eventType?: TriggerEventName;

  constructor(
    private readonly handler: string,
    readonly spreadsheetId: string,
    private readonly host: ScriptAppHost,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {}

  onEdit(): this {
    this.counter.count("SpreadsheetTriggerBuilder.onEdit");
    this.eventType = "ON_EDIT";
    return this;
  }

  onOpen(): this {
    this.counter.count("SpreadsheetTriggerBuilder.onOpen");
    this.eventType = "ON_OPEN";
    return this;
  }

  onChange(): this {
    this.counter.count("SpreadsheetTriggerBuilder.onChange");
    this.eventType = "ON_CHANGE";
    return this;
  }

  create(): FakeTrigger {
    this.counter.count("SpreadsheetTriggerBuilder.create");
    if (!this.eventType) throw new ServiceError("Invalid argument: choose onEdit(), onOpen() or onChange()");
    const rec = createTrigger(this.host, this.ctx, this.handler, this.eventType);
    return new FakeTrigger(rec, this.host.scriptId, this.counter);
  }
}
