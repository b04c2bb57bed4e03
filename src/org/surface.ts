// The org build's list of globals: the add-on's list plus the export section's server functions and the feedback form's.
import { type EntryPoint, SURFACE } from "../server/surface";

export const ORG_SURFACE: readonly EntryPoint[] = [
  ...SURFACE,
  { name: "rpcExportView", kind: "rpc", params: ["request"] },
  { name: "rpcExportSave", kind: "rpc", params: ["request"] },
  { name: "rpcExportNow", kind: "rpc", params: ["request"] },
  { name: "rpcCreateFeedbackForm", kind: "rpc", params: ["request"] },
];
