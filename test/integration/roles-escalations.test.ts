// Rights live in the document properties and change only through an admin's call; the Settings tab shows them and
// a hand edit there grants nothing. Problems are reported by anyone and answered by a superior, with mail both ways.
import { describe, expect, it } from "vitest";
import type { RolesView, SaveRolesRequest } from "../../src/server/admin/api";
import type { InboxResponse } from "../../src/server/approvals/api";
import { setUpWorkbook } from "./support";
import {
  DANA,
  decide,
  FAY,
  inbox,
  LEO,
  LIA,
  MIA,
  mine,
  OWNER,
  ROLES,
  saved,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

const settingValue = (emu: ReturnType<typeof workbook>, key: string) =>
  emu.values("Settings").find((r) => r[0] === key)?.[1];

describe("roles", () => {
  it("are saved by the owner into document properties and shown on the Settings tab", () => {
    const emu = workbook();
    expect(settingValue(emu, "admins")).toBe("owner@example.com (owner)");
    expect(settingValue(emu, "approval_levels")).toBe(
      `Level 1: ${LEO}, ${LIA}, up to 100,000.00 USD; Level 2: ${DANA}, no limit`,
    );
    expect(settingValue(emu, "finance")).toBe(FAY);
    const view = emu.as(MIA).run<RolesView>("rpcGetRoles", {});
    expect(view).toMatchObject({ isAdmin: false, owner: OWNER, currency: "USD", finance: [FAY] });
    expect(view.levels).toEqual([
      { approvers: [LEO, LIA], limit: 100000 },
      { approvers: [DANA], limit: null },
    ]);
  });

  it("cannot be changed by anyone but an admin, and nothing is written", () => {
    const emu = workbook();
    const before = saved(emu);
    const forged = emu.as(MIA).run<WriteResult>("rpcSaveRoles", { ...ROLES, admins: [MIA] });
    expect(forged).toMatchObject({ ok: false, kind: "not_admin" });
    expect(forged.message).toBe("Only an admin can change roles. Ask the spreadsheet owner (owner@example.com).");
    expect(saved(emu)).toEqual(before);
  });

  it("grant nothing when typed into the Settings tab, which the next save repairs", () => {
    const emu = workbook();
    const row = emu.values("Settings").findIndex((r) => r[0] === "admins") + 1;
    const levels = emu.values("Settings").findIndex((r) => r[0] === "approval_levels") + 1;
    emu.as(MIA).edit(`Settings!B${row}`, MIA);
    emu.as(MIA).edit(`Settings!B${levels}`, `Level 1: ${MIA}, no limit`);
    expect(emu.as(MIA).run<WriteResult>("rpcSaveRoles", ROLES)).toMatchObject({ ok: false, kind: "not_admin" });
    expect(emu.as(MIA).run<RolesView>("rpcGetRoles", {}).isAdmin).toBe(false);
    submit(emu, LEO, { campaignId: "C-1" });
    expect(inbox(emu, MIA).requests).toEqual([]);
    // An admin's next save writes the rows back to what the roles are.
    expect(emu.as(OWNER).run<WriteResult>("rpcSaveRoles", ROLES).ok).toBe(true);
    expect(settingValue(emu, "admins")).toBe("owner@example.com (owner)");
    expect(String(settingValue(emu, "approval_levels"))).toContain(LEO);
  });

  it("can be handed on: an admin named by the owner may save them", () => {
    const emu = workbook();
    expect(emu.as(OWNER).run<WriteResult>("rpcSaveRoles", { ...ROLES, admins: [FAY] }).ok).toBe(true);
    expect(emu.as(FAY).run<WriteResult>("rpcSaveRoles", { ...ROLES, admins: [FAY], finance: [] }).ok).toBe(true);
    expect(settingValue(emu, "admins")).toBe(`owner@example.com (owner), ${FAY}`);
  });

  it("are checked field by field before anything is stored", () => {
    const emu = workbook();
    const before = saved(emu);
    const bad: SaveRolesRequest = {
      admins: ["not-an-address"],
      levels: [
        { approvers: [LEO], limit: "200000" },
        { approvers: [], limit: "100000" },
        { approvers: [DANA], limit: "lots" },
      ],
      finance: [],
      delegations: [{ approver: DANA, delegate: DANA, from: "2026-03-10", to: "2026-03-01" }],
    };
    const result = emu.as(OWNER).run<WriteResult>("rpcSaveRoles", bad);
    expect(result).toMatchObject({ ok: false, kind: "invalid_input" });
    expect(result.issues?.map((i) => [i.field, i.message])).toEqual([
      ["levels.2.limit", "Enter an amount, or leave it blank for no limit."],
      ["admins.0", "“not-an-address” is not an e-mail address."],
      ["levels.1.approvers", "Approval level 2 has no approvers."],
      ["levels.1.limit", "The limit of level 2 must be higher than the limit of the level below it."],
      ["delegations.0.delegate", "Delegation 1: an approver cannot delegate to themselves."],
      ["delegations.0.to", "Delegation 1: the period ends before it starts."],
    ]);
    expect(saved(emu)).toEqual(before);
  });
});

describe("escalations", () => {
  function running() {
    const emu = workbook();
    submit(emu, MIA);
    decide(emu, LEO, "approve", { comment: "ok" });
    return emu;
  }

  it("are reported by the marketer, mailed to the superiors, answered by one, and mailed back", () => {
    const emu = running();
    const reported = emu.as(MIA).run<WriteResult & { id: string }>("rpcEscalate", {
      campaignId: "C-1",
      severity: "high",
      problem: "=Venue cancelled",
    });
    expect(reported).toMatchObject({ ok: true });
    expect(reported.id).toMatch(/^E-[0-9A-F]{8}$/);
    const row = emu.values("Escalations")[1]!;
    expect([row[0], row[1], row[3], row[4], row[5], row[9]]).toEqual([
      reported.id,
      "C-1",
      MIA,
      "High",
      "=Venue cancelled",
      "Open",
    ]);
    expect(emu.cell("Escalations!F2").formula).toBe("");
    expect(emu.outbox.at(-1)).toMatchObject({ to: `${LEO},${LIA}`, subject: "Problem reported (High): Spring launch" });

    const open: InboxResponse = inbox(emu, LIA);
    expect(open.escalations.map((e) => [e.id, e.problem, e.severity, e.canAnswer])).toEqual([
      [reported.id, "=Venue cancelled", "high", true],
    ]);
    // The reporter does not answer their own report; someone who is no superior does not answer at all.
    for (const who of [MIA, FAY]) {
      expect(
        emu.as(who).run<WriteResult>("rpcAnswerEscalation", { escalationId: reported.id, instruction: "Fine" }),
      ).toMatchObject({ ok: false, kind: "not_answerer" });
    }
    expect(
      emu.as(LIA).run<WriteResult>("rpcAnswerEscalation", { escalationId: reported.id, instruction: "  " }),
    ).toMatchObject({ ok: false, kind: "invalid_input", issues: [{ field: "instruction" }] });
    expect(
      emu
        .as(LIA)
        .run<WriteResult>("rpcAnswerEscalation", { escalationId: reported.id, instruction: "Book the hall B" }),
    ).toMatchObject({ ok: true });
    const answered = emu.values("Escalations")[1]!;
    expect([answered[6], answered[7], answered[9]]).toEqual(["Book the hall B", LIA, "Answered"]);
    expect(emu.outbox.at(-1)).toMatchObject({ to: MIA, subject: "Instruction on your problem report: Spring launch" });
    expect(mine(emu, MIA).campaigns[0]?.escalations[0]).toMatchObject({
      instruction: "Book the hall B",
      state: "answered",
      canAnswer: false,
    });
    expect(inbox(emu, LIA).escalations).toEqual([]);
  });

  it("need a description of the problem", () => {
    const emu = running();
    const before = saved(emu);
    const result = emu.as(MIA).run<WriteResult>("rpcEscalate", { campaignId: "C-1", severity: "low", problem: " " });
    expect(result).toMatchObject({
      ok: false,
      kind: "invalid_input",
      issues: [{ field: "problem", message: "Describe the problem." }],
    });
    expect(saved(emu)).toEqual(before);
  });
});

describe("a fresh workbook", () => {
  it("treats the owner as the only admin before any roles are saved", () => {
    const emu = setUpWorkbook();
    expect(emu.as(OWNER).run<RolesView>("rpcGetRoles", {})).toMatchObject({ isAdmin: true, levels: [] });
    expect(emu.as(MIA).run<RolesView>("rpcGetRoles", {})).toMatchObject({ isAdmin: false });
  });
});
