// "My campaigns": each campaign with its state; choosing one selects its row in the sheet and opens what the
// marketer needs: what is still missing (by field and cell), the open request, decisions and comments, the diff
// since approval, and the actions (submit plan / execution plan / change / cancellation, withdraw, report a
// problem); plus the form for a new or draft campaign, with each message next to its field.

import type { UiKey } from "../../domain/i18n";
import { splitList } from "../../domain/lists";
import type { CampaignCard, MyCampaignsResponse, PlanForm, SubmissionType } from "../../server/approvals/api";
import type { LessonsResponse } from "../../server/evaluation/api";
import type { FieldIssue, Refused, RowProblem } from "../../server/shared/contract";
import { button, byId, el, errorSlot, field, isBusy, reveal, setBusy, showNotice } from "../shared/dom";
import { errorMessage, newRequestId, rpc } from "../shared/rpc";
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
  create: byId("new", HTMLButtonElement),
  refresh: byId("refresh", HTMLButtonElement),
  banner: byId("banner", HTMLDivElement),
  status: byId("status", HTMLParagraphElement),
  notice: byId("notice", HTMLDivElement),
  filter: byId("filter", HTMLDivElement),
  tools: document.querySelector<HTMLDivElement>(".tools") ?? document.body,
  empty: byId("empty", HTMLDivElement),
  emptyTitle: byId("empty-title", HTMLParagraphElement),
  emptyHint: byId("empty-hint", HTMLParagraphElement),
  list: byId("list", HTMLUListElement),
  form: byId("form", HTMLFormElement),
  formTitle: byId("form-title", HTMLHeadingElement),
  formFields: byId("form-fields", HTMLDivElement),
  formSave: byId("form-save", HTMLButtonElement),
  formCancel: byId("form-cancel", HTMLButtonElement),
  problems: byId("problems", HTMLElement),
  problemsTitle: byId("problems-title", HTMLHeadingElement),
  problemList: byId("problem-list", HTMLUListElement),
};

let data: MyCampaignsResponse | null = null;
let selectedId: string | null = null;
/** Lessons of similar past campaigns for the selected draft (fetched on selection), by campaign ID. */
let lessonsOf: { readonly id: string; readonly lessons: LessonsResponse["lessons"] } | null = null;
let filter: "mine" | "all" | null = null;
type Outcome = { kind: "error" | "info"; text: string; issues: readonly FieldIssue[] };
/** Outcome of the last action on the selected campaign, shown in its panel. */
let outcome: Outcome | null = null;

const FORM_FIELDS: readonly {
  key: keyof PlanForm;
  label: UiKey;
  type: "text" | "email" | "date" | "textarea";
  hint?: UiKey;
}[] = [
  { key: "id", label: "col.campaigns.id", type: "text", hint: "sidebar.idHint" },
  { key: "name", label: "col.campaigns.name", type: "text" },
  { key: "owner", label: "col.campaigns.owner", type: "email" },
  { key: "objective", label: "col.campaigns.objective", type: "textarea" },
  { key: "audience", label: "col.campaigns.audience", type: "text" },
  { key: "channels", label: "col.campaigns.channels", type: "text", hint: "col.campaigns.channels.help" },
  { key: "content", label: "col.campaigns.content", type: "textarea" },
  { key: "place", label: "col.campaigns.place", type: "text" },
  { key: "start", label: "col.campaigns.start", type: "date" },
  { key: "end", label: "col.campaigns.end", type: "date" },
  { key: "budget", label: "col.campaigns.budget", type: "text" },
  { key: "currency", label: "col.campaigns.currency", type: "text" },
  { key: "kpis", label: "col.campaigns.kpis", type: "textarea", hint: "sidebar.kpisHint" },
  { key: "research", label: "col.campaigns.research", type: "text", hint: "sidebar.researchHint" },
];

/** The Research tab's findings to tick, each adding its ID to the Research field or taking it out. */
function findingPicker(input: HTMLInputElement | HTMLTextAreaElement): HTMLElement | null {
  const findings = data?.findings ?? [];
  if (findings.length === 0) return null;
  // The same list reading as the server's (one cell, any of the separators it accepts).
  const ids = () => splitList(input.value);
  return el(
    "div",
    { className: "picker" },
    ...findings.map((f) => {
      const box = el("input", { attrs: { type: "checkbox", "data-finding": f.id } });
      box.checked = ids().includes(f.id);
      box.addEventListener("change", () => {
        const rest = ids().filter((id) => id !== f.id);
        input.value = (box.checked ? [...rest, f.id] : rest).join(", ");
      });
      return el("label", { className: "check" }, box, el("span", { text: `${f.id} · ${f.topic || f.finding}` }));
    }),
  );
}

function visible(all: readonly CampaignCard[]): readonly CampaignCard[] {
  return filter === "mine" ? all.filter((c) => c.mine) : all;
}

// ------------------------------------------------------------------------------------------------ list

function render(): void {
  page.title.textContent = T("sidebar.title");
  page.create.textContent = T("sidebar.new");
  page.refresh.textContent = T("ui.refresh");
  page.list.replaceChildren();
  page.problemList.replaceChildren();
  page.problems.hidden = true;
  page.empty.hidden = true;
  if (!data) return;
  showBanner(page.banner, data.chain);
  const cards = visible(data.campaigns);
  document.body.dataset.state = data.campaigns.length ? "list" : "empty";
  page.filter.hidden = data.campaigns.length === 0;
  page.tools.hidden = !page.form.hidden;
  for (const b of page.filter.querySelectorAll<HTMLButtonElement>("button")) {
    b.textContent = T(b.dataset.filter === "mine" ? "sidebar.mine" : "sidebar.all");
    b.setAttribute("aria-pressed", String(b.dataset.filter === filter));
  }
  if (data.campaigns.length === 0) {
    page.status.textContent = "";
    page.empty.hidden = false;
    page.emptyTitle.textContent = T(data.setupNeeded ? "sidebar.setupNeeded" : "sidebar.empty");
    page.emptyHint.textContent = data.setupNeeded ? T("sidebar.setupHint") : T("sidebar.emptyHint", { tab: data.tab });
  } else {
    page.status.textContent = T("sidebar.count", { count: data.campaigns.length });
    if (cards.length === 0) page.list.append(el("li", { className: "muted", text: T("sidebar.noneMine") }));
    page.list.append(...cards.map(item));
  }
  if (data.problems.length > 0) {
    page.problems.hidden = false;
    page.problemsTitle.textContent = T("sidebar.problems");
    page.problemList.append(...data.problems.map(problemItem));
  }
}

function problemItem(p: RowProblem): HTMLLIElement {
  return el("li", {
    className: "problem",
    text: p.message,
    attrs: { "data-row": String(p.row), "data-column": p.column },
  });
}

function dates(c: CampaignCard): string {
  if (!c.start && !c.end) return T("sidebar.noDates");
  return T("sidebar.dateRange", { start: c.start ?? "…", end: c.end ?? "…" });
}

function item(c: CampaignCard): HTMLLIElement {
  const selected = c.id === selectedId;
  const button = el(
    "button",
    {
      className: "campaign",
      attrs: { type: "button", "data-id": c.id, "aria-expanded": String(selected), "aria-current": String(selected) },
    },
    el("span", { className: "top" }, el("span", { className: "name", text: c.name }), badge(c.status)),
    el("span", { className: "meta", text: `${c.id} · ${c.owner || T("sidebar.noOwner")}` }),
    el("span", { className: "meta", text: `${dates(c)} · ${money(c.budget, c.currency)}` }),
  );
  button.addEventListener("click", () => void select(c));
  return el("li", {}, button, selected ? detail(c) : null);
}

// ------------------------------------------------------------------------------------------------ detail

function section(titleKey: UiKey, ...children: (Node | null)[]): HTMLElement {
  return el("section", { className: "part" }, el("h3", { text: T(titleKey) }), ...children);
}

function detail(c: CampaignCard): HTMLElement {
  const panel = el("div", { className: "detail", attrs: { "data-detail": c.id } });
  if (outcome) {
    panel.append(
      el("div", { className: `notice ${outcome.kind}`, attrs: { role: "alert" }, text: outcome.text }),
      outcome.issues.length > 0 ? issueList(outcome.issues) : el("span"),
    );
  }
  const open = c.openRequest;
  if (open) {
    panel.append(
      el("p", {
        className: "waiting",
        text: T("sidebar.waiting", {
          type: label("requestType", open.type),
          level: T("ui.levelOf", { level: open.level, levels: open.levels }),
          who: open.waitingFor.join(", ") || "—",
          by: open.submittedBy,
        }),
      }),
    );
  }
  if (c.next !== null && !open) {
    panel.append(
      c.missing.length > 0
        ? section("sidebar.missing", issueList(c.missing))
        : el("p", { className: "complete", text: T("sidebar.complete") }),
    );
  }
  if (c.diff.length > 0) {
    panel.append(
      section("sidebar.diff", el("p", { className: "muted", text: T("sidebar.diffHint") }), diffList(c.diff)),
    );
  }
  if (lessonsOf?.id === c.id && lessonsOf.lessons.length > 0) panel.append(lessonsSection(lessonsOf.lessons));
  panel.append(actions(c));
  const unsent = unsentList(c.unsent);
  if (unsent) panel.append(unsent);
  panel.append(section("ui.historyTitle", historyList(c.history)));
  panel.append(escalations(c));
  return panel;
}

function actions(c: CampaignCard): HTMLElement {
  const box = el("div", { className: "act" });
  const needsReason = c.can.submitChange || c.can.submitCancellation;
  const anySubmit = c.can.submitPlan || c.can.submitExecution || c.can.submitChange || c.can.submitCancellation;
  const comment = el("textarea", { attrs: { name: "comment", rows: "2", maxlength: "5000" } });
  if (anySubmit || c.can.withdraw) {
    const labelText = needsReason && !c.can.submitPlan && !c.can.submitExecution ? "sidebar.reason" : "sidebar.comment";
    box.append(field(T(labelText), comment));
  }
  // Brand rules (Settings) are confirmed one by one with a plan, a change or an execution plan.
  const rules = c.can.submitPlan || c.can.submitExecution || c.can.submitChange ? (data?.brandRules ?? []) : [];
  const boxes = rules.map((rule) => {
    const box = el("input", { attrs: { type: "checkbox", name: "brand" } });
    box.value = rule;
    return box;
  });
  if (boxes.length > 0) {
    box.append(
      el(
        "fieldset",
        { className: "brand" },
        el("legend", { text: T("sidebar.brand") }),
        ...boxes.map((b) => el("label", { className: "check" }, b, el("span", { text: b.value }))),
      ),
    );
  }
  const confirmed = () => boxes.filter((b) => b.checked).map((b) => b.value);
  const buttons = el("div", { className: "buttons" });
  const add = (key: UiKey, run: () => void, primary = false) => buttons.append(button(T(key), run, primary));
  const send = (type: SubmissionType) => () =>
    void submitRequest(c, type, comment.value, type === "cancellation" ? [] : confirmed());
  if (c.can.edit && c.form) add("sidebar.edit", () => openForm(c.form));
  if (c.can.submitPlan) add("sidebar.submitPlan", send("plan"), true);
  if (c.can.submitExecution) add("sidebar.submitExecution", send("execution"), true);
  if (c.can.submitChange) add("sidebar.submitChange", send("change"), true);
  if (c.can.submitCancellation) add("sidebar.requestCancellation", send("cancellation"));
  if (c.can.withdraw) add("workflow.action.cancel_request", () => void withdrawRequest(c, comment.value));
  if (buttons.childElementCount > 0) box.append(buttons);
  return box;
}

function escalations(c: CampaignCard): HTMLElement {
  const part = section(
    "sidebar.escalations",
    ...c.escalations.map((e) =>
      el(
        "div",
        { className: "escalation", attrs: { "data-id": e.id } },
        el("span", {
          className: "meta",
          text: `${when(e.reportedAt)} · ${e.reportedBy} · ${T(`severity.${e.severity}` as UiKey)}`,
        }),
        el("p", { text: e.problem }),
        el("p", {
          className: e.instruction ? "instruction" : "muted",
          text: e.instruction ? T("sidebar.instruction", { text: e.instruction }) : T("sidebar.awaiting"),
        }),
      ),
    ),
  );
  if (!c.can.escalate) return part;
  const severity = el(
    "select",
    { attrs: { name: "severity" } },
    ...(["low", "medium", "high", "critical"] as const).map((s) => {
      const o = el("option", { text: T(`severity.${s}`), attrs: { value: s } });
      o.selected = s === "medium";
      return o;
    }),
  );
  const problem = el("textarea", { attrs: { name: "problem", rows: "3", maxlength: "5000" } });
  const form = el(
    "div",
    { className: "report" },
    el("h4", { text: T("sidebar.escalate") }),
    field(T("sidebar.severity"), severity),
    field(T("sidebar.problem"), problem),
    errorSlot("problem"),
    button(T("sidebar.send"), () => void escalate(c, severity.value, problem.value, form)),
  );
  part.append(form);
  return part;
}

// ------------------------------------------------------------------------------------------------ actions

function refusedText(r: Refused): Outcome {
  return { kind: "error", text: r.message, issues: r.issues };
}

/** One action on the selected campaign: what it answers shows in the campaign's panel, redrawn from a fresh list. */
async function act(send: () => Promise<Outcome>): Promise<void> {
  setBusy(true);
  try {
    outcome = await send();
  } catch (error) {
    outcome = { kind: "error", text: errorMessage(error), issues: [] };
  } finally {
    setBusy(false);
  }
  await load();
  revealOutcome();
}

/** The answer to an action, at the top of the campaign's panel, brought into view (the buttons are below it). */
function revealOutcome(): void {
  const note = page.list.querySelector(".detail > .notice");
  if (note) reveal(note);
}

async function submitRequest(c: CampaignCard, type: SubmissionType, comment: string, brand: string[]): Promise<void> {
  if (isBusy()) return;
  await act(async () => {
    const request = { campaignId: c.id, type, requestId: newRequestId(), comment };
    const result = await rpc("rpcSubmit", brand.length > 0 ? { ...request, brand } : request);
    if (!result.ok) return refusedText(result);
    const said = result.duplicate
      ? T("sidebar.duplicate")
      : T("sidebar.submitted", { state: label("state", result.state) });
    return { kind: "info", text: said + unsentText(result.notices), issues: [] };
  });
}

async function withdrawRequest(c: CampaignCard, comment: string): Promise<void> {
  const open = c.openRequest;
  if (isBusy() || !open) return;
  await act(async () => {
    const result = await rpc("rpcWithdraw", {
      campaignId: c.id,
      requestId: open.id,
      seenVersion: open.version,
      comment,
    });
    if (!result.ok) return refusedText(result);
    return { kind: "info", text: T("sidebar.withdrawn", { state: label("state", result.state) }), issues: [] };
  });
}

async function escalate(c: CampaignCard, severity: string, problem: string, form: HTMLElement): Promise<void> {
  if (isBusy()) return;
  setBusy(true);
  try {
    const result = await rpc("rpcEscalate", {
      campaignId: c.id,
      severity: severity as "low" | "medium" | "high" | "critical",
      problem,
    });
    if (!result.ok) {
      const rest = placeIssues(form, result.issues);
      outcome = { kind: "error", text: result.message, issues: rest };
      setBusy(false);
      renderOutcomeOnly();
      return;
    }
    outcome = { kind: "info", text: T("sidebar.reported") + unsentText(result.notices), issues: [] };
  } catch (error) {
    outcome = { kind: "error", text: errorMessage(error), issues: [] };
  }
  setBusy(false);
  await load();
  revealOutcome();
}

/** Shows the outcome without redrawing the panel (so what was typed stays). */
function renderOutcomeOnly(): void {
  const panel = page.list.querySelector<HTMLElement>(".detail");
  if (!panel || !outcome) return;
  panel.querySelector(":scope > .notice")?.remove();
  panel.prepend(el("div", { className: `notice ${outcome.kind}`, attrs: { role: "alert" }, text: outcome.text }));
  revealOutcome();
}

async function select(c: CampaignCard): Promise<void> {
  if (isBusy()) return;
  const same = selectedId === c.id;
  selectedId = same ? null : c.id;
  outcome = null;
  render();
  if (same) return;
  try {
    const result = await rpc("rpcSelectCampaign", { id: c.id });
    page.status.textContent = T("sidebar.selected", { row: result.row, tab: result.tab });
    showNotice(page.notice, null);
    await loadLessons(c);
  } catch (error) {
    showNotice(page.notice, "error", T("sidebar.selectError", { message: errorMessage(error) }));
  }
}

// ------------------------------------------------------------------------------------------------ form

function openForm(values: PlanForm | null): void {
  const editing = values !== null;
  page.formTitle.textContent = editing ? T("sidebar.formEdit", { id: values.id }) : T("sidebar.formNew");
  page.formSave.textContent = T("sidebar.saveDraft");
  page.formCancel.textContent = T("ui.cancel");
  page.formFields.replaceChildren(
    ...FORM_FIELDS.map((f) => {
      const input =
        f.type === "textarea"
          ? el("textarea", { attrs: { name: f.key, rows: "2", maxlength: "5000" } })
          : el("input", { attrs: { name: f.key, type: f.type, maxlength: "500" } });
      input.value = values?.[f.key] ?? "";
      if (f.key === "id" && editing) input.readOnly = true;
      if (f.key === "currency" && !editing) input.placeholder = data?.currency ?? "";
      const id = `f-${f.key}`;
      input.id = id;
      const error = errorSlot(f.key, `${id}-error`);
      input.setAttribute("aria-describedby", `${id}-error`);
      return el(
        "div",
        { className: "field" },
        el("label", { text: T(f.label), attrs: { for: id } }),
        input,
        f.key === "research" ? findingPicker(input) : null,
        f.hint ? el("small", { className: "muted", text: T(f.hint) }) : null,
        error,
      );
    }),
  );
  page.form.hidden = false;
  page.list.hidden = true;
  page.tools.hidden = true;
  page.form.querySelector<HTMLInputElement>(editing ? "[name=name]" : "[name=id]")?.focus();
}

function closeForm(): void {
  page.form.hidden = true;
  page.list.hidden = false;
  render();
}

async function saveForm(): Promise<void> {
  if (isBusy()) return;
  const value = (key: keyof PlanForm) =>
    page.form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${key}"]`)?.value ?? "";
  const request = Object.fromEntries(FORM_FIELDS.map((f) => [f.key, value(f.key)])) as unknown as PlanForm;
  setBusy(true);
  try {
    const result = await rpc("rpcSavePlan", request);
    setBusy(false);
    if (!result.ok) {
      const rest = placeIssues(page.form, result.issues);
      showNotice(
        page.notice,
        "error",
        rest.length > 0 ? `${result.message} ${rest.map((i) => i.message).join(" ")}` : T("sidebar.fixFields"),
      );
      return;
    }
    showNotice(page.notice, "info", T("sidebar.saved", { id: result.id }));
    selectedId = result.id;
    outcome = null;
    page.form.hidden = true;
    page.list.hidden = false;
    await load();
  } catch (error) {
    setBusy(false);
    showNotice(page.notice, "error", errorMessage(error));
  }
}

// ------------------------------------------------------------------------------------------------ loading

async function load(): Promise<void> {
  page.refresh.disabled = true;
  if (!data) page.status.textContent = T("sidebar.loading");
  try {
    data = await rpc("rpcMyCampaigns", {});
    setLang(data.lang);
    if (filter === null) filter = data.campaigns.some((c) => c.mine) ? "mine" : "all";
    if (selectedId !== null && !data.campaigns.some((c) => c.id === selectedId)) selectedId = null;
    render();
  } catch (error) {
    showLoadFailure(page, error);
  } finally {
    page.refresh.disabled = false;
  }
}

page.refresh.addEventListener("click", () => {
  outcome = null;
  showNotice(page.notice, null);
  void load();
});
page.create.addEventListener("click", () => openForm(null));
page.formCancel.addEventListener("click", closeForm);
page.form.addEventListener("submit", (e) => {
  e.preventDefault();
  void saveForm();
});
page.filter.addEventListener("click", (e) => {
  const b = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-filter]");
  if (!b) return;
  filter = b.dataset.filter === "mine" ? "mine" : "all";
  render();
});
page.status.textContent = T("sidebar.loading");
void load();

/** A plan being drafted (or under review) shows the lessons of past campaigns with its channels, audience or tags. */
async function loadLessons(c: CampaignCard): Promise<void> {
  if (c.status !== "Draft" && c.status !== "PlanSubmitted") return;
  try {
    const found = await rpc("rpcLessons", { campaignId: c.id });
    if (selectedId !== c.id) return;
    lessonsOf = { id: c.id, lessons: found.lessons };
    render();
  } catch {
    // Lessons are a help while drafting, never a reason to fail the selection.
  }
}

function lessonsSection(lessons: LessonsResponse["lessons"]): HTMLElement {
  return section(
    "sidebar.lessons",
    el(
      "ul",
      { className: "lessons", attrs: { "data-lessons": "" } },
      ...lessons.map((l) =>
        el(
          "li",
          {},
          el("b", { text: l.lesson }),
          el("span", { text: l.recommendation }),
          el("span", { className: "meta", text: T("sidebar.lessonFrom", { campaign: l.campaign }) }),
        ),
      ),
    ),
  );
}
