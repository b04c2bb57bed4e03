// The small vocabularies of the Tasks, Escalations and Notifications tabs, and the escalation rules: who reports,
// who answers. Pure: the server asks, the sheet stores.
import type { Roles } from "./roles";
import { isAdmin, levelsOf } from "./roles";
import { normalizeEmail } from "./workflow/model";

export const TASK_STATUSES = ["todo", "in_progress", "blocked", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ESCALATION_STATES = ["open", "answered"] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

export const NOTICE_STATUSES = ["sent", "failed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Longest free text the sidebars send (a cell holds 50,000 characters; a report is a few sentences). */
export const TEXT_MAX = 5000;

/**
 * A reported problem is answered by a superior: an approver of any level or an admin, never the person who
 * reported it (nobody instructs themselves).
 */
export function mayAnswer(roles: Roles, owner: string, who: string, reporter: string): boolean {
  const me = normalizeEmail(who);
  if (me === "" || me === normalizeEmail(reporter)) return false;
  return levelsOf(roles, me).length > 0 || isAdmin(roles, owner, me);
}
