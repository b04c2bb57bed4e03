// Size budgets of what `clasp push` uploads, shared by the build (which fails past them) and the bundle test.
// Apps Script compiles every script file at the start of every execution (each custom-function call and each
// onEdit among them), so Code.js weight is paid again and again; sidebars are paid once per opening, and a message
// catalog (i18n-<lang>.html: JSON, read and parsed on an execution's first t()) only by executions that show text.
// Measured when the catalogs moved out of Code.js: Code.js 228.9 KB (311.5 KB with both catalogs inside), so its
// budget is that plus about 10 %, rounded up to 10 KB; i18n-en.html 46.1 KB and i18n-zh.html 46.5 KB, held to the
// sidebars' 100 KB.
export const SIZE_BUDGET = {
  code: 260 * 1024,
  html: 100 * 1024,
  catalog: 100 * 1024,
} as const;
