// The one list of what becomes global in Apps Script: the build writes a top-level stub for each entry, and a
// test fails when this list, the stubs in dist/Code.js and the exports of entrypoints.ts drift apart.
import { EVALUATION_SURFACE } from "./evaluation/surface";
import { SPEND_SURFACE } from "./spend/surface";

export type EntryKind = "trigger" | "menu" | "rpc" | "custom";

export interface EntryPoint {
  readonly name: string;
  readonly kind: EntryKind;
  readonly params: readonly string[];
  /** JSDoc lines for custom functions (Sheets shows them as argument help); `@customfunction` is added. */
  readonly doc?: readonly string[];
}

export const SURFACE: readonly EntryPoint[] = [
  { name: "onOpen", kind: "trigger", params: ["e"] },
  { name: "onInstall", kind: "trigger", params: ["e"] },
  { name: "onEdit", kind: "trigger", params: ["e"] },
  { name: "menuSetUpWorkbook", kind: "menu", params: [] },
  { name: "menuShowCampaigns", kind: "menu", params: [] },
  { name: "menuShowApprovals", kind: "menu", params: [] },
  { name: "menuVerifyAuditLog", kind: "menu", params: [] },
  { name: "menuShowRoles", kind: "menu", params: [] },
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
  { name: "rpcVerifyLog", kind: "rpc", params: ["request"] },
  { name: "rpcGetRoles", kind: "rpc", params: ["request"] },
  { name: "rpcSaveRoles", kind: "rpc", params: ["request"] },
  {
    name: "BUDGET_VARIANCE",
    kind: "custom",
    params: ["planned", "actual"],
    doc: [
      "Budget variance: actual minus planned, computed exactly (no rounding noise). Positive means over budget.",
      "Give two numbers, or two ranges of the same size; a range gives a range of that size,",
      "so =BUDGET_VARIANCE(B2:B, C2:C) serves a whole column.",
      "Where both cells are blank the result is blank; where only one is blank it counts as 0,",
      "so spending without a plan shows as over budget and an unspent plan as under budget.",
      "Text, TRUE/FALSE, dates, or ranges of different sizes give an error naming the argument and the cell.",
      "@param {number|Array<Array<number>>} planned The planned amount, or a range of planned amounts.",
      "@param {number|Array<Array<number>>} actual The actual amount, or a range of the same size.",
      "@return The variance (actual - planned), one per cell where ranges were given.",
    ],
  },
  ...EVALUATION_SURFACE,
  ...SPEND_SURFACE,
];
