// "Set up workbook" in the emulator: what it creates, that a second run changes nothing, and that moved, renamed,
// missing or foreign columns and tabs are handled the way a user expects.
import { describe, expect, it } from "vitest";
import { TABS } from "../../src/workbook/tabs";
import { CAMPAIGN_HEADERS_EN, CAMPAIGN_KEYS } from "../campaigns-layout";
import type { Emulator } from "../emulator/index";
import { addCampaigns, CAMPAIGN_ROWS, clickMenu, emulator, setUpWorkbook, writesOf } from "./support";

function state(emu: Emulator) {
  return emu.save().spreadsheet;
}

function sheetState(emu: Emulator, name: string) {
  const sheet = state(emu).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

/** Column metadata of a tab as [column, key], read without counting. */
function columnKeys(emu: Emulator, name: string): [number, string][] {
  const st = state(emu);
  const id = st.sheets.find((s) => s.name === name)?.id;
  const keys: [number, string][] = [];
  for (const m of st.metadata) {
    const at = m.location;
    if (m.key !== "campaign-control.column" || at.type !== "COLUMN" || at.sheetId !== id) continue;
    keys.push([at.start, m.value ?? ""]);
  }
  return keys.sort((a, b) => a[0] - b[0]);
}

/** The Settings tab as key -> [value, description] (other features add rows of their own). */
function settingRows(emu: Emulator, tab = "Settings"): Map<string, unknown[]> {
  return new Map(
    emu
      .values(tab)
      .slice(1)
      .map((row) => [String(row[0]), row.slice(1)]),
  );
}

function list(emu: Emulator) {
  return emu.run<{
    campaigns: { id: string; name: string; budget: number | null; row: number }[];
    problems: { message: string }[];
  }>("rpcListCampaigns", {});
}

describe("Set up workbook on a new spreadsheet", () => {
  const emu = emulator();
  emu.open();
  emu.menu("Set up workbook");
  const firstRun = emu.counter.snapshot();

  it("creates a Campaigns tab with labelled, keyed, styled header columns", () => {
    expect(emu.values("Campaigns")).toEqual([CAMPAIGN_HEADERS_EN]);
    expect(columnKeys(emu, "Campaigns")).toEqual(CAMPAIGN_KEYS.map((k, i) => [i + 1, k]));
    const sheet = sheetState(emu, "Campaigns");
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.grids.fontWeights?.[0]).toEqual(new Array(15).fill("bold"));
    expect(sheet.grids.backgrounds?.[0]).toEqual(new Array(15).fill("#e8f0fe"));
    expect(emu.spreadsheet.peek("Campaigns!K1").note).toBe(
      "The total planned budget of the campaign, an amount of 0 or more.",
    );
  });

  it("sets widths, number formats and dropdowns on the columns", () => {
    const sheet = sheetState(emu, "Campaigns");
    const widths = new Map(sheet.colWidths);
    expect(widths.get(2)).toBe(200);
    expect(widths.get(11)).toBe(120);
    expect(emu.spreadsheet.peek("Campaigns!K2").format).toBe("#,##0.00");
    const last = sheetState(emu, "Campaigns").maxRows;
    expect(emu.spreadsheet.peek(`Campaigns!K${last}`).format).toBe("#,##0.00");
    expect(emu.spreadsheet.peek(`Campaigns!I${last}`).format).toBe("yyyy-mm-dd");
    expect(emu.spreadsheet.peek("Campaigns!A2").format).toBe("@");
    const rules = sheet.grids.validations?.[1] as ({ type: string; values: unknown[]; allowInvalid: boolean } | null)[];
    expect(rules[13]).toMatchObject({ type: "VALUE_IN_LIST", allowInvalid: false });
    expect((rules[13]!.values[0] as string[])[0]).toBe("Draft");
    expect(rules[11]).toMatchObject({ type: "VALUE_IN_LIST", allowInvalid: true });
    expect(rules[10]).toMatchObject({ type: "NUMBER_GREATER_THAN_OR_EQUAL_TO", values: [0] });
    expect(rules[8]).toMatchObject({ type: "DATE_IS_VALID_DATE" });
    expect(rules[0]).toBeNull();
  });

  it("refuses a status that is not in the list, as the dropdown says", () => {
    const probe = emulator();
    probe.open();
    probe.menu("Set up workbook");
    probe.edit("Campaigns!N2", "Finished");
    expect(probe.lastEdit?.ok).toBe(false);
    expect(probe.lastEdit?.message).toContain("Choose a value from the list.");
  });

  it("creates a Settings tab of key, value and description with the owner as admin", () => {
    expect(emu.values("Settings")[0]).toEqual(["Setting", "Value", "Description"]);
    const rows = settingRows(emu);
    expect(rows.get("currency")).toEqual(["USD", "Default currency of amounts (ISO code, e.g. USD, EUR, CNY)."]);
    expect(rows.get("warning_threshold")?.[0]).toBe(0.9);
    expect(rows.get("language")?.[0]).toBe("auto");
    expect(rows.get("channels")?.[0]).toBe("Email, Social, Search, KOL, Events, Print, Outdoor, Video, E-commerce");
    expect(rows.get("categories")?.[0]).toBe("Media, Content, Events, KOL, Travel, Other");
    // The rights rows show the roles kept in document properties: nobody but the owner yet.
    expect(rows.get("admins")).toEqual([
      "owner@example.com (owner)",
      "Administrators. Shown here only: change roles in Extensions › Campaign Control › Roles and settings (the owner is always an admin).",
    ]);
    expect(rows.get("approval_levels")?.[0]).toBe("(none)");
    expect(rows.get("finance")?.[0]).toBe("(none)");
    expect(rows.get("delegations")?.[0]).toBe("(none)");
    expect(columnKeys(emu, "Settings")).toEqual([
      [1, "key"],
      [2, "value"],
      [3, "description"],
    ]);
    expect(sheetState(emu, "Settings").frozenRows).toBe(1);
  });

  it("creates the Tasks, Escalations, Approval log and Notifications tabs", () => {
    expect(emu.values("Tasks")[0]).toEqual([
      "Campaign",
      "Step",
      "Task owner",
      "Task start",
      "Due",
      "Deliverable",
      "Task status",
      "Completed on",
    ]);
    expect(emu.values("Escalations")[0]?.slice(0, 6)).toEqual([
      "Report ID",
      "Campaign ID",
      "Reported",
      "Reported by",
      "Severity",
      "Problem",
    ]);
    expect(emu.values("Approval log")[0]).toEqual([
      "No.",
      "Event ID",
      "Time",
      "By",
      "On behalf of",
      "Entity",
      "Entity ID",
      "Request ID",
      "Request type",
      "Version",
      "Action",
      "From state",
      "To state",
      "Level",
      "Comment",
      "Snapshot",
      "Previous hash",
      "Hash",
    ]);
    expect(emu.values("Notifications")[0]).toEqual(["Sent at", "For campaign", "To", "Subject", "Result", "Reason"]);
    // Every cell of the log is plain text, so what reads back is exactly what was hashed.
    expect(emu.spreadsheet.peek("Approval log!O2").format).toBe("@");
    expect(emu.spreadsheet.peek(`Approval log!A${sheetState(emu, "Approval log").maxRows}`).format).toBe("@");
  });

  it("protects the log and notifications tabs and the Status column with warnings only", () => {
    const st = state(emu);
    const idOf = (name: string) => st.sheets.find((s) => s.name === name)?.id;
    const ours = st.protections.filter((p) => p.description === "Campaign Control: written by the add-on");
    expect(ours.every((p) => p.warningOnly)).toBe(true);
    expect(ours.filter((p) => p.type === "SHEET").map((p) => p.sheetId)).toEqual(
      expect.arrayContaining([idOf("Approval log"), idOf("Notifications")]),
    );
    const status = ours.find((p) => p.type === "RANGE" && p.sheetId === idOf("Campaigns"));
    expect(status?.rect).toMatchObject({ col: 14, cols: 1 });
  });

  it("takes the document lock, writes whole ranges, toasts a summary and opens on Campaigns", () => {
    expect(firstRun["Lock.tryLock"]).toBe(1);
    expect(firstRun["Lock.releaseLock"]).toBe(1);
    // New tabs are not read at all; header cells are written as one range per kind, not cell by cell.
    expect(firstRun["Range.getValues"] ?? 0).toBe(0);
    // One header write per tab with columns, and the Settings rows in one more.
    const withColumns = TABS.filter((t) => t.columns.length > 0).length;
    expect(firstRun["Range.setValues"]).toBe(withColumns + 1);
    expect(firstRun["Range.setNotes"]).toBe(withColumns);
    expect(firstRun["Range.setValue"]).toBeUndefined();
    const settings = emu.values("Settings").length - 1;
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      `Workbook set up: ${TABS.length} tabs created, 0 columns added, ${settings} settings added.`,
    );
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe("Campaigns");
  });
});

describe("Set up workbook a second time", () => {
  it("changes nothing, reads each tab's header once (Settings whole) and writes nothing", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const before = state(emu);
    emu.counter.reset();
    emu.menu("Set up workbook");
    expect(state(emu)).toEqual(before);
    expect(emu.counter.get("Range.getValues")).toBe(TABS.length);
    expect(emu.counter.get("Sheet.getDataRange")).toBe(1);
    expect(emu.counter.total()).toBeLessThan(150);
    expect(writesOf(emu)).toEqual({});
    expect(emu.counter.get("Lock.tryLock")).toBe(1);
    expect(emu.ui.toasts.at(-1)?.message).toBe("The workbook is already set up; nothing needed to change.");
    expect(list(emu).campaigns).toHaveLength(3);
  });

  it("costs the same number of calls every time it has nothing to do", () => {
    const emu = setUpWorkbook();
    emu.menu("Set up workbook");
    const second = emu.counter.snapshot();
    emu.counter.reset();
    emu.menu("Set up workbook");
    expect(emu.counter.snapshot()).toEqual(second);
  });
});

describe("a workbook the user changed", () => {
  it("keeps moved columns and renamed labels, and the campaigns still list", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
    // Move Total budget (K) to the front and rename it; rename Name (now C) as well.
    sheet.moveColumns(sheet.getRange("K:K"), 1);
    emu.edit("Campaigns!A1", "Budget (EUR)");
    emu.edit("Campaigns!C1", "Campaign");
    emu.counter.reset();

    const listed = list(emu);
    expect(listed.problems).toEqual([]);
    expect(listed.campaigns.map((c) => [c.id, c.name, c.budget])).toEqual([
      ["C-1", "Spring launch", 12000],
      ["C-2", "Summer fair", 8000.5],
      ["C-3", "Autumn mailing", 1500],
    ]);

    // Setup does not undo what the user chose: the order and their labels stay.
    const before = state(emu);
    emu.menu("Set up workbook");
    expect(state(emu)).toEqual(before);
    expect(emu.values("Campaigns")[0]?.slice(0, 3)).toEqual(["Budget (EUR)", "ID", "Campaign"]);
  });

  it("adds a missing column at the end on upgrade, after the user's own columns, losing no data", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    const sheet = emu.spreadsheet.getSheetByName("Campaigns")!;
    sheet.deleteColumns(13, 1); // an older workbook without KPIs
    emu.edit("Campaigns!O1", "My notes");
    emu.edit("Campaigns!O2", "call back");
    const before = emu.values("Campaigns");
    emu.counter.reset();

    emu.menu("Set up workbook");
    const after = emu.values("Campaigns");
    expect(after.map((r) => r.slice(0, 15))).toEqual(before.map((r) => r.slice(0, 15)));
    expect(after[0]?.[15]).toBe("KPIs");
    expect(columnKeys(emu, "Campaigns").find(([, k]) => k === "kpis")).toEqual([16, "kpis"]);
    expect(emu.ui.toasts.at(-1)?.message).toBe("Workbook set up: 0 tabs created, 1 column added, 0 settings added.");
    expect(list(emu).campaigns).toHaveLength(3);
    // The upgrade is itself idempotent.
    const upgraded = state(emu);
    emu.menu("Set up workbook");
    expect(state(emu)).toEqual(upgraded);
  });

  it("re-attaches lost column metadata (a rebuilt tab) by the header labels, without changing cells", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    for (const md of emu.spreadsheet.createDeveloperMetadataFinder().withKey("campaign-control.column").find())
      md.remove();
    const values = emu.values("Campaigns");
    expect(list(emu).campaigns).toHaveLength(3);
    emu.menu("Set up workbook");
    expect(emu.values("Campaigns")).toEqual(values);
    expect(columnKeys(emu, "Campaigns")).toEqual(CAMPAIGN_KEYS.map((k, i) => [i + 1, k]));
  });

  it("finds a renamed Campaigns tab and does not create a second one", () => {
    const emu = setUpWorkbook();
    addCampaigns(emu);
    emu.spreadsheet.getSheetByName("Campaigns")!.setName("Campaigns 2026");
    emu.menu("Set up workbook");
    expect(emu.spreadsheet.getSheetByName("Campaigns")).toBeNull();
    expect(list(emu).campaigns).toHaveLength(3);
  });

  it("adopts a hand-made Campaigns tab that has an ID and a Name column", () => {
    const emu = emulator();
    const handMade = emu.spreadsheet.insertSheet("Campaigns");
    handMade.getRange("A1:C2").setValues([
      ["Name", "ID", "Notes"],
      ["Spring launch", "C-1", "from last year"],
    ]);
    emu.open();
    clickMenu(emu, "menuSetUpWorkbook");
    const values = emu.values("Campaigns");
    expect(values[0]?.slice(0, 4)).toEqual(["Name", "ID", "Notes", "Owner"]);
    expect(values[1]?.slice(0, 3)).toEqual(["Spring launch", "C-1", "from last year"]);
    expect(list(emu).campaigns.map((c) => [c.id, c.name, c.row])).toEqual([["C-1", "Spring launch", 2]]);
  });

  it("leaves someone else's Settings tab alone and creates its own next to it", () => {
    const emu = emulator();
    const theirs = emu.spreadsheet.insertSheet("Settings");
    theirs.getRange("A1:B2").setValues([
      ["Name", "Value"],
      ["Theme", "Dark"],
    ]);
    emu.open();
    emu.menu("Set up workbook");
    expect(emu.values("Settings")).toEqual([
      ["Name", "Value"],
      ["Theme", "Dark"],
    ]);
    expect(emu.values("Settings – Campaign Control")[0]).toEqual(["Setting", "Value", "Description"]);
  });

  it("writes text inert: an owner address starting with = stays text", () => {
    const emu = emulator({ owner: "=cmd@example.com" });
    emu.open();
    emu.menu("Set up workbook");
    const row = emu.values("Settings").findIndex((r) => r[0] === "admins") + 1;
    const admins = emu.cell(`Settings!B${row}`);
    expect(admins.formula).toBe("");
    expect(admins.value).toBe("=cmd@example.com (owner)");
  });
});

describe("a Chinese spreadsheet", () => {
  it("gets Chinese tab names, labels, help, dropdowns and settings", () => {
    const emu = emulator({ locale: "zh_CN" });
    emu.open();
    emu.menu("设置工作簿");
    expect(emu.values("推广活动")[0]).toEqual([
      "编号",
      "活动名称",
      "负责人",
      "活动目标",
      "目标受众",
      "推广渠道",
      "活动内容",
      "活动地点",
      "开始日期",
      "结束日期",
      "总预算",
      "币种",
      "监测指标",
      "状态",
      "调研依据",
    ]);
    expect(emu.spreadsheet.peek("推广活动!A1").note).toContain("唯一");
    const rules = sheetState(emu, "推广活动").grids.validations?.[1] as ({ values: unknown[] } | null)[];
    expect((rules[13]!.values[0] as string[]).slice(0, 3)).toEqual(["草稿", "方案待审批", "方案已批准"]);
    expect(emu.values("设置")[0]).toEqual(["设置项", "值", "说明"]);
    const rows = settingRows(emu, "设置");
    expect(rows.get("currency")).toEqual(["CNY", "金额的默认币种（ISO 代码，例如 USD、EUR、CNY）。"]);
    expect(rows.get("admins")?.[0]).toBe("owner@example.com（所有者）");
    expect(rows.get("approval_levels")?.[0]).toBe("（无）");
    expect(emu.values("审批记录")[0]?.slice(0, 3)).toEqual(["序号", "事件编号", "时间"]);
    expect(emu.values("执行任务")[0]?.[1]).toBe("步骤");
    expect(emu.ui.toasts.at(-1)?.message).toBe(
      `工作簿已设置：新建 ${TABS.length} 个工作表，新增 0 列，新增 ${rows.size} 个设置项。`,
    );
  });

  it("reads Chinese status labels and lists the campaigns", () => {
    const emu = setUpWorkbook({ locale: "zh_CN" });
    const rows = CAMPAIGN_ROWS.map((r) => [
      ...r.slice(0, 13),
      ["草稿", "方案已批准", "执行中"][CAMPAIGN_ROWS.indexOf(r)],
    ]);
    addCampaigns(emu, rows, "推广活动");
    const listed = emu.run<{ lang: string; campaigns: { status: string }[]; problems: unknown[] }>(
      "rpcListCampaigns",
      {},
    );
    expect(listed.problems).toEqual([]);
    expect(listed.lang).toBe("zh");
    expect(listed.campaigns.map((c) => c.status)).toEqual(["Draft", "PlanApproved", "InProgress"]);
  });

  it("relabels our default labels when the spreadsheet turns Chinese, keeping the user's own", () => {
    const en = setUpWorkbook();
    addCampaigns(en);
    en.edit("Campaigns!B1", "Campaign");
    const zh = emulatorFrom(en, "zh_CN");
    zh.open();
    clickMenu(zh, "menuSetUpWorkbook");
    const header = zh.values("Campaigns")[0] ?? [];
    expect(header.slice(0, 3)).toEqual(["编号", "Campaign", "负责人"]);
    expect(zh.values("Campaigns").slice(1)).toEqual(en.values("Campaigns").slice(1));
    // The English tab names stay (tabs are found by metadata, and renaming a tab is the user's business).
    expect(zh.spreadsheet.getSheetByName("推广活动")).toBeNull();
  });
});

/** The same document with another spreadsheet locale (as if changed in File > Settings). */
function emulatorFrom(emu: Emulator, locale: string): Emulator {
  const saved = emu.save();
  return (emu.constructor as typeof import("../emulator/index").Emulator).restore({
    ...saved,
    settings: { ...saved.settings, locale },
    spreadsheet: { ...saved.spreadsheet, locale },
  });
}
