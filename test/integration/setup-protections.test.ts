// Set up workbook never changes a protection it did not create: an admin's strict lock stays strict, and is reported.
import { describe, expect, it } from "vitest";
import { clickMenu, setUpWorkbook } from "./support";

const OURS = "Campaign Control: written by the add-on";

describe("Set up workbook and protections it did not create", () => {
  it("leaves an admin's strict 'Owner lock' on the Approval log as it is, and says so", () => {
    const emu = setUpWorkbook();
    const log = emu.spreadsheet.getSheetByName("Approval log")!;
    // The admin turns the tab's protection into a strict lock of their own.
    const lock = log.protect();
    lock.setDescription("Owner lock").setWarningOnly(false);
    emu.open();
    clickMenu(emu, "menuSetUpWorkbook");
    const sheetProtections = emu
      .save()
      .spreadsheet.protections.filter((p) => p.type === "SHEET" && p.sheetId === log.getSheetId());
    expect(sheetProtections).toHaveLength(1);
    expect(sheetProtections[0]).toMatchObject({ description: "Owner lock", warningOnly: false });
    const toast = emu.ui.toasts.at(-1)?.message ?? "";
    expect(toast).toContain("Approval log");
    expect(toast).toContain("Owner lock");
    expect(toast).toContain("left exactly as it is");
  });

  it("adds its warning-only protection to a tab that has none, once", () => {
    const emu = setUpWorkbook();
    const log = emu.spreadsheet.getSheetByName("Approval log")!;
    const count = () =>
      emu
        .save()
        .spreadsheet.protections.filter(
          (p) => p.type === "SHEET" && p.sheetId === log.getSheetId() && p.description === OURS,
        ).length;
    expect(count()).toBe(1);
    emu.open();
    clickMenu(emu, "menuSetUpWorkbook");
    expect(count()).toBe(1);
    expect(emu.ui.toasts.at(-1)?.message).not.toContain("did not create");
  });
});
