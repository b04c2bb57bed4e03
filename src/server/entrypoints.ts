// The only file that decides what becomes global in Apps Script: exactly the names listed in surface.ts (a test
// fails on drift). The build wraps this module as the IIFE `App` and appends one top-level stub per entry.
export { BUDGET_VARIANCE } from "./custom-functions";
export { menuSetUpWorkbook, menuShowCampaigns } from "./menu";
export { rpcListCampaigns, rpcSelectCampaign } from "./rpc";
export { onEdit, onInstall, onOpen } from "./triggers";
