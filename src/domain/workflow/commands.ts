// The commands: submit, decide, withdraw and operate turn a folded campaign plus one person's intent into new log entries, or a typed refusal.

import * as z from "zod/mini";
import { isNumber, max } from "../builtins";
import { BRANDED, type BrandCheck, brandChecks, sealedBrandChecks } from "./brand";
import { type CampaignView, envelopeText, type RequestView } from "./fold";
import { canonicalJson, type JsonValue } from "./json";
import type { MessageParams, WorkflowMessageKey } from "./messages";
import {
  type CampaignState,
  DECISIONS,
  type Decision,
  EmailSchema,
  IsoInstantSchema,
  LOG_CELL_LIMIT,
  type LogEntry,
  normalizeEmail,
  OPERATIONS,
  type Operation,
  type RequestType,
} from "./model";
import { checkExecution, checkPlan, type Finding, type PlanCheckOptions, type PlanDraft, type TaskDraft } from "./plan";
import { err, type Issue, ok, type Result } from "./result";
import { type Authority, authoritiesOf, type RoutingSettings, requiredLevels } from "./routing";
import { diffSnapshot, executionSnapshot, type PlanSnapshot, planSnapshot } from "./snapshot";
import { type Move, moveOf, nextState, REQUEST_RULES } from "./transitions";
import { isMinorUnits, readText } from "./values";

export const REFUSAL_KINDS = [
  "invalid_input",
  "illegal_transition",
  "request_open",
  "unknown_request",
  "stale",
  "own_request",
  "own_campaign",
  "second_level",
  "not_approver",
  "comment_required",
  "reason_required",
  "incomplete",
  "no_change",
  "not_submitter",
  "no_approved_plan",
  "routing",
  "too_long",
  "brand_unconfirmed",
] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** Why nothing was written. issues lists per-field problems (incomplete submissions, malformed input). */
export interface Refusal {
  readonly kind: RefusalKind;
  readonly messageKey: WorkflowMessageKey;
  readonly params?: MessageParams;
  readonly issues?: readonly Issue[];
}

/** Entries to seal and append, in order. duplicate: the same command was already applied; nothing to write. */
export interface Outcome {
  readonly events: readonly LogEntry[];
  readonly duplicate: boolean;
}

export type CommandResult = Result<Outcome, Refusal>;

type Camel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/**
 * A refusal's message: `workflow.refusal.<kind in camel case>` (too_long: tooLong), routing's own key aside. The
 * cast names every key this can give, so a kind without its message does not compile.
 */
function messageOf(kind: RefusalKind): WorkflowMessageKey {
  if (kind === "routing") return "workflow.routing.noLevels";
  return `workflow.refusal.${kind.replace(/_(.)/g, (_, c: string) => c.toUpperCase())}` as `workflow.refusal.${Camel<typeof kind>}`;
}

function refuse(
  kind: RefusalKind,
  extra: { params?: MessageParams; issues?: readonly Issue[]; messageKey?: WorkflowMessageKey } = {},
): { readonly ok: false; readonly error: Refusal } {
  return err({ kind, messageKey: extra.messageKey ?? messageOf(kind), ...extra });
}

/** The fields of a command's one log entry that differ from an operation's (no request, level or snapshot). */
type EntryFields = Pick<LogEntry, "action" | "toState" | "comment"> &
  Partial<Pick<LogEntry, "onBehalfOf" | "requestId" | "requestType" | "requestVersion" | "level" | "snapshot">>;

/** The command's one entry, in the log's field order. */
function written(
  view: CampaignView,
  input: { readonly eventId: string; readonly at: string; readonly actor: string },
  fields: EntryFields,
): CommandResult {
  const { action, toState, comment, ...request } = fields;
  const entry: LogEntry = {
    id: input.eventId,
    at: input.at,
    actor: normalizeEmail(input.actor),
    onBehalfOf: "",
    entityType: "campaign",
    entityId: view.id,
    requestId: "",
    requestType: "",
    requestVersion: 0,
    action,
    fromState: view.state,
    toState,
    level: 0,
    comment,
    snapshot: "",
    ...request,
  };
  return ok({ events: [entry], duplicate: false });
}

const DUPLICATE: CommandResult = ok({ events: [], duplicate: true });

const nonEmpty = z.string().check(z.minLength(1));

/** The fields every command's input has, checked by each command's schema. */
const ENTRY_FIELDS = { eventId: nonEmpty, actor: EmailSchema, at: IsoInstantSchema, comment: z.string() };
/** What a decision or a withdrawal adds: the request answered and the version its author saw. */
const ANSWER_FIELDS = { requestId: nonEmpty, seenVersion: z.int().check(z.minimum(1)), ...ENTRY_FIELDS };

/**
 * The same checks the server's RPC layer makes, repeated here because every top-level function is callable
 * from a browser console: the engine must not depend on the caller having validated.
 */
function validate(
  schema: z.ZodMiniType,
  input: { readonly actor: string; readonly comment?: string },
): Result<{ readonly actor: string; readonly comment: string }, Refusal> {
  // The actor and the comment as the log keeps them.
  const who = { actor: normalizeEmail(input.actor), comment: readText(input.comment) };
  const parsed = schema.safeParse({ ...input, ...who });
  if (parsed.success) return ok(who);
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    messageKey: "workflow.input.invalid",
  }));
  return refuse("invalid_input", { issues });
}

/** The state a move leads to, or the refusal that names the state and the action the table has no row for. */
function moved(
  view: CampaignView,
  requestType: RequestType | "",
  move: Move,
  action: string,
): Result<CampaignState, Refusal> {
  const to = nextState(view.state, requestType, move);
  return to.ok ? to : refuse("illegal_transition", { params: { state: view.state, action } });
}

/**
 * The request a decision or a withdrawal answers, or what to answer instead: the same answer sent twice is a
 * duplicate (the event it produced follows the version its author saw, by the same person, with the same action:
 * (requestId, version) names one row, which fixes the level too); an unknown or moved-on request is refused.
 */
function answered(
  view: CampaignView,
  input: { readonly requestId: string; readonly seenVersion: number },
  actor: string,
  action: string,
): Result<RequestView, CommandResult> {
  const request = view.requests.find((r) => r.id === input.requestId);
  if (request === undefined) return err(refuse("unknown_request"));
  const seen = input.seenVersion;
  if (request.entries.some((e) => e.requestVersion === seen + 1 && e.actor === actor && e.action === action)) {
    return err(DUPLICATE);
  }
  if (request.status !== "open" || request.version !== seen) {
    return err(refuse("stale", { params: { version: request.version } }));
  }
  return ok(request);
}

/** The request an answer's entry names, at the version after the one answered. */
function answerTo(request: RequestView) {
  return { requestId: request.id, requestType: request.type, requestVersion: request.version + 1 };
}

// ---------------------------------------------------------------------------------------------------------
// Submit

/** What is submitted. The later request types arrive with their amount and payload already shaped. */
export type Submission =
  | { readonly type: "plan"; readonly plan: PlanDraft }
  | { readonly type: "execution"; readonly tasks: readonly TaskDraft[] }
  | { readonly type: "change"; readonly plan: PlanDraft }
  | { readonly type: "cancellation" }
  | {
      readonly type: "budget_overrun" | "reimbursement" | "summary";
      readonly amount: number;
      readonly data: JsonValue;
    };

export interface SubmitInput {
  readonly view: CampaignView;
  readonly submission: Submission;
  readonly requestId: string;
  readonly eventId: string;
  readonly actor: string;
  readonly at: string;
  /** Free text for the approver; the reason, and then required, for change and cancellation. */
  readonly comment?: string;
  readonly settings: RoutingSettings;
  readonly planOptions?: PlanCheckOptions;
  /** Settings' brand rules and the ones the submitter confirmed (a plan, change or execution plan). */
  readonly brand?: { readonly rules: readonly string[]; readonly confirmed: readonly string[] };
}

const SubmitSchema = z.object({ requestId: nonEmpty, ...ENTRY_FIELDS });

interface Payload {
  readonly amount: number;
  readonly owner: string;
  readonly data: JsonValue;
  readonly research?: readonly Finding[];
}

export function submit(input: SubmitInput): CommandResult {
  const { view, submission } = input;
  const valid = validate(SubmitSchema, input);
  if (!valid.ok) return valid;
  const { actor, comment } = valid.value;

  const existing = view.requests.find((r) => r.id === input.requestId);
  if (existing !== undefined) {
    // A resent submission carries the same request id: answer as if it had just been written.
    if (existing.type === submission.type && existing.submittedBy === actor) return DUPLICATE;
    return refuse("invalid_input", {
      issues: [{ field: "requestId", messageKey: "workflow.input.requestId.taken" }],
    });
  }

  const to = moved(view, submission.type, "submit", "submit");
  if (!to.ok) return to;
  if (REQUEST_RULES[submission.type].exclusive && view.openRequest !== null) {
    return refuse("request_open", { params: { requestId: view.openRequest.id } });
  }
  if ((submission.type === "change" || submission.type === "cancellation") && comment === "") {
    return refuse("reason_required");
  }

  const payload = payloadOf(view, submission, input.planOptions);
  if (!payload.ok) return payload;
  const levels = requiredLevels(input.settings, payload.value.amount);
  if (!levels.ok) return refuse("routing", { messageKey: levels.error.messageKey });

  // Every brand rule is confirmed before the request goes in, and the confirmations are sealed with it.
  const brand = BRANDED.includes(submission.type)
    ? brandChecks(input.brand?.rules ?? [], input.brand?.confirmed ?? [])
    : [];
  const unconfirmed = unconfirmedRefusal(brand);
  if (unconfirmed) return unconfirmed;
  const snapshot = envelopeText({ ...payload.value, levels: levels.value, ...(brand.length > 0 && { brand }) });
  if (snapshot.length > LOG_CELL_LIMIT) {
    return refuse("too_long", {
      params: { length: snapshot.length.toLocaleString("en-US"), limit: LOG_CELL_LIMIT.toLocaleString("en-US") },
    });
  }

  return written(view, input, {
    requestId: input.requestId,
    requestType: submission.type,
    requestVersion: 1,
    action: "submit",
    toState: to.value,
    comment,
    snapshot,
  });
}

/** Approved money as a number; an approved snapshot always holds one, the fallback only guards odd data. */
function approvedBudget(plan: PlanSnapshot): number {
  return isNumber(plan.budget) ? plan.budget : 0;
}

/**
 * Amount for routing: the plan's budget; for an execution plan or a cancellation the approved budget; for a
 * change the larger of the approved and the new budget, so raising a budget is routed like the new amount
 * and cutting one still needs the authority that approved the old.
 */
function payloadOf(
  view: CampaignView,
  submission: Submission,
  options: PlanCheckOptions | undefined,
): Result<Payload, Refusal> {
  switch (submission.type) {
    case "plan":
    case "change": {
      const approved = view.approvedPlan;
      const change = submission.type === "change";
      if (change && approved === null) return refuse("no_approved_plan");
      const plan = checkPlan(submission.plan, options);
      if (!plan.ok) return refuse("incomplete", { issues: plan.error });
      const { budget, owner, research } = plan.value;
      const data = planSnapshot(plan.value);
      // The findings cited travel beside the plan, not in it: citing other research is not a change of the plan.
      const cited = research && { research };
      if (!change || approved === null) return ok({ amount: budget, owner, data, ...cited });
      if (diffSnapshot(approved, data).length === 0 && owner === view.owner) return refuse("no_change");
      return ok({ amount: max(approvedBudget(approved), budget), owner, data, ...cited });
    }
    case "execution": {
      if (view.approvedPlan === null) return refuse("no_approved_plan");
      const execution = checkExecution(view.approvedPlan, submission.tasks);
      if (!execution.ok) return refuse("incomplete", { issues: execution.error });
      return ok({
        amount: approvedBudget(view.approvedPlan),
        owner: view.owner,
        data: executionSnapshot(execution.value),
      });
    }
    case "cancellation": {
      if (view.approvedPlan === null) return refuse("no_approved_plan");
      return ok({ amount: approvedBudget(view.approvedPlan), owner: view.owner, data: null });
    }
    default: {
      if (!isMinorUnits(submission.amount)) {
        return refuse("invalid_input", { issues: [{ field: "amount", messageKey: "workflow.routing.invalidAmount" }] });
      }
      return ok({ amount: submission.amount, owner: view.owner, data: canonicalCopy(submission.data) });
    }
  }
}

/** Later request types pass arbitrary JSON: store it as its canonical form reads back. */
function canonicalCopy(data: JsonValue): JsonValue {
  return JSON.parse(canonicalJson(data)) as JsonValue;
}

/** The refusal that names every brand rule not confirmed; null when all are. */
function unconfirmedRefusal(checks: readonly BrandCheck[]) {
  const missing = checks.filter((c) => !c.confirmed).map((c) => c.rule);
  return missing.length > 0 ? refuse("brand_unconfirmed", { params: { rules: missing.join("; ") } }) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Decide

export interface DecideInput {
  readonly view: CampaignView;
  readonly requestId: string;
  readonly action: Decision;
  readonly actor: string;
  readonly comment: string;
  /** The request version the decider was shown. */
  readonly seenVersion: number;
  readonly at: string;
  readonly eventId: string;
  readonly settings: RoutingSettings;
  /** The owner on the Campaigns row now, when the caller has it: checked besides the owner at submission. */
  readonly campaignOwner?: string;
  /** Settings' brand rules now: an approval needs each confirmed in the request's sealed envelope. */
  readonly brandRules?: readonly string[];
}

const DecideSchema = z.object({ action: z.enum(DECISIONS), ...ANSWER_FIELDS });

export function decide(input: DecideInput): CommandResult {
  const valid = validate(DecideSchema, input);
  if (!valid.ok) return valid;
  const { actor, comment } = valid.value;
  const { view } = input;

  const found = answered(view, input, actor, input.action);
  if (!found.ok) return found.error;
  const request = found.value;

  const level = request.currentLevel;
  const chosen = chooseAuthority(view, request, authoritiesOf(input.settings, level, actor, input.at), input);
  if (!chosen.ok) return chosen;

  if ((input.action === "reject" || input.action === "request_changes") && comment === "") {
    return refuse("comment_required");
  }
  if (input.action === "approve" && BRANDED.includes(request.type)) {
    const unconfirmed = unconfirmedRefusal(sealedBrandChecks(input.brandRules ?? [], request.snapshot));
    if (unconfirmed) return unconfirmed;
  }

  const to = moved(view, request.type, moveOf(input.action, level, request.levels), input.action);
  if (!to.ok) return to;

  return written(view, input, {
    onBehalfOf: chosen.value.onBehalfOf,
    ...answerTo(request),
    action: input.action,
    toState: to.value,
    level,
    comment,
    snapshot: input.action === "approve" ? request.snapshot : "",
  });
}

/**
 * Segregation of duties, per person: neither the one who acts nor the approver they stand in for may be the
 * submitter, an owner of the campaign, or someone who already decided another level of this request. The
 * first way of acting that passes is used (own right before delegation); if none passes, the refusal of the
 * first is reported.
 */
function chooseAuthority(
  view: CampaignView,
  request: RequestView,
  candidates: readonly Authority[],
  input: DecideInput,
): Result<Authority, Refusal> {
  if (candidates.length === 0) return refuse("not_approver", { params: { level: request.currentLevel } });
  const owners = new Set(
    [request.owner, view.owner, input.campaignOwner ?? ""].map(normalizeEmail).filter((e) => e !== ""),
  );
  const earlier = new Set<string>();
  for (const d of request.decisions) {
    earlier.add(d.actor);
    if (d.onBehalfOf !== "") earlier.add(d.onBehalfOf);
  }
  let first: RefusalKind | null = null;
  for (const candidate of candidates) {
    const people = [candidate.actor, candidate.onBehalfOf].filter((p) => p !== "");
    const violation: RefusalKind | null = people.includes(request.submittedBy)
      ? "own_request"
      : people.some((p) => owners.has(p))
        ? "own_campaign"
        : people.some((p) => earlier.has(p))
          ? "second_level"
          : null;
    if (violation === null) return ok(candidate);
    if (first === null) first = violation;
  }
  return refuse(first ?? "not_approver");
}

// ---------------------------------------------------------------------------------------------------------
// Withdraw

export interface WithdrawInput {
  readonly view: CampaignView;
  readonly requestId: string;
  readonly actor: string;
  readonly comment?: string;
  readonly seenVersion: number;
  readonly at: string;
  readonly eventId: string;
}

const WithdrawSchema = z.object(ANSWER_FIELDS);

/** The submitter takes an open request back (action cancel_request); the campaign returns as after a reject. */
export function withdraw(input: WithdrawInput): CommandResult {
  const valid = validate(WithdrawSchema, input);
  if (!valid.ok) return valid;
  const { actor, comment } = valid.value;
  const { view } = input;
  const found = answered(view, input, actor, "cancel_request");
  if (!found.ok) return found.error;
  const request = found.value;
  if (actor !== request.submittedBy) return refuse("not_submitter");
  const to = moved(view, request.type, "cancel_request", "cancel_request");
  if (!to.ok) return to;
  return written(view, input, {
    ...answerTo(request),
    action: "cancel_request",
    toState: to.value,
    comment,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Operate

export interface OperateInput {
  readonly view: CampaignView;
  readonly operation: Operation;
  readonly actor: string;
  readonly comment?: string;
  readonly at: string;
  readonly eventId: string;
}

const OperateSchema = z.object({ operation: z.enum(OPERATIONS), ...ENTRY_FIELDS });

/**
 * Discard a draft, start or complete the work. Who may do it (owner, executor) is the server's role check;
 * the engine keeps the order: no completing while a change, cancellation or summary request is undecided.
 */
export function operate(input: OperateInput): CommandResult {
  const valid = validate(OperateSchema, input);
  if (!valid.ok) return valid;
  const { actor, comment } = valid.value;
  const { view, operation } = input;
  // The same operation sent again by the same person, nothing logged since (a retry after a killed execution or a
  // lost answer): it was done.
  const last = view.history[view.history.length - 1];
  if (last?.action === operation && last.actor === actor) return DUPLICATE;
  const to = moved(view, "", operation, operation);
  if (!to.ok) return to;
  if (operation === "complete" && view.openRequest !== null) {
    return refuse("request_open", { params: { requestId: view.openRequest.id } });
  }
  return written(view, input, { action: operation, toState: to.value, comment });
}

/** The state after the entries a command returned (the fold gives the same; this saves a refold for display). */
export function stateAfter(view: CampaignView, outcome: Outcome): CampaignState {
  return outcome.events[outcome.events.length - 1]?.toState ?? view.state;
}
