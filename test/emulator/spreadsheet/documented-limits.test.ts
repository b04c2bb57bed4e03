// Behaviours Apps Script shows and the emulator follows: warning-only editors, empty offsets, invalid colours.
import { describe, expect, it } from "vitest";
import { setup } from "./fake-host";

describe("Protection.getEditors", () => {
  it("is empty for a warning-only protection, and lists the editors of a strict one", () => {
    const { sheet } = setup();
    const protection = sheet.protect().setDescription("Log");
    protection.addEditors(["a@example.com"]);
    expect(protection.getEditors().length).toBeGreaterThan(0);
    protection.setWarningOnly(true);
    expect(protection.getEditors()).toEqual([]);
    protection.setWarningOnly(false);
    expect(protection.getEditors().map((u) => u.getEmail())).toContain("a@example.com");
  });
});

describe("Range.offset", () => {
  it("throws for zero rows or columns, as getRange does", () => {
    const { sheet } = setup();
    const a1 = sheet.getRange("B2");
    expect(() => a1.offset(0, 0, 0)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => a1.offset(1, 1, 1, 0)).toThrow("The number of columns in the range must be at least 1.");
    expect(a1.offset(1, 1, 2, 3).getA1Notation()).toBe("C3:E4");
  });
});

describe("Range.setBackground", () => {
  it('takes CSS notation and throws "Invalid color string" for anything else', () => {
    const { sheet } = setup();
    const r = sheet.getRange("A1");
    r.setBackground("#F4C7C3");
    expect(r.getBackground()).toBe("#f4c7c3");
    r.setBackground("teal");
    expect(r.getBackground()).toBe("teal");
    r.setBackground("#abc");
    expect(r.getBackground()).toBe("#aabbcc");
    expect(() => r.setBackground("not a colour")).toThrow("Invalid color string");
    expect(() => r.setBackground("#12345")).toThrow("Invalid color string");
    expect(() => sheet.getRange("A1:B1").setBackgrounds([["#ffffff", "reddish"]])).toThrow("Invalid color string");
    expect(r.getBackground()).toBe("#aabbcc");
    r.setBackground(null);
    expect(r.getBackground()).toBe("#ffffff");
  });
});
