// Routing by amount and delegation: how many levels a request needs, and who may decide a level at a given time.

import type { MessageParams, WorkflowMessageKey } from "./messages";
import { err, type Issue, ok, type Result } from "./result";
import { isEmail, isIsoDate, isMinorUnits, readEmail, readList, readNumber, readText } from "./values";

/**
 * One approval level: who decides it and the highest amount (minor units) that stops at it. null means no
 * upper limit and is only allowed on the top level.
 */
export interface ApprovalLevel {
  readonly approvers: readonly string[];
  readonly limit: number | null;
}

/** While away from..to (ISO dates, both inclusive, spreadsheet-local), approver's authority also goes to delegate. */
export interface Delegation {
  readonly approver: string;
  readonly delegate: string;
  readonly from: string;
  readonly to: string;
}

/** levels[0] is level 1. */
export interface RoutingSettings {
  readonly levels: readonly ApprovalLevel[];
  readonly delegations: readonly Delegation[];
}

export interface RoutingSettingsDraft {
  readonly levels?: readonly { readonly approvers?: unknown; readonly limit?: unknown }[];
  readonly delegations?: readonly {
    readonly approver?: unknown;
    readonly delegate?: unknown;
    readonly from?: unknown;
    readonly to?: unknown;
  }[];
}

/** Settings as typed into the Settings tab, checked; every issue is reported, as for a plan. */
/** What may follow a prefix in a message key. */
type Tail<P extends string> = WorkflowMessageKey extends infer K ? (K extends `${P}${infer W}` ? W : never) : never;

export function checkRoutingSettings(draft: RoutingSettingsDraft): Result<RoutingSettings, readonly Issue[]> {
  const issues: Issue[] = [];
  const add = (field: string, messageKey: WorkflowMessageKey, params: MessageParams) =>
    issues.push({ field, messageKey, params });
  const levelDrafts = draft.levels ?? [];
  if (levelDrafts.length === 0) issues.push({ field: "levels", messageKey: "workflow.settings.levels.missing" });

  const levels: ApprovalLevel[] = [];
  let below: number | null = null;
  levelDrafts.forEach((level, index) => {
    const n = index + 1;
    // Each issue of a level: field levels.<i>.<field>, key workflow.settings.level.<what>.
    const bad = (field: string, what: Tail<"workflow.settings.level.">, email?: string) =>
      add(`levels.${index}.${field}`, `workflow.settings.level.${what}`, email ? { n, email } : { n });
    const approvers = readList(level.approvers).map(readEmail);
    if (approvers.length === 0) bad("approvers", "approvers.missing");
    for (const email of approvers) {
      if (!isEmail(email)) bad("approvers", "approver.invalid", email);
    }
    const limit = readNumber(level.limit);
    const top = index === levelDrafts.length - 1;
    if (limit === null) {
      if (!top) bad("limit", "limit.blankBelowTop");
    } else if (!isMinorUnits(limit)) {
      bad("limit", "limit.invalid");
    } else if (below !== null && limit <= below) {
      bad("limit", "limit.notIncreasing");
    }
    if (limit !== null && isMinorUnits(limit)) below = limit;
    levels.push({ approvers: [...new Set(approvers)], limit });
  });

  const delegations: Delegation[] = [];
  (draft.delegations ?? []).forEach((d, index) => {
    const n = index + 1;
    const approver = readEmail(d.approver);
    const delegate = readEmail(d.delegate);
    const from = readText(d.from);
    const to = readText(d.to);
    // Each issue of a delegation: field delegations.<i>[.<field>], key workflow.settings.delegation.<what>.
    const bad = (field: string, what: Tail<"workflow.settings.delegation.">) =>
      add(`delegations.${index}${field}`, `workflow.settings.delegation.${what}`, { n });
    if (!isEmail(approver)) bad(".approver", "approver.invalid");
    if (!isEmail(delegate)) bad(".delegate", "delegate.invalid");
    else if (delegate === approver) bad(".delegate", "self");
    if (!isIsoDate(from) || !isIsoDate(to)) bad("", "dates.invalid");
    else if (to < from) bad(".to", "endBeforeStart");
    delegations.push({ approver, delegate, from, to });
  });

  return issues.length > 0 ? err(issues) : ok({ levels, delegations });
}

export interface RoutingError {
  readonly kind: "routing";
  readonly messageKey: WorkflowMessageKey;
}

/**
 * Levels a request of this amount needs: up to level 1's limit one level; above it levels 1 and 2; above
 * level 2's limit also level 3, and so on. Fixed at submission, so a later settings change does not move a
 * request that is already on its way.
 */
export function requiredLevels(settings: RoutingSettings, amount: number): Result<number, RoutingError> {
  if (!isMinorUnits(amount)) return err({ kind: "routing", messageKey: "workflow.routing.invalidAmount" });
  if (settings.levels.length === 0) return err({ kind: "routing", messageKey: "workflow.routing.noLevels" });
  const index = settings.levels.findIndex((level) => level.limit === null || amount <= level.limit);
  if (index < 0) return err({ kind: "routing", messageKey: "workflow.routing.amountAboveLimits" });
  return ok(index + 1);
}

/** One way to decide: in one's own right (onBehalfOf "") or as the delegate of an approver who is away. */
export interface Authority {
  readonly actor: string;
  readonly onBehalfOf: string;
}

/** The spreadsheet-local date of an instant written with its offset (see README: how `at` is written). */
export function localDate(at: string): string {
  return at.slice(0, 10);
}

export function isDelegationActive(delegation: Delegation, at: string): boolean {
  const day = localDate(at);
  return delegation.from <= day && day <= delegation.to;
}

/**
 * Everyone who may decide `level` (1-based) at instant `at`: the level's approvers, then for each approver the
 * delegates active that day. An approver who is away keeps their own authority (delegation adds a decider, it
 * does not lock the approver out), and delegation is not transitive: a delegate cannot pass it on.
 */
export function decidersFor(settings: RoutingSettings, level: number, at: string): Authority[] {
  const approvers = settings.levels[level - 1]?.approvers ?? [];
  const out: Authority[] = [];
  const push = (actor: string, onBehalfOf: string) => {
    if (!out.some((a) => a.actor === actor && a.onBehalfOf === onBehalfOf)) out.push({ actor, onBehalfOf });
  };
  for (const approver of approvers) push(readEmail(approver), "");
  for (const approver of approvers) {
    const principal = readEmail(approver);
    for (const d of settings.delegations) {
      const delegate = readEmail(d.delegate);
      if (readEmail(d.approver) === principal && delegate !== principal && isDelegationActive(d, at)) {
        push(delegate, principal);
      }
    }
  }
  return out;
}

/** The ways `actor` may decide `level` at `at`, own right first. Empty: not an approver of that level then. */
export function authoritiesOf(settings: RoutingSettings, level: number, actor: string, at: string): Authority[] {
  const who = readEmail(actor);
  return decidersFor(settings, level, at).filter((a) => a.actor === who);
}
