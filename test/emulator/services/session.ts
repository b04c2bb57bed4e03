// Emulated Session plus the directory of users the emulator knows (domain, locale, whether they authorized the add-on).
import { createHash } from "node:crypto";
import type { SessionPort, UserPort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { type ExecutionContext, refuseInNone } from "./core";

export interface UserRecord {
  email: string;
  /**
   * Whether the user shares the document owner's Google Workspace domain. The User reference: the e-mail "is not
   * available in any context that allows a script to run without that user's authorization, like a simple onOpen(e)
   * or onEdit(e) trigger, a custom function ... However, these restrictions generally do not apply if the developer
   * runs the script themselves or belongs to the same Google Workspace domain as the user."
   */
  sameDomain: boolean;
  /** What Session.getActiveUserLocale() returns for this user. */
  locale: string;
  /** Whether the user granted the add-on its scopes (getAuthorizationInfo(FULL) reports NOT_REQUIRED then). */
  authorized: boolean;
}

export type UserOptions = Partial<Omit<UserRecord, "email">>;

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

export class UserDirectory {
  private readonly users = new Map<string, UserRecord>();

  constructor(
    private readonly ownerEmail: string,
    private readonly defaultLocale: string,
  ) {}

  /** Users are created on first sight: same domain as the owner unless configured otherwise. */
  get(email: string): UserRecord {
    let u = this.users.get(email);
    if (!u) {
      u = {
        email,
        sameDomain: domainOf(email) === domainOf(this.ownerEmail),
        locale: this.defaultLocale,
        authorized: false,
      };
      this.users.set(email, u);
    }
    return u;
  }

  configure(email: string, options: UserOptions): UserRecord {
    const u = this.get(email);
    Object.assign(u, options);
    return u;
  }

  all(): UserRecord[] {
    return [...this.users.values()].map((u) => ({ ...u }));
  }

  /**
   * Whether `viewer`'s execution may see `subject`'s e-mail in a context that runs without the subject's
   * authorization (simple triggers, other users' installable triggers). The subject themselves always may.
   */
  identityVisible(subject: string, runsAs: string): boolean {
    return subject === runsAs || this.get(subject).sameDomain;
  }

  toJSON(): UserRecord[] {
    return this.all();
  }

  static fromJSON(owner: string, locale: string, json: UserRecord[] | undefined): UserDirectory {
    const d = new UserDirectory(owner, locale);
    for (const u of json ?? []) d.users.set(u.email, { ...u });
    return d;
  }
}

export class FakeUser implements UserPort {
  constructor(
    private readonly email: string,
    private readonly counter: CallCounter,
  ) {}

  getEmail(): string {
    this.counter.count("User.getEmail");
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

export class FakeSession implements SessionPort {
  constructor(
    private readonly ctx: ExecutionContext,
    private readonly users: UserDirectory,
    private readonly scriptTimeZone: string,
    private readonly scriptId: string,
    private readonly clockNow: () => number,
    private readonly counter: CallCounter,
  ) {}

  getActiveUser(): FakeUser {
    this.counter.count("Session.getActiveUser");
    refuseInNone(this.ctx, "Session.getActiveUser");
    return new FakeUser(this.ctx.visibleActiveEmail, this.counter);
  }

  getEffectiveUser(): FakeUser {
    this.counter.count("Session.getEffectiveUser");
    refuseInNone(this.ctx, "Session.getEffectiveUser");
    return new FakeUser(this.ctx.visibleEffectiveEmail, this.counter);
  }

  getActiveUserLocale(): string {
    this.counter.count("Session.getActiveUserLocale");
    return this.users.get(this.ctx.user).locale;
  }

  getScriptTimeZone(): string {
    this.counter.count("Session.getScriptTimeZone");
    return this.scriptTimeZone;
  }

  /**
   * Session reference: a key "unique to the active user" that does not reveal the identity and rotates every 30
   * days; it exists even where the e-mail is blank.
   */
  getTemporaryActiveUserKey(): string {
    this.counter.count("Session.getTemporaryActiveUserKey");
    refuseInNone(this.ctx, "Session.getTemporaryActiveUserKey");
    const period = Math.floor(this.clockNow() / (30 * 24 * 3600 * 1000));
    return createHash("sha256").update(`${this.scriptId}|${this.ctx.user}|${period}`).digest("base64url").slice(0, 43);
  }
}
