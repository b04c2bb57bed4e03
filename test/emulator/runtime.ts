// The execution runtime: runs the bundle in a fresh vm context per execution, with the services, a virtual-clock Date,
// AuthMode, identity and time limits of the way it was started; it is also the host of the emulated SpreadsheetApp.
import { randomUUID } from "node:crypto";
import vm from "node:vm";
import type { UiPort } from "../../src/workbook/shared/ports";
import { CallCounter } from "./counter";
import type { Bundle } from "./loader";
import { BigQueryCloud, FakeBigQuery } from "./services/bigquery";
import { CacheStores, FakeCacheService } from "./services/cache";
import {
  type AuthModeName,
  type ExecutionContext,
  type ExecutionKind,
  permissionError,
  SCOPES,
  ServiceError,
  type TriggerEventName,
  type VirtualClock,
} from "./services/core";
import { FakeFormApp, FormsCloud, SCOPE_FORMS } from "./services/forms";
import { FakeHtmlService } from "./services/html";
import { FakeLockService, LockTable } from "./services/lock";
import { FakeLogger, LogBook, makeConsole } from "./services/logger";
import { FakeMailApp, MailBox } from "./services/mail";
import { FakePropertiesService, PropertyStores } from "./services/properties";
import { AuthMode, FakeScriptApp, type ScriptAppHost, TriggerTable } from "./services/script";
import { FakeSession, FakeUser, UserDirectory } from "./services/session";
import { FakeUi, UiRecorder } from "./services/ui";
import { FakeUtilities } from "./services/utilities";
import { createCharts, createSpreadsheetApp, type FakeSpreadsheet, type SpreadsheetHost } from "./spreadsheet";

/** Execution time limits (Quotas for Google Services): custom functions and simple triggers 30 s, others 6 min. */
export const LIMIT_SHORT_MS = 30 * 1000;
export const LIMIT_LONG_MS = 6 * 60 * 1000;
export const MSG_TIME_LIMIT = "Exceeded maximum execution time";
export const MSG_NO_UI = "Cannot call SpreadsheetApp.getUi() from this context.";

/** The names the runtime puts into every context; everything else there is ECMAScript or the bundle's own. */
export const GLOBAL_NAMES = [
  "SpreadsheetApp",
  "Charts",
  "HtmlService",
  "PropertiesService",
  "CacheService",
  "LockService",
  "Session",
  "MailApp",
  "ScriptApp",
  "Utilities",
  "Logger",
  "console",
  "Date",
] as const;

/** An exception the script threw (or Apps Script threw at it), as the caller of an execution sees it. */
export class ScriptError extends Error {
  override name = "ScriptError";

  constructor(
    message: string,
    /** The name of the error inside the script ("Error", "Exception", "TypeError" ...). */
    readonly scriptErrorName: string,
    readonly execution?: ExecutionRecord,
    readonly scriptStack?: string,
  ) {
    super(message);
  }
}

export interface ExecutionRecord {
  id: number;
  kind: ExecutionKind;
  functionName: string;
  authMode: AuthModeName;
  user: string;
  effectiveUser: string;
  triggerUid?: string;
  /** ISO start on the virtual clock. */
  startedAt: string;
  /** Virtual milliseconds it took (sleeps and lock waits). */
  durationMs: number;
  ok: boolean;
  error?: string;
}

export interface ExecutionSpec {
  kind: ExecutionKind;
  functionName: string;
  authMode: AuthModeName;
  /** The real account behind the execution. */
  user: string;
  /** Defaults to `user`; the trigger's owner for installable triggers. */
  effectiveUser?: string;
  triggerEvent?: TriggerEventName;
  triggerUid?: string;
  /** Builds the arguments in host values; the runtime hands them to the script's realm. */
  args?: (info: ExecutionContext) => unknown[];
  /** Defaults by kind: 30 s for custom functions and simple triggers, 6 min otherwise. */
  limitMs?: number;
  /** google.script.run: arguments and result pass the bridge's filter. */
  bridge?: boolean;
}

export interface ExecutionOutcome {
  ok: boolean;
  returned: unknown;
  record: ExecutionRecord;
  error?: ScriptError;
}

export interface ExecutionInfo {
  readonly id: number;
  readonly kind: ExecutionKind;
  readonly functionName: string;
  readonly authMode: AuthModeName;
  readonly user: string;
}

export type ServiceCallHook = (method: string, execution: ExecutionInfo | null) => void;

/** The counter the services count on; the runtime also checks time limits and runs test hooks on every call. */
export class HookedCounter extends CallCounter {
  private pausedDepth = 0;

  constructor(private readonly onCall: (method: string) => void) {
    super();
  }

  override count(method: string): void {
    if (this.pausedDepth > 0) return;
    super.count(method);
    this.onCall(method);
  }

  override countCells(n: number): void {
    if (this.pausedDepth === 0) super.countCells(n);
  }

  /** Runs `fn` without counting: the emulator's own reads (events, test helpers) are not the script's round trips. */
  paused<T>(fn: () => T): T {
    this.pausedDepth++;
    try {
      return fn();
    } finally {
      this.pausedDepth--;
    }
  }
}

// ---------------------------------------------------------------- realms

interface Realm {
  Object: ObjectConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
  JSON: JSON;
  errors: Record<string, ErrorConstructor>;
}

function isDate(v: object): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

function isPlainHost(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/**
 * Hands host objects to a script realm and back. Service objects become proxies whose methods convert arguments to
 * host values and results, arrays, plain objects and thrown errors to the script's realm, so that `instanceof Error`,
 * `instanceof Array` and `===` on services behave inside the script as they do in Apps Script.
 */
export class Membrane {
  private readonly proxyOf = new WeakMap<object, object>();
  private readonly targetOf = new WeakMap<object, object>();
  private readonly methods = new WeakMap<object, Map<PropertyKey, unknown>>();
  /** Frozen containers (enum maps) are copied once, so `ScriptApp.AuthMode` is the same object on every read. */
  private readonly frozenCopies = new WeakMap<object, unknown>();

  constructor(private readonly realm: Realm) {}

  toVm(v: unknown, seen = new Map<object, unknown>()): unknown {
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return v;
    const o = v as object;
    if (this.targetOf.has(o) || this.inRealm(o) || isDate(o)) return o;
    const done = seen.get(o);
    if (done !== undefined) return done;
    if (typeof o === "function") return this.wrap(o);
    if (Array.isArray(o)) {
      const out = new this.realm.Array(o.length);
      seen.set(o, out);
      for (let i = 0; i < o.length; i++) out[i] = this.toVm(o[i], seen);
      return out;
    }
    if (o instanceof Error) return this.error(o);
    if (isPlainHost(o)) {
      const frozen = Object.isFrozen(o) ? this.frozenCopies.get(o) : undefined;
      if (frozen !== undefined) return frozen;
      const out = new this.realm.Object() as Record<string, unknown>;
      seen.set(o, out);
      for (const k of Object.keys(o)) out[k] = this.toVm((o as Record<string, unknown>)[k], seen);
      if (Object.isFrozen(o)) this.frozenCopies.set(o, Object.freeze(out));
      return out;
    }
    return this.wrap(o);
  }

  private inRealm(o: object): boolean {
    return o instanceof (this.realm.Object as unknown as new () => object);
  }

  toHost(v: unknown, seen = new Map<object, unknown>()): unknown {
    if (v === null || typeof v !== "object") return v;
    const target = this.targetOf.get(v);
    if (target) return target;
    if (isDate(v)) return v;
    const done = seen.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length);
      seen.set(v, out);
      for (let i = 0; i < v.length; i++) out[i] = this.toHost(v[i], seen);
      return out;
    }
    const p = Object.getPrototypeOf(v);
    if (p === this.realm.Object.prototype || p === null) {
      const out: Record<string, unknown> = {};
      seen.set(v, out);
      for (const k of Object.keys(v)) out[k] = this.toHost((v as Record<string, unknown>)[k], seen);
      return out;
    }
    return v;
  }

  /** A host error as an error of the script's realm; Apps Script calls service errors "Exception". */
  error(e: unknown): Error {
    if (e instanceof (this.realm.Error as unknown as new () => Error)) return e as Error;
    const host = e instanceof Error ? e : new Error(String(e));
    const Ctor = this.realm.errors[host.name] ?? this.realm.Error;
    const out = new Ctor(host.message);
    out.name = host.name === "Error" ? "Exception" : host.name;
    Object.defineProperty(out, "hostError", { value: host, enumerable: false });
    return out;
  }

  private wrap(real: object): object {
    const existing = this.proxyOf.get(real);
    if (existing) return existing;
    // A shadow target keeps proxy invariants out of the way (enums are frozen, methods are replaced by wrappers).
    const shadow = typeof real === "function" ? () => undefined : {};
    const proxy = new Proxy(shadow, {
      get: (_t, prop) => {
        const val = Reflect.get(real, prop, real);
        if (typeof val === "function" && typeof real !== "function") return this.method(real, prop, val);
        return this.toVm(val);
      },
      set: (_t, prop, value) => Reflect.set(real, prop, this.toHost(value), real),
      has: (_t, prop) => Reflect.has(real, prop),
      ownKeys: () => Reflect.ownKeys(real),
      getOwnPropertyDescriptor: (_t, prop) => {
        const d = Reflect.getOwnPropertyDescriptor(real, prop);
        if (!d) return undefined;
        return {
          configurable: true,
          enumerable: d.enumerable,
          writable: true,
          value: this.toVm(Reflect.get(real, prop, real)),
        };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(real),
      apply: (_t, thisArg, args: unknown[]) =>
        this.guard(() =>
          Reflect.apply(
            real as (...a: unknown[]) => unknown,
            this.toHost(thisArg),
            args.map((a) => this.toHost(a)),
          ),
        ),
    });
    this.proxyOf.set(real, proxy);
    this.targetOf.set(proxy, real);
    return proxy;
  }

  private method(real: object, prop: PropertyKey, fn: (...a: unknown[]) => unknown): unknown {
    let cache = this.methods.get(real);
    if (!cache) {
      cache = new Map();
      this.methods.set(real, cache);
    }
    let wrapper = cache.get(prop);
    if (!wrapper) {
      wrapper = (...args: unknown[]) =>
        this.guard(() =>
          fn.apply(
            real,
            args.map((a) => this.toHost(a)),
          ),
        );
      cache.set(prop, wrapper);
    }
    return wrapper;
  }

  private guard(call: () => unknown): unknown {
    try {
      return this.toVm(call());
    } catch (e) {
      throw this.error(e);
    }
  }
}

/**
 * The Date the script sees: `new Date()` and `Date.now()` read the virtual clock; with arguments it is the ordinary
 * Date. It shares the host Date's prototype, so dates from the spreadsheet pass `instanceof Date` in the script.
 */
export function virtualDate(clock: VirtualClock): DateConstructor {
  const HostDate = Date;
  function VirtualDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new HostDate(clock.now()).toString();
    if (args.length === 0) return new HostDate(clock.now());
    return new (HostDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  VirtualDate.prototype = HostDate.prototype;
  Object.defineProperty(VirtualDate, "name", { value: "Date" });
  Object.assign(VirtualDate, { now: () => clock.now(), UTC: HostDate.UTC, parse: HostDate.parse });
  return VirtualDate as unknown as DateConstructor;
}

// ---------------------------------------------------------------- the runtime

export interface RuntimeOptions {
  bundle: Bundle;
  clock: VirtualClock;
  owner: string;
  userLocale: string;
  scriptTimeZone: string;
  scriptId: string;
  mailQuota: number;
  /** Wall-clock guard for one execution (vm's `timeout`), on top of the virtual limits; default 20 s. */
  wallTimeoutMs?: number;
  uuid?: () => string;
  /** Where the BigQuery advanced service sends its calls (when the manifest enables it). */
  bigquery?: BigQueryCloud;
  /** The forms FormApp creates (when the manifest asks for the forms scope). */
  forms?: FormsCloud;
}

interface LiveExecution {
  ctx: ExecutionContext;
  spec: ExecutionSpec;
  startedAt: number;
  deadline: number;
  killed: boolean;
  vmContext?: vm.Context;
}

export class Runtime implements SpreadsheetHost, ScriptAppHost {
  readonly counter: HookedCounter;
  readonly clock: VirtualClock;
  readonly bundle: Bundle;
  readonly scriptId: string;
  readonly scriptTimeZone: string;
  users: UserDirectory;
  properties = new PropertyStores();
  caches = new CacheStores();
  readonly locks = new LockTable();
  triggers = new TriggerTable();
  mail: MailBox;
  readonly uiRecorder = new UiRecorder();
  readonly logBook = new LogBook();
  readonly executions: ExecutionRecord[] = [];
  /** The BigQuery projects this workbook exports to (an org build); shared when a test gives one to several. */
  readonly bigqueryCloud: BigQueryCloud;
  /** The forms this workbook's executions created (an org build); Sheet.getFormUrl reads their links. */
  readonly formsCloud: FormsCloud;
  /** Whether the add-on is enabled in the document (install() or a menu click enabled it). */
  enabled = false;
  /** The user at the keyboard for the next execution. */
  activeUser: string;
  spreadsheet!: FakeSpreadsheet;
  /** The id the spreadsheet was created with. */
  documentId = "";

  private readonly stack: LiveExecution[] = [];
  private readonly hooks: ServiceCallHook[] = [];
  private inHook = false;
  private nextId = 1;
  private readonly Date: DateConstructor;
  private readonly wallTimeoutMs: number;
  private readonly uuid: () => string;

  constructor(private readonly options: RuntimeOptions) {
    this.counter = new HookedCounter((m) => this.serviceCalled(m));
    this.clock = options.clock;
    this.bundle = options.bundle;
    this.scriptId = options.scriptId;
    this.scriptTimeZone = options.scriptTimeZone;
    this.users = new UserDirectory(options.owner, options.userLocale);
    this.mail = new MailBox(options.mailQuota);
    this.activeUser = options.owner;
    this.Date = virtualDate(this.clock);
    this.wallTimeoutMs = options.wallTimeoutMs ?? 20_000;
    this.uuid = options.uuid ?? randomUUID;
    this.bigqueryCloud = options.bigquery ?? new BigQueryCloud();
    this.formsCloud = options.forms ?? new FormsCloud();
  }

  /** SpreadsheetHost: the form that sends its responses to the tab, for Sheet.getFormUrl. */
  formUrlOf(spreadsheetId: string, sheetId: number): string | null {
    return this.formsCloud.formUrlOf(spreadsheetId, sheetId);
  }

  get owner(): string {
    return this.options.owner;
  }

  /** The execution running right now (the innermost, when one started another). */
  current(): ExecutionInfo | null {
    const top = this.stack.at(-1);
    return top ? info(top) : null;
  }

  /** Calls `hook` on every counted service call of every execution (not re-entrantly); returns an unsubscribe. */
  onServiceCall(hook: ServiceCallHook): () => void {
    this.hooks.push(hook);
    return () => {
      const i = this.hooks.indexOf(hook);
      if (i >= 0) this.hooks.splice(i, 1);
    };
  }

  /** Every counted call: the time limit is enforced here, then the test hooks run. */
  private serviceCalled(method: string): void {
    const top = this.stack.at(-1);
    if (top && (top.killed || this.clock.now() > top.deadline)) {
      top.killed = true;
      throw new ServiceError(MSG_TIME_LIMIT);
    }
    if (this.hooks.length === 0 || this.inHook) return;
    this.inHook = true;
    try {
      for (const h of [...this.hooks]) h(method, this.current());
    } finally {
      this.inHook = false;
    }
  }

  // ------------------------------------------------------------ SpreadsheetHost

  readOnly(): boolean {
    return this.stack.at(-1)?.ctx.kind === "custom";
  }

  /** Installable triggers act with their owner's rights, so the owner's protections apply there. */
  activeUserEmail(): string {
    return this.stack.at(-1)?.ctx.effectiveUser ?? this.activeUser;
  }

  ui(): UiPort {
    const top = this.stack.at(-1);
    if (top && (top.ctx.kind === "custom" || top.ctx.triggerEvent === "CLOCK")) throw new ServiceError(MSG_NO_UI);
    return new FakeUi(this.uiRecorder, top?.ctx ?? this.directContext(), this.counter);
  }

  toast(message: string, title: string, timeoutSeconds: number): void {
    this.uiRecorder.toasts.push({
      message: String(message),
      title: String(title ?? ""),
      timeoutSeconds: Number(timeoutSeconds ?? 5),
      at: new Date(this.clock.now()).toISOString(),
    });
  }

  customFunctionNames(): string[] {
    const names = this.bundle.globalFunctions().filter((n) => !n.endsWith("_"));
    return [...new Set(names.map((n) => n.toUpperCase()))];
  }

  callCustomFunction(name: string, args: unknown[]): unknown {
    const fn = this.bundle.globalFunctions().find((n) => n.toUpperCase() === name.toUpperCase() && !n.endsWith("_"));
    if (!fn) throw new Error(`Unknown function: '${name}'.`);
    const user = this.activeUserEmail();
    const out = this.execute({ kind: "custom", functionName: fn, authMode: "CUSTOM_FUNCTION", user, args: () => args });
    if (out.error) throw new Error(out.error.message);
    return out.returned;
  }

  // ------------------------------------------------------------ ScriptAppHost

  spreadsheetIdOf(spreadsheet: unknown): string | null {
    return spreadsheet === this.spreadsheet ? this.documentId : null;
  }

  // ------------------------------------------------------------ executions

  /** Loads the bundle once in a context of its own: its top level must not touch any service. */
  inspect(): string[] {
    const ctx = this.contextFor({ kind: "direct", functionName: "", authMode: "NONE", user: this.activeUser }, 0);
    const live: LiveExecution = {
      ctx,
      spec: { kind: "direct", functionName: "", authMode: "NONE", user: ctx.user },
      startedAt: this.clock.now(),
      deadline: Number.POSITIVE_INFINITY,
      killed: false,
    };
    this.stack.push(live);
    try {
      const { context } = this.newContext(live);
      return this.bundle.run(context, GLOBAL_NAMES, this.wallTimeoutMs);
    } finally {
      this.stack.pop();
    }
  }

  execute(spec: ExecutionSpec): ExecutionOutcome {
    const id = this.nextId++;
    const ctx = this.contextFor(spec, id);
    const limit =
      spec.limitMs ??
      (spec.kind === "custom" || spec.kind === "onOpen" || spec.kind === "onEdit" || spec.kind === "onInstall"
        ? LIMIT_SHORT_MS
        : LIMIT_LONG_MS);
    const startedAt = this.clock.now();
    const live: LiveExecution = { ctx, spec, startedAt, deadline: startedAt + limit, killed: false };
    const record: ExecutionRecord = {
      id,
      kind: spec.kind,
      functionName: spec.functionName,
      authMode: spec.authMode,
      user: ctx.user,
      effectiveUser: ctx.effectiveUser,
      triggerUid: spec.triggerUid,
      startedAt: new Date(startedAt).toISOString(),
      durationMs: 0,
      ok: false,
    };
    this.stack.push(live);
    let returned: unknown;
    let error: ScriptError | undefined;
    try {
      const { context, membrane } = this.newContext(live);
      this.bundle.run(context, GLOBAL_NAMES, this.wallTimeoutMs);
      const fnType = vm.runInContext(`typeof globalThis[${JSON.stringify(spec.functionName)}]`, context);
      if (fnType !== "function") throw new ServiceError(`Script function not found: ${spec.functionName}`);
      const hostArgs = spec.args ? spec.args(ctx) : [];
      const args = spec.bridge ? bridgeArgs(hostArgs, context) : (membrane.toVm(hostArgs) as unknown[]);
      context.__emulatorCall = { name: spec.functionName, args };
      const result = INVOKER.runInContext(context, { timeout: this.wallTimeoutMs });
      if (live.killed) throw new ServiceError(MSG_TIME_LIMIT);
      returned = spec.bridge ? bridgeResult(result) : membrane.toHost(result);
      record.ok = true;
    } catch (e) {
      error = this.scriptError(e, live, record);
      record.error = error.message;
    } finally {
      this.locks.releaseAll(id);
      this.stack.pop();
      record.durationMs = this.clock.now() - startedAt;
      this.executions.push(record);
    }
    return { ok: record.ok, returned, record, error };
  }

  private scriptError(e: unknown, live: LiveExecution, record: ExecutionRecord): ScriptError {
    const err = e as { message?: unknown; name?: unknown; stack?: unknown; code?: unknown } | null;
    const timedOut = live.killed || err?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
    const message = timedOut ? MSG_TIME_LIMIT : String(err?.message ?? e);
    const name = timedOut ? "Exception" : String(err?.name ?? "Error");
    return new ScriptError(message, name, record, typeof err?.stack === "string" ? err.stack : undefined);
  }

  /** Who the services see: Session rules per kind of execution (see README, "Users and identity"). */
  private contextFor(spec: ExecutionSpec, id: number): ExecutionContext {
    const user = spec.user;
    const effective = spec.effectiveUser ?? user;
    const visible = (email: string): string => {
      switch (spec.kind) {
        case "custom":
          return "";
        case "onOpen":
        case "onEdit":
          return this.users.get(email).sameDomain ? email : "";
        case "trigger":
          return this.users.identityVisible(email, effective) ? email : "";
        default:
          return email;
      }
    };
    return {
      id,
      kind: spec.kind,
      authMode: spec.authMode,
      triggerEvent: spec.triggerEvent,
      user,
      effectiveUser: effective,
      visibleActiveEmail: visible(user),
      visibleEffectiveEmail: visible(effective),
      documentId: this.documentId || null,
      spend: (ms: number) => this.spend(id, ms),
    };
  }

  private directContext(): ExecutionContext {
    return this.contextFor({ kind: "direct", functionName: "", authMode: "FULL", user: this.activeUser }, 0);
  }

  /** Virtual waiting inside an execution; past the deadline the execution is over. */
  private spend(id: number, ms: number): void {
    const live = this.stack.find((l) => l.ctx.id === id);
    if (!live) {
      this.clock.advance(ms);
      return;
    }
    if (this.clock.now() + ms > live.deadline) {
      this.clock.set(Math.max(this.clock.now(), live.deadline));
      live.killed = true;
      throw new ServiceError(MSG_TIME_LIMIT);
    }
    this.clock.advance(ms);
  }

  private newContext(live: LiveExecution): { context: vm.Context; membrane: Membrane } {
    const context = vm.createContext({});
    const intrinsics = vm.runInContext(
      "({ Object: Object, Array: Array, Error: Error, JSON: JSON, errors: { Error: Error, TypeError: TypeError, RangeError: RangeError, ReferenceError: ReferenceError, SyntaxError: SyntaxError } })",
      context,
    ) as Realm;
    const membrane = new Membrane(intrinsics);
    const ctx = live.ctx;
    const c = this.counter;
    const html = new FakeHtmlService(
      {
        readFile: (name) => this.bundle.readHtml(name),
        compile: (source) => {
          const fn = vm.runInContext(source, context) as (...a: unknown[]) => string;
          return (scope, esc, raw) => fn(membrane.toVm(scope), esc, raw);
        },
      },
      c,
      ctx,
    );
    const services: Record<(typeof GLOBAL_NAMES)[number], unknown> = {
      SpreadsheetApp: this.spreadsheet ? this.spreadsheetApp(ctx) : undefined,
      Charts: createCharts(),
      HtmlService: html,
      PropertiesService: new FakePropertiesService(this.properties, ctx, c, this.owner),
      CacheService: new FakeCacheService(this.caches, ctx, this.clock, c),
      LockService: new FakeLockService(this.locks, ctx, c),
      Session: new FakeSession(ctx, this.users, this.scriptTimeZone, this.scriptId, () => this.clock.now(), c),
      MailApp: new FakeMailApp(this.mail, ctx, this.clock, c),
      ScriptApp: new FakeScriptApp(this, ctx, c),
      Utilities: new FakeUtilities(ctx, c, this.uuid),
      Logger: new FakeLogger(this.logBook, () => this.clock.now(), ctx.id, c),
      console: makeConsole(this.logBook, () => this.clock.now(), ctx.id),
      Date: this.Date,
    };
    for (const name of GLOBAL_NAMES) {
      const value = name === "Date" || name === "console" ? services[name] : membrane.toVm(services[name]);
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    }
    // An advanced service exists only when the manifest enables it (the default build's does not).
    if (this.bundle.advancedServices().includes("BigQuery")) {
      const bigquery = new FakeBigQuery(this.bigqueryCloud, ctx, this.clock, c);
      Object.defineProperty(context, "BigQuery", {
        value: membrane.toVm(bigquery),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    // FormApp is a built-in service, but a script may call it only with the forms scope in its manifest.
    if (this.bundle.scopes().includes(SCOPE_FORMS)) {
      const forms = new FakeFormApp(this.formsCloud, ctx, c, () => this.spreadsheet);
      Object.defineProperty(context, "FormApp", {
        value: membrane.toVm(forms),
        writable: true,
        configurable: true,
        enumerable: false,
      });
    }
    live.vmContext = context;
    return { context, membrane };
  }

  /**
   * AuthMode.NONE has no access to the document (AuthMode reference: "a mode that does not allow access to any
   * services that require authorization"); menus can still be built through getUi().
   */
  private spreadsheetApp(ctx: ExecutionContext): ReturnType<typeof createSpreadsheetApp> {
    const app = createSpreadsheetApp(this, this.spreadsheet);
    if (ctx.authMode !== "NONE") return app;
    const refuse = (method: string) => () => {
      this.counter.count(`SpreadsheetApp.${method}`);
      throw permissionError(`SpreadsheetApp.${method}`, SCOPES.spreadsheets);
    };
    return Object.assign(Object.create(Object.getPrototypeOf(app) as object) as typeof app, app, {
      getActiveSpreadsheet: refuse("getActiveSpreadsheet"),
      getActive: refuse("getActive"),
      getActiveSheet: refuse("getActiveSheet"),
      getActiveRange: refuse("getActiveRange"),
    });
  }

  /** Event objects carry enum values and Apps Script objects, like the real ones. */
  authModeEnum(mode: AuthModeName): unknown {
    return AuthMode[mode];
  }

  userObject(email: string): FakeUser {
    return new FakeUser(email, this.counter);
  }
}

/** Takes the entry call from the context and removes it before any script code runs. */
const INVOKER = new vm.Script(
  "(function () { var c = globalThis.__emulatorCall; delete globalThis.__emulatorCall; return globalThis[c.name].apply(undefined, c.args); })()",
  { filename: "google.script.run" },
);

function info(l: LiveExecution): ExecutionInfo {
  return {
    id: l.ctx.id,
    kind: l.ctx.kind,
    functionName: l.spec.functionName,
    authMode: l.ctx.authMode,
    user: l.ctx.user,
  };
}

// ---------------------------------------------------------------- google.script.run's bridge

/**
 * The HTML service guide: "Legal parameters are JavaScript primitives like a Number, Boolean, String, or null, as
 * well as JavaScript objects and arrays that are composed of primitives, objects, and arrays ... Requests fail if you
 * attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types
 * inside objects or arrays. Objects that create circular references will also fail, and undefined fields within arrays
 * become null."
 */
export function checkBridgeValue(v: unknown, path: string, stack: object[] = []): void {
  if (v === null || v === undefined) return;
  const t = typeof v;
  if (t === "string" || t === "number" || t === "boolean") return;
  if (t === "function") throw new TypeError(`google.script.run: a function cannot be passed (${path})`);
  if (t !== "object") throw new TypeError(`google.script.run: a ${t} cannot be passed (${path})`);
  const o = v as object;
  if (isDate(o)) throw new TypeError(`google.script.run: a Date cannot be passed (${path}); send an ISO string`);
  if (stack.includes(o)) throw new TypeError(`google.script.run: a circular reference cannot be passed (${path})`);
  const p = Object.getPrototypeOf(o);
  if (!Array.isArray(o) && p !== null && Object.getPrototypeOf(p) !== null) {
    throw new TypeError(`google.script.run: only plain objects and arrays can be passed (${path})`);
  }
  stack.push(o);
  for (const [k, x] of Object.entries(o)) checkBridgeValue(x, `${path}.${k}`, stack);
  stack.pop();
}

function bridgeArgs(args: unknown[], context: vm.Context): unknown[] {
  args.forEach((a, i) => {
    checkBridgeValue(a, `argument ${i + 1}`);
  });
  const json = JSON.stringify(args.map((a) => (a === undefined ? null : a)));
  // Parsed inside the script's realm, as the server side of the bridge builds fresh objects.
  return vm.runInContext(`JSON.parse(${JSON.stringify(json)})`, context) as unknown[];
}

/** A result holding a Date (or a function) reaches the client as null, as it does in Apps Script. */
function bridgeResult(v: unknown): unknown {
  if (v === undefined) return undefined;
  try {
    checkBridgeValue(v, "result");
  } catch {
    return null;
  }
  return JSON.parse(JSON.stringify(v)) as unknown;
}
