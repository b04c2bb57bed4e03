// Who may do what: admins, approvers by level with amount limits, finance, and delegation periods. Stored as JSON in
// the document properties (the source of truth, changed only by an admin through the add-on); the Settings tab only
// shows them. The spreadsheet owner is always an admin, whatever is stored.
import * as z from "zod/mini";
import { stringify } from "./builtins";
import { type Lang, type MessageKey, t } from "./i18n";
import { formatMoney } from "./money";
import type { RightsKey } from "./settings";
import { checkRoutingSettings, type Delegation, isDelegationActive, type RoutingSettings } from "./workflow/routing";
import { isEmail, readEmail } from "./workflow/values";

export interface Roles {
  /** Besides the owner. */
  readonly admins: readonly string[];
  /** levels[0] is level 1; limits in minor units of the default currency, null = no limit (top level only). */
  readonly levels: RoutingSettings["levels"];
  readonly finance: readonly string[];
  readonly delegations: readonly Delegation[];
}

export const EMPTY_ROLES: Roles = { admins: [], levels: [], finance: [], delegations: [] };

const email = z.string();
/** The stored form; read leniently (a property written by an older version must not lock everyone out). */
export const StoredRolesSchema = z.object({
  admins: z.array(email),
  levels: z.array(z.object({ approvers: z.array(email), limit: z.nullable(z.number()) })),
  finance: z.array(email),
  delegations: z.array(z.object({ approver: email, delegate: email, from: z.string(), to: z.string() })),
});

/** Roles from the document property's text; no roles (only the owner as admin) when absent or unreadable. */
export function parseRoles(text: string | null): Roles {
  if (!text) return EMPTY_ROLES;
  try {
    const parsed = StoredRolesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_ROLES;
  } catch {
    return EMPTY_ROLES;
  }
}

export function routingOf(roles: Roles): RoutingSettings {
  return { levels: roles.levels, delegations: roles.delegations };
}

function emails(list: readonly string[]): string[] {
  return [...new Set(list.map(readEmail).filter((e) => e !== ""))];
}

/** What an admin sends: the same shape, limits already in minor units. */
export type RolesDraft = Roles;

export interface RolesIssue {
  readonly field: string;
  readonly messageKey: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * Checks roles as an admin entered them; every issue comes back by field ("admins.1", "levels.0.limit", ...).
 * No approval levels is allowed (nothing can be submitted then, and the submitter is told so).
 */
export function checkRoles(draft: RolesDraft): { ok: true; roles: Roles } | { ok: false; issues: RolesIssue[] } {
  const issues: RolesIssue[] = [];
  const list = (field: "admins" | "finance", values: readonly string[]) =>
    values.forEach((value, index) => {
      if (!isEmail(readEmail(value))) {
        issues.push({ field: `${field}.${index}`, messageKey: "roles.email.invalid", params: { email: value } });
      }
    });
  list("admins", draft.admins);
  list("finance", draft.finance);
  let delegations: readonly Delegation[] = [];
  if (draft.levels.length > 0 || draft.delegations.length > 0) {
    // Delegations are checked the same way with or without levels; a stand-in level keeps the level rules quiet.
    const routing = checkRoutingSettings({
      levels: draft.levels.length > 0 ? draft.levels : [{ approvers: ["someone@example.com"], limit: null }],
      delegations: draft.delegations,
    });
    if (routing.ok) delegations = routing.value.delegations;
    else issues.push(...routing.error);
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    roles: {
      admins: emails(draft.admins),
      levels: draft.levels.map((l) => ({ approvers: emails(l.approvers), limit: l.limit })),
      finance: emails(draft.finance),
      // As the routing check read them: e-mails normalised, dates trimmed.
      delegations,
    },
  };
}

export function isAdmin(roles: Roles, owner: string, who: string): boolean {
  const me = readEmail(who);
  return me !== "" && (me === readEmail(owner) || roles.admins.includes(me));
}

/** The levels a person decides in their own right. */
export function levelsOf(roles: Roles, who: string): number[] {
  const me = readEmail(who);
  return roles.levels.flatMap((l, i) => (l.approvers.includes(me) ? [i + 1] : []));
}

/** Whether a person decides anything at `at`, in their own right or as an active delegate. */
export function isApprover(roles: Roles, who: string, at: string): boolean {
  const me = readEmail(who);
  return (
    levelsOf(roles, me).length > 0 ||
    roles.delegations.some(
      (d) => d.delegate === me && isDelegationActive(d, at) && levelsOf(roles, d.approver).length > 0,
    )
  );
}

/** The approvers of a level and their delegates active at `at`: who is told a request waits for that level. */
export function recipientsOf(roles: Roles, level: number, at: string): string[] {
  const approvers = roles.levels[level - 1]?.approvers ?? [];
  const out = new Set(approvers);
  for (const d of roles.delegations) {
    if (approvers.includes(d.approver) && isDelegationActive(d, at)) out.add(d.delegate);
  }
  return [...out];
}

/** The keys stored, at every depth, in the order they are written. */
const STORED_KEYS = [
  "admins",
  "levels",
  "finance",
  "delegations",
  "approvers",
  "limit",
  "approver",
  "delegate",
  "from",
  "to",
];

/** Canonical text for storing (stable key order, so an unchanged save writes nothing). */
export function rolesText(roles: Roles): string {
  return stringify(roles, STORED_KEYS);
}

/**
 * The Settings tab's view of the roles, in the spreadsheet's language: what the rights rows show. Limits are in the
 * default currency's minor units.
 */
export function rightsProjection(
  roles: Roles,
  owner: string,
  currency: string,
  lang: Lang,
): { readonly [K in RightsKey]: string } {
  const none = t(lang, "rights.none");
  const joined = (list: readonly string[], separator = ", ") => (list.length > 0 ? list.join(separator) : none);
  const ownerEmail = readEmail(owner);
  const admins = [
    ...(ownerEmail !== "" ? [t(lang, "rights.owner", { email: ownerEmail })] : []),
    ...roles.admins.filter((a) => a !== ownerEmail),
  ];
  const levels = roles.levels.map((level, i) =>
    level.limit === null
      ? t(lang, "rights.levelTop", { n: i + 1, approvers: joined(level.approvers) })
      : t(lang, "rights.level", {
          n: i + 1,
          approvers: joined(level.approvers),
          limit: formatMoney(level.limit, currency),
        }),
  );
  const delegations = roles.delegations.map((d) => t(lang, "rights.delegation", { ...d }));
  return {
    admins: joined(admins),
    approval_levels: joined(levels, "; "),
    finance: joined(roles.finance),
    delegations: joined(delegations, "; "),
  };
}
