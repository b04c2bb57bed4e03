// Emulated LockService: script, document and user locks held by an execution until released or until it ends.
import type { LockPort, LockServicePort } from "../../../src/workbook/shared/ports";
import type { CallCounter } from "../counter";
import { type ExecutionContext, permissionError, ServiceError } from "./core";

export const MSG_LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

/**
 * Who holds which lock. Executions here never run in parallel: a second one only exists nested inside the first
 * (started from a test hook), so a waiter can never see the holder finish. Waiting therefore always costs the full
 * timeout on the virtual clock and fails, which is what a real waiter sees when the holder outlasts its timeout.
 */
export class LockTable {
  private readonly holders = new Map<string, number>();

  holder(scope: string): number | undefined {
    return this.holders.get(scope);
  }

  acquire(scope: string, executionId: number): boolean {
    const h = this.holders.get(scope);
    if (h !== undefined && h !== executionId) return false;
    this.holders.set(scope, executionId);
    return true;
  }

  release(scope: string, executionId: number): void {
    if (this.holders.get(scope) === executionId) this.holders.delete(scope);
  }

  /** Locks die with their execution. */
  releaseAll(executionId: number): void {
    for (const [scope, id] of [...this.holders]) if (id === executionId) this.holders.delete(scope);
  }

  held(): { scope: string; executionId: number }[] {
    return [...this.holders].map(([scope, executionId]) => ({ scope, executionId }));
  }
}

export class FakeLock implements LockPort {
  constructor(
    private readonly table: LockTable,
    private readonly scope: string,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    this.counter.count("Lock.tryLock");
    return this.acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    this.counter.count("Lock.waitLock");
    if (!this.acquire(timeoutInMillis)) throw new ServiceError(MSG_LOCK_TIMEOUT);
  }

  releaseLock(): void {
    this.counter.count("Lock.releaseLock");
    this.table.release(this.scope, this.ctx.id);
  }

  hasLock(): boolean {
    this.counter.count("Lock.hasLock");
    return this.table.holder(this.scope) === this.ctx.id;
  }

  private acquire(timeoutInMillis: number): boolean {
    if (this.table.acquire(this.scope, this.ctx.id)) return true;
    this.ctx.spend(Math.max(0, Number(timeoutInMillis) || 0));
    return this.table.acquire(this.scope, this.ctx.id);
  }
}

export class FakeLockService implements LockServicePort {
  constructor(
    private readonly table: LockTable,
    private readonly ctx: ExecutionContext,
    private readonly counter: CallCounter,
  ) {}

  getDocumentLock(): FakeLock | null {
    this.enter("getDocumentLock");
    if (this.ctx.documentId === null) return null;
    return new FakeLock(this.table, `document:${this.ctx.documentId}`, this.ctx, this.counter);
  }

  getScriptLock(): FakeLock {
    this.enter("getScriptLock");
    return new FakeLock(this.table, "script", this.ctx, this.counter);
  }

  getUserLock(): FakeLock {
    this.enter("getUserLock");
    return new FakeLock(this.table, `user:${this.ctx.effectiveUser}`, this.ctx, this.counter);
  }

  private enter(method: string): void {
    this.counter.count(`LockService.${method}`);
    if (this.ctx.authMode === "NONE") throw permissionError(`LockService.${method}`);
  }
}
