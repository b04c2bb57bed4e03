// Edits of approved fields: flagged at once by onEdit (a single cell, cheaply), found on every read (whatever
// changed them), shown as a diff, and in force only once a change request is approved, which becomes the new
// approved plan. Cancelling an approved campaign is a request too.
import { describe, expect, it } from "vitest";
import { writesOf } from "./support";
import { decide, LEO, LOG, logRows, MIA, mine, saved, statusOf, submit, workbook } from "./workflow-support";

function approved() {
  const emu = workbook();
  submit(emu, MIA);
  decide(emu, LEO, "approve", { comment: "ok" });
  emu.counter.reset();
  return emu;
}

/** A cell's note and background as a person sees them (read without counting). */
function peek(emu: ReturnType<typeof workbook>, a1: string) {
  const [tab, cell] = a1.split("!") as [string, string];
  return emu.runtime.counter.paused(() => {
    const range = emu.spreadsheet.getSheetByName(tab)!.getRange(cell);
    return { note: range.getNote(), background: range.getBackground() };
  });
}

describe("an edit of an approved budget", () => {
  it("is flagged by onEdit: a note with the approved value, a red background and a toast", () => {
    const emu = approved();
    emu.as(MIA).edit("Campaigns!K2", 15000);
    expect(peek(emu, "Campaigns!K2").note).toBe(
      "Approved value: 12,000.00\nThis campaign is approved: a change takes effect only through an approved change request (My campaigns › Submit change request).",
    );
    expect(peek(emu, "Campaigns!K2").background).toBe("#fce8e6");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      "Budget of C-1 was approved as “12,000.00”. The edit needs an approved change request.",
    );
  });

  it("stays cheap in onEdit: no lock, no mail, no whole-tab read", () => {
    const emu = approved();
    emu.as(MIA).edit("Campaigns!K2", 15000);
    const calls = emu.counter.snapshot();
    // The hidden state tab's ID column, once: the campaign's approved entry is found there, not in the properties.
    expect(calls["Range.getValues"]).toBe(1);
    expect(calls["Sheet.getDataRange"]).toBeUndefined();
    expect(calls["Lock.tryLock"]).toBeUndefined();
    expect(calls["MailApp.sendEmail"]).toBeUndefined();
    // The document properties once: the layout, with where the state tab is.
    expect(calls["Properties.getProperties"]).toBe(1);
    expect(calls["Properties.getProperty"]).toBeUndefined();
    expect(calls["Spreadsheet.getSheetById"]).toBe(1);
    expect(calls["Range.getValue"]).toBe(3); // the row's ID, the entry's cell and the edited cell
  });

  it("is not flagged when the value is the approved one, and the flag goes when it is put back", () => {
    const emu = approved();
    emu.as(MIA).edit("Campaigns!K2", 12000);
    expect(peek(emu, "Campaigns!K2").note).toBe("");
    emu.as(MIA).edit("Campaigns!K2", 13000);
    expect(peek(emu, "Campaigns!K2").note).not.toBe("");
    emu.as(MIA).edit("Campaigns!K2", 12000);
    expect(peek(emu, "Campaigns!K2").note).toBe("");
    expect(peek(emu, "Campaigns!K2").background).not.toBe("#fce8e6");
  });

  it("flags dates, channels and goals too, but not the name (which is not an approved field)", () => {
    const emu = approved();
    emu.as(MIA).edit("Campaigns!J2", "2026-04-15");
    expect(peek(emu, "Campaigns!J2").note).toContain("Approved value: 2026-03-31");
    emu.as(MIA).edit("Campaigns!F2", "Events, Email");
    expect(peek(emu, "Campaigns!F2").note).toBe("");
    emu.as(MIA).edit("Campaigns!M2", "Leads 400; CPL <= 24");
    expect(peek(emu, "Campaigns!M2").note).toContain("Approved value: CPL ≤ 24; Leads: 500");
    emu.as(MIA).edit("Campaigns!B2", "Spring launch 2026");
    expect(peek(emu, "Campaigns!B2").note).toBe("");
  });

  it("is found on every read (a paste or a script edit too) and shown as a diff", () => {
    const emu = approved();
    emu.spreadsheet
      .getSheetByName("Campaigns")!
      .getRange("K2:L2")
      .setValues([[15000, "EUR"]]);
    const card = mine(emu, MIA).campaigns[0]!;
    expect(card.diff).toEqual([{ field: "budget", before: "12,000.00 EUR", after: "15,000.00 EUR" }]);
    expect(card.can.submitChange).toBe(true);
    expect(card.status).toBe("PlanApproved");
  });

  it("takes effect through an approved change request, which becomes the new approved plan", () => {
    const emu = approved();
    emu.as(MIA).edit("Campaigns!K2", 15000);
    // The lines must add up to the new total, so the budget line changes with it.
    emu.as(MIA).edit("Budget!D2", 15000);
    const before = saved(emu);
    expect(submit(emu, MIA, { type: "change", comment: "" })).toMatchObject({ ok: false, kind: "reason_required" });
    expect(saved(emu)).toEqual(before);
    expect(submit(emu, MIA, { type: "change", comment: "Venue costs more" })).toMatchObject({
      ok: true,
      state: "PlanApproved",
    });
    const item = mine(emu, LEO).campaigns[0]!;
    expect(item.openRequest?.type).toBe("change");
    // The approver sees what changes against the approved plan.
    const inboxItem = emu.as(LEO).run<{ requests: { diffSinceApproval: unknown[] }[] }>("rpcInbox", {}).requests[0]!;
    expect(inboxItem.diffSinceApproval).toEqual([
      { field: "budget", before: "12,000.00 EUR", after: "15,000.00 EUR" },
      { field: "lines", before: "General · 2026-03: 12,000.00 EUR", after: "General · 2026-03: 15,000.00 EUR" },
    ]);

    expect(decide(emu, LEO, "approve", { comment: "Accepted" })).toMatchObject({ ok: true, state: "PlanApproved" });
    const after = mine(emu, MIA).campaigns[0]!;
    expect(after.diff).toEqual([]);
    expect(after.budget).toBe(15000);
    // The flag is gone with the approval, and the new budget is the one now guarded.
    expect(peek(emu, "Campaigns!K2").note).toBe("");
    emu.as(MIA).edit("Campaigns!K2", 12000);
    expect(peek(emu, "Campaigns!K2").note).toContain("Approved value: 15,000.00");
    expect(logRows(emu).map((r) => r[LOG.requestType])).toEqual(["plan", "plan", "change", "change"]);
  });

  it("refuses a change request that changes nothing", () => {
    const emu = approved();
    expect(submit(emu, MIA, { type: "change", comment: "Just because" })).toMatchObject({
      ok: false,
      kind: "no_change",
    });
  });
});

describe("cancelling an approved campaign", () => {
  it("is a request that must be approved", () => {
    const emu = approved();
    expect(submit(emu, MIA, { type: "cancellation", comment: "Budget cut" })).toMatchObject({
      ok: true,
      state: "PlanApproved",
    });
    expect(statusOf(emu)).toBe("Plan approved");
    expect(decide(emu, LEO, "approve", { comment: "Agreed" })).toMatchObject({ ok: true, state: "Cancelled" });
    expect(statusOf(emu)).toBe("Cancelled");
    // A cancelled campaign is no longer guarded: its cache entry is gone.
    emu.counter.reset();
    emu.as(MIA).edit("Campaigns!K2", 1);
    expect(writesOf(emu)).toEqual({});
  });
});
