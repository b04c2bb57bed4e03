// Emulated MailApp: messages go to an outbox the tests read; recipients count against a daily quota per sender.
import type { MailAppPort, MailMessage } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { type ExecutionContext, permissionError, SCOPES, ServiceError, type VirtualClock } from "./core";

/** Quotas for Google Services: 100 recipients per day for consumer accounts (Workspace: 1,500). */
export const DEFAULT_MAIL_QUOTA = 100;
export const MSG_MAIL_QUOTA = "Service invoked too many times for one day: email.";
export const MSG_NO_RECIPIENT = "Failed to send email: no recipient";
const DAY_MS = 24 * 3600 * 1000;

export interface SentMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string;
  replyTo: string;
  name: string;
  noReply: boolean;
  /** ISO time on the virtual clock. */
  at: string;
}

export interface MailState {
  outbox: SentMail[];
  /** Per sender: start of the current 24-hour quota window and the recipients used in it. */
  usage: Record<string, { windowStart: number; used: number }>;
}

/** The outbox and quota book of the whole emulator. */
export class MailBox {
  readonly outbox: SentMail[] = [];
  readonly usage = new Map<string, { windowStart: number; used: number }>();

  constructor(public quota: number = DEFAULT_MAIL_QUOTA) {}

  /** Quotas refresh 24 hours after the window's first send. */
  remaining(sender: string, now: number): number {
    const u = this.usage.get(sender);
    if (!u || now - u.windowStart >= DAY_MS) return this.quota;
    return Math.max(0, this.quota - u.used);
  }

  spend(sender: string, recipients: number, now: number): void {
    const u = this.usage.get(sender);
    if (!u || now - u.windowStart >= DAY_MS) this.usage.set(sender, { windowStart: now, used: recipients });
    else u.used += recipients;
  }

  toJSON(): MailState {
    return { outbox: this.outbox.map((m) => ({ ...m })), usage: Object.fromEntries(this.usage) };
  }

  static fromJSON(json: MailState | undefined, quota: number): MailBox {
    const b = new MailBox(quota);
    for (const m of json?.outbox ?? []) b.outbox.push({ ...m });
    for (const [k, v] of Object.entries(json?.usage ?? {})) b.usage.set(k, { ...v });
    return b;
  }
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

function addresses(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export class FakeMailApp implements MailAppPort {
  constructor(
    private readonly box: MailBox,
    private readonly ctx: ExecutionContext,
    private readonly clock: VirtualClock,
    private readonly counter: CallCounter,
  ) {}

  /** Both documented forms: sendEmail(message) and sendEmail(recipient, subject, body[, options]). */
  sendEmail(
    messageOrRecipient: MailMessage | string,
    subject?: string,
    body?: string,
    options?: Omit<MailMessage, "to" | "subject" | "body">,
  ): void {
    this.counter.count("MailApp.sendEmail");
    this.requireAuthorization("MailApp.sendEmail");
    const m: MailMessage =
      typeof messageOrRecipient === "string"
        ? { ...options, to: messageOrRecipient, subject: subject ?? "", body: body ?? "" }
        : messageOrRecipient;
    const recipients = [...addresses(m.to), ...addresses(m.cc), ...addresses(m.bcc)];
    if (addresses(m.to).length === 0 && recipients.length === 0) throw new ServiceError(MSG_NO_RECIPIENT);
    for (const r of recipients) if (!EMAIL.test(r)) throw new ServiceError(`Invalid email: ${r}`);
    const sender = this.ctx.effectiveUser;
    const now = this.clock.now();
    if (recipients.length > this.box.remaining(sender, now)) throw new ServiceError(MSG_MAIL_QUOTA);
    this.box.spend(sender, recipients.length, now);
    this.box.outbox.push({
      from: sender,
      to: addresses(m.to).join(","),
      cc: addresses(m.cc).join(","),
      bcc: addresses(m.bcc).join(","),
      subject: String(m.subject ?? ""),
      body: String(m.body ?? ""),
      htmlBody: String(m.htmlBody ?? ""),
      replyTo: String(m.replyTo ?? ""),
      name: String(m.name ?? ""),
      noReply: m.noReply === true,
      at: new Date(now).toISOString(),
    });
  }

  getRemainingDailyQuota(): number {
    this.counter.count("MailApp.getRemainingDailyQuota");
    this.requireAuthorization("MailApp.getRemainingDailyQuota");
    return this.box.remaining(this.ctx.effectiveUser, this.clock.now());
  }

  /** Sending mail needs the user's authorization: simple triggers and custom functions do not have it. */
  private requireAuthorization(method: string): void {
    if (this.ctx.authMode !== "FULL") throw permissionError(method, SCOPES.sendMail);
  }
}
