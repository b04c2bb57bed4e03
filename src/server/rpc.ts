// The sidebars' server functions put together: each feature's handlers validate their request with zod, read the
// workbook (one getValues per tab) and answer with JSON-safe data; those that write check the caller and take the
// lock (shared/write.ts). The type of RPC proves that every function of ServerApi has its implementation.
import { rpcGetRoles, rpcSaveRoles, rpcVerifyLog } from "./admin/rpc";
import type { ServerApi } from "./api";
import { rpcAnswerEscalation, rpcDecide, rpcInbox } from "./approvals/approvals-rpc";
import { rpcEscalate, rpcMyCampaigns, rpcSavePlan, rpcSubmit, rpcWithdraw } from "./approvals/campaigns-rpc";
import { rpcListCampaigns, rpcSelectCampaign } from "./approvals/list-rpc";
import { EVALUATION_RPC } from "./evaluation/rpc";
import { SPEND_RPC } from "./spend/rpc";

// The implementations must answer exactly what ServerApi promises the sidebar. Nothing calls through this table
// (entrypoints.ts exports each function); it exists for its type, so it is built by a function marked free of side
// effects and Code.js does not carry it.
/* @__NO_SIDE_EFFECTS__ */
function implementations(): { readonly [K in keyof ServerApi]: (request: unknown) => ReturnType<ServerApi[K]> } {
  return {
    rpcListCampaigns,
    rpcSelectCampaign,
    rpcMyCampaigns,
    rpcSavePlan,
    rpcSubmit,
    rpcWithdraw,
    rpcEscalate,
    rpcInbox,
    rpcDecide,
    rpcAnswerEscalation,
    rpcVerifyLog,
    rpcGetRoles,
    rpcSaveRoles,
    ...SPEND_RPC,
    ...EVALUATION_RPC,
  };
}

export const RPC = implementations();

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
};
