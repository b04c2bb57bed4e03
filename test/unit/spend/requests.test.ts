// The overrun and reimbursement requests through the approval engine: what is submitted, how it is routed, and how its decision moves the budget.
import { describe, expect, it } from "vitest";
import {
  assessExpense,
  type ExpenseRef,
  foldPositions,
  type LedgerExpense,
  overrunDecisionsOf,
  overrunSubmission,
  overrunSubmissionFor,
  reimbursementSubmission,
} from "../../../src/domain/spend";
import {
  type CampaignView,
  type CommandResult,
  decide,
  foldCampaign,
  type LogEntry,
  type RequestView,
  type RoutingSettings,
  type Submission,
  submit,
} from "../../../src/domain/workflow";
import { campaignOf, expense, line, SETTINGS } from "./fixtures";

const MARKETER = "mia@example.com";
const OWNER = "olga@example.com";
const LEAD = "lee@example.com";
const DIRECTOR = "dora@example.com";
const AT = "2026-03-10T09:00:00+08:00";
/** Level 1 decides overruns up to 500.00, level 2 the rest. */
const ROUTING: RoutingSettings = {
  levels: [
    { approvers: [LEAD], limit: 50_000 },
    { approvers: [DIRECTOR], limit: null },
  ],
  delegations: [],
};

/** One campaign's log, driven through the engine's commands. */
class Log {
  readonly entries: LogEntry[] = [];
  private n = 0;
  get view(): CampaignView {
    return foldCampaign(this.entries, "C-1");
  }
  private take(result: CommandResult): CommandResult {
    if (!result.ok) throw new Error(`refused: ${result.error.kind}`);
    this.entries.push(...result.value.events);
    return result;
  }
  submit(submission: Submission, requestId = `R-${++this.n}`): string {
    this.take(
      submit({
        view: this.view,
        submission,
        requestId,
        eventId: `E-${++this.n}`,
        actor: MARKETER,
        at: AT,
        settings: ROUTING,
      }),
    );
    return requestId;
  }
  decide(requestId: string, actor: string, action: "approve" | "reject", comment = "ok"): void {
    const request = this.view.requests.find((r) => r.id === requestId) as RequestView;
    this.take(
      decide({
        view: this.view,
        requestId,
        action,
        actor,
        comment,
        seenVersion: request.version,
        at: AT,
        eventId: `E-${++this.n}`,
        settings: ROUTING,
      }),
    );
  }
  /** A plan with a 10,000.00 budget, approved by both levels. */
  approvedPlan(): this {
    const plan = {
      name: "Spring launch",
      owner: OWNER,
      objective: "Launch",
      audience: "Professionals",
      channels: ["Email"],
      content: "Video",
      place: "Shanghai",
      start: "2026-03-01",
      end: "2026-03-31",
      budget: 1_000_000,
      currency: "CNY",
      kpis: [{ indicator: "Leads", target: 100, unit: "leads", direction: "higher" }],
    };
    const id = this.submit({ type: "plan", plan });
    this.decide(id, LEAD, "approve");
    this.decide(id, DIRECTOR, "approve");
    return this;
  }
  /** The execution plan approved too: the campaign is Ready. */
  ready(): this {
    this.approvedPlan();
    const tasks = [
      { step: "Book media", owner: MARKETER, start: "2026-03-01", due: "2026-03-05", deliverable: "Order" },
    ];
    const id = this.submit({ type: "execution", tasks });
    this.decide(id, LEAD, "approve");
    this.decide(id, DIRECTOR, "approve");
    return this;
  }
}

function refOf(e: LedgerExpense): ExpenseRef {
  return { record: e.record, amount: e.amount, currency: "CNY" };
}

describe("an overrun through the approval engine", () => {
  const lines = [line("C-1", "Media", "2026-03", 1_000_000)];
  const spent = expense("X-1", "C-1", 990_000);
  const over = expense("X-2", "C-1", 70_000, { status: "pending_overrun" }); // 10,600.00: 600.00 over
  const positionsWith = (log: Log) =>
    foldPositions(
      { currency: "CNY", digits: 2, lines, expenses: [spent, over] },
      { settings: SETTINGS, decisions: overrunDecisionsOf(log.view.requests), approvedCampaigns: ["C-1"] },
    );

  it("is submitted with the overrun as its routed amount, and pending until decided", () => {
    const log = new Log().approvedPlan();
    const before = positionsWith(log);
    expect(before.expenses.get("X-2")).toMatchObject({
      standing: "pending_overrun",
      overrun: 60_000,
      needsRequest: true,
    });

    // As the server does when the expense is recorded: the position without it, then the rule.
    const without = foldPositions({ currency: "CNY", digits: 2, lines, expenses: [spent] }, { settings: SETTINGS });
    const assessment = assessExpense(
      campaignOf(without, "C-1"),
      { category: "Media", kind: "actual", amount: 70_000 },
      SETTINGS,
    );
    const submission = overrunSubmission(refOf(over), assessment);
    expect(submission).toMatchObject({
      type: "budget_overrun",
      amount: 60_000,
      data: { expenseId: "X-2", overrun: 60_000 },
    });
    const requestId = log.submit(submission as Submission);
    const request = log.view.requests.find((r) => r.id === requestId);
    expect(request).toMatchObject({ type: "budget_overrun", status: "open", amount: 60_000, levels: 2 });

    const pending = positionsWith(log);
    expect(pending.expenses.get("X-2")).toMatchObject({ standing: "pending_overrun", requestId, needsRequest: false });
    expect(campaignOf(pending, "C-1")).toMatchObject({ approved: 1_000_000, used: 990_000, pending: 70_000 });
  });

  it("approved by every level it needs, raises the budget by the overrun and counts the expense", () => {
    const log = new Log().approvedPlan();
    const requestId = log.submit(overrunSubmissionFor(refOf(over), 60_000) as Submission);
    log.decide(requestId, LEAD, "approve");
    expect(campaignOf(positionsWith(log), "C-1").pending).toBe(70_000); // one level of two: still pending
    log.decide(requestId, DIRECTOR, "approve");
    const after = positionsWith(log);
    expect(after.expenses.get("X-2")).toMatchObject({ standing: "counted", status: "recorded" });
    expect(campaignOf(after, "C-1")).toMatchObject({
      approved: 1_060_000,
      used: 1_060_000,
      status: "ON_BUDGET",
      pending: 0,
    });
  });

  it("rejected, leaves the expense rejected and the budget as it was", () => {
    const log = new Log().approvedPlan();
    const requestId = log.submit(overrunSubmissionFor(refOf(over), 60_000) as Submission);
    log.decide(requestId, LEAD, "reject", "Not now");
    const after = positionsWith(log);
    expect(after.expenses.get("X-2")).toMatchObject({ standing: "rejected", status: "rejected" });
    expect(campaignOf(after, "C-1")).toMatchObject({ approved: 1_000_000, used: 990_000, pending: 0 });
  });

  it("submits nothing for an expense that fits", () => {
    const fits = assessExpense(
      campaignOf(positionsWith(new Log()), "C-1"),
      { category: "Media", kind: "actual", amount: 1 },
      SETTINGS,
    );
    expect(fits.outcome).not.toBe("needs_overrun_approval");
    expect(overrunSubmission(refOf(over), fits)).toBeNull();
    expect(overrunSubmissionFor(refOf(over), 0)).toBeNull();
  });

  it("ignores requests of other types and payloads without an expense", () => {
    const log = new Log().approvedPlan();
    log.submit({ type: "budget_overrun", amount: 100, data: { note: "hand-made" } });
    expect(overrunDecisionsOf(log.view.requests)).toEqual([]);
  });
});

describe("a reimbursement request", () => {
  it("is routed by the amount to pay back and names the expense and who is owed", () => {
    const e = expense("X-7", "C-1", 12_345);
    const submission = reimbursementSubmission(refOf(e), MARKETER);
    expect(submission).toMatchObject({
      type: "reimbursement",
      amount: 12_345,
      data: { expenseId: "X-7", requestedBy: MARKETER },
    });
    const log = new Log().ready();
    const requestId = log.submit(submission);
    expect(log.view.requests.find((r) => r.id === requestId)).toMatchObject({
      type: "reimbursement",
      status: "open",
      amount: 12_345,
      levels: 1,
      data: { expenseId: "X-7" },
    });
  });
});
