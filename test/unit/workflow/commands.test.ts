// Submitting and deciding requests: routing, delegation, segregation of duties, comments, stale and repeated decisions, and the lifecycle through the commands.

import { describe, expect, it } from "vitest";
import {
  decide,
  foldEvents,
  operate,
  parsePlanSnapshot,
  type RoutingSettings,
  submit,
  withdraw,
} from "../../../src/domain/workflow";
import {
  AT,
  CFO,
  DEPUTY,
  DIRECTOR,
  expectOk,
  expectRefused,
  IN_LEAVE,
  LEAD,
  LEAD2,
  MARKETER,
  OWNER,
  Scenario,
  SETTINGS,
  validPlan,
  validTasks,
} from "./fixtures";

const BIG = 2_500_000; // above level 1's limit: needs levels 1 and 2

describe("submit", () => {
  it("writes one submit event carrying the routed amount, levels, owner and plan snapshot", () => {
    const s = new Scenario();
    const outcome = expectOk(s.submit({ type: "plan", plan: validPlan() }, " Mia@Example.com ", "Please review"));
    expect(outcome.duplicate).toBe(false);
    expect(outcome.events).toHaveLength(1);
    const [event] = outcome.events;
    expect(event).toMatchObject({
      actor: MARKETER,
      onBehalfOf: "",
      entityType: "campaign",
      entityId: "C-1",
      requestType: "plan",
      requestVersion: 1,
      action: "submit",
      fromState: "Draft",
      toState: "PlanSubmitted",
      level: 0,
      comment: "Please review",
    });
    const envelope = JSON.parse(event?.snapshot ?? "");
    expect(envelope).toMatchObject({ amount: 500_000, levels: 1, owner: OWNER });
    expect(parsePlanSnapshot(JSON.stringify(envelope.data))?.budget).toBe(500_000);
    expect(s.view.state).toBe("PlanSubmitted");
  });

  it("refuses an incomplete plan with every issue and writes nothing", () => {
    const s = new Scenario();
    const result = s.submit({ type: "plan", plan: validPlan({ objective: "", budget: -1 }) });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: "incomplete",
        messageKey: "workflow.refusal.incomplete",
        issues: [
          { field: "objective", messageKey: "workflow.plan.objective.missing" },
          { field: "budget", messageKey: "workflow.plan.budget.negative" },
        ],
      },
    });
    expect(s.log).toEqual([]);
  });

  it("refuses a request whose snapshot would not fit in one cell of the log (50,000 characters) and writes nothing", () => {
    const s = new Scenario().approvedPlan();
    const task = (i: number, words: number) => ({
      ...validTasks()[0]!,
      step: `Step ${i}: ${"prepare the material ".repeat(words)}`,
    });
    const before = s.log.length;
    const long = Array.from({ length: 250 }, (_, i) => task(i, 10));
    const result = s.submit({ type: "execution", tasks: long });
    expectRefused(result, "too_long");
    if (!result.ok) {
      expect(result.error.messageKey).toBe("workflow.refusal.tooLong");
      expect(result.error.params?.limit).toBe("50,000");
      expect(Number(String(result.error.params?.length).replace(/,/g, ""))).toBeGreaterThan(50_000);
    }
    expect(s.log).toHaveLength(before);
    // The same number of tasks with shorter steps fits, and its snapshot is the cell's text.
    const outcome = expectOk(s.submit({ type: "execution", tasks: Array.from({ length: 250 }, (_, i) => task(i, 1)) }));
    expect(outcome.events[0]?.snapshot.length).toBeLessThanOrEqual(50_000);
  });

  it("refuses a second exclusive request while one is open", () => {
    const s = new Scenario().approvedPlan();
    expectOk(s.submit({ type: "change", plan: validPlan({ budget: 600_000 }) }, OWNER, "More reach"));
    expectRefused(s.submit({ type: "cancellation" }, OWNER, "Stop"), "request_open");
    expectRefused(s.submit({ type: "execution", tasks: validTasks() }), "request_open");
  });

  it("refuses a request type the state does not allow", () => {
    const s = new Scenario();
    expectRefused(s.submit({ type: "execution", tasks: validTasks() }), "illegal_transition");
    expectRefused(s.submit({ type: "cancellation" }, OWNER, "No longer needed"), "illegal_transition");
    s.approvedPlan();
    expectRefused(s.submit({ type: "plan", plan: validPlan() }), "illegal_transition");
  });

  it("refuses when no level covers the amount", () => {
    const capped: RoutingSettings = { levels: [{ approvers: [LEAD], limit: 100 }], delegations: [] };
    const s = new Scenario("C-1", capped);
    expect(s.submit({ type: "plan", plan: validPlan() })).toEqual({
      ok: false,
      error: { kind: "routing", messageKey: "workflow.routing.amountAboveLimits" },
    });
  });

  it("answers a resent submission (same request id) as a duplicate and refuses a reused id", () => {
    const s = new Scenario();
    const input = {
      view: s.view,
      submission: { type: "plan" as const, plan: validPlan() },
      requestId: "R-same",
      eventId: "E-1",
      actor: MARKETER,
      at: AT,
      settings: SETTINGS,
    };
    s.apply(submit(input));
    expect(submit({ ...input, view: s.view, eventId: "E-2" })).toEqual({
      ok: true,
      value: { events: [], duplicate: true },
    });
    const other = submit({ ...input, view: s.view, eventId: "E-3", actor: OWNER });
    expectRefused(other, "invalid_input");
    expect(other.ok ? [] : other.error.issues).toEqual([
      { field: "requestId", messageKey: "workflow.input.requestId.taken" },
    ]);
  });

  it("refuses malformed input from a forged call", () => {
    const s = new Scenario();
    const result = submit({
      view: s.view,
      submission: { type: "plan", plan: validPlan() },
      requestId: "",
      eventId: "E-1",
      actor: "mallory",
      at: "yesterday",
      settings: SETTINGS,
    });
    expectRefused(result, "invalid_input");
    expect(result.ok ? [] : result.error.issues?.map((i) => i.field)).toEqual(["requestId", "actor", "at"]);
  });

  it("needs a reason for change and cancellation requests", () => {
    const s = new Scenario().approvedPlan();
    expectRefused(s.submit({ type: "change", plan: validPlan({ budget: 1 }) }, OWNER, "  "), "reason_required");
    expectRefused(s.submit({ type: "cancellation" }, OWNER), "reason_required");
  });
});

describe("routing across two levels", () => {
  it("needs level 1 then level 2 above level 1's limit", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expect(s.view.openRequest).toMatchObject({ amount: BIG, levels: 2, currentLevel: 1, version: 1 });

    expectRefused(s.decide(DIRECTOR, "approve"), "not_approver");
    const first = expectOk(s.decide(LEAD, "approve", "Looks right"));
    expect(first.events[0]).toMatchObject({ level: 1, fromState: "PlanSubmitted", toState: "PlanSubmitted" });
    expect(s.view.openRequest).toMatchObject({ currentLevel: 2, version: 2 });

    expectRefused(s.decide(LEAD2, "approve"), "not_approver");
    const second = expectOk(s.decide(CFO, "approve"));
    expect(second.events[0]).toMatchObject({ level: 2, toState: "PlanApproved", requestVersion: 3 });
    expect(s.view.state).toBe("PlanApproved");
    expect(s.view.requests[0]?.decisions.map((d) => [d.level, d.actor])).toEqual([
      [1, LEAD],
      [2, CFO],
    ]);
  });

  it("keeps the levels fixed at submission even if the limits change later", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    const raised: RoutingSettings = {
      ...SETTINGS,
      levels: [{ approvers: [LEAD], limit: 10_000_000 }, SETTINGS.levels[1]!],
    };
    const view = s.view;
    const request = view.openRequest!;
    const result = decide({
      view,
      requestId: request.id,
      action: "approve",
      actor: LEAD,
      comment: "",
      seenVersion: 1,
      at: AT,
      eventId: "E-x",
      settings: raised,
    });
    expect(result.ok && result.value.events[0]?.toState).toBe("PlanSubmitted");
  });
});

describe("delegation", () => {
  it("lets the delegate decide within the period and records both people", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expectOk(s.decide(LEAD, "approve"));
    const outcome = expectOk(s.decide(DEPUTY, "approve", "For Dora", IN_LEAVE));
    expect(outcome.events[0]).toMatchObject({ actor: DEPUTY, onBehalfOf: DIRECTOR, level: 2, toState: "PlanApproved" });
    expect(s.view.requests[0]?.decisions[1]).toMatchObject({ actor: DEPUTY, onBehalfOf: DIRECTOR });
  });

  it("refuses the delegate outside the period", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expectOk(s.decide(LEAD, "approve"));
    expectRefused(s.decide(DEPUTY, "approve", "", "2024-05-21T08:00:00+08:00"), "not_approver");
    expectRefused(s.decide(DEPUTY, "approve", "", "2024-05-09T08:00:00+08:00"), "not_approver");
  });

  it("leaves the absent approver able to decide personally", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expectOk(s.decide(LEAD, "approve"));
    expect(expectOk(s.decide(DIRECTOR, "approve", "", IN_LEAVE)).events[0]?.onBehalfOf).toBe("");
  });
});

describe("segregation of duties", () => {
  // The lead is also a marketer here: approvers draft campaigns too.
  it("refuses the submitter deciding their own request", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }, LEAD));
    expectRefused(s.decide(LEAD, "approve"), "own_request");
    expect(s.log).toHaveLength(1);
  });

  it("refuses the campaign owner, also when the owner changed on the row since submission", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ owner: LEAD }) }));
    expectRefused(s.decide(LEAD, "approve"), "own_campaign");

    const t = new Scenario();
    expectOk(t.submit({ type: "plan", plan: validPlan() }));
    const request = t.view.openRequest!;
    const result = decide({
      view: t.view,
      requestId: request.id,
      action: "approve",
      actor: LEAD,
      comment: "",
      seenVersion: 1,
      at: AT,
      eventId: "E-x",
      settings: SETTINGS,
      campaignOwner: "LEE@example.com",
    });
    expectRefused(result, "own_campaign");
  });

  it("refuses one person deciding two levels of the same request", () => {
    const twoHats: RoutingSettings = {
      levels: [
        { approvers: [LEAD, DIRECTOR], limit: 1_000_000 },
        { approvers: [DIRECTOR, CFO], limit: null },
      ],
      delegations: [],
    };
    const s = new Scenario("C-1", twoHats);
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expectOk(s.decide(DIRECTOR, "approve"));
    expectRefused(s.decide(DIRECTOR, "approve"), "second_level");
    expectOk(s.decide(CFO, "approve"));
  });

  it("refuses a second level through delegation, in both directions", () => {
    // Lee decided level 1 and is Dora's delegate for level 2.
    const leeStandsIn: RoutingSettings = {
      ...SETTINGS,
      delegations: [{ approver: DIRECTOR, delegate: LEAD, from: "2024-05-01", to: "2024-05-31" }],
    };
    const s = new Scenario("C-1", leeStandsIn);
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expectOk(s.decide(LEAD, "approve"));
    expectRefused(s.decide(LEAD, "approve", "", IN_LEAVE), "second_level");

    // Deng decided level 1 for Dora; Dora may not then decide level 2 herself.
    const doraOnBoth: RoutingSettings = {
      levels: [
        { approvers: [DIRECTOR], limit: 1_000_000 },
        { approvers: [DIRECTOR, CFO], limit: null },
      ],
      delegations: SETTINGS.delegations,
    };
    const t = new Scenario("C-2", doraOnBoth);
    expectOk(t.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expect(expectOk(t.decide(DEPUTY, "approve", "", IN_LEAVE)).events[0]?.onBehalfOf).toBe(DIRECTOR);
    expectRefused(t.decide(DIRECTOR, "approve", "", IN_LEAVE), "second_level");
    expectRefused(t.decide(DEPUTY, "approve", "", IN_LEAVE), "second_level");
  });

  it("refuses a delegate standing in for the submitter, and a submitter standing in for an approver", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }, DIRECTOR));
    expectOk(s.decide(LEAD, "approve"));
    expectRefused(s.decide(DEPUTY, "approve", "", IN_LEAVE), "own_request");

    const t = new Scenario("C-2");
    expectOk(t.submit({ type: "plan", plan: validPlan({ budget: BIG }) }, DEPUTY));
    expectOk(t.decide(LEAD, "approve"));
    expectRefused(t.decide(DEPUTY, "approve", "", IN_LEAVE), "own_request");
    expectOk(t.decide(CFO, "approve"));
  });

  it("uses another standing of the same person when one is barred", () => {
    // Deng stands in for Dora (who submitted) and for Chen: only the second is allowed.
    const double: RoutingSettings = {
      ...SETTINGS,
      delegations: [
        { approver: DIRECTOR, delegate: DEPUTY, from: "2024-05-01", to: "2024-05-31" },
        { approver: CFO, delegate: DEPUTY, from: "2024-05-01", to: "2024-05-31" },
      ],
    };
    const s = new Scenario("C-1", double);
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }, DIRECTOR));
    expectOk(s.decide(LEAD, "approve"));
    expect(expectOk(s.decide(DEPUTY, "approve", "", IN_LEAVE)).events[0]?.onBehalfOf).toBe(CFO);
  });

  it("refuses someone who is no approver at all", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    expect(s.decide("eve@example.com", "approve")).toEqual({
      ok: false,
      error: { kind: "not_approver", messageKey: "workflow.refusal.notApprover", params: { level: 1 } },
    });
  });
});

describe("reject and request changes", () => {
  it.each(["reject", "request_changes"] as const)("%s needs a non-blank comment", (action) => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    expectRefused(s.decide(LEAD, action, ""), "comment_required");
    expectRefused(s.decide(LEAD, action, " \n "), "comment_required");
    expect(s.log).toHaveLength(1);
  });

  it.each(["reject", "request_changes"] as const)("%s returns a plan to Draft with the comment", (action) => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    expectOk(s.decide(LEAD, "approve"));
    const outcome = expectOk(s.decide(CFO, action, "Budget too high"));
    expect(outcome.events[0]).toMatchObject({
      fromState: "PlanSubmitted",
      toState: "Draft",
      comment: "Budget too high",
      level: 2,
      snapshot: "",
    });
    expect(s.view.state).toBe("Draft");
    expect(s.view.requests[0]?.status).toBe(action === "reject" ? "rejected" : "changes_requested");
    expect(s.view.approvedPlan).toBeNull();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
  });

  it("returns a rejected execution plan to PlanApproved", () => {
    const s = new Scenario().approvedPlan();
    expectOk(s.submit({ type: "execution", tasks: validTasks() }));
    expect(s.view.state).toBe("ExecutionSubmitted");
    expectOk(s.decide(LEAD2, "request_changes", "Add a review step"));
    expect(s.view.state).toBe("PlanApproved");
    expect(s.view.approvedPlan).not.toBeNull();
  });

  it("approves without a comment", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    expect(expectOk(s.decide(LEAD, "approve")).events[0]?.comment).toBe("");
  });
});

describe("stale and repeated decisions", () => {
  function twoLevelRequest() {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: BIG }) }));
    return s;
  }

  it("refuses a decision made on a version that has moved on", () => {
    const s = twoLevelRequest();
    const seen = s.view;
    const request = seen.openRequest!;
    expectOk(s.decide(LEAD, "approve"));
    // Lin opened the request at version 1 and clicks approve after Lee's decision.
    const late = decide({
      view: s.view,
      requestId: request.id,
      action: "approve",
      actor: LEAD2,
      comment: "",
      seenVersion: 1,
      at: AT,
      eventId: "E-late",
      settings: SETTINGS,
    });
    expect(late).toEqual({
      ok: false,
      error: { kind: "stale", messageKey: "workflow.refusal.stale", params: { version: 2 } },
    });
  });

  it("refuses a decision on a withdrawn request and on a version never shown", () => {
    const s = twoLevelRequest();
    const request = s.view.openRequest!;
    const base = {
      requestId: request.id,
      action: "approve" as const,
      actor: LEAD,
      comment: "",
      at: AT,
      eventId: "E-y",
      settings: SETTINGS,
    };
    expectRefused(decide({ ...base, view: s.view, seenVersion: 7 }), "stale");
    expectOk(
      s.apply(
        withdraw({ view: s.view, requestId: request.id, actor: MARKETER, seenVersion: 1, at: AT, eventId: "E-w" }),
      ),
    );
    expectRefused(decide({ ...base, view: s.view, seenVersion: 1 }), "stale");
    expectRefused(decide({ ...base, view: s.view, requestId: "R-none", seenVersion: 1 }), "unknown_request");
  });

  it("writes one event when the same decision arrives twice", () => {
    const s = twoLevelRequest();
    const view = s.view;
    const input = {
      view,
      requestId: view.openRequest!.id,
      action: "approve" as const,
      actor: LEAD,
      comment: "ok",
      seenVersion: 1,
      at: AT,
      eventId: "E-a",
      settings: SETTINGS,
    };
    expectOk(s.apply(decide(input)));
    const again = s.apply(decide({ ...input, view: s.view, eventId: "E-b" }));
    expect(again).toEqual({ ok: true, value: { events: [], duplicate: true } });
    expect(s.log).toHaveLength(2);
    // A different answer on the same version is not a repeat: it is late.
    expectRefused(decide({ ...input, view: s.view, action: "reject", eventId: "E-c" }), "stale");
  });

  it("recognises the repeat of a final decision after the request closed", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    const view = s.view;
    const input = {
      view,
      requestId: view.openRequest!.id,
      action: "approve" as const,
      actor: LEAD,
      comment: "",
      seenVersion: 1,
      at: AT,
      eventId: "E-a",
      settings: SETTINGS,
    };
    expectOk(s.apply(decide(input)));
    expect(decide({ ...input, view: s.view })).toEqual({ ok: true, value: { events: [], duplicate: true } });
  });

  it("lets only one of two approvers racing on the same version decide", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    const view = s.view;
    const input = (actor: string, eventId: string) => ({
      view: s.view,
      requestId: view.openRequest!.id,
      action: "approve" as const,
      actor,
      comment: "",
      seenVersion: 1,
      at: AT,
      eventId,
      settings: SETTINGS,
    });
    expectOk(s.apply(decide(input(LEAD, "E-1"))));
    expectRefused(s.apply(decide(input(LEAD2, "E-2"))), "stale");
    expect(s.log.filter((e) => e.action === "approve")).toHaveLength(1);
  });
});

describe("withdraw", () => {
  it("lets the submitter take a request back and nobody else", () => {
    const s = new Scenario().approvedPlan();
    expectOk(s.submit({ type: "execution", tasks: validTasks() }));
    const request = s.view.openRequest!;
    const base = { requestId: request.id, seenVersion: 1, at: AT, eventId: "E-w" };
    expectRefused(withdraw({ ...base, view: s.view, actor: OWNER }), "not_submitter");
    const outcome = expectOk(s.apply(withdraw({ ...base, view: s.view, actor: MARKETER, comment: "Wrong dates" })));
    expect(outcome.events[0]).toMatchObject({
      action: "cancel_request",
      toState: "PlanApproved",
      requestVersion: 2,
      level: 0,
    });
    expect(s.view.requests[1]?.status).toBe("withdrawn");
  });
});

describe("lifecycle through the commands", () => {
  function op(s: Scenario, operation: "discard" | "start" | "complete", actor = OWNER) {
    return s.apply(operate({ view: s.view, operation, actor, at: AT, eventId: s.nextId("E") }));
  }

  it("runs Draft -> PlanSubmitted -> PlanApproved -> ExecutionSubmitted -> Ready -> InProgress -> Completed -> Closed", () => {
    const s = new Scenario();
    const states = [s.view.state];
    const step = (result: ReturnType<Scenario["submit"]>) => {
      expectOk(result);
      states.push(s.view.state);
    };
    step(s.submit({ type: "plan", plan: validPlan() }));
    step(s.decide(LEAD, "approve"));
    step(s.submit({ type: "execution", tasks: validTasks() }));
    step(s.decide(LEAD2, "approve"));
    step(op(s, "start"));
    step(op(s, "complete"));
    step(s.submit({ type: "summary", amount: 500_000, data: { met: true } }, OWNER));
    step(s.decide(LEAD, "approve"));
    expect(states).toEqual([
      "Draft",
      "PlanSubmitted",
      "PlanApproved",
      "ExecutionSubmitted",
      "Ready",
      "InProgress",
      "Completed",
      "Completed",
      "Closed",
    ]);
    expect(s.view.approvedExecution?.tasks).toHaveLength(2);
    expectRefused(op(s, "start"), "illegal_transition");
    expect(foldEvents(s.log).anomalies).toEqual([]);
  });

  it("answers the same operation sent again by its author as a duplicate, and refuses it from anyone else", () => {
    const s = new Scenario().ready();
    expectOk(op(s, "start"));
    // A retry after the start was logged but its answer lost: nothing more to write.
    expect(operate({ view: s.view, operation: "start", actor: OWNER, at: AT, eventId: s.nextId("E") })).toEqual({
      ok: true,
      value: { events: [], duplicate: true },
    });
    expectRefused(op(s, "start", LEAD), "illegal_transition");
    expect(s.view.state).toBe("InProgress");
  });

  it("discards a draft only", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    expectRefused(op(s, "discard"), "illegal_transition");
    expectOk(s.decide(LEAD, "request_changes", "Sharper goals"));
    expectOk(op(s, "discard"));
    expect(s.view.state).toBe("Cancelled");
    expectRefused(s.submit({ type: "plan", plan: validPlan() }), "illegal_transition");
  });

  it("keeps the approved plan in force while a change waits, and replaces it on approval", () => {
    const s = new Scenario().ready();
    const approved = s.view.approvedPlan;
    expectRefused(s.submit({ type: "change", plan: validPlan() }, OWNER, "Nothing really"), "no_change");
    expectOk(s.submit({ type: "change", plan: validPlan({ budget: BIG }) }, OWNER, "Add a fourth city"));
    // Routed by the larger of old and new budget: two levels.
    expect(s.view.openRequest).toMatchObject({ type: "change", levels: 2 });
    expect(s.view.state).toBe("Ready");
    expect(s.view.approvedPlan).toEqual(approved);
    expectOk(op(s, "start"));
    expectOk(s.decide(LEAD, "approve"));
    expect(s.view.approvedPlan?.budget).toBe(500_000);
    expectOk(s.decide(DIRECTOR, "approve"));
    expect(s.view.state).toBe("InProgress");
    expect(s.view.approvedPlan?.budget).toBe(BIG);
  });

  it("leaves the campaign as it was when a change is rejected", () => {
    const s = new Scenario().ready();
    expectOk(s.submit({ type: "change", plan: validPlan({ end: "2024-07-15" }) }, OWNER, "Extend"));
    expectOk(s.decide(LEAD, "reject", "Keep the window"));
    expect(s.view.state).toBe("Ready");
    expect(s.view.approvedPlan?.end).toBe("2024-06-30");
  });

  it.each(["PlanApproved", "Ready", "InProgress"] as const)("cancels from %s only once approved", (state) => {
    const s = new Scenario().approvedPlan();
    if (state !== "PlanApproved") {
      expectOk(s.submit({ type: "execution", tasks: validTasks() }));
      expectOk(s.decide(LEAD, "approve"));
    }
    if (state === "InProgress") expectOk(op(s, "start"));
    expect(s.view.state).toBe(state);
    expectOk(s.submit({ type: "cancellation" }, OWNER, "Product recalled"));
    expect(s.view.state).toBe(state);
    expectRefused(op(s, "complete"), state === "InProgress" ? "request_open" : "illegal_transition");
    expectOk(s.decide(LEAD, "approve"));
    expect(s.view.state).toBe("Cancelled");
  });

  it("keeps the campaign running when a cancellation is rejected", () => {
    const s = new Scenario().ready();
    expectOk(s.submit({ type: "cancellation" }, OWNER, "Budget cut"));
    expectOk(s.decide(LEAD, "reject", "Go ahead"));
    expect(s.view.state).toBe("Ready");
    expect(s.view.openRequest).toBeNull();
  });

  it("lets a budget overrun run beside an exclusive request", () => {
    const s = new Scenario().ready();
    expectOk(s.submit({ type: "change", plan: validPlan({ place: "Online" }) }, OWNER, "Move online"));
    expectOk(s.submit({ type: "budget_overrun", amount: 30_000, data: { expenseId: "X-9" } }, OWNER));
    expect(s.view.openRequests.map((r) => r.type)).toEqual(["change", "budget_overrun"]);
    expect(s.view.openRequest?.type).toBe("change");
    expectRefused(s.submit({ type: "reimbursement", amount: -5, data: null }, OWNER), "invalid_input");
  });

  it("refuses an execution plan whose tasks run past the approved end, with the issues", () => {
    const s = new Scenario().approvedPlan();
    const result = s.submit({ type: "execution", tasks: [{ ...validTasks()[0], due: "2024-07-02" }] });
    expect(result.ok ? [] : result.error.issues?.map((i) => i.messageKey)).toEqual([
      "workflow.execution.task.due.afterCampaignEnd",
    ]);
  });

  it("names the open request that blocks completion", () => {
    const s = new Scenario().ready();
    expectOk(op(s, "start"));
    expectOk(s.submit({ type: "change", plan: validPlan({ content: "More video" }) }, OWNER, "Video works"));
    const result = op(s, "complete");
    expect(result.ok ? null : result.error.params).toEqual({ requestId: s.view.openRequest?.id });
  });
});
