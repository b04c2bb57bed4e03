// The Monitoring and evaluation sidebar's server functions, checked against EvaluationApi and spread into RPC (rpc.ts).
import { rpcCampaignProgress, rpcLessons, rpcRefreshEvaluation, rpcSubmitSummary, rpcSummaryForm } from "./evaluation";
import type { EvaluationApi } from "./evaluation-api";
import { rpcMonitorRun, rpcMonitorSchedule, rpcMonitorStatus } from "./monitoring";

export const EVALUATION_RPC: {
  readonly [K in keyof EvaluationApi]: (request: unknown) => ReturnType<EvaluationApi[K]>;
} = {
  rpcMonitorStatus,
  rpcMonitorSchedule,
  rpcMonitorRun,
  rpcRefreshEvaluation,
  rpcSummaryForm,
  rpcSubmitSummary,
  rpcLessons,
  rpcCampaignProgress,
};
