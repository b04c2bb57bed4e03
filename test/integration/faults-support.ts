// Executions killed at every service call: the k-th counted call of a write throws (the 6-minute limit, a quota, a
// crash), for k = 1, 2, ... until the write completes without reaching call k. After each kill, the same call again
// (same request id: a retry after a lost answer) must succeed, the log must verify, and nothing may be there twice.
import { expect } from "vitest";
import { statusLabel } from "../../src/domain/campaign";
import type { MyCampaignsResponse } from "../../src/server/approvals/api";
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

/** Every campaign's Status cell says what the log's fold says (as My campaigns reads it from the log). */
export function expectStatusesFolded(emu: Emulator, who: string, label: string): void {
  const cards = emu.as(who).run<MyCampaignsResponse>("rpcMyCampaigns", {}).campaigns;
  expect(cards.length, `${label}: campaigns listed`).toBeGreaterThan(0);
  const sheet = emu.values("Campaigns");
  const status = sheet[0]?.indexOf("Status") ?? -1;
  expect(status, `${label}: a Status column`).toBeGreaterThan(0);
  for (const card of cards) {
    expect(sheet[card.row - 1]?.[status], `${label}: Status of ${card.id}`).toBe(statusLabel(card.status, "en"));
  }
}

/** The data rows of a tab (blank rows left out). */
export function dataRows(emu: Emulator, tab: string): unknown[][] {
  return emu
    .values(tab)
    .slice(1)
    .filter((r) => r.some((c) => c !== ""));
}

/** No data row of the tab is there twice. */
export function expectNoRowTwice(emu: Emulator, tab: string, label: string): void {
  const rows = dataRows(emu, tab).map((r) => JSON.stringify(r));
  expect(new Set(rows).size, `${label}: no ${tab} row twice`).toBe(rows.length);
}

/**
 * For every k: restores `start`, runs the logged command `act` killed at call k, then again. The retry must answer
 * ok, and `duplicate: true` exactly when the killed run had already appended its event (`logged` says whether the
 * log holds it); then `check`. Stops once `act` completes before call k. Returns how many kills were tried.
 */
export function killLoggedEverywhere(
  start: EmulatorState,
  owner: string,
  act: (emu: Emulator) => { ok: boolean; message?: string; duplicate?: boolean },
  logged: (emu: Emulator) => boolean,
  check: (emu: Emulator, label: string) => void,
  limit = 400,
): KillRun {
  let completed = false;
  let k = 1;
  let duplicates = 0;
  for (; !completed && k < limit; k++) {
    const emu = Emulator.restore(start, { owner });
    completed = killedAt(emu, k, () => act(emu));
    const wrote = logged(emu);
    const retry = act(emu);
    expect(retry.ok, `k=${k}: ${retry.message}`).toBe(true);
    expect(retry.duplicate, `k=${k}: the retry is a duplicate exactly when the event was logged`).toBe(wrote);
    if (wrote) duplicates += 1;
    check(emu, `k=${k}`);
  }
  expect(completed, `the write completes within ${limit} calls`).toBe(true);
  // Kills after the append (the projections, the flush, the mail) are among those tried, or the test proves little.
  expect(duplicates, "kills after the event was logged").toBeGreaterThan(0);
  return { kills: k - 1 };
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
