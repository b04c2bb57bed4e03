// Budget-control demo data for the preview: budget lines for the demo campaigns (each campaign's lines add up to its
// total budget, as a plan needs), CNY rates for USD and EUR, and one more campaign whose plan went through the
// approvals with its lines (submitted by Mia, approved by Leo) with expenses recorded
// through the Expenses sidebar's server function, 83 % of its budget spent. So a person can record an expense that
// goes over budget, approve the overrun as Leo, and see the Variance report change.
import type { Emulator } from "../../test/emulator/index";
import { type FoundTab, findTab, has, paste, requestId } from "./demo-tabs";
import { localized, word } from "./demo-zh";

const MIA = "mia.marketer@example.com";
const LEO = "leo.lead@example.com";

export const SPEND_DEMO_CAMPAIGN = "CMP-2026-005";

type Row = Record<string, string | number>;

const CAMPAIGN: Row = {
  id: SPEND_DEMO_CAMPAIGN,
  name: "Autumn brand film",
  owner: MIA,
  objective: "A 90-second brand film seen 2 million times by 30 September",
  audience: "Urban adults 25-40",
  channels: "Video, Social",
  content: "Brand film, 6 cut-downs, behind-the-scenes posts",
  place: "Online",
  start: "2026-03-01",
  end: "2026-09-30",
  budget: 60000,
  currency: "CNY",
  kpis: "Views 2,000,000; completion rate 35 %",
  research: "R-001",
};

const LINES: Row[] = [
  { campaign: SPEND_DEMO_CAMPAIGN, category: "Content", month: "2026-03", planned: 30000, note: "Film production" },
  { campaign: SPEND_DEMO_CAMPAIGN, category: "Media", month: "2026-04", planned: 25000, note: "Pre-roll and feeds" },
  { campaign: SPEND_DEMO_CAMPAIGN, category: "KOL", month: "2026-04", planned: 5000 },
  { campaign: "CMP-2026-001", category: "Content", month: "2026-03", planned: 40000 },
  { campaign: "CMP-2026-001", category: "KOL", month: "2026-04", planned: 50000 },
  { campaign: "CMP-2026-001", category: "Media", month: "2026-04", planned: 30000 },
  { campaign: "CMP-2026-002", category: "Media", month: "2026-06", planned: 300000 },
  { campaign: "CMP-2026-002", category: "Content", month: "2026-05", planned: 150000 },
  { campaign: "CMP-2026-003", category: "Events", month: "2026-04", planned: 70000.5 },
  { campaign: "CMP-2026-003", category: "Travel", month: "2026-04", planned: 16000 },
  { campaign: "CMP-2026-004", category: "Media", month: "2026-05", planned: 210000 },
];

const RATES: Row[] = [
  { currency: "USD", rate: 7.18, validFrom: "2026-01-01" },
  { currency: "USD", rate: 7.12, validFrom: "2026-04-01" },
  { currency: "EUR", rate: 7.86, validFrom: "2026-01-01" },
];

/** Recorded as Mia through rpcRecordExpense: IDs, statuses and the lock as for any expense. */
const EXPENSES = [
  {
    date: "2026-03-06",
    category: "Content",
    vendor: "Northlight Films",
    description: "Shoot, 3 days",
    amount: "26000",
  },
  {
    date: "2026-03-20",
    category: "Content",
    vendor: "Northlight Films",
    description: "Edit and grade",
    amount: "3200",
  },
  {
    date: "2026-04-02",
    category: "Media",
    vendor: "Video platform",
    description: "Pre-roll, week 1-2",
    amount: "2400",
    currency: "USD",
  },
  {
    date: "2026-04-09",
    category: "KOL",
    vendor: "Creator studio",
    description: "Two reaction videos",
    amount: "3500",
    kind: "committed",
  },
];

function dataRows(emu: Emulator, tab: FoundTab): number {
  return Math.max(0, (emu.spreadsheet.getSheetByName(tab.name)?.getLastRow() ?? 1) - 1);
}

/** The spend demo, added once: run after the campaigns, tasks and roles of the main demo are in place. */
export function loadSpendDemo(emu: Emulator): void {
  const campaigns = findTab(emu, "campaigns");
  const budget = findTab(emu, "budget");
  const expenses = findTab(emu, "expenses");
  const rates = findTab(emu, "rates");
  if (!campaigns || !budget || !expenses || !rates) return;
  const user = emu.user;
  try {
    const fresh = !has(emu, campaigns, "id", SPEND_DEMO_CAMPAIGN);
    if (fresh) paste(emu, campaigns, localized(emu, [CAMPAIGN]));
    // Rates and budget lines first: a plan is submitted and approved with its lines, which add up to its budget.
    if (dataRows(emu, rates) === 0) paste(emu, rates, RATES);
    if (dataRows(emu, budget) === 0) paste(emu, budget, localized(emu, LINES));
    if (fresh) {
      const plan = requestId("demo-plan");
      const submitted = emu.as(MIA).run<{ ok: boolean; message?: string }>("rpcSubmit", {
        campaignId: SPEND_DEMO_CAMPAIGN,
        type: "plan",
        requestId: plan,
        comment: "",
      });
      if (!submitted.ok) throw new Error(`demo plan not submitted: ${submitted.message ?? ""}`);
      const approved = emu.as(LEO).run<{ ok: boolean; message?: string }>("rpcDecide", {
        campaignId: SPEND_DEMO_CAMPAIGN,
        requestId: plan,
        seenVersion: 1,
        decision: "approve",
        comment: "Go ahead.",
      });
      if (!approved.ok) throw new Error(`demo plan not approved: ${approved.message ?? ""}`);
    }
    if (!has(emu, expenses, "campaign", SPEND_DEMO_CAMPAIGN)) {
      for (const e of EXPENSES) {
        emu.as(MIA).run("rpcRecordExpense", {
          draft: {
            date: e.date,
            campaign: SPEND_DEMO_CAMPAIGN,
            category: word(emu, e.category),
            vendor: word(emu, e.vendor),
            description: word(emu, e.description),
            amount: e.amount,
            currency: e.currency ?? "",
            kind: e.kind ?? "actual",
            receiptLink: "https://drive.example.com/receipts/demo",
            reimbursable: false,
          },
          requestId: requestId("demo-exp"),
        });
      }
    }
    emu.as(user).run("menuRefreshVariance");
  } finally {
    emu.as(user);
  }
}
