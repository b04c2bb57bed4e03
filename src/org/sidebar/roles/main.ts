// Roles and settings in the org build: the add-on's page as it is, then the BigQuery export (project, dataset, team,
// period, on/off, export now, the last run and what it could not send) and the feedback form (a campaign, Create, the
// form's links). Its texts are the org catalog, inlined; it talks to the org build's own server functions, typed from
// src/org/api.ts, and lists the campaigns with the add-on's own rpcListCampaigns.
import "../../../sidebar/roles/main";
import type { Lang } from "../../../domain/i18n";
import type { ListCampaignsResponse } from "../../../server/approvals/api";
import { el, errorSlot, field, showNotice } from "../../../sidebar/shared/dom";
import { errorMessage, newRequestId } from "../../../sidebar/shared/rpc";
import type { ExportView, OrgApi, SaveExportRequest } from "../../api";
import { ORG_CATALOG, type OrgKey } from "../../catalog";

/** The org build's functions, and the one add-on function the feedback form section reads. */
type Api = OrgApi & { rpcListCampaigns(request: Record<string, never>): ListCampaignsResponse };

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
} & { readonly [K in keyof Api]: (...args: Parameters<Api[K]>) => void };

function call<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    // The org build's functions are on the same bridge; OrgApi is their contract.
    const runner = (google.script.run as unknown as Runner)
      .withSuccessHandler((value) => resolve(value as ReturnType<Api[K]>))
      .withFailureHandler((error) => reject(error));
    const methods: { readonly [P in keyof Api]: (...a: Parameters<Api[P]>) => void } = runner;
    methods[name].apply(runner, args);
  });
}

let lang: Lang = "en";
const T = (key: OrgKey) => ORG_CATALOG[lang][key];

const section = el("section", { className: "export", attrs: { id: "export" } });
const formSection = el("section", { className: "feedback-form", attrs: { id: "feedback-form" } });
document.body.append(section, formSection);

/** A campaign, Create, and the new form's links (or why it was not made). */
function renderForm(list: ListCampaignsResponse): void {
  lang = list.lang;
  const notice = el("div", { className: "notice", attrs: { role: "alert" } });
  notice.hidden = true;
  const pick = el("select", { attrs: { name: "campaign" } });
  for (const c of list.campaigns) {
    const option = el("option", { text: `${c.id} · ${c.name}` });
    option.value = c.id;
    pick.append(option);
  }
  const create = el("button", { className: "button", text: T("org.form.create"), attrs: { type: "button" } });
  create.disabled = list.campaigns.length === 0;
  const links = el("p", { className: "links" });
  let requestId = newRequestId();
  pick.addEventListener("change", () => {
    requestId = newRequestId();
  });
  create.addEventListener("click", () => {
    create.disabled = true;
    links.replaceChildren();
    call("rpcCreateFeedbackForm", { requestId, campaign: pick.value })
      .then((result) => {
        if (!result.ok) {
          showNotice(notice, "error", result.message);
          return;
        }
        requestId = newRequestId();
        showNotice(notice, "ok", T("org.form.created").replace("{tab}", result.form.tab));
        const a = (text: string, href: string) => el("a", { text, attrs: { href, target: "_blank", rel: "noopener" } });
        links.append(a(T("org.form.respond"), result.form.url), " · ", a(T("org.form.editLink"), result.form.edit));
      })
      .catch((error: unknown) => showNotice(notice, "error", errorMessage(error)))
      .finally(() => {
        create.disabled = false;
      });
  });
  formSection.replaceChildren(
    el("h2", { text: T("org.form.section") }),
    el("p", { className: "muted", text: T("org.form.hint") }),
    notice,
    field(T("org.form.campaign"), pick),
    el("div", { className: "form-actions" }, create),
    links,
  );
}

function input(name: string, value: string): HTMLInputElement {
  const node = el("input", { attrs: { name, type: "text" } });
  node.value = value;
  return node;
}

function render(view: ExportView): void {
  lang = view.lang;
  const notice = el("div", { className: "notice", attrs: { role: "alert" } });
  notice.hidden = true;
  const project = input("project", view.project);
  const dataset = input("dataset", view.dataset);
  const team = input("team", view.team);
  const period = input("period", view.period);
  const enabled = el("input", { attrs: { name: "enabled", type: "checkbox" } });
  enabled.checked = view.enabled;
  const form = el(
    "form",
    { attrs: { novalidate: "" } },
    el(
      "fieldset",
      {},
      field(T("org.export.project"), project, errorSlot("project")),
      field(T("org.export.dataset"), dataset, errorSlot("dataset")),
      field(T("org.export.team"), team, errorSlot("team")),
      field(T("org.export.period"), period, errorSlot("period")),
      el("label", { className: "check" }, enabled, el("span", { text: T("org.export.enabled") })),
    ),
  );
  const save = el("button", { className: "button primary", text: T("org.export.save"), attrs: { type: "submit" } });
  const now = el("button", { className: "button", text: T("org.export.now"), attrs: { type: "button" } });
  form.append(el("div", { className: "form-actions" }, save, now));
  const fields = form.querySelector("fieldset");
  if (fields) fields.disabled = !view.isAdmin;
  save.hidden = !view.isAdmin;
  now.hidden = !view.isAdmin || !view.enabled;
  const last = el("p", {
    className: view.ok ? "muted" : "notice error",
    text: view.last,
    attrs: { id: "export-last" },
  });
  const problems =
    view.problems.length > 0
      ? el(
          "div",
          {},
          el("p", { text: T("org.export.problems") }),
          el("ul", {}, ...view.problems.map((p) => el("li", { text: p }))),
        )
      : el("div");
  const notes = el("ul", { className: "notes" }, ...view.notes.map((n) => el("li", { text: n })));
  section.replaceChildren(
    el("h2", { text: T("org.export.title") }),
    el("p", { className: "muted", text: T("org.export.hint") }),
    notice,
    form,
    last,
    notes,
    problems,
  );
  const collect = (): SaveExportRequest => ({
    enabled: enabled.checked,
    project: project.value,
    dataset: dataset.value,
    team: team.value,
    period: period.value,
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    save.disabled = true;
    for (const slot of form.querySelectorAll<HTMLElement>(".field-error")) slot.hidden = true;
    call("rpcExportSave", collect())
      .then((result) => {
        if (!result.ok) {
          for (const issue of result.issues) {
            const slot = form.querySelector<HTMLElement>(`[data-error-for="${issue.field}"]`);
            if (slot) {
              slot.textContent = issue.message;
              slot.hidden = false;
            }
          }
          showNotice(notice, "error", result.message);
          return;
        }
        render(result.view);
        const fresh = section.querySelector<HTMLElement>(".notice");
        if (fresh) showNotice(fresh, "info", T("org.export.saved"));
      })
      .catch((error: unknown) => showNotice(notice, "error", errorMessage(error)))
      .finally(() => {
        save.disabled = false;
      });
  });
  now.addEventListener("click", () => {
    now.disabled = true;
    call("rpcExportNow", {})
      .then(render)
      .catch((error: unknown) => showNotice(notice, "error", errorMessage(error)))
      .finally(() => {
        now.disabled = false;
      });
  });
}

call("rpcExportView", {})
  .then(render)
  .catch((error: unknown) => {
    section.replaceChildren(el("p", { className: "notice error", text: errorMessage(error) }));
  });
call("rpcListCampaigns", {})
  .then(renderForm)
  .catch((error: unknown) => {
    formSection.replaceChildren(el("p", { className: "notice error", text: errorMessage(error) }));
  });
