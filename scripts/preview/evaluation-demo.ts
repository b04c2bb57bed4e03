// Monitoring and evaluation demo data for the preview: a running campaign with an overdue task and a lagging KPI, a
// plan that waits for Leo, a finished campaign ready to be closed with a summary (its channels and audience those of
// the spring launch still in draft; its tasks done with their completion dates, one on time and one late), KPIs and readings for the report's chart, and hourly monitoring switched on by
// the owner. Everything goes through the add-on's own server functions, as people would do it. So a person can
// advance the clock and see the Monitor tab and the digests in the outbox, close the finished campaign with a summary
// (Mia submits, Leo accepts in Approvals), and find its lesson while drafting the spring launch.
import type { Emulator } from "../../test/emulator/index";
import { findTab, has, paste, requestId } from "./demo-tabs";
import { localized, word } from "./demo-zh";

const OWNER = "owner@example.com";
const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";

export const RUNNING_CAMPAIGN = "CMP-2026-006";
export const FINISHED_CAMPAIGN = "CMP-2025-012";
export const WAITING_CAMPAIGN = "CMP-2026-007";

type Row = Record<string, string | number>;

const CAMPAIGNS: Row[] = [
  {
    id: RUNNING_CAMPAIGN,
    name: "Winter webinar series",
    owner: MIA,
    objective: "800 qualified leads from four webinars by 20 March",
    audience: "IT managers at mid-sized companies",
    channels: "Email, Events",
    content: "Four webinars, invitation mailings, recordings",
    place: "Online",
    start: "2026-02-01",
    end: "2026-03-20",
    budget: 40000,
    currency: "CNY",
    kpis: "Leads 800; CPL <= 40",
    research: "R-004",
  },
  {
    id: FINISHED_CAMPAIGN,
    name: "Year-end creator collab",
    owner: MIA,
    objective: "1,000 pre-orders through creators before the holidays",
    audience: "Commuters 25-40 in tier-1 cities",
    channels: "Social, KOL",
    content: "Three creator videos, a discount code per creator",
    place: "Online",
    start: "2025-11-01",
    end: "2025-12-20",
    budget: 60000,
    currency: "CNY",
    kpis: "Pre-orders 1,000; sales 150,000",
    research: "R-001",
  },
  {
    id: WAITING_CAMPAIGN,
    name: "Partner newsletter relaunch",
    owner: MIA,
    objective: "A monthly partner newsletter with 40 % opens",
    audience: "Resellers and partners",
    channels: "Email",
    content: "Template, four issues, partner stories",
    place: "Online",
    start: "2026-04-01",
    end: "2026-07-31",
    budget: 15000,
    currency: "CNY",
    kpis: "Open rate 40 %",
    research: "R-004",
  },
];

const TASKS: Row[] = [
  {
    campaign: RUNNING_CAMPAIGN,
    step: "Book the speakers",
    owner: MIA,
    start: "2026-01-20",
    due: "2026-02-27",
    deliverable: "Speaker list",
  },
  {
    campaign: RUNNING_CAMPAIGN,
    step: "Send the second invitation",
    owner: MIA,
    start: "2026-03-01",
    due: "2026-03-04",
    deliverable: "Mailing",
  },
  {
    campaign: RUNNING_CAMPAIGN,
    step: "Run the last webinar",
    owner: MIA,
    start: "2026-03-05",
    due: "2026-03-20",
    deliverable: "Recording",
  },
  {
    campaign: FINISHED_CAMPAIGN,
    step: "Brief the creators",
    owner: MIA,
    start: "2025-10-20",
    due: "2025-11-05",
    deliverable: "Briefs",
    status: "Done",
    completed: "2025-11-04",
  },
  {
    campaign: FINISHED_CAMPAIGN,
    step: "Publish the videos",
    owner: MIA,
    start: "2025-11-06",
    due: "2025-12-10",
    deliverable: "Videos",
    status: "Done",
    // Two days late, so the scorecard shows an on-time rate that is not simply 100 %.
    completed: "2025-12-12",
  },
];

const KPIS: Row[] = [
  {
    campaign: RUNNING_CAMPAIGN,
    indicator: "Leads",
    unit: "leads",
    direction: "Higher is better",
    target: 800,
    weight: 2,
    source: "CRM",
  },
  {
    campaign: RUNNING_CAMPAIGN,
    indicator: "CPL",
    unit: "CNY",
    direction: "Lower is better",
    target: 40,
    weight: 1,
    source: "Ads",
  },
  {
    campaign: FINISHED_CAMPAIGN,
    indicator: "Pre-orders",
    unit: "orders",
    direction: "Higher is better",
    target: 1000,
    actual: 860,
    weight: 2,
    source: "Shop",
    updated: "2025-12-21",
  },
  {
    campaign: FINISHED_CAMPAIGN,
    indicator: "Sales",
    unit: "CNY",
    direction: "Higher is better",
    target: 150000,
    actual: 129000,
    weight: 1,
    source: "Shop",
    updated: "2025-12-21",
  },
];

const READINGS: Row[] = [
  { date: "2026-02-08", campaign: RUNNING_CAMPAIGN, indicator: "Leads", value: 60 },
  { date: "2026-02-15", campaign: RUNNING_CAMPAIGN, indicator: "Leads", value: 130 },
  { date: "2026-02-22", campaign: RUNNING_CAMPAIGN, indicator: "Leads", value: 190 },
  { date: "2026-03-01", campaign: RUNNING_CAMPAIGN, indicator: "Leads", value: 250 },
  { date: "2026-02-15", campaign: RUNNING_CAMPAIGN, indicator: "CPL", value: 44 },
  { date: "2026-03-01", campaign: RUNNING_CAMPAIGN, indicator: "CPL", value: 37 },
  { date: "2025-11-15", campaign: FINISHED_CAMPAIGN, indicator: "Pre-orders", value: 240 },
  { date: "2025-12-01", campaign: FINISHED_CAMPAIGN, indicator: "Pre-orders", value: 610 },
  { date: "2025-12-20", campaign: FINISHED_CAMPAIGN, indicator: "Pre-orders", value: 860 },
];

const BUDGET: Row[] = [
  { campaign: RUNNING_CAMPAIGN, category: "Media", month: "2026-02", planned: 25000 },
  { campaign: RUNNING_CAMPAIGN, category: "Events", month: "2026-03", planned: 15000 },
  { campaign: FINISHED_CAMPAIGN, category: "KOL", month: "2025-11", planned: 60000 },
  { campaign: WAITING_CAMPAIGN, category: "Content", month: "2026-04", planned: 15000 },
];

const EXPENSES: Row[] = [
  {
    date: "2026-02-10",
    campaign: RUNNING_CAMPAIGN,
    category: "Media",
    vendor: "Mail service",
    description: "Invitations",
    amount: "9000",
  },
  {
    date: "2025-11-20",
    campaign: FINISHED_CAMPAIGN,
    category: "KOL",
    vendor: "Creator studio",
    description: "Three videos",
    amount: "52000",
  },
];

type Written = { ok: boolean; message?: string };

function must(what: string, result: Written): void {
  if (!result.ok) throw new Error(`demo: ${what}: ${result.message ?? ""}`);
}

function submit(emu: Emulator, campaignId: string, type: "plan" | "execution"): string {
  const id = requestId(`demo-${type}`);
  must(
    `${type} of ${campaignId}`,
    emu.as(MIA).run<Written>("rpcSubmit", { campaignId, type, requestId: id, comment: "" }),
  );
  return id;
}

function approve(emu: Emulator, campaignId: string, requestIdValue: string): void {
  must(
    `approval of ${campaignId}`,
    emu.as(LEO).run<Written>("rpcDecide", {
      campaignId,
      requestId: requestIdValue,
      seenVersion: 1,
      decision: "approve",
      comment: "Approved.",
    }),
  );
}

function progress(emu: Emulator, campaignId: string, operation: "start" | "complete"): void {
  must(
    `${operation} ${campaignId}`,
    emu.as(MIA).run<Written>("rpcCampaignProgress", { campaignId, operation, comment: "" }),
  );
}

/** Added once, after the main demo (roles, campaigns) and the spend demo are in place. */
export function loadEvaluationDemo(emu: Emulator): void {
  const tabs = ["campaigns", "tasks", "kpis", "readings", "budget", "expenses"].map((k) => findTab(emu, k));
  const [campaigns, tasks, kpis, readings, budget, expenses] = tabs;
  if (!campaigns || !tasks || !kpis || !readings || !budget || !expenses) return;
  if (has(emu, campaigns, "id", RUNNING_CAMPAIGN)) return;
  const user = emu.user;
  try {
    emu.as(MIA);
    // Texts, and the labels of dropdown cells, in the workbook's language (a Chinese workbook refuses "Done").
    paste(emu, campaigns, localized(emu, CAMPAIGNS));
    paste(emu, tasks, localized(emu, TASKS));
    paste(emu, kpis, localized(emu, KPIS));
    paste(emu, readings, localized(emu, READINGS));
    // The plans go through the approvals with their budget lines, which add up to each budget.
    paste(emu, budget, localized(emu, BUDGET));
    for (const id of [RUNNING_CAMPAIGN, FINISHED_CAMPAIGN]) {
      approve(emu, id, submit(emu, id, "plan"));
      approve(emu, id, submit(emu, id, "execution"));
      progress(emu, id, "start");
    }
    progress(emu, FINISHED_CAMPAIGN, "complete");
    submit(emu, WAITING_CAMPAIGN, "plan");
    for (const e of EXPENSES) {
      emu.as(MIA).run("rpcRecordExpense", {
        draft: {
          date: e.date,
          campaign: e.campaign,
          category: word(emu, e.category),
          vendor: word(emu, e.vendor),
          description: word(emu, e.description),
          amount: e.amount,
          currency: "",
          kind: "actual",
          receiptLink: "https://drive.example.com/receipts/demo",
          reimbursable: false,
        },
        requestId: requestId("demo-exp"),
      });
    }
    // The owner switches hourly monitoring on and refreshes the report once, so the chart is there from the start.
    emu.as(OWNER).run("rpcMonitorSchedule", { frequency: "hourly" });
    emu.as(OWNER).run("rpcRefreshEvaluation", { focus: RUNNING_CAMPAIGN });
  } finally {
    emu.as(user);
  }
}
