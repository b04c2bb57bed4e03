// E-mail after a write: sent once the document lock is released, so mail never holds up or breaks a decision. The
// quota is checked first; a notice that cannot go out (quota used up, no recipient, any MailApp error) is recorded
// as unsent in the Notifications tab and returned to the sidebar, and the decision stands.

import { asString, max } from "../../domain/builtins";
import { t } from "../../domain/i18n";
import { readNotifications } from "../../workbook/approvals/escalations";
import { NOTIFICATIONS_TAB } from "../../workbook/approvals/tabs";
import type { SpreadsheetPort } from "../../workbook/shared/ports";
import { appendRecords, recordRow } from "../../workbook/shared/rows";
import { documentLock, flush } from "./active";

export interface Notice {
  readonly campaign: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** Why nobody can be told (set instead of `to` when, say, a level has no approvers). */
  readonly noRecipient?: string;
}

/** JSON-safe, for the sidebar: what happened to one notice. */
export interface NoticeResult {
  readonly campaign: string;
  readonly to: string;
  readonly subject: string;
  readonly sent: boolean;
  readonly reason: string;
}

const NOTIFY_LOCK_MS = 5_000;

function remainingQuota(): number {
  try {
    return MailApp.getRemainingDailyQuota();
  } catch {
    return 0;
  }
}

export function sendNotices(notices: readonly Notice[], lang: "en" | "zh"): NoticeResult[] {
  if (notices.length === 0) return [];
  let quota = remainingQuota();
  return notices.map((n) => {
    const to = n.to.join(", ");
    const base = { campaign: n.campaign, to, subject: n.subject };
    if (n.to.length === 0) return { ...base, sent: false, reason: n.noRecipient ?? t(lang, "mail.none") };
    if (quota < n.to.length) return { ...base, sent: false, reason: t(lang, "mail.quota") };
    try {
      MailApp.sendEmail({ to: n.to.join(","), subject: n.subject, body: n.body, name: t(lang, "app.name") });
      quota -= n.to.length;
      return { ...base, sent: true, reason: "" };
    } catch (error) {
      return { ...base, sent: false, reason: error instanceof Error ? error.message : asString(error) };
    }
  });
}

/**
 * Records what was tried in the Notifications tab: one write under a short second hold of the document lock.
 * When the lock is busy, each notice is appended with appendRow, which Sheets applies atomically.
 */
export function recordNotices(ss: SpreadsheetPort, results: readonly NoticeResult[], at: string, lang: "en" | "zh") {
  if (results.length === 0) return;
  const records = results.map((r) => ({
    at,
    campaign: r.campaign,
    to: r.to,
    subject: r.subject,
    status: t(lang, r.sent ? "noticeStatus.sent" : "noticeStatus.failed"),
    reason: r.reason,
  }));
  const lock = documentLock();
  if (lock?.tryLock(NOTIFY_LOCK_MS)) {
    try {
      const table = readNotifications(ss);
      if (table) appendRecords(table, NOTIFICATIONS_TAB, records);
      flush();
    } finally {
      lock.releaseLock();
    }
    return;
  }
  const table = readNotifications(ss);
  if (!table) return;
  const width = max(table.table.width, ...table.index.values());
  for (const r of records) table.table.sheet.appendRow(recordRow(table, NOTIFICATIONS_TAB, r, width));
}
