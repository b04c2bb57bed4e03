// A seeded random walk through the money process: several people create, submit and decide plans, record expenses,
// send overruns, ask for, decide and pay reimbursements, and type into any cell of Expenses, Budget, Campaigns and, at
// the end, the Approval log. After every step: counted spend never exceeds the approved budget plus approved overruns,
// a hand edit of a cell moves no figure, nothing is paid without a sealed approval (and then at its amount), the log
// verifies (or, once edited by hand, every write is refused) and each campaign's state is the fold of its log.
import { describe, expect, it } from "vitest";
import type { Emulator } from "../emulator/index";
import { rng } from "../seeded-random";
import { logRecords } from "./faults-support";
import {
  addPlans,
  approvePlan,
  BO,
  columnsOf,
  DANA,
  draftOf,
  FAY,
  LEO,
  MIA,
  makeReady,
  newRequestId,
  OWNER,
  spendWorkbook,
  tabName,
  writeRows,
} from "./spend-support";

type Answer = { ok: boolean; kind?: string; message?: string };

interface Overview {
  campaigns: {
    id: string;
    state: string;
    position: { approved: number; actual: number; committed: number };
  }[];
  mine: { id: string; status: string; canRequestReimbursement: boolean }[];
  toPay: { id: string }[];
  needsRequest: { id: string }[];
}

interface Inbox {
  requests: { campaignId: string; request: { id: string; version: number } }[];
}

const MARKETERS = [MIA, BO];
const APPROVERS = [LEO, DANA];
const STATUS_WORDS = [
  "Paid",
  "Recorded",
  "Reimbursement approved",
  "Pending overrun approval",
  "Plan approved",
  "Ready",
];

function walk(seed: number, steps: number) {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const emu: Emulator = spendWorkbook();
  addPlans(emu, [
    { id: "C-1", budget: 1000 },
    { id: "C-2", budget: 3000, owner: BO },
  ]);
  writeRows(emu, "budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 1000 },
    { campaign: "C-2", category: "Media", month: "2026-03", planned: 3000 },
  ]);
  approvePlan(emu, "C-1");
  makeReady(emu, "C-1");
  approvePlan(emu, "C-2", BO);
  let next = 3;
  let tampered = false;
  const stats = { writes: 0, refused: 0, edits: 0, refusedOnBrokenLog: 0 };

  const overview = (who: string) => emu.as(who).run<Overview>("rpcSpendOverview", {});
  // The figures that gate money (planned and pending are shown, not believed: typed lines and rows move them), and
  // each campaign's state, as the add-on has them.
  const figures = (campaigns: Overview["campaigns"]) =>
    Object.fromEntries(
      campaigns.map((c) => {
        const { approved, actual, committed } = c.position;
        return [c.id, { approved, actual, committed }] as const;
      }),
    );

  /** Types a value into a random cell of a tab, as an editor would (no add-on involved). */
  const handEdit = (key: "expenses" | "budget" | "campaigns") => {
    const tab = tabName(emu, key);
    const sheet = emu.spreadsheet.getSheetByName(tab);
    if (!sheet) return;
    const width = columnsOf(emu, tab).size;
    const row = 2 + Math.floor(random() * Math.max(1, sheet.getLastRow()));
    const column = 1 + Math.floor(random() * width);
    const value = pick<unknown>([
      Math.round(random() * 100000),
      pick(STATUS_WORDS),
      "",
      pick(["C-1", "C-2", "EXP-00001", "EXP-00002", MIA, BO]),
      "2026-03-15",
    ]);
    sheet.getRange(row, column).setValue(value);
    stats.edits += 1;
  };

  const act = (step: number): { wrote: boolean; answer: Answer | null; edited: boolean } => {
    const roll = random();
    // Every walk ends with the log typed over (at the latest 10 steps before the end), so the refusal is walked too.
    if (!tampered && step === steps - 10) return tamper();
    const who = pick(MARKETERS);
    if (roll < 0.05) {
      const id = `C-${next++}`;
      addPlans(emu, [{ id, budget: 500 + Math.floor(random() * 2000), owner: who }]);
      writeRows(emu, "budget", [{ campaign: id, category: "Media", month: "2026-03", planned: 800 }]);
      return { wrote: false, answer: null, edited: false };
    }
    if (roll < 0.12) {
      const campaign = pick(overview(who).campaigns.filter((c) => c.state === "Draft" || c.state === "PlanApproved"));
      if (!campaign) return { wrote: false, answer: null, edited: false };
      if (campaign.state === "PlanApproved") {
        writeRows(emu, "tasks", [
          { campaign: campaign.id, step: "Book", owner: who, start: "2026-03-02", due: "2026-03-20", deliverable: "X" },
        ]);
      }
      const type = campaign.state === "Draft" ? "plan" : "execution";
      const answer = emu
        .as(who)
        .run<Answer>("rpcSubmit", { campaignId: campaign.id, type, requestId: newRequestId(type), comment: "" });
      return { wrote: true, answer, edited: false };
    }
    if (roll < 0.3) {
      const approver = pick(APPROVERS);
      const item = pick(emu.as(approver).run<Inbox>("rpcInbox", {}).requests);
      if (!item) return { wrote: false, answer: null, edited: false };
      const answer = emu.as(approver).run<Answer>("rpcDecide", {
        campaignId: item.campaignId,
        requestId: item.request.id,
        seenVersion: item.request.version,
        decision: random() < 0.75 ? "approve" : "reject",
        comment: "",
      });
      return { wrote: true, answer, edited: false };
    }
    if (roll < 0.5) {
      const answer = emu.as(who).run<Answer>("rpcRecordExpense", {
        draft: draftOf({
          campaign: pick(["C-1", "C-2", `C-${1 + Math.floor(random() * next)}`]),
          amount: String(50 + Math.floor(random() * 900)),
          reimbursable: random() < 0.5,
          kind: random() < 0.7 ? "actual" : "committed",
        }),
        requestId: newRequestId("exp"),
      });
      return { wrote: true, answer, edited: false };
    }
    if (roll < 0.56) {
      const item = pick(overview(who).needsRequest);
      if (!item) return { wrote: false, answer: null, edited: false };
      const answer = emu.as(who).run<Answer>("rpcSubmitOverrun", { id: item.id, requestId: newRequestId("ovr") });
      return { wrote: true, answer, edited: false };
    }
    if (roll < 0.64) {
      const item = pick(overview(who).mine.filter((e) => e.canRequestReimbursement));
      if (!item) return { wrote: false, answer: null, edited: false };
      const answer = emu
        .as(who)
        .run<Answer>("rpcRequestReimbursement", { id: item.id, requestId: newRequestId("reimb") });
      return { wrote: true, answer, edited: false };
    }
    if (roll < 0.7) {
      const item = pick(overview(FAY).toPay);
      // Now and then finance tries an expense the list does not offer: it must be refused unless approved.
      const id = item?.id ?? `EXP-${String(1 + Math.floor(random() * 30)).padStart(5, "0")}`;
      const answer = emu.as(FAY).run<Answer>("rpcMarkPaid", { id, requestId: newRequestId("pay") });
      return { wrote: true, answer, edited: false };
    }
    // The log is typed over only near the end: from then on every write is refused, so the walk would stop there.
    if (roll < 0.97 || tampered || step < steps * 0.85) {
      handEdit(pick(["expenses", "expenses", "budget", "campaigns"] as const));
      return { wrote: false, answer: null, edited: true };
    }
    return tamper();
  };

  /** Rarely, and for good: a cell of the approval log typed over (the sequence, event, action or snapshot column). */
  const tamper = (): { wrote: boolean; answer: Answer | null; edited: boolean } => {
    const log = emu.spreadsheet.getSheetByName("Approval log");
    const rows = log?.getLastRow() ?? 1;
    if (!log || rows < 2) return { wrote: false, answer: null, edited: false };
    log.getRange(2 + Math.floor(random() * (rows - 1)), pick([10, 11, 13, 16])).setValue(pick(["forged", 99999, "X"]));
    tampered = true;
    stats.edits += 1;
    return { wrote: false, answer: null, edited: true };
  };

  let before = figures(overview(OWNER).campaigns);
  for (let step = 1; step <= steps; step++) {
    const { wrote, answer, edited } = act(step);
    const label = `seed ${seed}, step ${step}`;
    if (wrote && answer) {
      stats.writes += 1;
      if (!answer.ok) stats.refused += 1;
      if (tampered) {
        expect(answer, `${label}: a write on an edited log`).toMatchObject({ ok: false });
        stats.refusedOnBrokenLog += 1;
      }
    }
    const seen = overview(OWNER).campaigns;
    const after = figures(seen);
    // Counted spend never exceeds the approved budget plus approved overruns.
    for (const [id, p] of Object.entries(after)) {
      expect(p.actual + p.committed, `${label}: ${id} counted vs approved`).toBeLessThanOrEqual(p.approved);
    }
    // A cell typed over moves no figure (the log's edit does: from then on only what precedes the break counts).
    if (edited && !tampered) {
      for (const [id, p] of Object.entries(after)) {
        if (before[id]) expect(p, `${label}: ${id} after a hand edit`).toEqual(before[id]);
      }
    }
    before = after;
    if (tampered) continue;
    const verdict = emu.as(MIA).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {});
    expect(verdict.chain.ok, `${label}: the log verifies`).toBe(true);
    const log = logRecords(emu);
    // Paid only for a sealed approval of that reimbursement, at its amount, once per expense.
    const pays = log.filter((r) => r.Entity === "expense" && r.Action === "pay");
    expect(new Set(pays.map((p) => p["Entity ID"])).size, `${label}: paid once`).toBe(pays.length);
    for (const pay of pays) {
      const request = log.filter((r) => r["Request ID"] === pay["Request ID"] && r.Entity === "campaign");
      expect(
        request.some((r) => r.Action === "approve"),
        `${label}: ${pay["Entity ID"]} paid unapproved`,
      ).toBe(true);
      const asked = /"amount":(\d+)/.exec(String(request.find((r) => r.Action === "submit")?.Snapshot ?? ""));
      expect(String(pay.Snapshot), `${label}: paid at the approved amount`).toBe(`{"amount":${asked?.[1]}}`);
    }
    // Each campaign's state is the fold of its log: the last campaign event's state.
    const states = new Map<string, string>();
    for (const r of log) if (r.Entity === "campaign") states.set(String(r["Entity ID"]), String(r["To state"]));
    for (const c of seen) {
      expect(c.state, `${label}: ${c.id} state`).toBe(states.get(c.id) ?? "Draft");
    }
  }
  return stats;
}

describe("a seeded random walk through the money process", () => {
  for (const seed of [7, 2026]) {
    it(`keeps the books whatever is typed and done (seed ${seed})`, () => {
      const stats = walk(seed, 150);
      console.info(`walk seed ${seed}: ${JSON.stringify(stats)}`);
      // The walk did something: writes went through and were refused, and cells were typed over.
      expect(stats.writes).toBeGreaterThan(40);
      expect(stats.writes - stats.refused).toBeGreaterThan(20);
      expect(stats.edits).toBeGreaterThan(10);
      expect(stats.refusedOnBrokenLog).toBeGreaterThan(0);
    }, 600_000);
  }
});
