// Demo campaigns for the preview, pasted into the Campaigns tab as a person would paste them, column by column
// found through the add-on's stable column keys (so a reordered or relabelled tab still gets the right cells).
import type { Emulator } from "../../test/emulator/index";

const COLUMN_KEY = "campaign-control.column";

type Demo = Record<string, string | number>;

const EN: Demo[] = [
  {
    id: "CMP-2026-001",
    name: "Spring launch: Aurora headphones",
    owner: "mia.marketer@example.com",
    objective: "2,000 pre-orders and 15,000 qualified leads by 30 April",
    audience: "Commuters 25-40 in tier-1 cities who stream daily",
    channels: "Social, Search, KOL",
    content: "Launch film, 12 short clips, landing page, 3 creator reviews",
    place: "Online + Shanghai flagship store",
    start: "2026-03-16",
    end: "2026-04-30",
    budget: 120000,
    currency: "CNY",
    kpis: "Pre-orders 2,000; leads 15,000; CPL <= 8",
  },
  {
    id: "CMP-2026-002",
    name: "618 mid-year sale",
    owner: "mia.marketer@example.com",
    objective: "Sales of 3.5 M during the 618 window, ROI >= 3",
    audience: "Existing customers and look-alikes",
    channels: "E-commerce, Email, Social",
    content: "Coupons, livestreams on 3 evenings, email series",
    place: "Online",
    start: "2026-06-01",
    end: "2026-06-18",
    budget: 450000,
    currency: "CNY",
    kpis: "Sales 3.5 M; ROI 3; conversion 4 %",
  },
  {
    id: "CMP-2026-003",
    name: "Trade fair: Home & Living Expo",
    owner: "leo.lead@example.com",
    objective: "300 distributor meetings, 40 signed letters of intent",
    audience: "Regional distributors and retail buyers",
    channels: "Events, Print",
    content: "Booth, brochure, demo area, evening reception",
    place: "Guangzhou Canton Fair Complex, hall 9",
    start: "2026-04-20",
    end: "2026-04-24",
    budget: 86000.5,
    currency: "CNY",
    kpis: "Meetings 300; LOIs 40",
  },
  {
    id: "CMP-2026-004",
    name: "Brand awareness survey wave 2",
    owner: "mia.marketer@example.com",
    objective: "Raise aided awareness from 31 % to 38 %",
    audience: "Urban adults 18-45",
    channels: "Outdoor, Video",
    content: "Metro posters, 15 s pre-roll",
    place: "Beijing, Chengdu",
    start: "2026-05-04",
    end: "2026-07-31",
    budget: 210000,
    currency: "CNY",
    kpis: "Aided awareness 38 %; reach 6 M",
  },
];

const ZH_NAMES = ["春季新品发布：极光耳机", "618 年中大促", "展会：家居生活博览会", "品牌认知度调研第二波"];

/** Runs setup when the tabs are not there yet, then pastes the demo rows below the existing ones. */
export function loadDemoData(emu: Emulator): number {
  let found = emu.spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find();
  if (!found.some((m) => m.getValue() === "name")) {
    emu.run("menuSetUpWorkbook");
    found = emu.spreadsheet.createDeveloperMetadataFinder().withKey(COLUMN_KEY).find();
  }
  const columns = new Map<string, number>();
  let sheetName = "";
  for (const m of found) {
    const column = m.getLocation().getColumn();
    const key = m.getValue();
    if (!column || !key) continue;
    const sheet = column.getSheet();
    const hasName = found.some(
      (o) => o.getValue() === "name" && o.getLocation().getColumn()?.getSheet().getName() === sheet.getName(),
    );
    if (!hasName) continue;
    sheetName = sheet.getName();
    columns.set(key, column.getColumn());
  }
  if (!sheetName) throw new Error("The Campaigns tab was not found: run Set up workbook first.");
  const sheet = emu.spreadsheet.getSheetByName(sheetName)!;
  const width = Math.max(...columns.values());
  const zh = emu.spreadsheet.getSpreadsheetLocale().toLowerCase().startsWith("zh");
  const existing = new Set(
    sheet.getLastRow() >= 2
      ? sheet
          .getRange(2, columns.get("id") ?? 1, sheet.getLastRow() - 1, 1)
          .getValues()
          .map((r) => String(r[0]))
      : [],
  );
  const rows = EN.filter((d) => !existing.has(String(d.id))).map((demo) => {
    const row: (string | number)[] = Array.from({ length: width }, () => "");
    for (const [key, col] of columns) {
      let value = demo[key];
      if (key === "name" && zh) value = ZH_NAMES[EN.indexOf(demo)] ?? value;
      if (value !== undefined) row[col - 1] = value;
    }
    return row;
  });
  if (rows.length === 0) return 0;
  const firstRow = sheet.getLastRow() + 1;
  emu.edit(`'${sheetName}'!A${firstRow}`, rows);
  return rows.length;
}
