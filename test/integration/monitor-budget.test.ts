// The scheduled job's runtime budget: an hourly tick whose inputs did not change skips the run (a cheap fingerprint),
// any change a run must see still gets one at the next tick, the trigger's runtime is recorded per day in bounded
// storage, and full runs stop for the day when they would take it past the budget.
import { describe, expect, it } from "vitest";
import type { MonitorStatus } from "../../src/server/evaluation/api";
import type { Emulator } from "../emulator/index";
import { campaign, digests, MIA, makeReady, monitorWorkbook, OWNER, submit, tabOf } from "./monitor-support";

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** C-1 ready with an overdue task and a lagging KPI; C-2's plan waits for a decision since 2 March. */
function scenario(): Emulator {
  const emu = monitorWorkbook({
    campaigns: [
      campaign("C-1", { name: "Spring webinars" }),
      campaign("C-2", { name: "Summer fair", start: "2026-06-01", end: "2026-06-30" }),
    ],
    tasks: [["C-1", "Write the webinar script", MIA, "2026-03-02", "2026-03-05", "Script", ""]],
    kpis: [["C-1", "Leads", "leads", "Higher is better", 500, "", 2, "CRM", ""]],
    readings: [["2026-03-09", "C-1", "Leads", 50]],
  });
  makeReady(emu, "C-1");
  submit(emu, MIA, "C-2", "plan");
  emu.advanceTo("2026-03-10T08:30:00Z");
  return emu;
}

function hourly(emu: Emulator): void {
  emu.as(OWNER).run<MonitorStatus>("rpcMonitorSchedule", { frequency: "hourly" });
}

function status(emu: Emulator): MonitorStatus {
  return emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {});
}

function lastRun(emu: Emulator): string {
  return status(emu).health.lastScheduledAt;
}

describe("an hourly schedule", () => {
  it("runs once, then skips the ticks that would find nothing new, at about 20 spreadsheet calls each", () => {
    const emu = scenario();
    hourly(emu);
    emu.advance(HOUR);
    const first = lastRun(emu);
    expect(first).not.toBe("");
    expect(digests(emu)).toHaveLength(3);
    let calls = 0;
    const off = emu.onServiceCall((_method, execution) => {
      if (execution?.functionName === "onScheduleTick") calls += 1;
    });
    emu.advance(HOUR);
    off();
    expect(lastRun(emu)).toBe(first);
    expect(status(emu).runtime.skipped).toBe(1);
    // The fingerprint of the inputs, the check that the trigger's owner is still an admin, and the day's full
    // verification of the log already done: no tab is read in full.
    expect(calls).toBeLessThan(50);
    expect(digests(emu)).toHaveLength(3);
  });

  it("runs at the next tick after a typed change, a row added without onEdit, or a decision", () => {
    const emu = scenario();
    hourly(emu);
    emu.advance(HOUR);
    let before = lastRun(emu);

    emu.as(MIA).edit(`${tabOf(emu, "kpis")}!F2`, "120"); // the KPI's actual, typed
    emu.advance(HOUR);
    expect(lastRun(emu)).not.toBe(before);
    before = lastRun(emu);
    emu.advance(HOUR);
    expect(lastRun(emu)).toBe(before);

    // A row written by a script or an import fires no onEdit: the tab's last row tells.
    const readings = tabOf(emu, "readings");
    const next = emu.values(readings).length + 1;
    emu.fill(readings, next, 1, [["2026-03-10", "C-1", "Leads", 90]]);
    emu.advance(HOUR);
    expect(lastRun(emu)).not.toBe(before);
    before = lastRun(emu);

    // Sheets' own row deletion fires no onEdit either.
    emu.runtime.counter.paused(() => emu.spreadsheet.getSheetByName(readings)!.deleteRows(next, 1));
    emu.advance(HOUR);
    expect(lastRun(emu)).not.toBe(before);
  });

  it("runs when time alone changes an alert: the date turns, a waiting request's day count goes up", () => {
    const emu = scenario();
    hourly(emu);
    const runs: string[] = [];
    for (let h = 0; h < 26; h++) {
      emu.advance(HOUR);
      const at = lastRun(emu);
      if (runs.at(-1) !== at) runs.push(at);
    }
    // 09:30 Berlin (the first tick), 00:30 (a new day), 09:30 (C-2 waits a day longer since its 09:0x submission).
    expect(runs.map((r) => r.slice(0, 16))).toEqual(["2026-03-10T10:30", "2026-03-11T00:30", "2026-03-11T09:30"]);
  });

  it("records the trigger's runtime per day, keeping a week, and shows today's in the sidebar", () => {
    const emu = scenario();
    // The latency model of the README: about 7 ms per service call.
    const off = emu.onServiceCall(() => emu.runtime.clock.advance(7));
    hourly(emu);
    emu.advance(3 * HOUR);
    const today = status(emu).runtime;
    expect(today.ticks).toBe(3);
    expect(today.todayMs).toBeGreaterThan(0);
    expect(today.budgetMs).toBe(60 * 60 * 1000);
    expect(today.quotaMs).toBe(90 * 60 * 1000);
    emu.advance(10 * DAY);
    off();
    const stored = JSON.parse(emu.runtime.properties.document(emu.runtime.documentId).toJSON()["cc.runtime"] ?? "{}");
    expect(Object.keys(stored)).toHaveLength(7);
    expect(emu.runtime.properties.document(emu.runtime.documentId).size()).toBeLessThan(20 * 1024);
  });

  it("leaves full runs for the next day once they would pass the day's budget, and says so", () => {
    const emu = scenario();
    // A slow document: every call takes 1.6 s, so a full run takes minutes (and stays within the 6-minute limit).
    const off = emu.onServiceCall((_m, execution) => {
      if (execution?.functionName === "onScheduleTick") emu.runtime.clock.advance(1600);
    });
    hourly(emu);
    let deferred = 0;
    // Each full run now takes about 5 minutes: twelve of them fill the hour the day allows.
    for (let h = 0; h < 14; h++) {
      emu.as(MIA).edit(`${tabOf(emu, "kpis")}!F2`, String(100 + h)); // something new every hour
      const before = lastRun(emu);
      emu.advance(HOUR);
      if (lastRun(emu) === before) deferred += 1;
    }
    off();
    const s = status(emu);
    expect(emu.now().toISOString().slice(0, 10)).toBe("2026-03-10"); // still the same day
    expect(deferred).toBeGreaterThan(0);
    expect(s.runtime.todayMs).toBeLessThanOrEqual(s.runtime.budgetMs + 10 * 60 * 1000);
    expect(s.health.lastError).toContain("daily budget");
    // The next day runs again.
    const stopped = lastRun(emu);
    emu.advanceTo("2026-03-11T09:45:00Z");
    expect(lastRun(emu)).not.toBe(stopped);
  });
});
