// onOpen / onInstall build the same add-on menu in every AuthMode without touching the document; onEdit is cheap.
import { describe, expect, it } from "vitest";
import { addCampaigns, emulator, setUpWorkbook } from "./support";

const MENU = [
  { caption: "Set up workbook", functionName: "menuSetUpWorkbook" },
  { caption: "Campaigns", functionName: "menuShowCampaigns" },
];

/** Calls allowed while building the menu: the Ui, the menu, and the user's locale (which needs no authorization). */
const MENU_ONLY = /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.\w+|Session\.getActiveUserLocale)$/;

describe("onOpen", () => {
  it("builds the menu in AuthMode.NONE without touching the spreadsheet or properties", () => {
    const emu = emulator();
    const result = emu.open();
    expect(result.authMode).toBe("NONE");
    expect(emu.ui.addonMenu).toEqual(MENU);
    const calls = Object.keys(emu.counter.snapshot());
    expect(calls.filter((k) => !MENU_ONLY.test(k))).toEqual([]);
    expect(calls).toContain("Ui.createAddonMenu");
  });

  it("builds the same menu in LIMITED (add-on enabled) and FULL (onInstall)", () => {
    const emu = emulator();
    const install = emu.install();
    expect(install.authMode).toBe("FULL");
    expect(emu.ui.addonMenu).toEqual(MENU);
    emu.counter.reset();
    const open = emu.open();
    expect(open.authMode).toBe("LIMITED");
    expect(emu.ui.addonMenu).toEqual(MENU);
    expect(Object.keys(emu.counter.snapshot()).filter((k) => !MENU_ONLY.test(k))).toEqual([]);
  });

  it("speaks the user's language, even in AuthMode.NONE", () => {
    const emu = emulator();
    emu.configureUser(emu.user, { locale: "zh_CN" });
    expect(emu.open().authMode).toBe("NONE");
    expect(emu.ui.addonMenu).toEqual([
      { caption: "设置工作簿", functionName: "menuSetUpWorkbook" },
      { caption: "推广活动", functionName: "menuShowCampaigns" },
    ]);
  });

  it("works when opened by a collaborator who never authorized the add-on", () => {
    const emu = setUpWorkbook();
    emu.as("colleague@example.com");
    emu.open();
    expect(emu.ui.addonMenu).toEqual(MENU);
  });
});

describe("onEdit", () => {
  it("runs on an edit and calls no service (it must stay cheap)", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const result = emu.edit("Campaigns!B2", "Spring launch 2026");
    expect(result?.authMode).toBe("LIMITED");
    expect(emu.counter.snapshot()).toEqual({});
    expect(emu.cell("Campaigns!B2").value).toBe("Spring launch 2026");
  });
});

describe("the Campaigns menu item", () => {
  it("opens the sidebar page in the user's language", () => {
    const emu = setUpWorkbook();
    emu.menu("Campaigns");
    expect(emu.ui.sidebar?.title).toBe("Campaigns");
    expect(emu.ui.sidebar?.html).toContain('<html lang="en">');
    expect(emu.ui.sidebar?.html).toContain('id="list"');

    emu.configureUser(emu.user, { locale: "zh_CN" });
    emu.open();
    emu.menu("推广活动");
    expect(emu.ui.sidebar?.title).toBe("推广活动");
    expect(emu.ui.sidebar?.html).toContain('<html lang="zh-CN">');
  });

  it("follows the language set in Settings", () => {
    const emu = setUpWorkbook();
    emu.edit("Settings!B4", "zh");
    emu.menu("Campaigns");
    expect(emu.ui.sidebar?.title).toBe("推广活动");
  });
});
