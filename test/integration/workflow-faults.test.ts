// The workflow's decisions and requests killed at every service call: rejecting, requesting changes, withdrawing,
// a change request and its approval (the new plan in force, its edit flags gone), a cancellation, an execution plan
// and its approval, starting and completing. After each kill the same call again answers ok (a duplicate when the
// killed run had logged its event): the log verifies, the event is there once, and the Status column, the guarded
// plan and the Notifications tab are what one clean call leaves.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import {
  expectLogSound,
  expectNoRowTwice,
  expectStatusesFolded,
  killLoggedEverywhere,
  logRecords,
} from "./faults-support";
import { tabOf } from "./monitor-support";
import {
  decide,
  LEO,
  MIA,
  mine,
  OWNER,
  openRequest,
  requestId,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

/** How many log rows answer (or submit) the request with the action. */
function events(emu: Emulator, request: string, action: string): number {
  return logRecords(emu).filter((r) => r["Request ID"] === request && r.Action === action).length;
}

/** The books after one command: the log sound, the event once, the state as the fold says, shown in Status. */
function sound(emu: Emulator, label: string, request: string, action: string, state: string): void {
  expectLogSound(emu, MIA, label);
  expect(events(emu, request, action), `${label}: one ${action}`).toBe(1);
  expect(mine(emu, MIA).campaigns[0]?.status, label).toBe(state);
  expectStatusesFolded(emu, MIA, label);
  expectNoRowTwice(emu, tabOf(emu, "notifications"), label);
}

/** A cell's note and background, read without counting. */
function peek(emu: Emulator, a1: string) {
  const [tab, cell] = a1.split("!") as [string, string];
  return emu.runtime.counter.paused(() => {
    const range = emu.spreadsheet.getSheetByName(tab)!.getRange(cell);
    return { note: range.getNote(), background: range.getBackground() };
  });
}

/** C-1's plan submitted by Mia: the request waiting for Leo. */
function submitted(): { emu: Emulator; request: string; version: number } {
  const emu = workbook();
  expect(submit(emu, MIA).ok).toBe(true);
  const open = openRequest(emu);
  return { emu, request: open.id, version: open.version };
}

/** C-1's plan approved by Leo. */
function approved(): Emulator {
  const emu = workbook();
  expect(submit(emu, MIA).ok).toBe(true);
  expect(decide(emu, LEO, "approve").ok).toBe(true);
  return emu;
}

/** Submits `type` for C-1 killed at every call, then approves it killed at every call; `after` checks the approval. */
function requestedAndApproved(
  emu: Emulator,
  type: "change" | "cancellation" | "execution",
  comment: string,
  states: { submitted: string; approved: string },
  after: (e: Emulator, label: string) => void = () => {},
): void {
  const id = requestId();
  const send = (e: Emulator) =>
    e.as(MIA).run<WriteResult>("rpcSubmit", { campaignId: "C-1", type, requestId: id, comment });
  killLoggedEverywhere(
    emu.save(),
    OWNER,
    send,
    (e) => events(e, id, "submit") > 0,
    (e, label) => {
      sound(e, label, id, "submit", states.submitted);
      expect(openRequest(e).type, label).toBe(type);
    },
  );
  expect(send(emu).ok).toBe(true);
  const version = openRequest(emu).version;
  const approve = (e: Emulator) =>
    e.as(LEO).run<WriteResult>("rpcDecide", {
      campaignId: "C-1",
      requestId: id,
      seenVersion: version,
      decision: "approve",
      comment: "",
    });
  killLoggedEverywhere(
    emu.save(),
    OWNER,
    approve,
    (e) => events(e, id, "approve") > 0,
    (e, label) => {
      sound(e, label, id, "approve", states.approved);
      after(e, label);
    },
  );
}

describe("an answer to a request killed at every service call", () => {
  for (const decision of ["reject", "request_changes"] as const) {
    it(`writes one ${decision}, whose retry is a duplicate`, () => {
      const { emu, request, version } = submitted();
      const answer = (e: Emulator) =>
        e.as(LEO).run<WriteResult>("rpcDecide", {
          campaignId: "C-1",
          requestId: request,
          seenVersion: version,
          decision,
          comment: "Numbers first",
        });
      killLoggedEverywhere(
        emu.save(),
        OWNER,
        answer,
        (e) => events(e, request, decision) > 0,
        (e, label) => sound(e, label, request, decision, "Draft"),
      );
    }, 600_000);
  }

  it("withdraws a request once", () => {
    const { emu, request, version } = submitted();
    killLoggedEverywhere(
      emu.save(),
      OWNER,
      (e) =>
        e.as(MIA).run<WriteResult>("rpcWithdraw", {
          campaignId: "C-1",
          requestId: request,
          seenVersion: version,
          comment: "",
        }),
      (e) => events(e, request, "cancel_request") > 0,
      (e, label) => sound(e, label, request, "cancel_request", "Draft"),
    );
  }, 600_000);
});

describe("requests on an approved plan killed at every service call", () => {
  it("puts a change in force once, and its edit flags go", () => {
    const emu = approved();
    emu.as(MIA).edit("Campaigns!H2", "Hamburg");
    expect(peek(emu, "Campaigns!H2").note).toContain("Approved value: Berlin");
    requestedAndApproved(
      emu,
      "change",
      "The venue moved",
      { submitted: "PlanApproved", approved: "PlanApproved" },
      (e, label) => {
        const cell = peek(e, "Campaigns!H2");
        expect(cell.note, `${label}: the flag's note is gone`).toBe("");
        expect(cell.background, `${label}: the flag's background is gone`).not.toBe("#fce8e6");
        expect(mine(e, MIA).campaigns[0]?.diff, `${label}: Hamburg is the approved place`).toEqual([]);
        // Hamburg is what is guarded now: Berlin typed back is flagged.
        e.as(MIA).edit("Campaigns!H2", "Berlin");
        expect(peek(e, "Campaigns!H2").note, label).toContain("Approved value: Hamburg");
      },
    );
  }, 600_000);

  it("cancels a campaign once", () => {
    requestedAndApproved(approved(), "cancellation", "Budget cut", {
      submitted: "PlanApproved",
      approved: "Cancelled",
    });
  }, 600_000);

  it("makes a campaign Ready once, through its execution plan", () => {
    requestedAndApproved(approved(), "execution", "", { submitted: "ExecutionSubmitted", approved: "Ready" });
  }, 600_000);
});

describe("the operations killed at every service call", () => {
  it("start and complete a campaign once each", () => {
    const emu = approved();
    expect(submit(emu, MIA, { type: "execution" }).ok).toBe(true);
    expect(decide(emu, LEO, "approve").state).toBe("Ready");
    // Past the end date: a campaign is completed once it has run.
    emu.advanceTo("2026-04-01T08:00:00Z");
    const operated = (e: Emulator, operation: string) => logRecords(e).filter((r) => r.Action === operation).length;
    for (const [operation, state] of [
      ["start", "InProgress"],
      ["complete", "Completed"],
    ] as const) {
      const act = (e: Emulator) =>
        e.as(MIA).run<WriteResult>("rpcCampaignProgress", { campaignId: "C-1", operation, comment: "" });
      killLoggedEverywhere(
        emu.save(),
        OWNER,
        act,
        (e) => operated(e, operation) > 0,
        (e, label) => {
          expectLogSound(e, MIA, label);
          expect(operated(e, operation), `${label}: one ${operation}`).toBe(1);
          expect(mine(e, MIA).campaigns[0]?.status, label).toBe(state);
          expectStatusesFolded(e, MIA, label);
        },
      );
      expect(act(emu).ok).toBe(true);
    }
  }, 600_000);
});
