// The Monitoring and evaluation sidebar's server functions, checked against EvaluationApi and spread into RPC (src/server/rpc.ts).

import type { EvaluationApi } from "./api";
import { rpcMonitorRun, rpcMonitorSchedule, rpcMonitorStatus } from "./monitoring";
import { rpcCampaignProgress, rpcLessons, rpcRefreshEvaluation, rpcSubmitSummary, rpcSummaryForm } from "./reports";

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
