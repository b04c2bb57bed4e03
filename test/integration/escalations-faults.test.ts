// A reported problem and its answer killed at every service call. Neither is an event of the log: the Escalations row
// is the record, so the same report sent again (a retry after a killed execution or a lost answer) must find the row
// the killed run wrote instead of adding another, and the same answer sent again must be answered ok, not refused
// because the problem is no longer open.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { dataRows, expectLogSound, expectNoRowTwice, killLoggedEverywhere } from "./faults-support";
import { tabOf } from "./monitor-support";
import { decide, LEO, LIA, MIA, OWNER, submit, type WriteResult, workbook } from "./workflow-support";

type Reported = WriteResult & { id?: string };

const REPORT = { campaignId: "C-1", severity: "high", problem: "The venue cancelled" } as const;

function approved(): Emulator {
  const emu = workbook();
  expect(submit(emu, MIA).ok).toBe(true);
  expect(decide(emu, LEO, "approve").ok).toBe(true);
  return emu;
}

/** The Escalations rows as records keyed by their header labels. */
function escalations(emu: Emulator): Record<string, unknown>[] {
  const tab = tabOf(emu, "escalations");
  const header = emu.values(tab)[0] ?? [];
  return dataRows(emu, tab).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function sound(emu: Emulator, label: string): void {
  expectLogSound(emu, MIA, label);
  expect(escalations(emu), `${label}: one Escalations row`).toHaveLength(1);
  expectNoRowTwice(emu, tabOf(emu, "notifications"), label);
}

describe("a reported problem killed at every service call", () => {
  it("is one Escalations row, and the report sent again answers with its ID", () => {
    const emu = approved();
    const report = (e: Emulator) => e.as(MIA).run<Reported>("rpcEscalate", REPORT);
    killLoggedEverywhere(
      emu.save(),
      OWNER,
      report,
      (e) => escalations(e).length > 0,
      (e, label) => {
        sound(e, label);
        const [row] = escalations(e);
        expect(row?.Problem, label).toBe(REPORT.problem);
        expect(row?.["Report state"], label).toBe("Open");
        expect(report(e), `${label}: sent once more`).toMatchObject({
          ok: true,
          id: row?.["Report ID"],
          duplicate: true,
        });
      },
    );
  }, 600_000);

  it("is answered once, and the answer sent again is answered ok", () => {
    const emu = approved();
    const reported = emu.as(MIA).run<Reported>("rpcEscalate", REPORT);
    expect(reported.ok, reported.message).toBe(true);
    const escalationId = reported.id ?? "";
    const answer = (e: Emulator) =>
      e.as(LIA).run<Reported>("rpcAnswerEscalation", { escalationId, instruction: "Book hall B" });
    killLoggedEverywhere(
      emu.save(),
      OWNER,
      answer,
      (e) => escalations(e)[0]?.["Report state"] === "Answered",
      (e, label) => {
        sound(e, label);
        const [row] = escalations(e);
        expect([row?.["Report ID"], row?.Instruction, row?.["Answered by"], row?.["Report state"]], label).toEqual([
          escalationId,
          "Book hall B",
          LIA,
          "Answered",
        ]);
        // Another instruction is not the same answer: the problem is answered already.
        expect(
          e.as(LIA).run<Reported>("rpcAnswerEscalation", { escalationId, instruction: "Book hall C" }),
          label,
        ).toMatchObject({ ok: false, kind: "no_escalation" });
      },
    );
  }, 600_000);
});
