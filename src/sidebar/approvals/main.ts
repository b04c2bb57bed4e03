// "Approvals": the requests waiting for me (also those I decide for an approver who is away), each with the plan or
// execution plan, its completeness, budget, the diff against the approved plan and its history; approve, reject or
// request changes with a comment (the sheet reflects the decision at once); and reported problems to answer.
import type { UiKey } from "../../domain/i18n";
import type { EscalationView, InboxItem, InboxResponse } from "../../server/approvals/api";
import type { PlanView } from "../../server/shared/contract";
import type { InboxExpense, SpendPosition } from "../../server/spend/api";
import { button, byId, el, errorSlot, field, isBusy, reveal, setBusy, showNotice } from "../shared/dom";
import { errorMessage, rpc } from "../shared/rpc";
import {
  badge,
  diffList,
  historyList,
  issueList,
  label,
  money,
  placeIssues,
  setLang,
  showBanner,
  showLoadFailure,
  T,
  unsentList,
  unsentText,
  when,
} from "../shared/ui";

const page = {
  title: byId("title", HTMLHeadingElement),
  refresh: byId("refresh", HTMLButtonElement),
  banner: byId("banner", HTMLDivElement),
  status: byId("status", HTMLParagraphElement),
  notice: byId("notice", HTMLDivElement),
  empty: byId("empty", HTMLDivElement),
  emptyTitle: byId("empty-title", HTMLParagraphElement),
  emptyHint: byId("empty-hint", HTMLParagraphElement),
  requests: byId("requests", HTMLUListElement),
  escalations: byId("escalations", HTMLElement),
  escalationsTitle: byId("escalations-title", HTMLHeadingElement),
  escalationList: byId("escalation-list", HTMLUListElement),
  unsent: byId("unsent", HTMLDivElement),
};

let data: InboxResponse | null = null;
let openKey: string | null = null;

const keyOf = (item: InboxItem) => `${item.campaignId}/${item.request.id}`;

function render(): void {
  page.title.textContent = T("approvals.title");
  page.refresh.textContent = T("ui.refresh");
  page.requests.replaceChildren();
  page.escalationList.replaceChildren();
  page.unsent.replaceChildren();
  page.empty.hidden = true;
  if (!data) return;
  showBanner(page.banner, data.chain);
  const decidable = data.requests.filter((r) => r.blocked === null).length;
  document.body.dataset.state = data.requests.length > 0 ? "list" : "empty";
  page.status.textContent = data.requests.length > 0 ? T("approvals.count", { count: decidable }) : "";
  if (data.requests.length === 0) {
    page.empty.hidden = false;
    page.emptyTitle.textContent = T(data.setupNeeded ? "sidebar.setupNeeded" : "approvals.empty");
    page.emptyHint.textContent = data.setupNeeded
      ? T("sidebar.setupHint")
      : data.isApprover
        ? T("approvals.emptyHint")
        : T("approvals.notApprover");
  }
  page.requests.append(...data.requests.map(requestItem));
  page.escalations.hidden = data.escalations.length === 0;
  page.escalationsTitle.textContent = T("approvals.escalations");
  page.escalationList.append(...data.escalations.map(escalationItem));
  const unsent = unsentList(data.unsent);
  if (unsent) page.unsent.append(unsent);
}

// ------------------------------------------------------------------------------------------------ requests

function requestItem(item: InboxItem): HTMLLIElement {
  const key = keyOf(item);
  const expanded = openKey === key;
  const r = item.request;
  const head = el(
    "button",
    {
      className: "request",
      attrs: {
        type: "button",
        "aria-expanded": String(expanded),
        "data-request": r.id,
        "data-campaign": item.campaignId,
      },
    },
    el(
      "span",
      { className: "top" },
      el("span", { className: "name", text: item.campaignName }),
      el("span", { className: "badge waiting", text: label("requestType", r.type) }),
    ),
    el("span", {
      className: "meta",
      // A summary moves no money: "0 CNY" would say nothing true about it.
      text: [
        item.campaignId,
        ...(r.type === "summary" ? [] : [money(r.amount, r.currency)]),
        T("ui.levelOf", { level: r.level, levels: r.levels }),
      ].join(" · "),
    }),
    el("span", {
      className: "meta",
      text: T("approvals.submittedBy", { who: r.submittedBy, at: when(r.submittedAt) }),
    }),
  );
  head.addEventListener("click", () => {
    if (isBusy()) return;
    openKey = expanded ? null : key;
    showNotice(page.notice, null);
    render();
  });
  return el("li", { className: item.blocked ? "blocked" : "" }, head, expanded ? requestDetail(item) : null);
}

function planList(plan: PlanView): HTMLElement {
  const rows: [UiKey, string][] = [
    ["workflow.field.budget", money(plan.budget, plan.currency)],
    ["check.timeline", `${plan.start} – ${plan.end}`],
    ["workflow.field.objective", plan.objective],
    ["workflow.field.audience", plan.audience],
    ["workflow.field.channels", plan.channels.join(", ")],
    ["workflow.field.content", plan.content],
    ["workflow.field.place", plan.place],
  ];
  return el(
    "dl",
    { className: "plan" },
    ...rows.flatMap(([k, v]) => [el("dt", { text: T(k) }), el("dd", { text: v || "—" })]),
    el("dt", { text: T("workflow.field.kpis") }),
    el("dd", {}, el("ul", {}, ...plan.kpis.map((k) => el("li", { text: k })))),
    plan.lines.length > 0 ? el("dt", { text: T("workflow.field.lines") }) : null,
    plan.lines.length > 0
      ? el(
          "dd",
          {},
          el(
            "ul",
            { className: "lines" },
            ...plan.lines.map((l) => el("li", { text: `${l.category} · ${l.month}: ${money(l.amount, l.currency)}` })),
          ),
        )
      : null,
  );
}

/** Only a web link becomes a link, opened in a new tab without access back to this page. */
function receiptLink(href: string): HTMLElement {
  if (!/^https?:\/\//i.test(href)) return el("span", { className: "muted", text: T("approvals.expense.noReceipt") });
  return el("a", { text: href, attrs: { href, target: "_blank", rel: "noopener noreferrer" } });
}

function expenseView(e: InboxExpense): HTMLElement {
  const converted = e.currency !== e.workbookCurrency;
  const rows: [UiKey, Node | string][] = [
    ["approvals.expense.id", e.id],
    ["approvals.expense.date", e.date],
    ["approvals.expense.vendor", e.vendor],
    ["approvals.expense.description", e.description],
    ["approvals.expense.category", `${e.category} · ${e.kindLabel}`],
    ["approvals.expense.amount", money(e.amount, e.currency)],
  ];
  const list = el(
    "dl",
    { className: "plan expense", attrs: { "data-expense": e.id } },
    ...rows.flatMap(([k, v]) => [el("dt", { text: T(k) }), el("dd", {}, v || "—")]),
  );
  if (converted) {
    list.append(
      el("dt", { text: T("approvals.expense.converted", { currency: e.workbookCurrency }) }),
      el("dd", { text: money(e.converted, e.workbookCurrency) }),
    );
  }
  if (e.overrun !== null) {
    list.append(
      el("dt", { text: T("approvals.expense.overrun") }),
      el("dd", { className: "overrun", text: money(e.overrun, e.workbookCurrency) }),
    );
  }
  list.append(
    el("dt", { text: T("approvals.expense.requestedBy") }),
    el("dd", { text: e.requestedBy || "—" }),
    el("dt", { text: T("approvals.expense.receipt") }),
    el("dd", { className: "receipt" }, receiptLink(e.receiptLink)),
  );
  return list;
}

function positionTable(e: InboxExpense): HTMLElement {
  const figures: [UiKey, (p: SpendPosition) => number][] = [
    ["approvals.position.approved", (p) => p.approved],
    ["approvals.position.actual", (p) => p.actual],
    ["approvals.position.committed", (p) => p.committed],
    ["approvals.position.remaining", (p) => p.remaining],
  ];
  const cell = (v: number) => el("td", { text: money(v, e.workbookCurrency) });
  return el(
    "table",
    { className: "position" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", { text: "" }),
        el("th", { text: T("approvals.position.now") }),
        el("th", { text: T("approvals.position.after") }),
      ),
    ),
    el(
      "tbody",
      {},
      ...figures.map(([k, f]) => el("tr", {}, el("th", { text: T(k) }), cell(f(e.before)), cell(f(e.after)))),
      el(
        "tr",
        {},
        el("th", { text: T("approvals.position.status") }),
        el("td", { text: e.beforeStatus, attrs: { "data-status": e.before.status } }),
        el("td", { text: e.afterStatus, attrs: { "data-status": e.after.status } }),
      ),
    ),
  );
}

function requestDetail(item: InboxItem): HTMLElement {
  const panel = el("div", { className: "detail", attrs: { "data-detail": item.request.id } });
  panel.append(el("p", {}, badge(item.status)));
  if (item.onBehalfOf)
    panel.append(el("p", { className: "note", text: T("approvals.forApprover", { approver: item.onBehalfOf }) }));
  if (item.blocked)
    panel.append(el("p", { className: "notice error", text: T("approvals.blocked", { reason: item.blocked }) }));
  if (item.request.comment) panel.append(el("q", { className: "comment", text: item.request.comment }));
  if (item.plan) panel.append(el("h3", { text: T("approvals.plan") }), planList(item.plan));
  if (item.expense) {
    panel.append(
      el("h3", { text: T("approvals.expense") }),
      expenseView(item.expense),
      el("h3", { text: T("approvals.position") }),
      positionTable(item.expense),
    );
  }
  if (item.tasks) {
    panel.append(
      el("h3", { text: T("approvals.tasks") }),
      el(
        "ol",
        { className: "tasks" },
        ...item.tasks.map((task) =>
          el(
            "li",
            {},
            el("b", { text: task.step }),
            el("span", { className: "meta", text: `${task.owner} · ${task.start} – ${task.due}` }),
            el("span", { text: task.deliverable }),
          ),
        ),
      ),
    );
  }
  if (item.request.type === "cancellation") panel.append(el("p", { text: T("approvals.cancellation") }));
  if (item.summary) panel.append(...summaryBlock(item.summary));
  if (item.checklist.length > 0) {
    panel.append(
      el("h3", { text: T("approvals.checklist") }),
      el(
        "ul",
        { className: "checklist" },
        ...item.checklist.map((c) =>
          el("li", {
            className: c.ok ? "ok" : "missing",
            text: `${c.ok ? "✓" : "✗"} ${T(`check.${c.item}` as UiKey)}`,
          }),
        ),
      ),
    );
  }
  if (item.research.length > 0) {
    panel.append(
      el("h3", { text: T("approvals.research") }),
      el(
        "ul",
        { className: "research" },
        ...item.research.map((f) =>
          el(
            "li",
            {},
            el("b", { text: `${f.id} · ${f.topic}` }),
            el("span", { text: ` ${f.finding} ` }),
            /^https?:\/\/\S+$/i.test(f.evidence)
              ? el("a", {
                  text: T("approvals.evidence"),
                  attrs: { href: f.evidence, target: "_blank", rel: "noopener noreferrer" },
                })
              : f.evidence
                ? el("span", { className: "meta", text: f.evidence })
                : null,
          ),
        ),
      ),
    );
  }
  if (item.brand.length > 0) {
    panel.append(
      el("h3", { text: T("sidebar.brand") }),
      el(
        "ul",
        { className: "checklist brand" },
        ...item.brand.map((b) =>
          el("li", { className: b.confirmed ? "ok" : "missing", text: `${b.confirmed ? "✓" : "✗"} ${b.rule}` }),
        ),
      ),
    );
    if (item.brand.some((b) => !b.confirmed))
      panel.append(el("p", { className: "notice error", text: T("approvals.brandBlocked") }));
  }
  if (item.diffSinceApproval.length > 0)
    panel.append(el("h3", { text: T("approvals.diffApproval") }), diffList(item.diffSinceApproval));
  if (item.diffSinceSubmission.length > 0) {
    panel.append(el("h3", { text: T("approvals.diffSubmission") }), diffList(item.diffSinceSubmission));
  }
  if (item.editedSinceApproval.length > 0) {
    panel.append(el("h3", { text: T("approvals.edited") }), diffList(item.editedSinceApproval));
  }
  if (!item.blocked) panel.append(decisionForm(item));
  panel.append(el("h3", { text: T("ui.historyTitle") }), historyList(item.history));
  return panel;
}

function decisionForm(item: InboxItem): HTMLElement {
  const comment = el("textarea", { attrs: { name: "comment", rows: "3", maxlength: "5000", id: "decision-comment" } });
  const error = errorSlot("comment");
  const messages = el("div", { className: "messages" });
  const form = el(
    "div",
    { className: "decide" },
    el(
      "label",
      { className: "field", attrs: { for: "decision-comment" } },
      el("span", { text: T("approvals.comment") }),
    ),
    comment,
    error,
    messages,
  );
  const buttons = el("div", { className: "buttons" });
  const unconfirmed = item.brand.some((b) => !b.confirmed);
  for (const decision of ["approve", "request_changes", "reject"] as const) {
    if (decision === "approve" && unconfirmed) continue;
    const b = button(
      label("action", decision),
      () => void decide(item, decision, comment.value, form, messages),
      decision === "approve",
    );
    b.dataset.decision = decision;
    buttons.append(b);
  }
  form.append(buttons);
  return form;
}

async function decide(
  item: InboxItem,
  decision: "approve" | "reject" | "request_changes",
  comment: string,
  form: HTMLElement,
  messages: HTMLElement,
): Promise<void> {
  if (isBusy()) return;
  setBusy(true);
  try {
    const result = await rpc("rpcDecide", {
      campaignId: item.campaignId,
      requestId: item.request.id,
      seenVersion: item.request.version,
      decision,
      comment,
    });
    setBusy(false);
    if (!result.ok) {
      const rest = placeIssues(form, result.issues);
      messages.replaceChildren(
        el("div", { className: "notice error", attrs: { role: "alert" }, text: result.message }),
        rest.length > 0 ? issueList(rest) : el("span"),
      );
      reveal(messages);
      if (result.kind === "comment_required") form.querySelector("textarea")?.setAttribute("aria-invalid", "true");
      return;
    }
    showNotice(
      page.notice,
      "info",
      T("approvals.decided", { state: label("state", result.state) }) + unsentText(result.notices),
    );
    openKey = null;
    await load();
  } catch (error) {
    setBusy(false);
    messages.replaceChildren(el("div", { className: "notice error", text: errorMessage(error) }));
    reveal(messages);
  }
}

// ------------------------------------------------------------------------------------------------ escalations

function escalationItem(e: EscalationView): HTMLLIElement {
  const instruction = el("textarea", { attrs: { name: "instruction", rows: "3", maxlength: "5000" } });
  const send = button(T("approvals.answer"), () => void answer(e, instruction.value, box), true);
  const box = el(
    "li",
    { className: "escalation", attrs: { "data-id": e.id } },
    el(
      "span",
      { className: "top" },
      el("span", { className: "name", text: e.campaignName }),
      el("span", { className: `badge severity-${e.severity}`, text: T(`severity.${e.severity}` as UiKey) }),
    ),
    el("span", { className: "meta", text: T("approvals.reportedBy", { who: e.reportedBy, at: when(e.reportedAt) }) }),
    el("p", { className: "problem-text", text: e.problem }),
    field(T("approvals.instruction"), instruction),
    errorSlot("instruction"),
    send,
  );
  return box;
}

async function answer(e: EscalationView, instruction: string, box: HTMLElement): Promise<void> {
  if (isBusy()) return;
  setBusy(true);
  try {
    const result = await rpc("rpcAnswerEscalation", { escalationId: e.id, instruction });
    setBusy(false);
    if (!result.ok) {
      const rest = placeIssues(box, result.issues);
      if (rest.length > 0 || result.issues.length === 0) showNotice(page.notice, "error", result.message);
      else {
        const slot = box.querySelector("[data-error-for]:not([hidden])");
        if (slot) reveal(slot);
      }
      return;
    }
    showNotice(page.notice, "info", T("approvals.answered"));
    await load();
  } catch (error) {
    setBusy(false);
    showNotice(page.notice, "error", errorMessage(error));
  }
}

// ------------------------------------------------------------------------------------------------ loading

async function load(): Promise<void> {
  page.refresh.disabled = true;
  if (!data) page.status.textContent = T("approvals.loading");
  try {
    data = await rpc("rpcInbox", {});
    setLang(data.lang);
    if (openKey !== null && !data.requests.some((r) => keyOf(r) === openKey)) openKey = null;
    if (openKey === null && data.requests.length === 1 && data.requests[0]) openKey = keyOf(data.requests[0]);
    render();
  } catch (error) {
    showLoadFailure(page, error);
  } finally {
    page.refresh.disabled = false;
  }
}

page.refresh.addEventListener("click", () => {
  showNotice(page.notice, null);
  void load();
});
page.status.textContent = T("approvals.loading");
void load();

/** What the approver accepts with a campaign summary: the summary as submitted and its lessons, as text. */
function summaryBlock(summary: NonNullable<InboxItem["summary"]>): HTMLElement[] {
  const goals =
    summary.goalsMet === null ? "—" : summary.goalsMet ? T("approvals.summary.yes") : T("approvals.summary.no");
  const rows: [UiKey, string][] = [
    ["approvals.summary.goalsMet", goals],
    ["approvals.summary.effect", summary.effect || "—"],
    ["approvals.summary.problems", summary.problems || "—"],
    ["approvals.summary.improvements", summary.improvements || "—"],
    ["approvals.summary.channels", summary.channels.join(", ") || "—"],
    ["approvals.summary.audience", summary.audience || "—"],
  ];
  const out: HTMLElement[] = [
    el("h3", { text: T("approvals.summary.title") }),
    el(
      "dl",
      { className: "summary", attrs: { "data-summary": "" } },
      ...rows.flatMap(([key, value]) => [el("dt", { text: T(key) }), el("dd", { text: value })]),
    ),
  ];
  if (summary.lessons.length > 0) {
    out.push(
      el("h3", { text: T("approvals.summary.lessons") }),
      el(
        "ul",
        { className: "lessons" },
        ...summary.lessons.map((l) =>
          el(
            "li",
            {},
            el("b", { text: l.lesson }),
            el("span", { text: l.recommendation }),
            el("span", { className: "meta", text: l.tags.join(", ") }),
          ),
        ),
      ),
    );
  }
  return out;
}
