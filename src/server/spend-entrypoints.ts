// What budget control makes global (listed in spend-surface.ts); entrypoints.ts re-exports it whole.
export { onScheduleTick } from "./schedule";
export { BUDGET_REMAINING, BUDGET_STATUS, BUDGET_VARIANCE_PCT } from "./spend-functions";
export { menuRefreshVariance, menuShowExpenses, menuToggleVarianceSchedule } from "./spend-menu";
export {
  rpcAssessExpense,
  rpcMarkPaid,
  rpcRecordExpense,
  rpcRequestReimbursement,
  rpcSpendOverview,
  rpcSubmitOverrun,
} from "./spend-rpc";
