// The caller's standing towards one campaign, for the rights table (domain/rights.ts): the owner is the sealed one
// (the plan in force, or the last plan submitted); only a draft that was never submitted has no sealed owner, and
// then its Owner cell is the only record there is. Admins come from the document properties, the caller from the
// session.

import { asString } from "../../domain/builtins";
import { t } from "../../domain/i18n";
import { type Action, may, type Standing } from "../../domain/rights";
import { isAdmin, isApprover } from "../../domain/roles";
import { readEmail } from "../../domain/workflow/values";
import { cellOf } from "../../workbook/shared/rows";
import type { Refused } from "./contract";
import { viewOf, type Workspace } from "./workspace";
import { refused } from "./write";

/** What the checks read: the sealed fold, the campaign rows, the roles (also what the evaluation reads hold). */
export type RightsSource = Pick<Workspace, "fold" | "campaigns" | "roles" | "owner" | "lang">;

/** The campaign's owner: sealed when the log knows one, else the draft row's Owner cell. */
export function ownerOfCampaign(ws: RightsSource, id: string): string {
  const sealed = viewOf(ws, id).owner;
  return readEmail(sealed !== "" ? sealed : ownerCell(ws, id));
}

/** The Owner cell of the campaign's row as it reads now ("" without a row). */
export function ownerCell(ws: Pick<RightsSource, "campaigns">, id: string): string {
  const campaigns = ws.campaigns;
  const row = campaigns?.rowsById.get(id);
  return campaigns && row ? asString(cellOf(campaigns.keyed, row, "owner") ?? "") : "";
}

export function standingOf(ws: RightsSource, id: string, me: string, at: string): Standing {
  const view = viewOf(ws, id);
  return {
    me,
    owner: ownerOfCampaign(ws, id),
    admin: isAdmin(ws.roles, ws.owner, me),
    approver: isApprover(ws.roles, me, at),
    submitter: view.openRequest?.submittedBy === readEmail(me),
    taskOwners: view.approvedExecution?.tasks.map((task) => task.owner) ?? [],
  };
}

type OwnerAction =
  | "editDraft"
  | "submitPlan"
  | "submitExecution"
  | "submitChange"
  | "submitCancellation"
  | "submitSummary";

/** A refusal when the caller may not take an owner's action on the campaign; null when they may. */
export function ownerRefusal(
  ws: RightsSource,
  id: string,
  me: string,
  at: string,
  action: OwnerAction,
): Refused | null {
  const standing = standingOf(ws, id, me, at);
  if (may(action, standing)) return null;
  return refused(
    "not_owner",
    t(ws.lang, "rights.refused.owner", {
      id,
      owner: standing.owner || ws.owner,
      me,
      action: t(ws.lang, `rights.action.${action}`),
    }),
  );
}

/** Whether the caller may take the action: for the sidebars, which show only what the caller may do. */
export function mayOn(ws: RightsSource, id: string, me: string, at: string, action: Action): boolean {
  return may(action, standingOf(ws, id, me, at));
}
