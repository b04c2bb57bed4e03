// The approval process's tabs: Campaigns (the plan, one campaign per row), Tasks (the execution plan), Escalations
// (problems reported and the superior's instruction), the Approval log (the event log, append-only, every cell
// text) and Notifications (every e-mail tried).
import { CAMPAIGN_STATUSES, statusFromText, statusLabel } from "../../domain/campaign";
import type { MessageKey } from "../../domain/i18n";
import { ESCALATION_STATES, NOTICE_STATUSES, SEVERITIES, TASK_STATUSES } from "../../domain/records";
import { LOG_COLUMNS } from "../../domain/workflow/model";
import { CURRENCY_CHOICE, choiceOf, columns, type TabSpec } from "../shared/spec";

export const CAMPAIGNS_TAB: TabSpec = {
  key: "campaigns",
  name: "tab.campaigns",
  columns: columns("campaigns", [
    ["id", "text", 100, { required: true, plainText: true }],
    ["name", "text", 200, { required: true }],
    ["owner", "text", 180],
    ["objective", "text", 220],
    ["audience", "text", 160],
    ["channels", "list", 160],
    ["content", "text", 220],
    ["place", "text", 140],
    ["start", "date", 100],
    ["end", "date", 100],
    ["budget", "money", 120],
    ["currency", "choice", 80, { choice: CURRENCY_CHOICE }],
    ["kpis", "text", 200],
    [
      "status",
      "choice",
      150,
      {
        projected: true,
        choice: {
          values: (lang) => CAMPAIGN_STATUSES.map((s) => statusLabel(s, lang)),
          parse: statusFromText,
          blank: "Draft",
        },
      },
    ],
    // The research findings (Research tab IDs) the plan is based on; added after Status so older rows keep their places.
    ["research", "list", 140, { plainText: true, optional: true }],
  ]),
};

/** Market research (市场调研): findings about the market, the audience and competitors that plans cite by ID. */
export const RESEARCH_TAB: TabSpec = {
  key: "research",
  name: "tab.research",
  columns: columns("research", [
    ["id", "text", 90, { required: true, plainText: true }],
    ["topic", "text", 180],
    ["segment", "text", 140],
    ["finding", "text", 320, { required: true }],
    ["evidence", "text", 220],
    ["date", "date", 100],
    ["author", "text", 170],
    ["tags", "list", 140],
  ]),
};

export const TASKS_TAB: TabSpec = {
  key: "tasks",
  name: "tab.tasks",
  columns: columns("tasks", [
    ["campaign", "text", 110, { required: true, plainText: true }],
    ["step", "text", 220],
    ["owner", "text", 180],
    ["start", "date", 100],
    ["due", "date", 100],
    ["deliverable", "text", 200],
    ["status", "choice", 110, { choice: choiceOf(TASK_STATUSES, (s) => `taskStatus.${s}`, "todo") }],
    // Stamped by onEdit when a person sets the status to Done (server/evaluation/completion.ts); the scorecard's on-time rate reads it.
    ["completed", "date", 110],
  ]),
};

export const ESCALATIONS_TAB: TabSpec = {
  key: "escalations",
  name: "tab.escalations",
  columns: columns("escalations", [
    ["id", "text", 100, { required: true, plainText: true }],
    ["campaign", "text", 110, { plainText: true }],
    ["reported_at", "text", 150, { plainText: true }],
    ["reported_by", "text", 180],
    ["severity", "choice", 90, { choice: choiceOf(SEVERITIES, (s) => `severity.${s}`, "medium") }],
    ["problem", "text", 260],
    ["instruction", "text", 260],
    ["answered_by", "text", 180],
    ["answered_at", "text", 150, { plainText: true }],
    ["state", "choice", 100, { choice: choiceOf(ESCALATION_STATES, (s) => `escState.${s}`, "open") }],
  ]),
};

const LOG_WIDTHS: { readonly [K in (typeof LOG_COLUMNS)[number]]?: number } = {
  seq: 60,
  id: 120,
  at: 170,
  actor: 180,
  onBehalfOf: 160,
  comment: 240,
  snapshot: 240,
  prevHash: 120,
  hash: 120,
};

/** Every cell of the log is plain text, so what reads back is byte for byte what was hashed. */
export const LOG_TAB: TabSpec = {
  key: "log",
  name: "tab.log",
  appendOnly: true,
  columns: LOG_COLUMNS.map((key) => ({
    key,
    label: `col.log.${key}` as MessageKey,
    help: "col.log.help",
    kind: "text",
    width: LOG_WIDTHS[key] ?? 100,
    plainText: true,
    required: key === "seq",
  })),
};

export const NOTIFICATIONS_TAB: TabSpec = {
  key: "notifications",
  name: "tab.notifications",
  appendOnly: true,
  columns: (
    [
      ["at", 150],
      ["campaign", 110],
      ["to", 220],
      ["subject", 280],
      ["status", 90],
      ["reason", 260],
    ] as const
  ).map(([key, width]) => ({
    key,
    label: `col.notifications.${key}` as MessageKey,
    help: "col.notifications.help",
    kind: key === "status" ? "choice" : "text",
    width,
    plainText: key !== "status",
    required: key === "at",
    ...(key === "status" ? { choice: choiceOf(NOTICE_STATUSES, (s) => `noticeStatus.${s}`, null) } : {}),
  })),
};
