// The refreshes killed at every service call: Refresh variance report, Refresh evaluation report and a monitoring run.
// They rebuild tabs from the books, so after a kill the next run must leave every tab exactly as one clean run does:
// no report row twice or left over, the log sound.
import { describe, expect, it } from "vitest";
import { Emulator, type EmulatorState } from "../emulator/index";
import { expectLogSound, killedAt } from "./faults-support";
import { campaign, MIA, makeReady, monitorWorkbook, OWNER } from "./monitor-support";
import { readyWorkbook, recordExpense, MIA as SPEND_MIA } from "./spend-support";
import { clickMenu } from "./support";

/** Every tab's values: what a person sees in the workbook. */
function books(emu: Emulator): Record<string, unknown[][]> {
  return Object.fromEntries(emu.spreadsheet.getSheets().map((s) => [s.getName(), emu.values(s.getName())]));
}

/**
 * For every k: `run` killed at call k, then run again; the workbook must then be what one clean run leaves. Returns
 * how many kills were tried.
 */
function killRefreshEverywhere(start: EmulatorState, verifier: string, run: (emu: Emulator) => void): number {
  // The owner has the document open (the add-on menu built) before the refresh starts.
  const opened = (): Emulator => {
    const emu = Emulator.restore(start, { owner: OWNER });
    emu.as(OWNER).open();
    return emu;
  };
  const clean = opened();
  run(clean);
  const wanted = books(clean);
  let completed = false;
  let k = 1;
  for (; !completed && k < 400; k++) {
    const emu = opened();
    completed = killedAt(emu, k, () => run(emu));
    run(emu);
    expectLogSound(emu, verifier, `k=${k}`);
    expect(books(emu), `k=${k}: the workbook as one clean run leaves it`).toEqual(wanted);
  }
  expect(completed, "the refresh completes within 400 calls").toBe(true);
  return k - 1;
}

function menu(functionName: string) {
  return (emu: Emulator) => clickMenu(emu.as(OWNER), functionName);
}

describe("the refreshes killed at every service call", () => {
  it("Refresh variance report: the next refresh leaves the report of one clean refresh", () => {
    const emu = readyWorkbook();
    recordExpense(emu, SPEND_MIA, { campaign: "C-1", amount: "300" });
    expect(killRefreshEverywhere(emu.save(), SPEND_MIA, menu("menuRefreshVariance"))).toBeGreaterThan(5);
  }, 600_000);

  function running(): Emulator {
    const emu = monitorWorkbook({
      campaigns: [campaign("C-1")],
      tasks: [["C-1", "Run the webinars", MIA, "2026-03-01", "2026-03-20", "Recordings", "Doing"]],
      kpis: [["C-1", "Leads", "leads", "Higher is better", 500, 120, 1, "CRM", "2026-03-10"]],
      readings: [["2026-03-10", "C-1", "Leads", 120]],
    });
    makeReady(emu, "C-1");
    expect(
      emu.as(MIA).run<{ ok: boolean }>("rpcCampaignProgress", { campaignId: "C-1", operation: "start", comment: "" })
        .ok,
    ).toBe(true);
    emu.advanceTo("2026-03-25T08:00:00Z");
    return emu;
  }

  it("Refresh evaluation report: the next refresh leaves the report of one clean refresh", () => {
    expect(killRefreshEverywhere(running().save(), MIA, menu("menuRefreshEvaluation"))).toBeGreaterThan(5);
  }, 600_000);

  it("a monitoring run: the next run leaves the Monitor tab and the reports of one clean run", () => {
    const run = (emu: Emulator) => {
      emu.as(OWNER).run("rpcMonitorRun", {});
    };
    expect(killRefreshEverywhere(running().save(), MIA, run)).toBeGreaterThan(5);
  }, 600_000);
});
