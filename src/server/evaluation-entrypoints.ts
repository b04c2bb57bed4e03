// What monitoring and evaluation make global (listed in evaluation-surface.ts); entrypoints.ts re-exports it whole.
// Importing monitoring.ts also registers its job with the one scheduled trigger.

export {
  menuRefreshEvaluation,
  rpcCampaignProgress,
  rpcLessons,
  rpcRefreshEvaluation,
  rpcSubmitSummary,
  rpcSummaryForm,
} from "./evaluation";
export { CAMPAIGN_GRADE, CAMPAIGN_ROI, CAMPAIGN_SCORE, KPI_ATTAINMENT } from "./evaluation-functions";
export { menuShowMonitor, rpcMonitorRun, rpcMonitorSchedule, rpcMonitorStatus } from "./monitoring";
