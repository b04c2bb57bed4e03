// The approval log as it grows: each RPC makes the same service calls and reads the same cells of the log at 100 rows
// as at thousands (the fold of the verified prefix is kept, only rows after it are read); onEdit's calls do not
// depend on the number of approved campaigns; the document properties stay far below their quota whatever the
// campaigns. The big logs are sealed directly with the domain's functions and written with one setValues.
import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  chainText,
  type FoldResult,
  foldEvents,
  foldEventsFrom,
  foldSeal,
  foldText,
  keyedHash,
  LOG_COLUMNS,
  type LogRow,
  readFoldText,
} from "../../src/domain/workflow";
import { Emulator } from "../emulator/index";
import { countLogCells, documentProps, growLog, LOG_TAB, logRowsOf, propertyBytes, STATE_TAB } from "./log-support";
import {
  addPlans,
  approvePlan,
  columnsOf,
  inboxItem,
  LEO,
  MIA,
  newRequestId,
  recordExpense,
  spendWorkbook,
  tabName,
  writeRows,
} from "./spend-support";

/** A workbook with three complete plans (one approval level each) and their budget lines. */
function workflowBook(): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [
    { id: "C-1", budget: 800 },
    { id: "C-2", budget: 600 },
    { id: "C-3", budget: 500 },
  ]);
  writeRows(emu, "budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 800 },
    { campaign: "C-2", category: "Media", month: "2026-03", planned: 600 },
    { campaign: "C-3", category: "Media", month: "2026-03", planned: 500 },
  ]);
  return emu;
}

function submitPlan(emu: Emulator, campaignId: string): void {
  const res = emu.as(MIA).run<{ ok: boolean; message?: string }>("rpcSubmit", {
    campaignId,
    type: "plan",
    requestId: newRequestId("plan"),
    comment: "",
  });
  expect(res.ok, res.message).toBe(true);
}

function openRequestOf(emu: Emulator, campaignId: string): string {
  const found = mine(emu, MIA).campaigns.find((c) => c.id === campaignId);
  const id = (found as { openRequest?: { id: string } } | undefined)?.openRequest?.id;
  if (!id) throw new Error(`${campaignId} has no open request`);
  return id;
}

function decidePlan(emu: Emulator, campaignId: string, decision: string, comment = ""): void {
  const item = inboxItem(emu, LEO, openRequestOf(emu, campaignId));
  if (!item) throw new Error(`${campaignId} is not in Leo's inbox`);
  const res = emu.as(LEO).run<{ ok: boolean; message?: string }>("rpcDecide", {
    campaignId,
    requestId: item.request.id,
    seenVersion: item.request.version,
    decision,
    comment,
  });
  expect(res.ok, res.message).toBe(true);
}

function mine(emu: Emulator, who: string) {
  return emu
    .as(who)
    .run<{ campaigns: { id: string; status: string; openRequest?: { id: string } | null }[] }>("rpcMyCampaigns", {});
}

/**
 * C-1 approved (budget 800 in one Media line: one approval level), then `pairs` made-up approved plans, the full
 * verification (which keeps the fold of them all), then C-2 submitted and waiting for Leo.
 */
function grown(pairs: number): Emulator {
  const emu = spendWorkbook();
  addPlans(emu, [
    { id: "C-1", budget: 800 },
    { id: "C-2", budget: 600 },
  ]);
  writeRows(emu, "budget", [
    { campaign: "C-1", category: "Media", month: "2026-03", planned: 800 },
    { campaign: "C-2", category: "Media", month: "2026-03", planned: 600 },
  ]);
  approvePlan(emu, "C-1");
  if (pairs > 0) growLog(emu, pairs);
  expect(emu.as(LEO).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {}).chain).toEqual({
    ok: true,
    count: 2 + 2 * pairs,
  });
  const submitted = emu.as(MIA).run<{ ok: boolean }>("rpcSubmit", {
    campaignId: "C-2",
    type: "plan",
    requestId: newRequestId("plan"),
    comment: "",
  });
  expect(submitted.ok).toBe(true);
  return emu;
}

interface Cost {
  readonly calls: Record<string, number>;
  readonly logCells: number;
}

let counting: ReturnType<typeof countLogCells> | null = null;
beforeEach(() => {
  counting = countLogCells();
});
afterEach(() => {
  counting?.stop();
});

function cost(emu: Emulator, act: () => void): Cost {
  emu.counter.reset();
  counting?.reset();
  act();
  return { calls: emu.counter.snapshot(), logCells: counting?.cells() ?? 0 };
}

/** The cost of each RPC the sidebars and the sheet use most, in one workbook. */
function costs(emu: Emulator) {
  const myCampaigns = cost(emu, () => emu.as(MIA).run("rpcMyCampaigns", {}));
  let inboxItem: { request: { id: string; version: number } } | undefined;
  const inbox = cost(emu, () => {
    const res = emu
      .as(LEO)
      .run<{ requests: { campaignId: string; request: { id: string; version: number } }[] }>("rpcInbox", {});
    inboxItem = res.requests.find((i) => i.campaignId === "C-2");
  });
  if (!inboxItem) throw new Error("C-2 is not in Leo's inbox");
  const item = inboxItem;
  const decide = cost(emu, () => {
    const res = emu.as(LEO).run<{ ok: boolean; message?: string }>("rpcDecide", {
      campaignId: "C-2",
      requestId: item.request.id,
      seenVersion: item.request.version,
      decision: "approve",
      comment: "",
    });
    expect(res.ok, res.message).toBe(true);
  });
  const expense = cost(emu, () => {
    const res = recordExpense(emu, MIA, { campaign: "C-1", amount: "100", date: "2026-03-10" });
    expect(res.ok, res.message).toBe(true);
  });
  const budget = columnsOf(emu, tabName(emu, "campaigns")).get("budget");
  const onEdit = cost(emu, () => {
    emu.as(MIA).edit(`${tabName(emu, "campaigns")}!${colA1(budget ?? 0, 2)}`, 900);
  });
  // A custom function reads money the same way: from the kept fold and the rows after it.
  const remaining = cost(emu, () => {
    expect(emu.customFunction("BUDGET_REMAINING", [["C-1"]])).toEqual([[expect.any(Number)]]);
  });
  return { myCampaigns, inbox, decide, expense, onEdit, remaining };
}

function colA1(column: number, row: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}

describe("a growing approval log", () => {
  it("costs each RPC, onEdit and a budget function the same service calls and log cells at 100 rows as at 4,000", () => {
    const small = costs(grown(49)); // 2 + 98 rows, then C-2's submission: 101
    const large = costs(grown(1999)); // 2 + 3,998 rows, then C-2's submission: 4,001
    // Every RPC, the money write included (the kept fold holds the expense events too), costs the same.
    expect(large).toEqual(small);
    // No keyed hash is a service call any more, and no read or approval reads the log whole.
    for (const c of Object.values(small)) expect(c.calls["Utilities.computeHmacSha256Signature"]).toBeUndefined();
    // A read: the log's header and the rows after the kept fold (its last row, to check the link, and none after it).
    expect(small.myCampaigns.logCells).toBe(2 * LOG_COLUMNS.length);
    // A money write and a custom function read the same: their expense events come from the kept fold.
    expect(small.expense.logCells).toBe(2 * LOG_COLUMNS.length);
    expect(small.remaining.logCells).toBe(2 * LOG_COLUMNS.length);
    // onEdit reads nothing of the log, and a constant handful of cells elsewhere.
    expect(small.onEdit.logCells).toBe(0);
    expect(small.onEdit.calls["Range.getValues"]).toBe(1);
    expect(small.onEdit.calls["Range.getValue"]).toBe(3);
  });
});

/** The fold the add-on keeps in its hidden tab, opened with the document's key as the add-on opens it. */
function keptFold(emu: Emulator) {
  const values = emu.values(STATE_TAB);
  const unmark = (v: unknown) => String(v ?? "").replace(/^\|/, "");
  const chunks = Number(unmark(values[0]?.[2]));
  const text = values
    .slice(1, 1 + chunks)
    .map((r) => unmark(r[0]))
    .join("");
  return readFoldText(text, unmark(values[0]?.[1]), keyedHash(documentProps(emu)["cc.secret"]));
}

/**
 * A fold as plain data, its events without their place in the chain (a fold of log rows keeps the rows it was given;
 * the kept fold keeps the events): what the sidebars and the engine read of it.
 */
function plain(fold: FoldResult | undefined): unknown {
  if (!fold) return fold;
  const strip = (_key: string, value: unknown) =>
    value instanceof Map
      ? Object.fromEntries(value)
      : _key === "seq" || _key === "hash" || _key === "prevHash"
        ? undefined
        : value;
  return JSON.parse(JSON.stringify(fold, strip));
}

/** Campaign IDs with guard data in the hidden tab. */
function guarded(emu: Emulator): string[] {
  return emu
    .values(STATE_TAB)
    .slice(1)
    .map((r) => String(r[3] ?? "").replace(/^\|/, ""))
    .filter((id) => id !== "")
    .sort();
}

describe("the kept fold", () => {
  it("resumed with the rows after it is the fold of the whole log, at every split point", () => {
    const emu = workflowBook();
    submitPlan(emu, "C-1");
    decidePlan(emu, "C-1", "request_changes", "Add a KPI");
    submitPlan(emu, "C-1");
    decidePlan(emu, "C-1", "approve");
    submitPlan(emu, "C-2");
    decidePlan(emu, "C-2", "reject", "Not now");
    submitPlan(emu, "C-3");
    const rows = logRowsOf(emu);
    expect(rows.length).toBe(7);
    const whole = foldEvents(rows);
    const hash = keyedHash(documentProps(emu)["cc.secret"]);
    for (let k = 1; k <= rows.length; k++) {
      const prefix = rows.slice(0, k);
      const last = prefix[k - 1] as LogRow;
      const text = foldText({ count: k, lastHash: last.hash, sheetRow: k + 1, fold: foldEvents(prefix) });
      const kept = readFoldText(text, foldSeal(text, hash), hash);
      expect(kept).not.toBeNull();
      expect(plain(foldEventsFrom(kept!.fold, rows.slice(k), k))).toEqual(plain(whole));
    }
    // What the add-on kept after its last write is the fold of the whole log, tied to its last row.
    const kept = keptFold(emu);
    expect(kept).toMatchObject({ count: 7, lastHash: rows[6]?.hash, sheetRow: 8 });
    expect(plain(kept?.fold)).toEqual(plain(whole));
  });

  it("does not open when its text was edited or sealed without the key", () => {
    const emu = workflowBook();
    submitPlan(emu, "C-1");
    const values = emu.values(STATE_TAB);
    const seal = String(values[0]?.[1]).slice(1);
    const text = String(values[1]?.[0]).slice(1);
    const hash = keyedHash(documentProps(emu)["cc.secret"]);
    expect(readFoldText(text, seal, hash)).not.toBeNull();
    expect(readFoldText(text.replace("PlanSubmitted", "PlanApproved"), seal, hash)).toBeNull();
    expect(readFoldText(text, foldSeal(text, keyedHash("guessed")), hash)).toBeNull();
    // Edited in the sheet: the next read does not trust it and reads the log whole, so the state is still the log's.
    emu.as(MIA).edit(`${STATE_TAB}!A2`, `|${text.replace("PlanSubmitted", "PlanApproved")}`);
    expect(mine(emu, MIA).campaigns.find((c) => c.id === "C-1")?.status).toBe("PlanSubmitted");
  });
});

describe("a log sealed before this version", () => {
  it("verifies and goes on: Apps Script's HMAC and the JavaScript one are the same bytes", () => {
    const emu = grown(0);
    const secret = documentProps(emu)["cc.secret"] ?? "";
    // Rows sealed as the add-on sealed them before: Utilities.computeHmacSha256Signature's signed bytes, as hex.
    const appsScript = (text: string) =>
      [...createHmac("sha256", Buffer.from(secret, "utf8")).update(Buffer.from(text, "utf8")).digest()]
        .map((b) => (b > 127 ? b - 256 : b))
        .map((b) => ((b + 256) % 256).toString(16).padStart(2, "0"))
        .join("");
    growLog(emu, 3, 1, appsScript);
    const rows = logRowsOf(emu);
    for (const r of rows) expect(keyedHash(secret)(chainText(r))).toBe(r.hash);
    expect(emu.as(LEO).run<{ chain: unknown }>("rpcVerifyLog", {}).chain).toEqual({ ok: true, count: rows.length });
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "100" })).toMatchObject({ ok: true });
  });
});

describe("a broken chain", () => {
  it("inside the kept fold is found by the full verification; then every write is refused, money writes included", () => {
    const emu = grown(3); // C-1 approved, F-1..F-3, C-2 submitted: 9 rows, all kept
    // Row 3 (F-1's submission) is inside the kept fold: a read checks only the kept fold's last row and what follows,
    // so the edit is not seen until the full verification (the detection window the README describes).
    emu.as(MIA).edit(`${LOG_TAB}!O4`, "edited by hand");
    expect(emu.as(MIA).run<{ chain: { ok: boolean } }>("rpcMyCampaigns", {}).chain.ok).toBe(true);
    const verdict = emu.as(LEO).run<{ chain: unknown; message: string }>("rpcVerifyLog", {});
    expect(verdict.chain).toMatchObject({ ok: false, row: 4, kind: "edited" });
    const before = JSON.stringify(emu.save().spreadsheet);
    const expense = recordExpense(emu, MIA, { campaign: "C-1", amount: "100" });
    expect(expense).toMatchObject({ ok: false, kind: "chain_broken" });
    expect(expense.message).toContain("Row 4 of the approval log was changed by hand.");
    const draft = { id: "", name: "New one", owner: MIA, objective: "", audience: "", channels: "", content: "" };
    const saved = emu.as(MIA).run<{ ok: boolean; kind?: string }>("rpcSavePlan", {
      ...draft,
      place: "",
      start: "",
      end: "",
      budget: "",
      currency: "",
      kpis: "",
    });
    expect(saved).toMatchObject({ ok: false, kind: "chain_broken" });
    expect(JSON.stringify(emu.save().spreadsheet)).toBe(before);
    // Reads go on, with the banner's row.
    expect(emu.as(MIA).run<{ chain: unknown }>("rpcMyCampaigns", {}).chain).toMatchObject({ ok: false, row: 4 });
    // Put back (as version history would), the log holds again once verified.
    emu.as(MIA).edit(`${LOG_TAB}!O4`, "");
    expect(emu.as(LEO).run<{ chain: unknown }>("rpcVerifyLog", {}).chain).toEqual({ ok: true, count: 9 });
    expect(recordExpense(emu, MIA, { campaign: "C-1", amount: "100" })).toMatchObject({ ok: true });
  });

  it("after the kept fold is found at once, by every read and write", () => {
    const emu = grown(0);
    growLog(emu, 2, 1); // two made-up pairs after the kept fold, sealed with the key: rows 5..8
    emu.as(MIA).edit(`${LOG_TAB}!O7`, "edited by hand");
    expect(emu.as(MIA).run<{ chain: unknown }>("rpcMyCampaigns", {}).chain).toMatchObject({
      ok: false,
      row: 7,
      kind: "edited",
    });
    const expense = recordExpense(emu, MIA, { campaign: "C-1", amount: "100" });
    expect(expense).toMatchObject({ ok: false, kind: "chain_broken" });
    expect(expense.message).toContain("Row 7 of the approval log");
  });
});

describe("the document properties", () => {
  it("stay under 64 KB with 10 and with 1,000 approved, open campaigns", () => {
    const at10 = grown(10);
    const at1000 = grown(1000);
    const small = propertyBytes(at10);
    const large = propertyBytes(at1000);
    expect(large).toBeLessThan(64 * 1024);
    // Nothing per campaign: the same keys, and values that do not grow with the campaigns.
    expect(Object.keys(documentProps(at1000)).sort()).toEqual(Object.keys(documentProps(at10)).sort());
    // Only numbers in them grow (the log's row count in the anchor): a few digits, not bytes per campaign.
    expect(large - small).toBeLessThanOrEqual(8);
    // The campaigns' guard data is in the hidden tab instead: all 1,000 of them and C-1.
    expect(guarded(at1000)).toHaveLength(1001);
  });
});

describe("a decision killed at any service call", () => {
  it("leaves guard data and kept fold that the next execution brings to the log, with nothing twice", () => {
    const base = grown(2);
    const state = base.save();
    const item = () => inboxItem(base, LEO, openRequestOf(base, "C-2"));
    const request = item();
    if (!request) throw new Error("C-2 is not waiting");
    const decision = {
      campaignId: "C-2",
      requestId: request.request.id,
      seenVersion: request.request.version,
      decision: "approve",
      comment: "",
    };
    // How many calls a decision makes when nothing goes wrong.
    const probe = Emulator.restore(state);
    probe.counter.reset();
    expect(probe.as(LEO).run<{ ok: boolean }>("rpcDecide", decision).ok).toBe(true);
    const total = probe.counter.total();
    expect(total).toBeGreaterThan(40);
    for (let k = 1; k <= total; k++) {
      const emu = Emulator.restore(state);
      let n = 0;
      // Killed at call k: that call and every one after it fails (the script may catch one, but it gets no further).
      const stop = emu.onServiceCall((_method, execution) => {
        if (execution?.functionName === "rpcDecide" && ++n >= k) throw new Error(`killed at call ${k}`);
      });
      try {
        emu.as(LEO).run("rpcDecide", decision);
      } catch {
        // The kill, as the platform reports it.
      }
      stop();
      const approvals = () => logRowsOf(emu).filter((r) => r.entityId === "C-2" && r.action === "approve").length;
      const landed = approvals();
      expect(landed === 0 || landed === 1).toBe(true);
      // A read right after the kill already shows what the log says.
      const c2 = mine(emu, MIA).campaigns.find((c) => c.id === "C-2");
      expect(c2?.status).toBe(landed === 1 ? "PlanApproved" : "PlanSubmitted");
      // Leo tries again: one approval in the log, whatever the kill left (a repeat is answered as the one that landed).
      const again = emu.as(LEO).run<{ ok: boolean; duplicate?: boolean }>("rpcDecide", decision);
      expect(again, `killed at call ${k}`).toMatchObject({ ok: true, state: "PlanApproved" });
      expect(again.duplicate === true, `killed at call ${k}`).toBe(landed === 1);
      expect(approvals()).toBe(1);
      // The kept fold is the fold of the whole log and the guard data is that of the approved, open campaigns.
      const rows = logRowsOf(emu);
      const kept = keptFold(emu);
      expect(kept?.count).toBe(rows.length);
      expect(plain(kept?.fold)).toEqual(plain(foldEvents(rows)));
      expect(guarded(emu)).toEqual(["C-1", "C-2", "F-1", "F-2"]);
      expect(emu.as(LEO).run<{ chain: unknown }>("rpcVerifyLog", {}).chain).toEqual({ ok: true, count: rows.length });
    }
  }, 240_000); // one restored workbook and four executions per service call of the decision
});

describe("a submission killed at any service call", () => {
  it("leaves guard data and kept fold that the next execution brings to the log, with nothing twice", () => {
    const base = workflowBook();
    approvePlan(base, "C-1");
    growLog(base, 2);
    expect(base.as(LEO).run<{ chain: { ok: boolean } }>("rpcVerifyLog", {}).chain.ok).toBe(true);
    const state = base.save();
    const submission = { campaignId: "C-2", type: "plan", requestId: newRequestId("plan"), comment: "" };
    const probe = Emulator.restore(state);
    probe.counter.reset();
    expect(probe.as(MIA).run<{ ok: boolean }>("rpcSubmit", submission).ok).toBe(true);
    const total = probe.counter.total();
    expect(total).toBeGreaterThan(30);
    for (let k = 1; k <= total; k++) {
      const emu = Emulator.restore(state);
      let n = 0;
      const stop = emu.onServiceCall((_method, execution) => {
        if (execution?.functionName === "rpcSubmit" && ++n >= k) throw new Error(`killed at call ${k}`);
      });
      try {
        emu.as(MIA).run("rpcSubmit", submission);
      } catch {
        // The kill, as the platform reports it.
      }
      stop();
      const submits = () => logRowsOf(emu).filter((r) => r.requestId === submission.requestId).length;
      const landed = submits();
      expect(landed === 0 || landed === 1, `killed at call ${k}`).toBe(true);
      const c2 = mine(emu, MIA).campaigns.find((c) => c.id === "C-2");
      expect(c2?.status, `killed at call ${k}`).toBe(landed === 1 ? "PlanSubmitted" : "Draft");
      const again = emu.as(MIA).run<{ ok: boolean; duplicate?: boolean }>("rpcSubmit", submission);
      expect(again, `killed at call ${k}`).toMatchObject({ ok: true, state: "PlanSubmitted" });
      expect(again.duplicate === true, `killed at call ${k}`).toBe(landed === 1);
      expect(submits()).toBe(1);
      const rows = logRowsOf(emu);
      const kept = keptFold(emu);
      expect(kept?.count).toBe(rows.length);
      expect(plain(kept?.fold)).toEqual(plain(foldEvents(rows)));
      expect(guarded(emu)).toEqual(["C-1", "F-1", "F-2"]);
      expect(emu.as(LEO).run<{ chain: unknown }>("rpcVerifyLog", {}).chain).toEqual({ ok: true, count: rows.length });
    }
  }, 240_000); // one restored workbook and four executions per service call of the submission
});
