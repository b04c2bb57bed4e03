// The RPC contract of Roles and settings and of the audit-log check: the roles an admin saves (validated on the
// server) and what the sidebar shows. Types and zod schemas only; the sidebars import it as types.
import * as z from "zod/mini";
import type { Lang } from "../../domain/i18n";
import type { ChainView, EmptyRequest, Written } from "../shared/contract";
import { text } from "../shared/request-fields";

const emails = z.array(text(200)).check(z.maxLength(50));

export const SaveRolesRequest = z.strictObject({
  admins: emails,
  levels: z.array(z.strictObject({ approvers: emails, limit: z.nullable(text(40)) })).check(z.maxLength(10)),
  finance: emails,
  delegations: z
    .array(z.strictObject({ approver: text(200), delegate: text(200), from: text(40), to: text(40) }))
    .check(z.maxLength(50)),
});
export type SaveRolesRequest = z.input<typeof SaveRolesRequest>;

export interface RolesView {
  readonly lang: Lang;
  readonly user: string;
  readonly owner: string;
  readonly isAdmin: boolean;
  readonly currency: string;
  readonly admins: readonly string[];
  readonly levels: readonly { readonly approvers: readonly string[]; readonly limit: number | null }[];
  readonly finance: readonly string[];
  readonly delegations: readonly { approver: string; delegate: string; from: string; to: string }[];
}

export interface VerifyResponse {
  readonly lang: Lang;
  readonly chain: ChainView;
  readonly message: string;
}

/** The admin's server functions. */
export interface AdminApi {
  rpcVerifyLog(request: EmptyRequest): VerifyResponse;
  rpcGetRoles(request: EmptyRequest): RolesView;
  rpcSaveRoles(request: SaveRolesRequest): Written<{ readonly roles: RolesView }>;
}
