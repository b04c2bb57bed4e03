// The admin's menu items: Set up workbook (installs or upgrades the tabs) and Roles and settings.
import { type Lang, langOf, t } from "../../domain/i18n";
import { rightsProjection } from "../../domain/roles";
import { type SetupReport, setUpWorkbook } from "../../workbook/setup";
import { activeSpreadsheet, localeOf } from "../shared/active";
import { adminOrExplain } from "../shared/admin-gate";
import { showSidebar } from "../shared/html";
import { uiLang, userLang } from "../shared/locale";
import { withDocumentLock } from "../shared/lock";
import { storedRoles } from "../shared/store";
import { ownerOf } from "../shared/workspace";

/** "Set up workbook": installs or upgrades the tabs under the document lock, then says what changed. */
export function menuSetUpWorkbook(): void {
  const ss = activeSpreadsheet();
  // Before anything is read or written: setup changes every tab, its protections and the Settings rows.
  if (!adminOrExplain(ss, userLang(), "menu.setUp")) return;
  const result = withDocumentLock(() => {
    const locale = localeOf(ss);
    const lang = langOf(locale);
    const rights = (currency: string) => rightsProjection(storedRoles(), ownerOf(ss), currency, lang);
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
  ss.toast([message, ...foreignProtectionNotes(report, lang)].join(" "), t(lang, "setup.title"), 8);
}

/** Protections an admin put on our tabs are never changed by setup; it says so, so nobody thinks they were. */
function foreignProtectionNotes(report: SetupReport, lang: Lang): string[] {
  return report.tabs.flatMap((r) =>
    (r.foreignProtections ?? []).map((description) =>
      t(lang, "setup.foreignProtection", {
        tab: r.name ?? r.tab,
        description: description.trim() || t(lang, "setup.noDescription"),
      }),
    ),
  );
}

export function menuShowRoles(): void {
  showSidebar("roles");
}
