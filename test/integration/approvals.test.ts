// The approval process through the bundle in the emulator: submit, decide level by level, the Status column, the
// log rows and the mail; and every way a decision must be refused (own request, own campaign, not an approver,
// stale, twice, at the same time), each leaving the workbook exactly as it was.
import { describe, expect, it } from "vitest";
import type { InboxResponse } from "../../src/server/approvals/api";
import {
  campaignRow,
  DANA,
  DEPUTY,
  decide,
  FAY,
  inbox,
  LEO,
  LIA,
  LOG,
  logRows,
  MIA,
  mine,
  OWNER,
  openRequest,
  ROLES,
  requestId,
  saved,
  statusOf,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

describe("a plan from draft to approval", () => {
  it("is submitted by the marketer and approved by a level-1 approver with a comment", () => {
    const emu = workbook();
    // A pasted row has no status yet; blank reads as Draft, and the log says so too.
    expect(statusOf(emu)).toBe("");
    expect(mine(emu, MIA).campaigns[0]?.status).toBe("Draft");
    const submitted = submit(emu, MIA, { comment: "Ready for review" });
    expect(submitted).toMatchObject({ ok: true, state: "PlanSubmitted", duplicate: false });
    expect(statusOf(emu)).toBe("Plan submitted");

    // Both level-1 approvers are told, with the amount, who and a link to the row.
    expect(emu.outbox).toHaveLength(1);
    const waiting = emu.outbox[0]!;
    expect(waiting.to).toBe(`${LEO},${LIA}`);
    expect(waiting.subject).toBe("Approval needed: Spring launch (Plan)");
    expect(waiting.body).toContain("Amount: 12,000.00 EUR");
    expect(waiting.body).toContain(`${MIA} submitted`);
    expect(waiting.body).toMatch(/#gid=\d+&range=A2/);

    const decided = decide(emu, LEO, "approve", { comment: "Good plan, go ahead" });
    expect(decided).toMatchObject({ ok: true, state: "PlanApproved", duplicate: false });
    expect(statusOf(emu)).toBe("Plan approved");

    const rows = logRows(emu);
    expect(
      rows.map((r) => [
        r[LOG.seq],
        r[LOG.actor],
        r[LOG.action],
        r[LOG.fromState],
        r[LOG.toState],
        r[LOG.level],
        r[LOG.comment],
      ]),
    ).toEqual([
      ["1", MIA, "submit", "Draft", "PlanSubmitted", "0", "Ready for review"],
      ["2", LEO, "approve", "PlanSubmitted", "PlanApproved", "1", "Good plan, go ahead"],
    ]);
    // The approval carries the snapshot of what was approved, and the rows are chained.
    expect(JSON.parse(String(rows[1]![LOG.snapshot]))).toMatchObject({ amount: 1_200_000, levels: 1, owner: MIA });
    expect(rows[1]![LOG.prevHash]).toBe(rows[0]![LOG.hash]);
    expect(String(rows[0]![LOG.hash])).toMatch(/^[0-9a-f]{64}$/);

    // The submitter hears of the decision.
    const told = emu.outbox[1]!;
    expect(told.to).toBe(MIA);
    expect(told.subject).toBe("Approved: Spring launch (Plan)");
    expect(told.body).toContain("Good plan, go ahead");

    const card = mine(emu, MIA).campaigns[0]!;
    expect(card.status).toBe("PlanApproved");
    expect(card.history.map((h) => [h.actor, h.action, h.comment])).toEqual([
      [MIA, "submit", "Ready for review"],
      [LEO, "approve", "Good plan, go ahead"],
    ]);
    expect(card.next).toBe("execution");
    expect(card.missing).toEqual([]);
  });

  it("then the execution plan goes the same way, and the campaign is ready", () => {
    const emu = workbook();
    submit(emu, MIA);
    decide(emu, LEO);
    const execution = submit(emu, MIA, { type: "execution", comment: "Two steps" });
    expect(execution).toMatchObject({ ok: true, state: "ExecutionSubmitted" });
    expect(statusOf(emu)).toBe("Execution plan submitted");
    const item = inbox(emu, LIA).requests[0]!;
    expect(item.request.type).toBe("execution");
    expect(item.tasks?.map((t) => t.step)).toEqual(["Write the webinar script", "Run three webinars"]);
    expect(item.checklist).toEqual([{ item: "tasks", ok: true }]);
    expect(decide(emu, LIA, "approve", { comment: "Execution plan is fine" })).toMatchObject({
      ok: true,
      state: "Ready",
    });
    expect(statusOf(emu)).toBe("Ready");
    expect(logRows(emu).map((r) => r[LOG.requestType])).toEqual(["plan", "plan", "execution", "execution"]);
  });

  it("goes back to Draft with the comment on request changes, which needs a comment", () => {
    const emu = workbook();
    submit(emu, MIA);
    const before = saved(emu);
    const silent = decide(emu, LEO, "request_changes", { comment: "  " });
    expect(silent).toMatchObject({ ok: false, kind: "comment_required" });
    expect(silent.message).toBe("Say why: a comment is required to reject or to request changes.");
    expect(saved(emu)).toEqual(before);
    expect(decide(emu, LEO, "request_changes", { comment: "Add a second channel" })).toMatchObject({
      ok: true,
      state: "Draft",
    });
    expect(statusOf(emu)).toBe("Draft");
    expect(emu.outbox.at(-1)).toMatchObject({ to: MIA, subject: "Changes requested: Spring launch (Plan)" });
    const card = mine(emu, MIA).campaigns[0]!;
    expect(card.history.at(-1)).toMatchObject({ action: "request_changes", comment: "Add a second channel" });
    expect(card.can.submitPlan).toBe(true);
  });

  it("can be withdrawn by its submitter only", () => {
    const emu = workbook();
    submit(emu, MIA);
    const open = openRequest(emu);
    const before = saved(emu);
    const forged = emu.as(LEO).run<WriteResult>("rpcWithdraw", {
      campaignId: "C-1",
      requestId: open.id,
      seenVersion: open.version,
      comment: "",
    });
    expect(forged).toMatchObject({ ok: false, kind: "not_submitter" });
    expect(saved(emu)).toEqual(before);
    const own = emu.as(MIA).run<WriteResult>("rpcWithdraw", {
      campaignId: "C-1",
      requestId: open.id,
      seenVersion: open.version,
      comment: "Oops",
    });
    expect(own).toMatchObject({ ok: true, state: "Draft" });
    expect(logRows(emu).at(-1)?.[LOG.action]).toBe("cancel_request");
  });
});

describe("routing by amount", () => {
  it("sends a plan above level 1's limit to level 1, then level 2, telling each level in turn", () => {
    const emu = workbook({ campaigns: [campaignRow({ budget: 120_000 })] });
    submit(emu, MIA);
    expect(emu.outbox.map((m) => m.to)).toEqual([`${LEO},${LIA}`]);
    expect(inbox(emu, DANA).requests).toEqual([]);
    const first = inbox(emu, LEO).requests[0]!;
    expect(first.request).toMatchObject({ level: 1, levels: 2, amount: 120_000, currency: "EUR" });

    expect(decide(emu, LEO, "approve", { comment: "Level 1 ok" })).toMatchObject({ ok: true, state: "PlanSubmitted" });
    expect(statusOf(emu)).toBe("Plan submitted");
    // The next level is told; the submitter waits for the final word.
    expect(emu.outbox.map((m) => m.to)).toEqual([`${LEO},${LIA}`, DANA]);
    expect(inbox(emu, LEO).requests).toEqual([]);
    expect(inbox(emu, DANA).requests[0]?.request).toMatchObject({ level: 2, levels: 2 });

    expect(decide(emu, DANA, "approve", { comment: "Level 2 ok" })).toMatchObject({ ok: true, state: "PlanApproved" });
    expect(emu.outbox.map((m) => m.to)).toEqual([`${LEO},${LIA}`, DANA, MIA]);
    expect(logRows(emu).map((r) => [r[LOG.actor], r[LOG.level], r[LOG.toState]])).toEqual([
      [MIA, "0", "PlanSubmitted"],
      [LEO, "1", "PlanSubmitted"],
      [DANA, "2", "PlanApproved"],
    ]);
  });

  it("keeps a plan within level 1's limit at level 1", () => {
    const emu = workbook({ campaigns: [campaignRow({ budget: 100_000 })] });
    submit(emu, MIA);
    expect(inbox(emu, LEO).requests[0]?.request.levels).toBe(1);
  });
});

describe("delegation", () => {
  function withDeputy(from: string, to: string) {
    const emu = workbook({ campaigns: [campaignRow({ budget: 120_000 })] });
    const roles = { ...ROLES, delegations: [{ approver: DANA, delegate: DEPUTY, from, to }] };
    expect(emu.as(OWNER).run<WriteResult>("rpcSaveRoles", roles).ok).toBe(true);
    submit(emu, MIA);
    decide(emu, LEO);
    return emu;
  }

  it("lets the delegate decide within the period, recorded with on-behalf-of, and tells them", () => {
    // The emulator's clock is 2026-03-02.
    const emu = withDeputy("2026-03-01", "2026-03-05");
    expect(emu.outbox.at(-1)?.to).toBe(`${DANA},${DEPUTY}`);
    const item = inbox(emu, DEPUTY).requests[0]!;
    expect(item.onBehalfOf).toBe(DANA);
    expect(item.blocked).toBeNull();
    expect(decide(emu, DEPUTY, "approve", { comment: "For Dana" })).toMatchObject({ ok: true, state: "PlanApproved" });
    const last = logRows(emu).at(-1)!;
    expect([last[LOG.actor], last[LOG.onBehalfOf], last[LOG.level]]).toEqual([DEPUTY, DANA, "2"]);
    expect(mine(emu, MIA).campaigns[0]?.history.at(-1)).toMatchObject({ actor: DEPUTY, onBehalfOf: DANA });
    expect(emu.outbox.at(-1)?.body).toContain(`${DEPUTY} for ${DANA}`);
  });

  it("refuses the delegate outside the period, writing nothing", () => {
    const emu = withDeputy("2026-04-01", "2026-04-05");
    expect(inbox(emu, DEPUTY).requests).toEqual([]);
    const before = saved(emu);
    const result = decide(emu, DEPUTY);
    expect(result).toMatchObject({ ok: false, kind: "not_approver" });
    expect(result.message).toBe("You are not an approver for level 2 of this request.");
    expect(saved(emu)).toEqual(before);
  });
});

describe("forged calls (any top-level function can be called from a browser console)", () => {
  it("refuses self-approval by the submitter, writing nothing", () => {
    const emu = workbook();
    const roles = { ...ROLES, levels: [{ approvers: [LEO, MIA], limit: "100000" }, ROLES.levels[1]!] };
    emu.as(OWNER).run("rpcSaveRoles", roles);
    submit(emu, MIA);
    expect(inbox(emu, MIA).requests[0]?.blocked).toBe("You submitted this request, so you cannot decide it.");
    const before = saved(emu);
    const result = decide(emu, MIA, "approve", { comment: "Looks great to me" });
    expect(result).toMatchObject({ ok: false, kind: "own_request" });
    expect(result.message).toBe("You submitted this request, so you cannot decide it.");
    expect(saved(emu)).toEqual(before);
  });

  it("refuses the campaign's owner even when someone else submitted, writing nothing", () => {
    const emu = workbook({ campaigns: [campaignRow({ owner: LIA })] });
    // Only the owner or an admin submits a campaign's plan: Leo submits Lia's as an admin.
    expect(emu.as(OWNER).run<{ ok: boolean }>("rpcSaveRoles", { ...ROLES, admins: [LEO] }).ok).toBe(true);
    expect(submit(emu, LEO)).toMatchObject({ ok: true });
    const before = saved(emu);
    expect(decide(emu, LIA)).toMatchObject({ ok: false, kind: "own_campaign" });
    expect(decide(emu, LEO)).toMatchObject({ ok: false, kind: "own_request" });
    expect(saved(emu)).toEqual(before);
  });

  it("refuses the spreadsheet owner deciding their own campaign", () => {
    const emu = workbook({ campaigns: [campaignRow({ owner: OWNER })] });
    emu.as(OWNER).run("rpcSaveRoles", { ...ROLES, levels: [{ approvers: [OWNER, LEO], limit: null }] });
    submit(emu, OWNER);
    const before = saved(emu);
    expect(decide(emu, OWNER)).toMatchObject({ ok: false, kind: "own_request" });
    expect(saved(emu)).toEqual(before);
  });

  it("refuses someone who is not an approver, writing nothing", () => {
    const emu = workbook();
    submit(emu, MIA);
    const before = saved(emu);
    for (const who of [FAY, "stranger@example.com"]) {
      expect(decide(emu, who)).toMatchObject({ ok: false, kind: "not_approver" });
    }
    expect(saved(emu)).toEqual(before);
  });

  it("refuses a level-1 approver deciding level 2", () => {
    const emu = workbook({ campaigns: [campaignRow({ budget: 120_000 })] });
    submit(emu, MIA);
    decide(emu, LEO);
    const before = saved(emu);
    expect(decide(emu, LIA)).toMatchObject({ ok: false, kind: "not_approver" });
    expect(saved(emu)).toEqual(before);
  });

  it("refuses a caller whose e-mail Google does not reveal", () => {
    const emu = workbook();
    submit(emu, MIA);
    const open = openRequest(emu);
    const before = saved(emu);
    emu.onServiceCall((method) => {
      if (method === "Session.getActiveUser") throw new Error("unavailable");
    });
    const result = emu.as(LEO).run<WriteResult>("rpcDecide", {
      campaignId: "C-1",
      requestId: open.id,
      seenVersion: 1,
      decision: "approve",
      comment: "",
    });
    expect(result).toMatchObject({ ok: false, kind: "signed_out" });
    expect(result.message).toContain("cannot tell who you are");
    expect(saved(emu)).toEqual(before);
  });

  it("rejects a request that is not the agreed shape before anything is read", () => {
    const emu = workbook();
    expect(() => emu.as(LEO).run("rpcDecide", { campaignId: "C-1", decision: "approve" })).toThrow(
      /rpcDecide: the request is not valid: requestId: expected string, received undefined/,
    );
    expect(() =>
      emu.as(LEO).run("rpcDecide", {
        campaignId: "C-1",
        requestId: "req-00000001",
        seenVersion: 1,
        decision: "approve",
        comment: "",
        actor: DANA,
      }),
    ).toThrow(/unknown field actor/);
  });
});

describe("stale, repeated and simultaneous decisions", () => {
  it("refuses a decision on a version the request has moved past, writing nothing", () => {
    const emu = workbook({ campaigns: [campaignRow({ budget: 120_000 })] });
    submit(emu, MIA);
    const seen = openRequest(emu);
    decide(emu, LEO);
    const before = saved(emu);
    const stale = emu.as(LIA).run<WriteResult>("rpcDecide", {
      campaignId: "C-1",
      requestId: seen.id,
      seenVersion: seen.version,
      decision: "reject",
      comment: "Too expensive",
    });
    expect(stale).toMatchObject({ ok: false, kind: "stale" });
    expect(stale.message).toBe("The request has changed or was decided since you opened it. Reload and try again.");
    expect(saved(emu)).toEqual(before);
  });

  it("writes one event when the same decision is sent twice", () => {
    const emu = workbook();
    submit(emu, MIA);
    const open = openRequest(emu);
    const request = {
      campaignId: "C-1",
      requestId: open.id,
      seenVersion: open.version,
      decision: "approve",
      comment: "ok",
    };
    expect(emu.as(LEO).run<WriteResult>("rpcDecide", request)).toMatchObject({ ok: true, duplicate: false });
    const before = saved(emu);
    expect(emu.as(LEO).run<WriteResult>("rpcDecide", request)).toMatchObject({
      ok: true,
      duplicate: true,
      state: "PlanApproved",
    });
    expect(saved(emu)).toEqual(before);
    expect(logRows(emu)).toHaveLength(2);
  });

  it("writes one submission when the same submission is sent twice", () => {
    const emu = workbook();
    const id = requestId();
    expect(submit(emu, MIA, { requestId: id })).toMatchObject({ ok: true, duplicate: false });
    expect(submit(emu, MIA, { requestId: id })).toMatchObject({ ok: true, duplicate: true });
    expect(logRows(emu)).toHaveLength(1);
    expect(emu.outbox).toHaveLength(1);
  });

  it("leaves exactly one decision when two approvers decide the same request at the same time", () => {
    const emu = workbook();
    submit(emu, MIA);
    const open = openRequest(emu);
    const request = (decision: string, comment: string) => ({
      campaignId: "C-1",
      requestId: open.id,
      seenVersion: open.version,
      decision,
      comment,
    });
    let second: WriteResult | null = null;
    // While Leo's execution holds the document lock (it is reading the tabs), Lia's starts.
    const stop = emu.onServiceCall((method, execution) => {
      if (second === null && method === "Range.getValues" && execution?.functionName === "rpcDecide") {
        second = emu.as(LIA).run<WriteResult>("rpcDecide", request("reject", "No"));
      }
    });
    const first = emu.as(LEO).run<WriteResult>("rpcDecide", request("approve", "Yes"));
    stop();
    expect(first).toMatchObject({ ok: true, state: "PlanApproved" });
    expect(second).toMatchObject({ ok: false, kind: "busy" });
    expect(second!.message).toBe("Someone else is saving right now. Nothing was changed; try again in a moment.");
    // Retried after Leo's decision landed, Lia's decision is on a version that is gone.
    expect(emu.as(LIA).run<WriteResult>("rpcDecide", request("reject", "No"))).toMatchObject({
      ok: false,
      kind: "stale",
    });
    const decisions = logRows(emu).filter((r) => r[LOG.action] !== "submit");
    expect(decisions.map((r) => [r[LOG.actor], r[LOG.action]])).toEqual([[LEO, "approve"]]);
    expect(statusOf(emu)).toBe("Plan approved");
  });
});

describe("the inbox", () => {
  it("lists what waits for me with plan, completeness, budget and history, and nothing for others", () => {
    const emu = workbook();
    submit(emu, MIA, { comment: "Please look" });
    const res: InboxResponse = inbox(emu, LEO);
    expect(res.isApprover).toBe(true);
    expect(res.chain).toEqual({ ok: true, count: 1 });
    const item = res.requests[0]!;
    expect(item).toMatchObject({ campaignId: "C-1", campaignName: "Spring launch", owner: MIA, row: 2, blocked: null });
    expect(item.plan).toMatchObject({
      budget: 12000,
      currency: "EUR",
      channels: ["Email", "Events"],
      kpis: ["CPL ≤ 24", "Leads: 500"],
    });
    expect(item.checklist.every((c) => c.ok)).toBe(true);
    expect(item.request.comment).toBe("Please look");
    expect(inbox(emu, FAY)).toMatchObject({ isApprover: false, requests: [] });
  });
});

describe("a Chinese workbook", () => {
  it("projects statuses, mail and notices in Chinese, and reads its own labels back", () => {
    const emu = workbook({ locale: "zh_CN" });
    expect(submit(emu, MIA)).toMatchObject({ ok: true, state: "PlanSubmitted" });
    expect(emu.cell("推广活动!N2").value).toBe("方案待审批");
    expect(emu.outbox[0]?.subject).toBe("待审批：Spring launch（活动方案）");
    expect(decide(emu, LEO, "approve", { comment: "同意" })).toMatchObject({ ok: true, state: "PlanApproved" });
    expect(emu.cell("推广活动!N2").value).toBe("方案已批准");
    expect(
      emu
        .values("通知记录")
        .slice(1)
        .map((r) => r[4]),
    ).toEqual(["已发送", "已发送"]);
    // The Chinese labels read back as states: no drift is reported.
    expect(mine(emu, MIA).problems).toEqual([]);
  });
});
