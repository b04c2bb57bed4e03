// The budget-control menu items: the Expenses sidebar, "Refresh variance report" (under the document lock), and the
// hourly refresh turned on and off through the one scheduled trigger (shared/schedule.ts).

import { asString } from "../../domain/builtins";
import { type Lang, t } from "../../domain/i18n";
import { activeSpreadsheet } from "../shared/active";
import { showSidebar } from "../shared/html";
import { shownTime, userLang } from "../shared/locale";
import { withDocumentLock } from "../shared/lock";
import { isAdminNow, readSchedule, registerJob, setJob } from "../shared/schedule";
import { type RefreshSummary, readSpendBase, readSpendBook, refreshVariance } from "../shared/spend-book";
import { ownerOf } from "../shared/workspace";
import { callerEmail } from "../shared/write";
import { adoptUnsealedExpenses } from "./adopt";

export const VARIANCE_JOB = "variance";

/** Reads and refreshes under the lock; null when the lock could not be had. */
function refreshLocked(lang: Lang): RefreshSummary | null {
  const ss = activeSpreadsheet();
  const result = withDocumentLock(() => {
    const book = readSpendBook(readSpendBase(ss, lang));
    return refreshVariance(book, shownTime(null, book.timeZone, book.sheetLang));
  });
  return result.ok ? result.value : null;
}

registerJob(VARIANCE_JOB, () => {
  // A busy hour is skipped: the next tick refreshes.
  refreshLocked("en");
});

function toast(lang: Lang, message: string): void {
  activeSpreadsheet().toast(message, t(lang, "spend.toast.title"), 8);
}

export function menuRefreshVariance(): void {
  const lang = userLang();
  const summary = refreshLocked(lang);
  if (summary === null || summary.setupNeeded) {
    toast(lang, t(lang, summary ? "spend.toast.setupNeeded" : "spend.toast.busy"));
    return;
  }
  const ss = activeSpreadsheet();
  ss.getSheetByName(summary.tab)?.activate();
  toast(lang, t(lang, "spend.toast.refreshed", { campaigns: summary.campaigns, excluded: summary.excludedRows }));
}

/** Turns the hourly refresh on when it is off, and off when it is on; says which. */
export function menuToggleVarianceSchedule(): void {
  const lang = userLang();
  // The schedule is an admin's: an editor's click would make their trigger the one that runs every job.
  if (!isAdminNow(callerEmail())) {
    toast(lang, t(lang, "rights.refused.schedule", { owner: ownerOf(activeSpreadsheet()) }));
    return;
  }
  const on = !readSchedule().jobs.includes(VARIANCE_JOB);
  try {
    setJob(VARIANCE_JOB, on);
  } catch (err) {
    toast(lang, err instanceof Error ? err.message : asString(err));
    return;
  }
  toast(lang, t(lang, on ? "spend.schedule.on" : "spend.schedule.off"));
}

export function menuShowExpenses(): void {
  showSidebar("expenses");
}

/**
 * "Adopt expenses recorded before sealing" (admins): each expense row recorded before expenses were sealed in the
 * approval log is sealed in the admin's name, so an upgraded workbook's books stay as they were; says which rows.
 */
export function menuAdoptExpenses(): void {
  const lang = userLang();
  const adopted = adoptUnsealedExpenses();
  if (!adopted.ok) {
    toast(lang, adopted.message);
    return;
  }
  const rows = adopted.rows;
  toast(
    lang,
    rows.length > 0
      ? t(lang, "spend.adopt.done", { count: rows.length, rows: rows.join(", ") })
      : t(lang, "spend.adopt.none"),
  );
  if (rows.length > 0) refreshLocked(lang);
}
