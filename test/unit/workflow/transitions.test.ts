// Every cell of the transition table: each (state, request type, move) is either the one legal target state or a typed refusal.

import { describe, expect, it } from "vitest";
import {
  CAMPAIGN_STATES,
  type CampaignState,
  type Move,
  moveOf,
  nextState,
  REQUEST_TYPES,
  TERMINAL_STATES,
  TRANSITIONS,
} from "../../../src/domain/workflow";

const MOVES: readonly Move[] = [
  "submit",
  "approve_level",
  "approve_final",
  "reject",
  "request_changes",
  "cancel_request",
  "discard",
  "start",
  "complete",
];

// Written out independently of the engine's table, from the process description.
const LEGAL: Record<string, CampaignState> = {
  "Draft|plan|submit": "PlanSubmitted",
  "PlanSubmitted|plan|approve_level": "PlanSubmitted",
  "PlanSubmitted|plan|approve_final": "PlanApproved",
  "PlanSubmitted|plan|reject": "Draft",
  "PlanSubmitted|plan|request_changes": "Draft",
  "PlanSubmitted|plan|cancel_request": "Draft",
  "PlanApproved|execution|submit": "ExecutionSubmitted",
  "ExecutionSubmitted|execution|approve_level": "ExecutionSubmitted",
  "ExecutionSubmitted|execution|approve_final": "Ready",
  "ExecutionSubmitted|execution|reject": "PlanApproved",
  "ExecutionSubmitted|execution|request_changes": "PlanApproved",
  "ExecutionSubmitted|execution|cancel_request": "PlanApproved",
  "Draft||discard": "Cancelled",
  "Ready||start": "InProgress",
  "InProgress||complete": "Completed",
  "Completed|summary|submit": "Completed",
  "Completed|summary|approve_level": "Completed",
  "Completed|summary|approve_final": "Closed",
  "Completed|summary|reject": "Completed",
  "Completed|summary|request_changes": "Completed",
  "Completed|summary|cancel_request": "Completed",
};
const SAME_STATE_MOVES: readonly Move[] = [
  "submit",
  "approve_level",
  "approve_final",
  "reject",
  "request_changes",
  "cancel_request",
];
// Change and cancellation from any approved state; the approved plan stays in force while they wait.
for (const state of ["PlanApproved", "Ready", "InProgress"] as const) {
  for (const move of SAME_STATE_MOVES) {
    LEGAL[`${state}|change|${move}`] = state;
    LEGAL[`${state}|cancellation|${move}`] = move === "approve_final" ? "Cancelled" : state;
  }
}
for (const state of ["PlanApproved", "Ready", "InProgress", "Completed"] as const) {
  for (const move of SAME_STATE_MOVES) LEGAL[`${state}|budget_overrun|${move}`] = state;
}
for (const state of ["Ready", "InProgress", "Completed"] as const) {
  for (const move of SAME_STATE_MOVES) LEGAL[`${state}|reimbursement|${move}`] = state;
}

describe("transition table", () => {
  const cells = CAMPAIGN_STATES.flatMap((from) =>
    ["" as const, ...REQUEST_TYPES].flatMap((requestType) => MOVES.map((move) => ({ from, requestType, move }))),
  );

  it.each(cells)("$from + $requestType $move", ({ from, requestType, move }) => {
    const expected = LEGAL[`${from}|${requestType}|${move}`];
    const result = nextState(from, requestType, move);
    if (expected === undefined) {
      expect(result).toEqual({
        ok: false,
        error: {
          kind: "illegal_transition",
          messageKey: "workflow.refusal.illegalTransition",
          from,
          requestType,
          move,
        },
      });
    } else {
      expect(result).toEqual({ ok: true, value: expected });
    }
  });

  it("lists exactly the legal moves, once each", () => {
    const listed = TRANSITIONS.map((t) => `${t.from}|${t.requestType}|${t.move}`);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(LEGAL).sort());
  });

  it("has Closed and Cancelled as its only dead ends", () => {
    expect([...TERMINAL_STATES].sort()).toEqual(["Cancelled", "Closed"]);
  });

  it("reaches every state from Draft", () => {
    const reached = new Set<CampaignState>(["Draft"]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (reached.has(t.from) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CAMPAIGN_STATES].sort());
  });

  it("treats an approval as final only at the request's last level", () => {
    expect(moveOf("approve", 1, 2)).toBe("approve_level");
    expect(moveOf("approve", 2, 2)).toBe("approve_final");
    expect(moveOf("approve", 1, 1)).toBe("approve_final");
    expect(moveOf("reject", 1, 2)).toBe("reject");
    expect(moveOf("start", 0, 0)).toBe("start");
  });
});
