import { documentLock, flush } from "./active";

// Runs a change to the workbook under the document lock, so two users (or a user and a trigger) never interleave
// their writes; pending writes are flushed before the lock is released so the next holder reads them.

const WAIT_MS = 30_000;

/** The result of `fn`, or `busy` when the lock could not be had in time. */
export function withDocumentLock<T>(fn: () => T): { ok: true; value: T } | { ok: false; busy: true } {
  const lock = documentLock();
  if (lock && !lock.tryLock(WAIT_MS)) return { ok: false, busy: true };
  try {
    const value = fn();
    flush();
    return { ok: true, value };
  } finally {
    lock?.releaseLock();
  }
}
