// Mail never breaks a decision: with the daily quota used up (or MailApp failing), the submission and the decision
// land, and each notice that could not go out is recorded in the Notifications tab and shown in the sidebars.
import { describe, expect, it } from "vitest";
import { decide, inbox, LEO, LIA, MIA, mine, statusOf, submit, workbook } from "./workflow-support";

describe("mail", () => {
  it("records every notice it sent in the Notifications tab", () => {
    const emu = workbook();
    submit(emu, MIA);
    decide(emu, LEO, "approve", { comment: "ok" });
    const rows = emu.values("Notifications").slice(1);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ["C-1", `${LEO}, ${LIA}`, "Approval needed: Spring launch (Plan)", "Sent", ""],
      ["C-1", MIA, "Approved: Spring launch (Plan)", "Sent", ""],
    ]);
    expect(String(rows[0]?.[0])).toMatch(/^2026-03-02 \d\d:\d\d$/);
  });

  it("lets the submission and the decision stand when the quota is gone, and records what was not sent", () => {
    const emu = workbook({ mailQuota: 0 });
    const submitted = submit(emu, MIA);
    expect(submitted).toMatchObject({ ok: true, state: "PlanSubmitted" });
    expect(submitted.notices).toEqual([
      {
        campaign: "C-1",
        to: `${LEO}, ${LIA}`,
        subject: "Approval needed: Spring launch (Plan)",
        sent: false,
        reason: "the daily e-mail quota is used up",
      },
    ]);
    expect(emu.counter.get("MailApp.sendEmail")).toBe(0);
    expect(emu.counter.get("MailApp.getRemainingDailyQuota")).toBe(1);

    expect(decide(emu, LEO, "approve", { comment: "ok" })).toMatchObject({
      ok: true,
      state: "PlanApproved",
      notices: [{ to: MIA, sent: false, reason: "the daily e-mail quota is used up" }],
    });
    expect(statusOf(emu)).toBe("Plan approved");
    expect(emu.outbox).toEqual([]);
    expect(
      emu
        .values("Notifications")
        .slice(1)
        .map((r) => [r[2], r[4], r[5]]),
    ).toEqual([
      [`${LEO}, ${LIA}`, "Not sent", "the daily e-mail quota is used up"],
      [MIA, "Not sent", "the daily e-mail quota is used up"],
    ]);
    // The marketer sees the unsent notices of the campaign, and the approver those meant for them.
    expect(mine(emu, MIA).campaigns[0]?.unsent.map((n) => n.to)).toEqual([`${LEO}, ${LIA}`, MIA]);
    expect(inbox(emu, LEO).unsent.map((n) => n.subject)).toEqual(["Approval needed: Spring launch (Plan)"]);
  });

  it("lets the decision stand when MailApp fails for another reason", () => {
    const emu = workbook();
    emu.onServiceCall((method) => {
      if (method === "MailApp.sendEmail") throw new Error("Mail service is not available right now.");
    });
    const result = submit(emu, MIA);
    expect(result).toMatchObject({ ok: true, state: "PlanSubmitted" });
    expect(result.notices?.[0]).toMatchObject({ sent: false, reason: "Mail service is not available right now." });
    expect(emu.values("Notifications").slice(1)[0]?.[4]).toBe("Not sent");
  });
});
