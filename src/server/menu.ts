// The add-on menu. It is built the same way in every AuthMode and touches no document, properties or catalog file
// (in AuthMode.NONE that would fail, or might), so its captions come from menu-captions.ts in Code.js and follow the
// user's locale only. What each item does lives in its feature's menu.ts.
import { type MenuCaptionKey, menuCaption } from "../domain/menu-captions";
import { userInterface } from "./shared/active";
import { userLang } from "./shared/locale";

/** The caption of each menu item by the function it calls, in menu order; the functions are global entry points (surface.ts). */
const MENU = {
  menuSetUpWorkbook: "menu.setUp",
  menuShowCampaigns: "menu.campaigns",
  menuShowApprovals: "menu.approvals",
  menuShowExpenses: "spend.menu.expenses",
  menuRefreshVariance: "spend.menu.refresh",
  menuToggleVarianceSchedule: "spend.menu.schedule",
  menuAdoptExpenses: "spend.menu.adopt",
  menuShowMonitor: "menu.monitor",
  menuRefreshEvaluation: "menu.refreshReport",
  menuVerifyAuditLog: "menu.verifyLog",
  menuShowRoles: "menu.roles",
  menuStartPeriod: "menu.startPeriod",
} as const satisfies Record<string, MenuCaptionKey>;

export const MENU_ITEMS = Object.entries(MENU).map(([functionName, caption]) => ({ caption, functionName }));

export function buildMenu(): void {
  const lang = userLang();
  const menu = userInterface().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(menuCaption(lang, item.caption), item.functionName);
  menu.addToUi();
}
