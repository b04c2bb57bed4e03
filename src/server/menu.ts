// The add-on menu and what its items do. The menu is built the same way in every AuthMode and touches no
// document, properties or catalog file (in AuthMode.NONE that would fail, or might), so its captions come from
// menu-captions.ts in Code.js and follow the user's locale only.
import { langOf, t } from "../domain/i18n";
import { menuCaption } from "../domain/menu-captions";
import { parseRoles, rightsProjection } from "../domain/roles";
import { setUpWorkbook } from "../workbook/setup";
import { readSettings } from "../workbook/shared/settings";
import { readContext } from "./shared/context";
import { type SIDEBARS, sidebar } from "./shared/html";
import { uiLang, userLang } from "./shared/locale";
import { withDocumentLock } from "./shared/lock";
import { documentProperties, KEY } from "./shared/store";
import { ownerOf } from "./shared/workspace";

/** The functions the menu items call; they are global entry points (surface.ts). */
export const MENU_ITEMS = [
  { caption: "menu.setUp", functionName: "menuSetUpWorkbook" },
  { caption: "menu.campaigns", functionName: "menuShowCampaigns" },
  { caption: "menu.approvals", functionName: "menuShowApprovals" },
  { caption: "spend.menu.expenses", functionName: "menuShowExpenses" },
  { caption: "spend.menu.refresh", functionName: "menuRefreshVariance" },
  { caption: "spend.menu.schedule", functionName: "menuToggleVarianceSchedule" },
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

/** "Set up workbook": installs or upgrades the tabs under the document lock, then says what changed. */
export function menuSetUpWorkbook(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = withDocumentLock(() => {
    const locale = ss.getSpreadsheetLocale();
    const lang = langOf(locale);
    const rights = (currency: string) =>
      rightsProjection(parseRoles(documentProperties().getProperty(KEY.roles)), ownerOf(ss), currency, lang);
    return setUpWorkbook(ss, SpreadsheetApp, { lang, locale, rights });
  });
  if (!result.ok) {
    const lang = userLang();
    ss.toast(t(lang, "setup.busy"), t(lang, "setup.title"), 10);
    return;
  }
  const report = result.value;
  const lang = uiLang(report.settings);
  const message = report.changed
    ? t(lang, "setup.done", {
        tabs: report.tabs.filter((r) => r.created).length,
        columns: report.tabs.reduce((n, r) => n + (r.created ? 0 : r.columnsAdded), 0),
        settings: report.tabs.reduce((n, r) => n + r.settingsAdded, 0),
      })
    : t(lang, "setup.unchanged");
  ss.toast(message, t(lang, "setup.title"), 8);
}

/** Opens a sidebar in the user's language (or the Settings override). */
export function showSidebar(name: keyof typeof SIDEBARS): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss, ss.getSpreadsheetLocale(), readContext(ss, userLang())).settings;
  SpreadsheetApp.getUi().showSidebar(sidebar(name, uiLang(settings)));
}

/** "My campaigns": opens the sidebar in the user's language (or the Settings override). */
export function menuShowCampaigns(): void {
  showSidebar("campaigns");
}

export function menuShowApprovals(): void {
  showSidebar("approvals");
}

export function menuShowRoles(): void {
  showSidebar("roles");
}
