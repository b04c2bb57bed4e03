// The global entry points of administration: setting up the workbook, the roles and the audit-log check.
import type { EntryPoint } from "../shared/entry";

export const ADMIN_SURFACE: readonly EntryPoint[] = [
  { name: "menuSetUpWorkbook", kind: "menu", params: [] },
  { name: "menuVerifyAuditLog", kind: "menu", params: [] },
  { name: "menuShowRoles", kind: "menu", params: [] },
  { name: "menuStartPeriod", kind: "menu", params: [] },
  { name: "rpcVerifyLog", kind: "rpc", params: ["request"] },
  { name: "rpcGetRoles", kind: "rpc", params: ["request"] },
  { name: "rpcSaveRoles", kind: "rpc", params: ["request"] },
];
