// Pieces every sidebar shows the same way: the language, the broken-chain banner, notices that were not e-mailed,
// per-field messages next to their fields, a campaign's history and diff, amounts and times. All text goes in as
// textContent (el()), never as HTML.
import { UI_CATALOG } from "../../domain/catalog";
import { fill, type Lang, langOf, type UiKey } from "../../domain/i18n";
import type { ChainView, FieldDiff, FieldIssue, HistoryEntry, NoticeView } from "../../server/shared/contract";
import { el, showNotice } from "./dom";
import { errorMessage } from "./rpc";
import { shownTime } from "./time";

let current: Lang = langOf(document.documentElement.lang);

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
}

/** A message of the sidebar catalog in the current language; an unknown key (a value typed by hand) as it is. */
export function T(key: UiKey, params?: Readonly<Record<string, string | number>>): string {
  const text: string | undefined = UI_CATALOG[current][key];
  return text === undefined ? key.slice(key.lastIndexOf(".") + 1) : fill(text, params);
}

/** Labels the engine's vocabulary: states, request types, actions, fields. */
export function label(kind: "state" | "requestType" | "action" | "field", value: string): string {
  return T(`workflow.${kind}.${value}` as UiKey);
}

/** "12,000.00 EUR" in the person's number style; the code alone when the browser does not know the currency. */
export function money(amount: number | null, currency: string): string {
  if (amount === null) return T("sidebar.noBudget");
  try {
    const text = new Intl.NumberFormat(current === "zh" ? "zh-CN" : "en-US", {
      style: "decimal",
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    }).format(amount);
    return `${text} ${currency}`;
  } catch {
    return `${amount} ${currency}`;
  }
}

/** An instant in the spreadsheet's time zone, in the current language ("2 Mar 2026, 09:05"). */
export function when(iso: string): string {
  return shownTime(iso, current);
}

export function showBanner(node: HTMLElement, chain: ChainView): void {
  node.hidden = chain.ok;
  node.textContent = chain.ok ? "" : T("ui.chainBroken", { detail: chain.message });
}

/** A page that could not load: the state says so (tests and styles read it), the notice says why. */
export function showLoadFailure(page: { readonly status: HTMLElement; readonly notice: HTMLElement }, error: unknown) {
  document.body.dataset.state = "error";
  page.status.textContent = "";
  showNotice(page.notice, "error", T("ui.error", { message: errorMessage(error) }));
}

/** Notices that could not be e-mailed, as sentences to append to a notice ("" when all went out). */
export function unsentText(notices: readonly NoticeView[]): string {
  return notices
    .filter((n) => !n.sent)
    .map((n) => ` ${T("ui.unsent", { to: n.to || "—", reason: n.reason })}`)
    .join("");
}

/** Notices that could not be e-mailed, as a list under a heading; nothing when all went out. */
export function unsentList(notices: readonly NoticeView[]): HTMLElement | null {
  const failed = notices.filter((n) => !n.sent);
  if (failed.length === 0) return null;
  return el(
    "div",
    { className: "unsent", attrs: { role: "status" } },
    el("h3", { text: T("ui.unsentTitle") }),
    el("ul", {}, ...failed.map((n) => el("li", { text: T("ui.unsent", { to: n.to || "—", reason: n.reason }) }))),
  );
}

/** A list of issues: the message, and where it is when it is a cell. */
export function issueList(issues: readonly FieldIssue[]): HTMLUListElement {
  return el(
    "ul",
    { className: "issues" },
    ...issues.map((i) =>
      el(
        "li",
        { className: "issue", attrs: { "data-field": i.field } },
        el("span", { text: i.message }),
        i.where ? el("span", { className: "where", text: i.where }) : null,
      ),
    ),
  );
}

/**
 * Puts each issue next to its field: an element with data-error-for="<field>" (the first segment of the path)
 * receives the messages; the rest come back for a general list.
 */
export function placeIssues(root: HTMLElement, issues: readonly FieldIssue[]): FieldIssue[] {
  for (const slot of root.querySelectorAll<HTMLElement>("[data-error-for]")) {
    slot.textContent = "";
    slot.hidden = true;
  }
  for (const input of root.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    const parts = issue.field.split(".");
    const slot =
      root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(issue.field)}"]`) ??
      root.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(parts[0] ?? "")}"]`);
    if (!slot) {
      rest.push(issue);
      continue;
    }
    slot.hidden = false;
    slot.append(el("span", { text: issue.message }));
    const input = root.querySelector(`[name="${CSS.escape(slot.dataset.errorFor ?? "")}"]`);
    input?.setAttribute("aria-invalid", "true");
  }
  return rest;
}

export function diffList(diffs: readonly FieldDiff[]): HTMLUListElement {
  return el(
    "ul",
    { className: "diff" },
    ...diffs.map((d) =>
      el(
        "li",
        { attrs: { "data-field": d.field } },
        el("b", { text: label("field", d.field) }),
        el("span", { className: "before", text: T("ui.approvedWas", { before: d.before || T("ui.empty") }) }),
        el("span", { className: "after", text: T("ui.nowIs", { after: d.after || T("ui.empty") }) }),
      ),
    ),
  );
}

export function historyList(entries: readonly HistoryEntry[]): HTMLElement {
  if (entries.length === 0) return el("p", { className: "muted", text: T("ui.noHistory") });
  return el(
    "ol",
    { className: "history" },
    ...[...entries].reverse().map((e) => {
      const who = e.onBehalfOf ? T("ui.onBehalf", { actor: e.actor, approver: e.onBehalfOf }) : e.actor;
      const what = [
        label("action", e.action),
        e.requestType ? label("requestType", e.requestType) : "",
        e.level > 0 ? T("ui.level", { level: e.level }) : "",
      ]
        .filter((x) => x !== "")
        .join(" · ");
      return el(
        "li",
        { attrs: { "data-action": e.action } },
        el("span", { className: "meta", text: `${when(e.at)} · ${who}` }),
        el("span", { className: "what", text: what }),
        e.comment ? el("q", { className: "comment", text: e.comment }) : null,
      );
    }),
  );
}

export function badge(state: string): HTMLSpanElement {
  const active = state === "PlanApproved" || state === "Ready" || state === "InProgress";
  const waiting = state === "PlanSubmitted" || state === "ExecutionSubmitted";
  return el("span", {
    className: `badge${active ? " active" : waiting ? " waiting" : ""}`,
    text: label("state", state),
    attrs: { "data-state": state },
  });
}
