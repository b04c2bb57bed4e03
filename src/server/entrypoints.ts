// The only file that decides what becomes global in Apps Script: exactly the names listed in surface.ts (a test
// fails on drift). The build wraps this module as the IIFE `App` and appends one top-level stub per entry.
import "./layout-store";
import { installCatalogLoader } from "../domain/i18n";
import { loadCatalog } from "./catalog";

export { menuVerifyAuditLog } from "./admin-rpc";
export { BUDGET_VARIANCE } from "./custom-functions";
export * from "./evaluation-entrypoints";
export { menuSetUpWorkbook, menuShowApprovals, menuShowCampaigns, menuShowRoles } from "./menu";
export {
  rpcAnswerEscalation,
  rpcDecide,
  rpcEscalate,
  rpcGetRoles,
  rpcInbox,
  rpcListCampaigns,
  rpcMyCampaigns,
  rpcSavePlan,
  rpcSaveRoles,
  rpcSelectCampaign,
  rpcSubmit,
  rpcVerifyLog,
  rpcWithdraw,
} from "./rpc";
export * from "./spend-entrypoints";
export { onEdit, onInstall, onOpen } from "./triggers";

// Runs at the top of every execution and calls no service: texts are read from the catalog files on first use.
installCatalogLoader(loadCatalog);
