// The org build's global surface: everything the add-on exposes, plus the BigQuery export's server functions (listed
// in surface.ts). Importing job.ts puts the export on the add-on's one scheduled trigger.
export * from "../server/entrypoints";

import "./job";

export { rpcCreateFeedbackForm } from "./forms";
export { rpcExportNow, rpcExportSave, rpcExportView } from "./rpc";
