// The add-on menu. It is built the same way in every AuthMode and touches no document, properties or catalog file
// (in AuthMode.NONE that would fail, or might), so its captions come from menu-captions.ts in Code.js and follow the
// user's locale only. What each item does lives in its feature's menu.ts.
import { menuCaption } from "../domain/menu-captions";
import { userLang } from "./shared/locale";

/** The functions the menu items call; they are global entry points (surface.ts). */
export const MENU_ITEMS = [
  { caption: "menu.setUp", functionName: "menuSetUpWorkbook" },
  { caption: "menu.campaigns", functionName: "menuShowCampaigns" },
  { caption: "menu.approvals", functionName: "menuShowApprovals" },
  { caption: "spend.menu.expenses", functionName: "menuShowExpenses" },
  { caption: "spend.menu.refresh", functionName: "menuRefreshVariance" },
  { caption: "spend.menu.schedule", functionName: "menuToggleVarianceSchedule" },
  { caption: "spend.menu.adopt", functionName: "menuAdoptExpenses" },
  { caption: "menu.monitor", functionName: "menuShowMonitor" },
  { caption: "menu.refreshReport", functionName: "menuRefreshEvaluation" },
  { caption: "menu.verifyLog", functionName: "menuVerifyAuditLog" },
  { caption: "menu.roles", functionName: "menuShowRoles" },
] as const;

export function buildMenu(): void {
  const lang = userLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(menuCaption(lang, item.caption), item.functionName);
  menu.addToUi();
}
