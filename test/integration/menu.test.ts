// onOpen / onInstall build the same add-on menu in every AuthMode without touching the document; onEdit is cheap.
import { describe, expect, it } from "vitest";
import { addCampaigns, emulator, setUpWorkbook } from "./support";

const MENU = [
  { caption: "Set up workbook", functionName: "menuSetUpWorkbook" },
  { caption: "My campaigns", functionName: "menuShowCampaigns" },
  { caption: "Approvals", functionName: "menuShowApprovals" },
  { caption: "Verify audit log", functionName: "menuVerifyAuditLog" },
  { caption: "Roles and settings", functionName: "menuShowRoles" },
];
const OURS = new Set(MENU.map((m) => m.functionName));

/** The items of the approval process, in menu order (other features add items of their own). */
function ours(menu: readonly { caption: string; functionName: string }[]) {
  return menu.filter((m) => OURS.has(m.functionName));
}

/** Calls allowed while building the menu: the Ui, the menu, and the user's locale (which needs no authorization). */
const MENU_ONLY = /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.\w+|Session\.getActiveUserLocale)$/;

describe("onOpen", () => {
  it("builds the menu in AuthMode.NONE without touching the spreadsheet or properties", () => {
    const emu = emulator();
    const result = emu.open();
    expect(result.authMode).toBe("NONE");
    expect(ours(emu.ui.addonMenu)).toEqual(MENU);
    const calls = Object.keys(emu.counter.snapshot());
    expect(calls.filter((k) => !MENU_ONLY.test(k))).toEqual([]);
    expect(calls).toContain("Ui.createAddonMenu");
  });

  it("builds the same menu in LIMITED (add-on enabled) and FULL (onInstall)", () => {
    const emu = emulator();
    const install = emu.install();
    expect(install.authMode).toBe("FULL");
    expect(ours(emu.ui.addonMenu)).toEqual(MENU);
    emu.counter.reset();
    const open = emu.open();
    expect(open.authMode).toBe("LIMITED");
    expect(ours(emu.ui.addonMenu)).toEqual(MENU);
    expect(Object.keys(emu.counter.snapshot()).filter((k) => !MENU_ONLY.test(k))).toEqual([]);
  });

  it("speaks the user's language, even in AuthMode.NONE", () => {
    const emu = emulator();
    emu.configureUser(emu.user, { locale: "zh_CN" });
    expect(emu.open().authMode).toBe("NONE");
    expect(ours(emu.ui.addonMenu)).toEqual([
      { caption: "设置工作簿", functionName: "menuSetUpWorkbook" },
      { caption: "我的推广活动", functionName: "menuShowCampaigns" },
      { caption: "审批", functionName: "menuShowApprovals" },
      { caption: "校验审批记录", functionName: "menuVerifyAuditLog" },
      { caption: "角色与设置", functionName: "menuShowRoles" },
    ]);
  });

  it("works when opened by a collaborator who never authorized the add-on", () => {
    const emu = setUpWorkbook();
    emu.as("colleague@example.com");
    emu.open();
    expect(ours(emu.ui.addonMenu)).toEqual(MENU);
  });
});

describe("onEdit", () => {
  it("costs one property read and the edited column while nothing is approved (it runs on every edit of every user)", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const result = emu.edit("Campaigns!B2", "Spring launch 2026");
    expect(result?.authMode).toBe("LIMITED");
    // The column tells it is not the Tasks tab's Status (the layout cache says where that is): nothing more is asked.
    expect(emu.counter.snapshot()).toEqual({
      "PropertiesService.getDocumentProperties": 1,
      "Properties.getProperties": 1,
      "Range.getColumn": 1,
    });
    expect(emu.cell("Campaigns!B2").value).toBe("Spring launch 2026");
  });
});

describe("the My campaigns menu item", () => {
  it("opens the sidebar page in the user's language", () => {
    const emu = setUpWorkbook();
    emu.menu("My campaigns");
    expect(emu.ui.sidebar?.title).toBe("My campaigns");
    // The page starts in the user's language and shows times in the spreadsheet's time zone.
    expect(emu.ui.sidebar?.html).toContain('<html lang="en" data-tz="Europe/Berlin">');
    expect(emu.ui.sidebar?.html).toContain('id="list"');

    emu.configureUser(emu.user, { locale: "zh_CN" });
    emu.open();
    emu.menu("我的推广活动");
    expect(emu.ui.sidebar?.title).toBe("我的推广活动");
    expect(emu.ui.sidebar?.html).toContain('<html lang="zh-CN" data-tz="Europe/Berlin">');
  });

  it("follows the language set in Settings", () => {
    const emu = setUpWorkbook();
    emu.edit("Settings!B4", "zh");
    emu.menu("My campaigns");
    expect(emu.ui.sidebar?.title).toBe("我的推广活动");
  });
});

describe("the Approvals and Roles menu items", () => {
  it("open their sidebars", () => {
    const emu = setUpWorkbook();
    emu.menu("Approvals");
    expect(emu.ui.sidebar?.title).toBe("Approvals");
    expect(emu.ui.sidebar?.html).toContain('id="requests"');
    emu.menu("Roles and settings");
    expect(emu.ui.sidebar?.title).toBe("Roles and settings");
    expect(emu.ui.sidebar?.html).toContain('id="levels"');
  });
});
