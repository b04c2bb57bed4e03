// The approval writes killed at every service call: saving a plan, submitting it, deciding it, and accepting a
// summary (its Summaries row and its Lessons rows are two writes: a kill between them used to lose the lessons for
// good). After each kill the same call again finishes the job: the log verifies, nothing is there twice.
import { describe, expect, it } from "vitest";
import type { InboxResponse } from "../../src/server/approvals/api";
import { Emulator } from "../emulator/index";
import { expectLogSound, killEverywhere, killedAt, logRecords } from "./faults-support";
import {
  campaign,
  LEO as MONITOR_LEO,
  MIA as MONITOR_MIA,
  monitorWorkbook,
  makeReady as readyMonitor,
  requestId,
  tabOf,
} from "./monitor-support";
import { addPlans, inboxItem, LEO, MIA, newRequestId, OWNER, spendWorkbook, tabName, writeRows } from "./spend-support";
import { clickMenu } from "./support";

type Answer = { ok: boolean; message?: string; state?: string };

function campaignRows(emu: Emulator): unknown[][] {
  return emu
    .values(tabName(emu, "campaigns"))
    .slice(1)
    .filter((r) => r.some((c) => c !== ""));
}

describe("plan writes killed at every service call", () => {
  it("saves a new draft whole or not at all, and a draft's update once", () => {
    const emu = spendWorkbook();
    const draft = {
      id: "",
      name: "Autumn fair",
      owner: "",
      objective: "Meet 200 retailers",
      audience: "Retail buyers",
      channels: "Events",
      content: "Booth and demo",
      place: "Hamburg",
      start: "2026-09-01",
      end: "2026-09-05",
      budget: "8000",
      currency: "EUR",
      kpis: "Meetings 200",
    };
    const start = emu.save();
    // A new draft carries no request id: a kill leaves no row or the whole row, never a part of one.
    let completed = false;
    for (let k = 1; !completed && k < 300; k++) {
      const e = Emulator.restore(start, { owner: OWNER });
      completed = killedAt(e, k, () => e.as(MIA).run<Answer>("rpcSavePlan", draft));
      const rows = campaignRows(e);
      expect(rows.length, `k=${k}`).toBeLessThanOrEqual(1);
      for (const row of rows)
        expect(
          row.slice(0, 3).every((c) => c !== ""),
          `k=${k}: ${row.join("|")}`,
        ).toBe(true);
    }
    expect(completed).toBe(true);

    const saved = emu.as(MIA).run<Answer & { id?: string }>("rpcSavePlan", draft);
    expect(saved.ok, saved.message).toBe(true);
    const id = String(campaignRows(emu)[0]?.[0]);
    killEverywhere(
      emu.save(),
      OWNER,
      (e) => e.as(MIA).run<Answer>("rpcSavePlan", { ...draft, id, name: "Autumn fair 2026" }),
      (e, label) => {
        const rows = campaignRows(e);
        expect(rows, label).toHaveLength(1);
        expect(rows[0]?.[1], label).toBe("Autumn fair 2026");
      },
    );
  }, 600_000);

  it("submits and decides a plan once each", () => {
    const emu = spendWorkbook();
    addPlans(emu, [{ id: "C-1", budget: 900 }]);
    writeRows(emu, "budget", [{ campaign: "C-1", category: "Media", month: "2026-03", planned: 900 }]);
    const submitId = newRequestId("plan");
    const submit = (e: Emulator) =>
      e.as(MIA).run<Answer>("rpcSubmit", { campaignId: "C-1", type: "plan", requestId: submitId, comment: "" });
    killEverywhere(emu.save(), OWNER, submit, (e, label) => {
      expectLogSound(e, MIA, label);
      expect(
        logRecords(e).filter((r) => r["Request ID"] === submitId),
        label,
      ).toHaveLength(1);
      expect(campaignRows(e)[0]?.includes("Plan submitted"), label).toBe(true);
    });

    const sent = submit(emu);
    expect(sent.ok, sent.message).toBe(true);
    const item = inboxItem(emu, LEO, submitId);
    expect(item).toBeDefined();
    killEverywhere(
      emu.save(),
      OWNER,
      (e) =>
        e.as(LEO).run<Answer>("rpcDecide", {
          campaignId: "C-1",
          requestId: submitId,
          seenVersion: item?.request.version,
          decision: "approve",
          comment: "",
        }),
      (e, label) => {
        expectLogSound(e, MIA, label);
        expect(logRecords(e).filter((r) => r["Request ID"] === submitId && r.Action === "approve")).toHaveLength(1);
        expect(campaignRows(e)[0]?.includes("Plan approved"), label).toBe(true);
      },
    );
  }, 600_000);
});

describe("a summary acceptance killed at every service call", () => {
  function completedWithSummary(): { emu: Emulator; request: string; version: number } {
    const emu = monitorWorkbook({
      campaigns: [campaign("C-1", { name: "Spring webinars", channels: "Email, Events", audience: "SMB owners" })],
      tasks: [["C-1", "Run the webinars", MONITOR_MIA, "2026-03-01", "2026-03-31", "Recordings", "Done"]],
      kpis: [["C-1", "Leads", "leads", "Higher is better", 500, 450, 2, "CRM", "2026-03-31"]],
    });
    readyMonitor(emu, "C-1");
    emu.advanceTo("2026-04-01T08:00:00Z");
    for (const operation of ["start", "complete"]) {
      const r = emu.as(MONITOR_MIA).run<Answer>("rpcCampaignProgress", { campaignId: "C-1", operation, comment: "" });
      expect(r.ok, r.message).toBe(true);
    }
    const sent = emu.as(MONITOR_MIA).run<Answer>("rpcSubmitSummary", {
      campaignId: "C-1",
      requestId: requestId(),
      goalsMet: false,
      effect: "450 leads.",
      problems: "Invitations went out late.",
      improvements: "Send them earlier.",
      lessons: [
        { lesson: "Invitations need three weeks.", recommendation: "Mail before booking.", tags: ["webinar"] },
        { lesson: "Recordings sell.", recommendation: "Record every session.", tags: [] },
      ],
      comment: "",
    });
    expect(sent.ok, sent.message).toBe(true);
    const inbox = emu.as(MONITOR_LEO).run<InboxResponse>("rpcInbox", {});
    const item = inbox.requests.find((r) => r.request.type === "summary");
    if (!item) throw new Error("no summary to decide");
    return { emu, request: item.request.id, version: item.request.version };
  }

  it("ends with the accepted Summaries row and every lesson once, after the retry or the next refresh", () => {
    const { emu, request, version } = completedWithSummary();
    const accept = (e: Emulator) =>
      e.as(MONITOR_LEO).run<Answer>("rpcDecide", {
        campaignId: "C-1",
        requestId: request,
        seenVersion: version,
        decision: "approve",
        comment: "",
      });
    const lessons = (e: Emulator) =>
      e
        .values(tabOf(e, "lessons"))
        .slice(1)
        .filter((r) => r[0] !== "")
        .map((r) => String(r[4]));
    const summaries = (e: Emulator) =>
      e
        .values(tabOf(e, "summaries"))
        .slice(1)
        .filter((r) => r[0] !== "");
    const check = (e: Emulator, label: string) => {
      expectLogSound(e, MONITOR_LEO, label);
      expect(summaries(e), label).toHaveLength(1);
      expect(summaries(e)[0]?.[5], label).toBe(MONITOR_LEO);
      expect(lessons(e).sort(), label).toEqual(["Invitations need three weeks.", "Recordings sell."]);
    };
    // Repaired by the same decision sent again.
    killEverywhere(emu.save(), OWNER, accept, check);
    // Repaired by the next refresh of the evaluation report, with no retry at all.
    const start = emu.save();
    let completed = false;
    for (let k = 1; !completed && k < 400; k++) {
      const e = Emulator.restore(start, { owner: OWNER });
      completed = killedAt(e, k, () => accept(e));
      e.as(OWNER);
      e.open();
      clickMenu(e, "menuRefreshEvaluation");
      const closed = logRecords(e).some((r) => r["Request ID"] === request && r.Action === "approve");
      if (closed) check(e, `k=${k}, refreshed`);
    }
    expect(completed).toBe(true);
  }, 600_000);
});
