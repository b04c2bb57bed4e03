// The Monitoring and evaluation sidebar: the schedule of the monitoring run and its health (last run, last error,
// re-authorization), the current alerts; the post-campaign summary form prefilled from the evaluation and submitted
// for acceptance; and the lessons of past campaigns that fit the plan being drafted.
import type { EvaluationUiKey } from "../../domain/evaluation/ui-texts";
import { EVALUATION_UI } from "../../domain/evaluation/ui-texts";
import { fill, type Lang, langOf } from "../../domain/i18n";
import type { Frequency, LessonsResponse, MonitorStatus, SummaryForm } from "../../server/evaluation/api";
import type { Refused, RowProblem } from "../../server/shared/contract";
import { button, byId, el, field, showNotice } from "../shared/dom";
import { errorMessage, newRequestId, rpc } from "../shared/rpc";
import { shownTime } from "../shared/time";

type Panel = "monitor" | "summary" | "lessons";

let lang: Lang = langOf(document.documentElement.lang);
let panel: Panel = "monitor";

/** A sidebar text with its {placeholders} filled (an unknown one stays visible). */
function tx(key: EvaluationUiKey, params?: Readonly<Record<string, string | number>>): string {
  return fill(EVALUATION_UI[key][lang], params);
}

const page = {
  title: byId("title", HTMLHeadingElement),
  notice: byId("notice", HTMLDivElement),
  status: byId("status", HTMLParagraphElement),
  tabs: [...document.querySelectorAll<HTMLButtonElement>(".tabs button")],
  panels: {
    monitor: byId("panel-monitor", HTMLElement),
    summary: byId("panel-summary", HTMLElement),
    lessons: byId("panel-lessons", HTMLElement),
  },
};

function notify(message: string | null, kind: "error" | "info" = "error"): void {
  showNotice(page.notice, message === null ? null : kind, message ?? "");
}

function busy(text: string | null): void {
  page.status.textContent = text ?? "";
  document.body.dataset.state = text === null ? "ready" : "loading";
}

function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 1000) / 10}%`;
}

function localTime(iso: string): string {
  return shownTime(iso, lang);
}

function problemList(problems: readonly RowProblem[]): HTMLElement | null {
  if (problems.length === 0) return null;
  return el(
    "div",
    {},
    el("h3", { text: tx("ev.problemsTitle") }),
    el("ul", { className: "problems" }, ...problems.map((p) => el("li", { text: p.message }))),
  );
}

/** One round trip: the status line names it while it runs, and a failure shows in the notice. */
async function task(label: string, work: () => Promise<void>): Promise<void> {
  busy(label);
  try {
    await work();
  } catch (error) {
    notify(errorMessage(error));
  }
  busy(null);
}

/** Tags as typed: separated by commas or semicolons (Chinese ones too), blanks dropped. */
function tagList(text: string): string[] {
  return text
    .split(/[,，;；、]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function isRefused(value: unknown): value is Refused {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

// ---------------------------------------------------------------------------------------------------------------
// Monitor

function renderMonitor(s: MonitorStatus): void {
  lang = s.lang;
  labelChrome();
  const root = page.panels.monitor;
  if (s.setupNeeded) {
    root.replaceChildren(el("p", { className: "muted", text: tx("ev.setupNeeded") }));
    return;
  }
  const frequency = el("select", { attrs: { id: "frequency", "aria-label": tx("ev.frequency") } });
  for (const f of ["off", "hourly", "daily"] as const) {
    const option = el("option", { text: tx(`ev.frequency.${f}`), attrs: { value: f } });
    option.selected = f === s.frequency;
    frequency.append(option);
  }
  const hour = el("select", { attrs: { id: "hour", "aria-label": tx("ev.hour") } });
  for (let h = 0; h < 24; h++) {
    const option = el("option", { text: `${String(h).padStart(2, "0")}:00`, attrs: { value: String(h) } });
    option.selected = h === s.hour;
    hour.append(option);
  }
  const hourField = field(tx("ev.hour"), hour);
  const syncHour = () => {
    hourField.hidden = frequency.value !== "daily";
  };
  frequency.addEventListener("change", syncHour);
  syncHour();
  const save = button(
    tx("ev.saveSchedule"),
    () => void saveSchedule(frequency.value as Frequency, Number(hour.value)),
    true,
  );
  save.id = "save-schedule";
  const run = button(tx("ev.runNow"), () => void runNow());
  run.id = "run-now";
  const refresh = button(tx("ev.refreshReport"), () => void refreshReport());
  refresh.id = "refresh-report";
  for (const control of [frequency, hour, save, run]) control.toggleAttribute("disabled", !s.canSchedule);

  const h = s.health;
  const health: HTMLElement[] = [];
  health.push(el("li", { text: s.owner ? tx("ev.health.owner", { owner: s.owner }) : tx("ev.health.notScheduled") }));
  health.push(
    el("li", {
      text: h.lastRunAt
        ? tx("ev.health.lastRun", {
            at: localTime(h.lastRunAt),
            result: tx(h.lastRunOk ? "ev.health.ok" : "ev.health.failed"),
          })
        : tx("ev.health.never"),
    }),
  );
  if (h.lastRunAt)
    health.push(el("li", { text: tx("ev.health.counts", { alerts: h.alerts, sent: h.sent, deferred: h.deferred }) }));
  if (s.runtime.ticks > 0) {
    const minutes = (ms: number) => (Math.round(ms / 6000) / 10).toString();
    const { todayMs, budgetMs, ticks, skipped } = s.runtime;
    health.push(
      el("li", {
        className: todayMs > budgetMs ? "warn" : "",
        text: tx("ev.health.runtime", { minutes: minutes(todayMs), budget: minutes(budgetMs), ticks, skipped }),
      }),
    );
  }
  if (h.lastError) {
    health.push(
      el("li", {
        className: "warn",
        text: tx("ev.health.lastError", { error: h.lastError, at: localTime(h.lastErrorAt) }),
      }),
    );
  }
  if (s.scheduleNotice) health.push(el("li", { className: "warn", text: s.scheduleNotice }));
  if (h.stale)
    health.push(el("li", { className: "warn", text: tx("ev.health.stale", { at: localTime(h.lastScheduledAt) }) }));
  if (s.reauthorizationNeeded) {
    const link = el("a", {
      text: tx("ev.health.reauthLink"),
      attrs: { href: s.authorizationUrl, target: "_blank", rel: "noopener" },
    });
    health.push(el("li", { className: "warn" }, `${tx("ev.health.reauth")} `, link));
  } else {
    health.push(el("li", { className: "muted", text: tx("ev.health.authorized") }));
  }

  const alerts =
    s.alertCount === 0
      ? el("p", { className: "muted", text: tx("ev.alerts.none") })
      : el(
          "ul",
          { className: "alerts", attrs: { id: "alerts" } },
          ...s.alerts.map((a) =>
            el(
              "li",
              { className: a.severity },
              el("span", { className: "meta", text: `${a.severityLabel} · ${a.kindLabel} · ${a.campaign}` }),
              a.message,
            ),
          ),
          s.alertCount > s.alerts.length
            ? el("li", { className: "muted", text: tx("ev.alerts.more", { count: s.alertCount - s.alerts.length }) })
            : null,
        );

  root.replaceChildren(
    el("h2", { text: tx("ev.schedule") }),
    el("p", { className: "muted", text: tx("ev.schedule.hint") }),
    el("div", { className: "row" }, field(tx("ev.frequency"), frequency), hourField),
    el("div", { className: "row" }, save, run, refresh),
    el("h2", { text: tx("ev.health") }),
    el("ul", { className: "health", attrs: { id: "health" } }, ...health),
    el("h2", { text: tx("ev.alerts") }),
    alerts,
    ...[problemList(s.problems)].filter((c): c is HTMLElement => c !== null),
  );
}

function loadMonitor(): Promise<void> {
  return task(tx("ev.title"), async () => {
    renderMonitor(await rpc("rpcMonitorStatus", {}));
    notify(null);
  });
}

function saveSchedule(frequency: Frequency, hour: number): Promise<void> {
  return task(tx("ev.saveSchedule"), async () => {
    renderMonitor(await rpc("rpcMonitorSchedule", frequency === "daily" ? { frequency, hour } : { frequency }));
    notify(tx("ev.saved"), "info");
  });
}

function runNow(): Promise<void> {
  return task(tx("ev.runNow"), async () => {
    const result = await rpc("rpcMonitorRun", {});
    renderMonitor(result.status);
    notify(tx("ev.ran", { alerts: result.alerts, sent: result.sent }), "info");
  });
}

function refreshReport(): Promise<void> {
  return task(tx("ev.refreshReport"), async () => {
    const r = await rpc("rpcRefreshEvaluation", {});
    notify(
      r.setupNeeded ? tx("ev.setupNeeded") : tx("ev.reportDone", { campaigns: r.campaigns, rows: r.scorecardRows }),
      r.setupNeeded ? "error" : "info",
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Close campaign: the summary

let summaryCampaign: string | undefined;

function lessonEditor(): HTMLElement {
  const box = el(
    "div",
    { className: "lesson-edit" },
    field(tx("ev.lesson"), el("textarea", { attrs: { "data-field": "lesson", rows: "2" } })),
    field(tx("ev.recommendation"), el("textarea", { attrs: { "data-field": "recommendation", rows: "2" } })),
    field(tx("ev.tags"), el("input", { attrs: { "data-field": "tags", type: "text" } })),
  );
  return box;
}

function renderSummary(form: SummaryForm): void {
  lang = form.lang;
  labelChrome();
  const root = page.panels.summary;
  if (form.setupNeeded) {
    root.replaceChildren(el("p", { className: "muted", text: tx("ev.setupNeeded") }));
    return;
  }
  if (form.campaigns.length === 0 || !form.campaign) {
    root.replaceChildren(el("p", { className: "muted", text: tx("ev.noCampaigns") }));
    return;
  }
  const c = form.campaign;
  summaryCampaign = c.id;
  const select = el("select", { attrs: { id: "summary-campaign", "aria-label": tx("ev.campaign") } });
  for (const option of form.campaigns) {
    const o = el("option", {
      text: `${option.id} · ${option.name} (${option.stateLabel})`,
      attrs: { value: option.id },
    });
    o.selected = option.id === c.id;
    select.append(o);
  }
  select.addEventListener("change", () => void loadSummary(select.value));

  const figures = el(
    "div",
    { className: "figures", attrs: { id: "figures" } },
    el("div", {
      text: c.score === null ? tx("ev.noScore") : tx("ev.score", { score: percent(c.score), grade: c.grade ?? "—" }),
    }),
    el("div", { text: c.roi === null ? tx("ev.noRoi") : tx("ev.roi", { roi: percent(c.roi) }) }),
    el("div", { text: tx("ev.goals", { met: c.met, kpis: c.counted }) }),
    el(
      "ul",
      { className: "kpis" },
      ...c.kpis.map((k) =>
        el("li", {
          text: tx("ev.kpiLine", {
            indicator: k.indicator,
            actual: k.actual === null ? tx("ev.notMeasured") : String(k.actual),
            target: String(k.target),
            attainment: percent(k.attainment),
          }),
        }),
      ),
    ),
  );

  const status: HTMLElement[] = [];
  const r = form.request;
  if (r?.status === "approved") {
    status.push(
      el("p", {
        className: "notice info",
        text: tx("ev.summaryAccepted", { by: r.acceptedBy, at: localTime(r.acceptedAt) }),
      }),
    );
  } else if (r?.status === "open") {
    status.push(
      el("p", {
        className: "notice info",
        text: tx("ev.summaryWaiting", { by: r.submittedBy, at: localTime(r.submittedAt) }),
      }),
    );
  } else if (!form.canSubmit && form.reason) {
    status.push(el("p", { className: "muted", text: form.reason }));
  }
  const next = form.next;
  if (next !== null) {
    const move = button(tx(next === "start" ? "ev.start" : "ev.complete"), () => void progress(c.id, next), true);
    move.id = "progress";
    status.push(el("div", { className: "row" }, move));
  }

  const children: (HTMLElement | null)[] = [
    field(tx("ev.campaign"), select),
    el("h2", { text: tx("ev.figures") }),
    figures,
    el("p", {
      className: "muted",
      text: tx("ev.channelsAudience", { channels: form.channels.join(", ") || "—", audience: form.audience || "—" }),
    }),
    ...status,
  ];

  if (form.canSubmit) {
    const goals = el("select", { attrs: { id: "goals-met", "aria-label": tx("ev.goalsMet") } });
    for (const [value, key] of [
      ["yes", "ev.goalsMet.yes"],
      ["no", "ev.goalsMet.no"],
      ["", "ev.goalsMet.unknown"],
    ] as const) {
      const o = el("option", { text: tx(key), attrs: { value } });
      o.selected = value === (form.prefill.goalsMet === null ? "" : form.prefill.goalsMet ? "yes" : "no");
      goals.append(o);
    }
    const effect = el("textarea", { attrs: { id: "effect", rows: "3" } });
    effect.value = form.prefill.effect;
    const problems = el("textarea", { attrs: { id: "problems", rows: "2" } });
    problems.value = form.prefill.problems;
    const improvements = el("textarea", { attrs: { id: "improvements", rows: "2" } });
    improvements.value = form.prefill.improvements;
    const lessons = el("div", { attrs: { id: "lessons-edit" } }, lessonEditor());
    const add = button(tx("ev.addLesson"), () => lessons.append(lessonEditor()));
    const comment = el("textarea", { attrs: { id: "comment", rows: "2" } });
    const submit = button(tx("ev.submitSummary"), () => void submitSummary(), true);
    submit.id = "submit-summary";
    const submitSummary = async () => {
      const read = (box: Element, name: string) =>
        (box.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-field="${name}"]`)?.value ?? "").trim();
      const list = [...lessons.querySelectorAll(".lesson-edit")].map((box) => ({
        lesson: read(box, "lesson"),
        recommendation: read(box, "recommendation"),
        tags: tagList(read(box, "tags")),
      }));
      busy(tx("ev.submitSummary"));
      submit.disabled = true;
      try {
        const result = await rpc("rpcSubmitSummary", {
          campaignId: c.id,
          requestId: newRequestId(),
          goalsMet: goals.value === "" ? null : goals.value === "yes",
          effect: effect.value,
          problems: problems.value,
          improvements: improvements.value,
          lessons: list,
          comment: comment.value,
        });
        if (isRefused(result)) {
          notify(result.message);
          submit.disabled = false;
        } else {
          notify(tx("ev.submitted"), "info");
          await loadSummary(c.id, false);
        }
      } catch (error) {
        notify(errorMessage(error));
        submit.disabled = false;
      }
      busy(null);
    };
    children.push(
      field(tx("ev.goalsMet"), goals),
      field(tx("ev.effect"), effect),
      field(tx("ev.problems"), problems),
      field(tx("ev.improvements"), improvements),
      el("h2", { text: tx("ev.lessonsTitle") }),
      lessons,
      add,
      field(tx("ev.comment"), comment),
      el("div", { className: "row" }, submit),
    );
  }
  children.push(problemList(form.problems));
  root.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
}

function progress(campaignId: string, operation: "start" | "complete"): Promise<void> {
  return task(tx(operation === "start" ? "ev.start" : "ev.complete"), async () => {
    const result = await rpc("rpcCampaignProgress", { campaignId, operation, comment: "" });
    if (isRefused(result)) notify(result.message);
    else await loadSummary(campaignId, true);
  });
}

function loadSummary(campaignId = summaryCampaign, clearNotice = true): Promise<void> {
  return task(tx("ev.tab.summary"), async () => {
    renderSummary(await rpc("rpcSummaryForm", campaignId === undefined ? {} : { campaignId }));
    if (clearNotice) notify(null);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Lessons for the plan being drafted

let lessonsCampaign: string | undefined;
let extraTags = "";

function renderLessons(r: LessonsResponse): void {
  lang = r.lang;
  labelChrome();
  const root = page.panels.lessons;
  if (r.setupNeeded) {
    root.replaceChildren(el("p", { className: "muted", text: tx("ev.setupNeeded") }));
    return;
  }
  if (r.drafts.length === 0) {
    root.replaceChildren(el("p", { className: "muted", text: tx("ev.noDrafts") }));
    return;
  }
  lessonsCampaign = r.campaign;
  const select = el("select", { attrs: { id: "draft", "aria-label": tx("ev.draft") } });
  for (const d of r.drafts) {
    const o = el("option", { text: `${d.id} · ${d.name}`, attrs: { value: d.id } });
    o.selected = d.id === r.campaign;
    select.append(o);
  }
  const tags = el("input", { attrs: { id: "extra-tags", type: "text" } });
  tags.value = extraTags;
  const search = () => {
    extraTags = tags.value;
    void loadLessons(select.value);
  };
  select.addEventListener("change", search);
  const find = button(tx("ev.search"), search);
  const query = el("p", {
    className: "muted",
    text: tx("ev.channelsAudience", {
      channels: r.query.channels.join(", ") || "—",
      audience: r.query.audience || "—",
    }),
  });
  const list =
    r.lessons.length === 0
      ? el("p", { className: "muted", attrs: { id: "no-lessons" }, text: tx("ev.noLessons") })
      : el(
          "ul",
          { className: "lessons", attrs: { id: "lesson-list" } },
          ...r.lessons.map((l) => {
            const chips = [
              ...l.matched.channels.map((v) => tx("ev.match.channel", { value: v })),
              ...l.matched.tags.map((v) => tx("ev.match.tag", { value: v })),
              ...(l.matched.audience ? [tx("ev.match.audience")] : []),
            ];
            return el(
              "li",
              {},
              el("span", { className: "meta", text: tx("ev.lessonFrom", { campaign: l.campaign }) }),
              el("div", { className: "lesson-text", text: l.lesson }),
              l.recommendation ? el("div", { className: "muted", text: l.recommendation }) : null,
              el(
                "div",
                { className: "chips" },
                ...chips.map((text) => el("span", { className: "badge active", text })),
              ),
            );
          }),
        );
  root.replaceChildren(
    field(tx("ev.draft"), select),
    query,
    el("div", { className: "row" }, field(tx("ev.extraTags"), tags), find),
    el("h2", { text: tx("ev.lessonCount", { count: r.lessons.length }) }),
    list,
    ...[problemList(r.problems)].filter((c): c is HTMLElement => c !== null),
  );
}

function loadLessons(campaignId = lessonsCampaign): Promise<void> {
  const tags = tagList(extraTags);
  return task(tx("ev.tab.lessons"), async () => {
    renderLessons(await rpc("rpcLessons", campaignId === undefined ? { tags } : { campaignId, tags }));
    notify(null);
  });
}

// ---------------------------------------------------------------------------------------------------------------

function show(next: Panel): void {
  panel = next;
  for (const tab of page.tabs) tab.setAttribute("aria-selected", String(tab.dataset.panel === next));
  for (const [name, section] of Object.entries(page.panels)) section.hidden = name !== next;
  if (next === "monitor") void loadMonitor();
  else if (next === "summary") void loadSummary();
  else void loadLessons();
}

function labelChrome(): void {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  page.title.textContent = tx("ev.title");
  for (const tab of page.tabs) {
    const name = tab.dataset.panel as Panel;
    tab.textContent = tx(`ev.tab.${name}`);
  }
}

for (const tab of page.tabs) tab.addEventListener("click", () => show(tab.dataset.panel as Panel));
labelChrome();
show(panel);
