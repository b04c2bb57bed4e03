// Scheduled jobs. An add-on may have one time-driven trigger per user per document, so every job runs from the same
// hourly trigger: the document properties list the jobs that are on and whose trigger runs them. A feature adds its
// job to JOBS; the menu turns jobs on and off; nobody creates a clock trigger anywhere else.
import { recordRuntime, tickSkipped } from "./runtime-log";
import { documentProperties } from "./store";

/** The global function the trigger calls (src/server/surface.ts). */
export const SCHEDULE_HANDLER = "onScheduleTick";
const KEY = "cc.schedule";

/** Job name -> what it does when the hour comes; it runs as the trigger's owner, without a Ui. */
export type Job = () => void;

const JOBS = new Map<string, Job>();

/** Features register their job at module load (a plain Map insert: no service is touched at load time). */
export function registerJob(name: string, job: Job): void {
  JOBS.set(name, job);
}

export interface Schedule {
  /** Jobs that are on. */
  readonly jobs: readonly string[];
  /** Whose trigger runs them (lower-case e-mail). */
  readonly owner: string;
}

export function readSchedule(): Schedule {
  const text = documentProperties().getProperty(KEY);
  try {
    const parsed = text ? (JSON.parse(text) as Partial<Schedule>) : null;
    return {
      jobs: Array.isArray(parsed?.jobs) ? parsed.jobs.filter((j): j is string => typeof j === "string") : [],
      owner: typeof parsed?.owner === "string" ? parsed.owner : "",
    };
  } catch {
    return { jobs: [], owner: "" };
  }
}

function writeSchedule(schedule: Schedule): void {
  documentProperties().setProperty(KEY, JSON.stringify({ jobs: schedule.jobs, owner: schedule.owner }));
}

function myTriggers() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === SCHEDULE_HANDLER);
}

function me(): string {
  try {
    return (Session.getEffectiveUser().getEmail() ?? "").trim().toLowerCase();
  } catch {
    return "";
  }
}

/**
 * Turns a job on or off for this spreadsheet. On: the current user's hourly trigger is created when they have none, and
 * they become the one whose trigger runs the jobs (an earlier owner's trigger removes itself at its next tick).
 * Off: when no job is left, the current user's trigger is deleted. Throws the platform's message when the trigger
 * cannot be created (the one-per-type limit, for instance).
 */
export function setJob(name: string, on: boolean): Schedule {
  const current = readSchedule();
  const jobs = current.jobs.filter((j) => j !== name);
  if (on) jobs.push(name);
  const mine = myTriggers();
  let owner = current.owner;
  if (jobs.length > 0 && on) {
    if (mine.length === 0) ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(1).create();
    owner = me();
  }
  if (jobs.length === 0) {
    for (const t of mine) ScriptApp.deleteTrigger(t);
    owner = "";
  }
  const next = { jobs, owner };
  writeSchedule(next);
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
  const failures: string[] = [];
  for (const name of schedule.jobs) {
    const job = JOBS.get(name);
    if (!job) continue;
    try {
      job();
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (failures.length > 0) throw new Error(failures.join("; "));
}
