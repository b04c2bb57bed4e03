// Which language to speak: menus, toasts and the sidebar follow the user (or the Settings override); what the
// add-on writes into the workbook (tab names, labels, help, dropdowns, custom-function errors) follows the
// spreadsheet's locale, because every collaborator sees the same cells.

import { numberIsNaN } from "../../domain/builtins";
import { timeText } from "../../domain/dates";
import { type Lang, langOf } from "../../domain/i18n";
import type { Settings } from "../../domain/settings";
import { formatDate, localeOf } from "./active";

/**
 * The user's language. The Session reference lists an authorization scope for getActiveUser and getEffectiveUser
 * but none for getActiveUserLocale, and AuthMode.NONE only bars services that need authorization, so this works in
 * onOpen before the add-on is authorized. If a runtime refuses it anyway, English is the safe answer: a menu must
 * always be built.
 */
export function userLang(): Lang {
  try {
    return langOf(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

/** The Settings "language" override when set, else the user's own language. */
export function uiLang(settings: Settings | null): Lang {
  if (settings && settings.language !== "auto") return settings.language;
  return userLang();
}

/** The spreadsheet's language, for what goes into cells. English when the document cannot be read. */
export function sheetLang(): Lang {
  try {
    return langOf(localeOf());
  } catch {
    return "en";
  }
}

/**
 * An instant (an ISO string, or now) as people read it: in the spreadsheet's time zone, worded for `lang` ("2 Mar
 * 2026, 09:05"). The log keeps its ISO instants; only what is shown goes through here. Text that is no instant stays.
 */
export function shownTime(iso: string | null, timeZone: string, lang: Lang): string {
  const date = iso === null ? new Date() : new Date(iso);
  if (numberIsNaN(date.getTime())) return iso ?? "";
  return timeText(formatDate(date, timeZone, "yyyy M d H m").split(" ").map(Number), lang);
}
