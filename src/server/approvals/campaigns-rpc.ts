// The marketer's server functions ("My campaigns"): the campaigns with their state, what is missing, the open
// request, decisions and comments, the diff since approval and reported problems; saving a draft; submitting a
// plan, execution plan, change or cancellation; withdrawing; reporting a problem.

import { asString, isNumber, isString, max } from "../../domain/builtins";
import { statusLabel } from "../../domain/campaign";
import { checkDraft, DRAFT_FIELDS, type DraftForm, nextCampaignId } from "../../domain/draft";
import { t } from "../../domain/i18n";
import { fromMinorUnits } from "../../domain/money";
import { isAdmin, recipientsOf, routingOf } from "../../domain/roles";
import {
  checkExecution,
  checkPlan,
  diffSnapshot,
  normalizeEmail,
  type PlanDraft,
  planSnapshot,
  type Submission,
  submit,
  TERMINAL_STATES,
  withdraw,
} from "../../domain/workflow";
import { CAMPAIGNS_TAB, ESCALATIONS_TAB } from "../../workbook/approvals/tabs";
import { cellText } from "../../workbook/shared/cells";
import { rowProblem } from "../../workbook/shared/problems";
import { appendRecords, cellOf, type KeyedTable, writeCells } from "../../workbook/shared/rows";
import { type TabSpec, tabName } from "../../workbook/shared/spec";
import type { TableRow } from "../../workbook/shared/table";
import { activeSpreadsheet } from "../shared/active";
import { EmptyRequest, type FieldIssue, type NoticeView, type Refused } from "../shared/contract";
import { parseRequest } from "../shared/request";
import { mayOn, ownerOfCampaign, ownerRefusal } from "../shared/rights";
import {
  campaignName,
  diffView,
  formIssue,
  historyView,
  planIssue,
  requestView,
  rowLink,
  taskIssue,
  waitingNotices,
} from "../shared/views";
import { readWorkspace, viewOf, type Workspace } from "../shared/workspace";
import {
  callerEmail,
  commandPlan,
  noCampaign,
  nowIn,
  refusal,
  refused,
  type Step,
  unknownCampaign,
  write,
} from "../shared/write";
import {
  type CampaignCard,
  type Escalated,
  EscalateRequest,
  type EscalationView,
  type MyCampaignsResponse,
  type PlanForm,
  SavePlanRequest,
  SubmitRequest,
  WithdrawRequest,
} from "./api";
import { escalationViews, noticeViews } from "./lists";
import { lineRowsOf, planCheckOptions, planDraftIn } from "./plan-lines";

const APPROVED = new Set(["PlanApproved", "Ready", "InProgress"]);

function noTab(ws: Workspace, tab: TabSpec): Refused {
  return refused("setup", t(ws.lang, "rpc.noTab", { tab: tabName(tab, ws.lang) }));
}

/** The row's cells as text for the form to edit, the dates as the workflow read them (ISO). */
function formOf(t: KeyedTable, row: TableRow, draft: PlanDraft): PlanForm {
  const form = Object.fromEntries(DRAFT_FIELDS.map((key) => [key, cellText(cellOf(t, row, key))])) as PlanForm;
  const date = (value: unknown) => (isString(value) ? value : "");
  return { ...form, start: date(draft.start), end: date(draft.end) };
}

interface Lists {
  readonly escalations: readonly EscalationView[];
  readonly notices: readonly NoticeView[];
}

function card(ws: Workspace, id: string, me: string, at: string, lists: Lists): CampaignCard | null {
  const campaigns = ws.campaigns;
  const row = campaigns?.rowsById.get(id);
  const draft = planDraftIn(ws, id);
  if (!campaigns || !row || !draft) return null;
  const view = viewOf(ws, id);
  const current = planSnapshot(draft);
  const open = view.openRequest;
  const idle = open === null;
  const approved = APPROVED.has(view.state);
  const next = view.state === "Draft" ? "plan" : view.state === "PlanApproved" && idle ? "execution" : null;
  const tasks = ws.tasks?.byCampaign.get(id) ?? [];
  let missing: FieldIssue[] = [];
  if (next === "plan") {
    const check = checkPlan(draft, planCheckOptions(ws));
    const lines = { rows: lineRowsOf(ws, id), currency: current.currency };
    if (!check.ok) missing = check.error.map((i) => planIssue(ws, i, row.row, lines));
  } else if (next === "execution" && view.approvedPlan) {
    const check = checkExecution(
      view.approvedPlan,
      tasks.map((task) => task.draft),
    );
    if (!check.ok) missing = check.error.map((i) => taskIssue(ws, i, tasks));
  }
  const diff = view.approvedPlan ? diffView(diffSnapshot(view.approvedPlan, current), view.approvedPlan.currency) : [];
  const owner = normalizeEmail(isString(draft.owner) ? draft.owner : "");
  const budget = isNumber(current.budget) ? fromMinorUnits(current.budget, current.currency) : null;
  const rightTo = (action: Parameters<typeof mayOn>[4]) => mayOn(ws, id, me, at, action);
  const editable = view.state === "Draft" && idle && rightTo("editDraft");
  return {
    id,
    name: campaignName(ws, id),
    owner,
    row: row.row,
    status: view.state,
    start: current.start || null,
    end: current.end || null,
    budget,
    currency: current.currency,
    mine: owner === me || view.requests.some((r) => r.submittedBy === me),
    next,
    missing,
    can: {
      edit: editable,
      submitPlan: editable && rightTo("submitPlan"),
      submitExecution: view.state === "PlanApproved" && idle && rightTo("submitExecution"),
      submitChange: approved && idle && diff.length > 0 && rightTo("submitChange"),
      submitCancellation: approved && idle && rightTo("submitCancellation"),
      withdraw: open !== null && open.submittedBy === me,
      escalate: !TERMINAL_STATES.includes(view.state) && rightTo("escalate"),
    },
    openRequest: open ? requestView(ws, open, view, at) : null,
    diff,
    history: historyView(view.history),
    escalations: lists.escalations.filter((e) => e.campaignId === id),
    unsent: lists.notices.filter((n) => n.campaign === id && !n.sent),
    form: editable ? formOf(campaigns.keyed, row, draft) : null,
  };
}

export function rpcMyCampaigns(request: unknown): MyCampaignsResponse {
  parseRequest("rpcMyCampaigns", EmptyRequest, request);
  const ss = activeSpreadsheet();
  const ws = readWorkspace(ss, { tasks: true, escalations: true, notifications: true, budget: true, research: true });
  const me = callerEmail();
  const at = nowIn(ws.timeZone);
  const campaigns = ws.campaigns;
  const base = {
    lang: ws.lang,
    user: me,
    chain: ws.chain,
    currency: ws.settings.currency,
    brandRules: ws.settings.brandRules,
    findings: [...(ws.research?.findings.values() ?? [])],
  };
  if (!campaigns) {
    return {
      ...base,
      setupNeeded: true,
      tab: tabName(CAMPAIGNS_TAB, ws.lang),
      campaigns: [],
      problems: ws.settingsRead.problems,
    };
  }
  const lists = { escalations: escalationViews(ws, me), notices: noticeViews(ws) };
  const cards = [...campaigns.rowsById.keys()].flatMap((id) => card(ws, id, me, at, lists) ?? []);
  const problems = [...campaigns.problems, ...ws.settingsRead.problems, ...(ws.research?.problems ?? [])];
  // A Status cell edited by hand grants nothing: it is named here and rewritten by the next write.
  const statusColumn = campaigns.keyed.index.get("status");
  for (const { row, record } of campaigns.campaigns) {
    const state = viewOf(ws, record.id).state;
    if (record.status === state || statusColumn === undefined) continue;
    const header = asString(campaigns.keyed.table.header[statusColumn - 1] ?? "");
    const reason = t(ws.lang, "problem.statusDrift", {
      cell: statusLabel(record.status, ws.lang),
      state: statusLabel(state, ws.lang),
    });
    problems.push(rowProblem(ws.lang, { tab: campaigns.tab, row, column: statusColumn, label: header }, reason));
  }
  for (const view of ws.fold.campaigns.values()) {
    if (!campaigns.rowsById.has(view.id)) {
      const reason = t(ws.lang, "problem.noRow", { id: view.id, tab: campaigns.tab });
      problems.push({ tab: campaigns.tab, row: 0, column: "", label: "", reason, message: reason });
    }
  }
  return { ...base, setupNeeded: false, tab: campaigns.tab, campaigns: cards, problems };
}

// ------------------------------------------------------------------------------------------------ draft

export function rpcSavePlan(request: unknown) {
  const form = parseRequest("rpcSavePlan", SavePlanRequest, request) as DraftForm;
  return write({ needsLog: false }, (ws, { me, at }): Step<{ id: string; row: number }> => {
    const campaigns = ws.campaigns;
    if (!campaigns) return noCampaign(ws, form.id);
    const checked = checkDraft(form, { channels: ws.settings.channels, defaultCurrency: ws.settings.currency, me });
    if (!checked.ok) {
      const issues = checked.issues.map((i) => formIssue(ws.lang, i.field, i.key, i.params));
      return refused("invalid_input", t(ws.lang, "workflow.refusal.invalidInput"), issues);
    }
    const { id: typedId, ...cells } = checked.values;
    const id = typedId || nextCampaignId(campaigns.rowsById.keys(), at.slice(0, 4));
    const existing = campaigns.rowsById.get(id);
    const view = viewOf(ws, id);
    if (existing && (view.state !== "Draft" || view.openRequest !== null)) {
      return refused("not_draft", t(ws.lang, "rpc.notDraft", { id }));
    }
    // A draft is its owner's: another editor may neither change it nor take it over by naming themselves.
    if (existing || ws.fold.campaigns.has(id)) {
      const denied = ownerRefusal(ws, id, me, at, "editDraft");
      if (denied) return denied;
    }
    const owner = existing || ws.fold.campaigns.has(id) ? ownerOfCampaign(ws, id) : me;
    if (cells.owner !== owner && !isAdmin(ws.roles, ws.owner, me)) {
      const message = t(ws.lang, "rights.refused.ownerField", { owner });
      return refused("not_owner", message, [formIssue(ws.lang, "owner", "rights.refused.ownerField", { owner })]);
    }
    const row = existing?.row ?? max(campaigns.keyed.table.height, 1) + 1;
    return {
      apply: () => {
        if (existing) writeCells(campaigns.keyed, CAMPAIGNS_TAB, existing.row, cells);
        else
          appendRecords(campaigns.keyed, CAMPAIGNS_TAB, [{ id, ...cells, status: statusLabel("Draft", ws.sheetLang) }]);
      },
      value: { id, row },
    };
  });
}

// ------------------------------------------------------------------------------------------------ submit

export function rpcSubmit(request: unknown) {
  const req = parseRequest("rpcSubmit", SubmitRequest, request);
  const plan = req.type === "plan" || req.type === "change";
  const read = { needsLog: true, tasks: req.type === "execution", budget: plan, research: plan };
  return write(read, (ws, { me, at, newId }) => {
    const row = ws.campaigns?.rowsById.get(req.campaignId);
    const draft = planDraftIn(ws, req.campaignId);
    if (!row || !draft) return noCampaign(ws, req.campaignId);
    for (const other of ws.fold.campaigns.values()) {
      if (other.id !== req.campaignId && other.requests.some((r) => r.id === req.requestId)) {
        return refused("invalid_input", t(ws.lang, "rpc.requestIdTaken", { id: other.id }));
      }
    }
    const action = (
      {
        plan: "submitPlan",
        execution: "submitExecution",
        change: "submitChange",
        cancellation: "submitCancellation",
      } as const
    )[req.type];
    const denied = ownerRefusal(ws, req.campaignId, me, at, action);
    if (denied) return denied;
    const view = viewOf(ws, req.campaignId);
    const tasks = ws.tasks?.byCampaign.get(req.campaignId) ?? [];
    const submission: Submission =
      req.type === "execution"
        ? { type: "execution", tasks: tasks.map((task) => task.draft) }
        : req.type === "cancellation"
          ? { type: "cancellation" }
          : { type: req.type, plan: draft };
    const result = submit({
      view,
      submission,
      requestId: req.requestId,
      eventId: newId(),
      actor: me,
      at,
      comment: req.comment,
      settings: routingOf(ws.roles),
      // Research is required of a new plan; a change keeps what was cited, and what it cites is checked and sealed.
      planOptions: planCheckOptions(ws, req.type === "plan" && ws.settings.researchRequired),
      brand: { rules: ws.settings.brandRules, confirmed: req.brand ?? [] },
    });
    if (!result.ok) {
      const lines = { rows: lineRowsOf(ws, req.campaignId), currency: planSnapshot(draft).currency };
      return refusal(ws, result.error, (issue) =>
        req.type === "execution" ? taskIssue(ws, issue, tasks) : planIssue(ws, issue, row.row, lines),
      );
    }
    return {
      ...commandPlan(view, result.value),
      notices: result.value.duplicate ? undefined : waitingNotices(ws, req.campaignId, req.requestId, at),
    };
  });
}

export function rpcWithdraw(request: unknown) {
  const req = parseRequest("rpcWithdraw", WithdrawRequest, request);
  return write({ needsLog: true }, (ws, { me, at, newId }) => {
    const unknown = unknownCampaign(ws, req.campaignId);
    if (unknown) return unknown;
    const view = viewOf(ws, req.campaignId);
    const result = withdraw({
      view,
      requestId: req.requestId,
      actor: me,
      comment: req.comment,
      seenVersion: req.seenVersion,
      at,
      eventId: newId(),
    });
    return result.ok ? commandPlan(view, result.value) : refusal(ws, result.error);
  });
}

// ------------------------------------------------------------------------------------------------ escalate

export function rpcEscalate(request: unknown) {
  const req = parseRequest("rpcEscalate", EscalateRequest, request);
  return write({ needsLog: false, escalations: true }, (ws, { me, at, newId }): Step<Escalated> => {
    const campaigns = ws.campaigns;
    if (!campaigns?.rowsById.has(req.campaignId)) return noCampaign(ws, req.campaignId);
    if (!mayOn(ws, req.campaignId, me, at, "escalate")) {
      const owner = ownerOfCampaign(ws, req.campaignId) || ws.owner;
      return refused("not_owner", t(ws.lang, "rights.refused.escalate", { id: req.campaignId, owner, me }));
    }
    const escalations = ws.escalations;
    if (!escalations) return noTab(ws, ESCALATIONS_TAB);
    const problem = req.problem.trim();
    if (problem === "") {
      return refused("invalid_input", t(ws.lang, "rpc.problem"), [formIssue(ws.lang, "problem", "rpc.problem")]);
    }
    // The same report sent again while the first is open (a retry after a killed execution or a lost answer): it is
    // that report, not a second one.
    const same = escalations.list.find(
      (e) => e.state === "open" && e.campaign === req.campaignId && e.reportedBy === me && e.problem === problem,
    );
    if (same) return { value: { id: same.id, duplicate: true } };
    const id = `E-${newId().replace(/-/g, "").slice(0, 8).toUpperCase()}`;
    const lang = ws.sheetLang;
    const severity = t(lang, `severity.${req.severity}`);
    const campaign = campaignName(ws, req.campaignId);
    const when = at.replace("T", " ").slice(0, 16);
    const view = viewOf(ws, req.campaignId);
    const to = recipientsOf(ws.roles, 1, at).filter((e) => e !== me);
    return {
      apply: () => {
        appendRecords(escalations, ESCALATIONS_TAB, [
          {
            id,
            campaign: req.campaignId,
            reported_at: when,
            reported_by: me,
            severity,
            problem,
            state: t(lang, "escState.open"),
          },
        ]);
      },
      notices: () => [
        {
          campaign: req.campaignId,
          to: to.length > 0 ? to : ws.owner ? [ws.owner] : [],
          subject: t(lang, "mail.subject.escalation", { severity, campaign }),
          body: t(lang, "mail.body.escalation", {
            who: me,
            campaign,
            id: view.id,
            severity,
            problem,
            link: rowLink(ws, req.campaignId),
          }),
        },
      ],
      value: { id, duplicate: false },
    };
  });
}
