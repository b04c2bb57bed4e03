// The only file that decides what becomes global in Apps Script: exactly the names listed in surface.ts (a test
// fails on drift). The build wraps this module as the IIFE `App` and appends one top-level stub per entry.
import "./shared/layout-store";
import { installCatalogLoader } from "../domain/i18n";
import { loadCatalog } from "./shared/catalog";

export { menuSetUpWorkbook, menuShowRoles } from "./admin/menu";
export { menuVerifyAuditLog } from "./admin/rpc";
export { menuShowApprovals, menuShowCampaigns } from "./approvals/menu";
export { CAMPAIGN_GRADE, CAMPAIGN_ROI, CAMPAIGN_SCORE, KPI_ATTAINMENT } from "./evaluation/functions";
// Importing monitoring.ts also registers its job with the one scheduled trigger (shared/schedule.ts).
export { menuShowMonitor, rpcMonitorRun, rpcMonitorSchedule, rpcMonitorStatus } from "./evaluation/monitoring";
export {
  menuRefreshEvaluation,
  rpcCampaignProgress,
  rpcLessons,
  rpcRefreshEvaluation,
  rpcSubmitSummary,
  rpcSummaryForm,
} from "./evaluation/reports";
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
export { onScheduleTick } from "./shared/schedule";
export { BUDGET_REMAINING, BUDGET_STATUS, BUDGET_VARIANCE, BUDGET_VARIANCE_PCT } from "./spend/functions";
export { menuAdoptExpenses, menuRefreshVariance, menuShowExpenses, menuToggleVarianceSchedule } from "./spend/menu";
export {
  rpcAssessExpense,
  rpcMarkPaid,
  rpcRecordExpense,
  rpcRequestReimbursement,
  rpcSpendOverview,
  rpcSubmitOverrun,
} from "./spend/rpc";
export { onEdit, onInstall, onOpen } from "./triggers";

// Runs at the top of every execution and calls no service: texts are read from the catalog files on first use.
installCatalogLoader(loadCatalog);
