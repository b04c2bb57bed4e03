// The Expenses sidebar: record an expense and see what is left of the budget before sending it (warning at the
// warning level, "needs overrun approval" above 100 %), request reimbursement of one's own expenses, and, for
// finance, mark approved reimbursements paid. Every text from the server goes in as textContent.
import { type Lang, langOf } from "../../domain/i18n";
import type { FieldIssue, NoticeView } from "../../server/shared/contract";
import type { AssessmentView, CampaignBudget, ExpenseDraft, ExpenseView, SpendOverview } from "../../server/spend/api";
import { button, byId, el, showNotice } from "../shared/dom";
import { errorMessage, newRequestId, rpc } from "../shared/rpc";
import { type TextKey, tx } from "./texts";

const FIELDS = [
  "campaign",
  "category",
  "date",
  "kind",
  "vendor",
  "description",
  "amount",
  "currency",
  "refundOf",
  "receiptLink",
] as const;

const page = {
  title: byId("title", HTMLHeadingElement),
  refresh: byId("refresh", HTMLButtonElement),
  status: byId("status", HTMLParagraphElement),
  notice: byId("notice", HTMLDivElement),
  form: byId("form", HTMLFormElement),
  formTitle: byId("form-title", HTMLHeadingElement),
  campaign: byId("campaign", HTMLSelectElement),
  category: byId("category", HTMLInputElement),
  categories: byId("categories", HTMLDataListElement),
  date: byId("date", HTMLInputElement),
  kind: byId("kind", HTMLSelectElement),
  vendor: byId("vendor", HTMLInputElement),
  description: byId("description", HTMLInputElement),
  amount: byId("amount", HTMLInputElement),
  currency: byId("currency", HTMLSelectElement),
  receiptLink: byId("receiptLink", HTMLInputElement),
  refundOf: byId("refundOf", HTMLInputElement),
  reimbursable: byId("reimbursable", HTMLInputElement),
  left: byId("left", HTMLElement),
  leftNow: byId("left-now", HTMLParagraphElement),
  leftAfter: byId("left-after", HTMLParagraphElement),
  leftLine: byId("left-line", HTMLParagraphElement),
  leftPending: byId("left-pending", HTMLParagraphElement),
  assessment: byId("assessment", HTMLParagraphElement),
  duplicate: byId("duplicate", HTMLParagraphElement),
  submit: byId("submit", HTMLButtonElement),
  needsSection: byId("needs-section", HTMLElement),
  needs: byId("needs", HTMLUListElement),
  mineSection: byId("mine-section", HTMLElement),
  mine: byId("mine", HTMLUListElement),
  paySection: byId("pay-section", HTMLElement),
  toPay: byId("to-pay", HTMLUListElement),
  problems: byId("problems", HTMLElement),
  problemList: byId("problem-list", HTMLUListElement),
};

let lang: Lang = langOf(document.documentElement.lang);
let overview: SpendOverview | null = null;
let assessment: AssessmentView | null = null;
let requestId = newRequestId();
let assessTimer: number | undefined;
let assessSeq = 0;
let saving = false;

function T(key: TextKey, params?: Readonly<Record<string, string | number>>): string {
  return tx(lang, key, params);
}

function money(amount: number): string {
  const currency = overview?.currency ?? "";
  try {
    return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { style: "currency", currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

function percent(value: number | null): string {
  return value === null ? "–" : `${(value * 100).toFixed(1)} %`;
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function notify(message: string | null, kind: "error" | "ok" = "error"): void {
  showNotice(page.notice, message === null ? null : kind, message ?? "");
}

function fieldBox(field: string): HTMLElement | null {
  return page.form.querySelector<HTMLElement>(`[data-field="${field}"]`);
}

function clearFieldErrors(): void {
  for (const field of FIELDS) {
    const box = fieldBox(field);
    if (!box) continue;
    box.dataset.invalid = "false";
    const error = box.querySelector(".field-error");
    if (error) error.textContent = "";
  }
}

/** Issues next to their fields; the rest (not about one field) in the notice. Returns what was not placed. */
function showFieldErrors(issues: readonly FieldIssue[]): string[] {
  clearFieldErrors();
  const rest: string[] = [];
  for (const issue of issues) {
    const box = (FIELDS as readonly string[]).includes(issue.field) ? fieldBox(issue.field) : null;
    const error = box?.querySelector(".field-error");
    if (!box || !error) {
      rest.push(issue.message);
      continue;
    }
    box.dataset.invalid = "true";
    error.textContent = error.textContent ? `${error.textContent} ${issue.message}` : issue.message;
  }
  return rest;
}

function draft(): ExpenseDraft {
  return {
    date: page.date.value,
    campaign: page.campaign.value,
    category: page.category.value,
    vendor: page.vendor.value,
    description: page.description.value,
    amount: page.amount.value.trim(),
    currency: page.currency.value,
    kind: page.kind.value === "committed" ? "committed" : "actual",
    receiptLink: page.receiptLink.value.trim(),
    reimbursable: page.reimbursable.checked,
    refundOf: page.refundOf.value.trim(),
  };
}

function setTexts(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  page.title.textContent = T("title");
  page.refresh.textContent = T("refresh");
  page.formTitle.textContent = T("record");
  for (const node of document.querySelectorAll<HTMLElement>("[data-text]")) {
    node.textContent = T(node.dataset.text as TextKey);
  }
}

function option(value: string, text: string, disabled = false): HTMLOptionElement {
  const o = el("option", { text, attrs: { value } });
  o.disabled = disabled;
  return o;
}

function campaignOption(c: CampaignBudget): HTMLOptionElement {
  const text = T("campaignLine", { id: c.id, name: c.name, left: money(c.position.remaining) });
  return option(c.id, c.open ? text : `${c.id} · ${c.name} (${T("notOpen")})`, !c.open);
}

function fillForm(data: SpendOverview): void {
  const keep = { campaign: page.campaign.value, currency: page.currency.value, kind: page.kind.value };
  page.campaign.replaceChildren(option("", T("chooseCampaign")), ...data.campaigns.map(campaignOption));
  if (data.campaigns.some((c) => c.id === keep.campaign && c.open)) page.campaign.value = keep.campaign;
  page.categories.replaceChildren(...data.categories.map((c) => el("option", { attrs: { value: c } })));
  page.currency.replaceChildren(...data.currencies.map((c) => option(c, c)));
  page.currency.value = data.currencies.includes(keep.currency) ? keep.currency : data.currency;
  page.kind.replaceChildren(option("actual", data.labels.kind.actual), option("committed", data.labels.kind.committed));
  page.kind.value = keep.kind === "committed" ? "committed" : "actual";
  if (page.date.value === "") page.date.value = today();
}

function expenseItem(e: ExpenseView, data: SpendOverview): HTMLLIElement {
  const badge = el("span", {
    className: "badge",
    text: e.recorded ? data.labels.expenseStatus[e.status] : T("notRecorded"),
    attrs: { "data-status": e.status },
  });
  const item = el(
    "li",
    { className: "expense", attrs: { "data-id": e.id } },
    el(
      "span",
      { className: "top" },
      el("span", { text: `${e.id} · ${e.vendor || e.description || e.category}` }),
      badge,
    ),
    el("span", {
      className: "meta",
      text: [
        e.date,
        e.campaign,
        e.category,
        `${e.amount} ${e.currency}`,
        data.labels.kind[e.kind],
        e.refundOf ? T("refundLine", { id: e.refundOf }) : "",
      ]
        .filter((s) => s !== "")
        .join(" · "),
    }),
    e.duplicateOf.length > 0
      ? el("span", { className: "meta duplicate", text: T("duplicate", { ids: e.duplicateOf.join(", ") }) })
      : null,
  );
  if (e.canSubmitOverrun) {
    // A typed row that fits is recorded; one that does not goes with its overrun request.
    const over = e.overrun > 0;
    const label = e.recorded ? "sendOverrun" : over ? "recordAndSend" : "recordTyped";
    item.append(
      ...(over ? [el("span", { className: "meta overrun", text: T("overBy", { amount: money(e.overrun) }) })] : []),
      actionButton(T(label), () => act("rpcSubmitOverrun", e.id)),
    );
  }
  if (e.canRequestReimbursement)
    item.append(actionButton(T("requestReimbursement"), () => act("rpcRequestReimbursement", e.id)));
  if (e.canMarkPaid) item.append(actionButton(T("markPaid"), () => act("rpcMarkPaid", e.id)));
  return item;
}

/** Disabled while its request is on its way, so one click sends it once. */
function actionButton(text: string, onClick: () => Promise<void>): HTMLButtonElement {
  const b = button(text, () => {
    b.disabled = true;
    void onClick().finally(() => {
      b.disabled = false;
    });
  });
  return b;
}

function render(data: SpendOverview): void {
  lang = data.lang;
  setTexts();
  document.body.dataset.state = data.setupNeeded ? "setup" : "ready";
  page.refresh.disabled = false;
  page.status.textContent = "";
  if (data.setupNeeded) {
    page.form.hidden = true;
    page.needsSection.hidden = true;
    page.mineSection.hidden = true;
    page.paySection.hidden = true;
    page.problems.hidden = true;
    notify(T("setupNeeded"));
    return;
  }
  page.form.hidden = false;
  fillForm(data);
  page.needsSection.hidden = data.needsRequest.length === 0;
  page.needs.replaceChildren(...data.needsRequest.map((e) => expenseItem(e, data)));
  // Listed once: an expense waiting for its overrun request is above, with its button.
  const waiting = new Set(data.needsRequest.map((e) => e.id));
  const mine = data.mine.filter((e) => !waiting.has(e.id));
  page.mineSection.hidden = false;
  page.mine.replaceChildren(
    ...(mine.length > 0 ? mine.map((e) => expenseItem(e, data)) : [el("li", { className: "muted", text: T("none") })]),
  );
  page.paySection.hidden = !data.isFinance;
  page.toPay.replaceChildren(
    ...(data.toPay.length > 0
      ? data.toPay.map((e) => expenseItem(e, data))
      : [el("li", { className: "muted", text: T("none") })]),
  );
  page.problems.hidden = data.problems.length === 0;
  page.problemList.replaceChildren(
    ...data.problems.map((p) =>
      el("li", { className: "problem", text: p.message, attrs: { "data-row": String(p.row) } }),
    ),
  );
  renderAssessment();
}

function renderAssessment(): void {
  const a = assessment;
  page.left.hidden = a === null;
  page.submit.textContent = T(a?.outcome === "needs_overrun_approval" ? "submitOverrun" : "submit");
  page.submit.disabled = saving;
  if (!a) return;
  page.left.dataset.outcome = a.outcome;
  page.leftNow.textContent = T("leftNow", { amount: money(a.before.remaining) });
  page.leftAfter.textContent = T("leftAfter", { amount: money(a.after.remaining), pct: percent(a.after.usedPct) });
  const showLine = overview?.enforceLines || a.lineBefore.approved !== 0;
  page.leftLine.textContent = showLine
    ? T("lineLeft", { category: page.category.value.trim(), amount: money(a.lineAfter.remaining) })
    : "";
  page.leftPending.textContent = a.before.pending > 0 ? T("pendingNote", { amount: money(a.before.pending) }) : "";
  page.assessment.textContent = a.message;
  page.duplicate.hidden = a.duplicateOf.length === 0;
  page.duplicate.textContent = a.duplicateOf.length > 0 ? T("duplicate", { ids: a.duplicateOf.join(", ") }) : "";
}

function positionReady(): boolean {
  return page.campaign.value !== "" && page.amount.value.trim() !== "";
}

async function assess(): Promise<void> {
  if (!positionReady()) {
    assessment = null;
    clearFieldErrors();
    renderAssessment();
    return;
  }
  const seq = ++assessSeq;
  page.status.textContent = T("checking");
  try {
    const res = await rpc("rpcAssessExpense", { draft: draft(), requestId });
    if (seq !== assessSeq) return;
    page.status.textContent = "";
    if (res.ok) {
      clearFieldErrors();
      assessment = res.assessment;
    } else {
      assessment = null;
      showFieldErrors(res.issues);
    }
    renderAssessment();
  } catch (error) {
    if (seq === assessSeq) notify(T("error", { message: errorMessage(error) }));
  }
}

function scheduleAssess(): void {
  window.clearTimeout(assessTimer);
  assessTimer = window.setTimeout(() => void assess(), 300);
}

function unsent(notices: readonly NoticeView[]): string | null {
  const failed = notices.filter((n) => !n.sent);
  return failed.length > 0 ? T("notices", { reasons: failed.map((n) => n.reason).join("; ") }) : null;
}

async function record(): Promise<void> {
  if (saving) return;
  saving = true;
  page.submit.disabled = true;
  page.status.textContent = T("saving");
  try {
    const res = await rpc("rpcRecordExpense", { draft: draft(), requestId });
    page.status.textContent = "";
    if (!res.ok) {
      const rest = showFieldErrors(res.issues);
      notify(rest.length > 0 || res.issues.length === 0 ? [res.message, ...rest].join(" ") : res.message);
      return;
    }
    clearFieldErrors();
    const mail = unsent(res.notices);
    notify(mail ? `${res.message} ${mail}` : res.message, res.status === "pending_overrun" ? "error" : "ok");
    requestId = newRequestId();
    page.vendor.value = "";
    page.description.value = "";
    page.amount.value = "";
    page.receiptLink.value = "";
    page.refundOf.value = "";
    page.reimbursable.checked = false;
    assessment = null;
    await load(false);
  } catch (error) {
    page.status.textContent = "";
    notify(T("error", { message: errorMessage(error) }));
  } finally {
    saving = false;
    renderAssessment();
  }
}

async function act(name: "rpcRequestReimbursement" | "rpcMarkPaid" | "rpcSubmitOverrun", id: string): Promise<void> {
  try {
    const res = await rpc(name, { id, requestId: newRequestId() });
    if (!res.ok) {
      notify(res.message);
      return;
    }
    const mail = unsent(res.notices);
    notify(mail ? `${res.message} ${mail}` : res.message, "ok");
    await load(false);
  } catch (error) {
    notify(T("error", { message: errorMessage(error) }));
  }
}

async function load(clearNotice = true): Promise<void> {
  page.refresh.disabled = true;
  page.status.textContent = T("loading");
  if (clearNotice) notify(null);
  try {
    overview = await rpc("rpcSpendOverview", {});
    render(overview);
    if (positionReady()) await assess();
  } catch (error) {
    page.status.textContent = "";
    page.refresh.disabled = false;
    document.body.dataset.state = "error";
    notify(T("error", { message: errorMessage(error) }));
  }
}

// Every field the check reads, on each keystroke (input) and on a pick (change): what is left follows the typing, never
// only a field that loses focus. The receipt link counts too: without it an actual expense cannot be assessed.
for (const input of [
  page.campaign,
  page.category,
  page.date,
  page.kind,
  page.amount,
  page.currency,
  page.vendor,
  page.refundOf,
  page.receiptLink,
]) {
  input.addEventListener("input", scheduleAssess);
  input.addEventListener("change", scheduleAssess);
}
page.form.addEventListener("submit", (event) => {
  event.preventDefault();
  void record();
});
page.refresh.addEventListener("click", () => void load());
setTexts();
void load();
