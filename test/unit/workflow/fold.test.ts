// The fold: a campaign's state, requests, approved snapshots and history come only from its events; laws checked on seeded random logs.

import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_STATES,
  emptyCampaign,
  foldCampaign,
  foldEvents,
  type LogEntry,
  REQUEST_RULES,
} from "../../../src/domain/workflow";
import { CFO, expectOk, LEAD, MARKETER, OWNER, Scenario, validPlan } from "./fixtures";
import { simulate } from "./simulate";

describe("fold", () => {
  it("starts every campaign as a Draft with nothing approved", () => {
    expect(foldCampaign([], "C-new")).toEqual(emptyCampaign("C-new"));
    expect(emptyCampaign("C-new")).toMatchObject({ state: "Draft", openRequest: null, approvedPlan: null, owner: "" });
  });

  it("shows the open request with its levels decided and by whom", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan({ budget: 2_000_000 }) }, MARKETER, "First draft"));
    expectOk(s.decide(LEAD, "approve", "Level one ok"));
    const view = s.view;
    expect(view.openRequest).toMatchObject({
      type: "plan",
      status: "open",
      version: 2,
      amount: 2_000_000,
      levels: 2,
      currentLevel: 2,
      owner: OWNER,
      submittedBy: MARKETER,
      comment: "First draft",
      decisions: [{ level: 1, action: "approve", actor: LEAD, onBehalfOf: "", comment: "Level one ok" }],
    });
    expect(view.owner).toBe(OWNER);
    expect(view.history.map((e) => e.action)).toEqual(["submit", "approve"]);
    expect(view.approvedPlan).toBeNull();
    expectOk(s.decide(CFO, "approve"));
    expect(s.view.approvedPlan).toMatchObject({ budget: 2_000_000, start: "2024-06-01", end: "2024-06-30" });
    expect(s.view.openRequest).toBeNull();
    expect(s.view.requests[0]).toMatchObject({ status: "approved", currentLevel: 0 });
  });

  it("skips and reports events that do not fit the history, and folds the rest", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    const [first] = s.log as [LogEntry];
    const submitted: LogEntry = { ...first, fromState: "PlanSubmitted" };
    const forged: LogEntry[] = [
      {
        ...submitted,
        id: "X-1",
        action: "start",
        requestId: "",
        requestType: "",
        requestVersion: 0,
        fromState: "Ready",
        toState: "InProgress",
      },
      {
        ...submitted,
        id: "X-2",
        action: "approve",
        requestId: "R-ghost",
        requestVersion: 2,
        level: 1,
        toState: "PlanApproved",
      },
      { ...submitted, id: "X-3", action: "approve", requestVersion: 3, level: 1, toState: "PlanApproved" },
      { ...submitted, id: "X-4", action: "approve", requestVersion: 2, level: 2, toState: "PlanApproved" },
      {
        ...submitted,
        id: "X-5",
        action: "approve",
        requestVersion: 2,
        level: 1,
        toState: "PlanApproved",
        snapshot: "{}",
      },
      { ...submitted, id: "X-6", action: "approve", requestVersion: 2, level: 1, toState: "Closed" },
      { ...submitted, id: "X-7", toState: "PlanSubmitted", action: "submit", requestVersion: 1 },
      {
        ...submitted,
        id: "X-8",
        action: "approve",
        requestType: "execution",
        requestVersion: 2,
        level: 1,
        toState: "PlanApproved",
      },
      { ...submitted, id: "X-9", requestId: "R-2", requestType: "change" },
      { ...submitted, id: "X-10", action: "complete", toState: "Completed" },
    ];
    const result = foldEvents([...s.log, ...forged]);
    expect(result.anomalies.map((a) => [a.row, a.eventId, a.reason])).toEqual([
      [2, "X-1", "state_mismatch"],
      [3, "X-2", "unknown_request"],
      [4, "X-3", "version"],
      [5, "X-4", "level"],
      [6, "X-5", "snapshot"],
      [7, "X-6", "illegal_transition"],
      [8, "X-7", "duplicate_request"],
      [9, "X-8", "type_mismatch"],
      [10, "X-9", "request_open"],
      [11, "X-10", "shape"],
    ]);
    expect(result.anomalies[0]?.messageKey).toBe("workflow.fold.eventIgnored");
    expect(result.campaigns.get("C-1")).toEqual(s.view);
  });

  it("rejects a submit whose snapshot does not hold a payload of its type", () => {
    const s = new Scenario();
    expectOk(s.submit({ type: "plan", plan: validPlan() }));
    const [submitted] = s.log as [LogEntry];
    const envelope = JSON.parse(submitted.snapshot);
    const wrongPayload = { ...submitted, snapshot: JSON.stringify({ ...envelope, data: { tasks: [] } }) };
    const notJson = { ...submitted, snapshot: "{not json" };
    const noLevels = { ...submitted, snapshot: JSON.stringify({ ...envelope, levels: 0 }) };
    for (const bad of [wrongPayload, notJson, noLevels]) {
      expect(foldEvents([bad]).anomalies.map((a) => a.reason)).toEqual(["snapshot"]);
    }
  });
});

describe("fold laws on seeded random logs", () => {
  const seeds = Array.from({ length: 25 }, (_, i) => 1000 + i * 7919);

  it.each(seeds)("seed %i: the engine's own log folds without anomalies, deterministically", (seed) => {
    const { log } = simulate(seed, 120);
    expect(log.length).toBeGreaterThan(0);
    const first = foldEvents(log);
    expect(first.anomalies).toEqual([]);
    expect(foldEvents(structuredClone(log))).toEqual(first);
  });

  it.each(seeds)("seed %i: each campaign folds the same alone as interleaved with others", (seed) => {
    const { log, campaigns } = simulate(seed, 120);
    const all = foldEvents(log).campaigns;
    for (const id of campaigns) {
      const own = log.filter((e) => e.entityId === id);
      expect(foldCampaign(own, id)).toEqual(all.get(id) ?? foldCampaign([], id));
      const last = own[own.length - 1];
      expect(foldCampaign(own, id).state).toBe(last?.toState ?? "Draft");
    }
  });

  it.each(seeds)("seed %i: segregation of duties and exclusivity hold in every state reached", (seed) => {
    const { log } = simulate(seed, 160);
    for (const view of foldEvents(log).campaigns.values()) {
      expect(CAMPAIGN_STATES).toContain(view.state);
      expect(view.openRequests.filter((r) => REQUEST_RULES[r.type].exclusive).length).toBeLessThanOrEqual(1);
      for (const request of view.requests) {
        const people = request.decisions.flatMap((d) => [d.actor, d.onBehalfOf].filter((p) => p !== ""));
        const perLevel = request.decisions.map((d) => new Set([d.actor, d.onBehalfOf].filter((p) => p !== "")));
        // Nobody appears at two levels, and neither submitter nor owner decides.
        expect(perLevel.reduce((n, set) => n + set.size, 0)).toBe(new Set(people).size);
        expect(people).not.toContain(request.submittedBy);
        expect(people).not.toContain(request.owner);
        expect(request.decisions.map((d) => d.level)).toEqual(request.decisions.map((_, i) => i + 1));
      }
    }
  });

  it("reaches decisions in the random walks (the laws above are not vacuous)", () => {
    const actions = new Set(seeds.flatMap((seed) => simulate(seed, 160).log.map((e) => e.action)));
    expect([...actions].sort()).toEqual(
      ["approve", "cancel_request", "complete", "discard", "reject", "request_changes", "start", "submit"].sort(),
    );
  });
});
