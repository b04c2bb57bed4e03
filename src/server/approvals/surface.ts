// The global entry points of the approval process: the My campaigns and Approvals sidebars and their RPCs.
import type { EntryPoint } from "../shared/entry";

export const APPROVALS_SURFACE: readonly EntryPoint[] = [
  { name: "menuShowCampaigns", kind: "menu", params: [] },
  { name: "menuShowApprovals", kind: "menu", params: [] },
  { name: "rpcListCampaigns", kind: "rpc", params: ["request"] },
  { name: "rpcSelectCampaign", kind: "rpc", params: ["request"] },
  { name: "rpcMyCampaigns", kind: "rpc", params: ["request"] },
  { name: "rpcSavePlan", kind: "rpc", params: ["request"] },
  { name: "rpcSubmit", kind: "rpc", params: ["request"] },
  { name: "rpcWithdraw", kind: "rpc", params: ["request"] },
  { name: "rpcEscalate", kind: "rpc", params: ["request"] },
  { name: "rpcInbox", kind: "rpc", params: ["request"] },
  { name: "rpcDecide", kind: "rpc", params: ["request"] },
  { name: "rpcAnswerEscalation", kind: "rpc", params: ["request"] },
];
