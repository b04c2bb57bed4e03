// The approver's server functions ("Approvals"): the requests waiting for the caller (in their own right or for an
// approver who is away) with the plan, its completeness, budget, diffs and history; deciding one; answering a
// reported problem. Who decides is settled here, on the server, from the session and the roles in the document
// properties, whatever the request says.

import { asNumber, isNumber } from "../../domain/builtins";
import { t, tKey } from "../../domain/i18n";
import { mayAnswer } from "../../domain/records";
import { isApprover, routingOf } from "../../domain/roles";
import {
  authoritiesOf,
  BRANDED,
  type CampaignView,
  citedFindings,
  type DecideInput,
  decide,
  diffSnapshot,
  type RequestView as EngineRequest,
  type LogEntry,
  normalizeEmail,
  type PlanSnapshot,
  planSnapshot,
  sealedBrandChecks,
} from "../../domain/workflow";
import { ESCALATIONS_TAB } from "../../workbook/approvals/tabs";
import { writeCells } from "../../workbook/shared/rows";
import { recordSummaryAcceptance } from "../evaluation/reports";
import { activeSpreadsheet } from "../shared/active";
import { EmptyRequest } from "../shared/contract";
import { parseRequest } from "../shared/request";
import { ownerCell } from "../shared/rights";
import { reprojectSpend, staleDecision } from "../shared/spend-book";
import {
  campaignName,
  decidedNotice,
  diffView,
  formIssue,
  historyView,
  payloadOf,
  planView,
  requestView,
  rowLink,
  summaryOf,
  tasksView,
  waitingNotice,
} from "../shared/views";
import { readWorkspace, viewOf, type Workspace } from "../shared/workspace";
import { callerEmail, commandPlan, nowIn, refusal, refused, type Step, write } from "../shared/write";
import type { InboxExpense } from "../spend/api";
import { inboxExpenses } from "../spend/inbox";
import { AnswerRequest, DecideRequest, type Escalated, type InboxItem, type InboxResponse } from "./api";
import { escalationViews, noticeViews } from "./lists";
import { planDraftIn } from "./plan-lines";

/** What an approver sees checked on a submitted plan, in the order the list shows it. */
const PLAN_CHECKS: { readonly [item: string]: (plan: PlanSnapshot) => boolean } = {
  kpis: (plan) => plan.kpis.length > 0,
  audience: (plan) => plan.audience !== "",
  budget: (plan) => isNumber(plan.budget),
  channels: (plan) => plan.channels.length > 0,
  timeline: (plan) => plan.start !== "" && plan.end !== "",
  content: (plan) => plan.content !== "",
};

/**
 * The engine's answer to `me` deciding a request, with the owner on the Campaigns row now besides the one sealed at
 * submission.
 */
function decision(
  ws: Workspace,
  view: CampaignView,
  me: string,
  at: string,
  input: Pick<DecideInput, "requestId" | "action" | "comment" | "seenVersion" | "eventId" | "brandRules">,
) {
  return decide({
    ...input,
    view,
    actor: me,
    at,
    settings: routingOf(ws.roles),
    campaignOwner: ownerCell(ws, view.id),
  });
}

/** A request the caller is an approver of at its level (rpcInbox lists only those), as the inbox shows it. */
function inboxItem(
  ws: Workspace,
  view: CampaignView,
  request: EngineRequest,
  me: string,
  at: string,
  expense: (request: EngineRequest) => InboxExpense | null,
): InboxItem {
  const row = ws.campaigns?.rowsById.get(view.id);
  // A dry run of the engine tells whether segregation of duties lets the caller decide, and for whom.
  const dry = decision(ws, view, me, at, {
    requestId: request.id,
    action: "approve",
    comment: "",
    seenVersion: request.version,
    eventId: "dry-run",
  });
  const blocked = dry.ok ? null : tKey(ws.lang, dry.error.messageKey, dry.error.params);
  const onBehalfOf = dry.ok ? (dry.value.events[0]?.onBehalfOf ?? "") : "";
  const { plan, execution } = payloadOf(request);
  const draft = planDraftIn(ws, view.id);
  const current = draft ? planSnapshot(draft) : null;
  const currency = plan?.currency || view.approvedPlan?.currency || ws.settings.currency;
  const diff = (before: PlanSnapshot | null, after: PlanSnapshot | null) =>
    before && after ? diffView(diffSnapshot(before, after), currency) : [];
  const checklist = plan
    ? Object.entries(PLAN_CHECKS).map(([item, check]) => ({ item, ok: check(plan) }))
    : execution
      ? [{ item: "tasks", ok: execution.tasks.length > 0 }]
      : [];
  return {
    campaignId: view.id,
    campaignName: campaignName(ws, view.id),
    owner: normalizeEmail(ownerCell(ws, view.id)),
    row: row?.row ?? 0,
    status: view.state,
    request: requestView(ws, request, view, at),
    onBehalfOf,
    blocked,
    plan: plan ? planView(plan) : null,
    tasks: execution ? tasksView(execution) : null,
    checklist,
    brand: BRANDED.includes(request.type) ? sealedBrandChecks(ws.settings.brandRules, request.snapshot) : [],
    research: citedFindings(request.snapshot),
    diffSinceApproval: diff(request.type === "change" ? view.approvedPlan : null, plan),
    diffSinceSubmission: diff(plan, current),
    editedSinceApproval: diff(plan ? null : view.approvedPlan, current),
    expense: expense(request),
    summary: summaryOf(request),
    history: historyView(view.history),
  };
}

export function rpcInbox(request: unknown): InboxResponse {
  parseRequest("rpcInbox", EmptyRequest, request);
  const ss = activeSpreadsheet();
  const ws = readWorkspace(ss, { escalations: true, notifications: true, budget: true });
  const me = callerEmail();
  const at = nowIn(ws.timeZone);
  const routing = routingOf(ws.roles);
  const mineToDecide = [...ws.fold.campaigns.values()].flatMap((view) =>
    view.openRequests
      .filter((request) => authoritiesOf(routing, request.currentLevel, me, at).length > 0)
      .map((request) => ({ view, request })),
  );
  const expenses = inboxExpenses(ws, mineToDecide);
  const requests = mineToDecide.map(({ view, request }) =>
    inboxItem(ws, view, request, me, at, (r) => expenses.get(r.id) ?? null),
  );
  // Decidable first, oldest first: what waits longest is answered first.
  requests.sort(
    (a, b) =>
      asNumber(a.blocked !== null) - asNumber(b.blocked !== null) ||
      a.request.submittedAt.localeCompare(b.request.submittedAt),
  );
  const escalations = escalationViews(ws, me).filter((e) => e.canAnswer);
  return {
    lang: ws.lang,
    user: me,
    setupNeeded: ws.campaigns === null,
    isApprover: me !== "" && isApprover(ws.roles, me, at),
    chain: ws.chain,
    requests,
    escalations,
    unsent: noticeViews(ws).filter((n) => !n.sent && n.to.split(/,\s*/).includes(me)),
  };
}

export function rpcDecide(request: unknown) {
  const req = parseRequest("rpcDecide", DecideRequest, request);
  return write({ needsLog: true }, (ws, { me, at, newId }) => {
    if (!ws.fold.campaigns.has(req.campaignId)) {
      return refused("unknown_request", t(ws.lang, "workflow.refusal.unknownRequest"));
    }
    const view = viewOf(ws, req.campaignId);
    const result = decision(ws, view, me, at, {
      requestId: req.requestId,
      action: req.decision,
      comment: req.comment,
      seenVersion: req.seenVersion,
      eventId: newId(),
      brandRules: ws.settings.brandRules,
    });
    if (!result.ok) return refusal(ws, result.error);
    const outcome = result.value;
    const entry = outcome.events[0];
    const before = view.requests.find((r) => r.id === req.requestId);
    const final =
      entry !== undefined && before !== undefined && (entry.action !== "approve" || entry.level >= before.levels);
    const approved = entry?.action === "approve" && final;
    // Money decided now is checked against the position now, not the one at submission.
    const stale = approved && !outcome.duplicate ? staleDecision(ws, before) : null;
    if (stale !== null) return refused("stale", stale);
    return {
      ...commandPlan(view, outcome),
      // The same approval sent again (after a kill before the flags went) clears them too.
      approvedPlanOf:
        (approved || (outcome.duplicate && before?.status === "approved")) &&
        (before?.type === "plan" || before?.type === "change")
          ? req.campaignId
          : undefined,
      // An accepted summary: its Summaries row records who accepted it, and its lessons go to Lessons. The same
      // decision sent again (a retry after a killed execution) puts back whatever of that is missing.
      apply:
        summaryAcceptance(before, entry, final, outcome.duplicate, (r, e) =>
          recordSummaryAcceptance(ws, req.campaignId, r, e),
        ) ??
        // The same money decision sent again: what a killed execution did not project is put right.
        (outcome.duplicate && (before?.type === "budget_overrun" || before?.type === "reimbursement")
          ? () => reprojectSpend(ws)
          : undefined),
      notices: (fold) => {
        const after = fold.campaigns.get(req.campaignId);
        const decided = after?.requests.find((r) => r.id === req.requestId);
        if (!after || !decided || !entry) return [];
        return [final ? decidedNotice(ws, after, decided, entry) : waitingNotice(ws, after, decided, at)];
      },
    };
  });
}

export function rpcAnswerEscalation(request: unknown) {
  const req = parseRequest("rpcAnswerEscalation", AnswerRequest, request);
  return write({ needsLog: false, escalations: true }, (ws, { me, at }): Step<Escalated> => {
    const escalations = ws.escalations;
    const found = escalations?.list.find((e) => e.id === req.escalationId);
    const instruction = req.instruction.trim();
    // The same answer sent again (a retry after a killed execution or a lost answer): it was given.
    if (found?.answeredBy === me && found.instruction === instruction && found.state !== "open") {
      return { value: { id: found.id, duplicate: true } };
    }
    if (!escalations || found?.state !== "open")
      return refused("no_escalation", t(ws.lang, "rpc.noEscalation", { id: req.escalationId }));
    if (!mayAnswer(ws.roles, ws.owner, me, found.reportedBy)) {
      return refused("not_answerer", t(ws.lang, "rpc.notAnswerer"));
    }
    if (instruction === "") {
      return refused("invalid_input", t(ws.lang, "rpc.instruction"), [
        formIssue(ws.lang, "instruction", "rpc.instruction"),
      ]);
    }
    const lang = ws.sheetLang;
    const campaign = campaignName(ws, found.campaign);
    return {
      apply: () =>
        writeCells(escalations, ESCALATIONS_TAB, found.row, {
          instruction,
          answered_by: me,
          answered_at: at.replace("T", " ").slice(0, 16),
          state: t(lang, "escState.answered"),
        }),
      notices: () => [
        {
          campaign: found.campaign,
          to: found.reportedBy ? [found.reportedBy] : [],
          subject: t(lang, "mail.subject.answer", { campaign }),
          body: t(lang, "mail.body.answer", {
            who: me,
            campaign,
            id: found.campaign,
            problem: found.problem,
            instruction,
            link: rowLink(ws, found.campaign),
          }),
        },
      ],
      value: { id: found.id, duplicate: false },
    };
  });
}

/** The write of an accepted summary's rows, for the decision that accepts it or the same decision sent again. */
function summaryAcceptance(
  before: EngineRequest | undefined,
  entry: LogEntry | undefined,
  final: boolean,
  duplicate: boolean,
  record: (request: EngineRequest, entry: LogEntry) => void,
): (() => void) | undefined {
  if (before?.type !== "summary") return undefined;
  if (!duplicate) return entry?.action === "approve" && final ? () => record(before, entry) : undefined;
  const last = before.entries[before.entries.length - 1];
  return before.status === "approved" && last ? () => record(before, last) : undefined;
}
