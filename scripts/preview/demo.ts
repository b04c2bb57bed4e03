// Demo data for the preview, so the approval flow works out of the box: campaigns pasted into the Campaigns tab and
// an execution plan into the Tasks tab as a person would paste them (tabs and columns found through the add-on's
// stable keys, so a reordered or relabelled tab still gets the right cells), the default currency set to the
// campaigns' CNY, and the roles saved through the admin server function as the spreadsheet owner: Leo decides
// level 1 up to 100,000, Dana level 2 without limit, Fay is finance.
import type { Emulator } from "../../test/emulator/index";
import { columnValues, findTab, paste } from "./demo-tabs";
import { isChinese, localized, ZH_CATEGORIES, ZH_CHANNELS } from "./demo-zh";
import { loadEvaluationDemo } from "./evaluation-demo";
import { loadSpendDemo } from "./spend-demo";

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
    research: "R-001",
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
    research: "R-002",
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
    research: "R-003",
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
    research: "R-001",
  },
];

/** The market research the demo plans are based on (市场调研): each plan cites one of these in its Research column. */
const RESEARCH: Demo[] = [
  {
    id: "R-001",
    topic: "Commuter listening habits",
    segment: "Tier-1 commuters 25-40",
    finding: "Seven in ten stream on the commute and name noise cancelling as the first reason to upgrade",
    evidence: "https://example.com/research/commuter-audio-2026",
    date: "2026-01-20",
    author: "mia.marketer@example.com",
    tags: "audio, commuters",
  },
  {
    id: "R-002",
    topic: "618 price sensitivity",
    segment: "Existing customers",
    finding: "Coupons above 15 % double the conversion of returning buyers; deeper ones add little",
    evidence: "https://example.com/research/618-coupons",
    date: "2026-02-03",
    author: "mia.marketer@example.com",
    tags: "pricing, 618",
  },
  {
    id: "R-003",
    topic: "Distributor needs",
    segment: "Regional distributors",
    finding: "Distributors sign where they can see the product working, not from brochures",
    evidence: "",
    date: "2026-02-11",
    author: "leo.lead@example.com",
    tags: "trade, distributors",
  },
  {
    id: "R-004",
    topic: "B2B webinar attendance",
    segment: "IT managers and partners",
    finding: "Registrations double when a recording is promised; live attendance stays near a third",
    evidence: "https://example.com/research/b2b-webinars",
    date: "2026-01-12",
    author: "mia.marketer@example.com",
    tags: "webinar, b2b",
  },
];

/** The execution plan of the spring launch: what Mia submits once the plan is approved. */
const TASKS: Demo[] = [
  {
    campaign: "CMP-2026-001",
    step: "Brief three creators and agree on review dates",
    owner: "mia.marketer@example.com",
    start: "2026-03-02",
    due: "2026-03-13",
    deliverable: "Signed creator briefs",
  },
  {
    campaign: "CMP-2026-001",
    step: "Produce the launch film and 12 clips",
    owner: "mia.marketer@example.com",
    start: "2026-03-02",
    due: "2026-03-15",
    deliverable: "Final cuts, subtitled",
  },
  {
    campaign: "CMP-2026-001",
    step: "Run paid social and search",
    owner: "mia.marketer@example.com",
    start: "2026-03-16",
    due: "2026-04-30",
    deliverable: "Weekly performance report",
  },
];

export const DEMO_ROLES = {
  admins: [],
  levels: [
    { approvers: ["leo.lead@example.com"], limit: "100000" },
    { approvers: ["dana.director@example.com"], limit: null },
  ],
  finance: ["fay.finance@example.com"],
  delegations: [],
};

/** Runs setup when the tabs are not there yet, then adds what is missing of the demo. Returns the number of campaigns it added. */
export function loadDemoData(emu: Emulator): number {
  let campaigns = findTab(emu, "campaigns");
  if (!campaigns) {
    emu.run("menuSetUpWorkbook");
    campaigns = findTab(emu, "campaigns");
  }
  const tasks = findTab(emu, "tasks");
  const settings = findTab(emu, "settings");
  if (!campaigns || !tasks || !settings)
    throw new Error("The add-on's tabs were not found: run Set up workbook first.");
  const user = emu.user;
  const owner = emu.spreadsheet.getOwner()?.getEmail() ?? user;
  try {
    emu.as(owner);
    // The demo campaigns are in CNY; so are the approval limits then.
    const keys = columnValues(emu, settings, "key");
    const currencyRow = keys.indexOf("currency") + 2;
    const valueColumn = settings.columns.get("value");
    if (currencyRow >= 2 && valueColumn) {
      emu.edit(`'${settings.name.replace(/'/g, "''")}'!${letter(valueColumn)}${currencyRow}`, "CNY");
    }
    // A Chinese workbook's demo names its channels and categories in Chinese.
    for (const [key, list] of [
      ["categories", ZH_CATEGORIES],
      ["channels", ZH_CHANNELS],
    ] as const) {
      const row = keys.indexOf(key) + 2;
      if (isChinese(emu) && row >= 2 && valueColumn) {
        emu.edit(`'${settings.name.replace(/'/g, "''")}'!${letter(valueColumn)}${row}`, list);
      }
    }
    const saved = emu.run<{ ok: boolean; message?: string }>("rpcSaveRoles", DEMO_ROLES);
    if (!saved.ok) throw new Error(`Could not save the demo roles: ${saved.message ?? ""}`);

    const research = findTab(emu, "research");
    if (research) {
      const known = new Set(columnValues(emu, research, "id"));
      paste(
        emu,
        research,
        localized(
          emu,
          RESEARCH.filter((r) => !known.has(String(r.id))),
        ),
      );
    }
    const existing = new Set(columnValues(emu, campaigns, "id"));
    const before = existing.size;
    paste(
      emu,
      campaigns,
      localized(
        emu,
        EN.filter((d) => !existing.has(String(d.id))),
      ),
    );
    const planned = new Set(columnValues(emu, tasks, "campaign"));
    paste(
      emu,
      tasks,
      localized(
        emu,
        TASKS.filter((task) => !planned.has(String(task.campaign))),
      ),
    );
    loadSpendDemo(emu);
    loadEvaluationDemo(emu);
    // The budget and monitoring demos add campaigns of their own: count them all.
    return new Set(columnValues(emu, campaigns, "id")).size - before;
  } finally {
    emu.as(user);
  }
}

function letter(column: number): string {
  let s = "";
  for (let x = column; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
