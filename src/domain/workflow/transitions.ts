// The one transition table of a campaign: which request or operation may move it from which state to which.

import type { WorkflowMessageKey } from "./messages";
import type { Action, CampaignState, ExpenseAction, Operation, PeriodAction, RequestType } from "./model";
import { CAMPAIGN_STATES, REQUEST_TYPES } from "./model";
import { err, ok, type Result } from "./result";

/**
 * How a request type moves the campaign. `whileOpen` is the state shown while the request waits (null: the
 * campaign keeps its state, e.g. a change request leaves an approved plan in force); `onApprove` follows the
 * last level's approval; `onReturn` follows reject, request_changes and withdrawal (null: state unchanged).
 * An exclusive request blocks every other exclusive request of the campaign until it is closed; budget
 * overruns and reimbursements may run side by side.
 */
export interface RequestRule {
  readonly exclusive: boolean;
  readonly submitFrom: readonly CampaignState[];
  readonly whileOpen: CampaignState | null;
  readonly onApprove: CampaignState | null;
  readonly onReturn: CampaignState | null;
}

const APPROVED: readonly CampaignState[] = ["PlanApproved", "Ready", "InProgress"];

/** A rule whose request leaves the campaign's state as it is, except where `moves` says otherwise. */
function requestRule(
  exclusive: boolean,
  submitFrom: readonly CampaignState[],
  moves: Partial<Pick<RequestRule, "whileOpen" | "onApprove" | "onReturn">> = {},
): RequestRule {
  return { exclusive, submitFrom, whileOpen: null, onApprove: null, onReturn: null, ...moves };
}

export const REQUEST_RULES: { readonly [T in RequestType]: RequestRule } = {
  plan: requestRule(true, ["Draft"], { whileOpen: "PlanSubmitted", onApprove: "PlanApproved", onReturn: "Draft" }),
  execution: requestRule(true, ["PlanApproved"], {
    whileOpen: "ExecutionSubmitted",
    onApprove: "Ready",
    onReturn: "PlanApproved",
  }),
  change: requestRule(true, APPROVED),
  cancellation: requestRule(true, APPROVED, { onApprove: "Cancelled" }),
  budget_overrun: requestRule(false, [...APPROVED, "Completed"]),
  reimbursement: requestRule(false, ["Ready", "InProgress", "Completed"]),
  summary: requestRule(true, ["Completed"], { onApprove: "Closed" }),
};

/** Moves without approval. complete is also refused while an exclusive request is open (see commands). */
export const OPERATION_RULES: {
  readonly [O in Operation]: { readonly from: CampaignState; readonly to: CampaignState };
} = {
  discard: { from: "Draft", to: "Cancelled" },
  start: { from: "Ready", to: "InProgress" },
  complete: { from: "InProgress", to: "Completed" },
};

/**
 * The table's key: an approval is either of an intermediate level (the request moves to the next level) or of
 * the last level (the request is approved), and the two move the campaign differently.
 */
export type Move =
  | "submit"
  | "approve_level"
  | "approve_final"
  | "reject"
  | "request_changes"
  | "cancel_request"
  | Operation;

export interface Transition {
  readonly from: CampaignState;
  readonly requestType: RequestType | "";
  readonly move: Move;
  readonly to: CampaignState;
}

function buildTable(): readonly Transition[] {
  const rows: Transition[] = [];
  for (const requestType of REQUEST_TYPES) {
    const rule = REQUEST_RULES[requestType];
    for (const from of rule.submitFrom) {
      const open = rule.whileOpen ?? from;
      rows.push({ from, requestType, move: "submit", to: open });
      // With whileOpen set, the decisions are listed once below; otherwise the request is decided in the
      // state the campaign is in at that moment, any of submitFrom.
      if (rule.whileOpen !== null) continue;
      rows.push(...decisionRows(requestType, from, rule));
    }
    if (rule.whileOpen !== null) rows.push(...decisionRows(requestType, rule.whileOpen, rule));
  }
  for (const [move, { from, to }] of Object.entries(OPERATION_RULES) as [
    Operation,
    { from: CampaignState; to: CampaignState },
  ][]) {
    rows.push({ from, requestType: "", move, to });
  }
  return rows;
}

function decisionRows(requestType: RequestType, open: CampaignState, rule: RequestRule): Transition[] {
  const back = rule.onReturn ?? open;
  const to: { readonly [M in Exclude<Move, "submit" | Operation>]: CampaignState } = {
    approve_level: open,
    approve_final: rule.onApprove ?? open,
    reject: back,
    request_changes: back,
    cancel_request: back,
  };
  return Object.entries(to).map(([move, state]) => ({ from: open, requestType, move: move as Move, to: state }));
}

/** Every legal move, flattened: the single source the engine, the fold and the docs read. */
export const TRANSITIONS: readonly Transition[] = buildTable();

const INDEX = new Map<string, CampaignState>(TRANSITIONS.map((t) => [keyOf(t.from, t.requestType, t.move), t.to]));

function keyOf(from: CampaignState, requestType: RequestType | "", move: Move): string {
  return `${from}|${requestType}|${move}`;
}

export interface IllegalTransition {
  readonly kind: "illegal_transition";
  readonly messageKey: WorkflowMessageKey;
  readonly from: CampaignState;
  readonly requestType: RequestType | "";
  readonly move: Move;
}

/** The state after a move, or a typed error when the table has no such row. */
export function nextState(
  from: CampaignState,
  requestType: RequestType | "",
  move: Move,
): Result<CampaignState, IllegalTransition> {
  const to = INDEX.get(keyOf(from, requestType, move));
  if (to === undefined) {
    return err({
      kind: "illegal_transition",
      messageKey: "workflow.refusal.illegalTransition",
      from,
      requestType,
      move,
    });
  }
  return ok(to);
}

/** The table key of a logged action: an approval is final when it decides the request's last level. */
export function moveOf(action: Exclude<Action, PeriodAction | ExpenseAction>, level: number, levels: number): Move {
  if (action === "approve") return level >= levels ? "approve_final" : "approve_level";
  return action;
}

/** States with no way out: nothing is submitted or decided for them any more. */
export const TERMINAL_STATES: readonly CampaignState[] = CAMPAIGN_STATES.filter(
  (state) => !TRANSITIONS.some((t) => t.from === state),
);
