// The fold: approval-log events in, per-campaign state, requests, approved snapshots and history out; nothing else decides a campaign's state.

import * as z from "zod/mini";
import type { BrandCheck } from "./brand";
import { canonicalJson, type JsonValue, parseJson } from "./json";
import type { WorkflowMessageKey } from "./messages";
import type { CampaignState, Decision, LogEntry, RequestType } from "./model";
import type { Finding } from "./plan";
import { type ExecutionSnapshot, ExecutionSnapshotSchema, type PlanSnapshot, PlanSnapshotSchema } from "./snapshot";
import { moveOf, nextState, OPERATION_RULES, REQUEST_RULES } from "./transitions";

/**
 * What a submitted request carries in its snapshot cell: the amount it was routed by (minor units), the
 * number of levels that amount needed at submission, the campaign owner then, and the payload (a plan
 * snapshot, an execution snapshot, null for a cancellation, any JSON for the types still to come).
 */
export type RequestEnvelope = {
  readonly amount: number;
  readonly levels: number;
  readonly owner: string;
  readonly data: JsonValue;
  /** The brand rules of Settings at submission and whether each was confirmed (brand.ts); absent when none. */
  readonly brand?: readonly BrandCheck[];
  /** The research findings a plan or change cited, as they read at submission; absent when none. */
  readonly research?: readonly Finding[];
};

const EnvelopeSchema = z.object({
  amount: z.int().check(z.minimum(0)),
  levels: z.int().check(z.minimum(1)),
  owner: z.string(),
  data: z.unknown(),
});

export function envelopeText(envelope: RequestEnvelope): string {
  return canonicalJson(envelope);
}

export const REQUEST_STATUSES = ["open", "approved", "rejected", "changes_requested", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface LevelDecision {
  readonly level: number;
  readonly action: Decision;
  readonly actor: string;
  readonly onBehalfOf: string;
  readonly at: string;
  readonly comment: string;
}

export interface RequestView {
  readonly id: string;
  readonly type: RequestType;
  readonly status: RequestStatus;
  /** Bumped by every event on the request; a decision names the version its author saw. */
  readonly version: number;
  readonly amount: number;
  readonly levels: number;
  /** The level waiting for a decision while open (1-based); 0 once the request is closed. */
  readonly currentLevel: number;
  readonly owner: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly comment: string;
  /** The envelope text exactly as logged on the submit row. */
  readonly snapshot: string;
  readonly data: JsonValue;
  /** Decisions in order, one per level decided (the last may be a reject or request_changes). */
  readonly decisions: readonly LevelDecision[];
  readonly entries: readonly LogEntry[];
}

export interface CampaignView {
  readonly id: string;
  readonly state: CampaignState;
  /** The open request that blocks other exclusive ones (plan, execution, change, cancellation, summary). */
  readonly openRequest: RequestView | null;
  /** Every open request, exclusive or not, in submission order. */
  readonly openRequests: readonly RequestView[];
  readonly requests: readonly RequestView[];
  /** The plan in force: from the last approved plan or change request. */
  readonly approvedPlan: PlanSnapshot | null;
  readonly approvedExecution: ExecutionSnapshot | null;
  /** Owner per the plan in force (or the latest plan submitted before any approval); "" before that. */
  readonly owner: string;
  readonly history: readonly LogEntry[];
}

export const ANOMALY_REASONS = [
  "state_mismatch",
  "illegal_transition",
  "unknown_request",
  "request_closed",
  "duplicate_request",
  "request_open",
  "version",
  "level",
  "snapshot",
  "type_mismatch",
  "shape",
] as const;
export type AnomalyReason = (typeof ANOMALY_REASONS)[number];

/** An event that does not fit its campaign's history; it is skipped so the rest still folds. */
export interface Anomaly {
  /** 1-based position in the event list given to the fold (the log row number when the whole log is given). */
  readonly row: number;
  readonly eventId: string;
  readonly entityId: string;
  readonly reason: AnomalyReason;
  readonly messageKey: WorkflowMessageKey;
}

export interface FoldResult {
  readonly campaigns: ReadonlyMap<string, CampaignView>;
  readonly anomalies: readonly Anomaly[];
  /** The events of other entities (expenses), in log order, as they were: what the money fold reads. */
  readonly others: readonly LogEntry[];
}

// The fold builds these in place (one pass, no copying per event); callers only ever see them as readonly views.
type RequestAcc = { -readonly [K in keyof RequestView]: RequestView[K] } & {
  decisions: LevelDecision[];
  entries: LogEntry[];
};

interface CampaignAcc {
  id: string;
  state: CampaignState;
  requests: RequestAcc[];
  byId: Map<string, RequestAcc>;
  approvedPlan: PlanSnapshot | null;
  approvedExecution: ExecutionSnapshot | null;
  owner: string;
  history: LogEntry[];
}

export function emptyCampaign(id: string): CampaignView {
  return toView({
    id,
    state: "Draft",
    requests: [],
    approvedPlan: null,
    approvedExecution: null,
    owner: "",
    history: [],
  });
}

/** Events in log order. Only campaign events are folded; a campaign without events is a Draft. */
export function foldEvents(events: readonly LogEntry[]): FoldResult {
  return foldEventsFrom({ campaigns: new Map(), anomalies: [], others: [] }, events, 0);
}

/**
 * Continues a fold: `start` is the fold of the log's first `offset` rows, `events` the rows after them. The result
 * equals foldEvents of the whole log (a campaign's view depends only on its own events, in order), so a fold kept
 * from an earlier execution needs only the rows appended since.
 */
export function foldEventsFrom(start: FoldResult, events: readonly LogEntry[], offset: number): FoldResult {
  const accs = new Map<string, CampaignAcc>();
  const anomalies: Anomaly[] = [...start.anomalies];
  const others: LogEntry[] = [...start.others];
  events.forEach((event, index) => {
    if (event.entityType !== "campaign") {
      others.push(event);
      return;
    }
    let acc = accs.get(event.entityId);
    if (acc === undefined) {
      acc = accOf(start.campaigns.get(event.entityId) ?? emptyCampaign(event.entityId));
      accs.set(event.entityId, acc);
    }
    const reason = apply(acc, event);
    if (reason !== null) {
      anomalies.push({
        row: offset + index + 1,
        eventId: event.id,
        entityId: event.entityId,
        reason,
        messageKey: "workflow.fold.eventIgnored",
      });
    }
  });
  const campaigns = new Map<string, CampaignView>();
  // In the order of each campaign's first event, as a fold of the whole log gives them.
  for (const [id, view] of start.campaigns) {
    const acc = accs.get(id);
    campaigns.set(id, acc ? toView(acc) : view);
  }
  for (const [id, acc] of accs) if (!campaigns.has(id)) campaigns.set(id, toView(acc));
  return { campaigns, anomalies, others };
}

/** A view back into an accumulator the fold may change (its requests copied, never the view's own arrays). */
function accOf(view: CampaignView): CampaignAcc {
  const requests: RequestAcc[] = view.requests.map((r) => ({
    ...r,
    decisions: [...r.decisions],
    entries: [...r.entries],
  }));
  return {
    id: view.id,
    state: view.state,
    requests,
    byId: new Map(requests.map((r) => [r.id, r])),
    approvedPlan: view.approvedPlan,
    approvedExecution: view.approvedExecution,
    owner: view.owner,
    history: [...view.history],
  };
}

/** One campaign's view (anomalies dropped; use foldEvents to see them). */
export function foldCampaign(events: readonly LogEntry[], campaignId: string): CampaignView {
  return (
    foldEvents(events.filter((e) => e.entityId === campaignId)).campaigns.get(campaignId) ?? emptyCampaign(campaignId)
  );
}

/** A campaign's view from its parts, with its open requests found among its requests. */
export function toView(acc: Omit<CampaignView, "openRequest" | "openRequests">): CampaignView {
  const openRequests = acc.requests.filter((r) => r.status === "open");
  return {
    id: acc.id,
    state: acc.state,
    openRequest: openRequests.find((r) => REQUEST_RULES[r.type].exclusive) ?? null,
    openRequests,
    requests: acc.requests,
    approvedPlan: acc.approvedPlan,
    approvedExecution: acc.approvedExecution,
    owner: acc.owner,
    history: acc.history,
  };
}

/** Applies one event or says why it does not fit; the accumulator is untouched in the second case. */
function apply(acc: CampaignAcc, event: LogEntry): AnomalyReason | null {
  // A period's event (its entity is "period") never reaches here; on a campaign it has no meaning.
  if (event.action === "carry_over") return "illegal_transition";
  if (event.fromState !== acc.state) return "state_mismatch";
  // Money events belong to an expense entity, never to a campaign.
  if (event.action === "record" || event.action === "pay") return "shape";

  if (event.action === "discard" || event.action === "start" || event.action === "complete") {
    if (event.requestId !== "" || event.requestType !== "" || event.requestVersion !== 0 || event.level !== 0) {
      return "shape";
    }
    const to = nextState(acc.state, "", event.action);
    if (!to.ok || to.value !== event.toState || OPERATION_RULES[event.action].to !== event.toState) {
      return "illegal_transition";
    }
    if (
      event.action === "complete" &&
      acc.requests.some((r) => r.status === "open" && REQUEST_RULES[r.type].exclusive)
    ) {
      return "request_open";
    }
    acc.state = event.toState;
    acc.history.push(event);
    return null;
  }

  if (event.requestId === "" || event.requestType === "") return "shape";
  const requestType = event.requestType;

  if (event.action === "submit") {
    if (acc.byId.has(event.requestId)) return "duplicate_request";
    if (event.requestVersion !== 1) return "version";
    if (event.level !== 0) return "level";
    const rule = REQUEST_RULES[requestType];
    if (rule.exclusive && acc.requests.some((r) => r.status === "open" && REQUEST_RULES[r.type].exclusive)) {
      return "request_open";
    }
    const to = nextState(acc.state, requestType, "submit");
    if (!to.ok || to.value !== event.toState) return "illegal_transition";
    const envelope = readEnvelope(requestType, event.snapshot);
    if (envelope === null) return "snapshot";
    const request: RequestAcc = {
      id: event.requestId,
      type: requestType,
      status: "open",
      version: 1,
      amount: envelope.amount,
      levels: envelope.levels,
      currentLevel: 1,
      owner: envelope.owner,
      submittedBy: event.actor,
      submittedAt: event.at,
      comment: event.comment,
      snapshot: event.snapshot,
      data: envelope.data,
      decisions: [],
      entries: [event],
    };
    acc.byId.set(request.id, request);
    acc.requests.push(request);
    if (requestType === "plan" && acc.approvedPlan === null) acc.owner = envelope.owner;
    acc.state = event.toState;
    acc.history.push(event);
    return null;
  }

  const request = acc.byId.get(event.requestId);
  if (request === undefined) return "unknown_request";
  if (request.type !== requestType) return "type_mismatch";
  if (request.status !== "open") return "request_closed";
  if (event.requestVersion !== request.version + 1) return "version";

  if (event.action === "cancel_request") {
    if (event.level !== 0) return "level";
  } else if (event.level !== request.currentLevel) {
    return "level";
  }
  if (event.action === "approve" && event.snapshot !== request.snapshot) return "snapshot";
  const to = nextState(acc.state, requestType, moveOf(event.action, event.level, request.levels));
  if (!to.ok || to.value !== event.toState) return "illegal_transition";

  request.version = event.requestVersion;
  request.entries.push(event);
  if (event.action !== "cancel_request") {
    const { level, action, actor, onBehalfOf, at, comment } = event;
    request.decisions.push({ level, action, actor, onBehalfOf, at, comment });
  }
  if (event.action === "approve") {
    if (event.level < request.levels) {
      request.currentLevel = event.level + 1;
    } else {
      request.status = "approved";
      request.currentLevel = 0;
      applyApproval(acc, request);
    }
  } else {
    request.status =
      event.action === "reject" ? "rejected" : event.action === "request_changes" ? "changes_requested" : "withdrawn";
    request.currentLevel = 0;
  }
  acc.state = event.toState;
  acc.history.push(event);
  return null;
}

/** What an approval puts in force beyond the state: the plan, its owner, the execution plan. */
function applyApproval(acc: CampaignAcc, request: RequestView): void {
  if (request.type === "plan" || request.type === "change") {
    acc.approvedPlan = request.data as PlanSnapshot;
    acc.owner = request.owner;
  } else if (request.type === "execution") {
    acc.approvedExecution = request.data as ExecutionSnapshot;
  }
}

/** The envelope of a submit row, with its payload checked against the request type. */
export function readEnvelope(requestType: RequestType, text: string): RequestEnvelope | null {
  const json = parseJson(text);
  if (!json.ok) return null;
  const parsed = EnvelopeSchema.safeParse(json.value);
  if (!parsed.success) return null;
  const data = readPayload(requestType, parsed.data.data);
  if (data === undefined) return null;
  return { ...parsed.data, data };
}

/** The payload in its checked form, or undefined when it does not match the request type. */
function readPayload(requestType: RequestType, raw: unknown): JsonValue | undefined {
  switch (requestType) {
    case "plan":
    case "change":
    case "execution": {
      const parsed = (requestType === "execution" ? ExecutionSnapshotSchema : PlanSnapshotSchema).safeParse(raw);
      return parsed.success ? parsed.data : undefined;
    }
    case "cancellation":
      return raw === null ? null : undefined;
    default:
      // Parsed from JSON text, so it is JSON; the later request types bring their own payload schemas.
      return raw === undefined ? undefined : (raw as JsonValue);
  }
}
