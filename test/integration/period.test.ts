// A new period from a copy of last period's workbook: the copy has a new document id and none of the old document
// properties (so not the key that sealed the old log); Start new period there seals a new log under a new key that
// opens with a carry-over event naming the old document, its event count and last hash, carries the open campaigns
// with their approved plans, and leaves the closed ones (and their rows) in the old workbook, which still verifies.
import { describe, expect, it } from "vitest";
import type { InboxResponse, ListCampaignsResponse } from "../../src/server/approvals/api";
import type { SpendOverview } from "../../src/server/spend/api";
import type { Emulator } from "../emulator/index";
import { campaign, LEO, MIA, makeReady, monitorWorkbook, OWNER, requestId, tabOf } from "./monitor-support";
import { recordExpense } from "./spend-support";

type Written = { ok: boolean; state?: string; message?: string };

/** C-1 ran and closed with an accepted summary; C-2 is approved and running; C-3 is a draft. */
function lastYear(): Emulator {
  const emu = monitorWorkbook({
    campaigns: [
      campaign("C-1", { name: "Spring webinars" }),
      campaign("C-2", { name: "Autumn fair", start: "2026-09-01", end: "2026-09-30" }),
      campaign("C-3", { name: "Winter mailing", start: "2026-12-01", end: "2026-12-20" }),
    ],
    tasks: [
      ["C-1", "Run the webinars", MIA, "2026-03-01", "2026-03-31", "Recordings", "Done"],
      ["C-2", "Book the booth", MIA, "2026-08-01", "2026-08-15", "Contract", ""],
    ],
    kpis: [
      ["C-1", "Leads", "leads", "Higher is better", 500, 450, 2, "CRM", "2026-03-31"],
      ["C-2", "Meetings", "", "Higher is better", 200, "", 1, "CRM", ""],
    ],
  });
  makeReady(emu, "C-1");
  makeReady(emu, "C-2");
  for (const [id, amount] of [
    ["C-1", "400"],
    ["C-2", "300"],
  ] as const) {
    const spent = recordExpense(emu, MIA, { campaign: id, amount, date: "2026-03-10" });
    expect(spent.ok, spent.message).toBe(true);
  }
  emu.advanceTo("2026-04-01T08:00:00Z");
  const progress = (operation: string) =>
    emu.as(MIA).run<Written>("rpcCampaignProgress", { campaignId: "C-1", operation, comment: "" });
  expect(progress("start").ok).toBe(true);
  expect(progress("complete").ok).toBe(true);
  const sent = emu.as(MIA).run<Written>("rpcSubmitSummary", {
    campaignId: "C-1",
    requestId: requestId(),
    goalsMet: false,
    effect: "450 leads.",
    problems: "Late invitations.",
    improvements: "Invite earlier.",
    lessons: [{ lesson: "Invite three weeks ahead.", recommendation: "", tags: ["webinar"] }],
    comment: "",
  });
  expect(sent.ok, sent.message).toBe(true);
  const item = emu
    .as(LEO)
    .run<InboxResponse>("rpcInbox", {})
    .requests.find((r) => r.campaignId === "C-1" && r.request.type === "summary");
  const accepted = emu.as(LEO).run<Written>("rpcDecide", {
    campaignId: "C-1",
    requestId: item?.request.id,
    seenVersion: item?.request.version,
    decision: "approve",
    comment: "",
  });
  expect(accepted).toMatchObject({ ok: true, state: "Closed" });
  emu.advanceTo("2027-01-02T08:00:00Z");
  return emu;
}

const verify = (emu: Emulator) =>
  emu.as(OWNER).run<{ chain: { ok: boolean; count?: number; lastHash?: string }; message: string }>("rpcVerifyLog", {});

function logRows(emu: Emulator): unknown[][] {
  return emu.values(tabOf(emu, "log")).slice(1);
}

const HASH = 17; // the Hash column (R), 0-based

describe("Start new period", () => {
  it("starts next year's log in a copy: a sealed carry-over event, the open campaigns carried, the closed left", () => {
    const old = lastYear();
    const before = verify(old);
    expect(before.chain.ok).toBe(true);
    const oldRows = logRows(old);
    const oldLast = String(oldRows.at(-1)?.[HASH]);

    const copy = old.copy({ owner: OWNER });
    expect(copy.spreadsheet.getId()).not.toBe(old.spreadsheet.getId());
    expect(copy.runtime.properties.document(copy.runtime.documentId).toJSON()).toEqual({});
    copy.open();
    copy.ui.answer("OK");
    copy.as(OWNER).menu("Start new period");
    expect(copy.ui.alerts.at(-1)?.prompt).toContain("1 open campaigns");

    const rows = logRows(copy);
    const first = rows[0] ?? [];
    expect(first.slice(5, 7)).toEqual(["period", old.spreadsheet.getId()]);
    expect(first[10]).toBe("carry_over");
    const snapshot = JSON.parse(String(first[15]));
    expect(snapshot).toEqual({
      previousDocument: old.spreadsheet.getId(),
      previousEvents: oldRows.length,
      previousLastHash: oldLast,
      carried: ["C-2"],
      left: ["C-1"],
    });
    // C-2's events came along (re-sealed under the new key), with its recorded expense; C-1's did not.
    const entities = rows.slice(1).map((r) => r[6]);
    expect(entities).toContain("C-2");
    expect(entities).not.toContain("C-1");
    expect(rows.slice(1).filter((r) => r[5] === "expense")).toHaveLength(1);
    // So C-2's spend so far counts in the new period as it did in the old one.
    const spend = (emu: Emulator) => {
      const overview = emu.as(MIA).run<SpendOverview>("rpcSpendOverview", {});
      return {
        c2: overview.campaigns.find((c) => c.id === "C-2"),
        mine: overview.mine.map((e) => [e.campaign, e.status]),
        unrecorded: overview.needsRequest.length,
      };
    };
    const carriedSpend = spend(copy);
    const oldSpend = spend(old);
    expect(carriedSpend.c2).toEqual(oldSpend.c2);
    expect(oldSpend.mine).toHaveLength(2);
    expect(carriedSpend.mine).toEqual(oldSpend.mine.filter(([id]) => id === "C-2"));
    expect(carriedSpend.unrecorded).toBe(0);
    expect(String(rows.at(-1)?.[HASH])).not.toBe(oldLast);

    // The new log verifies with the new key; the old workbook still verifies with its own.
    const after = verify(copy);
    expect(after.chain).toMatchObject({ ok: true, count: rows.length });
    expect(verify(old).chain).toMatchObject({ ok: true, count: oldRows.length });
    expect(copy.runtime.properties.document(copy.runtime.documentId).toJSON()["cc.secret"]).not.toBe(
      old.runtime.properties.document(old.runtime.documentId).toJSON()["cc.secret"],
    );

    // The campaigns: C-2 approved and ready as before, C-3 a draft; C-1 and its rows stayed in the old workbook.
    const listed = copy.as(OWNER).run<ListCampaignsResponse>("rpcListCampaigns", {});
    expect(listed.campaigns.map((c) => [c.id, c.status])).toEqual([
      ["C-2", "Ready"],
      ["C-3", "Draft"],
    ]);
    expect(
      copy
        .values(tabOf(copy, "tasks"))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["C-2"]);
    expect(
      copy
        .values(tabOf(copy, "kpis"))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["C-2"]);
    expect(
      old
        .values(tabOf(old, "tasks"))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["C-1", "C-2"]);

    // Work goes on in the new period: C-2 is started, sealed after the carried events.
    const started = copy
      .as(MIA)
      .run<Written>("rpcCampaignProgress", { campaignId: "C-2", operation: "start", comment: "" });
    expect(started).toMatchObject({ ok: true, state: "InProgress" });
    expect(verify(copy).chain).toMatchObject({ ok: true, count: rows.length + 1 });
  });

  it("is refused in the workbook that keeps the log, to anyone but an admin, and in a copy whose log was edited", () => {
    const old = lastYear();
    old.ui.answer("OK");
    old.as(OWNER).menu("Start new period");
    expect(old.ui.alerts.at(-1)?.prompt).toContain("make a copy of it");

    const copy = old.copy({ owner: OWNER });
    copy.open();
    copy.ui.answer("OK");
    copy.as(MIA).menu("Start new period");
    expect(copy.ui.alerts.at(-1)?.prompt).toContain("Only an admin");

    // Someone edits a copied row before the period starts: its link no longer holds.
    const log = tabOf(copy, "log");
    copy.runtime.counter.paused(() =>
      copy.spreadsheet
        .getSheetByName(log)!
        .getRange(3, HASH + 1)
        .setValue("f00d"),
    );
    const before = logRows(copy);
    copy.ui.answer("OK");
    copy.as(OWNER).menu("Start new period");
    expect(copy.ui.alerts.at(-1)?.prompt).toContain("Row 4 of the copied Approval log");
    expect(logRows(copy)).toEqual(before);
    expect(copy.runtime.properties.document(copy.runtime.documentId).toJSON()["cc.secret"]).toBeUndefined();
  });

  it("submits nothing twice: a second start in the same copy is refused", () => {
    const copy = lastYear().copy({ owner: OWNER });
    copy.open();
    copy.ui.answer("OK");
    copy.as(OWNER).menu("Start new period");
    const rows = logRows(copy);
    copy.ui.answer("OK");
    copy.as(OWNER).menu("Start new period");
    expect(copy.ui.alerts.at(-1)?.prompt).toContain("keeps its own sealed approval log");
    expect(logRows(copy)).toEqual(rows);
  });
});

describe("Start new period stopped at any service call", () => {
  it("leaves either the copied log untouched or the new one complete, and the next start finishes the job", {
    timeout: 300_000,
  }, () => {
    const base = lastYear();
    const baseRows = logRows(base).length;
    const start = (copy: Emulator) => {
      copy.ui.answer("OK");
      copy.as(OWNER).menu("Start new period");
    };
    const clean = base.copy({ owner: OWNER });
    clean.open();
    let calls = 0;
    const count = clean.onServiceCall((_m, execution) => {
      if (execution?.functionName === "menuStartPeriod") calls += 1;
    });
    start(clean);
    count();
    const expected = {
      log: logRows(clean).map((r) => r.slice(5, 7)),
      campaigns: clean.values(tabOf(clean, "campaigns")).map((r) => r[0]),
      tasks: clean.values(tabOf(clean, "tasks")).map((r) => r[0]),
    };
    expect(calls).toBeGreaterThan(20);
    for (let k = 1; k <= calls; k++) {
      const copy = base.copy({ owner: OWNER });
      copy.open();
      let seen = 0;
      const kill = copy.onServiceCall((_m, execution) => {
        if (execution?.functionName !== "menuStartPeriod") return;
        seen += 1;
        // Call k uses up the execution's six minutes: it ends at the next service call, whatever the script catches.
        if (seen === k) copy.runtime.clock.set(copy.runtime.clock.now() + 7 * 60 * 1000);
      });
      try {
        start(copy);
      } catch {
        // stopped, as intended
      }
      kill();
      copy.ui.answer("OK");
      copy.as(OWNER).menu("Start new period");
      const where = `stopped at call ${k}`;
      // Stopped after its last write (showing the alert): the period had started, and a second start says so.
      expect(copy.ui.alerts.at(-1)?.prompt, where).toMatch(
        /The new period has started|keeps its own sealed approval log/,
      );
      expect(verify(copy).chain.ok, where).toBe(true);
      expect(
        logRows(copy).map((r) => r.slice(5, 7)),
        where,
      ).toEqual(expected.log);
      expect(
        copy.values(tabOf(copy, "campaigns")).map((r) => r[0]),
        where,
      ).toEqual(expected.campaigns);
      expect(
        copy.values(tabOf(copy, "tasks")).map((r) => r[0]),
        where,
      ).toEqual(expected.tasks);
    }
    expect(logRows(base)).toHaveLength(baseRows);
  });
});
