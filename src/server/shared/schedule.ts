// Scheduled jobs. An add-on may have one time-driven trigger per user per document, so every job runs from the same
// hourly trigger: the document properties list the jobs that are on and whose trigger runs them. A feature adds its
// job to JOBS; the menu turns jobs on and off; nobody creates a clock trigger anywhere else. The schedule is an
// admin's: only an admin turns jobs on or off (so the trigger and the mail it sends run as an admin), and a tick whose
// owner is no longer an admin holds its jobs and says so, as does a schedule that stopped ticking.

import { asString, dateNow, dateParse, finiteNumber, isArray, isString, stringify } from "../../domain/builtins";
import { isAdmin } from "../../domain/roles";
import { activeSpreadsheet, emailOf } from "./active";
import { recordRuntime, tickSkipped } from "./runtime-log";
import { documentProperties, parseJson, storedRoles } from "./store";
import { ownerOf } from "./workspace";

/** The global function the trigger calls (src/server/surface.ts). */
export const SCHEDULE_HANDLER = "onScheduleTick";
const KEY = "cc.schedule";
/** The last tick: when, and whether its jobs ran or were held (its owner no longer an admin). */
const TICK_KEY = "cc.schedule.tick";

/** Job name -> what it does when the hour comes; it runs as the trigger's owner, without a Ui. */
export type Job = () => void;

const JOBS = new Map<string, Job>();

/** Features register their job at module load (a plain Map insert: no service is touched at load time). */
export function registerJob(name: string, job: Job): void {
  JOBS.set(name, job);
}

/** Jobs that run on every tick of the schedule, whichever jobs are on (the full check of the approval log). */
const STANDING: string[] = [];

export function registerStandingJob(name: string, job: Job): void {
  JOBS.set(name, job);
  if (!STANDING.includes(name)) STANDING.push(name);
}

export interface Schedule {
  /** Jobs that are on. */
  readonly jobs: readonly string[];
  /** Whose trigger runs them (lower-case e-mail). */
  readonly owner: string;
  /** When the owner last turned a job on (ISO instant); "" before. */
  readonly since: string;
}

/** A text kept in a property, "" when it is anything else. */
function textOf(value: unknown): string {
  return isString(value) ? value : "";
}

export function readSchedule(): Schedule {
  const parsed = parseJson<Partial<Record<keyof Schedule, unknown>>>(documentProperties().getProperty(KEY));
  return {
    jobs: isArray(parsed?.jobs) ? parsed.jobs.filter((j): j is string => isString(j)) : [],
    owner: textOf(parsed?.owner),
    since: textOf(parsed?.since),
  };
}

/** Whether a person is an admin now (the roles in the document properties; the spreadsheet owner always). */
export function isAdminNow(email: string): boolean {
  const roles = storedRoles();
  return isAdmin(roles, ownerOf(activeSpreadsheet()), email);
}

export interface ScheduleHealth {
  readonly jobs: readonly string[];
  readonly owner: string;
  /** The owner is still an admin (when not, the ticks hold the jobs). */
  readonly ownerIsAdmin: boolean;
  /** The last tick's time, "" when none was seen. */
  readonly lastTick: string;
  /** Jobs are on but nothing ticked for more than two hours: the trigger is gone or its grant withdrawn. */
  readonly quiet: boolean;
}

const QUIET_MS = 2 * 3_600_000 + 15 * 60_000;

/** The schedule as admins should see it: whose it is, whether that person is still an admin, whether it ticks. */
export function scheduleHealth(): ScheduleHealth {
  const schedule = readSchedule();
  const tick = parseTick(documentProperties().getProperty(TICK_KEY));
  const on = schedule.jobs.length > 0;
  const last = dateParse(tick.at || schedule.since || "");
  return {
    jobs: schedule.jobs,
    owner: schedule.owner,
    ownerIsAdmin: !on || schedule.owner === "" || isAdminNow(schedule.owner),
    lastTick: tick.at,
    quiet: on && finiteNumber(last) && dateNow() - last > QUIET_MS,
  };
}

function parseTick(text: string | null): { at: string; held: boolean } {
  const parsed = parseJson<{ at?: unknown; held?: unknown }>(text);
  return { at: textOf(parsed?.at), held: parsed?.held === true };
}

function myTriggers() {
  const ss = activeSpreadsheet();
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === SCHEDULE_HANDLER);
}

function me(): string {
  return emailOf(() => Session.getEffectiveUser());
}

/**
 * Turns a job on or off for this spreadsheet. On: the current user's hourly trigger is created when they have none, and
 * they become the one whose trigger runs the jobs (an earlier owner's trigger removes itself at its next tick).
 * Off: when no job is left, the current user's trigger is deleted. Throws the platform's message when the trigger
 * cannot be created (the one-per-type limit, for instance).
 */
export function setJob(name: string, on: boolean): Schedule {
  // The caller's check is the one that speaks; this one makes sure no path turns a schedule over to a non-admin.
  if (!isAdminNow(me())) throw Error("Only an admin can change the schedule.");
  const current = readSchedule();
  const jobs = current.jobs.filter((j) => j !== name);
  if (on) jobs.push(name);
  const mine = myTriggers();
  let owner = current.owner;
  let since = current.since;
  if (jobs.length > 0 && on) {
    if (mine.length === 0) ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(1).create();
    owner = me();
    since = new Date().toISOString();
  }
  if (jobs.length === 0) {
    for (const t of mine) ScriptApp.deleteTrigger(t);
    owner = "";
  }
  const next = { jobs, owner, since };
  documentProperties().setProperty(KEY, stringify(next));
  return next;
}

/**
 * The hourly tick: runs every job that is on, each on its own so one failing does not stop the others (the failure
 * is rethrown afterwards so the platform records it). A trigger that is no longer the schedule's removes itself.
 */
export function onScheduleTick(_e: unknown): void {
  try {
    runJobs();
  } finally {
    // Each tick's runtime counts toward the day's trigger quota (runtime-log.ts); recording it never hides an error.
    try {
      recordRuntime(documentProperties(), tickSkipped());
    } catch {
      // Properties unavailable: the tick goes unrecorded.
    }
  }
}

function runJobs(): void {
  const schedule = readSchedule();
  if (schedule.jobs.length === 0 || (schedule.owner !== "" && schedule.owner !== me())) {
    for (const t of myTriggers()) ScriptApp.deleteTrigger(t);
    return;
  }
  // A trigger whose owner is no longer an admin runs nothing (no digest goes out as them); admins are told.
  const held = !isAdminNow(me());
  documentProperties().setProperty(TICK_KEY, stringify({ at: new Date().toISOString(), held }));
  if (held) return;
  const failures: string[] = [];
  // Standing jobs last: they may look at what this tick's jobs did (a skipped monitoring run, runtime-log.ts).
  for (const name of [...schedule.jobs.filter((j) => !STANDING.includes(j)), ...STANDING]) {
    const job = JOBS.get(name);
    if (!job) continue;
    try {
      job();
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : asString(err)}`);
    }
  }
  if (failures.length > 0) throw Error(failures.join("; "));
}
