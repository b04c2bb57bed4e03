// "Roles and settings": who is an admin, who approves at which level up to which amount, who is finance, and who
// decides for an approver who is away. Only admins may save (the server checks); others see the roles read-only.
import type { RolesView, SaveRolesRequest } from "../../server/admin/api";
import { byId, el, errorSlot, field as labelled, showNotice } from "../shared/dom";
import { errorMessage, rpc } from "../shared/rpc";
import { issueList, placeIssues, setLang, showLoadFailure, T } from "../shared/ui";

const page = {
  title: byId("title", HTMLHeadingElement),
  status: byId("status", HTMLParagraphElement),
  notice: byId("notice", HTMLDivElement),
  form: byId("form", HTMLFormElement),
  fields: byId("fields", HTMLFieldSetElement),
  adminsTitle: byId("admins-title", HTMLHeadingElement),
  adminsHint: byId("admins-hint", HTMLParagraphElement),
  admins: byId("admins", HTMLTextAreaElement),
  levelsTitle: byId("levels-title", HTMLHeadingElement),
  levelsHint: byId("levels-hint", HTMLParagraphElement),
  levels: byId("levels", HTMLDivElement),
  addLevel: byId("add-level", HTMLButtonElement),
  financeTitle: byId("finance-title", HTMLHeadingElement),
  finance: byId("finance", HTMLTextAreaElement),
  delegationsTitle: byId("delegations-title", HTMLHeadingElement),
  delegationsHint: byId("delegations-hint", HTMLParagraphElement),
  delegations: byId("delegations", HTMLDivElement),
  addDelegation: byId("add-delegation", HTMLButtonElement),
  save: byId("save", HTMLButtonElement),
};

let view: RolesView | null = null;

const list = (text: string) =>
  text
    .split(/[,;\s，；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

function input(name: string, value: string, type = "text"): HTMLInputElement {
  const node = el("input", { attrs: { name, type } });
  node.value = value;
  return node;
}

function field(labelText: string, control: HTMLElement, errorFor: string): HTMLElement {
  return labelled(labelText, control, errorSlot(errorFor));
}

function removeButton(row: HTMLElement): HTMLButtonElement {
  const b = el("button", { className: "link", text: T("ui.remove"), attrs: { type: "button" } });
  b.addEventListener("click", () => {
    row.remove();
    renumber();
  });
  return b;
}

/** Level and delegation rows carry their index in their field names, so server messages land next to them. */
function renumber(): void {
  page.levels.querySelectorAll<HTMLElement>(".row").forEach((row, i) => {
    const head = row.querySelector(".head span");
    if (head) head.textContent = T("roles.level", { n: i + 1 });
    for (const node of row.querySelectorAll<HTMLElement>("[name], [data-error-for]")) rename(node, `levels.${i}.`);
  });
  page.delegations.querySelectorAll<HTMLElement>(".row").forEach((row, i) => {
    for (const node of row.querySelectorAll<HTMLElement>("[name], [data-error-for]")) rename(node, `delegations.${i}.`);
  });
}

function rename(node: HTMLElement, prefix: string): void {
  const attr = node.hasAttribute("name") ? "name" : "data-error-for";
  const last = (node.getAttribute(attr) ?? "").split(".").pop() ?? "";
  node.setAttribute(attr, `${prefix}${last}`);
}

function levelRow(level: { approvers: readonly string[]; limit: number | null }): HTMLElement {
  const row = el("div", { className: "row level" });
  const approvers = el("textarea", { attrs: { name: "levels.0.approvers", rows: "2" } });
  approvers.value = level.approvers.join(", ");
  const limit = input("levels.0.limit", level.limit === null ? "" : String(level.limit));
  limit.inputMode = "decimal";
  row.append(
    el("div", { className: "head" }, el("span"), removeButton(row)),
    field(T("roles.approvers"), approvers, "levels.0.approvers"),
    field(T("roles.limit", { currency: view?.currency ?? "" }), limit, "levels.0.limit"),
  );
  return row;
}

function delegationRow(d: { approver: string; delegate: string; from: string; to: string }): HTMLElement {
  const row = el("div", { className: "row delegation" });
  row.append(
    el("div", { className: "head" }, el("span"), removeButton(row)),
    field(T("roles.approver"), input("delegations.0.approver", d.approver, "email"), "delegations.0.approver"),
    field(T("roles.delegate"), input("delegations.0.delegate", d.delegate, "email"), "delegations.0.delegate"),
    el(
      "div",
      { className: "pair" },
      field(T("roles.from"), input("delegations.0.from", d.from, "date"), "delegations.0.from"),
      field(T("roles.to"), input("delegations.0.to", d.to, "date"), "delegations.0.to"),
    ),
  );
  return row;
}

function render(): void {
  if (!view) return;
  page.title.textContent = T("roles.title");
  page.adminsTitle.textContent = T("roles.admins");
  page.adminsHint.textContent = T("roles.adminsHint", { owner: view.owner || "—" });
  page.levelsTitle.textContent = T("roles.levels");
  page.levelsHint.textContent = T("roles.levelsHint");
  page.addLevel.textContent = T("roles.addLevel");
  page.financeTitle.textContent = T("roles.finance");
  page.delegationsTitle.textContent = T("roles.delegations");
  page.delegationsHint.textContent = T("roles.delegationsHint");
  page.addDelegation.textContent = T("roles.addDelegation");
  page.save.textContent = T("ui.save");
  page.admins.value = view.admins.join(", ");
  page.finance.value = view.finance.join(", ");
  page.levels.replaceChildren(...view.levels.map(levelRow));
  page.delegations.replaceChildren(...view.delegations.map(delegationRow));
  renumber();
  page.fields.disabled = !view.isAdmin;
  page.save.hidden = !view.isAdmin;
  page.status.textContent = view.isAdmin ? "" : T("roles.readOnly");
  page.form.hidden = false;
  document.body.dataset.state = "loaded";
}

function value(name: string): string {
  return page.form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)?.value ?? "";
}

function collect(): SaveRolesRequest {
  return {
    admins: list(page.admins.value),
    finance: list(page.finance.value),
    levels: [...page.levels.querySelectorAll(".row")].map((_, i) => ({
      approvers: list(value(`levels.${i}.approvers`)),
      limit: value(`levels.${i}.limit`).trim() === "" ? null : value(`levels.${i}.limit`).trim(),
    })),
    delegations: [...page.delegations.querySelectorAll(".row")].map((_, i) => ({
      approver: value(`delegations.${i}.approver`),
      delegate: value(`delegations.${i}.delegate`),
      from: value(`delegations.${i}.from`),
      to: value(`delegations.${i}.to`),
    })),
  };
}

async function save(): Promise<void> {
  page.save.disabled = true;
  try {
    const result = await rpc("rpcSaveRoles", collect());
    if (!result.ok) {
      const rest = placeIssues(page.form, result.issues);
      showNotice(page.notice, "error", result.message);
      if (rest.length > 0) page.notice.append(issueList(rest));
      return;
    }
    view = result.roles;
    render();
    showNotice(page.notice, "info", T("roles.saved"));
  } catch (error) {
    showNotice(page.notice, "error", errorMessage(error));
  } finally {
    page.save.disabled = false;
  }
}

async function load(): Promise<void> {
  page.status.textContent = T("ui.loading");
  try {
    view = await rpc("rpcGetRoles", {});
    setLang(view.lang);
    render();
  } catch (error) {
    showLoadFailure(page, error);
  }
}

page.addLevel.addEventListener("click", () => {
  page.levels.append(levelRow({ approvers: [], limit: null }));
  renumber();
});
page.addDelegation.addEventListener("click", () => {
  page.delegations.append(delegationRow({ approver: "", delegate: "", from: "", to: "" }));
  renumber();
});
page.form.addEventListener("submit", (e) => {
  e.preventDefault();
  void save();
});
void load();
