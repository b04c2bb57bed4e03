// The approval log's hash chain in the sheet: a hand edit, deletion or insertion of a log row is found by "Verify
// audit log" at the row where it happened; a broken chain stops every further submission and decision with a
// clear message (writing nothing), while reading goes on and shows it.
import { describe, expect, it } from "vitest";
import type { VerifyResponse } from "../../src/server/admin/api";
import type { MyCampaignsResponse } from "../../src/server/approvals/api";
import { clickMenu } from "./support";
import {
  decide,
  LEO,
  LIA,
  LOG,
  logRows,
  MIA,
  mine,
  openRequest,
  saved,
  submit,
  type WriteResult,
  workbook,
} from "./workflow-support";

/** Four events: plan submitted and approved, execution plan submitted and approved. Log rows 2..5. */
function fourEvents() {
  const emu = workbook();
  submit(emu, MIA, { comment: "plan" });
  decide(emu, LEO, "approve", { comment: "plan ok" });
  submit(emu, MIA, { type: "execution", comment: "tasks" });
  decide(emu, LIA, "approve", { comment: "tasks ok" });
  expect(logRows(emu)).toHaveLength(4);
  return emu;
}

function verify(emu: ReturnType<typeof workbook>): VerifyResponse {
  return emu.as(LEO).run<VerifyResponse>("rpcVerifyLog", {});
}

const log = (emu: ReturnType<typeof workbook>) => emu.spreadsheet.getSheetByName("Approval log")!;

describe("Verify audit log", () => {
  it("finds an intact log intact, from the menu too", () => {
    const emu = fourEvents();
    expect(verify(emu)).toMatchObject({ chain: { ok: true, count: 4 } });
    emu.as(LEO).open();
    emu.ui.answer("OK");
    clickMenu(emu, "menuVerifyAuditLog");
    expect(emu.ui.alerts.at(-1)).toMatchObject({
      title: "Verify audit log",
      prompt: "The approval log is intact: 4 events, each sealed and in order.",
    });
  });

  it("names the row whose cell was edited by hand (the tab only warns, so the edit goes through)", () => {
    const emu = fourEvents();
    emu.as(MIA).edit("Approval log!O3", "plan ok, and a bonus for Mia");
    expect(emu.lastEdit?.ok).toBe(true);
    expect(emu.lastEdit?.warned).toBe(true);
    const result = verify(emu);
    expect(result.chain).toMatchObject({ ok: false, row: 3, kind: "edited" });
    expect(result.message).toBe(
      "Row 3 of the approval log was changed by hand. Submissions and decisions are paused. An admin repairs this by restoring the Approval log tab from File › Version history to the version before the edit.",
    );
  });

  it("names the row after a deleted row", () => {
    const emu = fourEvents();
    log(emu).deleteRows(3, 1);
    expect(verify(emu).chain).toMatchObject({ ok: false, row: 3, kind: "deleted" });
  });

  it("names a row inserted by hand, copied or made up", () => {
    const copied = fourEvents();
    const sheet = log(copied);
    sheet.insertRowsBefore(4, 1);
    sheet.getRange(4, 1, 1, 18).setValues([logRows(copied)[1]!.map(String)]);
    expect(verify(copied).chain).toMatchObject({ ok: false, row: 4, kind: "inserted" });

    const madeUp = fourEvents();
    const row = [...logRows(madeUp)[1]!].map(String);
    row[LOG.actor] = "dana.director@example.com";
    log(madeUp).insertRowsBefore(3, 1);
    log(madeUp).getRange(3, 1, 1, 18).setValues([row]);
    expect(verify(madeUp).chain).toMatchObject({ ok: false, row: 3, kind: "inserted" });
  });

  it("notices rows cut from the end (the anchor in document properties remembers the count)", () => {
    const emu = fourEvents();
    log(emu).deleteRows(5, 1);
    expect(verify(emu).chain).toMatchObject({ ok: false, row: 5, kind: "truncated" });
  });

  it("blocks further writes with a clear message and writes nothing, while reads go on and show it", () => {
    const emu = workbook();
    submit(emu, MIA);
    const open = openRequest(emu);
    const request = {
      campaignId: "C-1",
      requestId: open.id,
      seenVersion: open.version,
      decision: "approve",
      comment: "ok",
    };
    emu.as(MIA).edit("Approval log!K2", "approve");
    const before = saved(emu);
    const result = emu.as(LEO).run<WriteResult>("rpcDecide", request);
    expect(result).toMatchObject({ ok: false, kind: "chain_broken" });
    expect(result.message).toContain("Row 2 of the approval log was changed by hand.");
    expect(result.message).toContain("File › Version history");
    expect(saved(emu)).toEqual(before);
    expect(emu.outbox).toHaveLength(1);

    const read: MyCampaignsResponse = mine(emu, MIA);
    expect(read.chain).toMatchObject({ ok: false, row: 2, kind: "edited" });
    expect(read.campaigns.map((c) => c.id)).toEqual(["C-1"]);

    // Restoring the row (as version history would) lets the process go on.
    emu.as(MIA).edit("Approval log!K2", "submit");
    expect(emu.as(LEO).run<WriteResult>("rpcDecide", request)).toMatchObject({ ok: true, state: "PlanApproved" });
  });

  it("keeps comments that look like formulas as the exact text that was sealed", () => {
    const emu = workbook();
    submit(emu, MIA, { comment: '=IMPORTXML("x")' });
    decide(emu, LEO, "approve", { comment: "+1 @x <img src=x onerror=alert(1)>" });
    expect(emu.cell("Approval log!O2")).toMatchObject({ value: '=IMPORTXML("x")', formula: "" });
    expect(emu.cell("Approval log!O3").value).toBe("+1 @x <img src=x onerror=alert(1)>");
    expect(verify(emu).chain).toEqual({ ok: true, count: 2 });
  });

  it("keeps the key out of the sheet: a row recomputed without it does not verify", () => {
    const emu = workbook();
    submit(emu, MIA);
    const props = emu.save().properties;
    const document = Object.values(props.documents)[0] ?? {};
    const secret = document["cc.secret"];
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const everything = JSON.stringify(emu.save().spreadsheet);
    expect(everything).not.toContain(secret);
    // A forged write through the RPC is refused like any other; nothing writes the log but the add-on.
    expect(
      emu.as(MIA).run<WriteResult>("rpcDecide", {
        campaignId: "C-1",
        requestId: String(logRows(emu)[0]![LOG.requestId]),
        seenVersion: 1,
        decision: "approve",
        comment: "",
      }),
    ).toMatchObject({ ok: false, kind: "not_approver" });
  });
});
