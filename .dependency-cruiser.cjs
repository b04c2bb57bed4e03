// The dependency rules of src/, checked by `npm run check` (dependency-cruiser). Each rule says why it exists.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle means two modules can only be understood, tested and changed together, and makes the order in " +
        "which the bundle initialises its top-level constants fragile. Type-only imports count too.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment:
        "The domain is the process itself in plain TypeScript: it must not know about cells, Apps Script or " +
        "sidebars, so it imports nothing of ours but itself.",
      from: { path: "^src/domain/" },
      to: { path: "^src/(workbook|server|sidebar)/" },
    },
    {
      name: "workbook-below-server",
      severity: "error",
      comment:
        "The workbook layer (tabs, tables, rows) is used by the server, never the other way round: the Apps " +
        "Script ports live in workbook/shared/ports.ts for that reason.",
      from: { path: "^src/workbook/" },
      to: { path: "^src/(server|sidebar)/" },
    },
    {
      name: "server-not-sidebar",
      severity: "error",
      comment: "Sidebar code runs in the browser; the server bundle must never pull it in.",
      from: { path: "^src/server/" },
      to: { path: "^src/sidebar/" },
    },
    {
      name: "sidebar-sees-contracts-only",
      severity: "error",
      comment:
        "A sidebar talks to the server only through google.script.run: it may import the RPC contracts (api.ts " +
        "files and shared/contract.ts, as types: verbatimModuleSyntax keeps them out of the page), never the " +
        "handlers, the workbook layer or the Apps Script ports. The pure domain (texts, catalog) it may share.",
      from: { path: "^src/sidebar/" },
      to: { path: "^src/(server|workbook)/", pathNot: "^src/server/(api|[^/]+/api|shared/contract)\\.ts$" },
    },
    {
      name: "shared-below-features",
      severity: "error",
      comment:
        "Each layer's shared folder (the write path, the workspace read, the lock, the RPC plumbing, tables and " +
        "rows) serves every feature, so it must not depend on any one of them; otherwise a change to one " +
        "feature silently changes the others.",
      from: { path: "^src/(server|workbook)/shared/" },
      to: { path: "^src/$1/(?!shared/)[^/]+/" },
    },
    {
      name: "features-below-composition",
      severity: "error",
      comment:
        "The files at the top of src/server (entrypoints, surface, api, rpc, menu, triggers) and src/workbook " +
        "(tabs, setup) put the features together; a feature importing them would depend on every other feature.",
      from: { path: "^src/(server|workbook)/[^/]+/" },
      to: { path: "^src/$1/[^/]+\\.ts$" },
    },
    {
      name: "features-in-order",
      severity: "error",
      comment:
        "Features use each other in one direction only, so no two of them form a folder-level cycle: admin " +
        "(roles, setup, the audit check) may use every feature; approvals (My campaigns and Approvals, whose inbox " +
        "also decides overrun, reimbursement and summary requests) may use evaluation and spend; evaluation may " +
        "use spend; spend uses no other feature. This rule forbids approvals -> admin.",
      from: { path: "^src/(server|workbook)/approvals/" },
      to: { path: "^src/$1/admin/" },
    },
    {
      name: "evaluation-below-approvals",
      severity: "error",
      comment: "See features-in-order: evaluation uses neither approvals nor admin.",
      from: { path: "^src/(server|workbook)/evaluation/" },
      to: { path: "^src/$1/(admin|approvals)/" },
    },
    {
      name: "spend-is-the-lowest-feature",
      severity: "error",
      comment: "See features-in-order: budget control uses no other feature.",
      from: { path: "^src/(server|workbook)/spend/" },
      to: { path: "^src/$1/(admin|approvals|evaluation)/" },
    },
    {
      name: "selftest-is-a-variant",
      severity: "error",
      comment:
        "src/selftest is the platform self-test build variant (npm run build -- --selftest): it may use the add-on, " +
        "but nothing of the add-on may use it, so the default build never carries a probe.",
      from: { path: "^src/(domain|workbook|server|sidebar)/" },
      to: { path: "^src/selftest/" },
    },
    {
      name: "org-is-a-variant",
      severity: "error",
      comment:
        "src/org is the org build variant with the BigQuery export (npm run build -- --org): it sits on top of the " +
        "add-on like src/selftest, so nothing of the add-on may use it and the default build never carries the export " +
        "or the BigQuery scope.",
      from: { path: "^src/(domain|workbook|server|sidebar|selftest)/" },
      to: { path: "^src/org/" },
    },
    {
      name: "org-sidebar-sees-contracts-only",
      severity: "error",
      comment:
        "The org build's sidebar runs in the browser like src/sidebar: it may use the sidebar code, the pure domain, " +
        "the org texts and the RPC contracts (as types), never the server handlers, the workbook layer or the export.",
      from: { path: "^src/org/sidebar/" },
      to: {
        path: "^src/(server|workbook|org)/",
        pathNot:
          "^src/(server/(api|[^/]+/api|shared/contract|shared/request-fields)|org/(api|catalog|sidebar/.*))\\.ts$",
      },
    },
    {
      name: "org-server-not-sidebar",
      severity: "error",
      comment: "The org build's server code must never pull browser code into Code.js.",
      from: { path: "^src/org/", pathNot: "^src/org/sidebar/" },
      to: { path: "^src/(sidebar|org/sidebar)/" },
    },
  ],
  options: {
    parser: "swc",
    tsPreCompilationDeps: true,
    moduleSystems: ["es6"],
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.d\\.ts$" },
  },
};
