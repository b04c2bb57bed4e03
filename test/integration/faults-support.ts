// Executions killed at every service call: the k-th counted call of a write throws (the 6-minute limit, a quota, a
// crash), for k = 1, 2, ... until the write completes without reaching call k. After each kill, the same call again
// (same request id: a retry after a lost answer) must succeed, the log must verify, and nothing may be there twice.
import { expect } from "vitest";
import { Emulator, type EmulatorState } from "../emulator/index";

/** Runs `act` with a throw at the k-th counted service call; true when it completed without reaching call k. */
export function killedAt(emu: Emulator, k: number, act: () => unknown): boolean {
  let calls = 0;
  let fired = false;
  const stop = emu.onServiceCall(() => {
    calls += 1;
    if (calls === k) {
      fired = true;
      throw new Error("Exceeded maximum execution time");
    }
  });
  try {
    act();
  } catch {
    // the execution died
  } finally {
    stop();
  }
  return !fired;
}

/** The approval log as records keyed by its header labels. */
export function logRecords(emu: Emulator): Record<string, unknown>[] {
  const [header = [], ...rows] = emu.values("Approval log");
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** The log verifies, and no event is there twice (the same entity, request, action and level). */
export function expectLogSound(emu: Emulator, verifier: string, label: string): void {
  const verdict = emu.as(verifier).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {});
  expect(verdict.chain.ok, `${label}: the log verifies`).toBe(true);
  const once = logRecords(emu).map((r) => [r.Entity, r["Entity ID"], r["Request ID"], r.Action, r.Level].join("|"));
  expect(new Set(once).size, `${label}: no event twice`).toBe(once.length);
}

export interface KillRun {
  /** How many kills were tried before the write completed untouched. */
  readonly kills: number;
}

/**
 * For every k: restores `start`, runs `act` killed at call k, then `act` again (the retry must answer ok), then
 * `check`. Stops once `act` completes before call k; fails when it never does within `limit` calls.
 */
export function killEverywhere(
  start: EmulatorState,
  owner: string,
  act: (emu: Emulator) => { ok: boolean; message?: string },
  check: (emu: Emulator, label: string) => void,
  limit = 400,
): KillRun {
  let completed = false;
  let k = 1;
  for (; !completed && k < limit; k++) {
    const emu = Emulator.restore(start, { owner });
    completed = killedAt(emu, k, () => act(emu));
    const retry = act(emu);
    expect(retry.ok, `k=${k}: ${retry.message}`).toBe(true);
    check(emu, `k=${k}`);
  }
  expect(completed, `the write completes within ${limit} calls`).toBe(true);
  return { kills: k - 1 };
}
