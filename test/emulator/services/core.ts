// What every emulated service shares: the virtual clock, the execution it runs in, Apps Script-style errors and enums.
import type { EnumValue } from "../../../src/workbook/shared/ports";

export type AuthModeName = "NONE" | "LIMITED" | "FULL" | "CUSTOM_FUNCTION";
export type TriggerEventName = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE";

/** How an execution was started; decides its AuthMode, its time limit and which services it may use. */
export type ExecutionKind = "onOpen" | "onInstall" | "onEdit" | "menu" | "run" | "custom" | "trigger" | "direct";

/**
 * Apps Script reports service failures as `Exception: <message>`: `e.name` is "Exception" and `e.message` the text
 * alone, so code that shows `e.message` to a user sees exactly what Sheets would show.
 */
export class ServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Exception";
  }
}

/** The wording Apps Script uses when a context lacks the authorization a call needs. */
export function permissionError(method: string, scope?: string): ServiceError {
  const tail = scope ? ` Required permissions: ${scope}` : "";
  return new ServiceError(`You do not have permission to call ${method}.${tail}`);
}

/**
 * What each AuthMode may touch, after the "Authorization modes" table of Google's editor add-on authorization guide
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes): in NONE only
 * menus, the user's locale, Logger and Utilities; in LIMITED also the bound document (read and write, toasts
 * included: `Spreadsheet.toast` is a method of the document, not of the Ui) but no alerts, prompts, sidebars or
 * dialogs; FULL everything the grant covers.
 */
export function refuseInNone(ctx: { readonly authMode: AuthModeName }, method: string): void {
  if (ctx.authMode === "NONE") throw permissionError(method);
}

export const SCOPES = {
  sendMail: "https://www.googleapis.com/auth/script.send_mail",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets.currentonly",
} as const;

/** Apps Script enum values are objects whose toString() is their name; identity comparison (===) works. */
export interface AppsScriptEnum extends EnumValue {
  name(): string;
  toJSON(): string;
}

/** A class, not a plain object: the runtime hands instances to the script by reference, so `===` keeps working. */
export class EnumConstant implements AppsScriptEnum {
  constructor(
    private readonly label: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }

  toString(): string {
    return this.label;
  }

  name(): string {
    return this.label;
  }

  ordinal(): number {
    return this.index;
  }

  toJSON(): string {
    return this.label;
  }
}

export function makeEnum<const K extends string>(...names: K[]): { readonly [P in K]: AppsScriptEnum } {
  const out = {} as { [P in K]: AppsScriptEnum };
  names.forEach((name, ordinal) => {
    out[name] = new EnumConstant(name, ordinal);
  });
  return Object.freeze(out);
}

/** The name of an enum value handed back by the bundle (an enum object, or a plain string in a pinch). */
export function enumName(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** Virtual time: executions read it through `new Date()`/`Date.now()`, sleeps and lock waits move it. */
export class VirtualClock {
  private ms: number;

  constructor(start: number | string) {
    this.ms = typeof start === "number" ? start : Date.parse(start);
    if (Number.isNaN(this.ms)) throw new Error(`VirtualClock: not a date: ${String(start)}`);
  }

  now(): number {
    return this.ms;
  }

  set(ms: number): void {
    if (ms < this.ms) throw new Error("VirtualClock: time does not run backwards");
    this.ms = ms;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`VirtualClock: cannot advance by ${ms}`);
    this.ms += ms;
  }
}

/** One run of the bundle, as the services see it. */
export interface ExecutionContext {
  readonly id: number;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  /** Set for installable triggers. */
  readonly triggerEvent?: TriggerEventName;
  /** The real account behind the execution (the user at the keyboard, or the trigger's owner); never blank. */
  readonly user: string;
  /** The account whose authority the script runs under (the trigger's creator for installable triggers). */
  readonly effectiveUser: string;
  /** What Session.getActiveUser().getEmail() returns here: blank where Apps Script hides the identity. */
  readonly visibleActiveEmail: string;
  /** What Session.getEffectiveUser().getEmail() returns here. */
  readonly visibleEffectiveEmail: string;
  /** The container document, or null where the script runs without one. */
  readonly documentId: string | null;
  /** Waits `ms` of virtual time inside this execution (sleep, lock wait); throws once the time limit is passed. */
  spend(ms: number): void;
}

/** A context for unit tests of a single service: FULL mode, one user, its own clock. */
export function testContext(overrides: Partial<ExecutionContext> & { clock?: VirtualClock } = {}): ExecutionContext {
  const clock = overrides.clock ?? new VirtualClock("2026-03-02T08:00:00Z");
  const user = overrides.user ?? "owner@example.com";
  return {
    id: 1,
    kind: "direct",
    authMode: "FULL",
    effectiveUser: user,
    visibleActiveEmail: user,
    visibleEffectiveEmail: user,
    documentId: "doc-1",
    spend: (ms: number) => clock.advance(ms),
    ...overrides,
    user,
  };
}

/** Bytes of a string in UTF-8: the unit of the documented Properties and Cache size limits. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Apps Script coerces non-string property and cache values with String(); so does this. */
export function asString(value: unknown): string {
  return typeof value === "string" ? value : String(value);
}
