// Service calls of a submission and a decision are counted (they are deterministic): one getValues per tab read,
// one write per tab written, and the same calls for 3 campaigns as for 60 (nothing per row of a tab). The keyed
// hash is computed in JavaScript, so verifying the chain costs no service call; the log's growth is covered in
// log-growth.test.ts. Tabs and columns are found through the cached layouts (one getSheetById per tab read, no
// developer-metadata call).
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { callsOf, writesOf } from "./support";
import { campaignRow, LEO, MIA, openRequest, submit, workbook } from "./workflow-support";

/** How the tabs and their columns were found: developer-metadata calls (all of them), sheets by id, properties. */
function lookups(emu: Emulator): Record<string, number> {
  const metadata = Object.entries(emu.counter.snapshot())
    .filter(([k]) => k.includes("DeveloperMetadata"))
    .reduce((n, [, v]) => n + v, 0);
  return { metadata, ...callsOf(emu, "Spreadsheet.getSheetById", "Sheet.getSheetId", "Properties.get") };
}

/** C-1 and n-1 more campaigns like it (same dates, so date formatting is the same too). */
function withCampaigns(n: number) {
  const rows = Array.from({ length: n }, (_, i) => campaignRow({ id: `C-${i + 1}`, name: `Campaign ${i + 1}` }));
  return workbook({ campaigns: rows });
}

function submitCalls(n: number) {
  const emu = withCampaigns(n);
  emu.counter.reset();
  expect(submit(emu, MIA)).toMatchObject({ ok: true });
  return { emu, calls: emu.counter.snapshot() };
}

function decideCalls(n: number) {
  const emu = withCampaigns(n);
  submit(emu, MIA);
  const open = openRequest(emu);
  emu.counter.reset();
  const result = emu.as(LEO).run("rpcDecide", {
    campaignId: "C-1",
    requestId: open.id,
    seenVersion: open.version,
    decision: "approve",
    comment: "",
  });
  expect(result).toMatchObject({ ok: true });
  return { emu, calls: emu.counter.snapshot() };
}

describe("service calls", () => {
  it("of a submission: one read per tab, one write per tab, the same for 3 campaigns as for 60", () => {
    const small = submitCalls(3);
    expect(submitCalls(60).calls).toEqual(small.calls);
    const { emu, calls } = small;
    // Settings, Campaigns, the log, Budget (the plan's lines) and Research (its citations) under the lock;
    // Notifications when recording the mail. No fold is kept before the first event, so the log is read whole (it is
    // empty).
    expect(calls["Range.getValues"]).toBe(6);
    expect(calls["Sheet.getDataRange"]).toBe(6);
    expect(calls["Range.getValue"]).toBeUndefined();
    // One getSheetById per tab read, the properties once (layouts included); the Campaigns tab's id for the link
    // in the mail, and the new state tab's id.
    expect(lookups(emu)).toEqual({
      metadata: 0,
      "Spreadsheet.getSheetById": 6,
      "Sheet.getSheetId": 2,
      "Properties.getProperties": 1,
    });
    // The log row, the Status column, the state tab (the first fold kept), the Notifications row; the log's cells
    // kept as text. The state tab is made once: hidden, five columns, a warning-only protection.
    expect(writesOf(emu)).toEqual({
      "Range.setValues": 4,
      "Range.setNumberFormat": 1,
      "Properties.setProperty": 3, // the log's key (made at the first event), the chain's anchor, the state tab's id
      "Spreadsheet.insertSheet": 1,
      "Sheet.deleteColumns": 1,
      "Sheet.hideSheet": 1,
      "Sheet.protect": 1,
      "Protection.setDescription": 1,
      "Protection.setWarningOnly": 1,
    });
    expect(calls["Lock.tryLock"]).toBe(2);
    expect(calls["Lock.releaseLock"]).toBe(2);
    expect(calls["SpreadsheetApp.flush"]).toBe(2);
    expect(calls["Utilities.computeHmacSha256Signature"]).toBeUndefined();
    expect(calls["MailApp.getRemainingDailyQuota"]).toBe(1);
    expect(calls["MailApp.sendEmail"]).toBe(1);
  });

  it("of a decision: the same shape, and the onEdit cache written once", () => {
    const small = decideCalls(3);
    expect(decideCalls(60).calls).toEqual(small.calls);
    const { emu, calls } = small;
    // Settings, Campaigns, the state tab (the kept fold), the log's header and its rows after the kept fold; Budget
    // too, since the approval puts the plan's lines in force (their flags go and onEdit learns where they are);
    // Notifications when recording the mail.
    expect(calls["Range.getValues"]).toBe(7);
    expect(calls["Sheet.getDataRange"]).toBe(5);
    expect(calls["Range.getValue"]).toBeUndefined();
    // The notes of the Campaigns row and of the Budget tab, each once, for flags to clear (none here: nothing written).
    expect(calls["Range.getNotes"]).toBe(2);
    // The Campaigns, Budget and state tabs' ids once more, for the onEdit cache.
    expect(lookups(emu)).toEqual({
      metadata: 0,
      "Spreadsheet.getSheetById": 6,
      "Sheet.getSheetId": 4,
      "Properties.getProperties": 1,
    });
    expect(writesOf(emu)).toEqual({
      "Range.setValues": 4, // the log row, the Status column, the state tab (fold and guard data), Notifications
      "Range.setNumberFormat": 1,
      "Properties.setProperty": 1, // the anchor
      "Properties.setProperties": 1, // onEdit's layout (where the approved digests are)
    });
    expect(calls["Utilities.computeHmacSha256Signature"]).toBeUndefined();
  });

  it("of a refused decision: reads under the lock, writes nothing, mails nothing", () => {
    const emu = withCampaigns(3);
    submit(emu, MIA);
    const open = openRequest(emu);
    emu.counter.reset();
    expect(
      emu.as(MIA).run("rpcDecide", {
        campaignId: "C-1",
        requestId: open.id,
        seenVersion: open.version,
        decision: "approve",
        comment: "",
      }),
    ).toMatchObject({ ok: false });
    expect(writesOf(emu)).toEqual({});
    expect(emu.counter.get("MailApp.getRemainingDailyQuota")).toBe(0);
    expect(emu.counter.get("Lock.releaseLock")).toBe(1);
  });
});
