// Who may act on a campaign, and whose the schedule is: forged calls as another editor through the public RPCs and
// menu items are refused from the session's user, write nothing, and the sidebars offer only what the caller may do.
import { beforeAll, describe, expect, it } from "vitest";
import type { MonitorStatus } from "../../src/server/evaluation/api";
import { clickMenu, requireBuild } from "./support";
import {
  campaignRow,
  decide,
  LEO,
  MIA,
  mine,
  OWNER,
  planForm,
  ROLES,
  saved,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

beforeAll(requireBuild);

const STRANGER = "sam.editor@example.com";

function savePlan(emu: ReturnType<typeof workbook>, who: string, overrides: Record<string, string> = {}) {
  return emu.as(who).run<WriteResult & { id?: string }>("rpcSavePlan", planForm(overrides));
}

describe("a campaign is its owner's", () => {
  it("refuses another editor editing someone else's draft, or taking it over by naming themselves, writing nothing", () => {
    const emu = workbook();
    const before = saved(emu);
    const edit = savePlan(emu, STRANGER, { name: "Hijacked" });
    expect(edit).toMatchObject({ ok: false, kind: "not_owner" });
    expect(edit.message).toContain(`Only the owner of C-1 (${MIA}) or an admin may edit its draft`);
    expect(edit.message).toContain(STRANGER);
    expect(savePlan(emu, STRANGER, { owner: STRANGER })).toMatchObject({ ok: false, kind: "not_owner" });
    expect(savePlan(emu, LEO, { objective: "Something else" })).toMatchObject({ ok: false, kind: "not_owner" });
    expect(saved(emu)).toEqual(before);
  });

  it("lets the owner edit but not hand the draft to someone else; an admin may", () => {
    const emu = workbook();
    expect(savePlan(emu, MIA, { name: "Spring launch 2" })).toMatchObject({ ok: true });
    const before = saved(emu);
    const handOver = savePlan(emu, MIA, { owner: LEO });
    expect(handOver).toMatchObject({ ok: false, kind: "not_owner" });
    expect(handOver.issues?.[0]).toMatchObject({ field: "owner" });
    expect(saved(emu)).toEqual(before);
    expect(savePlan(emu, OWNER, { owner: LEO })).toMatchObject({ ok: true });
    expect(emu.cell("Campaigns!C2").value).toBe(LEO);
  });

  it("refuses a new draft in someone else's name unless an admin makes it", () => {
    const emu = workbook();
    const made = savePlan(emu, STRANGER, { id: "", owner: MIA });
    expect(made).toMatchObject({ ok: false, kind: "not_owner" });
    expect(savePlan(emu, STRANGER, { id: "", owner: "" })).toMatchObject({ ok: true });
    expect(savePlan(emu, OWNER, { id: "", owner: MIA })).toMatchObject({ ok: true });
  });

  it("takes the owner from the sealed log, not from an Owner cell typed over", () => {
    const emu = workbook();
    expect(submit(emu, MIA)).toMatchObject({ ok: true });
    expect(decide(emu, LEO, "request_changes", { comment: "More detail" })).toMatchObject({ ok: true });
    // Back in Draft: the stranger types their address into the Owner cell, then edits and submits.
    emu.as(STRANGER).edit("Campaigns!C2", STRANGER);
    const before = saved(emu);
    expect(savePlan(emu, STRANGER, { owner: STRANGER })).toMatchObject({ ok: false, kind: "not_owner" });
    expect(submit(emu, STRANGER)).toMatchObject({ ok: false, kind: "not_owner" });
    expect(saved(emu)).toEqual(before);
  });

  it("refuses another editor's plan, execution plan, change and cancellation, writing nothing", () => {
    const emu = workbook();
    let before = saved(emu);
    expect(submit(emu, STRANGER)).toMatchObject({ ok: false, kind: "not_owner" });
    expect(submit(emu, LEO)).toMatchObject({ ok: false, kind: "not_owner" });
    expect(saved(emu)).toEqual(before);
    expect(submit(emu, MIA)).toMatchObject({ ok: true });
    expect(decide(emu, LEO)).toMatchObject({ ok: true, state: "PlanApproved" });
    before = saved(emu);
    for (const type of ["execution", "cancellation", "change"] as const) {
      const r = submit(emu, STRANGER, { type, comment: "Because" });
      expect(r, type).toMatchObject({ ok: false, kind: "not_owner" });
    }
    expect(saved(emu)).toEqual(before);
    expect(submit(emu, MIA, { type: "cancellation", comment: "Budget cut" })).toMatchObject({ ok: true });
  });

  it("refuses a problem report from someone with no part in the campaign", () => {
    const emu = workbook();
    const before = saved(emu);
    const r = emu
      .as(STRANGER)
      .run<WriteResult>("rpcEscalate", { campaignId: "C-1", severity: "high", problem: "Fake emergency" });
    expect(r).toMatchObject({ ok: false, kind: "not_owner" });
    expect(saved(emu)).toEqual(before);
    expect(
      emu.as(MIA).run<WriteResult>("rpcEscalate", { campaignId: "C-1", severity: "high", problem: "Venue cancelled" }),
    ).toMatchObject({ ok: true });
  });

  it("shows each person only the actions they may take", () => {
    const emu = workbook();
    const card = (who: string) => mine(emu, who).campaigns.find((c) => c.id === "C-1");
    expect(card(MIA)?.can).toMatchObject({ edit: true, submitPlan: true, escalate: true });
    expect(card(MIA)?.form).not.toBeNull();
    expect(card(STRANGER)?.can).toMatchObject({ edit: false, submitPlan: false, escalate: false });
    expect(card(STRANGER)?.form).toBeNull();
    expect(card(OWNER)?.can).toMatchObject({ edit: true, submitPlan: true });
  });

  it("says so in Chinese for a Chinese user", () => {
    const emu = workbook({ locale: "zh_CN", campaigns: [campaignRow()] });
    emu.configureUser(STRANGER, { locale: "zh_CN" });
    const r = submit(emu, STRANGER);
    expect(r).toMatchObject({ ok: false, kind: "not_owner" });
    expect(r.message).toContain("负责人");
  });
});

describe("the schedule is an admin's", () => {
  const status = (emu: ReturnType<typeof workbook>, who: string) =>
    emu.as(who).run<MonitorStatus>("rpcMonitorStatus", {});

  it("refuses an editor turning the hourly variance refresh on or off, creating no trigger", () => {
    const emu = workbook();
    emu.as(STRANGER);
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.triggers).toHaveLength(0);
    expect(emu.ui.toasts.at(-1)?.message).toContain("Only an admin may turn scheduled jobs on or off");
    emu.as(OWNER);
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.triggers.filter((t) => t.eventType === "CLOCK").map((t) => t.owner)).toEqual([OWNER]);
    expect(emu.as(OWNER).run<MonitorStatus>("rpcMonitorStatus", {}).scheduleNotice).toBe(
      `The schedule runs as ${OWNER}.`,
    );
    // The editor cannot turn it off either, nor take it over.
    emu.as(STRANGER);
    clickMenu(emu, "menuToggleVarianceSchedule");
    expect(emu.triggers.filter((t) => t.eventType === "CLOCK").map((t) => t.owner)).toEqual([OWNER]);
  });

  it("refuses an editor changing the monitoring schedule through the RPC", () => {
    const emu = workbook();
    expect(() => emu.as(STRANGER).run("rpcMonitorSchedule", { frequency: "hourly" })).toThrow(/Only an admin/);
    expect(emu.triggers).toHaveLength(0);
  });

  it("holds the jobs and tells admins when the trigger's owner is no longer an admin", () => {
    const emu = workbook();
    expect(emu.as(OWNER).run("rpcSaveRoles", { ...ROLES, admins: [LEO] })).toMatchObject({ ok: true });
    emu.as(LEO).run("rpcMonitorSchedule", { frequency: "hourly" });
    expect(status(emu, OWNER).scheduleNotice).toBe("");
    expect(emu.as(OWNER).run("rpcSaveRoles", { ...ROLES, admins: [] })).toMatchObject({ ok: true });
    const sent = emu.outbox.length;
    emu.advance(2 * 3_600_000);
    expect(emu.outbox.length).toBe(sent);
    expect(status(emu, OWNER).scheduleNotice).toContain(`${LEO}, who is no longer an admin`);
    // Only admins are told; an editor sees no notice.
    expect(status(emu, STRANGER).scheduleNotice).toBe("");
  });

  it("tells admins when the schedule has gone quiet (the grant withdrawn)", () => {
    const emu = workbook();
    emu.as(OWNER).run("rpcMonitorSchedule", { frequency: "hourly" });
    emu.revoke(OWNER);
    emu.advance(4 * 3_600_000);
    expect(status(emu, OWNER).scheduleNotice).toContain("has not run since");
  });
});
