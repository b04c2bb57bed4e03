// The Campaigns sidebar: lists the campaigns of the workbook (loading, empty, error and list states, plus the rows
// that need attention) and selects a campaign's row in the sheet when it is clicked.
import type { CampaignStatus } from "../../domain/campaign";
import { type Lang, langOf, t } from "../../domain/i18n";
import type { CampaignSummary, ListCampaignsResponse, RowProblem } from "../../server/api";
import { byId, el } from "../shared/dom";
import { errorMessage, rpc } from "../shared/rpc";

type View =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "loaded"; data: ListCampaignsResponse };

/** States in which a campaign is under way: their badge is highlighted. */
const ACTIVE_STATES: ReadonlySet<CampaignStatus> = new Set<CampaignStatus>(["PlanApproved", "Ready", "InProgress"]);

const page = {
  title: byId("title", HTMLHeadingElement),
  refresh: byId("refresh", HTMLButtonElement),
  status: byId("status", HTMLParagraphElement),
  notice: byId("notice", HTMLDivElement),
  empty: byId("empty", HTMLDivElement),
  emptyTitle: byId("empty-title", HTMLParagraphElement),
  emptyHint: byId("empty-hint", HTMLParagraphElement),
  list: byId("list", HTMLUListElement),
  problems: byId("problems", HTMLElement),
  problemsTitle: byId("problems-title", HTMLHeadingElement),
  problemList: byId("problem-list", HTMLUListElement),
};

let lang: Lang = langOf(document.documentElement.lang);
let selectedId: string | null = null;

function formatBudget(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { style: "currency", currency }).format(amount);
  } catch {
    // An unknown currency code: show the number with the code rather than nothing.
    return `${amount.toFixed(2)} ${currency}`;
  }
}

function dates(c: CampaignSummary): string {
  if (!c.start && !c.end) return t(lang, "sidebar.noDates");
  return t(lang, "sidebar.dateRange", { start: c.start ?? "…", end: c.end ?? "…" });
}

function campaignItem(c: CampaignSummary): HTMLLIElement {
  const badge = el("span", {
    className: ACTIVE_STATES.has(c.status) ? "badge active" : "badge",
    text: t(lang, `status.${c.status}`),
  });
  const button = el(
    "button",
    { className: "campaign", attrs: { type: "button", "data-id": c.id, "aria-current": String(c.id === selectedId) } },
    el("span", { className: "top" }, el("span", { className: "name", text: c.name }), badge),
    el("span", { className: "meta", text: `${c.id} · ${c.owner || t(lang, "sidebar.noOwner")}` }),
    el("span", { className: "meta", text: dates(c) }),
    el("span", {
      className: "budget",
      text: c.budget === null ? t(lang, "sidebar.noBudget") : formatBudget(c.budget, c.currency),
    }),
  );
  button.addEventListener("click", () => void select(c, button));
  return el("li", {}, button);
}

function problemItem(p: RowProblem): HTMLLIElement {
  return el("li", {
    className: "problem",
    text: p.message,
    attrs: { "data-row": String(p.row), "data-column": p.column },
  });
}

function showNotice(message: string | null): void {
  page.notice.hidden = message === null;
  page.notice.textContent = message ?? "";
}

function render(view: View): void {
  document.body.dataset.state = view.state === "loaded" ? (view.data.campaigns.length ? "list" : "empty") : view.state;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  page.title.textContent = t(lang, "sidebar.title");
  page.refresh.textContent = t(lang, "sidebar.refresh");
  page.refresh.disabled = view.state === "loading";
  page.list.setAttribute("aria-busy", String(view.state === "loading"));
  page.list.replaceChildren();
  page.problemList.replaceChildren();
  page.problems.hidden = true;
  page.empty.hidden = true;

  if (view.state === "loading") {
    page.status.textContent = t(lang, "sidebar.loading");
    showNotice(null);
    return;
  }
  if (view.state === "error") {
    page.status.textContent = "";
    showNotice(t(lang, "sidebar.error", { message: view.message }));
    return;
  }
  showNotice(null);
  const { data } = view;
  if (data.campaigns.length === 0) {
    page.status.textContent = "";
    page.empty.hidden = false;
    page.emptyTitle.textContent = t(lang, data.setupNeeded ? "sidebar.setupNeeded" : "sidebar.empty");
    page.emptyHint.textContent = data.setupNeeded
      ? t(lang, "sidebar.setupHint")
      : t(lang, "sidebar.emptyHint", { tab: data.tab });
  } else {
    page.status.textContent = t(lang, "sidebar.count", { count: data.campaigns.length });
    page.list.append(...data.campaigns.map(campaignItem));
  }
  if (data.problems.length > 0) {
    page.problems.hidden = false;
    page.problemsTitle.textContent = t(lang, "sidebar.problems");
    page.problemList.append(...data.problems.map(problemItem));
  }
}

async function load(): Promise<void> {
  render({ state: "loading" });
  try {
    const data = await rpc("rpcListCampaigns", {});
    lang = data.lang;
    if (selectedId !== null && !data.campaigns.some((c) => c.id === selectedId)) selectedId = null;
    render({ state: "loaded", data });
  } catch (error) {
    render({ state: "error", message: errorMessage(error) });
  }
}

async function select(c: CampaignSummary, button: HTMLButtonElement): Promise<void> {
  try {
    const result = await rpc("rpcSelectCampaign", { id: c.id });
    selectedId = c.id;
    for (const other of page.list.querySelectorAll(".campaign")) other.setAttribute("aria-current", "false");
    button.setAttribute("aria-current", "true");
    showNotice(null);
    page.status.textContent = t(lang, "sidebar.selected", { row: result.row, tab: result.tab });
  } catch (error) {
    showNotice(t(lang, "sidebar.selectError", { message: errorMessage(error) }));
  }
}

page.refresh.addEventListener("click", () => void load());
void load();
