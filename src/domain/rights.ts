// Who may act on a campaign: one table of roles x actions, read by the server from the session's user and the sealed
// log (never from the request, never from a cell someone can type into), and by the sidebars to show only what the
// caller may do. The README's rights table is this table in words.
import { readEmail } from "./workflow/values";

/** What a person does to a campaign or to the add-on's configuration. */
export const ACTIONS = [
  "createDraft",
  "editDraft",
  "submitPlan",
  "submitExecution",
  "submitChange",
  "submitCancellation",
  "submitSummary",
  "startComplete",
  "escalate",
  "withdraw",
  "decide",
  "answerEscalation",
  "markPaid",
  "configure",
  "schedule",
] as const;
export type Action = (typeof ACTIONS)[number];

/** A role a person holds towards one campaign (owner, submitter) or the whole workbook (approver, finance, admin). */
export type Role = "marketer" | "owner" | "submitter" | "taskOwner" | "approver" | "finance" | "admin";

/**
 * The table. "marketer" is any editor of the spreadsheet. A decision is further limited by the routing (the level's
 * approvers and their delegates, never the submitter or the campaign's owner), which the workflow engine checks; an
 * answer to a reported problem is never the reporter's own (records.ts). "configure" and "schedule" cover roles,
 * settings, both schedules and running monitoring by hand.
 */
const OWNER_OR_ADMIN: readonly Role[] = ["owner", "admin"];

export const RIGHTS: { readonly [A in Action]: readonly Role[] } = {
  createDraft: ["marketer"],
  editDraft: OWNER_OR_ADMIN,
  submitPlan: OWNER_OR_ADMIN,
  submitExecution: OWNER_OR_ADMIN,
  submitChange: OWNER_OR_ADMIN,
  submitCancellation: OWNER_OR_ADMIN,
  submitSummary: OWNER_OR_ADMIN,
  startComplete: OWNER_OR_ADMIN,
  escalate: ["owner", "taskOwner", "admin"],
  withdraw: ["submitter"],
  decide: ["approver"],
  answerEscalation: ["approver", "admin"],
  markPaid: ["finance"],
  configure: ["admin"],
  schedule: ["admin"],
};

/** What is known about the caller towards one campaign; every flag comes from the sealed log or the properties. */
export interface Standing {
  readonly me: string;
  readonly owner: string;
  readonly admin: boolean;
  readonly approver?: boolean;
  readonly finance?: boolean;
  readonly submitter?: boolean;
  readonly taskOwners?: readonly string[];
}

export function rolesOf(s: Standing): ReadonlySet<Role> {
  const me = readEmail(s.me);
  const out = new Set<Role>();
  if (me === "") return out;
  out.add("marketer");
  if (readEmail(s.owner) === me) out.add("owner");
  if (s.admin) out.add("admin");
  if (s.approver) out.add("approver");
  if (s.finance) out.add("finance");
  if (s.submitter) out.add("submitter");
  if (s.taskOwners?.some((o) => readEmail(o) === me)) out.add("taskOwner");
  return out;
}

/** Whether the caller may take the action: one of their roles is in the action's row of the table. */
export function may(action: Action, s: Standing): boolean {
  const roles = rolesOf(s);
  return RIGHTS[action].some((r) => roles.has(r));
}
