// Set up workbook removes the empty default sheet it leaves behind (never a used or renamed one), and is admin-only.
import { describe, expect, it } from "vitest";
import { clickMenu, emulator } from "./support";

function names(emu: ReturnType<typeof emulator>): string[] {
  return emu.spreadsheet.getSheets().map((s) => s.getName());
}

describe("the default first tab", () => {
  it("is removed when it is empty and still has its default name, in English and Chinese", () => {
    for (const [locale, name] of [
      ["en_US", "Sheet1"],
      ["zh_CN", "工作表1"],
    ] as const) {
      const emu = emulator({ locale });
      expect(names(emu)).toEqual([name]);
      emu.open();
      clickMenu(emu, "menuSetUpWorkbook");
      expect(names(emu)).not.toContain(name);
      expect(names(emu).length).toBeGreaterThan(10);
    }
  });

  it("stays when it holds anything, or was renamed", () => {
    const used = emulator();
    used.edit("Sheet1!D7", "my notes");
    used.open();
    clickMenu(used, "menuSetUpWorkbook");
    expect(names(used)).toContain("Sheet1");
    expect(used.cell("Sheet1!D7").value).toBe("my notes");

    const renamed = emulator();
    renamed.spreadsheet.getSheets()[0]!.setName("Ideas");
    renamed.open();
    clickMenu(renamed, "menuSetUpWorkbook");
    expect(names(renamed)).toContain("Ideas");
  });
});

describe("Set up workbook used by someone who is not an admin", () => {
  it("says who can, and changes nothing", () => {
    const emu = emulator();
    emu.as("colleague@example.com");
    emu.open();
    clickMenu(emu, "menuSetUpWorkbook");
    expect(names(emu)).toEqual(["Sheet1"]);
    expect(emu.ui.toasts.at(-1)?.message).toContain("Only an admin can use “Set up workbook”; nothing was changed.");
  });
});
