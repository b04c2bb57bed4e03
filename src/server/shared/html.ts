// Serves the built sidebar pages (dist/<name>.html) with the language the page should start in, and opens them.
import type { Lang } from "../../domain/i18n";
import { type MenuCaptionKey, menuCaption } from "../../domain/menu-captions";
import type { HtmlOutputPort } from "../../workbook/shared/ports";
import { readSettings } from "../../workbook/shared/settings";
import { activeSpreadsheet, localeOf, timeZoneOf, userInterface } from "./active";
import { readContext } from "./context";
import { uiLang, userLang } from "./locale";

/**
 * The built page says <html lang="en">; the sidebar reads this attribute to pick its first language, and data-tz to
 * show times in the spreadsheet's time zone.
 */
function withLang(html: string, lang: Lang, timeZone: string): string {
  return html.replace('<html lang="en">', `<html lang="${lang === "zh" ? "zh-CN" : "en"}" data-tz="${timeZone}">`);
}

export const SIDEBARS = {
  campaigns: "menu.campaigns",
  approvals: "menu.approvals",
  roles: "menu.roles",
  expenses: "spend.menu.expenses",
  monitor: "menu.monitor",
} as const satisfies Record<string, MenuCaptionKey>;

export function sidebar(name: keyof typeof SIDEBARS, lang: Lang, timeZone: string): HtmlOutputPort {
  const page = HtmlService.createHtmlOutputFromFile(name).getContent();
  return HtmlService.createHtmlOutput(withLang(page, lang, timeZone)).setTitle(menuCaption(lang, SIDEBARS[name]));
}

/** Opens a sidebar in the user's language (or the Settings override). */
export function showSidebar(name: keyof typeof SIDEBARS): void {
  const ss = activeSpreadsheet();
  const settings = readSettings(ss, localeOf(ss), readContext(ss, userLang())).settings;
  userInterface().showSidebar(sidebar(name, uiLang(settings), timeZoneOf(ss)));
}
