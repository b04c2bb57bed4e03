// Size budgets of what `clasp push` uploads, shared by the build (which fails past them) and the bundle test.
// Apps Script compiles every script file at the start of every execution (each custom-function call and each
// onEdit among them), so Code.js weight is paid again and again; sidebars are paid once per opening.
export const SIZE_BUDGET = {
  code: 320 * 1024,
  html: 100 * 1024,
} as const;
