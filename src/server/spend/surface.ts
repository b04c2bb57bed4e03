// The global entry points of budget control, listed once and spread into SURFACE (surface.ts): the custom functions
// with the JSDoc Sheets shows as argument help, the menu items, the Expenses sidebar's RPCs and the scheduled tick.
import type { EntryPoint } from "../surface";

export const SPEND_SURFACE: readonly EntryPoint[] = [
  { name: "menuShowExpenses", kind: "menu", params: [] },
  { name: "menuRefreshVariance", kind: "menu", params: [] },
  { name: "menuToggleVarianceSchedule", kind: "menu", params: [] },
  { name: "onScheduleTick", kind: "trigger", params: ["e"] },
  { name: "rpcSpendOverview", kind: "rpc", params: ["request"] },
  { name: "rpcAssessExpense", kind: "rpc", params: ["request"] },
  { name: "rpcRecordExpense", kind: "rpc", params: ["request"] },
  { name: "rpcRequestReimbursement", kind: "rpc", params: ["request"] },
  { name: "rpcMarkPaid", kind: "rpc", params: ["request"] },
  { name: "rpcSubmitOverrun", kind: "rpc", params: ["request"] },
  {
    name: "BUDGET_VARIANCE_PCT",
    kind: "custom",
    params: ["planned", "actual"],
    doc: [
      "Budget variance as a share of the plan: (actual - planned) / planned, exact. 0.1 shows as 10 % in a percent format.",
      "Give two numbers, or two ranges of the same size (=BUDGET_VARIANCE_PCT(B2:B, C2:C) serves whole columns).",
      "Where both cells are blank the result is blank; a blank next to a number counts as 0.",
      "Planned 0 gives an error (a percentage of nothing), as do text, TRUE/FALSE and ranges of different sizes.",
      "@param {number|Array<Array<number>>} planned The planned amount, or a range of planned amounts.",
      "@param {number|Array<Array<number>>} actual The actual amount, or a range of the same size.",
      "@return The variance as a fraction of planned, one per cell where ranges were given.",
    ],
  },
  {
    name: "BUDGET_STATUS",
    kind: "custom",
    params: ["planned", "actual", "warn_at"],
    doc: [
      "Where spending stands against the plan, as a stable code: UNDER, WARNING (from warn_at x planned),",
      "ON_BUDGET (exactly the plan: 100 % is on budget, not over) or OVER. Decided exactly, never on a rounded percentage.",
      "Give two numbers, or two ranges of the same size; blank rows stay blank.",
      "A negative plan, text, or ranges of different sizes give an error naming the cell.",
      "@param {number|Array<Array<number>>} planned The planned (or approved) amount, or a range of them.",
      "@param {number|Array<Array<number>>} actual The amount spent, or a range of the same size.",
      "@param {number} warn_at Optional: the share of the plan from which to warn, above 0 and at most 1 (default 0.9).",
      "@return UNDER, WARNING, ON_BUDGET or OVER, one per cell where ranges were given.",
    ],
  },
  {
    name: "BUDGET_REMAINING",
    kind: "custom",
    params: ["campaign_id", "category"],
    doc: [
      "What is left of a campaign's approved budget: approved - actual - committed, in the workbook currency,",
      "read from the Budget, Expenses and Rates tabs as the Variance report computes it (pending overruns do not count).",
      "Give a campaign ID or a range of them (=BUDGET_REMAINING(A2:A) serves a whole column; blank IDs stay blank).",
      "Sheets recalculates it when its arguments change; to see new expenses at once, refresh the Variance report.",
      "An ID no budget line or expense names gives an error naming the cell.",
      "@param {string|Array<Array<string>>} campaign_id The campaign's ID (the Campaigns tab's ID), or a range of IDs.",
      "@param {string|Array<Array<string>>} category Optional: one budget category, for all IDs or a range of the same size.",
      "@return The remaining amount (negative when over), one per cell where a range was given.",
    ],
  },
];
