// The add-on menu and what its items do. The menu is built the same way in every AuthMode and touches no
// document or properties (in AuthMode.NONE that would fail), so its labels follow the user's locale only.
import { langOf, t } from "../domain/i18n";
import { readSettings } from "../workbook/settings";
import { setUpWorkbook } from "../workbook/setup";
import { readContext } from "./context";
import { campaignsSidebar } from "./html";
import { uiLang, userLang } from "./locale";
import { withDocumentLock } from "./lock";
import type { SpreadsheetPort } from "./ports";

/** The functions the menu items call; they are global entry points (surface.ts). */
export const MENU_ITEMS = [
  { caption: "menu.setUp", functionName: "menuSetUpWorkbook" },
  { caption: "menu.campaigns", functionName: "menuShowCampaigns" },
] as const;

export function buildMenu(): void {
  const lang = userLang();
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(t(lang, item.caption), item.functionName);
  menu.addToUi();
}

function ownerEmail(ss: SpreadsheetPort): string {
  try {
    return ss.getOwner()?.getEmail() ?? "";
  } catch {
    return "";
  }
}

/** "Set up workbook": installs or upgrades the tabs under the document lock, then says what changed. */
export function menuSetUpWorkbook(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = withDocumentLock(() => {
    const locale = ss.getSpreadsheetLocale();
    return setUpWorkbook(ss, SpreadsheetApp, { lang: langOf(locale), locale, owner: () => ownerEmail(ss) });
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

/** "Campaigns": opens the sidebar in the user's language (or the Settings override). */
export function menuShowCampaigns(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const settings = readSettings(ss, ss.getSpreadsheetLocale(), readContext(ss, userLang())).settings;
  SpreadsheetApp.getUi().showSidebar(campaignsSidebar(uiLang(settings)));
}
