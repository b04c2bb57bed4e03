// LockService: a lock belongs to one execution; another cannot take it until it is released or its holder ends.
import { describe, expect, it } from "vitest";
import { CallCounter } from "../counter";
import { type ExecutionContext, testContext, VirtualClock } from "./core";
import { FakeLockService, LockTable, MSG_LOCK_TIMEOUT } from "./lock";

function twoExecutions() {
  const clock = new VirtualClock("2026-03-02T08:00:00Z");
  const table = new LockTable();
  const counter = new CallCounter();
  const ctx = (id: number, user = "owner@example.com"): ExecutionContext => testContext({ id, clock, user });
  return {
    clock,
    table,
    counter,
    a: new FakeLockService(table, ctx(1), counter),
    b: new FakeLockService(table, ctx(2), counter),
    bOther: new FakeLockService(table, ctx(3, "other@example.com"), counter),
  };
}

describe("LockService", () => {
  it("lets one execution hold the document lock; another's tryLock fails after waiting its timeout", () => {
    const { a, b, clock } = twoExecutions();
    const la = a.getDocumentLock()!;
    expect(la.tryLock(0)).toBe(true);
    expect(la.hasLock()).toBe(true);
    const t0 = clock.now();
    const lb = b.getDocumentLock()!;
    expect(lb.tryLock(2500)).toBe(false);
    expect(clock.now() - t0).toBe(2500);
    expect(lb.hasLock()).toBe(false);
    la.releaseLock();
    expect(lb.tryLock(2500)).toBe(true);
    expect(clock.now() - t0).toBe(2500);
  });

  it("waitLock throws the Apps Script message when the lock stays taken", () => {
    const { a, b } = twoExecutions();
    a.getScriptLock().waitLock(1000);
    expect(() => b.getScriptLock().waitLock(1000)).toThrow(MSG_LOCK_TIMEOUT);
    expect(MSG_LOCK_TIMEOUT).toBe("Lock timeout: another process was holding the lock for too long.");
  });

  it("is re-entrant within one execution and shared across Lock objects of the same scope", () => {
    const { a } = twoExecutions();
    expect(a.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(a.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(a.getDocumentLock()!.hasLock()).toBe(true);
  });

  it("keeps script, document and user scopes separate; user locks are per user", () => {
    const { a, b, bOther } = twoExecutions();
    expect(a.getScriptLock().tryLock(0)).toBe(true);
    expect(b.getDocumentLock()!.tryLock(0)).toBe(true);
    expect(a.getUserLock().tryLock(0)).toBe(true);
    expect(b.getUserLock().tryLock(10)).toBe(false);
    expect(bOther.getUserLock().tryLock(0)).toBe(true);
  });

  it("releases everything an execution held when it ends", () => {
    const { a, b, table } = twoExecutions();
    a.getScriptLock().tryLock(0);
    a.getDocumentLock()!.tryLock(0);
    table.releaseAll(1);
    expect(table.held()).toEqual([]);
    expect(b.getScriptLock().tryLock(0)).toBe(true);
  });

  it("refuses locks in AuthMode.NONE and has no document lock without a document", () => {
    const clock = new VirtualClock("2026-03-02T08:00:00Z");
    const c = new CallCounter();
    expect(() =>
      new FakeLockService(new LockTable(), testContext({ clock, authMode: "NONE" }), c).getScriptLock(),
    ).toThrow("You do not have permission to call LockService.getScriptLock");
    expect(
      new FakeLockService(new LockTable(), testContext({ clock, documentId: null }), c).getDocumentLock(),
    ).toBeNull();
  });

  it("counts calls", () => {
    const { a, counter } = twoExecutions();
    const l = a.getDocumentLock()!;
    l.tryLock(0);
    l.releaseLock();
    expect(counter.snapshot()).toEqual({ "Lock.releaseLock": 1, "Lock.tryLock": 1, "LockService.getDocumentLock": 1 });
  });
});
