// Scheduled monitoring through the emulator: the alerts a run finds (exactly the overdue task, the lagging KPI and the
// old pending request), one digest per manager, the mail quota running out halfway and a run killed halfway, each
// finished by a later run without anybody getting an alert twice; the schedule and its health as the sidebar shows them.
import { describe, expect, it } from "vitest";
import type { MonitorStatus, RunResult } from "../../src/server/evaluation/api";
import type { Emulator } from "../emulator/index";
import {
  approve,
  campaign,
  DANA,
  digests,
  LEO,
  LIA,
  MIA,
  makeReady,
  monitorRows,
  monitorWorkbook,
  OWNER,
  requestId,
  submit,
  tabOf,
} from "./monitor-support";

const HOUR = 3600 * 1000;

/**
 * C-1 runs through March (Ready): its script was due on the 5th and is not done; its leads stand at 50 of 500 on the
 * 9th (heading for 172); its cost per lead is fine. C-2's plan was submitted on 2 March and nobody decided it.
 */
function scenario(options: { mailQuota?: number; locale?: string } = {}): Emulator {
  const emu = monitorWorkbook({
    ...options,
    campaigns: [
      campaign("C-1", { name: "Spring webinars" }),
      campaign("C-2", { name: "Summer fair", start: "2026-06-01", end: "2026-06-30" }),
    ],
    tasks: [
      ["C-1", "Write the webinar script", MIA, "2026-03-02", "2026-03-05", "Script", ""],
      ["C-1", "Run three webinars", MIA, "2026-03-10", "2026-03-31", "Recordings", ""],
    ],
    kpis: [
      ["C-1", "Leads", "leads", "Higher is better", 500, "", 2, "CRM", ""],
      ["C-1", "CPL", "EUR", "Lower is better", 24, "", 1, "Ads", ""],
    ],
    readings: [
      ["2026-03-03", "C-1", "Leads", 20],
      ["2026-03-09", "C-1", "Leads", 50],
      ["2026-03-09", "C-1", "CPL", 20],
    ],
  });
  makeReady(emu, "C-1");
  submit(emu, MIA, "C-2", "plan");
  emu.advanceTo("2026-03-10T08:30:00Z");
  return emu;
}

function runNow(emu: Emulator): RunResult {
  return emu.as(OWNER).run<RunResult>("rpcMonitorRun", {});
}

function schedule(emu: Emulator, frequency: "off" | "hourly" | "daily", hour?: number): MonitorStatus {
  return emu
    .as(OWNER)
    .run<MonitorStatus>("rpcMonitorSchedule", hour === undefined ? { frequency } : { frequency, hour });
}

function perRecipient(emu: Emulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of digests(emu)) counts[d.to] = (counts[d.to] ?? 0) + 1;
  return counts;
}

describe("a monitoring run", () => {
  it("finds exactly the overdue task, the lagging KPI and the old pending request", () => {
    const emu = scenario();
    const run = runNow(emu);
    expect(run.alerts).toBe(3);
    const rows = monitorRows(emu);
    expect(rows.map((r) => [r.severity, r.kind, r.campaign])).toEqual([
      ["Critical", "Request waiting", "C-2"],
      ["Warning", "Overdue task", "C-1"],
      ["Warning", "Lagging indicator", "C-1"],
    ]);
    expect(rows[1]?.message).toBe(
      "Spring webinars (C-1): the task “Write the webinar script” was due on 2026-03-05 and is 5 days overdue (owner: mia.marketer@example.com).",
    );
    expect(rows[2]?.message).toBe(
      "Spring webinars (C-1): Leads is heading for 172.22 leads against a target of 500 leads (34 % of target; last measured 2026-03-09).",
    );
    expect(rows[0]?.message).toBe(
      "Summer fair (C-2): the Plan request mon-00000003 has waited 8 days for a decision (submitted 2 Mar 2026, 09:00).",
    );
    // The request goes to the approvers who may decide it; the others to the managers (the approvers in Settings).
    expect(rows[0]?.notify).toBe(`${LEO}, ${LIA}`);
    expect(rows[1]?.notify).toBe(`${DANA}, ${LEO}, ${LIA}`);
  });

  it("mails each manager one digest with their alerts, most urgent first", () => {
    const emu = scenario();
    runNow(emu);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
    const leo = digests(emu).find((d) => d.to === LEO)!;
    const lines = leo.body.split("\n").filter((l) => l.startsWith("["));
    expect(lines.map((l) => l.slice(0, l.indexOf(":")))).toEqual([
      "[Critical] Request waiting",
      "[Warning] Overdue task",
      "[Warning] Lagging indicator",
    ]);
    const dana = digests(emu).find((d) => d.to === DANA)!;
    expect(dana.body).not.toContain("Request waiting");
    // A second run finds the same situations: nothing new, no mail.
    runNow(emu);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
  });

  it("reports a situation again when it changes: a newer reading that still lags", () => {
    const emu = scenario();
    runNow(emu);
    emu.as(MIA).edit(`'${tabOf(emu, "readings")}'!A5`, [["2026-03-10", "C-1", "Leads", 60]]);
    runNow(emu);
    const leo = digests(emu).filter((d) => d.to === LEO);
    expect(leo).toHaveLength(2);
    expect(leo[1]?.body).toContain("last measured 2026-03-10");
    expect(leo[1]?.body).not.toContain("Overdue task");
  });
});

describe("times in the Monitor tab and the digest", () => {
  it("are shown in the spreadsheet's time zone, worded for its language, while the log keeps its instants", () => {
    const emu = scenario();
    const submitted = emu
      .values("Approval log")
      .slice(1)
      .find((r) => r.includes("C-2") && r.includes("submit"));
    expect(submitted?.find((c) => /^2026-03-02T/.test(String(c)))).toBe("2026-03-02T09:00:00+01:00");
    // The spreadsheet moves to Shanghai: 08:00 UTC there is 16:00.
    emu.spreadsheet.setSpreadsheetTimeZone("Asia/Shanghai");
    runNow(emu);
    const waiting = monitorRows(emu).find((r) => r.kind === "Request waiting");
    expect(waiting?.message).toMatch(/\(submitted 2 Mar 2026, 16:00\)\.$/);
    // First seen now: 10 March, 08:30 UTC.
    expect(waiting?.since).toBe("10 Mar 2026, 16:30");
    expect(digests(emu).find((d) => d.to === LEO)?.body).toContain("(submitted 2 Mar 2026, 16:00)");
  });

  it("are worded in Chinese in a Chinese workbook", () => {
    const emu = monitorWorkbook({
      locale: "zh_CN",
      campaigns: [campaign("C-2", { name: "夏季展会", start: "2026-06-01", end: "2026-06-30" })],
    });
    submit(emu, MIA, "C-2", "plan");
    emu.advanceTo("2026-03-10T08:30:00Z");
    runNow(emu);
    const [row] = monitorRows(emu);
    expect(row?.message).toMatch(/（提交于 2026年3月2日 09:00）。$/);
    expect(row?.since).toBe("2026年3月10日 09:30");
  });
});

describe("in a Chinese workbook", () => {
  it("writes the Monitor tab and the digest in the spreadsheet's language", () => {
    const emu = monitorWorkbook({
      locale: "zh_CN",
      campaigns: [campaign("C-1", { name: "春季网络研讨会" })],
      tasks: [["C-1", "撰写脚本", MIA, "2026-03-02", "2026-03-05", "脚本", ""]],
      kpis: [["C-1", "线索", "条", "越高越好", 500, "", 1, "", ""]],
      readings: [["2026-03-09", "C-1", "线索", 50]],
    });
    makeReady(emu, "C-1");
    emu.advanceTo("2026-03-10T08:30:00Z");
    runNow(emu);
    expect(tabOf(emu, "monitor")).toBe("监控");
    expect(monitorRows(emu).map((r) => [r.severity, r.kind])).toEqual([
      ["警告", "任务逾期"],
      ["警告", "指标落后"],
    ]);
    expect(monitorRows(emu)[0]?.message).toBe(
      "春季网络研讨会 (C-1)：任务“撰写脚本”应于 2026-03-05 完成，已逾期 5 天（负责人：mia.marketer@example.com）。",
    );
    const digest = digests(emu).find((d) => d.to === LEO);
    expect(digest?.body.split("\n")[0]).toBe("以下是自上次汇总以来的新提醒。“监控”工作表列出了当前的全部提醒。");
    expect(emu.outbox.find((m) => m.to === LEO && m.subject.includes("提醒"))?.subject).toBe(
      "推广活动管控：2 条新提醒",
    );
  });
});

describe("the digest and the mail quota", () => {
  it("stops when the quota runs out halfway and the next runs finish without duplicates", () => {
    const emu = scenario({ mailQuota: 2 });
    schedule(emu, "hourly");
    emu.advance(HOUR);
    // Managers are served in e-mail order: Dana and Leo fit the quota, Lia waits.
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1 });
    expect(emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {}).health).toMatchObject({
      lastRunOk: false,
      sent: 2,
      deferred: 1,
      lastError: "The daily e-mail quota is used up; 1 digest waits for the next run.",
    });
    // The hours after: the quota is still used up; nobody gets anything twice.
    emu.advance(5 * HOUR);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1 });
    // A day after the first mail the quota is back: Lia's digest goes out, the others get nothing again.
    emu.advance(19 * HOUR);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
    emu.advance(3 * HOUR);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
    expect(emu.failures).toEqual([]);
  });

  it("resumes after a run killed by the time limit while mailing, without sending anything twice", () => {
    const emu = scenario();
    schedule(emu, "hourly");
    let killed = false;
    const off = emu.onServiceCall((method, execution) => {
      if (!killed && method === "MailApp.sendEmail" && execution?.functionName === "onScheduleTick") {
        killed = true;
        // The first mail goes out; the execution has used up its six minutes at the next service call.
        emu.runtime.clock.set(emu.runtime.clock.now() + 7 * 60 * 1000);
      }
    });
    emu.advance(HOUR);
    off();
    expect(emu.failures.map((f) => f.message)).toEqual(["Exceeded maximum execution time"]);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1 });
    emu.advance(HOUR);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
    const health = emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {}).health;
    expect(health.lastError).toContain(`stopped while e-mailing ${DANA}`);
  });

  it("stops mailing before the time limit and leaves the rest to the next run", () => {
    const emu = scenario();
    schedule(emu, "hourly");
    let slowed = false;
    const off = emu.onServiceCall((method, execution) => {
      if (!slowed && method === "MailApp.sendEmail" && execution?.functionName === "onScheduleTick") {
        slowed = true;
        emu.runtime.clock.set(emu.runtime.clock.now() + 5 * 60 * 1000);
      }
    });
    emu.advance(HOUR);
    off();
    expect(emu.failures).toEqual([]);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1 });
    const status = emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {});
    expect(status.health.lastError).toBe("The run stopped before its time limit; 2 digests wait for the next run.");
    emu.advance(HOUR);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
  });

  it("keeps the checkpoint within the property limits however many alerts there are", () => {
    // Two campaigns of 200 tasks: one execution plan of 400 such tasks would not fit in a cell of the approval log
    // (50,000 characters), and its submission is refused.
    const tasks = Array.from({ length: 400 }, (_, i) => [
      i < 200 ? "C-1" : "C-2",
      `Step ${i + 1}: prepare the material for webinar number ${i + 1} with a long description`,
      MIA,
      "2026-03-01",
      "2026-03-04",
      "Material",
      "",
    ]);
    const emu = monitorWorkbook({ campaigns: [campaign("C-1"), campaign("C-2")], tasks });
    makeReady(emu, "C-1");
    makeReady(emu, "C-2");
    emu.advanceTo("2026-03-10T08:30:00Z");
    const run = runNow(emu);
    expect(run.alerts).toBe(400);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
    const props = Object.fromEntries(emu.runtime.properties.document(emu.runtime.documentId).data);
    const sent = Object.entries(props).filter(([k]) => k.startsWith("cc.monitor.sent."));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    for (const [, v] of sent) expect(new TextEncoder().encode(v).length).toBeLessThanOrEqual(9 * 1024);
    runNow(emu);
    expect(perRecipient(emu)).toEqual({ [DANA]: 1, [LEO]: 1, [LIA]: 1 });
  });
});

describe("an execution plan too long for the approval log", () => {
  it("is refused with a message saying what to shorten, and the log and the state stay as they were", () => {
    const tasks = Array.from({ length: 400 }, (_, i) => [
      "C-1",
      `Step ${i + 1}: prepare the material for webinar number ${i + 1} with a long description`,
      MIA,
      "2026-03-01",
      "2026-03-04",
      "Material",
      "",
    ]);
    const emu = monitorWorkbook({ campaigns: [campaign("C-1")], tasks });
    submit(emu, MIA, "C-1", "plan");
    approve(emu, LEO, "C-1");
    const logRows = () => emu.values(tabOf(emu, "log")).filter((r) => r.some((c) => c !== "")).length;
    const before = logRows();
    const r = emu.as(MIA).run<{ ok: boolean; message?: string }>("rpcSubmit", {
      campaignId: "C-1",
      type: "execution",
      requestId: requestId(),
      comment: "",
    });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(
      /too long to record in the Approval log: [\d,]+ characters, where a spreadsheet cell holds at most 50,000/,
    );
    expect(logRows()).toBe(before);
  });
});

describe("the schedule", () => {
  it("runs hourly from one trigger per document, and daily at the chosen hour", () => {
    const emu = scenario();
    const status = schedule(emu, "daily", 10);
    expect(status).toMatchObject({ frequency: "daily", hour: 10, owner: OWNER, canSchedule: true });
    expect(emu.triggers.filter((t) => t.eventType === "CLOCK")).toHaveLength(1);
    // 08:30Z is 09:30 in Berlin: the 10:00 run is not due yet at the next tick.
    emu.advance(HOUR / 2);
    expect(digests(emu)).toHaveLength(0);
    emu.advance(HOUR);
    expect(digests(emu)).toHaveLength(3);
    const daily = emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {}).health.lastScheduledAt;
    expect(daily.slice(0, 13)).toBe("2026-03-10T10");
    // Later the same day nothing runs again; hourly runs every tick.
    emu.advance(5 * HOUR);
    expect(emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {}).health.lastScheduledAt).toBe(daily);
    schedule(emu, "hourly");
    emu.advance(HOUR);
    // Nothing changed since the daily run: the hourly tick skips the run, and the sidebar counts it.
    const quiet = emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {});
    expect(quiet.health.lastScheduledAt).toBe(daily);
    expect(quiet.health.stale).toBe(false);
    expect(quiet.runtime.skipped).toBe(1);
    expect(quiet.runtime.ticks).toBeGreaterThan(quiet.runtime.skipped);
    // Someone types into a cell: the next tick runs in full.
    emu.as(MIA).edit("KPIs!J1", "a note");
    emu.advance(HOUR);
    expect(emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {}).health.lastScheduledAt).not.toBe(daily);
    expect(emu.triggers.filter((t) => t.eventType === "CLOCK")).toHaveLength(1);
    schedule(emu, "off");
    expect(emu.triggers.filter((t) => t.eventType === "CLOCK")).toHaveLength(0);
  });

  it("lets only an admin change it", () => {
    const emu = scenario();
    expect(() => emu.as(MIA).run("rpcMonitorSchedule", { frequency: "hourly" })).toThrow(
      "Only an admin can change the monitoring schedule.",
    );
    expect(() => emu.as(MIA).run("rpcMonitorRun", {})).toThrow("Only an admin");
    expect(emu.as(MIA).run<MonitorStatus>("rpcMonitorStatus", {}).canSchedule).toBe(false);
  });

  it("shows the health: a run that cannot run because its owner withdrew the grant goes stale", () => {
    const emu = scenario();
    schedule(emu, "hourly");
    emu.advance(HOUR);
    const ok = emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {});
    expect(ok.health).toMatchObject({ lastRunOk: true, alerts: 3, sent: 3, deferred: 0, stale: false });
    expect(ok.reauthorizationNeeded).toBe(false);
    emu.revoke(OWNER);
    emu.advance(4 * HOUR);
    expect(emu.failures.map((f) => f.message)).toContain("Authorization is required to perform that action.");
    const seen = emu.as(LEO).run<MonitorStatus>("rpcMonitorStatus", {});
    expect(seen.health.stale).toBe(true);
    expect(seen.owner).toBe(OWNER);
  });

  it("refreshes the evaluation report at every scheduled run", () => {
    const emu = scenario();
    schedule(emu, "hourly");
    emu.advance(HOUR);
    const report = emu.values(tabOf(emu, "evaluation"));
    expect(report[1]?.slice(0, 2)).toEqual(["C-1", "Spring webinars"]);
    expect(report.filter((r) => r[0] === "C-1")).toHaveLength(3);
  });
});
